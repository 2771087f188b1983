/**
 * End to end: EGTS packets from our encoder over TCP → receiver → detection job → a trip with source
 * 'telemetry', counted once when the job runs twice and when the carrier declares it too; a declared
 * trip first is linked, not doubled; a body raised outside every facility lands in the review list;
 * points that come late or out of order (a black box after a gap in coverage) are detected once; late
 * points that change a trip already detected correct it in place, under its number (split in two, its
 * unloading moved, moved to another facility), or cancel it when the track no longer shows it, audited and
 * told — unless the trip is already formed, which stays as it was and goes to the review list; a 3-hour
 * loading is not cut by the re-read.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { makeWorld, type World } from '../../../test/factories.js';
import { EGTS_PT, EGTS_SERVICE, EGTS_SR, encodePacket, readPacket, type PosData } from '../../platform/egts/codec.js';
import { startReceiver, type Receiver } from './receiver.js';
import { detectTelemetryTrips } from './detect-job.js';
import { recordTrips } from '../trips/record-trips.js';
import { buildTestApp, signedIn } from '../../../test/helpers/http.js';
import { makeFacilityObject, makeOrganization, makePerson, makeVehicle } from '../../../test/factories.js';

let ctx: TestContext;
let rx: Receiver;
let w: World;
const TERMINAL = 7712345;
const SITE = { lat: 55.7, lon: 37.5 };
const FACILITY = { lat: 55.6, lon: 37.7 };
const square = (c: { lat: number; lon: number }, d = 0.003) => ({
  type: 'Polygon',
  coordinates: [[[c.lon - d, c.lat - d], [c.lon + d, c.lat - d], [c.lon + d, c.lat + d], [c.lon - d, c.lat + d], [c.lon - d, c.lat - d]]],
});

beforeAll(async () => {
  ctx = await createTestContext({}, { TELEMETRY_FLUSH_MS: '20' });
  w = await makeWorld(ctx);
  await ctx.pool.query(`update sites set boundary = $2 where id = $1`, [w.site.id, JSON.stringify(square(SITE))]);
  await ctx.pool.query(`update facilities set boundary = $2 where id = $1`, [w.facility.objectId, JSON.stringify(square(FACILITY))]);
  await ctx.pool.query(`update vehicles set terminal_number = $2 where id = $1`, [w.vehicle.id, String(TERMINAL)]);
  rx = await startReceiver(ctx, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await rx?.close();
  await ctx?.close();
});

const pos = (at: Date, lat: number, lon: number, body: boolean): PosData => ({
  time: at,
  latitude: lat,
  longitude: lon,
  valid: true,
  moving: true,
  blackBox: false,
  fix3d: true,
  speed: 30,
  course: 90,
  odometer: 0,
  digitalInputs: body ? 1 : 0,
  source: 0,
});

/** A truck's day as points: dwell at the site, drive, body raised at `dump`, body down, drive off. */
function tripTrack(start: Date, dump: { lat: number; lon: number }): PosData[] {
  const out: PosData[] = [];
  let t = start.getTime();
  const step = 60_000;
  for (let i = 0; i < 12; i++, t += step) out.push(pos(new Date(t), SITE.lat + (i % 3) * 0.0005, SITE.lon, false)); // loading, 11 min
  for (let i = 1; i <= 20; i++, t += step) out.push(pos(new Date(t), SITE.lat + ((dump.lat - SITE.lat) * i) / 21, SITE.lon + ((dump.lon - SITE.lon) * i) / 21, false));
  out.push(pos(new Date(t), dump.lat, dump.lon, false));
  t += step;
  out.push(pos(new Date(t), dump.lat, dump.lon, true)); // body raised
  t += step;
  out.push(pos(new Date(t), dump.lat, dump.lon, false));
  t += step;
  out.push(pos(new Date(t), dump.lat + 0.01, dump.lon + 0.01, false));
  return out;
}

