/**
 * Backup and restore, end to end against real PostgreSQL: a demo with a
 * statement (its signed files), a processed upload, audit events and a
 * checkpoint is backed up while a carrier keeps recording trips through the
 * API; the backup holds exactly one snapshot (compared table by table with
 * counts and content hashes taken in that very snapshot) and every file its
 * rows name; restored into a fresh database and DATA_DIR, every table, every
 * document's SHA-256, the statement's signature, the audit chain and its
 * checkpoints come back intact. Refusals: a non-empty database, a damaged
 * backup, a missing file. The CLIs run as a user would run them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestContext, TEST_ENV, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { parseConfig } from '../../platform/config.js';
import { createContext } from '../../platform/bootstrap.js';
import type { AppContext } from '../../platform/context.js';
import { audit, verifyAuditChain } from '../../platform/audit.js';
import { verifyDetached } from '../../platform/signing/index.js';
import { seedDemo, syncCatalog } from '../demo/seed.js';
import { migrate } from '../../platform/db/migrate.js';
import { generateStatement } from '../statements/generate-statement.js';
import { operatorSigner } from '../../platform/documents/operator-signer.js';
import { filesRoot } from '../statements/files.js';
import { processUpload } from '../uploads/process-upload.js';
import { originalPath, resultPath } from '../uploads/storage.js';
import { demoCarrier, multipart, tripsXlsx, validRows, type DemoCarrier } from '../../../test/helpers/upload-files.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../../domain/period.js';
import { createAuditCheckpoint, verifyAuditLog } from '../audit/checkpoints.js';
import { keyOf, listTables, presentSchemas, qualified, ident } from './catalog.js';
import { createBackup } from './backup.js';
import { restoreBackup } from './restore.js';
import { readManifest, type BackupManifest } from './manifest.js';

const NOW = new Date();
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

let src: TestContext;
let app: App;
let carrier: Client;
let d: DemoCarrier;
let statementId: string;
let uploadId: string;
const temp: string[] = [];
const targets: Array<{ ctx: AppContext; name: string }> = [];

function tmpDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temp.push(dir);
  return dir;
}

/** A new, empty database on the test server and a new DATA_DIR: where a restore goes. */
async function freshTarget(): Promise<{ ctx: AppContext; url: string; dataDir: string }> {
  const server = inject('pgServerUrl');
  const name = `t_${inject('pgTemplate').split('_').pop()}_r${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name} template template0`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const dataDir = tmpDir('ossig-restore-');
  const ctx = createContext(parseConfig({ ...TEST_ENV, DATABASE_URL: url.toString(), DATA_DIR: dataDir }), url.toString(), 4);
  targets.push({ ctx, name });
  return { ctx, url: url.toString(), dataDir };
}

/** Row count and content hash of every table, in one snapshot (the given one, or a fresh one). */
async function tableDigests(url: string, snapshotId?: string): Promise<Map<string, { rows: number; md5: string }>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('begin isolation level repeatable read read only');
    if (snapshotId) await c.query(`set transaction snapshot '${snapshotId}'`);
    const { tables } = await listTables(c, await presentSchemas(c));
    const out = new Map<string, { rows: number; md5: string }>();
    for (const t of tables) {
      const r = await c.query<{ n: string; h: string }>(
        `select count(*) as n, coalesce(md5(string_agg(r::text, E'\\n' order by r::text)), '') as h
           from (select ${t.columns.map(ident).join(', ')} from ${qualified(t.schema, t.name)}) r`,
      );
      out.set(keyOf(t), { rows: Number(r.rows[0].n), md5: r.rows[0].h });
    }
    await c.query('commit');
    return out;
  } finally {
    await c.end();
  }
}

let minute = 0;
function apiTrip() {
  minute += 3;
  const loaded = new Date(NOW.getTime() - 50 * 86_400_000 + minute * 60_000);
  return {
    permitNumber: d.permitNumber,
    plate: d.plates[minute % d.plates.length],
    wasteCode: d.wasteCode,
    facilityInn: d.facilityInn,
    loadedAt: loaded.toISOString(),
    unloadedAt: new Date(loaded.getTime() + 60 * 60_000).toISOString(),
    volume: '10.5',
    mass: '18.375',
  };
}

