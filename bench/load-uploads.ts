/**
 * Deadline rush on loopback: N carriers (default 200) upload a file of R rows
 * (default 1,000) at the same moment; a client answered 503 waits Retry-After
 * and tries again. Bounded in time (--seconds, default 300).
 *
 *   node --import tsx bench/load-uploads.ts [--carriers 200] [--rows 1000] [--seconds 300] [--in-flight 64]
 *
 * Prints one JSON line: accepted uploads, answers by status, p50/p99 answer
 * times, 5xx other than 503, lost files (accepted but never processed), and
 * the seconds until every result file was ready.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, intFlag } from '../src/cli/args.js';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { buildServer } from '../src/platform/http/server.js';
import { startWorker } from '../src/platform/jobs/index.js';
import { newToken } from '../src/platform/http/auth.js';
import { JOBS, ROUTES } from '../src/features/index.js';
import { seedDemo } from '../src/features/demo/seed.js';
import { makeValidInnLegal, makeValidOgrn } from '../src/domain/identifiers.js';
import { demoCarrier } from '../test/helpers/upload-files.js';
import { writeTripsWorkbook } from './upload.js';
import { uploadGate } from '../src/features/uploads/gate.js';

const { flags } = parseArgs(process.argv.slice(2));
const CARRIERS = intFlag(flags, 'carriers', 200);
const ROWS = intFlag(flags, 'rows', 1000);
const LIMIT_S = intFlag(flags, 'seconds', 300);
const LETTERS = 'АВЕКМНОРСТУХ';
if (flags['in-flight']) uploadGate.maxInFlight = intFlag(flags, 'in-flight', uploadGate.maxInFlight);

const dataDir = path.resolve(`.tmp/load-uploads-${process.pid}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const started = await boot(parseConfig({ ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(55800 + (process.pid % 100)), LOG_LEVEL: 'silent', DEMO: 'false' }));
const { ctx } = started;
await seedDemo(ctx, { trips: 100 });
const demo = await demoCarrier(ctx);
const permit = await ctx.db.selectFrom('permits').select('id').where('number', '=', demo.permitNumber).executeTakeFirstOrThrow();

// N carrier organizations on the demo permit, each with a head (signed in by a session) and two vehicles.
const carriers: Array<{ cookie: string; file: string }> = [];
fs.mkdirSync(path.join(dataDir, 'files'), { recursive: true });
for (let i = 0; i < CARRIERS; i++) {
  const org = await ctx.db
    .insertInto('organizations')
    .values({ kind: 'legal', inn: makeValidInnLegal(900_000 + i), ogrn: makeValidOgrn(900_000 + i), name: `ООО «Нагрузка-${i + 1}»`, roles: ['carrier'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = await ctx.db.insertInto('persons').values({ full_name: `Перевозчик ${i + 1}`, email: `load${i}@load.ossig.test`, phone: null, snils: null, password_hash: null }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('memberships').values({ person_id: person.id, organization_id: org.id, role: 'head', valid_until: null, revoked_at: null }).execute();
  await ctx.db.insertInto('permit_carriers').values({ permit_id: permit.id, carrier_id: org.id }).execute();
  const plates = [0, 1].map((j) => `${LETTERS[i % 12]}${String(100 + Math.floor(i / 12)).padStart(3, '0')}${LETTERS[j]}${LETTERS[(i + j) % 12]}750`);
  await ctx.db.insertInto('vehicles').values(plates.map((plate) => ({ carrier_id: org.id, plate, model: 'КАМАЗ-6520', capacity_m3: 20 }))).execute();
  const { token, hash } = newToken();
  await ctx.db.insertInto('sessions').values({ token_hash: hash, person_id: person.id, organization_id: org.id, expires_at: new Date(Date.now() + 3600_000), ended_at: null, ip: null, user_agent: null }).execute();
  const file = path.join(dataDir, 'files', `carrier-${i}.xlsx`);
  await writeTripsWorkbook(file, { ...demo, carrierId: org.id, plates }, ROWS, ctx.now(), `L${i}-`);
  carriers.push({ cookie: `ossig_session=${token}`, file });
}

const app = await buildServer(ctx, ROUTES, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const worker = await startWorker(ctx, JOBS);
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const times: number[] = [];
const byStatus: Record<string, number> = {};
const accepted = new Set<string>();
let other5xx = 0;
let networkErrors = 0;
const t0 = performance.now();
const deadline = t0 + LIMIT_S * 1000;

await Promise.all(
  carriers.map(async (c, i) => {
    const blob = await fs.openAsBlob(c.file);
    while (performance.now() < deadline) {
      const form = new FormData();
      form.append('file', blob, `рейсы-${i}.xlsx`);
      const t = performance.now();
      let res: Response;
      try {
        res = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { cookie: c.cookie }, body: form, signal: AbortSignal.timeout(60_000) });
      } catch {
        networkErrors++;
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      times.push(performance.now() - t);
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      const body = (await res.json().catch(() => ({}))) as { id?: string };
      if (res.status === 202 || res.status === 200) {
        accepted.add(body.id!);
        return;
      }
      if (res.status === 503) {
        const wait = Number(res.headers.get('retry-after') ?? 5);
        await new Promise((r) => setTimeout(r, wait * 1000 * (0.5 + Math.random())));
        continue;
      }
      if (res.status >= 500) other5xx++;
      return;
    }
  }),
);
const allAnsweredS = (performance.now() - t0) / 1000;

// Until every accepted file has its result (or the time bound).
let ready = 0;
while (performance.now() < deadline) {
  const r = await ctx.db.selectFrom('uploads').select(['id', 'status', 'result_ready']).where('id', 'in', [...accepted]).execute();
  ready = r.filter((u) => u.result_ready).length;
  if (ready === accepted.size) break;
  await new Promise((r) => setTimeout(r, 250));
}
const allReadyS = (performance.now() - t0) / 1000;
const stats = await ctx.db.selectFrom('uploads').select(['status', 'accepted', 'rejected']).where('id', 'in', accepted.size ? [...accepted] : ['00000000-0000-0000-0000-000000000000']).execute();
times.sort((a, b) => a - b);
const pct = (p: number) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]) : null);
console.log(
  JSON.stringify({
    case: 'load-uploads',
    carriers: CARRIERS,
    rowsPerFile: ROWS,
    acceptedUploads: accepted.size,
    answers: byStatus,
    p50ms: pct(50),
    p99ms: pct(99),
    maxMs: times.length ? Math.round(times[times.length - 1]) : null,
    other5xx,
    networkErrors,
    lost: accepted.size - ready,
    rowsAccepted: stats.reduce((s, u) => s + u.accepted, 0),
    rowsRejected: stats.reduce((s, u) => s + u.rejected, 0),
    secondsUntilAllAnswered: +allAnsweredS.toFixed(1),
    secondsUntilAllResultsReady: +allReadyS.toFixed(1),
    workerConcurrency: ctx.config.workerConcurrency,
    maxInFlight: uploadGate.maxInFlight,
  }),
);
await worker.stop();
await app.close();
await started.close();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
