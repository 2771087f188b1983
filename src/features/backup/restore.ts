/**
 * `npm run restore -- DIR [--force]`: a backup of `createBackup` into an empty
 * database (the embedded one of a fresh DATA_DIR, or DATABASE_URL) and DATA_DIR.
 *
 * Order: the manifest and every part's size and SHA-256 are checked before
 * anything changes; the target must be empty (only what start-up fills by
 * itself) unless `force`; the schema is migrated to exactly the backup's
 * migrations; the files are put in place (written aside, renamed — a file
 * without its row is harmless, a row without its file is not, so files go
 * first); then one transaction loads every table by COPY in foreign-key
 * order with the tables' own triggers switched off (the audit log's
 * append-only triggers included) and every sequence — identity columns'
 * included — set where the snapshot had it; then the migrations newer than
 * the backup, if the code has any, run on the restored data.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { AppContext } from '../../platform/context.js';
import { MIGRATIONS_DIR, migrate } from '../../platform/db/migrate.js';
import { STARTUP_TABLES, ident, keyOf, listSequences, listTables, loadOrder, presentSchemas, qualified } from './catalog.js';
import { FILE_SETS, isTemporary, listFiles, listKeys, objectStoreOf } from './file-sets.js';
import type { FileStore } from '../../platform/files/index.js';
import { Writable } from 'node:stream';
import { BackupError, hashFile, hashTap, readManifest, verifyParts, type BackupManifest } from './manifest.js';

export interface RestoreOptions {
  /** Restore into a database that holds data (its tables are emptied first), replacing files that differ. */
  force?: boolean;
  onProgress?: (line: string) => void;
}

export interface RestoreReport {
  manifest: BackupManifest;
  tables: Array<{ table: string; rows: number }>;
  sequences: number;
  files: { written: number; unchanged: number; bytes: number };
  /** Migrations newer than the backup, applied after loading. */
  migratedAfter: string[];
}

const list = (xs: string[], n = 5) => xs.slice(0, n).join(', ') + (xs.length > n ? ` и ещё ${xs.length - n}` : '');

