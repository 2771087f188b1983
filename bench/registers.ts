/**
 * `npm run bench -- registers [--vehicles N] [--applications N] [--seconds S] [--clients C]`:
 * the registers and the applications at scale (issue 9). On a fresh embedded database: the
 * demo (a few trips), N vehicles by COPY (a quarter of them the demo carrier's, the rest
 * spread over 200 more carriers), N applications with twice as many messages
 * (bench/applications.ts), ANALYZE; then for each page C concurrent clients on loopback for
 * S seconds, reporting p50/p95/p99 and requests per second: the vehicles register's first page,
 * a page deep in its keyset, the search by plate; the operator's queue (unfiltered, filtered,
 * deep), «Мои заявки», an application's card (the applicant's and the operator's). Each client
 * has a session of its own (as 20 people would; one shared session would queue every request on
 * its row's last-seen update).
 * Target: p95 under 100 ms each. Default sizes 20,000 vehicles and 100,000 applications.
 * `--explain`: before measuring a page, prints to stderr EXPLAIN ANALYZE of every query its
 * request ran (the index each one takes, or the scan that a missing one costs).
 * `--only <text>`: measure only the pages whose name contains the text (the seed is the same).
 * `--profile <dir>`: a CPU profile of each page's load (see `profiled`).
 * Each page also reports the server's own time (Fastify's `elapsedTime`, from the request's
 * arrival to its answer: `serverP50ms`/`serverP95ms`), since the load clients share this process
 * and the machine, and the number of queries one request runs (`queries`); and the CPU time a
 * request cost, less sensitive to a shared machine's load than latency: this process's (the server
 * and the load clients, `nodeCpuMsPerRequest`) and the database's (its postmaster and backends,
 * from /proc, `pgCpuMsPerRequest`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import type { Database } from '../src/platform/db/schema.js';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { buildServer } from '../src/platform/http/server.js';
import { ROUTES } from '../src/features/index.js';
import { seedDemo, DEMO_PASSWORD } from '../src/features/demo/seed.js';
import { makeValidInnLegal } from '../src/domain/identifiers.js';
import { encodeCursor } from '../src/features/registers/input.js';
import { SESSION_COOKIE, hashToken } from '../src/platform/http/auth.js';
import type { AppContext } from '../src/platform/context.js';
import { registersBenchSeed, type BenchScenario } from './applications.js';
import { hammer, withCpuPerRequest } from './http-load.js';

const LETTERS = 'АВЕКМНОРСТУХ';
const REGIONS = ['77', '97', '99', '177', '197', '199', '777', '799', '50', '150', '190', '750'];

/** The n-th plate of a sequence that never repeats (12³ letter triples × 999 numbers × 12 regions). */
function plateOf(n: number): string {
  const digits = String((n % 999) + 1).padStart(3, '0');
  let k = Math.floor(n / 999);
  const a = LETTERS[k % 12];
  k = Math.floor(k / 12);
  const b = LETTERS[k % 12];
  k = Math.floor(k / 12);
  const c = LETTERS[k % 12];
  k = Math.floor(k / 12);
  return `${a}${digits}${b}${c}${REGIONS[k % REGIONS.length]}`;
}

/** N vehicles by COPY: a quarter the demo carrier's, the rest of 200 more carriers. Returns the demo carrier's count. */
async function seedVehicles(ctx: AppContext, n: number): Promise<number> {
  const demo = await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@carrier.ossig.test').executeTakeFirstOrThrow();
  const carriers = await ctx.db
    .insertInto('organizations')
    .values(
      Array.from({ length: 200 }, (_, i) => ({
        kind: 'legal' as const,
        inn: makeValidInnLegal(720_000 + i),
        name: `ООО «Перевозчик ${String(i + 1).padStart(3, '0')}»`,
        address: 'г. Москва',
        roles: ['carrier' as const],
      })),
    )
    .returning('id')
    .execute();
  const taken = new Set((await ctx.db.selectFrom('vehicles').select('plate').execute()).map((v) => v.plate));
  const demoShare = Math.round(n / 4);
  const lines: string[] = [];
  let made = 0;
  for (let i = 0; made < n; i++) {
    const plate = plateOf(i * 7919 + 13);
    if (taken.has(plate)) continue;
    taken.add(plate);
    const carrier = made < demoShare ? demo.id : carriers[made % carriers.length].id;
    const capacity = 10 + (made % 21);
    lines.push(`${carrier}\t${plate}\tКАМАЗ\t6520\t${capacity}.00\t${(capacity * 1.5).toFixed(2)}\towned\n`);
    made++;
  }
  const client = await ctx.pool.connect();
  try {
    await pipeline(
      Readable.from(lines),
      client.query(copyFrom('copy vehicles (carrier_id, plate, make, model, capacity_m3, load_capacity_t, ownership) from stdin')),
    );
  } finally {
    client.release();
  }
  return demoShare;
}

