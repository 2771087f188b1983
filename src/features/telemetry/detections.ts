/**
 * Trips seen on the trucks' tracks, for the cabinet: the list (what became of each detection — a trip
 * recorded from telemetry, the carrier's declared trip confirmed, or a case for review), one detection
 * with its track and the boundaries of its site and facility (the map), and how the carriers' declared
 * trips stand against the tracks (confirmed / unsupported / no data). Every read goes through
 * `detectionVisible` / `tripVisible`: a carrier sees its own vehicles' tracks only.
 */
import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { storedBoundary, type Boundary } from '../../domain/boundary.js';
import { COUNT_CAP, cappedTotal, decodeKey, keysetPage, microsOf, timeOfMicros, type ListTotal } from '../../platform/db/keyset.js';
import { detectionVisible, isOperator } from '../visibility.js';

export type DetectionOutcome = 'recorded' | 'linked' | 'review';

/** A detection's own fields, shown by the detection list and by the review list. */
export interface DetectionFields {
  kind: 'trip' | 'dump_outside';
  carrierName: string;
  plate: string;
  siteName: string;
  facilityName: string | null;
  loadedAt: string;
  unloadedAt: string;
  distanceKm: number | null;
  tripId: number | null;
}

export interface DetectionItem extends DetectionFields {
  id: number;
  outcome: DetectionOutcome;
  /** The linked trip's source: 'telemetry' (formed from the track) or the carrier's ('api', 'upload', …). */
  tripSource: string | null;
  openReviews: number;
  reasons: string[];
}

/** Track points shown on the map at most (evenly thinned; the first and the last kept). */
export const MAX_TRACK_POINTS = 1500;

/** A detection's own fields from a row joined with its vehicle, carrier, site and facility (the review list shows them too). */
export function detectionFields(x: any): DetectionFields {
  return {
    kind: x.kind,
    carrierName: x.carrier_name,
    plate: x.plate,
    siteName: x.site_name,
    facilityName: x.facility_name,
    loadedAt: new Date(x.loaded_at).toISOString(),
    unloadedAt: new Date(x.unloaded_at).toISOString(),
    distanceKm: x.distance_km,
    tripId: x.trip_id,
  };
}

function item(x: any): DetectionItem {
  return {
    id: x.id,
    outcome: x.outcome,
    ...detectionFields(x),
    tripSource: x.trip_source,
    openReviews: x.open_reviews,
    reasons: x.reasons ?? [],
  };
}

const SELECT = sql`
  select d.id::int as id, d.kind, d.outcome, coalesce(c.short_name, c.name) as carrier_name, v.plate, s.name as site_name, f.name as facility_name,
         d.loaded_at, d.unloaded_at, d.distance_km::float8 as distance_km, d.trip_id::int as trip_id, t.source as trip_source,
         (select count(*)::int from telemetry_reviews r where r.detection_id = d.id and r.status = 'open') as open_reviews,
         array(select r.reason from telemetry_reviews r where r.detection_id = d.id order by r.id) as reasons`;
const FROM = sql`
    from telemetry_detections d
    join organizations c on c.id = d.carrier_id
    join vehicles v on v.id = d.vehicle_id
    join sites s on s.id = d.site_id
    left join facilities f on f.id = d.facility_object_id
    left join trips t on t.id = d.trip_id`;

const OUTCOMES: readonly DetectionOutcome[] = ['recorded', 'linked', 'review'];

/**
 * The ids and sort keys of up to `limit` detections visible to `actor` after the cursor, newest first
 * (unloaded_at desc, id desc). Each side the actor may see is read through its own index scanned
 * backwards, one scan per outcome (migration 0350): the operator's through
 * telemetry_detections_outcome_idx (outcome, unloaded_at, id); a carrier's vehicles' through
 * telemetry_detections_carrier_idx (carrier_id, outcome, …); a producer's per own site through
 * telemetry_detections_site_idx (site_id, outcome, …); a facility's per own object through
 * telemetry_detections_object_idx (facility_object_id, outcome, …). Every scan stops after `limit`.
 */
