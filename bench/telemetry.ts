/**
 * `npm run bench -- telemetry [--trackers 10000] [--period 5000] [--seconds 30] [--points 100000]`:
 *  1. receiver: N trackers (a child process, bench/telemetry-clients.ts) over loopback EGTS, each
 *     authenticating as a vehicle's terminal and sending one point every PERIOD ms for SECONDS; points/s
 *     stored, nothing lost (stored = sent = answered), lag from packet to its answer — sent once the point
 *     is committed — p50/p99, the receiver process's CPU and peak RSS (the database server's CPU not included);
 *  2. detection: simulated trucks' tracks of about POINTS points (loading, drive, tipping inside the
 *     facility; one trip an hour per truck) through the telemetry.detect job: seconds, trips, per 100k points and per 1,000 trips.
 * Each line carries the machine's `uptime` load averages before and after. Runs in a scratch database
 * made on the server of DATABASE_URL (dropped after), or in an embedded one of its own under .tmp (removed after).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scratchDatabase } from './production-boot.js';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { startReceiver } from '../src/features/telemetry/receiver.js';
import { detectTelemetryTrips } from '../src/features/telemetry/detect-job.js';
import { squareAround, truckTrip } from '../src/features/telemetry/simulated-track.js';
import { makeVehicle, makeWorld } from '../test/factories.js';
import { FKKO_CONSTRUCTION } from '../src/domain/fkko.js';

const load = () => os.loadavg().map((x) => +x.toFixed(2));

export async function benchTelemetry(o: { trackers: number; periodMs: number; seconds: number; points: number; sampleRss: () => number }): Promise<object[]> {
  const scratch = await scratchDatabase('telemetry', process.env.DATABASE_URL);
  // Without DATABASE_URL: an embedded PostgreSQL of its own in a scratch directory (removed after), never DATA_DIR's.
  const dataDir = path.resolve(`.tmp/bench-telemetry-${process.pid}`);
  const started = await boot(
    parseConfig(scratch ? { ...process.env, DATABASE_URL: scratch.url } : { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(55_000 + (process.pid % 2000)) }, {
      logLevel: 'silent',
    } as never),
  );
  const ctx = started.ctx;
  const out: object[] = [];
  try {
    for (const t of FKKO_CONSTRUCTION) await ctx.pool.query('insert into waste_types (code, name) values ($1, $2) on conflict do nothing', [t.code, t.name]);
    const w = await makeWorld(ctx);
    const BASE = 7_000_000;
    // The trackers' vehicles, each with its terminal number.
    await ctx.pool.query(
      `insert into vehicles (carrier_id, plate, model, capacity_m3, terminal_number)
       select $1, 'БЕНЧ' || g, 'КАМАЗ-6520', 20, ($2 + g)::text from generate_series(0, $3 - 1) g`,
      [w.carrier.id, BASE, o.trackers],
    );

    // 1. The receiver under N trackers.
    const rx = await startReceiver(ctx, { port: 0, host: '127.0.0.1' });
    const load0 = load();
    const cpu0 = process.cpuUsage();
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/telemetry-clients.ts', String(rx.port), String(o.trackers), String(o.seconds), String(o.periodMs), String(BASE)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    const t0 = performance.now();
    await new Promise((r) => child.once('exit', r));
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const clients = JSON.parse(text.trim().split('\n').pop() ?? '{}');
    await rx.close();
    const stored = (await ctx.pool.query(`select count(*)::int as n from telemetry_points where vehicle_id is not null`)).rows[0].n as number;
    out.push({
      case: 'telemetry-receiver',
      n: o.trackers,
      trackers: o.trackers,
      periodMs: o.periodMs,
      seconds: o.seconds,
      offeredPointsPerSecond: Math.round(o.trackers / (o.periodMs / 1000)),
      sent: clients.sent,
      answered: clients.answered,
      refused: clients.refused,
      stored,
      lost: clients.sent - stored,
      pointsPerSecond: Math.round(stored / o.seconds),
      lagP50Ms: clients.lagP50Ms,
      lagP99Ms: clients.lagP99Ms,
      lagMaxMs: clients.lagMaxMs,
      receiverCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      receiverCpuShare: +((cpu.user + cpu.system) / 1e6 / wall).toFixed(2),
      batches: rx.writer.stats.batches,
      peakRssMb: Math.round(o.sampleRss() / 1048576),
      loadBefore: load0,
      loadAfter: load(),
    });

    // 2. Detection over simulated trucks' tracks.
    await ctx.pool.query(`update sites set boundary = $2 where id = $1`, [w.site.id, JSON.stringify(squareAround({ lat: 55.7, lon: 37.5 }, 0.003))]);
    await ctx.pool.query(`update facilities set boundary = $2 where id = $1`, [w.facility.objectId, JSON.stringify(squareAround({ lat: 55.6, lon: 37.7 }, 0.003))]);
    const perTrip = truckTrip({ lat: 55.7, lon: 37.5 }, { lat: 55.6, lon: 37.7 }, new Date(0), { stepSeconds: 30, rand: () => 0.5 }).length;
    const tripsPerTruck = 20;
    const trucks = Math.max(1, Math.round(o.points / perTrip / tripsPerTruck));
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const from = Math.floor((ctx.now().getTime() - 3 * 86_400_000) / 60_000) * 60_000;
    let points = 0;
    const vehicleIds: string[] = [];
    for (let v = 0; v < trucks; v++) {
      const vehicle = await makeVehicle(ctx, { carrierId: w.carrier.id });
      vehicleIds.push(vehicle.id);
      const pts = [];
      for (let k = 0; k < tripsPerTruck; k++) pts.push(...truckTrip({ lat: 55.7, lon: 37.5 }, { lat: 55.6, lon: 37.7 }, new Date(from + k * 3_600_000), { stepSeconds: 30, rand }));
      points += pts.length;
      await ctx.pool.query(
        `insert into telemetry_points (terminal, at, vehicle_id, received_at, latitude, longitude, speed, body_raised, protocol)
         select $1, u.at, $2, now(), u.lat, u.lon, u.speed, u.body, 'egts' from unnest($3::timestamptz[], $4::float8[], $5::float8[], $6::real[], $7::bool[]) u(at, lat, lon, speed, body)`,
        [`bench-${v}`, vehicle.id, pts.map((p) => p.at), pts.map((p) => p.latitude), pts.map((p) => p.longitude), pts.map((p) => p.speed), pts.map((p) => p.bodyRaised)],
      );
    }
    const load1 = load();
    const d0 = performance.now();
    const run = await detectTelemetryTrips(ctx, { vehicleIds });
    const seconds = (performance.now() - d0) / 1000;
    out.push({
      case: 'telemetry-detect',
      n: points,
      points,
      trucks,
      trips: trucks * tripsPerTruck,
      detections: run.detections,
      recorded: run.recorded,
      linked: run.linked,
      review: run.review,
      seconds: +seconds.toFixed(2),
      secondsPer100kPoints: +((seconds * 100_000) / points).toFixed(2),
      secondsPer1000Trips: +((seconds * 1000) / Math.max(1, run.detections)).toFixed(2),
      peakRssMb: Math.round(o.sampleRss() / 1048576),
      loadBefore: load1,
      loadAfter: load(),
    });
  } finally {
    await started.close();
    await scratch?.drop();
    if (!scratch) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
