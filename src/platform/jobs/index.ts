/**
 * Background jobs on PostgreSQL (table `jobs`, migration 0040).
 *
 * - `enqueue(trx, job, payload, { jobKey })` writes the job in the caller's
 *   transaction, so it exists if and only if the change that causes it
 *   committed; a key makes it unique for ever (a second enqueue does nothing).
 * - A worker (`startWorker`) claims ready jobs with FOR UPDATE SKIP LOCKED and
 *   holds each by a lease that its heartbeat extends. When a worker dies, any
 *   live worker takes its jobs again once the lease has run out (well within
 *   a minute). A job whose run killed its worker twice is parked, and its
 *   definition's `giveUp` tells the user why — never a crash loop.
 * - A failed run is retried with a growing delay up to `maxAttempts`; a run
 *   that fails the same way as the one before (not a passing database outage)
 *   is not retried again. Handlers must be safe to run twice.
 * - Schedules (`defineSchedule`) enqueue a job once per period across all
 *   workers (the period is in the job's key).
 */
import os from 'node:os';
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Db } from '../db/pool.js';
import type { AppContext } from '../context.js';
import { isDatabaseUnavailable } from '../db/errors.js';
import { isStorageUnavailable } from '../files/store.js';

export interface JobMeta {
  attempt: number;
  maxAttempts: number;
  jobId: string;
  /** Aborted when the worker stops or has lost the job's lease to another worker. */
  signal: AbortSignal;
}

export type GiveUpReason =
  /** Every attempt failed, or the same failure repeated. */
  | { kind: 'failed'; error: unknown; attempts: number }
  /** The run took its worker process down twice (a crash, an out-of-memory kill). */
  | { kind: 'crashed'; attempts: number };

/** A typed job definition: its name, the payload it takes, and its handler. */
export interface JobDefinition<P> {
  name: string;
  /** Attempts before the job is given up (default 5). */
  maxAttempts?: number;
  /** Validates and narrows an untrusted payload. */
  parse(payload: unknown): P;
  run(ctx: AppContext, payload: P, meta: JobMeta): Promise<void>;
  /** Called once when the job is given up, to leave the user a clear reason. Safe to run twice. */
  giveUp?(ctx: AppContext, payload: P, reason: GiveUpReason): Promise<void>;
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

/** A job enqueued once per period by whichever worker comes first. */
export interface ScheduleDefinition<P> {
  name: string;
  everyMinutes: number;
  job: JobDefinition<P>;
  payload: P;
}

export function defineSchedule<P>(def: ScheduleDefinition<P>): ScheduleDefinition<P> {
  return def;
}

export const NOTIFY_CHANNEL = 'ossig_jobs';

export async function enqueue<P>(
  trx: Transaction<any> | Db,
  job: JobDefinition<P>,
  payload: P,
  opts: { jobKey?: string; runAt?: Date } = {},
): Promise<void> {
  await sql`insert into jobs (name, payload, key, run_at, max_attempts)
      values (${job.name}, ${JSON.stringify(payload)}::jsonb, ${opts.jobKey ?? null}, coalesce(${opts.runAt ?? null}::timestamptz, now()), ${job.maxAttempts ?? 5})
      on conflict (key) do nothing`.execute(trx);
  await sql`select pg_notify(${NOTIFY_CHANNEL}, ${job.name})`.execute(trx);
}

export interface QueueTimings {
  /** A claimed job is held this long without a heartbeat. */
  leaseSeconds: number;
  heartbeatMs: number;
  /** How often expired leases are looked for. */
  sweepMs: number;
  /** Poll for ready jobs at least this often (NOTIFY wakes the worker sooner). */
  pollMs: number;
}

export function queueTimings(ctx: AppContext): QueueTimings {
  const lease = ctx.config.jobs.leaseSeconds;
  return {
    leaseSeconds: lease,
    heartbeatMs: Math.max(200, Math.floor((lease * 1000) / 6)),
    sweepMs: Math.max(200, Math.floor((lease * 1000) / 6)),
    pollMs: 1000,
  };
}

interface JobRow {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  crashes: number;
  last_error: string | null;
}

/** Backoff after a failed attempt: 2, 4, 8 … seconds, at most 5 minutes. */
export const retryDelaySeconds = (attempt: number) => Math.min(300, 2 ** Math.min(attempt, 9));

/** Crashed runs after which a job is parked. */
export const CRASHES_TO_PARK = 2;

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 1000);

