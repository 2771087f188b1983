import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { defineJob, defineSchedule, enqueue, queueHealth, recoverExpiredJobs, runJobsOnce, startWorker, type GiveUpReason } from './index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ jobs: { leaseSeconds: 2 }, workerConcurrency: 2 });
});
afterAll(async () => ctx?.close());

const jobRow = async (key: string) =>
  (await sql<{ status: string; attempts: number; crashes: number; last_error: string | null }>`select status, attempts, crashes, last_error from jobs where key = ${key}`.execute(ctx.db)).rows[0];

const until = async (check: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
};

describe('job queue', () => {
  it('a job exists only if the transaction that enqueued it committed, and a key enqueues once', async () => {
    const job = defineJob<{ n: number }>({ name: 't.commit', parse: (p) => p as { n: number }, run: async () => {} });
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, job, { n: 1 }, { jobKey: 'commit:rolled-back' });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await jobRow('commit:rolled-back')).toBeUndefined();
    await ctx.db.transaction().execute((trx) => enqueue(trx, job, { n: 1 }, { jobKey: 'commit:once' }));
    await ctx.db.transaction().execute((trx) => enqueue(trx, job, { n: 2 }, { jobKey: 'commit:once' }));
    const n = await sql<{ n: number }>`select count(*)::int as n from jobs where key = 'commit:once'`.execute(ctx.db);
    expect(n.rows[0].n).toBe(1);
    expect(await runJobsOnce(ctx, [job])).toBe(1);
    expect((await jobRow('commit:once')).status).toBe('done');
  });

  it('retries a failing job, and gives it up when it fails the same way twice, telling giveUp once', async () => {
    const givenUp: GiveUpReason[] = [];
    let runs = 0;
    const job = defineJob<object>({
      name: 't.same-failure',
      maxAttempts: 5,
      parse: (p) => p as object,
      run: async () => {
        runs++;
        throw new Error('the file is broken');
      },
      giveUp: async (_ctx, _p, reason) => {
        givenUp.push(reason);
      },
    });
    await enqueue(ctx.db, job, {}, { jobKey: 'same-failure' });
    await runJobsOnce(ctx, [job]);
    expect(await jobRow('same-failure')).toMatchObject({ status: 'queued', attempts: 1 });
    // The retry waits (backoff); make it due now.
    await sql`update jobs set run_at = now() where key = 'same-failure'`.execute(ctx.db);
    await runJobsOnce(ctx, [job]);
    expect(await jobRow('same-failure')).toMatchObject({ status: 'failed', attempts: 2, last_error: 'Error: the file is broken' });
    expect(runs).toBe(2);
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0].kind).toBe('failed');
  });

  it('gives up after maxAttempts different failures', async () => {
    let runs = 0;
    const job = defineJob<object>({
      name: 't.exhausted',
      maxAttempts: 3,
      parse: (p) => p as object,
      run: async () => {
        throw new Error(`failure ${++runs}`);
      },
    });
    await enqueue(ctx.db, job, {}, { jobKey: 'exhausted' });
    for (let i = 0; i < 5; i++) {
      await sql`update jobs set run_at = now() where key = 'exhausted' and status = 'queued'`.execute(ctx.db);
      await runJobsOnce(ctx, [job]);
    }
    expect(runs).toBe(3);
    expect(await jobRow('exhausted')).toMatchObject({ status: 'failed', attempts: 3, last_error: 'Error: failure 3' });
  });

  it('a job whose worker died is taken again after its lease, and parked after it killed its worker twice', async () => {
    const givenUp: GiveUpReason[] = [];
    const job = defineJob<object>({
      name: 't.crasher',
      maxAttempts: 5,
      parse: (p) => p as object,
      run: async () => {},
      giveUp: async (_ctx, _p, reason) => {
        givenUp.push(reason);
      },
    });
    await enqueue(ctx.db, job, {}, { jobKey: 'crasher' });
    // A worker claims it and dies: its lease is left to run out.
    const claimAndDie = () =>
      sql`update jobs set status = 'running', attempts = attempts + 1, locked_by = 'dead-worker', locked_until = now() - interval '1 second'
          where key = 'crasher'`.execute(ctx.db);
    await claimAndDie();
    expect(await recoverExpiredJobs(ctx, [job])).toEqual({ requeued: 1, parked: 0 });
    expect(await jobRow('crasher')).toMatchObject({ status: 'queued', crashes: 1 });
    await claimAndDie();
    expect(await recoverExpiredJobs(ctx, [job])).toEqual({ requeued: 0, parked: 1 });
    expect(await jobRow('crasher')).toMatchObject({ status: 'parked', crashes: 2 });
    expect(givenUp).toEqual([{ kind: 'crashed', attempts: 2 }]);
    // A parked job is never claimed again.
    expect(await runJobsOnce(ctx, [job])).toBe(0);
  });

  it('a worker runs jobs as they are enqueued, keeps a long job by its heartbeat, and stops cleanly', async () => {
    // A lease of 5 s and a job of 7 s: only the heartbeat keeps it (a busy machine may delay a beat, not five seconds of them).
    const ctx = await createTestContext({ jobs: { leaseSeconds: 5 }, workerConcurrency: 2 });
    try {
      const done: number[] = [];
      const job = defineJob<{ n: number; ms: number }>({
        name: 't.worker',
        parse: (p) => p as { n: number; ms: number },
        run: async (_ctx, p) => {
          await new Promise((r) => setTimeout(r, p.ms));
          done.push(p.n);
        },
      });
      const runner = await startWorker(ctx, [job]);
      try {
        await enqueue(ctx.db, job, { n: 1, ms: 7000 }, { jobKey: 'worker:1' });
        for (let n = 2; n <= 6; n++) await enqueue(ctx.db, job, { n, ms: 10 }, { jobKey: `worker:${n}` });
        // The handler's end comes a moment before the queue records it.
        await until(async () => {
          const r = await sql<{ n: number }>`select count(*)::int as n from jobs where name = 't.worker' and status <> 'running' and status <> 'queued'`.execute(ctx.db);
          return done.length === 6 && r.rows[0].n === 6;
        });
        expect([...done].sort()).toEqual([1, 2, 3, 4, 5, 6]);
        const rows = await sql<{ status: string; crashes: number; attempts: number }>`select status, crashes, attempts from jobs where name = 't.worker'`.execute(ctx.db);
        expect(rows.rows.map((r) => [r.status, r.crashes, r.attempts])).toEqual(Array(6).fill(["done", 0, 1]));
        const health = await queueHealth(ctx.db, 5);
        expect(health.workers).toBeGreaterThanOrEqual(1);
      } finally {
        await runner.stop();
      }
      const workers = await sql<{ n: number }>`select count(*)::int as n from job_workers where id = ${runner.workerId}`.execute(ctx.db);
      expect(workers.rows[0].n).toBe(0);
    } finally {
      await ctx.close();
    }
  });

  it('a worker whose event loop was blocked past the lease keeps its own job: its sweep never takes its live runs for crashed', async () => {
    // Lease of 2 s (beforeAll); the job blocks the event loop for 3 s (as a large file parsed synchronously
    // on a starved machine), so the first timer to fire afterwards may be the sweep rather than the heartbeat.
    const job = defineJob<object>({
      name: 't.blocker',
      parse: (p) => p as object,
      run: async () => {
        await new Promise((r) => setTimeout(r, 50));
        const end = Date.now() + 3000;
        while (Date.now() < end) {
          /* busy */
        }
        await new Promise((r) => setTimeout(r, 1500));
      },
    });
    const runner = await startWorker(ctx, [job]);
    try {
      // The sweep runs only once the worker has reached the database for a whole lease.
      await new Promise((r) => setTimeout(r, 2200));
      await enqueue(ctx.db, job, {}, { jobKey: 'blocker' });
      await until(async () => (await jobRow('blocker'))?.status === 'done');
      expect(await jobRow('blocker')).toMatchObject({ status: 'done', attempts: 1, crashes: 0 });
    } finally {
      await runner.stop();
    }
  });

  // A run that another live worker names is still never recovered by that worker's sweep.
  it('recovery leaves alone the expired leases of runs the sweeping worker names as live', async () => {
    const job = defineJob<object>({ name: 't.live-run', parse: (p) => p as object, run: async () => {} });
    await enqueue(ctx.db, job, {}, { jobKey: 'live-run' });
    await sql`update jobs set status = 'running', attempts = 1, locked_by = 'me/1', locked_until = now() - interval '1 second' where key = 'live-run'`.execute(ctx.db);
    expect(await recoverExpiredJobs(ctx, [job], ['me/1'])).toEqual({ requeued: 0, parked: 0 });
    expect(await jobRow('live-run')).toMatchObject({ status: 'running', crashes: 0 });
    expect(await recoverExpiredJobs(ctx, [job], ['me/2'])).toEqual({ requeued: 1, parked: 0 });
    expect(await jobRow('live-run')).toMatchObject({ status: 'queued', crashes: 1 });
  });

  it('a run that lost its lease is aborted, and its end touches nothing of the run that holds the job now', async () => {
    let aborted = false;
    let started = false;
    const job = defineJob<object>({
      name: 't.lease-lost',
      parse: (p) => p as object,
      run: async (_ctx, _p, meta) => {
        started = true;
        await new Promise<void>((resolve) => meta.signal.addEventListener('abort', () => resolve(), { once: true }));
        aborted = true;
        throw new Error('stopped: lease lost');
      },
    });
    await enqueue(ctx.db, job, {}, { jobKey: 'lease-lost' });
    const runner = await startWorker(ctx, [job]);
    try {
      await until(async () => started);
      // Another run (of another worker) now holds the job, as after a takeover.
      await sql`update jobs set locked_by = 'another-worker/1', locked_until = now() + interval '1 minute' where key = 'lease-lost'`.execute(ctx.db);
      await until(async () => aborted);
      await new Promise((r) => setTimeout(r, 300));
      const row = await sql<{ status: string; locked_by: string; last_error: string | null }>`select status, locked_by, last_error from jobs where key = 'lease-lost'`.execute(ctx.db);
      expect(row.rows[0]).toEqual({ status: 'running', locked_by: 'another-worker/1', last_error: null });
    } finally {
      await runner.stop();
    }
  });

  it('a schedule enqueues its job once per period, whatever the number of workers', async () => {
    let runs = 0;
    const job = defineJob<object>({ name: 't.scheduled', parse: (p) => p as object, run: async () => void runs++ });
    const schedule = defineSchedule({ name: 'every-hour', everyMinutes: 60, job, payload: {} });
    const a = await startWorker(ctx, [job], [schedule]);
    const b = await startWorker(ctx, [job], [schedule]);
    try {
      await until(async () => runs >= 1);
      await new Promise((r) => setTimeout(r, 1500)); // both workers swept at least once more
      const n = await sql<{ n: number }>`select count(*)::int as n from jobs where name = 't.scheduled'`.execute(ctx.db);
      expect(n.rows[0].n).toBe(1);
      expect(runs).toBe(1);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
