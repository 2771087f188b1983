/** The operator's overview (issue 13): the city's figures without reading all trips; only the operator reads it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn } from '../../../test/helpers/http.js';
import { makeOrganization, makePerson, makeTrips, makeWorld, type World } from '../../../test/factories.js';
import type { App } from '../../platform/http/server.js';
import { moscowDate } from '../../domain/period.js';

let ctx: TestContext;
let app: App;
let w: World;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx);
  await makeTrips(ctx, w, { count: 30, lastUnloadedAt: new Date(Date.now() - 3_600_000) });
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe("the operator's overview", () => {
  it('shows registers (counted while small), the last 24 hours and 14 days of trips, queues and jobs', async () => {
    const op = await makeOrganization(ctx, { roles: ['operator'] });
    const head = await makePerson(ctx, { organizationId: op.id });
    const operator = await signedIn(app, head.email);
    const res = await operator.get('/api/operator/overview');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const o = res.body;
    expect(o.organizations.producers).toBeGreaterThanOrEqual(1);
    // Registers this small are counted, not estimated («≈ 3 объекта» would be a guess where the exact figure is cheap).
    const tripRows = Number((await ctx.db.selectFrom('trips').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(o.registers.trips).toEqual({ value: tripRows, exact: true });
    expect(o.days).toHaveLength(14);
    expect(o.days[13].day).toBe(moscowDate(new Date()));
    // The aggregates by day hold every trip of the last 14 days.
    const inDays = o.days.reduce((n: number, d: { trips: number }) => n + d.trips, 0);
    expect(inDays).toBeGreaterThan(0);
    expect(o.trips24h.exact).toBe(true);
    expect(o.trips24h.value).toBeGreaterThan(0);
    expect(o.waiting.applications).toEqual({ value: 0, exact: true });
    expect(o.jobs.failedDay.exact).toBe(true);
  });

  it('is the operator\'s only', async () => {
    const producer = await signedIn(app, w.producer.head.email);
    expect((await producer.get('/api/operator/overview')).status).toBe(403);
  });
});
