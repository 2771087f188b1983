/**
 * The operator's canned texts, as data: reasons for a refusal (1387-ПП: the
 * grounds for refusing the service) and for asking the applicant for more,
 * and Moscow's administrative okrugs for the district of a site.
 */

export interface Reason {
  code: string;
  text: string;
}

/** Reasons for «Отклонено» (the operator adds free text to any of them). */
export const REJECTION_REASONS: readonly Reason[] = Object.freeze([
  { code: 'incomplete_documents', text: 'Представлен неполный комплект документов, необходимых для предоставления услуги' },
  { code: 'invalid_documents', text: 'Документы утратили силу или содержат недостоверные либо противоречивые сведения' },
  { code: 'not_entitled', text: 'Заявитель не является лицом, имеющим право на получение разрешения по данному объекту' },
  { code: 'site_mismatch', text: 'Сведения об объекте образования ОСС не соответствуют разрешительной документации на производство работ' },
  { code: 'volume_unjustified', text: 'Заявленные объёмы ОСС не подтверждены проектной документацией или технологическим регламентом' },
  { code: 'facility_unsuitable', text: 'Указанный объект приёма не принимает заявленные виды отходов или его деятельность приостановлена' },
  { code: 'carrier_unsuitable', text: 'Указанный перевозчик не зарегистрирован в АИС «ОССиГ» или его доступ приостановлен' },
  { code: 'no_answer', text: 'Заявитель не представил запрошенные сведения в установленный срок' },
  { code: 'other', text: 'Иное основание (указано в комментарии)' },
]);

/** Typical requests for more (the operator edits or adds text). */
export const INFO_REQUEST_TEMPLATES: readonly Reason[] = Object.freeze([
  { code: 'regulation', text: 'Приложите технологический регламент процесса обращения с отходами строительства и сноса, согласованный в установленном порядке' },
  { code: 'carrier_contract', text: 'Приложите договор с перевозчиком на транспортирование ОСС' },
  { code: 'facility_contract', text: 'Приложите договор с объектом приёма (переработки, утилизации) ОСС' },
  { code: 'volumes', text: 'Уточните объёмы отходов по видам (ФККО) в соответствии с проектной документацией' },
  { code: 'works_document', text: 'Приложите документ, разрешающий производство работ (разрешение на строительство, ордер ОАТИ)' },
]);

export const REJECTION_REASON_CODES = REJECTION_REASONS.map((r) => r.code);

export function rejectionReasonText(code: string | null): string | null {
  return REJECTION_REASONS.find((r) => r.code === code)?.text ?? null;
}

/** Moscow's administrative okrugs (the district of a site; the operator's queue filters by it). */
export const DISTRICTS: readonly { code: string; name: string }[] = Object.freeze([
  { code: 'ЦАО', name: 'Центральный' },
  { code: 'САО', name: 'Северный' },
  { code: 'СВАО', name: 'Северо-Восточный' },
  { code: 'ВАО', name: 'Восточный' },
  { code: 'ЮВАО', name: 'Юго-Восточный' },
  { code: 'ЮАО', name: 'Южный' },
  { code: 'ЮЗАО', name: 'Юго-Западный' },
  { code: 'ЗАО', name: 'Западный' },
  { code: 'СЗАО', name: 'Северо-Западный' },
  { code: 'ЗелАО', name: 'Зеленоградский' },
  { code: 'НАО', name: 'Новомосковский' },
  { code: 'ТАО', name: 'Троицкий' },
]);

export const DISTRICT_CODES = DISTRICTS.map((d) => d.code);

/** Attachment kinds an applicant chooses from. */
export const ATTACHMENT_KINDS = Object.freeze({
  regulation: 'Технологический регламент',
  carrier_contract: 'Договор с перевозчиком',
  facility_contract: 'Договор с объектом приёма',
  other: 'Иной документ',
} as const);
