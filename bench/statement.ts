/**
 * Benchmark: seconds to a ready, signed statement (PDF + XLSX + both
 * signatures) for N demo trips, peak RSS, file sizes — and the floor: the
 * time to read the same rows with a plain `COPY ... TO STDOUT`.
 *
 *   node --import tsx bench/statement.ts --trips 100000
 *
 * Uses DATABASE_URL's server (in a fresh database) when set, otherwise an
 * embedded PostgreSQL under .tmp/bench-statement-…
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { seedDemo } from '../src/features/demo/seed.js';
import { generateStatement, loadStatement } from '../src/features/statements/generate-statement.js';
import { scopeOf, tripRowsQuery } from '../src/features/statements/queries.js';
import { createCertificateAuthority, createStreebog256, issueEndEntityCertificate } from '../src/platform/signing/index.js';
import { findOpenSslGost } from '../test/helpers/openssl.js';
import { orderBusiestStatement } from '../test/helpers/statements.js';
import { commandSigner, signDocumentFile } from '../src/platform/documents/signer.js';

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const r = process.memoryUsage().rss;
    if (r > peak) peak = r;
  }, 50);
  return {
    reset() {
      peak = process.memoryUsage().rss;
    },
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024),
    stop: () => clearInterval(timer),
  };
}

const lit = (v: unknown): string => {
  if (v instanceof Date) return `'${v.toISOString()}'::timestamptz`;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `'{${v.map(String).join(',')}}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
};

export async function benchStatement(opts: { trips: number; days?: number; env?: Record<string, string | undefined> }): Promise<Record<string, unknown>> {
  const env = opts.env ?? process.env;
  const stamp = `${Date.now()}-${process.pid}`;
  const dataDir = path.resolve(`.tmp/bench-statement-${stamp}`);
  let dbUrl = env.DATABASE_URL || undefined;
  let dropDb: (() => Promise<void>) | null = null;
  if (dbUrl) {
    const name = `ossig_bench_${process.pid}_${Date.now() % 1e6}`;
    const admin = new pg.Client({ connectionString: dbUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(dbUrl);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    dropDb = async () => {
      const a = new pg.Client({ connectionString: env.DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  // Production refuses to start without a key and PUBLIC_URL: the benchmark brings its own (a test CA and operator key).
  const pki = path.join(dataDir, 'bench-pki');
  fs.mkdirSync(pki, { recursive: true });
  const ca = createCertificateAuthority({ subject: { commonName: 'УЦ бенчмарка', country: 'RU' } });
  const op = issueEndEntityCertificate({ ca, subject: { commonName: 'ГКУ «Информационный оператор ОССиГ»', organization: 'ГКУ «ИО ОССиГ»', country: 'RU', innLe: '7701000014', ogrn: '1027700000012' } });
  fs.writeFileSync(path.join(pki, 'operator.key'), op.keyPem, { mode: 0o600 });
  fs.writeFileSync(path.join(pki, 'operator.pem'), op.certPem);
  fs.writeFileSync(path.join(pki, 'ca.pem'), ca.certPem);
  const config = parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    PUBLIC_URL: 'https://ossig.example',
    SIGNING_KEY_PATH: path.join(pki, 'operator.key'),
    SIGNING_CERT_PATH: path.join(pki, 'operator.pem'),
    TRUSTED_CA_PATHS: path.join(pki, 'ca.pem'),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(55_000 + (process.pid % 2000)),
    ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
  });
  const started = await boot(config);
  const ctx = started.ctx;
  const rss = rssSampler();
  try {
    const t0 = performance.now();
    const days = opts.days ?? 180;
    await seedDemo(ctx, { trips: opts.trips, days });
    const seedSeconds = (performance.now() - t0) / 1000;

    const ordered = await orderBusiestStatement(ctx, days + 1);
    const permits = ordered.permitIds.map((id) => ({ id }));
    const st = (await loadStatement(ctx, ordered.id))!;

    // Floor: the same rows by COPY ... TO STDOUT.
    const scope = scopeOf(st);
    const client = await ctx.pool.connect();
    let copySeconds = 0;
    let copyBytes = 0;
    try {
      const tc = performance.now();
      for (const p of permits) {
        const q = tripRowsQuery(ctx.db, scope, p.id);
        const text = q.text.replace(/\$(\d+)/g, (_m, i) => lit(q.values[Number(i) - 1]));
        const stream = client.query(copyTo(`copy (${text}) to stdout`));
        for await (const chunk of stream) copyBytes += (chunk as Buffer).length;
      }
      copySeconds = (performance.now() - tc) / 1000;
    } finally {
      client.release();
    }

    // Стрибог-256 in JS, alone (it runs inside generation on every output byte).
    const probe = Buffer.alloc(16 << 20, 0x5a);
    const th = performance.now();
    const h = createStreebog256();
    for (let i = 0; i < probe.length; i += 65536) h.update(probe.subarray(i, i + 65536));
    h.digest();
    const hashMbPerS = 16 / ((performance.now() - th) / 1000);

    if (global.gc) global.gc();
    rss.reset();
    const rssBefore = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const tg = performance.now();
    const r = await generateStatement(ctx, st.id, { attempt: 1, maxAttempts: 1 });
    const seconds = (performance.now() - tg) / 1000;
    if (r.outcome !== 'ready') throw new Error(`statement not ready: ${r.outcome}`);
    const hashSeconds = (r.hash?.streebogMs ?? 0) / 1000;

    // The external signer's cost per document: OpenSSL's GOST engine signing the statement's PDF, as SIGNER_COMMAND would.
    let externalSignerMsPerDocument: number | null = null;
    const openssl = await findOpenSslGost();
    if (openssl) {
      const pdfPath = path.join(dataDir, 'files', 'statements', st.id, 'statement.pdf');
      const signer = commandSigner({
        command: `${openssl.bin} cms -sign -engine gost -binary -cades -nosmimecap -outform DER -md md_gost12_256 -signer {cert} -inkey ${path.join(pki, 'operator.key')} -in {in} -out {out}`,
        certPath: path.join(pki, 'operator.pem'),
        timeoutSeconds: 60,
        env: openssl.env,
      });
      const h2 = createStreebog256();
      for await (const chunk of fs.createReadStream(pdfPath)) h2.update(chunk as Buffer);
      const digest = h2.digest();
      const n = 5;
      const ts = performance.now();
      for (let i = 0; i < n; i++) await signDocumentFile(signer, { path: pdfPath, digest, signingTime: new Date() }, null);
      externalSignerMsPerDocument = Math.round((performance.now() - ts) / n);
    }
    return {
      case: 'statement',
      n: opts.trips,
      trips: r.trips,
      seconds: Number(seconds.toFixed(2)),
      peakRssMb: rss.peakMb(),
      rssBeforeMb: rssBefore,
      pdfBytes: r.pdfBytes,
      xlsxBytes: r.xlsxBytes,
      pages: r.pages,
      copySeconds: Number(copySeconds.toFixed(2)),
      copyBytes,
      hashMbPerS: Number(hashMbPerS.toFixed(1)),
      hashSecondsInRun: Number(hashSeconds.toFixed(2)),
      hashedMb: Number(((r.hash?.streebogBytes ?? 0) / 1024 / 1024).toFixed(1)),
      timingsMs: r.timings,
      externalSignerMsPerDocument,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      database: dbUrl ? 'postgresql' : 'embedded',
    };
  } finally {
    rss.stop();
    await started.close();
    if (dropDb) await dropDb().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--trips');
  const trips = i > 0 ? Number(process.argv[i + 1]) : 1000;
  const d = process.argv.indexOf('--days');
  const out = await benchStatement({ trips, days: d > 0 ? Number(process.argv[d + 1]) : undefined });
  console.log(JSON.stringify(out));
  process.exit(0);
}
