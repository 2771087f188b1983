import { describe, expect, it } from 'vitest';
import { formationCutoff, isTripFormed, tripFormedAt } from './formation.js';

const HOURS = 27;
const finishedAt = new Date('2025-03-10T09:15:00.000Z');
const after = (h: number, ms = 0) => new Date(finishedAt.getTime() + h * 3_600_000 + ms);

describe('trip formation (27 h)', () => {
  it('forms exactly 27 h after the finish', () => {
    expect(tripFormedAt(finishedAt, HOURS).toISOString()).toBe('2025-03-11T12:15:00.000Z');
  });

  it('is not formed at 26 h', () => {
    expect(isTripFormed(finishedAt, after(26), HOURS)).toBe(false);
  });

  it('is not formed 1 ms before 27 h', () => {
    expect(isTripFormed(finishedAt, after(27, -1), HOURS)).toBe(false);
  });

  it('is formed at exactly 27 h', () => {
    expect(isTripFormed(finishedAt, after(27), HOURS)).toBe(true);
  });

  it('is formed at 28 h', () => {
    expect(isTripFormed(finishedAt, after(28), HOURS)).toBe(true);
  });

  it('cutoff agrees with isTripFormed', () => {
    const now = after(27);
    const cutoff = formationCutoff(now, HOURS);
    expect(cutoff.getTime()).toBe(finishedAt.getTime());
    // finished at the cutoff: formed; 1 ms later: not yet.
    expect(isTripFormed(cutoff, now, HOURS)).toBe(true);
    expect(isTripFormed(new Date(cutoff.getTime() + 1), now, HOURS)).toBe(false);
  });

  it('works with other settings, including 0 h', () => {
    expect(isTripFormed(finishedAt, finishedAt, 0)).toBe(true);
    expect(isTripFormed(finishedAt, after(24), 24)).toBe(true);
    expect(isTripFormed(finishedAt, after(23), 24)).toBe(false);
  });

  it('rejects invalid hours and dates', () => {
    expect(() => tripFormedAt(finishedAt, -1)).toThrow(RangeError);
    expect(() => formationCutoff(finishedAt, Number.NaN)).toThrow(RangeError);
    expect(() => isTripFormed(new Date('nope'), finishedAt, 27)).toThrow(RangeError);
  });
});
