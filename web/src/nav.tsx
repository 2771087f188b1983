/**
 * The cabinet's navigation. A feature adds one line here (and one in
 * routes.tsx); `orgRoles` hides an item from organizations of other roles.
 */
export interface NavItem {
  to: string;
  label: string;
  /** Shown only when the acting organization has one of these roles. */
  orgRoles?: readonly string[];
  /** Only for the head of the organization. */
  headOnly?: boolean;
  /** Hidden from trusted persons with standard access (the page submits on the organization's behalf). */
  fullAccess?: boolean;
  /** Only on a demo stand (the server has the page's API only there). */
  demoOnly?: boolean;
}

export const NAV: NavItem[] = [
  { to: '/', label: 'Рабочий стол' },
  { to: '/sites', label: 'Объекты', orgRoles: ['producer', 'carrier', 'facility', 'operator'] },
  { to: '/services', label: 'Госуслуги и функции' },
  { to: '/applications', label: 'Мои заявки', orgRoles: ['producer'] },
  { to: '/operator/overview', label: 'Обзор города', orgRoles: ['operator'] },
  { to: '/operator/applications', label: 'Очередь заявлений', orgRoles: ['operator'] },
  { to: '/vehicles', label: 'Транспортные средства', orgRoles: ['carrier'] },
  { to: '/facilities', label: 'Объекты приёма', orgRoles: ['facility'] },
  { to: '/operator/registers', label: 'Реестры', orgRoles: ['operator'] },
  { to: '/uploads', label: 'Загрузки', orgRoles: ['carrier'] },
  { to: '/telemetry', label: 'Трекеры', orgRoles: ['producer', 'carrier', 'facility', 'operator'] },
  { to: '/receipts', label: 'Приём рейсов', orgRoles: ['facility'] },
  { to: '/reports', label: 'Отчётность', orgRoles: ['producer', 'facility'] },
  { to: '/operator/reports', label: 'Отчёты организаций', orgRoles: ['operator'] },
  { to: '/analytics', label: 'Аналитика', orgRoles: ['producer', 'carrier', 'facility', 'operator'] },
  { to: '/tariffs', label: 'Тарифы', orgRoles: ['producer', 'carrier', 'facility'] },
  { to: '/settlements', label: 'Расчёты', orgRoles: ['producer', 'carrier', 'facility'] },
  { to: '/meetings', label: 'Собрания собственников', orgRoles: ['managing'] },
  // «Доверенные лица» is for everyone: the head invites there, an invited person accepts there.
  { to: '/trusted', label: 'Доверенные лица' },
  { to: '/outbox', label: 'Исходящая почта', orgRoles: ['operator'], demoOnly: true },
  { to: '/tokens', label: 'Доступ по API', fullAccess: true },
  { to: '/profile', label: 'Профиль' },
  { to: '/organization', label: 'Профиль организации' },
  { to: '/security', label: 'Безопасность' },
  { to: '/help', label: 'Справка' },
];
