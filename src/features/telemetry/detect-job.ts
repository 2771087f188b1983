/**
 * Trips formed from telemetry: a scheduled job reads each vehicle's new points, runs the pure
 * `detectTrips` against the sites' and facilities' boundaries, and for each detection (once: unique
 * per vehicle and loading moment) either
 *   - links it to the carrier's declared trip of the same vehicle at the same time (`SAME_TRIP_SLACK`:
 *     the intervals overlap), which is then `telemetry_check = 'confirmed'` — no second trip;
 *   - or records a trip with source 'telemetry' through `recordTrips` (the same rules, totals and
 *     27-hour formation as declared trips), under the one permit in force that names the site, the
 *     carrier and the facility object (`judgeTripPermit`);
 *   - or, when it cannot (a body raised outside every facility, no permit or several, refused by the
 *     trip rules), puts it on the review list with the reason in Russian.
 * Declared trips of a tracked vehicle that the finished part of its track does not show are marked
 * 'unsupported' ('no_data' when the track has no points around them).
 *
 * Points that come late (before where the last run got to) re-detect the span they fall in — from the
 * last unloading before them, else from before the loading the read would cut (`rereadStart`) — and what
 * was detected there before is compared with what the track shows now (`correctLate`). A detection
 * already settled — its trip formed (27 h) or decided by the facility, or its case closed by the operator —
 * stays as it was and goes to the review list ('late_points'). Otherwise a trip formed from telemetry the
 * track still shows as one trip is corrected in place: it keeps its number, the totals follow through the
 * trips' update trigger, an audit event 'trip.corrected' keeps before and after, and the carrier and the
 * facility are told; where it became two, the first keeps the number and the second is recorded as new.
 * A detection the track no longer shows is marked cancelled with the reason (migration 0360), its trip
 * removed with an audit event 'trip.cancelled' and notices; a declared trip it confirmed is judged again.
 *
 * Safe with several workers: each vehicle is processed in one transaction under a transaction-level
 * advisory lock (another worker skips it), and a detection's unique key makes a rerun add nothing.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { formatMoscowDateTime } from '../../domain/period.js';
import { carrierPermits, judgeTripPermit, recordTrips, SAME_TRIP_SLACK_MS, MAX_TRIP_VOLUME_M3, MAX_TRIP_MASS_T, MAX_TRIP_HOURS, type PermitOnRecord } from '../trips/record-trips.js';
import { audit } from '../../platform/audit.js';
import { notify } from '../notifications/notify.js';
import { termsAt } from '../permits/terms.js';
import { detectTrips, pointInBoundary, type DetectedTrip, type DumpOutside, type Place, type TrackPoint } from './detect-trips.js';
import { formationCutoff } from '../../domain/formation.js';
import { storedBoundary } from '../../domain/boundary.js';

/** A trip lasts at most 48 h (MAX_TRIP_HOURS) plus the dwell at the site: a run never reads further back. */
const LOOKBACK_MS = 49 * 3_600_000;
/** Points read per vehicle and run; the rest the next run. */
const MAX_POINTS_PER_RUN = 200_000;
/** A declared trip is judged against the track once the track runs this long past its unloading. */
const JUDGE_AFTER_MS = 30 * 60_000;
/** When the vehicles register gives no load capacity: tonnes per m³ of construction waste (an estimate; the facility's weighing confirms). */
export const TELEMETRY_DENSITY_T_PER_M3 = 1.6;

export type ReviewReason = 'dump_outside' | 'no_permit' | 'ambiguous_permit' | 'rejected' | 'facility_differs' | 'no_volume' | 'late_points';
/** A re-read of late points that starts at no unloading goes back to before the loading it would cut, at most this far (`rereadStart`). */
const REREAD_MAX_BACK_MS = 7 * 24 * 3_600_000;
const REREAD_PAGE = 5000;

export interface DetectionRun {
  vehicles: number;
  points: number;
  detections: number;
  recorded: number;
  linked: number;
  review: number;
  /** Detections replaced because late points changed them. */
  corrected: number;
  /** Settled detections late points would change: left as they were, on the review list. */
  flagged: number;
}

interface Geofences {
  sites: Place[];
  facilities: Place[];
  siteNames: Map<string, string>;
  facilityInfo: Map<string, { name: string; orgId: string; inn: string }>;
}

async function loadGeofences(ctx: AppContext): Promise<Geofences> {
  const [s, f] = await Promise.all([
    sql<{ id: string; name: string; boundary: unknown }>`select id, name, boundary from sites where boundary is not null and archived_at is null`.execute(ctx.db),
    sql<{ id: string; name: string; boundary: unknown; organization_id: string; inn: string }>`
      select f.id, f.name, f.boundary, f.organization_id, o.inn from facilities f join organizations o on o.id = f.organization_id
       where f.boundary is not null and f.archived_at is null`.execute(ctx.db),
  ]);
  const g: Geofences = { sites: [], facilities: [], siteNames: new Map(), facilityInfo: new Map() };
  for (const r of s.rows) {
    const b = storedBoundary(r.boundary);
    if (b) g.sites.push({ id: r.id, boundary: b });
    g.siteNames.set(r.id, r.name);
  }
  for (const r of f.rows) {
    const b = storedBoundary(r.boundary);
    if (b) g.facilities.push({ id: r.id, boundary: b });
    g.facilityInfo.set(r.id, { name: r.name, orgId: r.organization_id, inn: r.inn });
  }
  return g;
}

