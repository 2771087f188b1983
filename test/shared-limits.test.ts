/**
 * Two app instances on one database (two pools, two servers, as two web processes would be): a
 * per-address rate limit counts the hits of both, and the upload gate's slots are the same slots.
 * A slot's lease is renewed while its upload runs, and lapses soon after its holder is killed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/db.js';
import { buildTestApp } from './helpers/http.js';
import { createContext } from '../src/platform/bootstrap.js';
import type { AppContext } from '../src/platform/context.js';
import type { App } from '../src/platform/http/server.js';
import { spawn } from 'node:child_process';
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

  it('a long upload keeps its slot: the lease is renewed by heartbeat, not left to lapse', async () => {
    const saved = { max: uploadGate.maxInFlight, lease: uploadGate.slotLease };
    uploadGate.maxInFlight = 1;
    uploadGate.slotLease = { leaseSeconds: 1, heartbeatSeconds: 0.2 };
    try {
      const release = await uploadGate.slots.forPool(ctx.pool).tryAcquire();
      expect(release).not.toBeNull();
      // Three leases later the slot is still held, its expiry ahead: the other instance finds no free slot.
      await new Promise((r) => setTimeout(r, 3_000));
      const row = await ctx.pool.query<{ ahead: boolean }>('select expires_at > now() as ahead from upload_gate_slots');
      expect(row.rows).toEqual([{ ahead: true }]);
      expect(await uploadGate.slots.forPool(other.pool).tryAcquire()).toBeNull();
      await release!();
      const next = await uploadGate.slots.forPool(other.pool).tryAcquire();
      expect(next).not.toBeNull();
      await next!();
      // Released: the heartbeat stopped with it, nothing comes back.
      await new Promise((r) => setTimeout(r, 500));
      expect((await ctx.pool.query('select 1 from upload_gate_slots')).rowCount).toBe(0);
    } finally {
      uploadGate.maxInFlight = saved.max;
      uploadGate.slotLease = saved.lease;
    }
  });

  it("a holder killed with SIGKILL: its slot stays while its lease runs, then lapses within the lease", async () => {
    const saved = uploadGate.maxInFlight;
    uploadGate.maxInFlight = 1;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/gate-holder.ts', ctx.url, '2', '0.4'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const said = await new Promise<string>((resolve, reject) => {
        child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
        child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      expect(said).toBe('taken');
      // Alive: it renews its slot across more than one lease.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(await uploadGate.slots.forPool(ctx.pool).tryAcquire()).toBeNull();
      child.kill('SIGKILL');
      const killedAt = Date.now();
      let release = null;
      while (!release && Date.now() - killedAt < 10_000) {
        release = await uploadGate.slots.forPool(ctx.pool).tryAcquire();
        if (!release) await new Promise((r) => setTimeout(r, 100));
      }
      const freedAfter = Date.now() - killedAt;
      expect(release, 'the dead holder\'s slot never lapsed').not.toBeNull();
      // Not at once (the lease still ran) and not later than the lease of 2 s (plus the polling).
      expect(freedAfter).toBeGreaterThan(300);
      expect(freedAfter).toBeLessThan(3_000);
      await release!();
    } finally {
      child.kill('SIGKILL');
      uploadGate.maxInFlight = saved;
    }
  });
});
