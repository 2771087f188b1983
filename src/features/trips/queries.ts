/**
 * The trips lists (a site's, a permit's, a vehicle's, a facility's receipts, the organization's
 * own, the operator's): keyset pages ordered by (unloaded_at desc, id desc), a cursor of that
 * key, and a total that never counts a whole history.
 *
 * `tripListQueries` builds the very SQL the route runs (test/explain.test.ts explains it). Indexes:
 * - siteId     → trips_site_unloaded_idx (site_id, unloaded_at), scanned backwards from the cursor
 * - permitId   → trips_permit_unloaded_idx (permit_id, unloaded_at)
 * - facilityId → trips_facility_unloaded_idx (facility_id, unloaded_at) — the receipts page
 * - vehicleId  → trips_vehicle_unloaded_idx (vehicle_id, unloaded_at) (migration 0170)
 * - none, operator → trips_unloaded_idx (unloaded_at) (migration 0170)
 * - none, another organization → the union of its three sides, each by its index:
 *   trips_carrier_unloaded_idx, trips_facility_unloaded_idx, and per own site (sites_producer_idx)
 *   trips_site_unloaded_idx — every branch stops after one page.
 * Totals: from the aggregates (exact) when the filters are those they keep — with no period from
 * trip_lifetime_totals (migration 0400: no day, so a facility's decades of history are still a handful of
 * rows; trip_lifetime_totals_pkey for a permit, trip_lifetime_totals_site_idx, trip_lifetime_totals_facility_idx),
 * within a period from trip_totals' days (trip_totals_pkey, trip_totals_site_day_idx,
 * trip_totals_facility_day_idx; checkPeriod bounds the days); the organization's own list over all
 * time from the lifetime totals of its three sides; otherwise a count
 * stopped at 1001 rows through the list's own index («более 1000»); for the operator's unfiltered
 * list the planner's estimate of trips.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { COUNT_CAP, cappedTotal, decodeKey, encodeKey, microsOf, tableEstimate, timeOfMicros, type ListTotal } from '../../platform/db/keyset.js';
import { formationCutoff } from '../../domain/formation.js';
import { detectionVisible, isOperator, totalsVisible, tripVisible } from '../visibility.js';
import { checkPeriod } from '../period-input.js';

export interface TripFilter {
  siteId?: string;
  /** Only trips delivered to this facility (its receipts). */
  facilityId?: string;
  permitId?: string;
  vehicleId?: string;
  from?: string;
  to?: string;
  formed?: boolean;
  receiptStatus?: 'pending' | 'confirmed' | 'rejected';
  /** The cursor of the previous page (`nextCursor`). */
  after?: string;
  pageSize: number;
}

export interface TripListRow {
  id: string;
  permitId: string;
  permitNumber: string;
  permitVersion: number | null;
  siteId: string;
  siteName: string;
  plate: string;
  carrierName: string;
  facilityName: string;
  wasteCode: string;
  wasteName: string;
  loadedAt: Date;
  unloadedAt: Date;
  volume: string;
  mass: string;
  receiptStatus: 'pending' | 'confirmed' | 'rejected';
  receivedMass: string | null;
  receiptReason: string | null;
  receivedAt: Date | null;
  formed: boolean;
  formedAt: Date;
  /** How the trip entered: 'telemetry' (formed from a truck's track), 'api', 'upload'… */
  source: string;
  /** The detection on the truck's track that formed or confirmed it, when the actor may see that track. */
  trackId: number | null;
  sortMicros: string;
}

const ACCEPTANCE = { pending: 'awaiting', confirmed: 'accepted', rejected: 'rejected' } as const;

export interface TripListQueries {
  /** One page (pageSize + 1 rows: the extra one says there is a next page). */
  items: RawBuilder<TripListRow>;
  /** How the total is had: from the aggregates (exact), a capped count, or the planner's estimate. */
  total: { kind: 'totals'; query: RawBuilder<{ n: string }> } | { kind: 'capped'; query: RawBuilder<{ n: number }> } | { kind: 'estimate' };
}

