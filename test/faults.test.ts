/**
 * Fault injection with real processes: `npm start`'s code in child
 * processes (roles web and worker) against a real PostgreSQL.
 *
 *  1. kill -9 of the worker during a statement: another worker takes the job
 *     over when its lease runs out; the statement is ready once (one set of
 *     files, one task, one notification, one audit entry).
 *  2. kill -9 of the worker during a 60,000-row upload: the upload resumes after
 *     its last committed chunk; every row recorded exactly once.
 *  3. The database stopped and started again during requests and a statement:
 *     503 with Retry-After meanwhile, the processes stay alive, everything
 *     recovers by itself, nothing lost or doubled.
 *
 * Each prints its time to recover (the fault matrix of the closing note).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from './helpers/db.js';
import { buildTestApp, signedIn } from './helpers/http.js';
import { seedDemo } from '../src/features/demo/seed.js';
import { orderBusiestStatement } from './helpers/statements.js';
import { demoCarrier, multipart, tripsCsv, validRows } from './helpers/upload-files.js';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.js';
import { createContext } from '../src/platform/bootstrap.js';
import { parseConfig } from '../src/platform/config.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { AppContext } from '../src/platform/context.js';

// Short enough to keep the test quick, long enough that a loaded machine never loses a live run's lease.
const LEASE_SECONDS = 6;
const children = new Set<ChildProcess>();
const contexts: Array<{ close(): Promise<void> }> = [];

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of contexts.reverse()) await c.close().catch(() => {});
});

interface Role {
  proc: ChildProcess;
  output(): string;
  alive(): boolean;
}

function startRole(role: 'web' | 'worker' | 'all', env: Record<string, string>): Role {
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', '--role', role], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'false', JOB_LEASE_SECONDS: String(LEASE_SECONDS), WORKER_CONCURRENCY: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  children.add(proc);
  proc.on('exit', () => children.delete(proc));
  return { proc, output: () => out, alive: () => proc.exitCode === null && proc.signalCode === null };
}

async function killHard(r: Role) {
  const exited = new Promise((resolve) => r.proc.once('exit', resolve));
  r.proc.kill('SIGKILL');
  await exited;
}

async function stopGently(r: Role) {
  if (!r.alive()) return;
  const exited = new Promise((resolve) => r.proc.once('exit', resolve));
  r.proc.kill('SIGTERM');
  await exited;
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 90_000, roles: Role[] = []): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not reached in ${ms} ms\n${roles.map((r) => r.output()).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function statementEffects(ctx: AppContext, id: string) {
  const one = async (q: Promise<{ rows: Array<{ n: number }> }>) => (await q).rows[0].n;
  return {
    files: await one(sql<{ n: number }>`select count(*)::int as n from statement_files where statement_id = ${id}`.execute(ctx.db)),
    tasks: await one(sql<{ n: number }>`select count(*)::int as n from tasks where kind = 'statement_ready' and payload->>'statementId' = ${id}`.execute(ctx.db)),
    notifications: await one(sql<{ n: number }>`select count(*)::int as n from notifications where link = ${'/statements/' + id}`.execute(ctx.db)),
    audits: await one(sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'statement.ready' and subject_id = ${id}`.execute(ctx.db)),
  };
}

/** The job's row once the queue has recorded its end (a moment after the handler's own transaction). */
async function jobSettled(ctx: AppContext, key: string) {
  return until(`job ${key} settled`, async () => {
    const r = await sql<{ status: string; crashes: number; attempts: number }>`select status, crashes, attempts from jobs where key = ${key}`.execute(ctx.db);
    return r.rows[0] && !['queued', 'running'].includes(r.rows[0].status) ? r.rows[0] : null;
  });
}

