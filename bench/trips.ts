/**
 * Trip batch ingestion through the HTTP API (JSON, all checks, idempotency,
 * audit) against a plain COPY of the same rows, in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { buildServer } from '../src/platform/http/server.js';
import { ROUTES } from '../src/features/index.js';
import { seedDemo, DEMO_PASSWORD } from '../src/features/demo/seed.js';

export async function benchTrips(opts: { batches: number; batchSize: number; sampleRss: () => number }) {
  const dataDir = path.resolve(`.tmp/bench-trips-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = await boot(parseConfig({ ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(55000 + (process.pid % 400)), LOG_LEVEL: 'silent' }));
  const { ctx } = started;
  try {
    await seedDemo(ctx, { trips: 0 });
    const app = await buildServer(ctx, ROUTES, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'carrier@ossig.test', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const permit = await ctx.db
      .selectFrom('permits as p')
      .innerJoin('permit_carriers as pc', 'pc.permit_id', 'p.id')
      .innerJoin('organizations as c', 'c.id', 'pc.carrier_id')
      .select(['p.id', 'p.number', 'p.site_id', 'c.id as carrier_id'])
      .where('c.email', '=', 'info@carrier.ossig.test')
      .where('p.number', '=', 'РП-77-2026-000142')
      .executeTakeFirstOrThrow();
    const waste = await ctx.db.selectFrom('permit_waste_types').select('waste_code').where('permit_id', '=', permit.id).execute();
    const facilities = await ctx.db
      .selectFrom('permit_facilities as pf')
      .innerJoin('organizations as o', 'o.id', 'pf.facility_id')
      .select(['o.id', 'o.inn', 'pf.facility_object_id'])
      .where('pf.permit_id', '=', permit.id)
      .execute();
    // Vehicles without trips of their own: the demo's tracked trucks carry trips formed from their trackers, and a
    // declared trip overlapping one of those is refused as the same trip (a duplicate), not what is measured here.
    const vehicles = await ctx.db
      .selectFrom('vehicles as v')
      .select(['v.id', 'v.plate'])
      .where('v.carrier_id', '=', permit.carrier_id)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('trips as t').select('t.id').whereRef('t.vehicle_id', '=', 'v.id'))))
      .execute();
    if (!vehicles.length) throw new Error('no vehicle of the demo carrier without trips');

    const total = opts.batches * opts.batchSize;
    const end = Date.now() - 3 * 3600_000;
    const trips = Array.from({ length: total }, (_, i) => {
      const unloaded = end - i * 60_000;
      return {
        externalId: `B-${i}`,
        permitNumber: permit.number,
        plate: vehicles[i % vehicles.length].plate,
        wasteCode: waste[i % waste.length].waste_code,
        facilityInn: facilities[i % facilities.length].inn,
        loadedAt: new Date(unloaded - 80 * 60_000).toISOString(),
        unloadedAt: new Date(unloaded).toISOString(),
        volume: (10 + (i % 1000) / 100).toFixed(2),
        mass: (17 + (i % 1000) / 100).toFixed(3),
      };
    });


    // The floor: a plain COPY of the same rows into the same table (same indexes and
    // constraints), run before the API so the rows do not collide, and rolled back.
    const vehicleIds = new Map(vehicles.map((v) => [v.plate, v.id]));
    const facilityIds = new Map(facilities.map((f) => [f.inn, f.id]));
    const facilityObjectIds = new Map(facilities.map((f) => [f.inn, f.facility_object_id]));
    const lines = trips.map(
      (t) =>
        [permit.id, permit.site_id, permit.carrier_id, vehicleIds.get(t.plate), facilityIds.get(t.facilityInn), facilityObjectIds.get(t.facilityInn), t.wasteCode, t.loadedAt, t.unloadedAt, t.volume, t.mass, t.externalId, 'api'].join('\t') +
        '\n',
    );
    const client = await ctx.pool.connect();
    const t1 = performance.now();
    try {
      await client.query('begin');
      for (let b = 0; b < opts.batches; b++) {
        const stream = client.query(
          copyFrom('copy trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, external_id, source) from stdin'),
        );
        await pipeline(Readable.from([lines.slice(b * opts.batchSize, (b + 1) * opts.batchSize).join('')]), stream);
      }
    } finally {
      await client.query('rollback');
      client.release();
    }
    const copySeconds = (performance.now() - t1) / 1000;
    let peak = opts.sampleRss();
    const t0 = performance.now();
    let accepted = 0;
    for (let b = 0; b < opts.batches; b++) {
      const res = await fetch(`${base}/api/trips`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'idempotency-key': `bench-${b}` },
        body: JSON.stringify({ trips: trips.slice(b * opts.batchSize, (b + 1) * opts.batchSize) }),
      });
      const body = (await res.json()) as { accepted: number };
      if (res.status !== 200) throw new Error(`batch ${b}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      accepted += body.accepted;
      peak = Math.max(peak, opts.sampleRss());
    }
    const apiSeconds = (performance.now() - t0) / 1000;
    if (accepted !== total) throw new Error(`accepted ${accepted} of ${total}`);
    await app.close();
    const apiRate = total / apiSeconds;
    const copyRate = total / copySeconds;
    return {
      case: 'trips-ingest',
      n: total,
      batchSize: opts.batchSize,
      seconds: +apiSeconds.toFixed(3),
      peakRssMb: Math.round(peak / 1048576),
      tripsPerSecond: Math.round(apiRate),
      copySeconds: +copySeconds.toFixed(3),
      copyTripsPerSecond: Math.round(copyRate),
      shareOfCopy: +(apiRate / copyRate).toFixed(3),
      database: ctx.config.databaseUrl ? 'external' : 'embedded',
    };
  } finally {
    await started.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
