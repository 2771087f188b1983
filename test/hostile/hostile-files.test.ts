/**
 * Hostile files (issue 12, "prove the classes are closed"): every file of the
 * corpus (test/helpers/hostile-files.ts) — zip tricks, XML tricks, limits, CSV
 * tricks — ends as a clear Russian refusal through the real upload paths
 * (`POST /api/uploads` + processing, `POST /api/receipts/upload`), never a 5xx
 * and never a crash, with the peak memory of the process that reads them below
 * a bound. The files are read in a child process so its memory is theirs alone.
 *
 * The bounds: a file may add at most 120 MB of RSS while it is read (a
 * collection runs before each file; measured: at most +32 MB) and the sampled heap stays under 220 MB
 * (measured: 101 MB under Node 20, 170 MB under Node 24 with the same files; the limits below allow
 * about 120 MB above the idle heap); the process idles at about 230–280 MB of RSS
 * (all features loaded). The child's old generation is capped at 192 MB
 * (`--max-old-space-size`), as a deployment caps its heap: without a cap, Node
 * 24's V8 sometimes put off a major collection while the 1.1 million shared
 * strings were read, to 250–390 MB of heap of which 73 MB was live after a
 * forced collection (measured), so the test measured the collector's mood, not
 * the file (2 of 8 runs failed). With the cap, 5 runs under Node 24: heap at
 * most 121 MB, growth at most 77 MB; a file whose live memory really passed
 * the cap would kill the child and fail the test. Reading adds what the limits allow — shared strings
 * at most 16 M characters (≈ 32 MB as UTF-16, plus ≈ 40 MB of string headers
 * for a million strings), a row at most 256 K characters, the zip inflated
 * 64 KB at a time, the spool written 1 MB at a time — and a 50 MB upload
 * buffered once by the test's own injector.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../helpers/child.js';
import { createTestContext, type TestContext } from '../helpers/db.js';
import { buildHostileCorpus, type HostileFile } from '../helpers/hostile-files.js';
import { seedDemo } from '../../src/features/demo/seed.js';

const GROWTH_BOUND_MB = 120;
const HEAP_BOUND_MB = 220;
/** A backstop against a runaway, not the measure (see below). */
const PEAK_RSS_BOUND_MB = 450;

let ctx: TestContext;
let dir: string;
let corpus: HostileFile[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-hostile-'));
  ctx = await createTestContext({}, { DATA_DIR: path.join(dir, 'data') });
  await seedDemo(ctx, { trips: 30 });
  corpus = await buildHostileCorpus(path.join(dir, 'corpus'));
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the hostile-file corpus', () => {
  it('ends every file as a clear refusal, the process alive and its memory bounded', async () => {
    const manifest = path.join(dir, 'manifest.json');
    fs.writeFileSync(manifest, JSON.stringify({ databaseUrl: ctx.url, dataDir: path.join(dir, 'data'), files: corpus.map(({ name, file }) => ({ name, file })) }));
    const child = await runChild(process.execPath, ['--expose-gc', '--max-old-space-size=192', '--import', 'tsx', fileURLToPath(new URL('./corpus-child.ts', import.meta.url)), manifest], { timeout: 240_000 });
    expect(child.status, `the child process died: ${child.signal ?? ''} ${child.stderr}`).toBe(0);
    const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      results: Array<{ name: string; upload: { status: number | string; messages: string[] }; receipts: { status: number; messages: string[] } }>;
      memory: Record<string, number>;
    };
    expect(out.results.map((r) => r.name)).toEqual(corpus.map((f) => f.name));
    for (const r of out.results) {
      const f = corpus.find((c) => c.name === r.name)!;
      // Trips: refused at the door (4xx) or refused by processing — never accepted, never failed.
      const up = r.upload;
      expect(typeof up.status === 'number' ? up.status >= 400 && up.status < 500 : up.status === 'refused', `${r.name}: upload ended as ${up.status}`).toBe(true);
      expect(up.messages.join(' | '), `${r.name} (upload)`).toMatch(f.expect);
      for (const m of up.messages) expect(m, `${r.name}: a Russian message naming the file`).toMatch(/^(Файл|Запрос)/);
      // Receipts: a 4xx naming the same problem.
      expect(r.receipts.status, `${r.name}: receipts answered ${r.receipts.status}`).toBeGreaterThanOrEqual(400);
      expect(r.receipts.status).toBeLessThan(500);
      expect(r.receipts.messages.join(' | '), `${r.name} (receipts)`).toMatch(f.expect);
    }
    console.log(`hostile corpus: ${corpus.length} files × 2 paths; memory ${JSON.stringify(out.memory)}`);
    console.log(`peak RSS per file (growth while reading it), MB: ${out.results.map((r) => `${r.name} ${(r as { peakRssMb?: number }).peakRssMb} (+${(r as { growthMb?: number }).growthMb})`).join(', ')}`);
    // What a file may cost: the RSS it adds while it is read (after a collection before it), and the
    // JavaScript heap at its peak. The process's absolute RSS is not the measure: its idle part (code,
    // JIT, garbage not yet collected) varied by 80 MB between runs (429 MB once in CI without the collections).
    expect(out.memory.maxGrowthPerFileMb).toBeLessThan(GROWTH_BOUND_MB);
    expect(out.memory.sampledPeakHeapMb).toBeLessThan(HEAP_BOUND_MB);
    expect(out.memory.maxRssMb).toBeLessThan(PEAK_RSS_BOUND_MB);
  }, 300_000);
});
