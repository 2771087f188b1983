import { describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  PRODUCTION_CALENDAR,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayFrom,
  reviewTermEnd,
  termEndingOn,
  workingDaysBetween,
  workingDaysInYear,
} from './working-days.js';

describe('the production calendar', () => {
  it('matches the published number of working days of each decreed year (five-day week)', () => {
    // Производственные календари: 2024 — 248, 2025 — 247, 2026 — 247 рабочих дней.
    expect(workingDaysInYear(2024)).toBe(248);
    expect(workingDaysInYear(2025)).toBe(247);
    expect(workingDaysInYear(2026)).toBe(247);
    // 2027 has no decree on transfers in the table yet: its statutory holidays only.
    expect(PRODUCTION_CALENDAR[2027].provisional).toBe(true);
    expect(workingDaysInYear(2027)).toBe(249);
    for (const y of Object.values(PRODUCTION_CALENDAR)) expect(y.source).toMatch(/ТК РФ ст\. 112/);
  });

  it('knows holidays, days off moved onto weekdays, and Saturdays made working', () => {
    expect(isWorkingDay('2026-01-09')).toBe(false); // Fri, moved from Sat 3 Jan
    expect(isWorkingDay('2026-01-12')).toBe(true);
    expect(isWorkingDay('2026-02-23')).toBe(false); // Mon, Defender of the Fatherland Day
    expect(isWorkingDay('2026-03-09')).toBe(false); // Mon: 8 March fell on a Sunday
    expect(isWorkingDay('2026-05-11')).toBe(false); // Mon: 9 May fell on a Saturday
    expect(isWorkingDay('2026-12-31')).toBe(false); // Thu, moved from Sun 4 Jan
    expect(isWorkingDay('2025-05-08')).toBe(false); // Thu, moved from Sun 23 Feb
    expect(isWorkingDay('2025-02-24')).toBe(true); // the Monday after 23 Feb 2025 worked: the day went to 8 May
    expect(isWorkingDay('2025-06-13')).toBe(false); // Fri, moved from Sat 8 Mar
    expect(isWorkingDay('2025-11-01')).toBe(true); // a working Saturday
    expect(isWorkingDay('2025-11-03')).toBe(false);
    expect(isWorkingDay('2024-12-28')).toBe(true); // a working Saturday
    expect(isWorkingDay('2026-07-04')).toBe(false); // an ordinary Saturday
  });

  it('refuses a year it has no data for, instead of guessing', () => {
    expect(() => isWorkingDay('2031-03-03')).toThrow(CalendarRangeError);
  });
});

describe('terms in working days', () => {
  it('counts a review term from the day after submission, skipping weekends and holidays', () => {
    // Submitted Friday 6 March 2026: 7–9 March are off (9 March for 8 March on a Sunday).
    expect(reviewTermEnd('2026-03-06', 7)).toBe('2026-03-18');
    // Submitted on the last working day before the New Year holidays of 2026: they run 31 Dec – 11 Jan.
    expect(reviewTermEnd('2025-12-30', 1)).toBe('2026-01-12');
    expect(reviewTermEnd('2025-12-30', 7)).toBe('2026-01-20');
    // Across May 2025: 1–4 and 8–11 May off.
    expect(reviewTermEnd('2025-04-30', 5)).toBe('2025-05-13'); // 5, 6, 7, 12, 13 May
  });

  it('a request made on a non-working day counts from the next working day', () => {
    // Saturday 7 March 2026 → registered Tuesday 10 March → 7 working days end on Thursday 19 March.
    expect(nextWorkingDayFrom('2026-03-07')).toBe('2026-03-10');
    expect(reviewTermEnd('2026-03-07', 7)).toBe('2026-03-19');
    // A working Saturday is a working day.
    expect(reviewTermEnd('2025-11-01', 1)).toBe('2025-11-05');
  });

  it('a term set on a date that falls on a weekend or holiday ends on the next working day', () => {
    expect(termEndingOn('2026-03-07')).toEqual({ date: '2026-03-10', moved: true }); // Sat → Sun → holiday Mon → Tue
    expect(termEndingOn('2026-01-01')).toEqual({ date: '2026-01-12', moved: true });
    expect(termEndingOn('2026-03-11')).toEqual({ date: '2026-03-11', moved: false });
  });

  it('counts working days between two dates in both directions', () => {
    expect(workingDaysBetween('2026-03-06', '2026-03-18')).toBe(7);
    expect(workingDaysBetween('2026-03-18', '2026-03-06')).toBe(-7);
    expect(workingDaysBetween('2026-03-18', '2026-03-18')).toBe(0);
    expect(addWorkingDays('2026-05-08', 1)).toBe('2026-05-12');
    expect(() => addWorkingDays('2026-05-08', 0)).toThrow(RangeError);
  });
});
