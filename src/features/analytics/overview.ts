/**
 * The operator's overview of the city (issue 13): what is registered, what moved in the last days,
 * what waits for the operator and how the background work is doing — in a cost that does not grow
 * with the history behind it. Nothing here reads all trips:
 * - all trips and other large registers: the planner's estimate (pg_class.reltuples) — «≈ N» — counted instead while
 *   at most 10,000 rows (keyset.ts tableEstimate);
 * - the last 24 hours of trips: a range of trips_unloaded_idx (one day's trips, whatever the years before);
 * - the last 14 days by day: trip_totals through trip_totals_day_idx (migration 0221);
 * - queues (applications to review, open telemetry cases, unknown terminals, statements in progress,
 *   mail, jobs): each through its partial or leading index, counted up to 1000 («более 1000»).
 */
import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { COUNT_CAP, cappedCountQuery, cappedTotal, tableEstimate, type ListTotal } from '../../platform/db/keyset.js';
import { queueHealth } from '../../platform/jobs/index.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate, type CalendarDate } from '../../domain/period.js';

export const OVERVIEW_DAYS = 14;

/** The queue counts, each a query of at most COUNT_CAP + 1 index entries (test/explain.test.ts explains them). */
export function overviewCountQueries(): Record<'applications' | 'telemetryReviews' | 'unknownTerminals' | 'statementsInProgress' | 'mailQueued' | 'jobsFailedDay' | 'trips24h', RawBuilder<{ n: number }>> {
  return {
    applications: cappedCountQuery(sql`select 1 from permit_applications where first_submitted_at is not null and status = 'submitted'`),
    telemetryReviews: cappedCountQuery(sql`select 1 from telemetry_reviews where status = 'open'`),
    unknownTerminals: cappedCountQuery(sql`select 1 from telemetry_unknown_terminals`),
    statementsInProgress: cappedCountQuery(sql`select 1 from statements where status in ('queued', 'running')`),
    mailQueued: cappedCountQuery(sql`select 1 from mail_messages where status = 'queued'`),
    jobsFailedDay: cappedCountQuery(sql`select 1 from jobs where status in ('failed', 'parked') and finished_at > now() - interval '24 hours'`),
    trips24h: cappedCountQuery(sql`select 1 from trips where unloaded_at > now() - interval '24 hours'`, 100_000),
  };
}

/** The last days' trips and volumes by Moscow day, from the aggregates. */
export function overviewDaysQuery(from: string, to: string) {
  return sql<{ day: string; trips: number; volume: string; accepted_volume: string }>`
    select tt.day::text as day, sum(tt.trips)::int as trips, sum(tt.volume)::numeric(16, 2)::text as volume,
           coalesce(sum(tt.volume) filter (where tt.acceptance = 'accepted'), 0)::numeric(16, 2)::text as accepted_volume
      from trip_totals tt
     where tt.day between ${from}::date and ${to}::date
     group by tt.day order by tt.day`;
}

export async function operatorOverview(ctx: AppContext) {
  const today = moscowDate(ctx.now());
  const first = addDays((parseIsoDate(today) as { ok: true; value: CalendarDate }).value, -(OVERVIEW_DAYS - 1));
  const from = formatIsoDate(first);
  const q = overviewCountQueries();
  const count = async (k: keyof typeof q, cap = COUNT_CAP): Promise<ListTotal> => cappedTotal((await q[k].execute(ctx.db)).rows[0].n, cap);
  const [orgs, trips, sites, permits, vehicles, days, queue, ...counts] = await Promise.all([
    sql<{ producers: number; carriers: number; facilities: number; suspended: number }>`
      select count(*) filter (where 'producer' = any(roles))::int as producers, count(*) filter (where 'carrier' = any(roles))::int as carriers,
             count(*) filter (where 'facility' = any(roles))::int as facilities, count(*) filter (where status = 'suspended')::int as suspended
        from organizations`.execute(ctx.db),
    tableEstimate(ctx.db, 'trips'),
    tableEstimate(ctx.db, 'sites'),
    tableEstimate(ctx.db, 'permits'),
    tableEstimate(ctx.db, 'vehicles'),
    overviewDaysQuery(from, today).execute(ctx.db),
    queueHealth(ctx.db, ctx.config.jobs.leaseSeconds),
    count('trips24h', 100_000),
    count('applications'),
    count('telemetryReviews'),
    count('unknownTerminals'),
    count('statementsInProgress'),
    count('mailQueued'),
    count('jobsFailedDay'),
  ]);
  const [trips24h, applications, telemetryReviews, unknownTerminals, statementsInProgress, mailQueued, jobsFailedDay] = counts;
  const byDay = new Map(days.rows.map((d) => [d.day, d]));
  return {
    generatedAt: ctx.now().toISOString(),
    organizations: orgs.rows[0],
    registers: { trips, sites, permits, vehicles },
    trips24h,
    days: Array.from({ length: OVERVIEW_DAYS }, (_, i) => {
      const day = formatIsoDate(addDays(first, i));
      const d = byDay.get(day);
      return { day, trips: d?.trips ?? 0, volume: d?.volume ?? '0.00', acceptedVolume: d?.accepted_volume ?? '0.00' };
    }),
    waiting: { applications, telemetryReviews, unknownTerminals, statementsInProgress, mailQueued },
    jobs: { ...queue, failedDay: jobsFailedDay },
  };
}

export type OperatorOverview = Awaited<ReturnType<typeof operatorOverview>>;