/** Claims one ready job for a run identified by `runToken` (`<worker id>/<n>`: a run, not just a worker, holds the lease). */
async function claim(db: Db, runToken: string, names: readonly string[], leaseSeconds: number): Promise<JobRow | null> {
  const r = await sql<JobRow>`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${runToken},
           locked_until = now() + make_interval(secs => ${leaseSeconds}), started_at = now()
     where id = (select id from jobs
                  where status = 'queued' and run_at <= now() and name = any(${names as string[]})
                  order by run_at, id
                  for update skip locked
                  limit 1)
    returning id, name, payload, attempts, max_attempts, crashes, last_error`.execute(db);
  return r.rows[0] ?? null;
}

/**
 * Jobs whose worker stopped holding them: back to the queue, or parked after
 * CRASHES_TO_PARK crashed runs (or when no attempt is left). Returns the parked ones.
 */
export async function recoverExpiredJobs(
  ctx: AppContext,
  defs: readonly JobDefinition<any>[],
  /** Runs the calling worker still holds: never taken for crashed, even when its own heartbeat came late (a busy event loop). */
  liveRuns: readonly string[] = [],
): Promise<{ requeued: number; parked: number }> {
  const r = await sql<JobRow & { status: string }>`
    with expired as (
      select id from jobs where status = 'running' and locked_until < now() and locked_by <> all(${liveRuns as string[]}::text[])
         for update skip locked
    )
    update jobs j set
           crashes = j.crashes + 1,
           status = case when j.crashes + 1 >= ${CRASHES_TO_PARK} or j.attempts >= j.max_attempts then 'parked' else 'queued' end,
           finished_at = case when j.crashes + 1 >= ${CRASHES_TO_PARK} or j.attempts >= j.max_attempts then now() end,
           locked_by = null, locked_until = null, run_at = now(),
           last_error = 'Обработка прервалась: процесс обработчика остановился, не завершив задачу'
      from expired where j.id = expired.id
    returning j.id, j.name, j.payload, j.attempts, j.max_attempts, j.crashes, j.last_error, j.status`.execute(ctx.db);
  let parked = 0;
  for (const row of r.rows) {
    if (row.status !== 'parked') continue;
    parked++;
    await callGiveUp(ctx, defs, row, { kind: 'crashed', attempts: row.attempts });
  }
  if (r.rows.length) await sql`select pg_notify(${NOTIFY_CHANNEL}, 'recovered')`.execute(ctx.db);
  return { requeued: r.rows.length - parked, parked };
}

async function callGiveUp(ctx: AppContext, defs: readonly JobDefinition<any>[], row: JobRow, reason: GiveUpReason): Promise<void> {
  const def = defs.find((d) => d.name === row.name);
  if (!def?.giveUp) return;
  try {
    await def.giveUp(ctx, def.parse(row.payload), reason);
  } catch (e) {
    console.error(`job ${row.name} #${row.id}: giveUp failed`, e);
  }
}

/** Records the outcome of a run; retried while the database is unreachable, so no outcome is lost. */
async function settle(db: Db, q: () => Promise<unknown>, isStopping: () => boolean): Promise<boolean> {
  for (let i = 0; ; i++) {
    try {
      await q();
      return true;
    } catch (e) {
      if (!isDatabaseUnavailable(e) || i >= 60 || isStopping()) return false;
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** i)));
    }
  }
}

