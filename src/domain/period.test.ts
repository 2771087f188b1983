import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatMoscowDate,
  formatMoscowDateTime,
  isInPeriod,
  moscowDate,
  moscowMidnight,
  moscowOffsetMs,
  parseIsoDate,
  parsePeriod,
  periodBounds,
  moscowWallClockForTest,
} from './period.js';

const HOUR = 3_600_000;

describe('parseIsoDate', () => {
  it('parses valid dates', () => {
    expect(parseIsoDate('2025-03-01')).toEqual({ ok: true, value: { year: 2025, month: 3, day: 1 } });
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, value: { year: 2024, month: 2, day: 29 } });
  });

  it('rejects malformed and impossible dates', () => {
    expect(parseIsoDate('2025-3-1')).toEqual({ ok: false, error: 'дата должна иметь вид ГГГГ-ММ-ДД' });
    expect(parseIsoDate('01.03.2025').ok).toBe(false);
    expect(parseIsoDate('2025-02-29')).toEqual({ ok: false, error: 'такой даты не существует' });
    expect(parseIsoDate('2025-13-01').ok).toBe(false);
    expect(parseIsoDate('2025-04-31').ok).toBe(false);
    expect(parseIsoDate('2025-00-10').ok).toBe(false);
  });

  it('addDays crosses month and year ends', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2025, month: 2, day: 28 }, 1)).toEqual({ year: 2025, month: 3, day: 1 });
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
  });
});

describe('periodBounds', () => {
  it('a day in 2025 is [21:00 UTC previous day, 21:00 UTC) (UTC+3)', () => {
    const b = periodBounds('2025-03-01', '2025-03-31');
    expect(b.start.toISOString()).toBe('2025-02-28T21:00:00.000Z');
    expect(b.endExclusive.toISOString()).toBe('2025-03-31T21:00:00.000Z');
  });

  it('23:59 MSK of the last day is inside, 00:00 MSK of the next day is outside', () => {
    const b = periodBounds('2025-03-01', '2025-03-31');
    const lastMinute = new Date('2025-03-31T23:59:00+03:00');
    const nextMidnight = new Date('2025-04-01T00:00:00+03:00');
    const lastMs = new Date('2025-03-31T23:59:59.999+03:00');
    expect(isInPeriod(lastMinute, b)).toBe(true);
    expect(isInPeriod(lastMs, b)).toBe(true);
    expect(isInPeriod(nextMidnight, b)).toBe(false);
    expect(isInPeriod(new Date('2025-03-01T00:00:00+03:00'), b)).toBe(true);
    expect(isInPeriod(new Date('2025-02-28T23:59:59.999+03:00'), b)).toBe(false);
  });

  it('uses UTC+4 for 2013', () => {
    const b = periodBounds('2013-06-15', '2013-06-15');
    expect(b.start.toISOString()).toBe('2013-06-14T20:00:00.000Z');
    expect(b.endExclusive.toISOString()).toBe('2013-06-15T20:00:00.000Z');
    expect(moscowOffsetMs(new Date('2013-06-15T12:00:00Z'))).toBe(4 * HOUR);
  });

  it('crosses the 26.10.2014 switch from UTC+4 to UTC+3 (a 25-hour day)', () => {
    const b = periodBounds('2014-10-26', '2014-10-26');
    expect(b.start.toISOString()).toBe('2014-10-25T20:00:00.000Z');
    expect(b.endExclusive.toISOString()).toBe('2014-10-26T21:00:00.000Z');
    expect(b.endExclusive.getTime() - b.start.getTime()).toBe(25 * HOUR);
  });

  it('handles month ends, leap February and year ends', () => {
    expect(periodBounds('2024-02-01', '2024-02-29').endExclusive.toISOString()).toBe('2024-02-29T21:00:00.000Z');
    expect(periodBounds('2025-02-01', '2025-02-28').endExclusive.toISOString()).toBe('2025-02-28T21:00:00.000Z');
    expect(periodBounds('2025-12-01', '2025-12-31').endExclusive.toISOString()).toBe('2025-12-31T21:00:00.000Z');
    expect(periodBounds('2025-04-30', '2025-04-30').endExclusive.toISOString()).toBe('2025-04-30T21:00:00.000Z');
  });

  it('rejects reversed and malformed periods', () => {
    expect(() => periodBounds('2025-03-02', '2025-03-01')).toThrow(RangeError);
    expect(() => periodBounds('2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(parsePeriod('2025-03-02', '2025-03-01')).toEqual({
      ok: false,
      error: 'дата начала периода позже даты окончания',
    });
    expect(parsePeriod('2025-02-30', '2025-03-01')).toEqual({
      ok: false,
      error: 'дата начала: такой даты не существует',
    });
    expect(parsePeriod('2025-03-01', 'завтра').ok).toBe(false);
    const r = parsePeriod('2025-03-01', '2025-03-01');
    expect(r.ok && r.value.start.toISOString()).toBe('2025-02-28T21:00:00.000Z');
  });

  it('moscowMidnight of a summer-time date before 2011 (UTC+4 in July 2010)', () => {
    expect(moscowMidnight({ year: 2010, month: 7, day: 1 }).toISOString()).toBe('2010-06-30T20:00:00.000Z');
    expect(moscowMidnight({ year: 2010, month: 1, day: 1 }).toISOString()).toBe('2009-12-31T21:00:00.000Z');
  });
});

