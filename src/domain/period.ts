/**
 * Calendar dates and periods in Europe/Moscow.
 *
 * A period is two inclusive dates 'YYYY-MM-DD'; as instants it is
 * [00:00 MSK of `from`, 00:00 MSK of the day after `to`). The zone offset is
 * taken from the platform's time-zone database through Intl.DateTimeFormat,
 * never hard-coded: Moscow was UTC+4 from 27.03.2011 to 26.10.2014 and had
 * summer time before that.
 */

export const MOSCOW_TIME_ZONE = 'Europe/Moscow';

/** A date of the Gregorian calendar (month 1..12). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type DateResult = { ok: true; value: CalendarDate } | { ok: false; error: string };

/** Instants of a period: start inclusive, end exclusive. */
export interface PeriodBounds {
  readonly start: Date;
  readonly endExclusive: Date;
}

export type PeriodResult = { ok: true; value: PeriodBounds } | { ok: false; error: string };

const MS_PER_DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses 'YYYY-MM-DD' strictly, rejecting impossible dates such as 2025-02-29. */
export function parseIsoDate(s: string): DateResult {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return { ok: false, error: 'дата должна иметь вид ГГГГ-ММ-ДД' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: 'такой даты не существует' };
  }
  return { ok: true, value: { year, month, day } };
}

/** 'YYYY-MM-DD' of a calendar date. */
export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The calendar date `days` days after `d` (negative goes back). */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: MOSCOW_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Moscow wall-clock reading of an instant, from the time zone data (ICU: slow, tens of microseconds). */
function moscowPartsOf(d: Date): WallClock {
  const p: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(d)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

const HOUR_MS = 3_600_000;
/** Moscow's offset (whole seconds, in ms) through each UTC hour asked about; null for an hour in which it changed. */
const offsetByHour = new Map<number, number | null>();

function offsetFromParts(t: number): number {
  const w = moscowPartsOf(new Date(t));
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
}

/**
 * Moscow wall-clock reading of an instant. The offset is looked up once per UTC hour (the same at the
 * hour's first and last second: no change within it) and the reading is then plain arithmetic — every
 * request asks for today's date, and lists ask for each row's.
 */
function moscowWallClock(d: Date): WallClock {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid date');
  const hour = Math.floor(t / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const first = offsetFromParts(hour * HOUR_MS);
    offset = first === offsetFromParts(hour * HOUR_MS + HOUR_MS - 1000) ? first : null;
    if (offsetByHour.size >= 10_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  if (offset === null) return moscowPartsOf(d);
  const w = new Date(t + offset);
  return { year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: w.getUTCSeconds() };
}

/** For tests: the reading straight from the time zone data. */
export const moscowWallClockForTest = { fast: moscowWallClock, slow: moscowPartsOf };

/** Offset of Moscow time from UTC at instant `t`, in ms (e.g. +3 h = 10 800 000). */
export function moscowOffsetMs(t: Date): number {
  const w = moscowWallClock(t);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSeconds = Math.floor(t.getTime() / 1000) * 1000;
  return asUtc - wholeSeconds;
}

/** Instant of 00:00 Moscow time on calendar date `d`. */
export function moscowMidnight(d: CalendarDate): Date {
  const utcMidnight = Date.UTC(d.year, d.month - 1, d.day);
  // First guess with the offset at UTC midnight, then correct once with the
  // offset at the guess (offset changes in Moscow never happened at midnight).
  let t = utcMidnight - moscowOffsetMs(new Date(utcMidnight));
  t = utcMidnight - moscowOffsetMs(new Date(t));
  return new Date(t);
}

function toCalendarDate(d: string | CalendarDate): CalendarDate {
  if (typeof d !== 'string') return d;
  const r = parseIsoDate(d);
  if (!r.ok) throw new RangeError(`${d}: ${r.error}`);
  return r.value;
}

/**
 * Instants of the inclusive period [from, to]: start = 00:00 MSK of `from`,
 * endExclusive = 00:00 MSK of the day after `to`. Throws RangeError on a
 * malformed date or when `from` is after `to`; see `parsePeriod` for input.
 */
export function periodBounds(from: string | CalendarDate, to: string | CalendarDate): PeriodBounds {
  const f = toCalendarDate(from);
  const t = toCalendarDate(to);
  if (formatIsoDate(f) > formatIsoDate(t)) throw new RangeError('дата начала периода позже даты окончания');
  return { start: moscowMidnight(f), endExclusive: moscowMidnight(addDays(t, 1)) };
}

/** Validates user input of a period and returns its bounds or a Russian error. */
export function parsePeriod(from: string, to: string): PeriodResult {
  const f = parseIsoDate(from);
  if (!f.ok) return { ok: false, error: `дата начала: ${f.error}` };
  const t = parseIsoDate(to);
  if (!t.ok) return { ok: false, error: `дата окончания: ${t.error}` };
  if (formatIsoDate(f.value) > formatIsoDate(t.value)) {
    return { ok: false, error: 'дата начала периода позже даты окончания' };
  }
  return { ok: true, value: periodBounds(f.value, t.value) };
}

/** Whether instant `t` lies in the period: start ≤ t < endExclusive. */
export function isInPeriod(t: Date, bounds: PeriodBounds): boolean {
  const ms = t.getTime();
  return ms >= bounds.start.getTime() && ms < bounds.endExclusive.getTime();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Moscow calendar date of an instant, 'YYYY-MM-DD'. */
export function moscowDate(d: Date): string {
  const w = moscowWallClock(d);
  return formatIsoDate(w);
}

/** Moscow date of an instant, 'ДД.ММ.ГГГГ'. */
export function formatMoscowDate(d: Date): string {
  const w = moscowWallClock(d);
  return `${pad2(w.day)}.${pad2(w.month)}.${w.year}`;
}

/** Moscow date and time of an instant, 'ДД.ММ.ГГГГ ЧЧ:ММ'. */
export function formatMoscowDateTime(d: Date): string {
  const w = moscowWallClock(d);
  return `${pad2(w.day)}.${pad2(w.month)}.${w.year} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** A calendar date 'YYYY-MM-DD' as printed in Russian documents, 'ДД.ММ.ГГГГ'. */
export function formatDateRu(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}
