/**
 * Russian working days: the production calendar (производственный календарь)
 * of a five-day week, kept as data, and the terms counted on it.
 *
 * A year's calendar is the non-working holidays of Трудовой кодекс РФ ст. 112
 * (1–8 January, 23 February, 8 March, 1 and 9 May, 12 June, 4 November), the
 * days off moved by the Government's yearly decree «О переносе выходных
 * дней», and the Saturdays or Sundays that decree makes working days. Each
 * year names its source; a year without a decree yet is `provisional` (the
 * statutory holidays and ст. 112's own rule — a holiday on a weekend moves the
 * day off to the next working day — without the Government's transfers).
 *
 * Pure: dates are 'YYYY-MM-DD' strings (calendar days in Moscow).
 */

export interface YearCalendar {
  /** Weekdays that are not working: holidays and days off moved onto weekdays. */
  readonly daysOff: readonly string[];
  /** Saturdays or Sundays that are working days by a transfer. */
  readonly workingWeekends: readonly string[];
  readonly source: string;
  /** No Government decree for the year in this table yet (holidays of ст. 112 only). */
  readonly provisional?: boolean;
}

/**
 * The production calendar. Add a year (or replace a provisional one) when the
 * Government publishes its decree on transfers, usually in September–October
 * of the year before; `test` in working-days.test.ts checks each year's count.
 */
export const PRODUCTION_CALENDAR: Readonly<Record<number, YearCalendar>> = Object.freeze({
  2024: {
    // 1–8 Jan; 23 Feb; 8 Mar; 29–30 Apr, 1 May; 9–10 May; 12 Jun; 4 Nov; 30–31 Dec. Working: Sat 27 Apr, Sat 2 Nov, Sat 28 Dec.
    daysOff: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-02-23', '2024-03-08', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-09', '2024-05-10', '2024-06-12', '2024-11-04', '2024-12-30', '2024-12-31'],
    workingWeekends: ['2024-04-27', '2024-11-02', '2024-12-28'],
    source: 'ТК РФ ст. 112; постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»',
  },
  2025: {
    // 1–8 Jan; 2, 8 May (from Sat 4 Jan and Sun 23 Feb); 1 May; 9 May; 12–13 Jun (13 Jun from Sat 8 Mar); 3–4 Nov (3 Nov from Sat 1 Nov); 31 Dec (from Sun 5 Jan).
    daysOff: ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08', '2025-05-01', '2025-05-02', '2025-05-08', '2025-05-09', '2025-06-12', '2025-06-13', '2025-11-03', '2025-11-04', '2025-12-31'],
    workingWeekends: ['2025-11-01'],
    source: 'ТК РФ ст. 112; постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
  },
  2026: {
    // 1–9 Jan (9 Jan from Sat 3 Jan); 23 Feb; 9 Mar (8 Mar is a Sunday: ст. 112); 1 May; 11 May (9 May is a Saturday); 12 Jun; 4 Nov; 31 Dec (from Sun 4 Jan).
    daysOff: ['2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11', '2026-06-12', '2026-11-04', '2026-12-31'],
    workingWeekends: [],
    source: 'ТК РФ ст. 112; постановление Правительства РФ от 24.09.2025 «О переносе выходных дней в 2026 году» (3 и 4 января перенесены на 9 января и 31 декабря)',
  },
  2027: {
    // 1, 4–8 Jan; 23 Feb; 8 Mar; 3 May (1 May is a Saturday); 10 May (9 May is a Sunday); 14 Jun (12 Jun is a Saturday); 4 Nov.
    daysOff: ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-02-23', '2027-03-08', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-04'],
    workingWeekends: [],
    source:
      'ТК РФ ст. 112 (праздники и перенос выходного дня, совпавшего с праздником); переносы 2 и 3 января, которые Правительство устанавливает постановлением «О переносе выходных дней в 2027 году», ещё не внесены',
    provisional: true,
  },
});

export const CALENDAR_YEARS = Object.keys(PRODUCTION_CALENDAR).map(Number).sort((a, b) => a - b);

