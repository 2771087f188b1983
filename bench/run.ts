/**
 * `npm run bench` runs every benchmark and writes bench/results.json;
 * `npm run bench -- <case> [--trips N] [--rows N]` runs one. Each prints one
 * JSON line: {"case","n","seconds","peakRssMb", ...}.
 *
 * Cases: trips (batch ingestion vs COPY), startup (cold `npm start` to
 * healthy), statement, upload, login; by name only (large seeds, load): scale, registers, money, telemetry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { intFlag, parseArgs } from '../src/cli/args.js';
import { childEnv } from '../src/platform/config.js';

const { positional, flags } = parseArgs(process.argv.slice(2));

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
sampler.unref();
const sampleRss = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
  return peak;
};
function resetPeak() {
  peak = process.memoryUsage().rss;
}

async function startupCase(): Promise<object[]> {
  const out: object[] = [];
  const dataDir = path.resolve(`.tmp/bench-startup-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const label of ['fresh-data-dir', 'existing-data']) {
    const port = 3900 + (process.pid % 90);
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
      env: childEnv({ DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(56000 + (process.pid % 400)), DEMO_TRIPS: '3000' }),
      stdio: 'ignore',
    });
    let healthy = false;
    while (performance.now() - t0 < 180_000) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.ok) {
          healthy = true;
          break;
        }
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (!healthy) throw new Error('server did not become healthy');
    out.push({ case: 'startup', variant: label, n: 1, seconds: +seconds.toFixed(2), peakRssMb: null, demoTrips: 3000 });
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  return out;
}

type Runner = () => Promise<object | object[]>;

const CASES: Record<string, Runner> = {
  trips: async () => {
    const { benchTrips } = await import('./trips.js');
    return benchTrips({ batches: intFlag(flags, 'batches', 5), batchSize: intFlag(flags, 'batch', 10_000), sampleRss });
  },
  startup: startupCase,
  statement: async () => {
    const { benchStatement: fn } = await import('./statement.js');
    const sizes = flags.trips ? [intFlag(flags, "trips", 1000)] : [1000, 100_000, 1_000_000];
    const out = [];
    for (const trips of sizes) {
      resetPeak();
      out.push(await fn({ trips }));
    }
    return out;
  },
  upload: async () => {
    const { benchUpload: fn } = await import('./upload.js');
    const sizes = flags.rows ? [intFlag(flags, 'rows', 10_000)] : [10_000, 100_000];
    const out = [];
    for (const rows of sizes) {
      resetPeak();
      out.push(await fn({ rows, sampleRss }));
    }
    return out;
  },
  // Not part of the default run (large seed): `npm run bench -- money [--lines 50000] [--loads 200000] [--invoices 20000] [--trips 1000000] [--seconds 10] [--clients 10]`.
  money: async () => {
    const { benchMoney } = await import('./money.js');
    resetPeak();
    return benchMoney({
      lines: intFlag(flags, 'lines', 50_000),
      loads: intFlag(flags, 'loads', 200_000),
      invoices: intFlag(flags, 'invoices', 20_000),
      trips: intFlag(flags, 'trips', 1_000_000),
      seconds: intFlag(flags, 'seconds', 10),
      clients: intFlag(flags, 'clients', 10),
      sampleRss,
      resetPeak,
    });
  },
  login: async () => {
    const { benchLogin: fn } = await import('./login.js');
    return fn();
  },
  // Not part of the default run (a house of 2,000 premises, about half a minute): `npm run bench -- meetings [--premises 2000] [--owners 3500]`.
  // bench/meetings.ts runs in a child process of its own (it measures its own peak RSS per step, with --expose-gc).
  meetings: async () => {
    const args = ['--expose-gc', '--import', 'tsx', 'bench/meetings.ts', '--premises', String(intFlag(flags, 'premises', 2000)), '--owners', String(intFlag(flags, 'owners', 3500))];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    if (code !== 0) throw new Error(`bench/meetings.ts: код выхода ${code}`);
    return text
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as object);
  },
  // Not part of the default run (large seed): `npm run bench -- registers [--vehicles 20000] [--applications 100000]`.
  registers: async () => {
    const { benchRegisters } = await import('./registers.js');
    return benchRegisters({
      vehicles: intFlag(flags, 'vehicles', 20_000),
      applications: intFlag(flags, 'applications', 100_000),
      seconds: intFlag(flags, 'seconds', 5),
      clients: intFlag(flags, 'clients', 20),
      explain: flags.explain === true,
      only: typeof flags.only === 'string' ? flags.only : undefined,
      profile: typeof flags.profile === 'string' ? flags.profile : undefined,
    });
  },
  // Not part of the default run (a minute of load): `npm run bench -- telemetry [--trackers 10000] [--period 5000] [--seconds 30] [--points 100000]`.
  telemetry: async () => {
    const { benchTelemetry } = await import('./telemetry.js');
    return benchTelemetry({
      trackers: intFlag(flags, 'trackers', 10_000),
      periodMs: intFlag(flags, 'period', 5000),
      seconds: intFlag(flags, 'seconds', 30),
      points: intFlag(flags, 'points', 100_000),
      sampleRss,
    });
  },
  // Not part of the default run (large seed): `npm run bench -- scale --trips 1000000 [--clients 1,8] [--seconds S] [--think MS]`;
  // `--reuse` with DATABASE_URL, or with `--data-dir DIR` (an embedded server's directory, left in place), measures a
  // database seeded before (`npm run demo -- --trips N`) without seeding again.
  scale: async () => {
    const { benchScale } = await import('./scale.js');
    const clients = String(flags.clients ?? '50').split(',').map(Number);
    if (!clients.every((c) => Number.isInteger(c) && c > 0)) throw new Error('--clients: целые числа через запятую, например 1,8');
    return benchScale({ trips: intFlag(flags, 'trips', 1_000_000), seconds: intFlag(flags, 'seconds', 15), clients, thinkMs: intFlag(flags, 'think', 0), deepPage: intFlag(flags, 'deep-page', 1000), reuse: flags.reuse === true, dataDir: typeof flags['data-dir'] === 'string' ? flags['data-dir'] : undefined });
  },
};

const selected = positional.length ? positional : Object.keys(CASES).filter((c) => c !== 'scale' && c !== 'registers' && c !== 'money' && c !== 'telemetry' && c !== 'meetings');
for (const name of selected) {
  if (!CASES[name]) {
    console.error(`Неизвестный бенчмарк «${name}». Есть: ${Object.keys(CASES).join(', ')}`);
    process.exit(2);
  }
}
const results: object[] = [];
for (const name of selected) {
  resetPeak();
  const r = await CASES[name]();
  for (const line of Array.isArray(r) ? r : [r]) {
    console.log(JSON.stringify(line));
    results.push(line);
  }
}
const file = path.resolve('bench/results.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
let previous: object[] = [];
if (positional.length && fs.existsSync(file)) {
  try {
    previous = (JSON.parse(fs.readFileSync(file, 'utf8')).results as object[]).filter((r: any) => !selected.some((s) => String(r.case).startsWith(s)));
  } catch {
    previous = [];
  }
}
fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, results: [...previous, ...results] }, null, 2));
process.exit(0);
