/**
 * Texts of the registers shown by both the server and the cabinet (plain data,
 * no imports: web/src/lib/shared.ts re-exports them).
 */

/** Kinds of works on a site (объект образования ОСС). */
export const WORKS_KIND_LABELS = {
  construction: 'Строительство',
  reconstruction: 'Реконструкция',
  demolition: 'Снос',
  capital_repair: 'Капитальный ремонт',
  networks: 'Прокладка сетей',
  landscaping: 'Благоустройство',
  other: 'Иные работы',
} as const;

/** The documents that allow works on a site. */
export const WORKS_DOCUMENT_LABELS = {
  building_permit: 'Разрешение на строительство',
  oati_order: 'Ордер ОАТИ',
  demolition_permit: 'Разрешение на снос',
  other: 'Иной документ',
} as const;

/** What is done at a receiving facility. */
export const FACILITY_KIND_LABELS = {
  processing: 'Переработка',
  utilization: 'Утилизация',
  neutralization: 'Обезвреживание',
  disposal: 'Размещение',
} as const;

export const OWNERSHIP_LABELS = {
  owned: 'Собственность',
  leased: 'Аренда (лизинг)',
} as const;

export const REGISTER_STATUS_LABELS = {
  active: 'Действует',
  suspended: 'Доступ приостановлен',
} as const;

/** Steps in a register entry's history («История изменений»). */
export const REGISTER_ACTION_LABELS = {
  created: 'Внесено в реестр',
  updated: 'Изменено',
  archived: 'Снято с учёта (в архиве)',
  restored: 'Восстановлено',
  suspended: 'Доступ приостановлен',
  reactivated: 'Доступ восстановлен',
  transferred: 'Передано другому перевозчику',
} as const;
