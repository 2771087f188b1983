/**
 * `npm run bench -- scale [--trips N] [--seconds S] [--clients C] [--think MS] [--data-dir DIR --reuse]`: the cabinet at scale.
 * Seeds the demo with N trips by COPY (the totals kept by their triggers), ANALYZEs, then for
 * each screen runs C concurrent clients on loopback for S seconds (each waiting a random 0.5–1.5 × MS between
 * its requests with --think, back to back without) and reports p50/p95/p99,
 * requests per second and CPU milliseconds per request (this process — server and load clients
 * together — and the embedded PostgreSQL's, from /proc): the site card, a permit page, the first
 * and a deep page of a site's trips, the statement form's permit list, the receipts page, the
 * registers' lists, the operator's trips and overview, and the analytics dashboard (issue 14) of the
 * producer, the carrier, the facility and the operator (the default twelve months, and the
 * operator's sixty). Then trip ingestion by COPY with the totals kept, as a share of the same COPY
 * without them.
 *
 * `--data-dir DIR` boots the embedded PostgreSQL of DIR (e.g. seeded before by
 * `DATA_DIR=DIR npm run demo -- --trips N`) and leaves DIR in place; with `--reuse` a seeded
 * database is measured as it is (ANALYZEd first), so a costly seed survives a failed measurement.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { buildServer } from '../src/platform/http/server.js';
import { ROUTES } from '../src/features/index.js';
import { isDatabaseEmpty, seedDemo, DEMO_PASSWORD } from '../src/features/demo/seed.js';
import { encodeKey } from '../src/platform/db/keyset.js';
import { measureIngest } from './ingest.js';
import { hammer, withCpuPerRequest } from './http-load.js';
import { moscowDate, addDays, parseIsoDate, formatIsoDate } from '../src/domain/period.js';

const addMonthsIso = (month: string, n: number) => {
  const t = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};

export async function benchScale(opts: { trips: number; seconds: number; clients: number[]; thinkMs: number; deepPage: number; reuse: boolean; dataDir?: string }) {
  const dataDir = path.resolve(opts.dataDir ?? `.tmp/bench-scale-${process.pid}`);
  if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  const started = await boot(
    parseConfig({ ...process.env, ...(opts.dataDir ? { DATABASE_URL: '' } : {}), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(55400 + (process.pid % 400)), LOG_LEVEL: 'silent' }),
  );
  const { ctx } = started;
  const out: object[] = [];
  try {
    // --reuse: a database already seeded (DATABASE_URL, e.g. by `npm run demo -- --trips N`) is measured as it is.
    if (opts.reuse && !(await isDatabaseEmpty(ctx))) {
      const n = await sql<{ n: number }>`select count(*)::int as n from trips`.execute(ctx.db);
      opts.trips = n.rows[0].n;
      await sql`analyze`.execute(ctx.db);
    } else {
      const t0 = performance.now();
      await seedDemo(ctx, { trips: opts.trips });
      const seedSeconds = (performance.now() - t0) / 1000;
      await sql`analyze`.execute(ctx.db);
      const groups = await sql<{ n: number }>`select count(*)::int as n from trip_totals`.execute(ctx.db);
      out.push({ case: 'scale-seed', n: opts.trips, seconds: +seedSeconds.toFixed(1), totalsRows: groups.rows[0].n, peakRssMb: null });
    }

    const app = await buildServer(ctx, ROUTES, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = async (who: string) => {
      const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: who, password: DEMO_PASSWORD }) });
      if (!r.ok) throw new Error(`login ${who}: ${r.status}`);
      return r.headers.get('set-cookie')!.split(';')[0];
    };
    const producer = await login('producer@ossig.test');
    const facility = await login('facility@ossig.test');
    const operator = await login('operator@ossig.test');
    const carrier = await login('carrier@ossig.test');
    // The producer's busiest site and its busiest permit.
    const site = await sql<{ site_id: string; permit_id: string }>`
      select s.id as site_id, (select tt.permit_id from trip_totals tt where tt.site_id = s.id group by 1 order by sum(tt.trips) desc limit 1) as permit_id
        from sites s join organizations o on o.id = s.producer_id
       where o.email = (select email from organizations where id = (select organization_id from memberships m join persons p on p.id = m.person_id where p.email = 'producer@ossig.test' limit 1))
       order by (select coalesce(sum(trips), 0) from trip_totals tt where tt.site_id = s.id) desc limit 1`.execute(ctx.db);
    const { site_id: siteId, permit_id: permitId } = site.rows[0];
    const today = moscowDate(new Date());
    const from = formatIsoDate(addDays((parseIsoDate(today) as { value: any }).value, -(ctx.config.statementMaxDays - 1)));
    // The cursor of the deep page: the last row of the page before it (found once, here, by offset).
    const deep = await sql<{ m: string; id: string }>`
      select (extract(epoch from unloaded_at) * 1000000)::int8::text as m, id::text as id from trips
       where site_id = ${siteId} order by unloaded_at desc, id desc offset ${(opts.deepPage - 1) * 50 - 1} limit 1`.execute(ctx.db);
    const deepCursor = deep.rows[0] ? encodeKey([deep.rows[0].m, deep.rows[0].id]) : null;
    const screens: Array<{ name: string; url: string; cookie: string }> = [
      { name: 'site card', url: `/api/sites/${siteId}`, cookie: producer },
      { name: 'permit page', url: `/api/permits/${permitId}`, cookie: producer },
      { name: 'trips first page', url: `/api/trips?siteId=${siteId}&pageSize=50`, cookie: producer },
      ...(deepCursor ? [{ name: `trips page ${opts.deepPage}`, url: `/api/trips?siteId=${siteId}&pageSize=50&after=${deepCursor}`, cookie: producer }] : []),
      { name: 'statement form permit list', url: `/api/sites/${siteId}/permits?from=${from}&to=${today}`, cookie: producer },
      { name: 'receipts page', url: `/api/receipts?pageSize=50`, cookie: facility },
      { name: 'sites list', url: `/api/sites?pageSize=50`, cookie: producer },
      { name: 'permits list', url: `/api/permits?pageSize=50`, cookie: producer },
      { name: "site's statements", url: `/api/sites/${siteId}/statements?pageSize=50`, cookie: producer },
      { name: "operator's trips", url: `/api/trips?pageSize=50`, cookie: operator },
      { name: "operator's overview", url: `/api/operator/overview`, cookie: operator },
      { name: 'analytics producer', url: '/api/analytics', cookie: producer },
      { name: 'analytics carrier', url: '/api/analytics', cookie: carrier },
      { name: 'analytics facility', url: '/api/analytics', cookie: facility },
      { name: 'analytics operator', url: '/api/analytics', cookie: operator },
      { name: 'analytics operator 60 months', url: `/api/analytics?from=${addMonthsIso(today.slice(0, 7), -59)}&to=${today.slice(0, 7)}`, cookie: operator },
    ];
    for (const [clients, s] of opts.clients.flatMap((c) => screens.map((x) => [c, x] as const))) {
      const probe = await fetch(base + s.url, { headers: { cookie: s.cookie } });
      if (!probe.ok) throw new Error(`${s.name}: ${probe.status} ${(await probe.text()).slice(0, 200)}`);
      const measured = await withCpuPerRequest(dataDir, () => hammer({ base, url: s.url, cookies: Array.from({ length: clients }, () => s.cookie), seconds: opts.seconds, thinkMs: opts.thinkMs }));
      out.push({
        case: 'scale-screen',
        screen: s.name,
        n: opts.trips,
        clients,
        thinkMs: opts.thinkMs,
        load: os.loadavg()[0],
        ...measured,
        peakRssMb: null,
      });
      console.error(JSON.stringify(out[out.length - 1]));
    }
    await app.close();
    if (opts.reuse) return out;
    const ingest = await measureIngest(ctx.pool, { rows: Math.min(opts.trips, 100_000), batch: 10_000, variants: ['none', 'statement'] });
    out.push({
      case: 'scale-ingest',
      n: ingest.rows,
      batch: ingest.batch,
      seconds: ingest.seconds.statement,
      copySeconds: ingest.seconds.none,
      shareOfCopy: +(ingest.seconds.none / ingest.seconds.statement).toFixed(3),
      peakRssMb: null,
    });
    return out;
  } finally {
    await started.close();
    if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
