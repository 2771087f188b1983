/**
 * Trips seen on the trucks' tracks, for the cabinet: the list (what became of each detection — a trip
 * recorded from telemetry, the carrier's declared trip confirmed, or a case for review), one detection
 * with its track and the boundaries of its site and facility (the map), and how the carriers' declared
 * trips stand against the tracks (confirmed / unsupported / no data). Every read goes through
 * `detectionVisible` / `tripVisible`: a carrier sees its own vehicles' tracks only.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { storedBoundary, type Boundary } from '../../domain/boundary.js';
import { detectionVisible, tripVisible } from '../visibility.js';

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

export async function listDetections(
  ctx: AppContext,
  actor: Actor,
  o: { outcome?: DetectionOutcome; limit: number; offset: number },
): Promise<{ items: DetectionItem[]; total: number }> {
  const outcome = o.outcome ? sql`d.outcome = ${o.outcome}` : sql`true`;
  const r = await sql<any>`${SELECT}, count(*) over ()::int as total ${FROM}
     where ${detectionVisible(actor, 'd')} and ${outcome} and d.cancelled_at is null
     order by d.unloaded_at desc, d.id desc
     limit ${o.limit} offset ${o.offset}`.execute(ctx.db);
  return { total: r.rows[0]?.total ?? 0, items: r.rows.map(item) };
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

/** The carriers' declared trips judged against the tracks: counts per state and the list of one state (unsupported first by default). */
export async function listDeclaredChecks(
  ctx: AppContext,
  actor: Actor,
  o: { check: DeclaredCheck; limit: number; offset: number },
): Promise<{ items: DeclaredTripCheck[]; total: number; counts: Record<DeclaredCheck, number> }> {
  const [counts, rows] = await Promise.all([
    sql<{ check: DeclaredCheck; n: number }>`
      select t.telemetry_check as check, count(*)::int as n from trips t
       where t.telemetry_check is not null and t.source <> 'telemetry' and ${tripVisible(actor, 't')}
       group by 1`.execute(ctx.db),
    sql<any>`
      select t.id::int as id, t.telemetry_check, v.plate, s.name as site_name, f.name as facility_name, t.loaded_at, t.unloaded_at, count(*) over ()::int as total
        from trips t join vehicles v on v.id = t.vehicle_id join sites s on s.id = t.site_id join facilities f on f.id = t.facility_object_id
       where t.telemetry_check = ${o.check} and t.source <> 'telemetry' and ${tripVisible(actor, 't')}
       order by t.unloaded_at desc, t.id desc
       limit ${o.limit} offset ${o.offset}`.execute(ctx.db),
  ]);
  const c: Record<DeclaredCheck, number> = { confirmed: 0, unsupported: 0, no_data: 0 };
  for (const x of counts.rows) c[x.check] = x.n;
  return {
    counts: c,
    total: rows.rows[0]?.total ?? 0,
    items: rows.rows.map((x) => ({
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
