/**
 * Upload benchmark: a workbook of N valid trip rows for the demo carrier is
 * uploaded through the HTTP server (loopback) and processed by the worker;
 * measured from the start of the upload until the result file is downloaded.
 * `npm run bench -- upload --rows N`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { buildServer } from '../src/platform/http/server.js';
import { startWorker } from '../src/platform/jobs/index.js';
import { JOBS, ROUTES } from '../src/features/index.js';
import { DEMO_PASSWORD, seedDemo } from '../src/features/demo/seed.js';
import { formatMoscowDateTime } from '../src/domain/period.js';
import { createXlsxWriter } from '../src/platform/spreadsheet/writer.js';
import { HEADERS, demoCarrier, type DemoCarrier } from '../test/helpers/upload-files.js';

/** Writes N valid rows (dates as text, decimal commas; inline strings) with the streaming writer. */
export async function writeTripsWorkbook(file: string, d: DemoCarrier, rows: number, now: Date, idPrefix = 'BENCH-'): Promise<void> {
  const wb = createXlsxWriter(fs.createWriteStream(file));
  const ws = wb.addSheet('Рейсы', { columns: HEADERS.map((header) => ({ header, type: 'string' as const })) });
  const start = now.getTime() - 150 * 86_400_000;
  const per = d.plates.length;
  for (let i = 0; i < rows; i++) {
    const loaded = start + Math.floor(i / per) * 2 * 60_000 + (i % per) * 1000 * 0; // one trip per vehicle every 2 minutes
    const wait = ws.addRow([
      d.permitNumber,
      d.plates[i % per],
      d.wasteCode,
      d.facilityInn,
      formatMoscowDateTime(new Date(loaded)),
      formatMoscowDateTime(new Date(loaded + 70 * 60_000)),
      `${10 + (i % 10)},${String(i % 100).padStart(2, '0')}`,
      `${18 + (i % 10)},${String(i % 1000).padStart(3, '0')}`,
      `${idPrefix}${i + 1}`,
    ]);
    if (wait) await wait;
  }
  await wb.finish();
}

export async function benchUpload(opts: { rows: number; sampleRss?: () => number }): Promise<object> {
  const sample = opts.sampleRss ?? (() => process.memoryUsage().rss);
  const dataDir = path.resolve(`.tmp/bench-upload-${process.pid}-${opts.rows}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = await boot(
    parseConfig({ ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(55400 + (process.pid % 400)), LOG_LEVEL: 'silent', DEMO: 'false' }),
  );
  const { ctx } = started;
  const app = await buildServer(ctx, ROUTES, { logger: false });
  const worker = await startWorker(ctx, JOBS);
  try {
    await seedDemo(ctx, { trips: 200 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const d = await demoCarrier(ctx);
    const file = path.join(dataDir, `bench-${opts.rows}.xlsx`);
    await writeTripsWorkbook(file, d, opts.rows, ctx.now());
    const size = fs.statSync(file).size;

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'carrier@ossig.test', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
      sample();
    }, 50);
    const t0 = performance.now();
    const form = new FormData();
    form.append('file', await fs.openAsBlob(file), `рейсы-${opts.rows}.xlsx`);
    const res = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { cookie }, body: form });
    const answerMs = performance.now() - t0;
    const body = (await res.json()) as { id: string };
    if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`);
    let u: { status: string; resultUrl: string | null; accepted: number; rejected: number };
    for (;;) {
      u = (await (await fetch(`${base}/api/uploads/${body.id}`, { headers: { cookie } })).json()) as typeof u;
      if (u.resultUrl || u.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = await fetch(`${base}${u.resultUrl}`, { headers: { cookie } });
    const resultBytes = (await result.arrayBuffer()).byteLength;
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss, sample());
    const chunks = await ctx.db.selectFrom('upload_chunks').select('outcomes').where('upload_id', '=', body.id).where('rejected', '>', 0).limit(1).execute();
    const firstRejection = chunks[0]?.outcomes.find((o) => o[1] !== 'a') ?? null;
    return {
      case: 'upload',
      n: opts.rows,
      seconds: +seconds.toFixed(2),
      peakRssMb: Math.round(peak / 1e6),
      rssBeforeMb: Math.round(rssBefore / 1e6),
      rowsPerSecond: Math.round(opts.rows / seconds),
      answerMs: Math.round(answerMs),
      fileMb: +(size / 1e6).toFixed(1),
      resultMb: +(resultBytes / 1e6).toFixed(1),
      status: u.status,
      accepted: u.accepted,
      rejected: u.rejected,
      ...(firstRejection ? { firstRejection } : {}),
    };
  } finally {
    await worker.stop().catch(() => {});
    await app.close().catch(() => {});
    await started.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--rows');
  const rows = i > 0 ? Number(process.argv[i + 1]) : 10_000;
  console.log(JSON.stringify(await benchUpload({ rows })));
  process.exit(0);
}
