/**
 * More than one machine: two web and two worker processes (`npm start` with
 * ROLE=web / ROLE=worker, child processes) on one test database, each with a
 * DATA_DIR of its own — nothing shared but PostgreSQL and the object storage
 * (a real S3 server, s3rver) — as they would run on four machines behind a
 * load balancer. Sign-ins, trip batches, uploads and statements go to both
 * web processes alternately; in the middle one web process and the worker
 * holding a running job are killed with SIGKILL. Then: every job finished
 * exactly once, no trip doubled or lost, every session valid on the web
 * process that remains (and, before the kill, on both). Loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/db.js';
import { startS3, type S3Server } from './helpers/s3.js';
import { demoCarrier, multipart, tripsCsv, validRows, type DemoCarrier } from './helpers/upload-files.js';
import { seedDemo } from '../src/features/demo/seed.js';
import { operatorSigner, pkiDir } from '../src/platform/documents/operator-signer.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../src/domain/period.js';

/**
 * Long enough that a live worker's heartbeat is never late by a whole lease while the rest of the suite shares
 * the 2 cores (at 4 s, twice in CI, a live worker whose event loop was busy rendering a statement lost its upload to
 * the other worker's sweep — counted as a crash — and then was killed holding it: two crashes, parked). A killed
 * worker's jobs are still taken over within a lease.
 */
const LEASE_SECONDS = 10;
const PASSWORD = 'Demo2026pass';

interface Proc {
  name: string;
  proc: ChildProcess;
  port: number | null;
  dataDir: string;
  output(): string;
  alive(): boolean;
}

const procs: Proc[] = [];
let s3: S3Server;
let ctx: TestContext;
let d: DemoCarrier;

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

async function startProc(name: string, role: 'web' | 'worker', env: Record<string, string>): Promise<Proc> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ossig-mp-${name}-`));
  const port = role === 'web' ? await freePort() : null;
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', '--role', role], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DEMO: 'false',
      ROLE: role,
      JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      WORKER_CONCURRENCY: '2',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(port ? { PORT: String(port) } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (x) => (out = (out + x).slice(-20_000)));
  proc.stderr!.on('data', (x) => (out = (out + x).slice(-20_000)));
  const p: Proc = { name, proc, port, dataDir, output: () => out, alive: () => proc.exitCode === null && proc.signalCode === null };
  procs.push(p);
  return p;
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not reached in ${ms} ms\n${procs.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function killHard(p: Proc): Promise<void> {
  if (!p.alive()) return;
  const gone = new Promise((r) => p.proc.once('exit', r));
  p.proc.kill('SIGKILL');
  await gone;
}

afterAll(async () => {
  for (const p of procs) await killHard(p).catch(() => {});
  for (const p of procs) fs.rmSync(p.dataDir, { recursive: true, force: true });
  await ctx?.close();
  await s3?.close();
});

/** A person's session: a cookie, sent to whichever web process. */
class Session {
  cookie = '';
  constructor(readonly login: string) {}
}

interface Answer {
  status: number;
  body: any;
  web: string;
}

/** One HTTP request to `web`; when that process is gone (connection refused or reset), the same request — same Idempotency-Key — goes to another. */
async function send(webs: Proc[], prefer: number, s: Session | null, method: string, url: string, body?: { json?: unknown; raw?: Buffer; type?: string }, headers: Record<string, string> = {}): Promise<Answer> {
  const order = [...webs.slice(prefer % webs.length), ...webs.slice(0, prefer % webs.length)];
  let last: unknown;
  for (const w of order) {
    if (!w.alive()) continue;
    try {
      const res = await fetch(`http://127.0.0.1:${w.port}${url}`, {
        method,
        headers: {
          ...(s?.cookie ? { cookie: s.cookie } : {}),
          ...(body?.json !== undefined ? { 'content-type': 'application/json' } : body?.type ? { 'content-type': body.type } : {}),
          ...headers,
        },
        body: body?.json !== undefined ? JSON.stringify(body.json) : body?.raw ? new Uint8Array(body.raw) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      const set = res.headers.getSetCookie().find((c) => c.startsWith('ossig_session='));
      if (s && set) s.cookie = set.split(';')[0];
      const text = await res.text();
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      return { status: res.status, body: parsed, web: w.name };
    } catch (e) {
      last = e; // that process is gone: the load balancer's retry on another
    }
  }
  throw new Error(`no web process answered ${method} ${url}: ${String(last)}`);
}