describe('formatting in Moscow time', () => {
  it('moscowDate takes the Moscow calendar day', () => {
    expect(moscowDate(new Date('2025-03-31T20:59:59Z'))).toBe('2025-03-31');
    expect(moscowDate(new Date('2025-03-31T21:00:00Z'))).toBe('2025-04-01');
    expect(moscowDate(new Date('2013-06-14T20:00:00Z'))).toBe('2013-06-15');
  });

  it('formatMoscowDateTime gives ДД.ММ.ГГГГ ЧЧ:ММ with a 00 hour, not 24', () => {
    expect(formatMoscowDateTime(new Date('2025-03-31T20:59:00Z'))).toBe('31.03.2025 23:59');
    expect(formatMoscowDateTime(new Date('2025-03-31T21:00:00Z'))).toBe('01.04.2025 00:00');
    expect(formatMoscowDateTime(new Date('2013-01-05T05:07:00Z'))).toBe('05.01.2013 09:07');
  });

  it('formatMoscowDate gives ДД.ММ.ГГГГ', () => {
    expect(formatMoscowDate(new Date('2025-12-31T21:00:00Z'))).toBe('01.01.2026');
    expect(formatMoscowDate(new Date('2025-12-31T20:59:00Z'))).toBe('31.12.2025');
  });

  it('throws on an invalid date', () => {
    expect(() => moscowDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('the Moscow wall clock by the hour’s offset', () => {
  it('reads every instant as the time zone data does, across offset changes and at random', () => {
    const { fast, slow } = moscowWallClockForTest;
    const instants: number[] = [];
    // Around offset changes (1919, 1930, 1981 summer time, 2011 permanent summer time, 2014 back to +3), minute by minute.
    for (const at of ['1919-07-01T00:00:00+03:31', '1930-06-21T00:00:00+03:00', '1981-04-01T00:00:00+04:00', '2011-03-27T02:00:00+03:00', '2014-10-26T02:00:00+04:00']) {
      const t = Date.parse(at);
      for (let m = -180; m <= 180; m += 1) instants.push(t + m * 60_000 + 17_000);
    }
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 3000; i++) instants.push(Date.UTC(1900, 0, 1) + Math.floor(next() * 200 * 365.25 * 86_400_000));
    for (const t of instants) expect(fast(new Date(t)), new Date(t).toISOString()).toEqual(slow(new Date(t)));
    expect(() => fast(new Date(NaN))).toThrow(RangeError);
  });
});
