/**
 * The events a person may also receive by e-mail, with their Russian names and
 * the roles of organizations they concern (the profile's settings show a person
 * only those of their organizations). Plain data without imports: the cabinet
 * imports this file too.
 */
export const EMAIL_EVENTS = {
  'statement.ready': { label: 'Сведения о результатах перемещения ОСС сформированы', roles: ['producer'] },
  'statement.failed': { label: 'Сведения о результатах перемещения ОСС не удалось сформировать', roles: ['producer'] },
  'upload.processed': { label: 'Загрузка рейсов обработана (сколько строк принято и отклонено)', roles: ['carrier'] },
  'upload.refused': { label: 'Файл загрузки рейсов не принят', roles: ['carrier'] },
  'receipt.rejected': { label: 'Объект приёма отклонил рейс', roles: ['carrier', 'producer'] },
  'application.status': { label: 'Изменился статус заявления на разрешение', roles: ['producer', 'operator'] },
  'application.message': { label: 'Новое сообщение по заявлению', roles: ['producer', 'operator'] },
  'permit.expiring': { label: 'Срок действия разрешения подходит к концу', roles: ['producer'] },
  'permit.volume': { label: 'Разрешённый объём почти выбран', roles: ['producer'] },
  'permit.revoked': { label: 'Оператор аннулировал разрешение, где указана организация', roles: ['producer', 'carrier', 'facility'] },
  'report.due': { label: 'Приближается срок сдачи отчёта', roles: ['producer', 'facility'] },
  'report.returned': { label: 'Отчёт возвращён оператором', roles: ['producer', 'facility'] },
  'invoice.overdue': { label: 'Счёт объекта приёма просрочен', roles: ['producer'] },
} as const satisfies Record<string, { label: string; roles: readonly string[] }>;

/** An event a person may also receive by e-mail. */
export type NotificationEvent = keyof typeof EMAIL_EVENTS;

export const EMAIL_EVENT_KEYS = Object.keys(EMAIL_EVENTS) as NotificationEvent[];