function detectionKeys(actor: Actor, outcome: DetectionOutcome | undefined, after: string[] | null, limit: number): RawBuilder<unknown> {
  const values = sql`(values ${sql.join((outcome ? [outcome] : OUTCOMES).map((o) => sql`(${sql.lit(o)})`))}) o(v)`;
  const key = after ? sql`and (d.unloaded_at, d.id) < (${timeOfMicros(after[0])}, ${after[1]}::int8)` : sql``;
  const scan = (cond: RawBuilder<unknown>) =>
    sql`cross join lateral (select d.id, d.unloaded_at from telemetry_detections d where ${cond} and d.outcome = o.v and d.cancelled_at is null ${key}
          order by d.unloaded_at desc, d.id desc limit ${limit}) x`;
  if (isOperator(actor)) return sql`select x.id, x.unloaded_at from ${values} ${scan(sql`true`)} order by x.unloaded_at desc, x.id desc limit ${limit}`;
  const org = actor.organizationId;
  return sql`select u.id, u.unloaded_at from (
      (select x.id, x.unloaded_at from ${values} ${scan(sql`d.carrier_id = ${org}`)})
      union
      (select x.id, x.unloaded_at from sites vs cross join ${values} ${scan(sql`d.site_id = vs.id`)} where vs.producer_id = ${org})
      union
      (select x.id, x.unloaded_at from facilities vf cross join ${values} ${scan(sql`d.facility_object_id = vf.id`)} where vf.organization_id = ${org})
    ) u order by u.unloaded_at desc, u.id desc limit ${limit}`;
}

/** The detections list as the route runs it (test/explain.test.ts explains it): one page and its total counted up to 1001. */
export function detectionListQueries(actor: Actor, o: { outcome?: DetectionOutcome; after?: string; pageSize: number }) {
  const key = decodeKey(o.after, ['micros', 'int']);
  const items = sql<any>`${SELECT}, ${microsOf('d.unloaded_at')} as sort_micros
    from (${detectionKeys(actor, o.outcome, key, o.pageSize + 1)}) k
    join telemetry_detections d on d.id = k.id
    join organizations c on c.id = d.carrier_id
    join vehicles v on v.id = d.vehicle_id
    join sites s on s.id = d.site_id
    left join facilities f on f.id = d.facility_object_id
    left join trips t on t.id = d.trip_id
    order by d.unloaded_at desc, d.id desc`;
  const count = sql<{ n: number }>`select count(*)::int as n from (${detectionKeys(actor, o.outcome, null, COUNT_CAP + 1)}) k`;
  return { items, count };
}

export async function listDetections(
  ctx: AppContext,
  actor: Actor,
  o: { outcome?: DetectionOutcome; after?: string; pageSize: number },
): Promise<{ items: DetectionItem[]; nextCursor: string | null; total: ListTotal }> {
  const q = detectionListQueries(actor, o);
  const [r, count] = await Promise.all([q.items.execute(ctx.db), q.count.execute(ctx.db)]);
  const page = keysetPage(r.rows, o.pageSize, (x) => [x.sort_micros, String(x.id)]);
  return { items: page.items.map(item), nextCursor: page.nextCursor, total: cappedTotal(count.rows[0].n) };
}

export interface DetectionTrack extends DetectionItem {
  /** [longitude, latitude, ISO time, body raised] in time order, thinned to MAX_TRACK_POINTS. */
  track: Array<{ longitude: number; latitude: number; at: string; bodyRaised: boolean | null }>;
  /** Where the body was raised. */
  unloadLatitude: number;
  unloadLongitude: number;
  siteBoundary: Boundary | null;
  facilityBoundary: Boundary | null;
}

/** One detection with its track from 30 minutes before leaving the site to 10 minutes after the body was raised. */
export async function getDetectionTrack(ctx: AppContext, actor: Actor, id: number): Promise<DetectionTrack> {
  const r = await sql<any>`${SELECT}, d.vehicle_id, d.latitude, d.longitude, s.boundary as site_boundary, f.boundary as facility_boundary ${FROM}
     where d.id = ${id} and ${detectionVisible(actor, 'd')}`.execute(ctx.db);
  const row = r.rows[0];
  if (!row) throw notFound('Рейс по данным трекера не найден');
  const pts = await sql<{ at: Date; latitude: number; longitude: number; body_raised: boolean | null }>`
    select at, latitude, longitude, body_raised from telemetry_points
     where vehicle_id = ${row.vehicle_id} and valid
       and at between ${row.loaded_at}::timestamptz - interval '30 minutes' and ${row.unloaded_at}::timestamptz + interval '10 minutes'
     order by at limit 200000`.execute(ctx.db);
  const all = pts.rows;
  const step = Math.max(1, Math.ceil(all.length / MAX_TRACK_POINTS));
  const kept = all.filter((p, i) => i % step === 0 || i === all.length - 1 || p.body_raised === true);
  return {
    ...item(row),
    track: kept.map((p) => ({ longitude: p.longitude, latitude: p.latitude, at: new Date(p.at).toISOString(), bodyRaised: p.body_raised })),
    unloadLatitude: row.latitude,
    unloadLongitude: row.longitude,
    siteBoundary: storedBoundary(row.site_boundary),
    facilityBoundary: storedBoundary(row.facility_boundary),
  };
}