async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Runs one claimed job to its end and records the outcome. */
async function execute(ctx: AppContext, defs: readonly JobDefinition<any>[], row: JobRow, runToken: string, signal: AbortSignal, isStopping: () => boolean): Promise<void> {
  const def = defs.find((d) => d.name === row.name)!;
  const mine = sql`id = ${row.id} and locked_by = ${runToken} and status = 'running'`;
  let payload: unknown;
  try {
    payload = def.parse(row.payload);
  } catch (e) {
    await settle(ctx.db, () => sql`update jobs set status = 'failed', finished_at = now(), locked_by = null, locked_until = null, last_error = ${errorText(e)} where ${mine}`.execute(ctx.db), isStopping);
    return;
  }
  try {
    await def.run(ctx, payload, { attempt: row.attempts, maxAttempts: row.max_attempts, jobId: String(row.id), signal });
  } catch (e) {
    const text = errorText(e);
    // A database outage is passing: the database itself must be unreachable (an SMTP server refusing is the job's failure).
    // So is an outage of the file store (object storage): the job is retried later without using up an attempt.
    const passing = signal.aborted || isStorageUnavailable(e) || (isDatabaseUnavailable(e) && !(await databaseReachable(ctx.db)));
    const exhausted = row.attempts >= row.max_attempts;
    const repeated = !passing && row.last_error === text;
    if (signal.aborted && !isStopping()) return; // another worker holds it now
    if ((exhausted || repeated) && !isStopping()) {
      const ok = await settle(
        ctx.db,
        () => sql`update jobs set status = 'failed', finished_at = now(), locked_by = null, locked_until = null, last_error = ${text} where ${mine}`.execute(ctx.db),
        isStopping,
      );
      if (ok) await callGiveUp(ctx, defs, row, { kind: 'failed', error: e, attempts: row.attempts });
      return;
    }
    // A run cut short by a database outage or by stopping is not the job's failure: it does not use up an attempt.
    const refund = passing || isStopping();
    const delay = isStopping() ? 0 : retryDelaySeconds(row.attempts);
    await settle(
      ctx.db,
      () =>
        sql`update jobs set status = 'queued', locked_by = null, locked_until = null, last_error = ${text},
                 attempts = case when ${refund} then attempts - 1 else attempts end,
                 run_at = now() + make_interval(secs => ${delay}) where ${mine}`.execute(ctx.db),
      isStopping,
    );
    return;
  }
  await settle(ctx.db, () => sql`update jobs set status = 'done', finished_at = now(), locked_by = null, locked_until = null, last_error = null where ${mine}`.execute(ctx.db), isStopping);
}

export interface Runner {
  readonly workerId: string;
  stop(): Promise<void>;
}

/**
 * Starts a worker in this process: claims up to `config.workerConcurrency`
 * jobs at once, heartbeats their leases, recovers expired ones, and enqueues
 * scheduled jobs.
 */
