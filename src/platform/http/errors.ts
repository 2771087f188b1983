/**
 * Errors are data: a code, one table mapping codes to an HTTP status and a
 * Russian title, and RFC 9457 problem+json on the wire. No internals leak
 * into 5xx answers.
 */

export interface FieldError {
  /** Path of the field, e.g. `inn` or `trips[3].plate`. */
  field: string;
  /** Russian message that names the field. */
  message: string;
}

/** The one table of problem codes. Features add their codes here. */
export const PROBLEMS = {
  validation: { status: 422, title: 'Ошибка в данных' },
  bad_request: { status: 400, title: 'Неверный запрос' },
  malformed_json: { status: 400, title: 'Тело запроса не является корректным JSON' },
  unsupported_media_type: { status: 415, title: 'Неподдерживаемый тип содержимого' },
  payload_too_large: { status: 413, title: 'Слишком большой запрос' },
  unauthenticated: { status: 401, title: 'Требуется вход в систему' },
  invalid_credentials: { status: 401, title: 'Неверный логин или пароль' },
  forbidden: { status: 403, title: 'Недостаточно прав' },
  no_organization: { status: 403, title: 'Не выбрана организация' },
  not_found: { status: 404, title: 'Не найдено' },
  conflict: { status: 409, title: 'Конфликт' },
  idempotency_mismatch: { status: 422, title: 'Ключ идемпотентности уже использован с другим запросом' },
  idempotency_in_progress: { status: 409, title: 'Запрос с этим ключом идемпотентности ещё выполняется' },
  too_many_requests: { status: 429, title: 'Слишком много запросов' },
  account_locked: { status: 429, title: 'Вход временно заблокирован' },
  second_factor_required: { status: 403, title: 'Требуется вход со вторым фактором' },
  second_factor_invalid: { status: 401, title: 'Неверный код подтверждения' },
  challenge_used: { status: 409, title: 'Запрос на подпись уже использован' },
  challenge_expired: { status: 410, title: 'Срок запроса истёк' },
  certificate_rejected: { status: 422, title: 'Сертификат не принят' },
  signature_invalid: { status: 422, title: 'Подпись не прошла проверку' },
  invitation_used: { status: 409, title: 'Приглашение уже использовано' },
  invitation_expired: { status: 410, title: 'Срок приглашения истёк' },
  reset_invalid: { status: 400, title: 'Ссылка или код восстановления недействительны' },
  external_login_failed: { status: 400, title: 'Вход через внешнего провайдера не удался' },
  overloaded: { status: 503, title: 'Сервис перегружен, повторите позже' },
  unavailable: { status: 503, title: 'Сервис временно недоступен' },
  internal: { status: 500, title: 'Внутренняя ошибка сервера' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
  instance?: string;
  [extra: string]: unknown;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? PROBLEMS[code].title);
    this.status = PROBLEMS[code].status;
  }

  toProblem(instance?: string): Problem {
    const p: Problem = {
      type: `urn:ossig:problem:${this.code}`,
      title: PROBLEMS[this.code].title,
      status: this.status,
      code: this.code,
      ...this.extra,
    };
    if (this.detail) p.detail = this.detail;
    if (this.errors?.length) p.errors = this.errors;
    if (instance) p.instance = instance;
    return p;
  }
}

/** A validation failure naming one or more fields. */
export function invalid(errors: FieldError[] | FieldError, detail?: string): AppError {
  const list = Array.isArray(errors) ? errors : [errors];
  return new AppError('validation', detail ?? list.map((e) => e.message).join('; '), list);
}

export const notFound = (what = 'Объект не найден'): AppError => new AppError('not_found', what);
export const forbidden = (why?: string): AppError => new AppError('forbidden', why);

