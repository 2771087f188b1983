/**
 * The demo's telemetry: boundaries of the demo sites and facilities, terminal numbers on four trucks of
 * each carrier (860001…), and a day of their tracks put through the detection job — trips formed from
 * telemetry, a case of two permits that fit, and a body raised outside any facility on the review list.
 * `npm run simulate` then drives these trucks over EGTS.
 */
import type { AppContext } from '../../platform/context.js';
import type { DemoSeedInfo } from '../demo/types.js';
import { DEMO_PLACES, squareAround, truckTrip, type LatLon, type SimPoint } from './simulated-track.js';
import { detectTelemetryTrips } from './detect-job.js';

export const DEMO_TERMINAL_BASE = 860000;

export async function telemetryDemoHook(ctx: AppContext, info: DemoSeedInfo): Promise<void> {
  for (const [key, c] of Object.entries(DEMO_PLACES.sites)) {
    const id = info.siteIds.get(key);
    if (id) await ctx.pool.query('update sites set boundary = $2 where id = $1', [id, JSON.stringify(squareAround(c))]);
  }
  for (const [key, c] of Object.entries(DEMO_PLACES.facilities)) {
    const org = info.orgIds.get(key);
    if (org) await ctx.pool.query('update facilities set boundary = $2 where organization_id = $1', [org, JSON.stringify(squareAround(c, 0.004))]);
  }
  const terminals = new Map<string, string>();
  let n = 1;
  for (const carrier of ['carrier', 'carrier2']) {
    const v = await ctx.pool.query<{ id: string }>('select id from vehicles where carrier_id = $1 order by plate limit 4', [info.orgIds.get(carrier)]);
    for (const row of v.rows) {
      const terminal = String(DEMO_TERMINAL_BASE + n++);
      await ctx.pool.query('update vehicles set terminal_number = $2 where id = $1', [row.id, terminal]);
      terminals.set(`${carrier}:${terminals.size % 4}`, row.id);
    }
  }
  // A day ago (formed 27 h after): carrier's truck s2 → facility, carrier2's s3 → facility2; carrier's
  // s1 → facility (two permits fit: review); carrier2's truck raises its body on the way (review).
  const t0 = Math.floor((ctx.now().getTime() - 30 * 3_600_000) / 60_000) * 60_000;
  const S = DEMO_PLACES.sites;
  const F = DEMO_PLACES.facilities;
  const plan: Array<[string | undefined, LatLon, LatLon, number, number | undefined]> = [
    [terminals.get('carrier:0'), S.s2!, F.facility!, t0, undefined],
    [terminals.get('carrier:0'), S.s2!, F.facility!, t0 + 3 * 3_600_000, undefined],
    [terminals.get('carrier2:0'), S.s3!, F.facility2!, t0, undefined],
    [terminals.get('carrier:1'), S.s1!, F.facility!, t0 + 3_600_000, undefined],
    [terminals.get('carrier2:1'), S.s1!, F.facility2!, t0 + 2 * 3_600_000, 0.4],
  ];
  let seed = 16;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const vehicles = new Set<string>();
  for (const [vehicleId, site, to, start, dump] of plan) {
    if (!vehicleId) continue;
    vehicles.add(vehicleId);
    const pts: SimPoint[] = truckTrip(site, to, new Date(start), { stepSeconds: 30, dumpAtFraction: dump, rand });
    const terminal = (await ctx.pool.query<{ t: string }>('select terminal_number as t from vehicles where id = $1', [vehicleId])).rows[0]!.t;
    await ctx.pool.query(
      `insert into telemetry_points (terminal, at, vehicle_id, received_at, latitude, longitude, speed, body_raised, protocol)
       select $1, u.at, $2, u.at + interval '3 seconds', u.lat, u.lon, u.speed, u.body, 'egts'
         from unnest($3::timestamptz[], $4::float8[], $5::float8[], $6::real[], $7::bool[]) as u(at, lat, lon, speed, body)
       on conflict do nothing`,
      [terminal, vehicleId, pts.map((p) => p.at), pts.map((p) => p.latitude), pts.map((p) => p.longitude), pts.map((p) => p.speed), pts.map((p) => p.bodyRaised)],
    );
  }
  // A tracker no vehicle names yet: its points are kept apart and shown to the operator.
  const stray = truckTrip(S.s2!, F.facility!, new Date(t0 + 5 * 3_600_000), { stepSeconds: 60, rand }).slice(0, 20);
  await ctx.pool.query(
    `insert into telemetry_points (terminal, at, received_at, latitude, longitude, speed, body_raised, protocol)
     select $1, u.at, u.at + interval '2 seconds', u.lat, u.lon, 0, false, 'wialon' from unnest($2::timestamptz[], $3::float8[], $4::float8[]) as u(at, lat, lon)
     on conflict do nothing`,
    [String(DEMO_TERMINAL_BASE + 9999), stray.map((p) => p.at), stray.map((p) => p.latitude), stray.map((p) => p.longitude)],
  );
  const last = stray[stray.length - 1]!;
  await ctx.pool.query(
    `insert into telemetry_unknown_terminals (terminal, protocol, first_seen, last_seen, points, last_remote, last_latitude, last_longitude)
     values ($1, 'wialon', $2, $3, $4, '127.0.0.1', $5, $6) on conflict (terminal) do nothing`,
    [String(DEMO_TERMINAL_BASE + 9999), stray[0]!.at, last.at, stray.length, last.latitude, last.longitude],
  );
  const run = await detectTelemetryTrips(ctx, { vehicleIds: [...vehicles] });
  info.log(`телематика: рейсов по трекерам ${run.recorded}, связано с заявленными ${run.linked}, на проверку ${run.review}`);
}