/** Sends the points over EGTS (authenticated, 10 records per packet) and waits for every answer. */
async function send(points: PosData[], terminal = TERMINAL): Promise<void> {
  const sock = net.connect(rx.port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  let answers = 0;
  let expected = 1;
  const done = new Promise<void>((resolve) => {
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const r = readPacket(buf);
        if (r.kind !== 'packet') break;
        buf = buf.subarray(r.length);
        if (r.header.packetType === EGTS_PT.RESPONSE) answers++;
        if (answers >= expected) resolve();
      }
    });
  });
  let pid = 1;
  let rn = 1;
  sock.write(encodePacket({ packetId: pid++, packetType: EGTS_PT.APPDATA, records: [{ recordNumber: rn++, sourceService: EGTS_SERVICE.AUTH, subrecords: [{ type: EGTS_SR.TERM_IDENTITY, data: { terminalId: terminal } }] }] }));
  for (let i = 0; i < points.length; i += 10) {
    expected++;
    sock.write(
      encodePacket({
        packetId: pid++,
        packetType: EGTS_PT.APPDATA,
        records: points.slice(i, i + 10).map((p) => ({ recordNumber: rn++, sourceService: EGTS_SERVICE.TELEDATA, subrecords: [{ type: EGTS_SR.POS_DATA, data: p }] })),
      }),
    );
  }
  await done;
  sock.destroy();
  // Stored by the writer's next flush.
  const last = points[points.length - 1]!.time;
  for (let i = 0; i < 200; i++) {
    const r = await ctx.pool.query(`select 1 from telemetry_points where terminal = $1 and at = $2`, [String(terminal), last]);
    if (r.rowCount) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('points not stored');
}

/** Whole minutes (EGTS carries whole seconds), `hours` ago. */
const minute = (hours: number) => new Date(Math.floor((ctx.now().getTime() - hours * 3_600_000) / 60_000) * 60_000);

const trips = async () =>
  (await ctx.pool.query(`select id, source, loaded_at, unloaded_at, telemetry_check, volume::text, facility_object_id from trips where vehicle_id = $1 order by loaded_at`, [w.vehicle.id])).rows;

/** The carrier declares one trip of the world's vehicle under its permit (18 m³, 30 t), through the API's use-case. */
const declare = (loaded: Date, unloaded: Date) =>
  ctx.db.transaction().execute((trx) =>
    recordTrips(trx, {
      carrierId: w.carrier.id,
      source: 'api',
      now: ctx.now(),
      trips: [
        {
          permitNumber: w.permit.number,
          plate: w.vehicle.plate,
          wasteCode: '81110001495',
          facilityInn: w.facility.inn,
          loadedAt: loaded.toISOString(),
          unloadedAt: unloaded.toISOString(),
          volume: '18',
          mass: '30',
        },
      ],
    }),
  );

/** The vehicle's trips loaded from `from` on. */
const since = async (from: Date) => (await trips()).filter((x) => new Date(x.loaded_at) >= from);