export async function restoreBackup(ctx: AppContext, dir: string, opts: RestoreOptions = {}): Promise<RestoreReport> {
  const say = opts.onProgress ?? (() => {});
  const src = path.resolve(dir);
  const dataDir = path.resolve(ctx.config.dataDir);
  const m = await readManifest(src);

  say('Проверяю размер и SHA-256 каждой части копии…');
  const wrong = await verifyParts(src, m);
  if (wrong.length) throw new BackupError(`Копия повреждена, ничего не изменено: ${list(wrong)}`);
  if (m.missingFiles.length) say(`Внимание: копия сделана без ${m.missingFiles.length} файлов, которых не было при копировании (${list(m.missingFiles.map((f) => f.path), 3)})`);

  const known = new Set(fs.readdirSync(MIGRATIONS_DIR));
  const unknown = m.migrations.filter((x) => !known.has(x));
  if (unknown.length) throw new BackupError(`Копия сделана более новой версией ОССиГ: в этой версии нет миграций ${list(unknown)}`);

  // Where each file goes; never outside DATA_DIR, never into PostgreSQL's own directory.
  // With object storage configured (S3_URL), the files of the store's areas go to the bucket under the same keys.
  const dests = m.files.map((f) => {
    if (f.path.split('/')[0] === 'pg') throw new BackupError(`Копия подделана: файл ${f.path} в каталоге PostgreSQL`);
    const set = FILE_SETS.find((s) => s.name === f.set);
    const objects = set ? objectStoreOf(ctx, set) : null;
    const area = `${set?.area}/`;
    if (objects && f.path.startsWith(area)) return { f, dest: path.join(dataDir, ...f.path.split('/')), objects, key: f.path.slice(area.length) };
    return { f, dest: path.join(dataDir, ...f.path.split('/')), objects: null, key: '' };
  });

  // The target: empty, and not at a newer schema than the backup.
  {
    const client = await ctx.pool.connect();
    try {
      const { tables } = await listTables(client, await presentSchemas(client));
      const full: string[] = [];
      for (const t of tables) {
        if (STARTUP_TABLES.has(keyOf(t))) continue;
        const r = await client.query(`select 1 from ${qualified(t.schema, t.name)} limit 1`);
        if (r.rowCount) full.push(keyOf(t));
      }
      if (full.length && !opts.force) {
        throw new BackupError(`База данных не пуста (есть строки в ${list(full)}); восстановление — только в пустую базу, или с --force (все её данные будут заменены копией)`);
      }
      if (tables.some((t) => keyOf(t) === 'public.schema_migrations')) {
        const applied = (await client.query<{ name: string }>('select name from public.schema_migrations')).rows.map((r) => r.name);
        const newer = applied.filter((a) => !m.migrations.includes(a));
        if (newer.length) throw new BackupError(`Схема базы новее копии (применены ${list(newer)}); восстановите копию в пустую базу`);
      }
    } finally {
      client.release();
    }
  }
  const conflicts: string[] = [];
  const unchanged = new Set<string>();
  for (const { f, dest, objects, key } of dests) {
    const h = objects ? await hashObject(objects, key) : await hashFile(dest).catch(() => null);
    if (!h) continue;
    if (h.sha256 === f.sha256) unchanged.add(f.path);
    else conflicts.push(f.path);
  }
  if (conflicts.length && !opts.force) {
    throw new BackupError(`В DATA_DIR (${dataDir}) уже есть другие файлы с теми же именами: ${list(conflicts)}; восстановление — в новый DATA_DIR, или с --force`);
  }
  // Files of another installation would mix with the restored ones (a checkpoint of another log, say).
  const inBackup = new Set(m.files.map((f) => f.path));
  const foreign: string[] = [];
  for (const set of FILE_SETS) {
    const root = path.resolve(set.dir(ctx));
    const rel = path.relative(dataDir, root).split(path.sep).join('/');
    const objects = objectStoreOf(ctx, set);
    for (const f of objects ? await listKeys(objects) : await listFiles(root)) if (!isTemporary(f) && !inBackup.has(`${rel}/${f}`)) foreign.push(`${rel}/${f}`);
  }
  if (foreign.length && !opts.force) {
    throw new BackupError(`В DATA_DIR (${dataDir}) есть файлы, которых нет в копии: ${list(foreign)}; восстановление — в новый DATA_DIR, или с --force (эти файлы останутся)`);
  }

  say(`Привожу схему базы к миграциям копии (${m.migrations.length})…`);
  await migrateTo(ctx, m.migrations);

  const client = await ctx.pool.connect();
  let released = false;
  const release = () => {
    if (!released) client.release();
    released = true;
  };
  try {
    // Every table of the backup exists with every column of the backup.
    const { tables } = await listTables(client, await presentSchemas(client));
    const byKey = new Map(tables.map((t) => [keyOf(t), t]));
    const problems: string[] = [];
    for (const t of m.tables) {
      const there = byKey.get(keyOf(t));
      if (!there) problems.push(`нет таблицы ${keyOf(t)}`);
      else {
        const lacking = t.columns.filter((c) => !there.columns.includes(c));
        if (lacking.length) problems.push(`в ${keyOf(t)} нет столбцов ${lacking.join(', ')}`);
      }
    }
    if (problems.length) throw new BackupError(`Схема базы после миграций не принимает копию: ${list(problems)}`);

    say(`Раскладываю файлы (${m.files.length}) в ${dataDir}${ctx.config.storage.kind === 's3' ? ` и в хранилище s3://${ctx.config.storage.bucket}/${ctx.config.storage.prefix}` : ''}…`);
    let written = 0;
    let bytes = 0;
    for (const { f, dest, objects, key } of dests) {
      if (unchanged.has(f.path)) continue;
      if (objects) {
        const put = await objects.putFile(key, path.join(src, f.file), { keep: true });
        if (put.sha256 !== f.sha256) throw new BackupError(`Файл копии ${f.file} изменился во время восстановления`);
      } else await placeFile(path.join(src, f.file), dest, f.sha256, f.mode);
      written++;
      bytes += f.bytes;
    }

    say(`Загружаю таблицы (${m.tables.length}) одной транзакцией…`);
    const loaded: RestoreReport['tables'] = [];
    const seqs = new Set((await listSequences(client, await presentSchemas(client))).map(keyOf));
    const missingSeqs = m.sequences.filter((s) => !seqs.has(keyOf(s)));
    if (missingSeqs.length) throw new BackupError(`В базе после миграций нет последовательностей ${list(missingSeqs.map(keyOf))}`);
    const parts = new Map(m.tables.map((t) => [keyOf(t), t]));
    const order = await loadOrder(client, m.tables);
    await client.query('begin');
    try {
      const all = m.tables.map((t) => qualified(t.schema, t.name));
      // The tables' own triggers (the audit log's append-only ones among them) stay off while loading;
      // foreign keys stay on, so the load also proves the snapshot's references hold.
      for (const q of all) await client.query(`alter table ${q} disable trigger user`);
      if (all.length) await client.query(`truncate table ${all.join(', ')}`);
      for (const key of order) {
        const t = parts.get(key)!;
        const ingest = client.query(copyFrom(`copy ${qualified(t.schema, t.name)} (${t.columns.map(ident).join(', ')}) from stdin`));
        await pipeline(fs.createReadStream(path.join(src, t.file)), zlib.createGunzip(), ingest);
        if (ingest.rowCount !== t.rows) throw new BackupError(`Таблица ${key}: загружено ${ingest.rowCount} строк, в копии ${t.rows}`);
        loaded.push({ table: key, rows: t.rows });
      }
      for (const s of m.sequences) {
        await client.query('select setval($1::regclass, $2::bigint, $3::boolean)', [qualified(s.schema, s.name), s.lastValue, s.isCalled]);
      }
      for (const q of all) await client.query(`alter table ${q} enable trigger user`);
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    }
    release();
    const migratedAfter = await migrate(ctx.pool);
    if (migratedAfter.length) say(`Применены миграции новее копии: ${migratedAfter.join(', ')}`);
    return { manifest: m, tables: loaded, sequences: m.sequences.length, files: { written, unchanged: unchanged.size, bytes }, migratedAfter };
  } finally {
    release();
  }
}

/** Applies exactly the migrations the backup had (the code may have newer ones: they run after loading). */
async function migrateTo(ctx: AppContext, names: readonly string[]): Promise<void> {
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'ossig-migrations-'));
  try {
    for (const n of names) await fsp.copyFile(path.join(MIGRATIONS_DIR, n), path.join(tmp, n));
    await migrate(ctx.pool, tmp);
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}

/** Copies a file of the backup to its place: checked again on the way, written aside, flushed, renamed. */
/** SHA-256 of an object of the store; null when there is none. */
async function hashObject(store: FileStore, key: string): Promise<{ bytes: number; sha256: string } | null> {
  const f = await store.get(key);
  if (!f) return null;
  const h = hashTap();
  await pipeline(f.stream, h.tap, new Writable({ write: (_c, _e, cb) => cb() }));
  return h.result();
}

async function placeFile(from: string, dest: string, sha256: string, mode: number | undefined): Promise<void> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const h = hashTap();
  try {
    await pipeline(fs.createReadStream(from, { highWaterMark: 1 << 20 }), h.tap, fs.createWriteStream(tmp, { flags: 'wx', flush: true, mode: mode ?? 0o644 }));
    if (h.result().sha256 !== sha256) throw new BackupError(`Файл копии ${from} изменился во время восстановления`);
    if (mode !== undefined) await fsp.chmod(tmp, mode);
    await fsp.rename(tmp, dest);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}
