/**
 * The manifest of a backup (`manifest.json`): what the snapshot held — the
 * migrations applied, every table with its columns and row count, every
 * sequence's position, every file — and the size and SHA-256 of every part
 * of the backup. `SHA256SUMS` repeats the hashes for `sha256sum -c`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { SkippedObject } from './catalog.js';

export const MANIFEST = 'manifest.json';
export const SUMS = 'SHA256SUMS';
export const FORMAT = 'ossig-backup';

export interface TablePart {
  schema: string;
  name: string;
  columns: string[];
  /** Rows in the snapshot (COPY's count, equal to count(*) in the same snapshot). */
  rows: number;
  /** Part file, relative to the backup directory: COPY text format, gzip. */
  file: string;
  bytes: number;
  sha256: string;
}

export interface FilePart {
  set: string;
  /** Where the file lives, relative to DATA_DIR (forward slashes). */
  path: string;
  /** The copy, relative to the backup directory. */
  file: string;
  bytes: number;
  sha256: string;
  /** Permission bits of the original (keys stay 0600). */
  mode?: number;
}

export interface BackupManifest {
  format: typeof FORMAT;
  version: 1;
  /** The snapshot's time (the database clock). */
  snapshotAt: string;
  finishedAt: string;
  source: { database: string; serverVersion: string };
  migrations: string[];
  schemas: string[];
  tables: TablePart[];
  sequences: Array<{ schema: string; name: string; lastValue: string; isCalled: boolean }>;
  files: FilePart[];
  fileSets: Array<{ name: string; dir: string; files: number; bytes: number; notIncluded: number; notIncludedExamples: string[] }>;
  /** What the backup does not hold, and why. */
  skipped: SkippedObject[];
  /** Files rows name that were missing or differed from their recorded hash (only with --allow-missing-files). */
  missingFiles: Array<{ set: string; path: string; reason: string }>;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** A stream tap counting and hashing what passes. */
export function hashTap(): { tap: Transform; result(): { bytes: number; sha256: string } } {
  const h = crypto.createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      h.update(chunk);
      bytes += chunk.length;
      cb(null, chunk);
    },
  });
  return { tap, result: () => ({ bytes, sha256: h.digest('hex') }) };
}

export async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const h = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: h.digest('hex') };
}

/** A relative path that stays inside its root: no absolute path, no `..`, forward slashes. */
export function isSafeRelative(p: string): boolean {
  if (typeof p !== 'string' || !p || p.includes('\\') || p.includes('\0') || path.posix.isAbsolute(p)) return false;
  const norm = path.posix.normalize(p);
  return norm === p && !norm.split('/').includes('..') && norm !== '.';
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let raw: string;
  try {
    raw = await fsp.readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    throw new BackupError(`В каталоге ${dir} нет ${MANIFEST}: это не резервная копия ОССиГ или она не дописана`);
  }
  let m: BackupManifest;
  try {
    m = JSON.parse(raw) as BackupManifest;
  } catch {
    throw new BackupError(`${MANIFEST} повреждён: не JSON`);
  }
  if (m?.format !== FORMAT || m.version !== 1) throw new BackupError(`${MANIFEST}: неизвестный формат (${String(m?.format)} v${String(m?.version)})`);
  const parts = [...(m.tables ?? []).map((t) => t.file), ...(m.files ?? []).map((f) => f.file), ...(m.files ?? []).map((f) => f.path)];
  const bad = parts.filter((p) => !isSafeRelative(p));
  if (bad.length || !Array.isArray(m.migrations) || !Array.isArray(m.sequences)) {
    throw new BackupError(`${MANIFEST} повреждён или подделан: недопустимые пути ${bad.slice(0, 3).join(', ')}`);
  }
  return m;
}

/** Checks the size and SHA-256 of every part; returns the parts that do not match (empty: all good). */
export async function verifyParts(dir: string, m: BackupManifest): Promise<string[]> {
  const wrong: string[] = [];
  for (const p of [...m.tables, ...m.files]) {
    const abs = path.join(dir, p.file);
    try {
      const h = await hashFile(abs);
      if (h.bytes !== p.bytes || h.sha256 !== p.sha256) wrong.push(`${p.file}: содержимое не совпадает с манифестом`);
    } catch {
      wrong.push(`${p.file}: файла нет`);
    }
  }
  return wrong;
}
