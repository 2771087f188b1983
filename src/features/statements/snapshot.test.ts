/**
 * A statement's data is fixed when it is ordered: a trip being written at
 * that moment is either wholly in the snapshot or wholly after it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn } from '../../../test/helpers/http.js';
import { makeTrips, makeWorld, type World } from '../../../test/factories.js';
import { moscowDate } from '../../domain/period.js';
import type { App } from '../../platform/http/server.js';

let ctx: TestContext;
let app: App;
let w: World;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx);
  await makeTrips(ctx, w, { count: 20 });
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

it('waits for a trip insert still in flight and includes it, so no lower id commits after the snapshot', async () => {
  const producer = await signedIn(app, w.producer.head.email);
  const site = (await producer.get('/api/sites')).body.items[0];
  const permits = (await producer.get(`/api/sites/${site.id}`)).body.permits.map((p: { id: string }) => p.id);
  const template = await ctx.db.selectFrom('trips').selectAll().where('site_id', '=', site.id).orderBy('id').limit(1).executeTakeFirstOrThrow();

  // Another connection inserts a formed trip (finished 30 h ago) and keeps its transaction open.
  const writer = new pg.Client({ connectionString: ctx.url });
  await writer.connect();
  await writer.query('begin');
  const finished = new Date(Date.now() - 30 * 3_600_000);
  const ins = await writer.query<{ id: string }>(
    `insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, source)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 12.5, 20.1, 'api') returning id`,
    [template.permit_id, template.site_id, template.carrier_id, template.vehicle_id, template.facility_id, template.facility_object_id, template.waste_code, new Date(finished.getTime() - 3_600_000), finished],
  );
  const insertedId = Number(ins.rows[0].id);

  const today = moscowDate(new Date());
  const from = moscowDate(new Date(Date.now() - 60 * 86_400_000));
  let answered = false;
  const order = producer.post('/api/statements', { siteId: site.id, from, to: today, permitIds: permits }).then((r) => {
    answered = true;
    return r;
  });
  await new Promise((r) => setTimeout(r, 400));
  expect(answered).toBe(false); // the order waits for the insert in flight
  await writer.query('commit');
  await writer.end();
  const res = await order;
  expect(res.status, res.text).toBe(202);
  const st = await ctx.db.selectFrom('statements').select('snapshot_max_trip_id').where('id', '=', res.body.id).executeTakeFirstOrThrow();
  expect(Number(st.snapshot_max_trip_id)).toBeGreaterThanOrEqual(insertedId);
});
