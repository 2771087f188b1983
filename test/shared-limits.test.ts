/**
 * Two app instances on one database (two pools, two servers, as two web processes would be): a
 * per-address rate limit counts the hits of both, and the upload gate's slots are the same slots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/db.js';
import { buildTestApp } from './helpers/http.js';
import { createContext } from '../src/platform/bootstrap.js';
import type { AppContext } from '../src/platform/context.js';
import type { App } from '../src/platform/http/server.js';
import { uploadGate } from '../src/features/uploads/gate.js';

let ctx: TestContext;
let other: AppContext;
let a: App;
let b: App;

beforeAll(async () => {
  ctx = await createTestContext();
  other = createContext(ctx.config, ctx.url, 4);
  a = await buildTestApp(ctx);
  b = await buildTestApp(other);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await other?.db.destroy();
  await ctx?.close();
});

describe('limits shared by web processes through PostgreSQL', () => {
  it('a rate limit of 30 a minute per address counts the requests to both instances', async () => {
    const ask = (app: App, ip: string) => app.inject({ method: 'GET', url: '/api/documents/NOSUCH-CODE', remoteAddress: ip });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await ask(i % 2 ? a : b, '203.0.113.7')).statusCode);
    expect(statuses.every((s) => s === 404)).toBe(true);
    // The 31st — to either instance — is over the limit, with the time to wait.
    const overA = await ask(a, '203.0.113.7');
    const overB = await ask(b, '203.0.113.7');
    expect([overA.statusCode, overB.statusCode]).toEqual([429, 429]);
    expect(Number(overB.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is counted apart.
    expect((await ask(b, '203.0.113.8')).statusCode).toBe(404);
  });

  it('the upload gate: a slot taken through one instance is taken for the other', async () => {
    const saved = uploadGate.maxInFlight;
    uploadGate.maxInFlight = 1;
    try {
      const first = await uploadGate.slots.forPool(ctx.pool).tryAcquire();
      expect(first).not.toBeNull();
      expect(await uploadGate.slots.forPool(other.pool).tryAcquire()).toBeNull();
      await first!();
      await first!(); // released once
      const second = await uploadGate.slots.forPool(other.pool).tryAcquire();
      expect(second).not.toBeNull();
      expect(await uploadGate.slots.forPool(ctx.pool).inFlight()).toBe(1);
      await second!();
      expect(await uploadGate.slots.forPool(ctx.pool).inFlight()).toBe(0);
    } finally {
      uploadGate.maxInFlight = saved;
    }
  });
});
