/**
 * `npm run backup -- DIR`: the database and the files together, consistent.
 *
 * The database is read in one REPEATABLE READ transaction (one snapshot):
 * every table of the application's schema and of the job queue's is COPYed
 * out (text format, gzip), with its row count, every sequence's position and
 * the list of migrations applied. Files are written once and never changed
 * (temporary name, then rename, before the row that names them commits), so
 * after the snapshot the backup copies exactly the files the snapshot's rows
 * name — checked against the SHA-256 the rows recorded — and the PKI. Nothing
 * is left out silently: the manifest lists what was not included and why.
 *
 * The backup is written into a sibling directory and renamed to DIR at the
 * end, so DIR either holds a complete backup or does not exist.
 * pg_dump is not used: the embedded PostgreSQL 17 ships none and the
 * machine's may be older than the server.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import type { AppContext } from '../../platform/context.js';
import { inPgTransaction } from '../../platform/db/pool.js';
import { ident, keyOf, listOutside, listSequences, listTables, presentSchemas, qualified } from './catalog.js';
import { FILE_SETS, isTemporary, listFiles, listKeys, objectStoreOf, type FileRef } from './file-sets.js';
import type { FileStore } from '../../platform/files/index.js';
import { BackupError, FORMAT, MANIFEST, SUMS, hashTap, isSafeRelative, type BackupManifest, type FilePart, type TablePart } from './manifest.js';

export type BackupEvent =
  | { step: 'snapshot'; snapshotId: string; at: string; tables: number }
  | { step: 'table'; table: string; rows: number; bytes: number }
  | { step: 'files'; set: string; files: number; bytes: number };

export interface BackupOptions {
  /** Record files that rows name but that are missing (or differ from their recorded hash) instead of failing. */
  allowMissingFiles?: boolean;
  /** Called (and awaited) as the backup goes: after the snapshot is taken, after each table, after each set of files. */
  onProgress?: (e: BackupEvent) => void | Promise<void>;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export async function createBackup(ctx: AppContext, dir: string, opts: BackupOptions = {}): Promise<BackupManifest> {
  const target = path.resolve(dir);
  const dataDir = path.resolve(ctx.config.dataDir);
  if (target === dataDir || target.startsWith(dataDir + path.sep)) {
    throw new BackupError(`Каталог резервной копии ${target} находится внутри DATA_DIR (${dataDir}); выберите каталог вне его`);
  }
  const existing = await fsp.readdir(target).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  if (existing && existing.length) throw new BackupError(`Каталог ${target} не пуст; резервная копия пишется в новый или пустой каталог`);
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const work = `${target}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  await fsp.mkdir(path.join(work, 'db'), { recursive: true, mode: 0o700 });
  await fsp.chmod(work, 0o700);
  try {
    const manifest = await write(ctx, work, opts);
    if (existing) await fsp.rmdir(target);
    await fsp.rename(work, target);
    return manifest;
  } catch (e) {
    await fsp.rm(work, { recursive: true, force: true });
    throw e;
  }
}

async function write(ctx: AppContext, work: string, opts: BackupOptions): Promise<BackupManifest> {
  const dataDir = path.resolve(ctx.config.dataDir);
  const tableParts: TablePart[] = [];
  const sequences: BackupManifest['sequences'] = [];
  const refs = new Map<string, FileRef[]>();
  let migrations: string[] = [];
  const skipped: BackupManifest['skipped'] = [];

  const { schemas, snapshotAt, source } = await inPgTransaction(ctx.pool, 'begin isolation level repeatable read read only', async (client) => {
    const head = await client.query<{ id: string; at: Date; db: string; version: string }>(
      `select pg_export_snapshot() as id, now() as at, current_database() as db, current_setting('server_version') as version`,
    );
    const snapshotAt = head.rows[0].at.toISOString();
    const source: BackupManifest['source'] = { database: head.rows[0].db, serverVersion: head.rows[0].version };
    const schemas = await presentSchemas(client);
    const listed = await listTables(client, schemas);
    const tables = listed.tables;
    skipped.push(...listed.skipped, ...(await listOutside(client, schemas)));
    // No table may be dropped or altered while it is read (DML goes on).
    await client.query(`set local lock_timeout = '60s'`);
    if (tables.length) await client.query(`lock table ${tables.map((t) => qualified(t.schema, t.name)).join(', ')} in access share mode`);
    const present = new Set(tables.map(keyOf));
    if (present.has('public.schema_migrations')) {
      migrations = (await client.query<{ name: string }>('select name from public.schema_migrations order by name')).rows.map((r) => r.name);
    }
    const query = async <R>(text: string) => (await client.query(text)).rows as R[];
    for (const set of FILE_SETS) {
      if (!set.referenced) continue;
      if (set.table && !present.has(`public.${set.table}`)) {
        skipped.push({ what: `файлы «${set.name}»`, reason: `в базе нет таблицы ${set.table}` });
        continue;
      }
      refs.set(set.name, await set.referenced(query, ctx));
    }
    await opts.onProgress?.({ step: 'snapshot', snapshotId: head.rows[0].id, at: snapshotAt, tables: tables.length });

    for (const t of tables) {
      const q = qualified(t.schema, t.name);
      const counted = Number((await client.query<{ n: string }>(`select count(*) as n from ${q}`)).rows[0].n);
      const file = `db/${encodeURIComponent(t.schema)}.${encodeURIComponent(t.name)}.copy.gz`;
      const out = client.query(copyTo(`copy ${q} (${t.columns.map(ident).join(', ')}) to stdout`));
      const h = hashTap();
      await pipeline(out, zlib.createGzip({ level: 3 }), h.tap, fs.createWriteStream(path.join(work, file), { flags: 'wx', flush: true, mode: 0o600 }));
      if (out.rowCount !== counted) {
        throw new BackupError(`Таблица ${keyOf(t)}: COPY выдал ${out.rowCount} строк, а в том же снимке их ${counted}`);
      }
      const { bytes, sha256 } = h.result();
      tableParts.push({ schema: t.schema, name: t.name, columns: t.columns, rows: counted, file, bytes, sha256 });
      await opts.onProgress?.({ step: 'table', table: keyOf(t), rows: counted, bytes });
    }
    for (const s of await listSequences(client, schemas)) {
      const r = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${qualified(s.schema, s.name)}`);
      sequences.push({ schema: s.schema, name: s.name, lastValue: r.rows[0].last_value, isCalled: r.rows[0].is_called });
    }
    return { schemas, snapshotAt, source };
  });

  // Files: those the snapshot's rows name (they were in place before their rows committed), and the PKI whole.
  const files: FilePart[] = [];
  const fileSets: BackupManifest['fileSets'] = [];
  const missing: BackupManifest['missingFiles'] = [];
  for (const set of FILE_SETS) {
    const root = path.resolve(set.dir(ctx));
    const relRoot = toPosix(path.relative(dataDir, root));
    if (!isSafeRelative(relRoot)) throw new BackupError(`Каталог файлов «${set.name}» (${root}) не внутри DATA_DIR`);
    const objects = objectStoreOf(ctx, set);
    const onDisk = objects ? await listKeys(objects) : await listFiles(root);
    let wanted: FileRef[];
    if (set.referenced) {
      if (!refs.has(set.name)) continue;
      const seen = new Set<string>();
      wanted = refs.get(set.name)!.filter((r) => !seen.has(r.path) && seen.add(r.path));
    } else wanted = onDisk.filter((p) => !isTemporary(p)).map((p) => ({ path: p }));
    let count = 0;
    let bytes = 0;
    for (const ref of wanted) {
      if (!isSafeRelative(ref.path)) {
        missing.push({ set: set.name, path: ref.path, reason: 'путь выходит за пределы каталога' });
        continue;
      }
      const rel = `${relRoot}/${ref.path}`;
      const file = `data/${rel}`;
      let copied: { bytes: number; sha256: string; mode: number };
      try {
        copied = objects ? await copyFromStore(objects, ref.path, path.join(work, file)) : await copyHashed(path.join(root, ref.path), path.join(work, file));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        missing.push({ set: set.name, path: rel, reason: 'файла нет' });
        continue;
      }
      if (ref.sha256 && ref.sha256 !== copied.sha256) {
        missing.push({ set: set.name, path: rel, reason: `SHA-256 файла не совпадает с записанным в базе (${ref.sha256})` });
        await fsp.rm(path.join(work, file));
        continue;
      }
      files.push({ set: set.name, path: rel, file, bytes: copied.bytes, sha256: copied.sha256, mode: copied.mode });
      count++;
      bytes += copied.bytes;
    }
    const named = new Set(wanted.map((r) => r.path));
    const extra = onDisk.filter((p) => !named.has(p) && !isTemporary(p));
    fileSets.push({ name: set.name, dir: relRoot, files: count, bytes, notIncluded: extra.length, notIncludedExamples: extra.slice(0, 5) });
    if (extra.length) {
      skipped.push({ what: `${extra.length} файл(ов) в DATA_DIR/${relRoot}`, reason: 'их не называет ни одна строка снимка (записаны после снимка или оставлены прерванной операцией)' });
    }
    await opts.onProgress?.({ step: 'files', set: set.name, files: count, bytes });
  }
  if (missing.length && !opts.allowMissingFiles) {
    throw new BackupError(
      `Файлов, названных в базе, нет или они изменены (${missing.length}): ${missing
        .slice(0, 5)
        .map((m) => `${m.path} — ${m.reason}`)
        .join('; ')}. Копия не записана; чтобы записать её без них, добавьте --allow-missing-files`,
    );
  }

  // Anything else under DATA_DIR is named, not silently dropped.
  const tops = new Set(fileSets.map((s) => s.dir.split('/')[0]));
  for (const e of await fsp.readdir(dataDir, { withFileTypes: true }).catch(() => [])) {
    if (tops.has(e.name)) continue;
    if (e.name === 'pg') skipped.push({ what: 'DATA_DIR/pg', reason: 'файлы встроенного PostgreSQL: база сохранена в копии логически (COPY)' });
    else if (!isTemporary(e.name)) skipped.push({ what: `DATA_DIR/${e.name}`, reason: 'резервному копированию неизвестен' });
  }

  const manifest: BackupManifest = {
    format: FORMAT,
    version: 1,
    snapshotAt,
    finishedAt: new Date().toISOString(),
    source,
    migrations,
    schemas,
    tables: tableParts,
    sequences,
    files,
    fileSets,
    skipped,
    missingFiles: missing,
  };
  const sums = [...tableParts, ...files].map((p) => `${p.sha256}  ${p.file}`).join('\n') + '\n';
  await writeDurably(path.join(work, SUMS), sums);
  await writeDurably(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

async function copyHashed(src: string, dest: string): Promise<{ bytes: number; sha256: string; mode: number }> {
  const stat = await fsp.stat(src);
  await fsp.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
  const h = hashTap();
  await pipeline(fs.createReadStream(src, { highWaterMark: 1 << 20 }), h.tap, fs.createWriteStream(dest, { flags: 'wx', flush: true, mode: 0o600 }));
  return { ...h.result(), mode: stat.mode & 0o777 };
}

/** Copies an object of the store into the backup (ENOENT when there is no such object). */
async function copyFromStore(store: FileStore, key: string, dest: string): Promise<{ bytes: number; sha256: string; mode: number }> {
  const f = await store.get(key);
  if (!f) throw Object.assign(new Error(`no object ${key}`), { code: 'ENOENT' });
  await fsp.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
  const h = hashTap();
  await pipeline(f.stream, h.tap, fs.createWriteStream(dest, { flags: 'wx', flush: true, mode: 0o600 }));
  return { ...h.result(), mode: 0o644 };
}

async function writeDurably(file: string, text: string): Promise<void> {
  const fh = await fsp.open(file, 'wx', 0o600);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}