/** A carrier recording trips through the API, batch after batch, until stopped. */
function startWriter() {
  let stop = false;
  let batches = 0;
  let failed: Error | null = null;
  const done = (async () => {
    while (!stop) {
      const res = await carrier.post('/api/trips', { trips: [apiTrip(), apiTrip(), apiTrip()] }, { 'Idempotency-Key': crypto.randomUUID() });
      if (res.status !== 200 || res.body.accepted !== 3) throw new Error(`trips: ${res.status} ${res.text}`);
      batches++;
    }
  })().catch((e: Error) => {
    failed = e;
    throw e;
  });
  return {
    get batches() {
      return batches;
    },
    /** Resolves once `n` more batches have committed. */
    async more(n: number) {
      const target = batches + n;
      while (batches < target) {
        if (failed) throw failed;
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async stop() {
      stop = true;
      await done;
    },
  };
}

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...TEST_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (b) => (out += b));
    p.stderr.on('data', (b) => (out += b));
    p.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

beforeAll(async () => {
  src = await createTestContext();
  await seedDemo(src, { trips: 300 });
  app = await buildTestApp(src);
  carrier = await signedIn(app, 'carrier@ossig.test');
  const producer = await signedIn(app, 'producer@ossig.test');
  d = await demoCarrier(src);

  // A statement with its signed files.
  const site = await src.db.selectFrom('permits').select('site_id').where('number', '=', d.permitNumber).executeTakeFirstOrThrow();
  const to = moscowDate(NOW);
  const from = formatIsoDate(addDays((parseIsoDate(to) as { value: any }).value, -150));
  const permits = await producer.get(`/api/sites/${site.site_id}/permits?from=${from}&to=${to}`);
  expect(permits.status, permits.text).toBe(200);
  const ordered = await producer.post('/api/statements', { siteId: site.site_id, from, to, permitIds: permits.body.items.map((p: { id: string }) => p.id) });
  expect(ordered.status, ordered.text).toBe(202);
  statementId = ordered.body.id;
  expect((await generateStatement(src, statementId, { attempt: 1, maxAttempts: 1 })).outcome).toBe('ready');

  // A completed upload (its original and its result file).
  const m = multipart('рейсы.xlsx', await tripsXlsx(validRows(d, NOW, 5, { idPrefix: 'BK-' })));
  const up = await carrier.request('POST', '/api/uploads', m.body, { 'content-type': m.contentType });
  expect(up.status, up.text).toBe(202);
  uploadId = up.body.id;
  await processUpload(src, uploadId);
  const u = await src.db.selectFrom('uploads').select(['status', 'result_ready', 'accepted']).where('id', '=', uploadId).executeTakeFirstOrThrow();
  expect(u).toMatchObject({ status: 'done', result_ready: true, accepted: 5 });

  // The audit log holds the sign-ins, the order and the upload; anchor it.
  expect((await createAuditCheckpoint(src)).created).toBe(true);
});

afterAll(async () => {
  await app?.close();
  for (const t of targets) await t.ctx.db.destroy().catch(() => {});
  const admin = new pg.Client({ connectionString: inject('pgServerUrl') });
  await admin.connect();
  for (const t of targets) await admin.query(`drop database if exists ${t.name} with (force)`).catch(() => {});
  await admin.end();
  await src?.close();
  for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  let backupDir: string;
  let manifest: BackupManifest;
  let inSnapshot: Map<string, { rows: number; md5: string }>;

  it('backs up one snapshot while trips keep being written, with every file the rows name', async () => {
    backupDir = path.join(tmpDir('ossig-backup-'), 'copy');
    const writer = startWriter();
    await writer.more(2);
    let duringBackup = 0;
    manifest = await createBackup(src, backupDir, {
      onProgress: async (e) => {
        if (e.step === 'snapshot') {
          // Count and hash every table in the backup's own snapshot, then let more trips commit.
          inSnapshot = await tableDigests(src.url, e.snapshotId);
          const before = writer.batches;
          await writer.more(3);
          duringBackup += writer.batches - before;
        }
        if (e.step === 'table' && e.table === 'public.audit_events') {
          // Between two tables: trips (copied later) and their audit events (copied now) must still agree.
          const before = writer.batches;
          await writer.more(3);
          duringBackup += writer.batches - before;
        }
      },
    });
    await writer.stop();
    expect(duringBackup).toBeGreaterThanOrEqual(6);

    // The backup is exactly the snapshot: every table's row count, as counted in that snapshot.
    expect(manifest.tables.map(keyOf).sort()).toEqual([...inSnapshot.keys()].sort());
    for (const t of manifest.tables) expect(t.rows, keyOf(t)).toBe(inSnapshot.get(keyOf(t))!.rows);
    const live = await src.db.selectFrom('trips').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const tripsPart = manifest.tables.find((t) => keyOf(t) === 'public.trips')!;
    expect(live.n).toBeGreaterThanOrEqual(tripsPart.rows + 6 * 3);
    expect(manifest.schemas).toContain('public');
    expect(manifest.migrations).toContain('0048_audit_checkpoints.sql');
    expect(manifest.sequences.map((s) => `${s.schema}.${s.name}`)).toEqual(expect.arrayContaining(['public.trips_id_seq', 'public.audit_events_id_seq', 'public.statement_number_seq']));

    // Every file a row of the snapshot names is in the backup, as the row recorded it.
    const paths = new Map(manifest.files.map((f) => [f.path, f]));
    const statementFiles = await src.db.selectFrom('statement_files').select(['path', 'sha256']).execute();
    expect(statementFiles.length).toBe(4);
    for (const f of statementFiles) expect(paths.get(`files/${f.path}`)?.sha256).toBe(f.sha256);
    const upload = await src.db.selectFrom('uploads').select(['id', 'sha256']).execute();
    for (const u of upload) {
      expect(paths.get(`uploads/${u.id}`)?.sha256).toBe(u.sha256);
      expect(paths.has(`uploads/${u.id}.result.xlsx`)).toBe(true);
    }
    expect(paths.has('audit-checkpoints/checkpoint-00000001.json')).toBe(true);
    expect(paths.has('audit-checkpoints/checkpoint-00000001.json.sig')).toBe(true);
    expect(paths.has('pki/operator/operator.key')).toBe(true);
    expect(paths.get('pki/operator/operator.key')!.mode).toBe(0o600);
    expect(manifest.missingFiles).toEqual([]);
    // The job queue's tables are in it (a queued job survives a restore), and nothing was left out.
    expect(manifest.tables.map(keyOf)).toEqual(expect.arrayContaining(['public.jobs', 'public.job_workers', 'public.audit_checkpoints']));
    expect(manifest.skipped).toEqual([]);

    // The parts are what the manifest says, and SHA256SUMS lists them for sha256sum -c.
    const sums = fs.readFileSync(path.join(backupDir, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.length).toBe(manifest.tables.length + manifest.files.length);
    for (const line of sums) {
      const [hash, file] = line.split('  ');
      expect(sha256(fs.readFileSync(path.join(backupDir, file))), file).toBe(hash);
    }
    expect(fs.statSync(backupDir).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(backupDir))).toEqual(['copy']);
  });

  it('restores into a fresh database and DATA_DIR: every table, document, signature and the audit chain', async () => {
    const target = await freshTarget();
    // As after a first start of an empty installation: migrated, the catalogue loaded, a worker and a scheduled job.
    await migrate(target.ctx.pool);
    await syncCatalog(target.ctx);
    await sql`insert into job_workers (id, host, pid) values ('w-started-once', 'host', 1)`.execute(target.ctx.db);
    await sql`insert into jobs (name, key) values ('some.schedule', 'schedule:some:1')`.execute(target.ctx.db);
    const report = await restoreBackup(target.ctx, backupDir);
    expect(report.tables.length).toBe(manifest.tables.length);
    expect(report.migratedAfter).toEqual([]);

    // Every table: same row count and same content as in the snapshot.
    const restored = await tableDigests(target.url);
    for (const [key, want] of inSnapshot) expect(restored.get(key), key).toEqual(want);

    // Consistency across tables: every API trip has its audit event, and no more.
    const apiTrips = await target.ctx.db.selectFrom('trips').select(sql<number>`count(*)::int`.as('n')).where('source', '=', 'api').executeTakeFirstOrThrow();
    const audited = await sql<{ n: number }>`select coalesce(sum((details->>'accepted')::int), 0)::int as n from audit_events where action = 'trips.recorded'`.execute(target.ctx.db);
    expect(apiTrips.n).toBeGreaterThan(0);
    expect(audited.rows[0].n).toBe(apiTrips.n);

    // Every document's SHA-256, and the statement's signatures by the restored operator key.
    const signer = await operatorSigner(target.ctx);
    const original = await operatorSigner(src);
    expect(signer.certificate.fingerprint).toBe(original.certificate.fingerprint);
    for (const f of await target.ctx.db.selectFrom('statement_files').select(['path', 'sha256', 'kind']).execute()) {
      const data = fs.readFileSync(path.join(filesRoot(target.ctx), f.path));
      expect(sha256(data), f.path).toBe(f.sha256);
      if (!f.kind.endsWith('.sig')) {
        const sig = fs.readFileSync(path.join(filesRoot(target.ctx), `${f.path}.sig`));
        const v = await verifyDetached({ data, signature: sig, trustedCaCerts: signer.trusted });
        expect(v.valid, `${f.path}: ${v.reason}`).toBe(true);
      }
    }
    for (const u of await target.ctx.db.selectFrom('uploads').select(['id', 'sha256']).execute()) {
      expect(sha256(fs.readFileSync(originalPath(target.ctx.config, u.id)))).toBe(u.sha256);
      expect(fs.readFileSync(resultPath(target.ctx.config, u.id))).toEqual(fs.readFileSync(resultPath(src.config, u.id)));
    }
    expect(fs.statSync(path.join(target.dataDir, 'pki', 'operator', 'operator.key')).mode & 0o777).toBe(0o600);

    // The audit chain and its checkpoint hold on the copy.
    const log = await verifyAuditLog(target.ctx);
    expect(log.problems).toEqual([]);
    expect(log.ok).toBe(true);
    expect(log.checkpoints.length).toBe(1);
    expect(log.chain.total).toBe(inSnapshot.get('public.audit_events')!.rows);

    // Sequences are where the snapshot had them: new rows get new ids, and the append-only triggers are back on.
    const seq = await sql<{ last_value: string }>`select last_value::text from trips_id_seq`.execute(target.ctx.db);
    expect(seq.rows[0].last_value).toBe(manifest.sequences.find((s) => s.name === 'trips_id_seq')!.lastValue);
    await target.ctx.db.transaction().execute((trx) => audit(trx, { action: 'test.after_restore' }));
    expect((await verifyAuditChain(target.ctx.db)).ok).toBe(true);
    await expect(sql`update audit_events set action = 'x'`.execute(target.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(target.ctx.db)).rejects.toThrow(/append-only/);
    const st = await target.ctx.db.selectFrom('statements').select(['status', 'number']).where('id', '=', statementId).executeTakeFirstOrThrow();
    expect(st.status).toBe('ready');

    // A fresh database with a used DATA_DIR is refused: its files would mix with the copy's.
    const other = await freshTarget();
    fs.mkdirSync(path.join(other.dataDir, 'audit-checkpoints'));
    fs.writeFileSync(path.join(other.dataDir, 'audit-checkpoints', 'checkpoint-00000009.json'), '{}');
    await expect(restoreBackup(other.ctx, backupDir)).rejects.toThrow(/есть файлы, которых нет в копии: audit-checkpoints\/checkpoint-00000009\.json/);

    // A second restore into it is refused: it is not empty any more; with --force it replaces everything.
    await expect(restoreBackup(target.ctx, backupDir)).rejects.toThrow(/База данных не пуста/);
    await restoreBackup(target.ctx, backupDir, { force: true });
    const again = await tableDigests(target.url);
    for (const [key, want] of inSnapshot) expect(again.get(key), key).toEqual(want);
  });

  it('refuses a damaged backup before changing anything', async () => {
    const damaged = path.join(tmpDir('ossig-damaged-'), 'copy');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const part = path.join(damaged, manifest.tables.find((t) => t.name === 'trips')!.file);
    const bytes = fs.readFileSync(part);
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(part, bytes);
    const target = await freshTarget();
    await expect(restoreBackup(target.ctx, damaged)).rejects.toThrow(/Копия повреждена, ничего не изменено: db\/public\.trips\.copy\.gz/);
    const tables = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(target.ctx.db);
    expect(tables.rows[0].n).toBe(0);
    expect(fs.readdirSync(target.dataDir)).toEqual([]);

    // A manifest that points outside DATA_DIR is refused too.
    const evil = path.join(tmpDir('ossig-evil-'), 'copy');
    fs.cpSync(backupDir, evil, { recursive: true });
    const m = JSON.parse(fs.readFileSync(path.join(evil, 'manifest.json'), 'utf8'));
    m.files[0].path = '../../etc/evil';
    fs.writeFileSync(path.join(evil, 'manifest.json'), JSON.stringify(m));
    await expect(restoreBackup(target.ctx, evil)).rejects.toThrow(/недопустимые пути/);
  });

  it('refuses to write into a non-empty directory or inside DATA_DIR, and names a file the rows need but the disk lacks', async () => {
    await expect(createBackup(src, backupDir)).rejects.toThrow(/не пуст/);
    await expect(createBackup(src, path.join(src.config.dataDir, 'backup'))).rejects.toThrow(/внутри DATA_DIR/);

    // What a backup leaves out is said, never silently dropped: a stray file in DATA_DIR, a file no row names, a view.
    fs.writeFileSync(path.join(src.config.dataDir, 'stray.txt'), 'x');
    fs.writeFileSync(path.join(src.config.dataDir, 'uploads', 'orphan'), 'x');
    await sql`create view trips_view as select id from trips`.execute(src.db);
    try {
      const m = await createBackup(src, path.join(tmpDir('ossig-skipped-'), 'copy'));
      expect(m.skipped).toEqual(
        expect.arrayContaining([
          { what: 'public.trips_view', reason: expect.stringContaining('представление') },
          { what: '1 файл(ов) в DATA_DIR/uploads', reason: expect.stringContaining('не называет ни одна строка') },
          { what: 'DATA_DIR/stray.txt', reason: 'резервному копированию неизвестен' },
        ]),
      );
      expect(m.fileSets.find((f) => f.name === 'uploads')).toMatchObject({ notIncluded: 1, notIncludedExamples: ['orphan'] });
    } finally {
      fs.rmSync(path.join(src.config.dataDir, 'stray.txt'));
      fs.rmSync(path.join(src.config.dataDir, 'uploads', 'orphan'));
      await sql`drop view trips_view`.execute(src.db);
    }

    const result = resultPath(src.config, uploadId);
    const kept = fs.readFileSync(result);
    fs.rmSync(result);
    try {
      const dir = path.join(tmpDir('ossig-missing-'), 'copy');
      await expect(createBackup(src, dir)).rejects.toThrow(new RegExp(`uploads/${uploadId}\\.result\\.xlsx — файла нет`));
      expect(fs.existsSync(dir)).toBe(false);
      expect(fs.readdirSync(path.dirname(dir))).toEqual([]);
      const m = await createBackup(src, dir, { allowMissingFiles: true });
      expect(m.missingFiles).toEqual([{ set: 'uploads', path: `uploads/${uploadId}.result.xlsx`, reason: 'файла нет' }]);
    } finally {
      fs.writeFileSync(result, kept);
    }
  });

  it('npm run backup and npm run restore, then audit:verify on the copy', async () => {
    const dir = path.join(tmpDir('ossig-cli-'), 'copy');
    const b = await run('src/cli/backup.ts', [dir], { DATABASE_URL: src.url, DATA_DIR: src.config.dataDir });
    expect(b.code, b.out).toBe(0);
    expect(b.out).toContain('Резервная копия записана');
    expect(b.out).toMatch(/public\.trips\s+\d+/);
    expect(b.out).toContain('Не вошло в копию:');
    const m = await readManifest(dir);

    const target = await freshTarget();
    const r = await run('src/cli/restore.ts', [dir], { DATABASE_URL: target.url, DATA_DIR: target.dataDir });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Восстановлено из');
    const refused = await run('src/cli/restore.ts', [dir], { DATABASE_URL: target.url, DATA_DIR: target.dataDir });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('База данных не пуста');

    const v = await run('src/cli/audit-verify.ts', [], { DATABASE_URL: target.url, DATA_DIR: target.dataDir });
    expect(v.code, v.out).toBe(0);
    expect(v.out).toContain('Итог: журнал аудита цел.');
    const trips = await target.ctx.db.selectFrom('trips').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(trips.n).toBe(m.tables.find((t) => t.name === 'trips')!.rows);
  }, 240_000); // four CLI processes, each starting tsx: 60 s was too short on a loaded machine
});