async function signIn(webs: Proc[], prefer: number, login: string): Promise<Session> {
  const s = new Session(login);
  const r = await send(webs, prefer, s, 'POST', '/api/auth/login', { json: { login, password: PASSWORD } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(s.cookie).not.toBe('');
  return s;
}

/** Trips for POST /api/trips: `n` on distinct (vehicle, minute), a day apart per batch from those of uploads. */
function apiTrips(batch: number, n: number) {
  const base = Date.now() - (45 + batch) * 86_400_000;
  return Array.from({ length: n }, (_, i) => {
    const loaded = new Date(base - Math.floor(i / d.plates.length) * 3 * 60_000);
    return {
      permitNumber: d.permitNumber,
      plate: d.plates[i % d.plates.length],
      wasteCode: d.wasteCode,
      facilityInn: d.facilityInn,
      loadedAt: loaded.toISOString(),
      unloadedAt: new Date(loaded.getTime() + 60 * 60_000).toISOString(),
      volume: '12.5',
      mass: '21.875',
      externalId: `mp-b${batch}-${i + 1}`,
    };
  });
}

beforeAll(async () => {
  s3 = await startS3();
  ctx = await createTestContext({}, s3.env);
  await seedDemo(ctx, { trips: 2000, days: 60 });
  d = await demoCarrier(ctx);
  // One operator key for every process (each has a DATA_DIR of its own): as SIGNING_KEY_PATH/SIGNING_CERT_PATH would give it.
  await operatorSigner(ctx);
}, 120_000);

describe('two web and two worker processes on one database, one of each killed', () => {
  it('finishes every job exactly once, loses and doubles no trip, keeps every session valid', async () => {
    const t0 = Date.now();
    const env = {
      DATABASE_URL: ctx.url,
      ...s3.env,
      SIGNING_KEY_PATH: path.join(pkiDir(ctx), 'operator.key'),
      SIGNING_CERT_PATH: path.join(pkiDir(ctx), 'operator.crt'),
    };
    const web1 = await startProc('web1', 'web', env);
    const web2 = await startProc('web2', 'web', env);
    const worker1 = await startProc('worker1', 'worker', env);
    const worker2 = await startProc('worker2', 'worker', env);
    const webs = [web1, web2];
    for (const w of webs) await until(`${w.name} listening`, async () => (await fetch(`http://127.0.0.1:${w.port}/api/health`)).ok, 90_000);
    await until('two workers registered', async () => (await sql<{ n: number }>`select count(*)::int as n from job_workers`.execute(ctx.db)).rows[0].n >= 2, 60_000);
    const startedIn = (Date.now() - t0) / 1000;

    const site = await ctx.db
      .selectFrom('trips as t')
      .innerJoin('sites as s', 's.id', 't.site_id')
      .innerJoin('memberships as m', 'm.organization_id', 's.producer_id')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .where('p.email', '=', 'producer@ossig.test')
      .select(['t.site_id', 't.permit_id'])
      .groupBy(['t.site_id', 't.permit_id'])
      .orderBy(sql`count(*)`, 'desc')
      .executeTakeFirstOrThrow();
    const today = moscowDate(new Date());
    const from = formatIsoDate(addDays((parseIsoDate(today) as { value: any }).value, -90));

    const sessions: Session[] = [];
    const statements: string[] = [];
    const uploads: string[] = [];
    const batches: Array<{ batch: number; n: number }> = [];
    let killed: { web: string; worker: string; job: string } | null = null;
    const ROUNDS = 6;
    const BATCH = 25;
    const ROWS = 120;

    for (let r = 0; r < ROUNDS; r++) {
      // Sign-ins on alternate processes; each session works on the other one too.
      const producer = await signIn(webs, r, 'producer@ossig.test');
      const carrier = await signIn(webs, r + 1, 'carrier@ossig.test');
      sessions.push(producer, carrier);
      for (const w of [0, 1]) {
        const me = await send(webs, w, carrier, 'GET', '/api/auth/me');
        expect(me.status).toBe(200);
      }

      // A trip batch (Idempotency-Key: a retry on the other process after a kill records nothing twice).
      const trips = apiTrips(r, BATCH);
      const b = await send(webs, r, carrier, 'POST', '/api/trips', { json: { trips } }, { 'Idempotency-Key': `mp-batch-${r}` });
      expect(b.status, JSON.stringify(b.body).slice(0, 500)).toBe(200);
      batches.push({ batch: r, n: BATCH });

      // An upload of its own rows.
      const csv = Buffer.from(tripsCsv(validRows(d, new Date(), ROWS, { startMinutesAgo: 60 * 24 * (20 + r), idPrefix: `mp-u${r}-` })), 'utf8');
      const m = multipart(`рейсы-${r}.csv`, csv);
      const u = await send(webs, r + 1, carrier, 'POST', '/api/uploads', { raw: m.body, type: m.contentType }, { 'Idempotency-Key': `mp-upload-${r}` });
      expect(u.status, JSON.stringify(u.body).slice(0, 500)).toBe(202);
      uploads.push(u.body.id);

      // A statement.
      const st = await send(webs, r, producer, 'POST', '/api/statements', { json: { siteId: site.site_id, from, to: today, permitIds: [site.permit_id] } }, { 'Idempotency-Key': `mp-statement-${r}` });
      expect(st.status, JSON.stringify(st.body).slice(0, 500)).toBe(202);
      statements.push(st.body.id);

      if (r === ROUNDS / 2 - 1) {
        // The middle: kill web1, and the worker that holds a running job, with SIGKILL.
        const running = await until(
          'a job running',
          async () =>
            (await sql<{ key: string; locked_by: string }>`select key, locked_by from jobs where status = 'running' and locked_by is not null and (key like 'statement:%' or key like 'upload:%') limit 1`.execute(ctx.db)).rows[0],
          60_000,
        );
        const pid = Number(running.locked_by.split(':')[1]);
        const victim = [worker1, worker2].find((w) => w.proc.pid === pid) ?? worker1;
        await Promise.all([killHard(web1), killHard(victim)]);
        killed = { web: web1.name, worker: victim.name, job: running.key };
      }
    }
    expect(killed).not.toBeNull();

    // Every job finishes, on the worker that is left.
    const keys = [...statements.map((id) => `statement:${id}`), ...uploads.map((id) => `upload:${id}`)];
    const jobs = await until(
      'every job done',
      async () => {
        const rows = (await sql<{ key: string; status: string; crashes: number }>`select key, status, crashes from jobs where key = any(${keys})`.execute(ctx.db)).rows;
        return rows.length === keys.length && rows.every((j) => j.status === 'done') ? rows : null;
      },
      90_000,
    ).catch(async (e: Error) => {
      const rows = (await sql`select key, status, attempts, crashes, last_error, locked_by from jobs where key = any(${keys}) and status <> 'done'`.execute(ctx.db)).rows;
      throw new Error(`${JSON.stringify(rows).slice(0, 3000)}\n${e.message.slice(0, 3000)}`);
    });
    expect(jobs.length).toBe(keys.length);

    // Statements: ready, each exactly once — four files, one task, one notice, one audit event.
    for (const id of statements) {
      const one = async (q: Promise<{ rows: Array<{ n: number }> }>) => (await q).rows[0].n;
      const st = await ctx.db.selectFrom('statements').select(['status']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(st.status).toBe('ready');
      expect({
        files: await one(sql<{ n: number }>`select count(*)::int as n from statement_files where statement_id = ${id}`.execute(ctx.db)),
        tasks: await one(sql<{ n: number }>`select count(*)::int as n from tasks where kind = 'statement_ready' and payload->>'statementId' = ${id}`.execute(ctx.db)),
        audits: await one(sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'statement.ready' and subject_id = ${id}`.execute(ctx.db)),
      }).toEqual({ files: 4, tasks: 1, audits: 1 });
      for (const f of await ctx.db.selectFrom('statement_files').select('path').where('statement_id', '=', id).execute()) expect(s3.objectKeys()).toContain(`ossig/files/${f.path}`);
    }

    // Uploads: done, every row once.
    for (const [r, id] of uploads.entries()) {
      const u = await ctx.db.selectFrom('uploads').select(['status', 'accepted']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(u.status).toBe('done');
      expect(u.accepted).toBe(ROWS);
      const n = await sql<{ n: number; distinct: number }>`select count(*)::int as n, count(distinct external_id)::int as distinct from trips where external_id like ${`mp-u${r}-%`}`.execute(ctx.db);
      expect(n.rows[0]).toEqual({ n: ROWS, distinct: ROWS });
    }
    // Trip batches: every trip once.
    for (const b of batches) {
      const n = await sql<{ n: number; distinct: number }>`select count(*)::int as n, count(distinct external_id)::int as distinct from trips where external_id like ${`mp-b${b.batch}-%`}`.execute(ctx.db);
      expect(n.rows[0]).toEqual({ n: b.n, distinct: b.n });
    }
    // Downloads through the remaining web process, whichever worker wrote the file.
    const producer = sessions[sessions.length - 2];
    for (const id of statements) {
      const pdf = await send([web2], 0, producer, 'GET', `/api/statements/${id}/files/pdf`);
      expect(pdf.status).toBe(200);
    }
    // Sessions made on either process, the killed one's included, are valid on the one that is left.
    for (const s of sessions) {
      const me = await send([web2], 0, s, 'GET', '/api/auth/me');
      expect(me.status, s.login).toBe(200);
    }
    const seconds = (Date.now() - t0) / 1000;
    console.log(
      `multiprocess: ${JSON.stringify({ startedInSeconds: startedIn, totalSeconds: seconds, killed, statements: statements.length, uploads: uploads.length, tripBatches: batches.length, sessions: sessions.length, crashedJobs: jobs.filter((j) => j.crashes > 0).map((j) => j.key) })}`,
    );
    await killHard(web2);
    await killHard(worker1);
    await killHard(worker2);
  }, 240_000);
});