/** Seconds from `since` until the job is running (or done) again after the crash of its worker. */
async function resumeSeconds(ctx: AppContext, key: string, since: number, roles: Role[]): Promise<number> {
  await until(
    `job ${key} taken over`,
    async () => {
      const r = await sql<{ crashes: number; status: string }>`select crashes, status from jobs where key = ${key}`.execute(ctx.db);
      return r.rows[0]?.crashes === 1 && r.rows[0].status !== 'queued';
    },
    120_000,
    roles,
  );
  return Number(((Date.now() - since) / 1000).toFixed(1));
}

const matrix: Array<Record<string, unknown>> = [];
afterAll(() => {
  if (matrix.length) console.log(`fault matrix:\n${matrix.map((m) => JSON.stringify(m)).join('\n')}`);
});

describe('faults', () => {
  it('kill -9 of the worker during a statement: another worker finishes it, exactly once', async () => {
    const ctx: TestContext = await createTestContext();
    contexts.push(ctx);
    await seedDemo(ctx, { trips: 40_000 });
    const { id } = await orderBusiestStatement(ctx, 200);
    const env = { DATABASE_URL: ctx.url, DATA_DIR: ctx.config.dataDir };
    const first = startRole('worker', env);
    await until(
      'statement running',
      async () => {
        const s = await ctx.db.selectFrom('statements').select(['status', 'progress']).where('id', '=', id).executeTakeFirstOrThrow();
        return s.status === 'running' && s.progress >= 0.05;
      },
      90_000,
      [first],
    );
    const killedAt = Date.now();
    await killHard(first);
    const second = startRole('worker', env);
    const resumed = await resumeSeconds(ctx, `statement:${id}`, killedAt, [second]);
    const st = await until(
      'statement ready',
      async () => {
        const s = await ctx.db.selectFrom('statements').select(['status', 'trip_count']).where('id', '=', id).executeTakeFirstOrThrow();
        return s.status === 'ready' ? s : null;
      },
      120_000,
      [second],
    );
    const recovered = (Date.now() - killedAt) / 1000;
    const job = await jobSettled(ctx, `statement:${id}`);
    expect({ status: job.status, crashes: job.crashes }).toEqual({ status: 'done', crashes: 1 });
    expect(await statementEffects(ctx, id)).toEqual({ files: 4, tasks: 1, notifications: 1, audits: 1 });
    for (const f of await ctx.db.selectFrom('statement_files').select(['path', 'bytes']).where('statement_id', '=', id).execute()) {
      expect(fs.statSync(path.join(ctx.config.dataDir, 'files', f.path)).size).toBe(Number(f.bytes));
    }
    // No temporary file of the killed run is left behind.
    const dir = path.join(ctx.config.dataDir, 'files', 'statements', id);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
    expect(st.trip_count).toBeGreaterThan(1000);
    await stopGently(second);
    matrix.push({ fault: 'kill -9 worker during statement', trips: st.trip_count, outcome: 'ready once', resumedAfterSeconds: resumed, readyAfterSeconds: Number(recovered.toFixed(1)) });
    // The job is taken over once its lease (3 s here, 30 s by default) runs out: well within a minute.
    expect(resumed).toBeLessThan(60);
  }, 240_000);

  it('kill -9 of the worker during a 60,000-row upload: it resumes after the last committed chunk, every row once', async () => {
    const ctx: TestContext = await createTestContext();
    contexts.push(ctx);
    await seedDemo(ctx, { trips: 30 });
    const app = await buildTestApp(ctx);
    contexts.push({ close: () => app.close() });
    const carrier = await signedIn(app, 'carrier@ossig.test');
    const d = await demoCarrier(ctx);
    const rows = 60_000;
    const csv = Buffer.from(tripsCsv(validRows(d, new Date(), rows)), 'utf8');
    const m = multipart('рейсы.csv', csv);
    const res = await carrier.request('POST', '/api/uploads', m.body, { 'content-type': m.contentType });
    expect(res.status).toBe(202);
    const uploadId = res.body.id as string;
    const before = await sql<{ n: number }>`select count(*)::int as n from trips where carrier_id = ${d.carrierId}`.execute(ctx.db);

    const env = { DATABASE_URL: ctx.url, DATA_DIR: ctx.config.dataDir };
    const first = startRole('worker', env);
    await until(
      'first chunk committed',
      async () => {
        const u = await ctx.db.selectFrom('uploads').select(['processed_rows', 'status']).where('id', '=', uploadId).executeTakeFirstOrThrow();
        return u.status === 'processing' && u.processed_rows > 0 && u.processed_rows < rows;
      },
      90_000,
      [first],
    );
    const killedAt = Date.now();
    await killHard(first);
    const second = startRole('worker', env);
    const resumed = await resumeSeconds(ctx, `upload:${uploadId}`, killedAt, [second]);
    const u = await until(
      'upload done',
      async () => {
        const r = await ctx.db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirstOrThrow();
        return r.status === 'done' ? r : null;
      },
      120_000,
      [second],
    );
    const recovered = (Date.now() - killedAt) / 1000;
    expect(u).toMatchObject({ accepted: rows, rejected: 0, duplicates: 0, processed_rows: rows, total_rows: rows });
    const after = await sql<{ n: number }>`select count(*)::int as n from trips where carrier_id = ${d.carrierId}`.execute(ctx.db);
    expect(after.rows[0].n - before.rows[0].n).toBe(rows);
    const chunks = await sql<{ n: number; rows: number }>`select count(*)::int as n, sum(row_count)::int as rows from upload_chunks where upload_id = ${uploadId}`.execute(ctx.db);
    expect(chunks.rows[0]).toEqual({ n: 12, rows });
    const notes = await sql<{ n: number }>`select count(*)::int as n from notifications where link = ${'/uploads?id=' + uploadId}`.execute(ctx.db);
    expect(notes.rows[0].n).toBe(1);
    await stopGently(second);
    matrix.push({ fault: 'kill -9 worker during 60,000-row upload', outcome: 'done, every row once', resumedAfterSeconds: resumed, doneAfterSeconds: Number(recovered.toFixed(1)) });
    expect(resumed).toBeLessThan(60);
  }, 240_000);

  it('all-in-one: a killed worker process is restarted and the web process stays up', async () => {
    const ctx: TestContext = await createTestContext();
    contexts.push(ctx);
    await seedDemo(ctx, { trips: 30 });
    const port = await freePort();
    const all = startRole('all', { DATABASE_URL: ctx.url, DATA_DIR: ctx.config.dataDir, PORT: String(port), HOST: '127.0.0.1', ROLE: 'all' });
    const base = `http://127.0.0.1:${port}`;
    await until('web up', async () => (await fetch(`${base}/api/health`)).status === 200, 120_000, [all]);
    const workerPids = async () =>
      (
        await sql<{ pid: number }>`select pid from job_workers where last_seen_at > now() - interval '10 seconds'`.execute(ctx.db)
      ).rows.map((r) => r.pid);
    const [first] = await until('worker registered', async () => {
      const pids = await workerPids();
      return pids.length ? pids : null;
    }, 60_000, [all]);
    expect(first).not.toBe(all.proc.pid);
    process.kill(first, 'SIGKILL');
    const killedAt = Date.now();
    const [second] = await until('worker restarted', async () => {
      const pids = (await workerPids()).filter((p) => p !== first);
      return pids.length ? pids : null;
    }, 60_000, [all]);
    expect(second).not.toBe(first);
    expect(all.alive()).toBe(true);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    await stopGently(all);
    matrix.push({ fault: 'kill -9 of the worker process in the all-in-one start', outcome: 'web up, worker restarted', recoverSeconds: Number(((Date.now() - killedAt) / 1000).toFixed(1)) });
  }, 180_000);

  it('the database stops and starts during requests and a statement: 503 with Retry-After, processes alive, nothing lost', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-outage-'));
    const pgPort = await freePort();
    let pgServer = await startEmbeddedPostgres({ dataDir, port: pgPort, database: 'ossig' });
    const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'false', DATABASE_URL: pgServer.url, DATA_DIR: dataDir });
    const ctx = createContext(config, pgServer.url, 4);
    contexts.push({
      close: async () => {
        await ctx.db.destroy().catch(() => {});
        await pgServer.stop().catch(() => {});
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    });
    await migrate(ctx.pool);
    await seedDemo(ctx, { trips: 30_000 });

    const port = await freePort();
    const env = { DATABASE_URL: pgServer.url, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
    const web = startRole('web', env);
    const worker = startRole('worker', env);
    const base = `http://127.0.0.1:${port}`;
    await until('web up', async () => (await fetch(`${base}/api/health`)).status === 200, 120_000, [web]);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ login: 'producer@ossig.test', password: 'Demo2026pass' }),
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    const get = (url: string) => fetch(`${base}${url}`, { headers: { cookie } });
    expect((await get('/api/sites')).status).toBe(200);

    const { id } = await orderBusiestStatement(ctx, 200);
    await until(
      'statement running',
      async () => {
        const s = await ctx.db.selectFrom('statements').select(['status', 'progress']).where('id', '=', id).executeTakeFirstOrThrow();
        return s.status === 'running' && s.progress > 0;
      },
      90_000,
      [worker],
    );

    // The database goes away for about five seconds.
    await pgServer.stop();
    const stoppedAt = Date.now();
    const during: number[] = [];
    const retryAfter: Array<string | null> = [];
    while (Date.now() - stoppedAt < 5_000) {
      for (const url of ['/api/sites', '/api/tasks', '/api/health']) {
        const r = await get(url);
        during.push(r.status);
        retryAfter.push(r.headers.get('retry-after'));
        expect(r.headers.get('content-type')).toContain('application/problem+json');
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(new Set(during)).toEqual(new Set([503]));
    expect(retryAfter.every((v) => v !== null && Number(v) > 0)).toBe(true);
    expect(web.alive()).toBe(true);
    expect(worker.alive()).toBe(true);

    pgServer = await startEmbeddedPostgres({ dataDir, port: pgPort, database: 'ossig' });
    const restartedAt = Date.now();
    await until('web answers again', async () => (await get('/api/sites')).status === 200, 60_000, [web]);
    const webRecovered = (Date.now() - restartedAt) / 1000;
    await until(
      'statement ready',
      async () => (await ctx.db.selectFrom('statements').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === 'ready',
      120_000,
      [worker],
    ).catch(async (e) => {
      const jobs = await sql`select id, name, status, attempts, crashes, locked_by, locked_until, last_error, run_at from jobs`.execute(ctx.db);
      const st = await sql`select status, progress, error, attempts from statements where id = ${id}`.execute(ctx.db);
      throw new Error(`${(e as Error).message}\njobs: ${JSON.stringify(jobs.rows)}\nstatement: ${JSON.stringify(st.rows)}`);
    });
    const statementRecovered = (Date.now() - restartedAt) / 1000;
    expect(await statementEffects(ctx, id)).toEqual({ files: 4, tasks: 1, notifications: 1, audits: 1 });
    expect(web.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
    // The session made before the outage still works: nothing was lost.
    expect((await get('/api/tasks')).status).toBe(200);
    await stopGently(web);
    await stopGently(worker);
    matrix.push({
      fault: 'database stopped ~5 s during requests and a statement',
      answersDuringOutage: `${during.length} × 503 with Retry-After`,
      outcome: 'processes alive, statement ready once',
      webRecoverSeconds: Number(webRecovered.toFixed(1)),
      statementReadySecondsAfterRestart: Number(statementRecovered.toFixed(1)),
    });
    const job = await jobSettled(ctx, `statement:${id}`);
    // The outage did not use up an attempt (the run cut short was handed back), nor count as a crash.
    expect({ status: job.status, attempts: job.attempts, crashes: job.crashes }).toEqual({ status: 'done', attempts: 1, crashes: 0 });
  }, 300_000);
});