export function tripListQueries(ctx: AppContext, actor: Actor, f: TripFilter): TripListQueries {
  const cutoff = formationCutoff(ctx.now(), ctx.config.tripFormationHours);
  const hours = ctx.config.tripFormationHours;
  const key = decodeKey(f.after, ['micros', 'int']);
  const period = f.from || f.to ? checkPeriod(ctx, f.from ?? f.to!, f.to ?? f.from!) : null;

  /** The filters on a trips row aliased t (visibility apart). */
  const conds: Expression<unknown>[] = [];
  if (f.siteId) conds.push(sql`t.site_id = ${f.siteId}`);
  if (f.permitId) conds.push(sql`t.permit_id = ${f.permitId}`);
  if (f.facilityId) conds.push(sql`t.facility_id = ${f.facilityId}`);
  if (f.vehicleId) conds.push(sql`t.vehicle_id = ${f.vehicleId}`);
  if (period) conds.push(sql`t.unloaded_at >= ${period.start} and t.unloaded_at < ${period.endExclusive}`);
  if (f.formed === true) conds.push(sql`t.unloaded_at <= ${cutoff}`);
  if (f.formed === false) conds.push(sql`t.unloaded_at > ${cutoff}`);
  if (f.receiptStatus) conds.push(sql`t.receipt_status = ${f.receiptStatus}`);
  const driven = Boolean(f.siteId || f.permitId || f.facilityId || f.vehicleId);
  const and = (parts: Expression<unknown>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

  /** The ids and sort keys of up to `limit` visible trips after `after`, newest first. */
  const keys = (after: string[] | null, limit: number): RawBuilder<unknown> => {
    const where = [...conds];
    if (after) where.push(sql`(t.unloaded_at, t.id) < (${timeOfMicros(after[0])}, ${after[1]}::int8)`);
    const page = (extra: Expression<unknown>[]) =>
      sql`select t.id, t.unloaded_at from trips t where ${and([...extra, ...where])} order by t.unloaded_at desc, t.id desc limit ${limit}`;
    if (driven || isOperator(actor)) return page([tripVisible(actor, 't')]);
    const org = actor.organizationId;
    return sql`select u.id, u.unloaded_at from (
        (${page([sql`t.carrier_id = ${org}`])})
        union
        (${page([sql`t.facility_id = ${org}`])})
        union
        (select x.id, x.unloaded_at from sites vs cross join lateral (${page([sql`t.site_id = vs.id`])}) x where vs.producer_id = ${org})
      ) u order by u.unloaded_at desc, u.id desc limit ${limit}`;
  };

  const items = sql<TripListRow>`
    with k as (${keys(key, f.pageSize + 1)})
    select t.id::text as "id", t.permit_id as "permitId", p.number as "permitNumber", t.permit_version as "permitVersion", t.site_id as "siteId", s.name as "siteName",
           v.plate, c.name as "carrierName", fa.name as "facilityName", t.waste_code as "wasteCode", w.name as "wasteName",
           t.loaded_at as "loadedAt", t.unloaded_at as "unloadedAt", t.volume::text as volume, t.mass::text as mass,
           t.receipt_status as "receiptStatus", t.received_mass::text as "receivedMass", t.receipt_reason as "receiptReason",
           t.received_at as "receivedAt", t.unloaded_at <= ${cutoff} as formed,
           t.unloaded_at + make_interval(hours => ${hours}) as "formedAt", t.source,
           (select d.id::int from telemetry_detections d where d.trip_id = t.id and ${detectionVisible(actor, 'd')} order by d.id limit 1) as "trackId",
           ${microsOf('t.unloaded_at')} as "sortMicros"
      from k
      join trips t on t.id = k.id
      join permits p on p.id = t.permit_id
      join vehicles v on v.id = t.vehicle_id
      join organizations c on c.id = t.carrier_id
      join organizations fa on fa.id = t.facility_id
      join waste_types w on w.code = t.waste_code
      join sites s on s.id = t.site_id
     order by t.unloaded_at desc, t.id desc`;

  let total: TripListQueries['total'];
  if (driven && !f.vehicleId && f.formed === undefined) {
    // The aggregates keep exactly these dimensions: an exact total from a handful of rows.
    const tc: Expression<unknown>[] = [tripVisible(actor, 'tt')];
    if (f.siteId) tc.push(sql`tt.site_id = ${f.siteId}`);
    if (f.permitId) tc.push(sql`tt.permit_id = ${f.permitId}`);
    if (f.facilityId) tc.push(sql`tt.facility_id = ${f.facilityId}`);
    if (period) tc.push(sql`tt.day between ${period.from}::date and ${period.to}::date`);
    if (f.receiptStatus) tc.push(sql`tt.acceptance = ${ACCEPTANCE[f.receiptStatus]}`);
    // With no period the whole history: its lifetime totals, whose rows do not grow with the days.
    const from = period ? sql`trip_totals tt` : sql`trip_lifetime_totals tt`;
    total = { kind: 'totals', query: sql<{ n: string }>`select coalesce(sum(tt.trips), 0)::text as n from ${from} where ${and(tc)}` };
  } else if (!driven && !isOperator(actor) && !period && f.formed === undefined) {
    // The organization's own trips over all time: its lifetime totals under the same rule of who sees what as
    // every other total (totalsVisible: the carrier's, the facility's and the own sites' indexes as one BitmapOr).
    const state = f.receiptStatus ? sql` and tt.acceptance = ${ACCEPTANCE[f.receiptStatus]}` : sql``;
    total = { kind: 'totals', query: sql<{ n: string }>`select coalesce(sum(tt.trips), 0)::text as n from trip_lifetime_totals tt where ${totalsVisible(actor, 'tt')}${state}` };
  } else if (isOperator(actor) && conds.length === 0) {
    total = { kind: 'estimate' };
  } else {
    total = { kind: 'capped', query: sql<{ n: number }>`select count(*)::int as n from (${keys(null, COUNT_CAP + 1)}) capped` };
  }
  return { items, total };
}

export async function listTrips(ctx: AppContext, actor: Actor, f: TripFilter) {
  const q = tripListQueries(ctx, actor, f);
  const [rows, total] = await Promise.all([
    q.items.execute(ctx.db).then((r) => r.rows),
    (async (): Promise<ListTotal> => {
      if (q.total.kind === 'totals') return { value: Number((await q.total.query.execute(ctx.db)).rows[0].n), exact: true };
      if (q.total.kind === 'capped') return cappedTotal((await q.total.query.execute(ctx.db)).rows[0].n);
      return tableEstimate(ctx.db, 'trips');
    })(),
  ]);
  const more = rows.length > f.pageSize;
  const page = more ? rows.slice(0, f.pageSize) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(({ sortMicros: _, ...t }) => ({
      ...t,
      id: Number(t.id),
      loadedAt: new Date(t.loadedAt).toISOString(),
      unloadedAt: new Date(t.unloadedAt).toISOString(),
      formedAt: new Date(t.formedAt).toISOString(),
      receivedAt: t.receivedAt ? new Date(t.receivedAt).toISOString() : null,
    })),
    nextCursor: more ? encodeKey([last.sortMicros, last.id]) : null,
    total,
  };
}