/** Russian labels of the fields our schemas use, for messages. */
export const FIELD_LABELS: Record<string, string> = {
  login: 'Логин',
  password: 'Пароль',
  inn: 'ИНН',
  ogrn: 'ОГРН',
  kpp: 'КПП',
  snils: 'СНИЛС',
  plate: 'Госномер ТС',
  permitNumber: 'Номер разрешения',
  permitId: 'Разрешение',
  permitIds: 'Разрешения',
  siteId: 'Объект',
  from: 'Начало периода',
  to: 'Конец периода',
  wasteCode: 'Код ФККО',
  facilityInn: 'ИНН объекта приёма',
  facilityId: 'Объект приёма',
  loadedAt: 'Время погрузки',
  unloadedAt: 'Время выгрузки',
  volume: 'Объём, м³',
  mass: 'Масса, т',
  externalId: 'Номер рейса перевозчика',
  trips: 'Рейсы',
  organizationId: 'Организация',
  page: 'Страница',
  pageSize: 'Размер страницы',
  cadastralNumber: 'Кадастровый номер',
  cadastralNumbers: 'Кадастровые номера',
  name: 'Наименование',
  address: 'Адрес',
  email: 'Электронная почта',
  file: 'Файл',
  reason: 'Причина',
  currentPassword: 'Текущий пароль',
  newPassword: 'Новый пароль',
  code: 'Код',
  validUntil: 'Срок доверенности',
  access: 'Уровень доступа',
  signature: 'Подпись',
  challengeId: 'Запрос на подпись',
  token: 'Ссылка',
  phone: 'Телефон',
  fullName: 'ФИО',
  shortName: 'Краткое наименование',
  requireSecondFactor: 'Требовать второй фактор',
  confirm: 'Подтверждение',
};

export function fieldLabel(path: string): string {
  const last = path.split('.').pop()!.replace(/\[\d+\]$/, '');
  return FIELD_LABELS[last] ?? last;
}

/** Turns Ajv's errors into field errors with Russian messages. */
export function ajvToFieldErrors(
  errors: ReadonlyArray<{ instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }>,
  dataVar: string,
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let path = e.instancePath
      .split('/')
      .filter(Boolean)
      .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`))
      .join('')
      .replace(/^\./, '');
    if (e.keyword === 'required') {
      const missing = String(e.params.missingProperty);
      path = path ? `${path}.${missing}` : missing;
    }
    if (e.keyword === 'additionalProperties') {
      const extra = String(e.params.additionalProperty);
      path = path ? `${path}.${extra}` : extra;
    }
    if (!path) path = dataVar === 'querystring' ? 'query' : dataVar;
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ field: path, message: `${fieldLabel(path)}: ${ajvMessage(e.keyword, e.params)}` });
  }
  return out;
}

function ajvMessage(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'required':
      return 'обязательное поле';
    case 'type':
      return `неверный тип, ожидается ${typeName(String(params.type))}`;
    case 'minLength':
      return params.limit === 1 ? 'не может быть пустым' : `не короче ${params.limit} символов`;
    case 'maxLength':
      return `не длиннее ${params.limit} символов`;
    case 'minimum':
      return `не меньше ${params.limit}`;
    case 'maximum':
      return `не больше ${params.limit}`;
    case 'exclusiveMinimum':
      return `больше ${params.limit}`;
    case 'minItems':
      return `не менее ${params.limit} элементов`;
    case 'maxItems':
      return `не более ${params.limit} элементов`;
    case 'pattern':
    case 'format':
      return 'неверный формат';
    case 'enum':
      return `допустимые значения: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `допустимое значение: ${String(params.allowedValue)}`;
    case 'additionalProperties':
      return 'неизвестное поле';
    case 'uniqueItems':
      return 'значения не должны повторяться';
    default:
      return 'неверное значение';
  }
}

function typeName(t: string): string {
  return (
    { string: 'строка', number: 'число', integer: 'целое число', boolean: 'да/нет', array: 'список', object: 'объект', null: 'пусто' }[
      t
    ] ?? t
  );
}
