/**
 * Errors are data: a code, tables mapping codes to an HTTP status and a
 * Russian title (the generic ones here, each feature's in its own
 * `problems.ts`, registered together in `src/features/index.ts`), and
 * RFC 9457 problem+json on the wire. No internals leak into 5xx answers.
 */
import { FIELD_LABELS } from './labels.js';

export interface FieldError {
  /** Path of the field, e.g. `inn` or `trips[3].plate`. */
  field: string;
  /** Russian message that names the field. */
  message: string;
}

export interface ProblemDefinition {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The Russian title (the same for every answer with this code; `detail` says what happened). */
  readonly title: string;
}

/** A feature's table of problems: `defineProblems({ code: { status, title } })` in its `problems.ts`. */
export const defineProblems = <const T extends Record<string, ProblemDefinition>>(table: T): T => table;

/** The codes of a problem table, as an interface can extend them (see `ProblemCodes`). */
export type CodesOf<T> = { readonly [K in keyof T]: true };

/**
 * The generic problems: HTTP, access and the platform's own. A feature keeps
 * its codes beside its code (`src/features/<f>/problems.ts`); all tables are
 * registered together where the features are listed (`src/features/index.ts`).
 */
export const GENERIC_PROBLEMS = defineProblems({
  validation: { status: 422, title: 'Ошибка в данных' },
  bad_request: { status: 400, title: 'Неверный запрос' },
  malformed_json: { status: 400, title: 'Тело запроса не является корректным JSON' },
  unsupported_media_type: { status: 415, title: 'Неподдерживаемый тип содержимого' },
  multipart_invalid: { status: 400, title: 'Форма multipart/form-data повреждена' },
  payload_too_large: { status: 413, title: 'Слишком большой запрос' },
  request_timeout: { status: 408, title: 'Истекло время ожидания запроса' },
  unauthenticated: { status: 401, title: 'Требуется вход в систему' },
  forbidden: { status: 403, title: 'Недостаточно прав' },
  cross_site_request: { status: 403, title: 'Запрос с другого сайта отклонён' },
  no_organization: { status: 403, title: 'Не выбрана организация' },
  second_factor_required: { status: 403, title: 'Требуется вход со вторым фактором' },
  not_found: { status: 404, title: 'Не найдено' },
  conflict: { status: 409, title: 'Конфликт' },
  idempotency_mismatch: { status: 422, title: 'Ключ идемпотентности уже использован с другим запросом' },
  idempotency_in_progress: { status: 409, title: 'Запрос с этим ключом идемпотентности ещё выполняется' },
  too_many_requests: { status: 429, title: 'Слишком много запросов' },
  overloaded: { status: 503, title: 'Сервис перегружен, повторите позже' },
  unavailable: { status: 503, title: 'Сервис временно недоступен' },
  internal: { status: 500, title: 'Внутренняя ошибка сервера' },
});

/**
 * Every problem code, for the type checker. A feature's `problems.ts` adds its
 * table's codes:
 *
 *   declare module '../../platform/http/errors.js' {
 *     interface ProblemCodes extends CodesOf<typeof IDENTITY_PROBLEMS> {}
 *   }
 */
export interface ProblemCodes extends CodesOf<typeof GENERIC_PROBLEMS> {}

export type ProblemCode = keyof ProblemCodes & string;

const registry = new Map<string, ProblemDefinition>(Object.entries(GENERIC_PROBLEMS));

/**
 * Adds the features' tables to the generic one and returns the whole registry
 * (called once, in `src/features/index.ts`). A code declared twice with
 * another status or title is a programming error.
 */
export function registerProblems(...tables: ReadonlyArray<Record<string, ProblemDefinition>>): Readonly<Record<ProblemCode, ProblemDefinition>> {
  const added = new Map<string, ProblemDefinition>();
  for (const [code, def] of tables.flatMap((t) => Object.entries(t))) {
    const known = added.get(code) ?? registry.get(code);
    if (known && (known.status !== def.status || known.title !== def.title)) {
      throw new Error(`Код проблемы «${code}» объявлен дважды с разным смыслом`);
    }
    added.set(code, Object.freeze({ status: def.status, title: def.title }));
  }
  for (const [code, def] of added) registry.set(code, def);
  return Object.freeze(Object.fromEntries(registry)) as Record<ProblemCode, ProblemDefinition>;
}

/** Every registered code (the generic ones first), for the OpenAPI document. */
export const problemCodes = (): ProblemCode[] => [...registry.keys()] as ProblemCode[];

export function problemDefinition(code: ProblemCode): ProblemDefinition {
  const def = registry.get(code);
  if (!def) throw new Error(`Код проблемы «${code}» не зарегистрирован: перечислите таблицу признака в src/features/index.ts`);
  return def;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ProblemCode;
  errors?: FieldError[];
  instance?: string;
  /** The request's id (also in the X-Request-Id header and in the log): quote it to support. */
  requestId?: string;
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
    super(detail ?? problemDefinition(code).title);
    this.status = problemDefinition(code).status;
  }

  toProblem(instance?: string): Problem {
    const p: Problem = {
      type: `urn:ossig:problem:${this.code}`,
      title: problemDefinition(this.code).title,
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

export function fieldLabel(path: string): string {
  const last = path.split('.').pop()!.replace(/\[\d+\]$/, '');
  return (FIELD_LABELS as Record<string, string>)[last] ?? last;
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