/** EXPLAIN (ANALYZE) of each captured query: its time and the plan's lines, to stderr. */
async function explainAll(ctx: AppContext, page: string, queries: CompiledQuery[]) {
  for (const q of queries) {
    if (!/^\s*select/i.test(q.sql)) continue;
    const client = await ctx.pool.connect();
    try {
      const r = await client.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
      const lines = r.rows.map((x: Record<string, string>) => x['QUERY PLAN']);
      process.stderr.write(`\n== ${page}\n${q.sql.replace(/\s+/g, ' ').slice(0, 300)}\n${lines.join('\n')}\n`);
    } finally {
      client.release();
    }
  }
}

/**
 * `--profile <dir>`: a CPU profile of this process while a page is under load (the server and the load
 * clients), written as <dir>/<page>.cpuprofile (open it in Chrome's DevTools), and its heaviest functions by
 * their own time, grouped by where they live (our code, a package, Node's internals), printed to stderr.
 */
async function profiled<T>(dir: string | undefined, page: string, run: () => Promise<T>): Promise<T> {
  if (!dir) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let result: T;
  try {
    result = await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${page.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    process.stderr.write(`\n== profile of ${page}: ${file}\n${summarizeProfile(profile)}\n`);
  }
  return result;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time by function (top 30) and by place: src/, bench/, a package under node_modules, node: internals. */
function summarizeProfile(profile: { nodes: ProfileNode[]; samples?: number[] }): string {
  const total = profile.samples?.length ?? profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0);
  const byFn = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const cwd = process.cwd();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const url = n.callFrame.url.replace('file://', '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const place = pkg ?? (url.startsWith(cwd) ? path.relative(cwd, url).split('/').slice(0, 2).join('/') : url ? url.split('/').slice(0, 2).join('/') : `(${n.callFrame.functionName || 'native'})`);
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${pkg ?? path.relative(cwd, url)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
  }
  const pct = (h: number) => `${((100 * h) / total).toFixed(1).padStart(5)} %`;
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, h]) => `${pct(h)}  ${name}`).join('\n');
  return `by place:\n${top(byPlace, 25)}\nby function (self):\n${top(byFn, 30)}`;
}