export async function startWorker(
  ctx: AppContext,
  defs: readonly JobDefinition<any>[],
  schedules: readonly ScheduleDefinition<any>[] = [],
): Promise<Runner> {
  const t = queueTimings(ctx);
  const workerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const names = defs.map((d) => d.name);
  const active = new Map<number, { token: string; controller: AbortController; done: Promise<void> }>();
  /** The run tokens this worker holds now. */
  const liveRuns = () => [...active.values()].map((a) => a.token);
  let runs = 0;
  /** Since when this worker has reached the database without a break (null: not now). */
  let connectedSince: number | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;
  const poke = () => wake?.();

  await sql`insert into job_workers (id, host, pid) values (${workerId}, ${os.hostname()}, ${process.pid})`.execute(ctx.db);
  connectedSince = Date.now();

  // LISTEN on a connection of its own, re-established after an outage.
  let listener: { client: pg.PoolClient; detach: () => boolean } | null = null;
  const listen = async () => {
    if (stopping) return;
    try {
      const client = await ctx.pool.connect();
      let lost = false;
      // A lost connection may report more than one error; it is given back (and replaced) once.
      const onError = () => {
        if (lost) return;
        lost = true;
        client.release(true);
        if (listener?.client === client) listener = null;
        setTimeout(() => void listen(), 1000).unref();
      };
      client.on('notification', poke);
      client.on('error', onError);
      await client.query(`listen ${NOTIFY_CHANNEL}`);
      // Given back at stop: the pool owns the connection from then on, and an error it reports later
      // (the server going away) is no longer ours to answer.
      const detach = (): boolean => {
        const wasLost = lost;
        lost = true;
        client.off('notification', poke);
        client.off('error', onError);
        return wasLost;
      };
      listener = { client, detach };
    } catch {
      setTimeout(() => void listen(), 1000).unref();
    }
  };
  await listen();

  const heartbeat = setInterval(() => {
    void (async () => {
      try {
        await sql`update job_workers set last_seen_at = now() where id = ${workerId}`.execute(ctx.db);
        connectedSince ??= Date.now();
        if (!active.size) return;
        const held = await sql<{ id: number }>`update jobs set locked_until = now() + make_interval(secs => ${t.leaseSeconds})
            where locked_by = any(${liveRuns()}::text[]) and status = 'running' returning id`.execute(ctx.db);
        const still = new Set(held.rows.map((r) => Number(r.id)));
        for (const [id, a] of active) if (!still.has(id)) a.controller.abort(new Error('lease lost'));
      } catch {
        // database unavailable: the lease is renewed at the next beat, or another worker takes the job over
        connectedSince = null;
      }
    })();
  }, t.heartbeatMs);

  let lastSlot = new Map<string, number>();
  const housekeeping = setInterval(() => {
    void (async () => {
      try {
        // Only a worker that has reached the database for a whole lease takes others' jobs over: after an
        // outage every live worker first renews its own leases, so an outage is never taken for a crash.
        if (connectedSince !== null && Date.now() - connectedSince >= t.leaseSeconds * 1000) await recoverExpiredJobs(ctx, defs, liveRuns());
        const now = Date.now();
        for (const s of schedules) {
          const slot = Math.floor(now / (s.everyMinutes * 60_000));
          if (lastSlot.get(s.name) === slot) continue;
          await enqueue(ctx.db, s.job, s.payload, { jobKey: `schedule:${s.name}:${slot}` });
          lastSlot.set(s.name, slot);
        }
      } catch {
        // retried at the next sweep
      }
    })();
  }, t.sweepMs);

  const loop = (async () => {
    while (!stopping) {
      let claimed = false;
      while (!stopping && active.size < ctx.config.workerConcurrency) {
        let row: JobRow | null;
        try {
          row = await claim(ctx.db, `${workerId}/${runs + 1}`, names, t.leaseSeconds);
        } catch {
          row = null;
        }
        if (!row) break;
        runs++;
        claimed = true;
        const token = `${workerId}/${runs}`;
        const controller = new AbortController();
        const id = Number(row.id);
        const done = execute(ctx, defs, row, token, controller.signal, () => stopping)
          .catch((e) => console.error(`job ${row!.name} #${id}`, e))
          .finally(() => {
            active.delete(id);
            poke();
          });
        active.set(id, { token, controller, done });
      }
      if (claimed && active.size < ctx.config.workerConcurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, t.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();

  return {
    workerId,
    async stop() {
      if (stopping) return;
      stopping = true;
      poke();
      await loop;
      // Running jobs get a while to finish; then they are aborted and handed back without counting as a crash.
      const all = Promise.all([...active.values()].map((a) => a.done));
      const grace = new Promise((r) => setTimeout(r, 10_000).unref());
      await Promise.race([all, grace]);
      for (const a of active.values()) a.controller.abort(new Error('worker stopping'));
      await Promise.race([all, new Promise((r) => setTimeout(r, 5_000).unref())]);
      clearInterval(heartbeat);
      clearInterval(housekeeping);
      await sql`update jobs set status = 'queued', locked_by = null, locked_until = null, run_at = now()
          where locked_by like ${workerId + '/%'} and status = 'running'`
        .execute(ctx.db)
        .catch(() => {});
      await sql`delete from job_workers where id = ${workerId}`.execute(ctx.db).catch(() => {});
      if (listener) {
        const { client, detach } = listener;
        listener = null;
        await client.query(`unlisten ${NOTIFY_CHANNEL}`).catch(() => {});
        if (!detach()) client.release();
      }
    },
  };
}

/**
 * Runs every ready job (and those they enqueue) in this process until none is
 * ready, then returns. For tests and one-off commands.
 */
export async function runJobsOnce(ctx: AppContext, defs: readonly JobDefinition<any>[]): Promise<number> {
  const workerId = `once:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const names = defs.map((d) => d.name);
  const t = queueTimings(ctx);
  let n = 0;
  for (;;) {
    const token = `${workerId}/${n + 1}`;
    const row = await claim(ctx.db, token, names, Math.max(t.leaseSeconds, 600));
    if (!row) return n;
    n++;
    await execute(ctx, defs, row, token, new AbortController().signal, () => false);
  }
}

/** What readiness and the operator see of the queue. */
export async function queueHealth(db: Db, leaseSeconds: number) {
  const r = await sql<{ workers: number; ready: number; running: number; parked: number; oldest_ready_seconds: number | null }>`
    select (select count(*)::int from job_workers where last_seen_at > now() - make_interval(secs => ${leaseSeconds * 2})) as workers,
           count(*) filter (where status = 'queued' and run_at <= now())::int as ready,
           count(*) filter (where status = 'running')::int as running,
           count(*) filter (where status = 'parked')::int as parked,
           extract(epoch from now() - min(run_at) filter (where status = 'queued' and run_at <= now()))::float8 as oldest_ready_seconds
      from jobs where status in ('queued', 'running', 'parked')`.execute(db);
  const row = r.rows[0];
  return {
    workers: row.workers,
    ready: row.ready,
    running: row.running,
    parked: row.parked,
    oldestReadySeconds: row.oldest_ready_seconds === null ? null : Math.round(row.oldest_ready_seconds),
  };
}