/** Vehicles with points stored since their last run (the note the points' trigger leaves, migration 0250). */
async function vehiclesWithNewPoints(ctx: AppContext, only?: readonly string[]): Promise<string[]> {
  const r = await sql<{ vehicle_id: string }>`
    select vehicle_id from telemetry_detect_inbox
     where (${only ?? null}::uuid[] is null or vehicle_id = any(${only ?? null}::uuid[]))
     order by vehicle_id`.execute(ctx.db);
  return r.rows.map((x) => x.vehicle_id);
}

interface Vehicle {
  id: string;
  carrier_id: string;
  plate: string;
  capacity_m3: string | null;
  load_capacity_t: string | null;
}

async function review(trx: Transaction<Database>, detectionId: number, v: Vehicle, code: ReviewReason, reason: string): Promise<void> {
  await sql`insert into telemetry_reviews (detection_id, reason_code, reason, carrier_id, vehicle_id)
            values (${detectionId}, ${code}, ${reason.slice(0, 2000)}, ${v.carrier_id}, ${v.id})
            on conflict (detection_id, reason_code) do nothing`.execute(trx);
}

const fmtPlace = (lat: number, lon: number) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`;

/** The one permit in force that names this site, this carrier and this facility object, with the waste code the trip goes under; else why not. */
async function fitPermit(
  trx: Transaction<Database>,
  g: Geofences,
  v: Vehicle,
  t: { siteId: string; facilityId: string; loadedAt: Date },
): Promise<{ permit: PermitOnRecord; wasteCode: string; version: number } | { code: ReviewReason; reason: string }> {
  const site = g.siteNames.get(t.siteId) ?? t.siteId;
  const fac = g.facilityInfo.get(t.facilityId)!;
  const permits = await carrierPermits(trx, v.carrier_id, { siteId: t.siteId });
  if (!permits.length) return { code: 'no_permit', reason: `Нет разрешения на перемещение ОСС с объекта «${site}», где перевозчик ТС ${v.plate} указан перевозчиком` };
  const fits: Array<{ permit: PermitOnRecord; wasteCode: string; version: number }> = [];
  const why: string[] = [];
  for (const p of permits) {
    const terms = termsAt(p.versions, t.loadedAt) ?? p.versions[0];
    const codes = [...new Set((terms?.facilities ?? []).filter((f) => f.objectId === t.facilityId).map((f) => f.wasteCode))];
    if (!terms || !codes.length) {
      why.push(`объект приёма «${fac.name}» не указан в разрешении ${p.number}`);
      continue;
    }
    // The trucks do not say what they carry: the permit's only code for this facility, or its main one (the largest permitted volume).
    const wasteCode = codes.sort((a, b) => Number(terms.lines.get(b)?.volume ?? 0) - Number(terms.lines.get(a)?.volume ?? 0) || a.localeCompare(b))[0]!;
    const judged = judgeTripPermit(p, { carrierId: v.carrier_id, loadedAt: t.loadedAt, wasteCode, facilityInn: fac.inn, facilityObjectId: t.facilityId });
    if (judged.errors.length) why.push(...judged.errors.map((e) => e.message));
    else fits.push({ permit: p, wasteCode, version: judged.terms!.version });
  }
  if (!fits.length) return { code: 'no_permit', reason: `Нет действующего разрешения для рейса с объекта «${site}» на объект приёма «${fac.name}»: ${why.join('; ')}` };
  if (fits.length > 1) {
    return { code: 'ambiguous_permit', reason: `Рейс подходит под несколько разрешений (${fits.map((f) => f.permit.number).join(', ')}): отнести его к одному нельзя` };
  }
  return fits[0]!;
}

/** Turns one new detected trip into a linked or recorded trip, or a review case. Returns the outcome. */
async function settleTrip(
  trx: Transaction<Database>,
  ctx: AppContext,
  g: Geofences,
  v: Vehicle,
  detectionId: number,
  t: { siteId: string; facilityId: string; loadedAt: Date; unloadedAt: Date },
): Promise<{ outcome: 'recorded' | 'linked' | 'review'; tripId: number | null }> {
  const site = g.siteNames.get(t.siteId) ?? t.siteId;
  const fac = g.facilityInfo.get(t.facilityId)!;
  // The carrier declared it: the same vehicle at the same time (the closest such trip not yet linked).
  const declared = await sql<{ id: number; facility_object_id: string; facility_name: string }>`
    select t.id, t.facility_object_id, f.name as facility_name from trips t join facilities f on f.id = t.facility_object_id
     where t.vehicle_id = ${v.id} and t.source <> 'telemetry'
       and t.loaded_at > ${t.loadedAt}::timestamptz - interval '48 hours'
       and t.loaded_at < ${t.unloadedAt}::timestamptz + make_interval(secs => ${SAME_TRIP_SLACK_MS / 1000})
       and t.unloaded_at > ${t.loadedAt}::timestamptz - make_interval(secs => ${SAME_TRIP_SLACK_MS / 1000})
       and not exists (select 1 from telemetry_detections d where d.trip_id = t.id)
     order by abs(extract(epoch from t.loaded_at - ${t.loadedAt}::timestamptz)) + abs(extract(epoch from t.unloaded_at - ${t.unloadedAt}::timestamptz)), t.id
     limit 1`.execute(trx);
  const d = declared.rows[0];
  if (d) {
    await sql`update trips set telemetry_check = 'confirmed' where id = ${d.id} and telemetry_check is distinct from 'confirmed'`.execute(trx);
    if (d.facility_object_id !== t.facilityId) {
      await review(
        trx,
        detectionId,
        v,
        'facility_differs',
        `Объект приёма по данным трекера («${fac.name}») отличается от заявленного перевозчиком в рейсе № ${d.id} («${d.facility_name}»)`,
      );
    }
    return { outcome: 'linked', tripId: Number(d.id) };
  }

  const fit = await fitPermit(trx, g, v, t);
  if ('code' in fit) {
    await review(trx, detectionId, v, fit.code, fit.reason);
    return { outcome: 'review', tripId: null };
  }
  const volume = v.capacity_m3 === null ? null : Math.min(Number(v.capacity_m3), MAX_TRIP_VOLUME_M3);
  if (!volume || !(volume > 0)) {
    await review(trx, detectionId, v, 'no_volume', `В реестре ТС у ${v.plate} не указан объём кузова: объём рейса не определить`);
    return { outcome: 'review', tripId: null };
  }
  const estimate = volume * TELEMETRY_DENSITY_T_PER_M3;
  const mass = Math.min(v.load_capacity_t !== null ? Math.min(Number(v.load_capacity_t), estimate) : estimate, MAX_TRIP_MASS_T);
  const r = await recordTrips(trx, {
    carrierId: v.carrier_id,
    source: 'telemetry',
    now: ctx.now(),
    trips: [
      {
        permitNumber: fit.permit.number,
        plate: v.plate,
        wasteCode: fit.wasteCode,
        facilityInn: fac.inn,
        facilityObjectId: t.facilityId,
        loadedAt: t.loadedAt.toISOString(),
        unloadedAt: t.unloadedAt.toISOString(),
        volume: volume.toFixed(2),
        mass: mass.toFixed(3),
      },
    ],
  });
  const res = r.results[0]!;
  if (res.status === 'accepted') return { outcome: 'recorded', tripId: res.id };
  if (res.status === 'duplicate') {
    const same = await sql<{ id: number }>`select id from trips where vehicle_id = ${v.id} and loaded_at = ${t.loadedAt}`.execute(trx);
    if (same.rows[0]) return { outcome: 'linked', tripId: Number(same.rows[0].id) };
  }
  await review(trx, detectionId, v, 'rejected', `Рейс по разрешению ${fit.permit.number} не принят: ${res.errors.map((e) => e.message).join('; ')}`);
  return { outcome: 'review', tripId: null };
}

/**
 * A detection found again with late points: the same trip when it overlaps one already made (its
 * loading moment may have moved with a point that came late) — the first one stands.
 */
async function overlapsDetection(trx: Transaction<Database>, vehicleId: string, loadedAt: Date, unloadedAt: Date): Promise<boolean> {
  const r = await sql`select 1 from telemetry_detections where vehicle_id = ${vehicleId} and cancelled_at is null and loaded_at <= ${unloadedAt} and unloaded_at >= ${loadedAt} limit 1`.execute(trx);
  return r.rows.length > 0;
}

/** A detection made before, as late points find it. */
interface Earlier {
  id: number;
  kind: 'trip' | 'dump_outside';
  site_id: string;
  facility_object_id: string | null;
  loaded_at: Date;
  unloaded_at: Date;
  outcome: 'recorded' | 'linked' | 'review';
  trip_id: number | null;
  trip_source: string | null;
  trip_unloaded_at: Date | null;
  receipt_status: string | null;
  charged: boolean;
  closed: boolean;
}

/** What the re-read track shows over [loaded, unloaded], in Russian. */
function nowShows(g: Geofences, found: { trips: DetectedTrip[]; dumps: DumpOutside[] }, loaded: Date, unloaded: Date): string {
  const shows = [
    ...found.trips
      .filter((t) => t.loadedAt < unloaded && t.unloadedAt > loaded)
      .map((t) => `погрузка ${formatMoscowDateTime(t.loadedAt)}, подъём кузова ${formatMoscowDateTime(t.unloadedAt)} на объекте «${g.facilityInfo.get(t.facilityId)?.name ?? t.facilityId}»`),
    ...found.dumps.filter((d) => d.loadedAt < unloaded && d.at > loaded).map((d) => `подъём кузова вне объектов приёма ${formatMoscowDateTime(d.at)}`),
  ];
  return shows.length ? shows.join('; ') : 'не рейс';
}

/** A telemetry trip as the audit log and the notices describe it. */
interface TripState {
  id: number;
  loaded_at: Date;
  unloaded_at: Date;
  site_id: string;
  site_name: string;
  facility_id: string;
  facility_object_id: string;
  facility_name: string;
  permit_id: string;
  permit_number: string;
  waste_code: string;
  volume: string;
  mass: string;
  receipt_status: string;
}

async function tripState(trx: Transaction<Database>, id: number): Promise<TripState | undefined> {
  return (
    await sql<TripState>`
      select t.id::int as id, t.loaded_at, t.unloaded_at, t.site_id, s.name as site_name, t.facility_id, t.facility_object_id, f.name as facility_name,
             t.permit_id, p.number as permit_number, t.waste_code, t.volume::text as volume, t.mass::text as mass, t.receipt_status
        from trips t join sites s on s.id = t.site_id join facilities f on f.id = t.facility_object_id join permits p on p.id = t.permit_id
       where t.id = ${id} for update of t`.execute(trx)
  ).rows[0];
}

const auditTrip = (t: TripState) => ({
  loadedAt: new Date(t.loaded_at).toISOString(),
  unloadedAt: new Date(t.unloaded_at).toISOString(),
  siteId: t.site_id,
  site: t.site_name,
  facilityObjectId: t.facility_object_id,
  facility: t.facility_name,
  permit: t.permit_number,
  wasteCode: t.waste_code,
  volume: t.volume,
  mass: t.mass,
});

/**
 * The track still shows the detection `e` (a trip formed from telemetry) as one trip, `next`: the trip is
 * corrected where it stands — same number; times, site, facility object and permit updated (the totals
 * follow through the trips' update trigger) — with an audit event saying what changed, and the carrier and
 * the facility (the old one and the new one, when it changed) told. False when it cannot stay the same
 * trip (no single permit fits it now, or another trip holds its new loading moment): then it is cancelled.
 */
async function correctInPlace(trx: Transaction<Database>, ctx: AppContext, g: Geofences, v: Vehicle, e: Earlier, next: DetectedTrip, track: readonly TrackPoint[]): Promise<boolean> {
  if (e.trip_id === null || e.trip_source !== 'telemetry') return false;
  if (next.unloadedAt.getTime() - next.loadedAt.getTime() > MAX_TRIP_HOURS * 3_600_000) return false;
  const fit = await fitPermit(trx, g, v, next);
  if ('code' in fit) return false;
  const clash = await sql`
    select 1 from trips where vehicle_id = ${v.id} and loaded_at = ${next.loadedAt} and id <> ${e.trip_id}
    union all
    select 1 from telemetry_detections where vehicle_id = ${v.id} and loaded_at = ${next.loadedAt} and cancelled_at is null and id <> ${e.id}`.execute(trx);
  if (clash.rows.length) return false;
  const before = await tripState(trx, e.trip_id);
  if (!before) return false;
  const fac = g.facilityInfo.get(next.facilityId)!;
  await sql`
    update trips set permit_id = ${fit.permit.id}, permit_version = ${fit.version}, site_id = ${next.siteId}, waste_code = ${fit.wasteCode},
                     facility_id = ${fac.orgId}, facility_object_id = ${next.facilityId}, loaded_at = ${next.loadedAt}, unloaded_at = ${next.unloadedAt}
     where id = ${e.trip_id}`.execute(trx);
  const end = track.find((p) => p.at.getTime() === next.unloadedAt.getTime())!;
  await sql`
    update telemetry_detections set site_id = ${next.siteId}, facility_object_id = ${next.facilityId}, loaded_at = ${next.loadedAt}, unloaded_at = ${next.unloadedAt},
                                    latitude = ${end.latitude}, longitude = ${end.longitude}, distance_km = ${next.distanceKm}, points = ${next.points}
     where id = ${e.id}`.execute(trx);
  const after = (await tripState(trx, e.trip_id))!;
  const was = auditTrip(before);
  const is = auditTrip(after);
  const changed = (Object.keys(was) as Array<keyof typeof was>).filter((k) => was[k] !== is[k]);
  await audit(trx, {
    action: 'trip.corrected',
    organizationId: v.carrier_id,
    subjectType: 'trip',
    subjectId: String(e.trip_id),
    details: { source: 'telemetry', cause: 'late_points', detectionId: e.id, plate: v.plate, changed, before: was, after: is },
  });
  const what: string[] = [];
  if (was.loadedAt !== is.loadedAt || was.siteId !== is.siteId) what.push(`погрузка ${formatMoscowDateTime(new Date(before.loaded_at))} на объекте «${before.site_name}» → ${formatMoscowDateTime(next.loadedAt)} на объекте «${after.site_name}»`);
  if (was.unloadedAt !== is.unloadedAt) what.push(`разгрузка ${formatMoscowDateTime(new Date(before.unloaded_at))} → ${formatMoscowDateTime(next.unloadedAt)}`);
  if (was.facilityObjectId !== is.facilityObjectId) what.push(`объект приёма «${before.facility_name}» → «${after.facility_name}»`);
  if (was.permit !== is.permit) what.push(`разрешение ${before.permit_number} → ${after.permit_number}`);
  if (was.wasteCode !== is.wasteCode) what.push(`код отходов ${before.waste_code} → ${after.waste_code}`);
  const body = `ТС ${v.plate}: точки трека, пришедшие с опозданием, уточнили рейс № ${e.trip_id} — ${what.join('; ')}. Номер рейса прежний.`;
  const title = `Рейс № ${e.trip_id} исправлен по данным трекера`;
  await notify(trx, ctx, { organizationId: v.carrier_id, personId: null, title, body, link: `/telemetry/${e.id}` });
  if (before.facility_id === after.facility_id) {
    await notify(trx, ctx, { organizationId: after.facility_id, personId: null, title, body, link: '/receipts' });
  } else {
    await notify(trx, ctx, {
      organizationId: before.facility_id,
      personId: null,
      title: `Рейс № ${e.trip_id} больше не ожидает приёма`,
      body: `${body} Рейс снят с приёма у вас: по данным трекера кузов поднят на объекте «${after.facility_name}».`,
      link: '/receipts',
    });
    await notify(trx, ctx, { organizationId: after.facility_id, personId: null, title: `Рейс № ${e.trip_id} ожидает приёма`, body, link: '/receipts' });
  }
  return true;
}

/**
 * A detection the track no longer shows (gone, turned into a body raised outside every facility, or a trip
 * that cannot stay the same one) is marked cancelled with the reason, not deleted; its open cases are closed
 * with that reason. Its trip formed from telemetry is removed — `trips` has no cancelled state, and every
 * reader of trips (totals, statements, receipts, charges) counts what is there — with an audit event
 * keeping what it was, the number kept on the detection, and the carrier and the facility (where it was
 * pending) told. A declared trip it confirmed is judged again at the end of the run.
 */
async function cancelDetection(trx: Transaction<Database>, ctx: AppContext, v: Vehicle, e: Earlier, shows: string): Promise<void> {
  const loaded = new Date(e.loaded_at);
  const unloaded = new Date(e.unloaded_at);
  const reason = `Точки трека ТС ${v.plate}, пришедшие с опозданием, изменили рейс (погрузка ${formatMoscowDateTime(loaded)}, подъём кузова ${formatMoscowDateTime(unloaded)}): теперь трек показывает ${shows}`.slice(0, 2000);
  const now = ctx.now();
  const trip = e.trip_id !== null && e.trip_source === 'telemetry' ? await tripState(trx, e.trip_id) : undefined;
  await sql`update telemetry_detections set cancelled_at = ${now}, cancel_reason = ${reason}, cancelled_trip_id = trip_id, trip_id = null where id = ${e.id}`.execute(trx);
  await sql`update telemetry_reviews set status = 'dismissed', dismissed_at = ${now}, dismiss_reason = ${`Рейс по данным трекера отменён. ${reason}`.slice(0, 1000)}
             where detection_id = ${e.id} and status = 'open'`.execute(trx);
  if (e.trip_id !== null && e.trip_source !== 'telemetry') await sql`update trips set telemetry_check = null where id = ${e.trip_id}`.execute(trx);
  if (!trip) {
    await audit(trx, {
      action: 'telemetry.detection_cancelled',
      organizationId: v.carrier_id,
      subjectType: 'telemetry_detection',
      subjectId: String(e.id),
      details: { cause: 'late_points', plate: v.plate, kind: e.kind, loadedAt: loaded.toISOString(), unloadedAt: unloaded.toISOString(), declaredTripId: e.trip_id, reason },
    });
    return;
  }
  await sql`delete from trips where id = ${trip.id} and source = 'telemetry'`.execute(trx);
  await audit(trx, {
    action: 'trip.cancelled',
    organizationId: v.carrier_id,
    subjectType: 'trip',
    subjectId: String(trip.id),
    details: { source: 'telemetry', cause: 'late_points', detectionId: e.id, plate: v.plate, reason, trip: auditTrip(trip) },
  });
  const title = `Рейс № ${trip.id} отменён по данным трекера`;
  const body = `${reason}. Рейс № ${trip.id} (${trip.site_name} → ${trip.facility_name}, погрузка ${formatMoscowDateTime(new Date(trip.loaded_at))}) снят.`;
  await notify(trx, ctx, { organizationId: v.carrier_id, personId: null, title, body, link: `/telemetry/${e.id}` });
  if (trip.receipt_status === 'pending') await notify(trx, ctx, { organizationId: trip.facility_id, personId: null, title, body: `${body} Принимать его не нужно.`, link: '/receipts' });
}

/**
 * Late points re-detected the span [from, to] — it starts where the detector starts afresh (an unloading,
 * or a point outside every site: `rereadStart`), so every detection loaded in it is judged. Each one made
 * there before that the track no longer shows as it was is
 *   - left as it was and put on the review list ('late_points') when already settled — its trip formed
 *     (27 h) or decided by the facility, or its case closed by the operator;
 *   - else, when it is a trip formed from telemetry and the track still shows a trip over its time,
 *     corrected in place by the first such trip (`correctInPlace`: same number);
 *   - else cancelled (`cancelDetection`).
 * The re-detected trips no correction took are then recorded like new ones by the caller (a trip split
 * in two: the first keeps the number, the second gets a new one).
 */
async function correctLate(
  trx: Transaction<Database>,
  ctx: AppContext,
  g: Geofences,
  v: Vehicle,
  span: { from: Date; to: Date },
  found: { trips: DetectedTrip[]; dumps: DumpOutside[] },
  track: readonly TrackPoint[],
  run: DetectionRun,
): Promise<void> {
  const existing = (
    await sql<Earlier>`
      select d.id::int as id, d.kind, d.site_id, d.facility_object_id, d.loaded_at, d.unloaded_at, d.outcome, d.trip_id::int as trip_id,
             t.source as trip_source, t.unloaded_at as trip_unloaded_at, t.receipt_status,
             exists (select 1 from charges ch where ch.trip_id = d.trip_id) as charged,
             exists (select 1 from telemetry_reviews r where r.detection_id = d.id and r.status = 'dismissed') as closed
        from telemetry_detections d left join trips t on t.id = d.trip_id
       where d.vehicle_id = ${v.id} and d.cancelled_at is null and d.loaded_at >= ${span.from} and d.unloaded_at <= ${span.to}
       order by d.loaded_at
         for update of d`.execute(trx)
  ).rows;
  if (!existing.length) return;
  const key = (kind: string, site: string, facility: string | null, loaded: Date, unloaded: Date) => `${kind}|${site}|${facility ?? ''}|${loaded.getTime()}|${unloaded.getTime()}`;
  const was = new Set(existing.map((e) => key(e.kind, e.site_id, e.facility_object_id, new Date(e.loaded_at), new Date(e.unloaded_at))));
  const now = new Set([
    ...found.trips.map((t) => key('trip', t.siteId, t.facilityId, t.loadedAt, t.unloadedAt)),
    ...found.dumps.map((d) => key('dump_outside', d.siteId, null, d.loadedAt, d.at)),
  ]);
  // Re-detected trips already standing as they are: no correction takes them.
  const taken = new Set(found.trips.filter((t) => was.has(key('trip', t.siteId, t.facilityId, t.loadedAt, t.unloadedAt))));
  const cutoff = formationCutoff(ctx.now(), ctx.config.tripFormationHours);
  for (const e of existing) {
    const loaded = new Date(e.loaded_at);
    const unloaded = new Date(e.unloaded_at);
    if (now.has(key(e.kind, e.site_id, e.facility_object_id, loaded, unloaded))) continue;
    const formed = unloaded <= cutoff || (e.trip_unloaded_at !== null && new Date(e.trip_unloaded_at) <= cutoff);
    const decided = (e.receipt_status !== null && e.receipt_status !== 'pending') || e.charged;
    if (formed || decided || e.closed) {
      const what = formed ? 'уже сформирован' : decided ? 'уже принят или отклонён объектом приёма' : 'случай по нему закрыт оператором';
      await review(
        trx,
        e.id,
        v,
        'late_points',
        `Точки трека ТС ${v.plate}, пришедшие с опозданием, меняют рейс (погрузка ${formatMoscowDateTime(loaded)}, подъём кузова ${formatMoscowDateTime(unloaded)}): ` +
          `теперь трек показывает ${nowShows(g, found, loaded, unloaded)}. ${e.trip_id !== null ? `Рейс № ${e.trip_id} ${what}` : `Рейс ${what}`} — оставлен как был, проверьте вручную`,
      );
      run.flagged++;
      continue;
    }
    run.corrected++;
    const next = e.kind === 'trip' ? found.trips.find((t) => !taken.has(t) && t.loadedAt < unloaded && t.unloadedAt > loaded) : undefined;
    if (next && (await correctInPlace(trx, ctx, g, v, e, next, track))) {
      taken.add(next);
      continue;
    }
    await cancelDetection(trx, ctx, v, e, nowShows(g, found, loaded, unloaded));
  }
}

/**
 * Where a re-read of late points that starts at no unloading must start so as not to cut a loading short:
 * at the last point before `from` outside every site (the detector starts afresh there, so a loading's
 * whole dwell is read however long it lasted), or the vehicle's first point. Read backwards in pages, at
 * most REREAD_MAX_BACK before `from`.
 */
async function rereadStart(trx: Transaction<Database>, g: Geofences, vehicleId: string, from: Date): Promise<Date> {
  const floor = new Date(from.getTime() - REREAD_MAX_BACK_MS);
  let start = from;
  for (;;) {
    const r = await sql<{ at: Date; latitude: number; longitude: number }>`
      select at, latitude, longitude from telemetry_points
       where vehicle_id = ${vehicleId} and valid and at < ${start} and at >= ${floor}
       order by at desc limit ${REREAD_PAGE}`.execute(trx);
    for (const p of r.rows) {
      start = new Date(p.at);
      if (!g.sites.some((s) => pointInBoundary(p.latitude, p.longitude, s.boundary))) return start;
    }
    if (r.rows.length < REREAD_PAGE) return start;
  }
}

/** One vehicle in one transaction; false when another worker holds it. */
async function detectForVehicle(ctx: AppContext, g: Geofences, vehicleId: string, run: DetectionRun): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext('telemetry.detect'), hashtext(${vehicleId})) as ok`.execute(trx);
    if (!lock.rows[0]?.ok) return false;
    const v = (
      await sql<Vehicle>`select id, carrier_id, plate, capacity_m3::text as capacity_m3, load_capacity_t::text as load_capacity_t from vehicles where id = ${vehicleId}`.execute(trx)
    ).rows[0];
    if (!v) return true;
    // Take the vehicle's note: a writer storing its points now waits for this transaction and leaves a new one.
    const note = (
      await sql<{ min_at: Date; max_at: Date }>`delete from telemetry_detect_inbox where vehicle_id = ${vehicleId} returning min_at, max_at`.execute(trx)
    ).rows[0];
    if (!note) return true;
    const state = (
      await sql<{ tracked_since: Date; resume_from: Date }>`select tracked_since, resume_from from telemetry_detect_state where vehicle_id = ${vehicleId} for update`.execute(trx)
    ).rows[0];
    // Late or out-of-order points before where the last run got to: read again from the end of the
    // last detection before them (the detector starts afresh after an unloading), at most LOOKBACK back.
    let readFrom = state?.resume_from ?? new Date(0);
    const late = state !== undefined && note.min_at.getTime() < state.resume_from.getTime();
    if (late) {
      const prev = (
        await sql<{ at: Date | null }>`select max(unloaded_at) as at from telemetry_detections where vehicle_id = ${vehicleId} and unloaded_at <= ${note.min_at}`.execute(trx)
      ).rows[0]?.at;
      const prevAt = prev ? new Date(prev).getTime() : 0;
      readFrom = new Date(Math.max(note.min_at.getTime() - LOOKBACK_MS, prevAt));
      // Not at an unloading: back to before the loading the read would cut (however long it lasted).
      if (!(prevAt > 0 && prevAt === readFrom.getTime())) readFrom = await rereadStart(trx, g, vehicleId, readFrom);
    }
    const pts = await sql<{ at: Date; latitude: number; longitude: number; body_raised: boolean | null }>`
      select at, latitude, longitude, body_raised from telemetry_points
       where vehicle_id = ${vehicleId} and at >= ${readFrom} and valid
       order by at limit ${MAX_POINTS_PER_RUN}`.execute(trx);
    if (!pts.rows.length) return true;
    if (pts.rows.length === MAX_POINTS_PER_RUN) {
      // The rest next run.
      const lastRead = pts.rows[pts.rows.length - 1]!.at;
      await sql`insert into telemetry_detect_inbox (vehicle_id, min_at, max_at) values (${vehicleId}, ${lastRead}, ${note.max_at})
                on conflict (vehicle_id) do update set min_at = least(telemetry_detect_inbox.min_at, excluded.min_at), max_at = greatest(telemetry_detect_inbox.max_at, excluded.max_at)`.execute(trx);
    }
    run.vehicles++;
    run.points += pts.rows.length;
    const track: TrackPoint[] = pts.rows.map((p) => ({ at: new Date(p.at), latitude: p.latitude, longitude: p.longitude, bodyRaised: p.body_raised }));
    const first = track[0]!.at;
    const last = track[track.length - 1]!.at;
    const { trips, dumpsOutside } = detectTrips(track, g.sites, g.facilities);
    if (late) await correctLate(trx, ctx, g, v, { from: readFrom, to: last }, { trips, dumps: dumpsOutside }, track, run);
    let lastEvent = 0;

    for (const t of trips) {
      lastEvent = Math.max(lastEvent, t.unloadedAt.getTime());
      if (late && (await overlapsDetection(trx, v.id, t.loadedAt, t.unloadedAt))) continue;
      const end = track.find((p) => p.at.getTime() === t.unloadedAt.getTime())!;
      const ins = await sql<{ id: number }>`
        insert into telemetry_detections (vehicle_id, carrier_id, kind, site_id, facility_object_id, loaded_at, unloaded_at, latitude, longitude, distance_km, points, outcome)
        values (${v.id}, ${v.carrier_id}, 'trip', ${t.siteId}, ${t.facilityId}, ${t.loadedAt}, ${t.unloadedAt}, ${end.latitude}, ${end.longitude}, ${t.distanceKm}, ${t.points}, 'review')
        on conflict (vehicle_id, loaded_at) where cancelled_at is null do nothing returning id`.execute(trx);
      const id = ins.rows[0]?.id;
      if (id === undefined) continue;
      run.detections++;
      const s = await settleTrip(trx, ctx, g, v, Number(id), t);
      run[s.outcome]++;
      await sql`update telemetry_detections set outcome = ${s.outcome}, trip_id = ${s.tripId} where id = ${id}`.execute(trx);
    }
    for (const dmp of dumpsOutside) {
      lastEvent = Math.max(lastEvent, dmp.at.getTime());
      if (late && (await overlapsDetection(trx, v.id, dmp.loadedAt, dmp.at))) continue;
      const ins = await sql<{ id: number }>`
        insert into telemetry_detections (vehicle_id, carrier_id, kind, site_id, loaded_at, unloaded_at, latitude, longitude, outcome)
        values (${v.id}, ${v.carrier_id}, 'dump_outside', ${dmp.siteId}, ${dmp.loadedAt}, ${dmp.at}, ${dmp.latitude}, ${dmp.longitude}, 'review')
        on conflict (vehicle_id, loaded_at) where cancelled_at is null do nothing returning id`.execute(trx);
      const id = ins.rows[0]?.id;
      if (id === undefined) continue;
      run.detections++;
      run.review++;
      await review(
        trx,
        Number(id),
        v,
        'dump_outside',
        `Кузов ТС ${v.plate} поднят вне объектов приёма (${fmtPlace(dmp.latitude, dmp.longitude)}, ${formatMoscowDateTime(dmp.at)}) после погрузки на объекте «${g.siteNames.get(dmp.siteId) ?? dmp.siteId}» — возможный несанкционированный сброс`,
      );
    }

    // The next run starts at the last finished event (what follows is unfinished), at most LOOKBACK back.
    const resume = new Date(Math.max(lastEvent, state?.resume_from.getTime() ?? first.getTime(), last.getTime() - LOOKBACK_MS));
    const trackedSince = state && state.tracked_since.getTime() <= first.getTime() ? state.tracked_since : first;
    await sql`
      insert into telemetry_detect_state (vehicle_id, tracked_since, resume_from, scanned_to)
      values (${v.id}, ${trackedSince}, ${resume}, ${last})
      on conflict (vehicle_id) do update set tracked_since = least(telemetry_detect_state.tracked_since, excluded.tracked_since), resume_from = excluded.resume_from, scanned_to = greatest(telemetry_detect_state.scanned_to, excluded.scanned_to), updated_at = now()`.execute(trx);

    // Declared trips the finished track has judged: confirmed by a detection, else unsupported (or no data).
    await sql`
      update trips t set telemetry_check = case
          when exists (select 1 from telemetry_detections d where d.vehicle_id = t.vehicle_id and d.kind = 'trip' and d.cancelled_at is null
                        and d.loaded_at < t.unloaded_at + make_interval(secs => ${SAME_TRIP_SLACK_MS / 1000})
                        and d.unloaded_at > t.loaded_at - make_interval(secs => ${SAME_TRIP_SLACK_MS / 1000})) then 'confirmed'
          when exists (select 1 from telemetry_points p where p.vehicle_id = t.vehicle_id
                        and p.at between t.loaded_at - interval '30 minutes' and t.unloaded_at + interval '30 minutes') then 'unsupported'
          else 'no_data' end
       where t.vehicle_id = ${v.id} and t.source <> 'telemetry'
         and (t.telemetry_check is null or (${late} and t.telemetry_check <> 'confirmed' and t.unloaded_at >= ${readFrom}))
         and t.loaded_at >= ${trackedSince} and t.unloaded_at < ${new Date(last.getTime() - JUDGE_AFTER_MS)}`.execute(trx);
    return true;
  });
}

/** One pass over every vehicle with new points (or only `vehicleIds`). */
export async function detectTelemetryTrips(ctx: AppContext, o: { vehicleIds?: readonly string[] } = {}): Promise<DetectionRun> {
  const run: DetectionRun = { vehicles: 0, points: 0, detections: 0, recorded: 0, linked: 0, review: 0, corrected: 0, flagged: 0 };
  const ids = await vehiclesWithNewPoints(ctx, o.vehicleIds);
  if (!ids.length) return run;
  const g = await loadGeofences(ctx);
  for (const id of ids) await detectForVehicle(ctx, g, id, run);
  return run;
}

export const telemetryDetectJob = defineJob<Record<string, never>>({
  name: 'telemetry.detect',
  maxAttempts: 3,
  parse: () => ({}),
  async run(ctx) {
    await detectTelemetryTrips(ctx);
  },
});

export const telemetryDetectSchedule = defineSchedule({ name: 'telemetry.detect', everyMinutes: 1, job: telemetryDetectJob, payload: {} });
