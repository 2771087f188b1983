/** Russian formats: dates dd.mm.yyyy, times in Moscow time, numbers with ru-RU grouping. */

const TZ = 'Europe/Moscow';

const dateFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('ru-RU', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2026-05-04` (a calendar date) or an ISO instant → `04.05.2026` (the Moscow day). */
export function fmtDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

/** An ISO instant → `04.05.2026 13:45` in Moscow time. */
export function fmtDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d).replace(',', '');
}

/** An integer count. */
export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('ru-RU');
}

/**
 * An exact decimal string from the API (`"1234.50"`) with ru-RU grouping,
 * without passing it through a binary float.
 */
export function fmtDecimal(value: string | null | undefined, fractionDigits?: number): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value).trim());
  if (!m) return String(value);
  const [, sign, int, frac = ''] = m;
  const grouped = BigInt(int!).toLocaleString('ru-RU');
  let f = frac;
  if (fractionDigits !== undefined) f = frac.padEnd(fractionDigits, '0').slice(0, fractionDigits);
  return `${sign}${grouped}${f ? `,${f}` : ''}`;
}

/** A share 0..1 (or more) as a percentage, `87,5 %`. */
export function fmtPercent(share: number): string {
  return `${(share * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`;
}

/** Today's calendar date in Moscow, `YYYY-MM-DD`. */
export function moscowToday(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts; // en-CA gives YYYY-MM-DD
}

/** `YYYY-MM-DD` shifted by whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Russian plural: plural(5, 'рейс', 'рейса', 'рейсов'). */
export function plural(n: number, one: string, few: string, many: string): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return many;
  if (b > 1 && b < 5) return few;
  if (b === 1) return one;
  return many;
}

export const PERMIT_STATUS: Record<string, string> = {
  active: 'Действует',
  draft: 'Черновик',
  suspended: 'Приостановлено',
  revoked: 'Аннулировано',
  expired: 'Истёк срок',
  closed: 'Закрыто',
};

export const RECEIPT_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: 'Ожидает', color: 'gray' },
  confirmed: { label: 'Принят', color: 'teal' },
  rejected: { label: 'Отклонён', color: 'red' },
};

export const STATEMENT_STATUS: Record<string, { label: string; color: string }> = {
  queued: { label: 'В очереди', color: 'gray' },
  running: { label: 'Формируется', color: 'blue' },
  ready: { label: 'Сформированы', color: 'teal' },
  failed: { label: 'Ошибка формирования', color: 'red' },
};

const LEGAL_FORMS: Array<[RegExp, string]> = [
  [/^Общество с ограниченной ответственностью\s*/i, 'ООО '],
  [/^Публичное акционерное общество\s*/i, 'ПАО '],
  [/^Непубличное акционерное общество\s*/i, 'АО '],
  [/^Акционерное общество\s*/i, 'АО '],
  [/^Государственное казённое учреждение\s*/i, 'ГКУ '],
  [/^Государственное казенное учреждение\s*/i, 'ГКУ '],
  [/^Государственное унитарное предприятие\s*/i, 'ГУП '],
  [/^Индивидуальный предприниматель\s*/i, 'ИП '],
];

/** «Общество с ограниченной ответственностью «Ромашка»» → «ООО «Ромашка»» for narrow places. */
export function shortOrg(name: string): string {
  for (const [re, abbr] of LEGAL_FORMS) if (re.test(name)) return name.replace(re, abbr);
  return name;
}

/**
 * How a processed file went, honestly: every row accepted (green), some
 * refused (yellow), or most of them refused (red) — never a plain green mark
 * over a file whose rows were mostly turned down.
 */
export function uploadTone(u: { accepted: number; rejected: number }): { color: string; mark: string; label: string } {
  if (u.rejected === 0) return { color: 'teal', mark: '✓', label: 'обработан, все строки приняты' };
  if (u.rejected >= u.accepted) return { color: 'red', mark: '!', label: u.accepted === 0 ? 'обработан, все строки отклонены' : 'обработан, большая часть строк отклонена' };
  return { color: 'yellow', mark: '!', label: 'обработан, часть строк отклонена' };
}

/** An exact amount in roubles from the API (`"1234.5"`, `"1234.56"`) → `1 234,56 ₽` (never through a float). */
export function fmtRub(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${fmtDecimal(value, 2)} ₽`;
}

/** A file's size: «512 байт», «34 КБ», «1,5 МБ». */
export function fmtBytes(n: number): string {
  if (n < 1024) return `${n.toLocaleString('ru-RU')} байт`;
  if (n < 1024 * 1024) return `${(n / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 0 })} КБ`;
  return `${(n / 1024 / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;
}
