/**
 * Russian labels shared by the server's messages and the web cabinet. Plain
 * data without imports: the cabinet imports this file too, so a label lives
 * only here.
 */

/**
 * The fields our schemas use: the start of every field message («ИНН: неверный
 * формат») and the labels of the cabinet's form fields.
 */
export const FIELD_LABELS = {
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
  siteId: 'Объект образования ОСС',
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
  tripId: 'Рейс',
  id: 'Идентификатор',
  q: 'Строка поиска',
  limit: 'Количество',
  status: 'Статус',
  kind: 'Вид файла',
  receiptStatus: 'Статус приёма',
  formed: 'Сформирован',
  receivedMass: 'Масса по весам, т',
  challengeToken: 'Код подтверждения входа',
  query: 'Строка запроса',
  body: 'Тело запроса',
  params: 'Адрес запроса',
} as const satisfies Record<string, string>;

export type LabelledField = keyof typeof FIELD_LABELS;

/** The roles of organizations (`OrgRole`: indexed by it in auth.ts, so a new role without a label does not compile). */
export const ORG_ROLE_LABELS = {
  producer: 'отходопроизводитель',
  carrier: 'отходоперевозчик',
  facility: 'отходополучатель',
  operator: 'информационный оператор',
} as const;