export async function benchRegisters(opts: { vehicles: number; applications: number; seconds: number; clients: number; explain?: boolean; only?: string; profile?: string }) {
  const dataDir = path.resolve(`.tmp/bench-registers-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = await boot(parseConfig({ ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(55800 + (process.pid % 400)), LOG_LEVEL: 'silent' }));
  const { ctx } = started;
  const out: object[] = [];
  try {
    const t0 = performance.now();
    await seedDemo(ctx, { trips: 300 });
    const demoVehicles = await seedVehicles(ctx, opts.vehicles);
    await sql`analyze vehicles, organizations`.execute(ctx.db);
    const t1 = performance.now();
    const appScenarios = opts.applications > 0 ? await registersBenchSeed({ ctx, applications: opts.applications }) : [];
    // Fresh statistics for every table the seeds touched (persons, organizations, sites too), as autovacuum would have them.
    await sql`analyze`.execute(ctx.db);
    const t2 = performance.now();
    const counts = await sql<{ v: number; a: number; m: number }>`select (select count(*)::int from vehicles) as v, (select count(*)::int from permit_applications) as a,
        (select count(*)::int from permit_application_messages) as m`.execute(ctx.db);
    out.push({
      case: 'registers-seed',
      n: counts.rows[0].v + counts.rows[0].a,
      vehicles: counts.rows[0].v,
      applications: counts.rows[0].a,
      messages: counts.rows[0].m,
      seconds: +((t2 - t0) / 1000).toFixed(1),
      vehiclesSeconds: +((t1 - t0) / 1000).toFixed(1),
      applicationsSeconds: +((t2 - t1) / 1000).toFixed(1),
      peakRssMb: null,
    });

    // A page deep in the demo carrier's register: the cursor of its vehicle at 80 % of the list.
    const deep = await sql<{ plate: string; id: string }>`select v.plate, v.id from vehicles v join organizations o on o.id = v.carrier_id
        where o.email = 'info@carrier.ossig.test' and v.archived_at is null order by v.plate offset ${Math.floor(demoVehicles * 0.8)} limit 1`.execute(ctx.db);
    const somePlate = await sql<{ plate: string }>`select v.plate from vehicles v join organizations o on o.id = v.carrier_id
        where o.email = 'info@carrier.ossig.test' order by v.plate offset ${Math.floor(demoVehicles / 2)} limit 1`.execute(ctx.db);
    const card = await sql<{ id: string }>`select a.id from permit_applications a join organizations o on o.id = a.organization_id
        where o.email = 'info@producer.ossig.test' and a.first_submitted_at is not null order by a.submitted_at desc limit 1`.execute(ctx.db);
    const scenarios: BenchScenario[] = [
      { name: 'vehicles: the register, first page', login: 'carrier@ossig.test', path: '/api/vehicles?limit=50' },
      ...(deep.rows[0]
        ? [{ name: `vehicles: a page deep in the keyset (after ${Math.floor(demoVehicles * 0.8)})`, login: 'carrier@ossig.test', path: `/api/vehicles?limit=50&after=${encodeCursor(deep.rows[0].plate, deep.rows[0].id)}` }]
        : []),
      ...(somePlate.rows[0]
        ? [
            { name: 'vehicles: search by a whole plate', login: 'carrier@ossig.test', path: `/api/vehicles?limit=50&q=${encodeURIComponent(somePlate.rows[0].plate)}` },
            { name: 'vehicles: search by part of a plate', login: 'carrier@ossig.test', path: `/api/vehicles?limit=50&q=${encodeURIComponent(somePlate.rows[0].plate.slice(1, 4))}` },
          ]
        : []),
      ...appScenarios,
      ...(card.rows[0]
        ? [
            { name: "applications: an application's card (the applicant)", login: 'producer@ossig.test', path: `/api/applications/${card.rows[0].id}` },
            { name: "applications: an application's card (the operator)", login: 'operator@ossig.test', path: `/api/applications/${card.rows[0].id}` },
          ]
        : []),
    ];

    // The server's queries are captured for one request per page: counted, and with --explain explained.
    const captured: CompiledQuery[] = [];
    let capturing = false;
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: ctx.pool }),
      log: (e) => {
        if (capturing && e.level === 'query') captured.push(e.query);
      },
    });
    const app = await buildServer({ ...ctx, db }, ROUTES, { logger: false });
    const serverTimes: number[] = [];
    app.addHook('onResponse', async (_req, reply) => {
      serverTimes.push(reply.elapsedTime);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    // One sign-in per person, then a session of its own for each client (copies of that session's row).
    const cookies = new Map<string, string[]>();
    const cookiesOf = async (who: string) => {
      if (!cookies.has(who)) {
        const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: who, password: DEMO_PASSWORD }) });
        if (!r.ok) throw new Error(`login ${who}: ${r.status}`);
        const first = r.headers.get('set-cookie')!.split(';')[0];
        const list = [first];
        const token0 = first.slice(first.indexOf('=') + 1);
        for (let i = 1; i < opts.clients; i++) {
          const token = crypto.randomBytes(32).toString('base64url');
          await sql`insert into sessions (token_hash, person_id, organization_id, expires_at, auth_method, strong, device)
              select ${hashToken(token)}, person_id, organization_id, expires_at, auth_method, strong, device from sessions where token_hash = ${hashToken(token0)}`.execute(ctx.db);
          list.push(`${SESSION_COOKIE}=${token}`);
        }
        cookies.set(who, list);
      }
      return cookies.get(who)!;
    };
    for (const s of scenarios) {
      if (opts.only && !s.name.includes(opts.only)) continue;
      const clientCookies = await cookiesOf(s.login);
      const cookie = clientCookies[0];
      captured.length = 0;
      capturing = true;
      await (await fetch(base + s.path, { headers: { cookie } })).arrayBuffer();
      capturing = false;
      const queries = captured.length;
      if (opts.explain) await explainAll(ctx, s.name, captured);
      const probe = await fetch(base + s.path, { headers: { cookie } });
      if (!probe.ok) throw new Error(`${s.name}: ${probe.status} ${(await probe.text()).slice(0, 200)}`);
      const probeBody = (await probe.json()) as { items?: unknown[] };
      serverTimes.length = 0;
      const load = await withCpuPerRequest(dataDir, () => profiled(opts.profile, s.name, () => hammer({ base, url: s.path, cookies: clientCookies, seconds: opts.seconds })));
      const server = [...serverTimes].sort((x, y) => x - y);
      const q = (f: number) => +server[Math.min(server.length - 1, Math.floor(f * server.length))].toFixed(1);
      out.push({
        case: 'registers-page',
        page: s.name,
        n: s.name.startsWith('vehicles') ? counts.rows[0].v : counts.rows[0].a,
        items: Array.isArray(probeBody.items) ? probeBody.items.length : null,
        clients: opts.clients,
        ...load,
        serverP50ms: q(0.5),
        serverP95ms: q(0.95),
        queries,
        peakRssMb: null,
      });
    }
    await app.close();
    return out;
  } finally {
    await started.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
