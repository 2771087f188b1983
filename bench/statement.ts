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
import { to as copyTo } from 'pg-copy-streams';
import { seedDemo } from '../src/features/demo/seed.js';
import { generateStatement, loadStatement } from '../src/features/statements/generate-statement.js';
import { scopeOf, tripRowsQuery } from '../src/features/statements/queries.js';
import { createStreebog256 } from '../src/platform/signing/index.js';
import { bootProductionBench } from './production-boot.js';
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
  const bench = await bootProductionBench('statement', env);
  const { ctx, dataDir, pki } = bench;
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
      database: bench.database,
    };
  } finally {
    rss.stop();
    await bench.close();
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