export type DeclaredCheck = 'confirmed' | 'unsupported' | 'no_data';

export interface DeclaredTripCheck {
  id: number;
  check: DeclaredCheck;
  plate: string;
  siteName: string;
  facilityName: string;
  loadedAt: string;
  unloadedAt: string;
}

/**
 * The ids and sort keys of up to `limit` of the carriers' declared trips in one state of the check,
 * visible to `actor`, after the cursor, newest first (unloaded_at desc, id desc). Through partial
 * indexes of the checked declared trips (migration 0350), scanned backwards: the operator's
 * trips_check_unloaded_idx (telemetry_check, unloaded_at, id); a carrier's
 * trips_check_carrier_idx (carrier_id, telemetry_check, …); a facility's trips_check_facility_idx
 * (facility_id, telemetry_check, …); a producer's per own site trips_check_site_idx (site_id,
 * telemetry_check, …). Every scan stops after `limit`.
 */
function declaredKeys(actor: Actor, check: DeclaredCheck, after: string[] | null, limit: number): RawBuilder<unknown> {
  const key = after ? sql`and (t.unloaded_at, t.id) < (${timeOfMicros(after[0])}, ${after[1]}::int8)` : sql``;
  // The state as a literal (one of three known values), so that the planner matches the partial indexes.
  const page = (cond: RawBuilder<unknown>) =>
    sql`select t.id, t.unloaded_at from trips t
         where ${cond} and t.telemetry_check = ${sql.lit(check)} and t.telemetry_check is not null and t.source <> 'telemetry' ${key}
         order by t.unloaded_at desc, t.id desc limit ${limit}`;
  if (isOperator(actor)) return page(sql`true`);
  const org = actor.organizationId;
  return sql`select u.id, u.unloaded_at from (
      (${page(sql`t.carrier_id = ${org}`)})
      union
      (${page(sql`t.facility_id = ${org}`)})
      union
      (select x.id, x.unloaded_at from sites vs cross join lateral (${page(sql`t.site_id = vs.id`)}) x where vs.producer_id = ${org})
    ) u order by u.unloaded_at desc, u.id desc limit ${limit}`;
}

export const DECLARED_CHECKS: readonly DeclaredCheck[] = ['confirmed', 'unsupported', 'no_data'];

/** The declared-trip check as the route runs it (test/explain.test.ts explains it): one page of a state, and each state counted up to 1001. */
export function declaredCheckQueries(actor: Actor, o: { check: DeclaredCheck; after?: string; pageSize: number }) {
  const key = decodeKey(o.after, ['micros', 'int']);
  const items = sql<any>`
    select t.id::int as id, t.telemetry_check, v.plate, s.name as site_name, f.name as facility_name, t.loaded_at, t.unloaded_at,
           ${microsOf('t.unloaded_at')} as sort_micros
      from (${declaredKeys(actor, o.check, key, o.pageSize + 1)}) k
      join trips t on t.id = k.id
      join vehicles v on v.id = t.vehicle_id
      join sites s on s.id = t.site_id
      join facilities f on f.id = t.facility_object_id
     order by t.unloaded_at desc, t.id desc`;
  const counts = DECLARED_CHECKS.map((c) => [c, sql<{ n: number }>`select count(*)::int as n from (${declaredKeys(actor, c, null, COUNT_CAP + 1)}) k`] as const);
  return { items, counts };
}

/** The carriers' declared trips judged against the tracks: each state counted (exact to 1000) and one state's page (unsupported by default). */
export async function listDeclaredChecks(
  ctx: AppContext,
  actor: Actor,
  o: { check: DeclaredCheck; after?: string; pageSize: number },
): Promise<{ items: DeclaredTripCheck[]; nextCursor: string | null; total: ListTotal; counts: Record<DeclaredCheck, ListTotal> }> {
  const q = declaredCheckQueries(actor, o);
  const [rows, ...counted] = await Promise.all([q.items.execute(ctx.db), ...q.counts.map(([, c]) => c.execute(ctx.db))]);
  const counts = Object.fromEntries(q.counts.map(([c], i) => [c, cappedTotal(counted[i].rows[0].n)])) as Record<DeclaredCheck, ListTotal>;
  const page = keysetPage(rows.rows, o.pageSize, (x) => [x.sort_micros, String(x.id)]);
  return {
    counts,
    total: counts[o.check],
    nextCursor: page.nextCursor,
    items: page.items.map((x) => ({
      id: x.id,
      check: x.telemetry_check,
      plate: x.plate,
      siteName: x.site_name,
      facilityName: x.facility_name,
      loadedAt: new Date(x.loaded_at).toISOString(),
      unloadedAt: new Date(x.unloaded_at).toISOString(),
    })),
  };
}