describe('trips formed from telemetry', () => {
  it('a loaded departure and a tipping inside the facility make one trip with source telemetry, however often the job runs', async () => {
    const start = minute(40);
    await send(tripTrack(start, FACILITY));
    const first = await detectTelemetryTrips(ctx);
    expect(first).toMatchObject({ detections: 1, recorded: 1, review: 0 });
    expect(first.points).toBeGreaterThan(30);
    const second = await detectTelemetryTrips(ctx, { vehicleIds: [w.vehicle.id] });
    expect(second.detections).toBe(0);
    // Even re-reading from the beginning adds nothing: the detection's key.
    await ctx.pool.query(`update telemetry_detect_state set resume_from = '2000-01-01', scanned_to = '2000-01-01'`);
    await ctx.pool.query(`insert into telemetry_detect_inbox (vehicle_id, min_at, max_at) values ($1, '2000-01-01', now())`, [w.vehicle.id]);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ vehicles: 1, detections: 0 });

    const t = await trips();
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ source: 'telemetry', facility_object_id: w.facility.objectId, volume: '20.00' });
    expect(new Date(t[0].loaded_at).getTime()).toBe(start.getTime() + 12 * 60_000); // the first point outside the site
    // Counted once in the totals, like any trip.
    const totals = await ctx.pool.query(`select coalesce(sum(trips), 0)::int as n from trip_totals where permit_id = $1`, [w.permit.id]);
    expect(totals.rows[0].n).toBe(1);

    // The carrier declares the same trip afterwards (times roughly): refused as the same trip.
    const r = await declare(new Date(start.getTime() + 10 * 60_000), new Date(start.getTime() + 40 * 60_000));
    expect(r.results[0]).toMatchObject({ status: 'duplicate' });
    expect(JSON.stringify(r.results[0])).toContain('сформирован по данным трекера');
    expect(await trips()).toHaveLength(1);
  });

  it('a trip the carrier declared first is linked, not doubled, and marked confirmed; a declared trip the track does not show is unsupported', async () => {
    const start = minute(30);
    const ok = await declare(new Date(start.getTime() + 5 * 60_000), new Date(start.getTime() + 45 * 60_000));
    expect(ok.accepted).toBe(1);
    // A declared trip two hours later that the truck never made.
    expect((await declare(new Date(start.getTime() + 3 * 3_600_000), new Date(start.getTime() + 4 * 3_600_000))).accepted).toBe(1);
    const track = tripTrack(start, FACILITY);
    // Then the truck stands in the street for five hours (the track covers the false trip's time).
    const parked = track[track.length - 1]!;
    for (let i = 1; i <= 30; i++) track.push(pos(new Date(parked.time.getTime() + i * 10 * 60_000), parked.latitude, parked.longitude, false));
    await send(track);
    const run = await detectTelemetryTrips(ctx);
    expect(run).toMatchObject({ detections: 1, linked: 1, recorded: 0 });
    const t = await since(start);
    expect(t.map((x) => [x.source, x.telemetry_check])).toEqual([
      ['api', 'confirmed'],
      ['api', 'unsupported'],
    ]);
    const d = await ctx.pool.query(`select outcome, trip_id::int from telemetry_detections where loaded_at >= $1`, [start]);
    expect(d.rows).toEqual([{ outcome: 'linked', trip_id: t[0].id }]);
  });

  it('a body raised outside every facility goes to the review list with the reason, never lost', async () => {
    const start = minute(20);
    await send(tripTrack(start, { lat: 55.65, lon: 37.6 }));
    const before = (await trips()).length;
    const run = await detectTelemetryTrips(ctx);
    expect(run).toMatchObject({ detections: 1, review: 1, recorded: 0 });
    expect((await trips()).length).toBe(before);
    const r = await ctx.pool.query(`select reason_code, reason, status, carrier_id from telemetry_reviews`);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ reason_code: 'dump_outside', status: 'open', carrier_id: w.carrier.id });
    expect(r.rows[0].reason).toContain('вне объектов приёма');
    expect((await detectTelemetryTrips(ctx)).detections).toBe(0);
  });

  it('the review list: the carrier sees its own cases, another carrier none; the operator sees all and dismisses one with a reason, once', async () => {
    const app = await buildTestApp(ctx);
    try {
      const other = await makeOrganization(ctx, { roles: ['carrier'] });
      const op = await makeOrganization(ctx, { roles: ['operator'] });
      const otherHead = await makePerson(ctx, { organizationId: other.id });
      const opHead = await makePerson(ctx, { organizationId: op.id });
      const carrier = await signedIn(app, w.carrier.head.email);
      const mine = await carrier.get('/api/telemetry/reviews');
      expect(mine.status).toBe(200);
      expect(mine.body.total).toEqual({ value: 1, exact: true });
      expect(mine.body.items[0]).toMatchObject({ reasonCode: 'dump_outside', plate: w.vehicle.plate, siteName: w.site.name, status: 'open', kind: 'dump_outside' });
      expect((await (await signedIn(app, otherHead.email)).get('/api/telemetry/reviews')).body.total).toEqual({ value: 0, exact: true });
      const id = mine.body.items[0].id;
      expect((await carrier.post(`/api/telemetry/reviews/${id}/dismiss`, { reason: 'x' })).status).toBe(403);
      const operator = await signedIn(app, opHead.email);
      expect((await operator.get('/api/telemetry/reviews?status=open')).body.total.value).toBeGreaterThanOrEqual(1);
      expect((await operator.post(`/api/telemetry/reviews/${id}/dismiss`, { reason: '  ' })).status).toBe(422);
      const d = await operator.post(`/api/telemetry/reviews/${id}/dismiss`, { reason: 'Выгрузка на временной площадке по согласованию' });
      expect(d.status).toBe(200);
      expect(d.body.status).toBe('dismissed');
      expect((await operator.post(`/api/telemetry/reviews/${id}/dismiss`, { reason: 'ещё раз' })).status).toBe(409);
      expect((await carrier.get('/api/telemetry/reviews?status=dismissed')).body.items[0]).toMatchObject({ id, dismissReason: 'Выгрузка на временной площадке по согласованию' });
      expect((await operator.post(`/api/telemetry/reviews/999999/dismiss`, { reason: 'нет' })).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('late and out-of-order points', () => {

  it('a trip whose points come hours late and reversed, between trips already formed, is detected once with its own times; the declared trip judged without data is then confirmed', async () => {
    const a = minute(16);
    const b = minute(14);
    const c = minute(12);
    expect((await declare(new Date(b.getTime() + 10 * 60_000), new Date(b.getTime() + 40 * 60_000))).accepted).toBe(1);
    await send(tripTrack(a, FACILITY));
    await send(tripTrack(c, FACILITY));
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ detections: 2, recorded: 2 });
    const before = await since(a);
    expect(before.map((x) => [x.source, x.telemetry_check])).toEqual([
      ['telemetry', null],
      ['api', 'no_data'],
      ['telemetry', null],
    ]);

    // The black box sends the middle trip afterwards, newest point first.
    await send(tripTrack(b, FACILITY).reverse());
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ vehicles: 1, detections: 1, linked: 1, recorded: 0 });
    const after = await since(a);
    expect(after.map((x) => [x.source, x.telemetry_check])).toEqual([
      ['telemetry', null],
      ['api', 'confirmed'],
      ['telemetry', null],
    ]);
    const d = await ctx.pool.query(`select loaded_at, trip_id::int from telemetry_detections where loaded_at >= $1 and loaded_at < $2`, [b, c]);
    expect(d.rows).toHaveLength(1);
    expect(new Date(d.rows[0].loaded_at).getTime()).toBe(b.getTime() + 12 * 60_000);
    expect(d.rows[0].trip_id).toBe(after[1].id);

    // Sent again (a tracker resending its black box): nothing stored, nothing detected.
    await send(tripTrack(b, FACILITY));
    expect((await detectTelemetryTrips(ctx)).detections).toBe(0);
    expect(await since(a)).toHaveLength(3);
  });

  it('a late point that moves the loading moment of a trip already detected adds no second trip', async () => {
    const start = minute(10);
    await send(tripTrack(start, FACILITY));
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ detections: 1, recorded: 1 });
    // 30 s after the point the departure was taken from, the truck was still inside the site.
    await send([pos(new Date(start.getTime() + 12 * 60_000 + 30_000), SITE.lat, SITE.lon, false)]);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ vehicles: 1, detections: 0 });
    const t = await since(start);
    expect(t).toHaveLength(1);
    expect(new Date(t[0].loaded_at).getTime()).toBe(start.getTime() + 12 * 60_000);
    const d = await ctx.pool.query(`select count(*)::int as n from telemetry_detections where loaded_at >= $1`, [start]);
    expect(d.rows[0].n).toBe(1);
  });

  const detections = async (from: Date, to: Date) =>
    (
      await ctx.pool.query(
        `select id::int, loaded_at, unloaded_at, trip_id::int, outcome from telemetry_detections where vehicle_id = $1 and loaded_at >= $2 and loaded_at < $3 order by loaded_at`,
        [w.vehicle.id, from, to],
      )
    ).rows;

  const audits = async (subject: string | number) =>
    (await ctx.pool.query(`select action, details from audit_events where subject_type = 'trip' and subject_id = $1 order by id`, [String(subject)])).rows;
  const notices = async (org: string, text: string) =>
    (await ctx.pool.query(`select title, body, link from notifications where organization_id = $1 and (title like $2 or body like $2) order by id`, [org, `%${text}%`])).rows;

  it('late points that show two trips where one was detected split it: the first keeps its number, the second is new, once', async () => {
    const a = minute(8);
    const b = new Date(a.getTime() + 60 * 60_000);
    const first = tripTrack(a, FACILITY);
    const second = tripTrack(b, FACILITY);
    // Coverage lost from the arrival at the facility to the second departure: the body raised and the second loading are missing.
    const early = [...first.slice(0, 33), ...second.slice(12)];
    const lateOnes = [...first.slice(33), ...second.slice(0, 12)];
    await send(early);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ detections: 1, recorded: 1 });
    const one = await since(a);
    expect(one).toHaveLength(1);
    expect([new Date(one[0].loaded_at).getTime(), new Date(one[0].unloaded_at).getTime()]).toEqual([a.getTime() + 12 * 60_000, b.getTime() + 33 * 60_000]);

    await send(lateOnes);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ vehicles: 1, corrected: 1, detections: 1, recorded: 1, flagged: 0 });
    const two = await since(a);
    expect(two.map((t) => [t.source, new Date(t.loaded_at).getTime(), new Date(t.unloaded_at).getTime()])).toEqual([
      ['telemetry', a.getTime() + 12 * 60_000, a.getTime() + 33 * 60_000],
      ['telemetry', b.getTime() + 12 * 60_000, b.getTime() + 33 * 60_000],
    ]);
    expect(two[0].id).toBe(one[0].id); // the first keeps the number
    expect(Number(two[1].id)).toBeGreaterThan(Number(one[0].id));
    const d = await detections(a, new Date(b.getTime() + 60 * 60_000));
    expect(d.map((x) => [x.outcome, x.trip_id])).toEqual([
      ['recorded', two[0].id],
      ['recorded', two[1].id],
    ]);
    const log = await audits(one[0].id);
    expect(log.map((x) => x.action)).toEqual(['trip.corrected']);
    expect(log[0].details).toMatchObject({ source: 'telemetry', cause: 'late_points', changed: ['unloadedAt'] });
    expect(new Date(log[0].details.before.unloadedAt).getTime()).toBe(b.getTime() + 33 * 60_000);
    expect(new Date(log[0].details.after.unloadedAt).getTime()).toBe(a.getTime() + 33 * 60_000);
    expect(await notices(w.carrier.id, `Рейс № ${one[0].id} исправлен`)).toHaveLength(1);
    expect(await notices(w.facility.id, `Рейс № ${one[0].id} исправлен`)).toHaveLength(1);
    // Totals follow: the vehicle's two trips are counted, the removed one not.
    const totals = await ctx.pool.query(`select coalesce(sum(trips), 0)::int as n from trip_totals where permit_id = $1`, [w.permit.id]);
    const counted = await ctx.pool.query(`select count(*)::int as n from trips where permit_id = $1`, [w.permit.id]);
    expect(totals.rows[0].n).toBe(counted.rows[0].n);

    // Again, and the same points resent: nothing changes.
    await ctx.pool.query(`insert into telemetry_detect_inbox (vehicle_id, min_at, max_at) values ($1, $2, $3) on conflict (vehicle_id) do update set min_at = excluded.min_at`, [w.vehicle.id, lateOnes[0]!.time, lateOnes[0]!.time]);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ corrected: 0, detections: 0, flagged: 0 });
    await send(lateOnes);
    expect((await detectTelemetryTrips(ctx)).detections).toBe(0);
    expect((await since(a)).map((t) => t.id)).toEqual(two.map((t) => t.id));
  });

  it('a late point with the body raised earlier moves the unloading of a trip not yet formed: same trip, audited, the carrier and the facility told', async () => {
    const start = minute(5);
    const track = tripTrack(start, FACILITY);
    const arrival = track[32]!.time; // at the facility, body down; raised a minute later
    await send(track);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ detections: 1, recorded: 1 });
    const before = await since(start);
    expect(new Date(before[0].unloaded_at).getTime()).toBe(arrival.getTime() + 60_000);

    await send([pos(new Date(arrival.getTime() + 30_000), FACILITY.lat, FACILITY.lon, true)]);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ corrected: 1, detections: 0, recorded: 0 });
    const after = await since(start);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before[0].id);
    const log = await audits(before[0].id);
    expect(log.map((x) => x.action)).toEqual(['trip.corrected']);
    expect(log[0].details.changed).toEqual(['unloadedAt']);
    const told = await notices(w.facility.id, `Рейс № ${before[0].id} исправлен`);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ link: '/receipts' });
    expect(told[0].body).toContain('Номер рейса прежний');
    expect(await notices(w.carrier.id, `Рейс № ${before[0].id} исправлен`)).toHaveLength(1);
    // Still pending at the facility, under its number.
    const pending = await ctx.pool.query(`select receipt_status from trips where id = $1`, [before[0].id]);
    expect(pending.rows[0].receipt_status).toBe('pending');
    expect(new Date(after[0].loaded_at).getTime()).toBe(new Date(before[0].loaded_at).getTime());
    expect(new Date(after[0].unloaded_at).getTime()).toBe(arrival.getTime() + 30_000);
    const d = await detections(start, new Date(start.getTime() + 3_600_000));
    expect(d).toHaveLength(1);
    expect(new Date(d[0].unloaded_at).getTime()).toBe(arrival.getTime() + 30_000);
    expect(d[0].trip_id).toBe(after[0].id);
  });

  it('late points that show no trip any more (the body raised outside every facility on the way) cancel it: marked with the reason, audited, the carrier and the facility told', async () => {
    const start = minute(3);
    const track = tripTrack(start, FACILITY);
    await send(track);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ detections: 1, recorded: 1 });
    const before = await since(start);
    expect(before).toHaveLength(1);
    const id = before[0].id;

    // Halfway, the body was raised outside every facility: a likely dump, not a trip to the facility.
    const mid = track[22]!;
    await send([pos(new Date(mid.time.getTime() + 30_000), mid.latitude, mid.longitude, true)]);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ corrected: 1, detections: 1, review: 1, recorded: 0 });
    expect(await since(start)).toHaveLength(0);
    const d = (
      await ctx.pool.query(
        `select id::int, kind, trip_id, cancelled_at, cancelled_trip_id::int, cancel_reason from telemetry_detections where vehicle_id = $1 and loaded_at >= $2 and loaded_at < $3 order by id`,
        [w.vehicle.id, start, new Date(start.getTime() + 3_600_000)],
      )
    ).rows;
    expect(d).toHaveLength(2);
    expect(d[0]).toMatchObject({ kind: 'trip', trip_id: null, cancelled_trip_id: Number(id) });
    expect(d[0].cancelled_at).not.toBeNull();
    expect(d[0].cancel_reason).toContain('подъём кузова вне объектов приёма');
    expect(d[1]).toMatchObject({ kind: 'dump_outside', cancelled_at: null });
    const cases = await ctx.pool.query(`select reason_code, status from telemetry_reviews where detection_id = $1`, [d[1].id]);
    expect(cases.rows).toEqual([{ reason_code: 'dump_outside', status: 'open' }]);
    const log = await audits(id);
    expect(log.map((x) => x.action)).toEqual(['trip.cancelled']);
    expect(log[0].details).toMatchObject({ source: 'telemetry', cause: 'late_points', detectionId: d[0].id, trip: { facility: expect.any(String) } });
    const told = await notices(w.facility.id, `Рейс № ${id} отменён`);
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('Принимать его не нужно');
    expect(await notices(w.carrier.id, `Рейс № ${id} отменён`)).toHaveLength(1);
    const totals = await ctx.pool.query(`select coalesce(sum(trips), 0)::int as n from trip_totals where permit_id = $1`, [w.permit.id]);
    const counted = await ctx.pool.query(`select count(*)::int as n from trips where permit_id = $1`, [w.permit.id]);
    expect(totals.rows[0].n).toBe(counted.rows[0].n);
    // The cancelled detection is not listed among the trucks' trips; its place is the dump's.
    const { listDetections } = await import('./detections.js');
    const ids = (await listDetections(ctx, { orgRoles: ['operator'] } as never, { pageSize: 100 })).items.map((x) => x.id);
    expect(ids).toContain(d[1].id);
    expect(ids).not.toContain(d[0].id);
    // Again: nothing more.
    await ctx.pool.query(`insert into telemetry_detect_inbox (vehicle_id, min_at, max_at) values ($1, $2, $2) on conflict (vehicle_id) do update set min_at = excluded.min_at`, [w.vehicle.id, mid.time]);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ corrected: 0, detections: 0 });
  });

  it('a loading of 3 hours that the re-read of late points would cut is read whole: the trip after it is corrected', async () => {
    const terminal = 7712399;
    const truck = await makeVehicle(ctx, { carrierId: w.carrier.id });
    await ctx.pool.query(`update vehicles set terminal_number = $2 where id = $1`, [truck.id, String(terminal)]);
    const L = minute(49).getTime();
    const M = 60_000;
    const PARK = { lat: 55.66, lon: 37.6 };
    const pts: PosData[] = [pos(new Date(L - 190 * M), PARK.lat, PARK.lon, false)];
    for (let t = L - 180 * M; t < L; t += 10 * M) pts.push(pos(new Date(t), SITE.lat, SITE.lon, false)); // 3 hours at the site
    for (let t = L; t < L + (47 * 60 + 20) * M; t += 30 * M) pts.push(pos(new Date(t), PARK.lat, PARK.lon + ((t - L) / M) * 1e-5, false)); // a long way
    const U1 = L + (47 * 60 + 50) * M;
    pts.push(pos(new Date(U1 - 10 * M), FACILITY.lat, FACILITY.lon, false), pos(new Date(U1), FACILITY.lat, FACILITY.lon, true));
    pts.push(pos(new Date(U1 + M), FACILITY.lat, FACILITY.lon, false), pos(new Date(U1 + 2 * M), PARK.lat, PARK.lon, false));
    await send(pts, terminal);
    expect(await detectTelemetryTrips(ctx, { vehicleIds: [truck.id] })).toMatchObject({ detections: 1, recorded: 1 });
    const before = (await ctx.pool.query(`select id, loaded_at, unloaded_at from trips where vehicle_id = $1`, [truck.id])).rows;
    expect(before.map((t) => [new Date(t.loaded_at).getTime(), new Date(t.unloaded_at).getTime()])).toEqual([[L, U1]]);

    // The body was really raised 20 minutes earlier: 49 h back from that point falls 1.5 h into the 3-hour loading.
    const X = U1 - 20 * M;
    await send([pos(new Date(X), FACILITY.lat, FACILITY.lon, true)], terminal);
    expect(await detectTelemetryTrips(ctx, { vehicleIds: [truck.id] })).toMatchObject({ corrected: 1, detections: 0, flagged: 0 });
    const after = (await ctx.pool.query(`select id, loaded_at, unloaded_at from trips where vehicle_id = $1`, [truck.id])).rows;
    expect(after.map((t) => [t.id, new Date(t.loaded_at).getTime(), new Date(t.unloaded_at).getTime()])).toEqual([[before[0].id, L, X]]);
  });

  it('late points that would change a trip already formed (27 h) leave it as it was and put it on the review list', async () => {
    const start = minute(31);
    const track = tripTrack(start, FACILITY);
    const arrival = track[32]!.time;
    await send(track);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ detections: 1, recorded: 1 });
    const before = await since(start);
    const formed = before.filter((t) => new Date(t.loaded_at) < new Date(start.getTime() + 3_600_000));
    expect(formed).toHaveLength(1);

    await send([pos(new Date(arrival.getTime() + 30_000), FACILITY.lat, FACILITY.lon, true)]);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ corrected: 0, detections: 0, flagged: 1 });
    const after = (await since(start)).filter((t) => new Date(t.loaded_at) < new Date(start.getTime() + 3_600_000));
    expect(after).toEqual(formed);
    const d = await detections(start, new Date(start.getTime() + 3_600_000));
    expect(d).toHaveLength(1);
    expect(d[0].trip_id).toBe(formed[0].id);
    const reviews = await ctx.pool.query(`select reason_code, status, reason from telemetry_reviews where detection_id = $1`, [d[0].id]);
    expect(reviews.rows).toHaveLength(1);
    expect(reviews.rows[0]).toMatchObject({ reason_code: 'late_points', status: 'open' });
    expect(reviews.rows[0].reason).toContain(`Рейс № ${formed[0].id} уже сформирован`);
    // Flagged once, however often the job sees it.
    await ctx.pool.query(`insert into telemetry_detect_inbox (vehicle_id, min_at, max_at) values ($1, $2, $2) on conflict (vehicle_id) do update set min_at = excluded.min_at`, [w.vehicle.id, arrival]);
    await detectTelemetryTrips(ctx);
    expect((await ctx.pool.query(`select count(*)::int as n from telemetry_reviews where detection_id = $1`, [d[0].id])).rows[0].n).toBe(1);
  });
  it('a late point with the body raised at another facility of the permit on the way moves the trip there: same number, both facilities told', async () => {
    const other = await makeOrganization(ctx, { roles: ['facility'] });
    const object = await makeFacilityObject(ctx, { organizationId: other.id });
    await ctx.pool.query(`insert into permit_facilities (permit_id, facility_id, facility_object_id) values ($1, $2, $3)`, [w.permit.id, other.id, object.id]);
    const start = minute(1.5);
    const track = tripTrack(start, FACILITY);
    const by = track[12 + 14 - 1]!; // on the way, 14 of 21 steps from the site
    await ctx.pool.query(`update facilities set boundary = $2 where id = $1`, [object.id, JSON.stringify(square({ lat: by.latitude, lon: by.longitude }))]);
    await send(track);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ detections: 1, recorded: 1 });
    const before = await since(start);
    expect(before.map((t) => t.facility_object_id)).toEqual([w.facility.objectId]);

    await send([pos(new Date(by.time.getTime() + 30_000), by.latitude, by.longitude, true)]);
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ corrected: 1, detections: 0, recorded: 0 });
    const after = await since(start);
    expect(after.map((t) => [t.id, t.facility_object_id, new Date(t.unloaded_at).getTime()])).toEqual([[before[0].id, object.id, by.time.getTime() + 30_000]]);
    const facilityOrg = await ctx.pool.query(`select facility_id from trips where id = $1`, [before[0].id]);
    expect(facilityOrg.rows[0].facility_id).toBe(other.id);
    const log = await audits(before[0].id);
    expect(log.map((x) => x.action)).toEqual(['trip.corrected']);
    expect(log[0].details.changed).toEqual(['unloadedAt', 'facilityObjectId', 'facility']);
    expect(await notices(w.facility.id, `Рейс № ${before[0].id} больше не ожидает приёма`)).toHaveLength(1);
    expect(await notices(other.id, `Рейс № ${before[0].id} ожидает приёма`)).toHaveLength(1);
    const totals = await ctx.pool.query(`select facility_object_id, sum(trips)::int as n from trip_totals where permit_id = $1 group by 1`, [w.permit.id]);
    const counted = await ctx.pool.query(`select facility_object_id, count(*)::int as n from trips where permit_id = $1 group by 1`, [w.permit.id]);
    expect(new Map(totals.rows.filter((r) => r.n).map((r) => [r.facility_object_id, r.n]))).toEqual(new Map(counted.rows.map((r) => [r.facility_object_id, r.n])));
  });
});
