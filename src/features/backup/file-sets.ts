/**
 * The files under DATA_DIR that a backup carries, set by set. A set whose rows
 * name its files lists them from the snapshot (so the backup holds exactly the
 * files of the rows it holds, with the SHA-256 the row recorded, if any); a set
 * no row names (the PKI) is copied whole. A feature that keeps files under
 * DATA_DIR adds its set here — the backup reports any file of a set that no
 * row names, and any other entry of DATA_DIR, as not included.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { filesRoot } from '../statements/files.js';
import { originalPath, resultPath, uploadsDir } from '../uploads/storage.js';
import { DEMO_PKI_DIR } from '../identity/trust.js';
import { checkpointsDir } from '../audit/checkpoints.js';
import { fileStore, storeRoot, type FileStore, type StoreArea } from '../../platform/files/index.js';

/** A file named by a row: its path relative to the set's directory, and the SHA-256 the row keeps, if any. */
export interface FileRef {
  path: string;
  sha256?: string;
}

export type Query = <R>(text: string) => Promise<R[]>;

export interface FileSet {
  name: string;
  dir(ctx: AppContext): string;
  /**
   * The file store area the set lives in (platform/files). With object storage configured
   * (S3_URL) the backup reads the set's files from the bucket and a restore puts them back there;
   * in the backup they sit where they would on local disk (`data/<area>/<key>`), so a backup of
   * either kind restores into either kind.
   */
  area?: StoreArea;
  /** The table whose rows name the files (the set is skipped, and reported, when it does not exist). */
  table?: string;
  /** The files the rows of the snapshot name; absent: every file of the directory. */
  referenced?(query: Query, ctx: AppContext): Promise<FileRef[]>;
}

const rel = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');

export const FILE_SETS: readonly FileSet[] = [
  {
    name: 'statements',
    dir: (ctx) => filesRoot(ctx),
    area: 'files',
    table: 'statement_files',
    referenced: async (query) =>
      (await query<{ path: string; sha256: string }>('select path, sha256 from statement_files order by path')).map((r) => ({ path: r.path, sha256: r.sha256 })),
  },
  {
    name: 'uploads',
    dir: (ctx) => uploadsDir(ctx.config),
    area: 'uploads',
    table: 'uploads',
    referenced: async (query, ctx) => {
      const root = uploadsDir(ctx.config);
      const rows = await query<{ id: string; sha256: string; result_ready: boolean }>('select id::text, sha256, result_ready from uploads order by id');
      return rows.flatMap((r) => [
        { path: rel(root, originalPath(ctx.config, r.id)), sha256: r.sha256 },
        ...(r.result_ready ? [{ path: rel(root, resultPath(ctx.config, r.id)) }] : []),
      ]);
    },
  },
  {
    name: 'audit-checkpoints',
    dir: (ctx) => checkpointsDir(ctx.config),
    table: 'audit_checkpoints',
    referenced: async (query) =>
      (await query<{ file: string; sha256: string }>('select file, sha256 from audit_checkpoints order by seq')).flatMap((r) => [
        { path: r.file, sha256: r.sha256 },
        { path: `${r.file}.sig` },
      ]),
  },
  {
    // The file store (src/platform/files): documents of permit applications and their messages, signed permit PDFs, reports' files and PDFs, acts of services.
    name: 'store',
    dir: (ctx) => storeRoot(ctx.config),
    area: 'store',
    table: 'permit_application_files',
    referenced: async (query) => [
      ...(await query<{ storage_key: string; sha256: string }>('select storage_key, sha256 from permit_application_files order by storage_key')).map((r) => ({
        path: r.storage_key,
        sha256: r.sha256,
      })),
      ...(await query<{ pdf_key: string; sig_key: string; pdf_sha256: string }>('select pdf_key, sig_key, pdf_sha256 from permit_versions where pdf_key is not null order by pdf_key')).flatMap(
        (r) => [{ path: r.pdf_key, sha256: r.pdf_sha256 }, { path: r.sig_key }],
      ),
      // Reports: supporting files and the signed PDF of each filed version.
      ...(await query<{ storage_key: string; sha256: string }>('select storage_key, sha256 from report_files order by storage_key')).map((r) => ({
        path: r.storage_key,
        sha256: r.sha256,
      })),
      ...(await query<{ pdf_key: string; sig_key: string; pdf_sha256: string }>('select pdf_key, sig_key, pdf_sha256 from report_versions where pdf_key is not null order by pdf_key')).flatMap(
        (r) => [{ path: r.pdf_key, sha256: r.pdf_sha256 }, { path: r.sig_key }],
      ),
      // Acts of services (money): PDF and XLSX with their signatures.
      ...(await query<{ pdf_key: string; pdf_sig_key: string; pdf_sha256: string; xlsx_key: string; xlsx_sig_key: string; xlsx_sha256: string }>(
        `select pdf_key, pdf_sig_key, pdf_sha256, xlsx_key, xlsx_sig_key, xlsx_sha256 from acts where status = 'ready' order by pdf_key`,
      )).flatMap((r) => [{ path: r.pdf_key, sha256: r.pdf_sha256 }, { path: r.pdf_sig_key }, { path: r.xlsx_key, sha256: r.xlsx_sha256 }, { path: r.xlsx_sig_key }]),
      // Owners' meetings: register import results, notices, ballots, protocols (PDF, signature, DOCX) and signed scans.
      ...(await query<{ path: string; sha256: string | null }>(
        `select result_key as path, result_sha256 as sha256 from meeting_imports where result_key is not null
         union all select notice_key, notice_sha256 from meetings where notice_key is not null
         union all select notice_sig_key, null from meetings where notice_sig_key is not null
         union all select ballots_key, ballots_sha256 from meetings where ballots_key is not null
         union all select ballots_sig_key, null from meetings where ballots_sig_key is not null
         union all select protocol_key, protocol_sha256 from meetings where protocol_key is not null
         union all select protocol_sig_key, null from meetings where protocol_sig_key is not null
         union all select protocol_docx_key, null from meetings where protocol_docx_key is not null
         union all select scan_key, scan_sha256 from meetings where scan_key is not null
         order by 1`,
      )).map((r) => (r.sha256 ? { path: r.path, sha256: r.sha256 } : { path: r.path })),
    ],
  },
  // The operator's test key and certificate, the demo CA and people's demo certificates: no row names them.
  { name: 'pki', dir: (ctx) => DEMO_PKI_DIR(ctx.config) },
];

/** The object store a set's files live in, when object storage is configured; null: the set's local directory. */
export function objectStoreOf(ctx: AppContext, set: FileSet): FileStore | null {
  return set.area && ctx.config.storage.kind === 's3' ? fileStore(ctx.config, set.area) : null;
}

/** Every key of a store, sorted. */
export async function listKeys(store: FileStore): Promise<string[]> {
  const out: string[] = [];
  for await (const o of store.list()) if (!isTemporary(o.key)) out.push(o.key);
  return out.sort();
}

/** Files a writer leaves only while writing (written aside, then renamed). */
export function isTemporary(relPath: string): boolean {
  return relPath.split('/').some((part) => part.includes('.tmp-') || part.startsWith('.tmp'));
}

/** Every file under `root` (relative, forward slashes); none when it does not exist. Symbolic links are not followed. */
export async function listFiles(root: string, prefix = ''): Promise<string[]> {
  let entries: fs.Dirent[];
  try {
    entries = await fsp.readdir(path.join(root, prefix), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}
