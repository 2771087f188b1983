/**
 * Trip formation rule: a trip becomes formed (сформирован) a fixed number of
 * hours after it finished (config `tripFormationHours`). Formation is
 * inclusive: at exactly `finishedAt + hours` the trip is formed.
 */

const MS_PER_HOUR = 3_600_000;

function hoursToMs(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`formation hours must be a finite non-negative number, got ${hours}`);
  }
  return Math.round(hours * MS_PER_HOUR);
}

function timeOf(d: Date, what: string): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${what} is an invalid date`);
  return t;
}

/** Instant at which a trip finished at `finishedAt` becomes formed. */
export function tripFormedAt(finishedAt: Date, hours: number): Date {
  return new Date(timeOf(finishedAt, 'finishedAt') + hoursToMs(hours));
}

/** Trips finished at or before this instant are formed at `now`. */
export function formationCutoff(now: Date, hours: number): Date {
  return new Date(timeOf(now, 'now') - hoursToMs(hours));
}

/** Whether a trip finished at `finishedAt` is formed at `now`. */
export function isTripFormed(finishedAt: Date, now: Date, hours: number): boolean {
  return timeOf(finishedAt, 'finishedAt') <= formationCutoff(now, hours).getTime();
}
