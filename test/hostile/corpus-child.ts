/**
 * Runs the hostile-file corpus through the real upload paths in a process of
 * its own, so its memory can be measured: each file is posted to
 * `POST /api/uploads` (createUpload) and, when accepted, processed by
 * `processUpload`; then posted to `POST /api/receipts/upload`. Prints one JSON
 * line: every outcome and the memory figures. Arguments: a manifest (JSON).
 */
import fs from 'node:fs';
import { parseConfig } from '../../src/platform/config.js';
import { createContext } from '../../src/platform/bootstrap.js';
import { buildServer } from '../../src/platform/http/server.js';
import { ROUTES } from '../../src/features/index.js';
import { processUpload } from '../../src/features/uploads/process-upload.js';
import { DEMO_PASSWORD } from '../../src/features/demo/seed.js';
import { multipart } from '../helpers/upload-files.js';

interface Manifest {
  databaseUrl: string;
  dataDir: string;
  files: Array<{ name: string; file: string }>;
}

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Manifest;
const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'false', DATABASE_URL: manifest.databaseUrl, DATA_DIR: manifest.dataDir });
const ctx = createContext(config, manifest.databaseUrl, 4);
const app = await buildServer(ctx, ROUTES, { logger: false });
await app.ready();

async function signIn(login: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: DEMO_PASSWORD } });
  const set = res.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set : [String(set)]).find((c) => c.startsWith('ossig_session='));
  if (!cookie) throw new Error(`sign-in of ${login} failed: ${res.statusCode}`);
  return cookie.split(';')[0];
}
const carrier = await signIn('carrier@ossig.test');
const facility = await signIn('facility@ossig.test');

async function post(url: string, cookie: string, name: string, file: string) {
  const m = multipart(name, fs.readFileSync(file));
  const res = await app.inject({ method: 'POST', url, payload: m.body, headers: { cookie, 'content-type': m.contentType } });
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, any> };
}

const messagesOf = (p: Record<string, any>): string[] => [...(p.errors ?? []).map((e: { message: string }) => e.message), ...(p.detail ? [p.detail] : [])];

global.gc?.();
const baselineRss = process.memoryUsage().rss;
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
let peakRss = baselineRss;
let peakHeap = process.memoryUsage().heapUsed;
/** The peak while the current file is read. */
let filePeakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  filePeakRss = Math.max(filePeakRss, m.rss);
};
const sampler = setInterval(sample, 5);

const results = [];
let maxGrowth = 0;
for (const f of manifest.files) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  filePeakRss = before;
  const up = await post('/api/uploads', carrier, f.name, f.file);
  let upload: { status: number | string; messages: string[] };
  if (up.status === 202) {
    await processUpload(ctx, up.body.id);
    const view = await app.inject({ method: 'GET', url: `/api/uploads/${up.body.id}`, headers: { cookie: carrier } });
    const u = JSON.parse(view.body);
    upload = { status: u.status, messages: u.problems.map((p: { message: string }) => p.message) };
  } else {
    upload = { status: up.status, messages: messagesOf(up.body) };
  }
  const rec = await post('/api/receipts/upload', facility, f.name, f.file);
  sample();
  results.push({ name: f.name, upload, receipts: { status: rec.status, messages: messagesOf(rec.body) }, peakRssMb: Math.round(filePeakRss / (1024 * 1024)), growthMb: Math.round((filePeakRss - before) / (1024 * 1024)) });
  maxGrowth = Math.max(maxGrowth, filePeakRss - before);
}
clearInterval(sampler);
const m = process.memoryUsage();
peakRss = Math.max(peakRss, m.rss);
const maxRss = process.resourceUsage().maxRSS * 1024;
await app.close();
await ctx.db.destroy();
const mb = (n: number) => Math.round(n / (1024 * 1024));
console.log(
  JSON.stringify({
    results,
    memory: { baselineRssMb: mb(baselineRss), maxRssBeforeMb: mb(maxRssBefore), maxRssMb: mb(maxRss), sampledPeakRssMb: mb(peakRss), sampledPeakHeapMb: mb(peakHeap), maxGrowthPerFileMb: mb(maxGrowth) },
  }),
);