/**
 * The calendar as one table of days from the first year to the last: whether
 * each is a working day, and how many working days come before it, so that
 * a count between two dates is a subtraction (the operator's queue computes
 * one per row).
 */
const DAY_MS = 86_400_000;
const FIRST = Date.UTC(CALENDAR_YEARS[0], 0, 1) / DAY_MS;
const LAST = Date.UTC(CALENDAR_YEARS[CALENDAR_YEARS.length - 1], 11, 31) / DAY_MS;
const WORKING = new Uint8Array(LAST - FIRST + 1);
/** BEFORE[i] = working days among days FIRST … FIRST + i - 1. */
const BEFORE = new Int32Array(LAST - FIRST + 2);
for (let i = 0; i <= LAST - FIRST; i++) {
  const d = new Date((FIRST + i) * DAY_MS);
  const iso = d.toISOString().slice(0, 10);
  const y = PRODUCTION_CALENDAR[d.getUTCFullYear()];
  const dow = d.getUTCDay();
  WORKING[i] = y.workingWeekends.includes(iso) ? 1 : y.daysOff.includes(iso) ? 0 : dow !== 0 && dow !== 6 ? 1 : 0;
  BEFORE[i + 1] = BEFORE[i] + WORKING[i];
}

export class CalendarRangeError extends Error {
  constructor(readonly year: number) {
    super(`Производственный календарь на ${year} год не загружен (есть ${CALENDAR_YEARS[0]}–${CALENDAR_YEARS[CALENDAR_YEARS.length - 1]})`);
    this.name = 'CalendarRangeError';
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Index of a 'YYYY-MM-DD' day in the table; throws outside the calendar's years. */
function indexOf(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const i = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS - FIRST;
  if (i < 0 || i > LAST - FIRST) throw new CalendarRangeError(Number(m[1]));
  return i;
}

const dateOf = (i: number) => new Date((FIRST + i) * DAY_MS).toISOString().slice(0, 10);

export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether a calendar day is a working day (five-day week, holidays and transfers of its year). */
export function isWorkingDay(date: string): boolean {
  return WORKING[indexOf(date)] === 1;
}

/** The day itself when it is a working day, else the next working day (ГК РФ ст. 193). */
export function nextWorkingDayFrom(date: string): string {
  let i = indexOf(date);
  while (WORKING[i] !== 1) {
    i++;
    if (i > LAST - FIRST) throw new CalendarRangeError(CALENDAR_YEARS[CALENDAR_YEARS.length - 1] + 1);
  }
  return dateOf(i);
}

/** The `n`-th working day after `date` (not counting `date` itself); n ≥ 1. */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  let i = indexOf(date);
  let left = n;
  while (left > 0) {
    i++;
    if (i > LAST - FIRST) throw new CalendarRangeError(CALENDAR_YEARS[CALENDAR_YEARS.length - 1] + 1);
    left -= WORKING[i];
  }
  return dateOf(i);
}

/** Working days in (from, to]: how many working days pass after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string): number {
  const a = indexOf(from);
  const b = indexOf(to);
  return BEFORE[b + 1] - BEFORE[a + 1];
}

/**
 * The last day of a review term of `days` working days for a request made on
 * `submittedOn`: a request made on a non-working day counts as made on the
 * next working day; the term runs from the day after (1387-ПП: «со дня,
 * следующего за днём регистрации запроса»).
 */
export function reviewTermEnd(submittedOn: string, days: number): string {
  return addWorkingDays(nextWorkingDayFrom(submittedOn), days);
}

/**
 * A term set as a calendar date: when it falls on a non-working day it ends
 * on the next working day (ГК РФ ст. 193). Says whether it moved.
 */
export function termEndingOn(date: string): { date: string; moved: boolean } {
  const d = nextWorkingDayFrom(date);
  return { date: d, moved: d !== date };
}

/** Working days in a year (for checking the data against the published count). */
export function workingDaysInYear(year: number): number {
  return BEFORE[indexOf(`${year}-12-31`) + 1] - BEFORE[indexOf(`${year}-01-01`)];
}
