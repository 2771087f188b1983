/**
 * Statement files: written by the worker into temporary files under
 * `<DATA_DIR>/files/statements/<id>/` (local scratch of its machine), then
 * given to the file store's area `files` (platform/files: renamed into place on
 * local disk, uploaded to object storage) under `statements/<id>/statement.<kind>`,
 * in the transaction that marks the statement ready and writes the
 * `statement_files` rows — so any web process serves a file any worker wrote.
 *
 * `HashingFile` hashes what it writes (SHA-256 natively, Стрибог-256 in JS)
 * so that signing never reads the file again.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { once } from 'node:events';
import type { AppContext } from '../../platform/context.js';
import { fileStore, storeRoot, type FileStore } from '../../platform/files/index.js';
import { createStreebog256, createStreebog512, type StreebogHasher } from '../../platform/signing/index.js';
import type { StatementFileKind } from './tables.js';

export function filesRoot(ctx: AppContext): string {
  return storeRoot(ctx.config, 'files');
}

/** The store of statement files (keys: `statementFilePath`). */
export function statementStore(ctx: AppContext): FileStore {
  return fileStore(ctx.config, 'files');
}

/** Path of a statement file relative to the files root. */
export function statementFilePath(statementId: string, kind: StatementFileKind): string {
  return path.posix.join('statements', statementId, `statement.${kind}`);
}

export function absolutePath(ctx: AppContext, relative: string): string {
  const root = filesRoot(ctx);
  const abs = path.resolve(root, relative);
  if (!abs.startsWith(root + path.sep)) throw new Error('path escapes the files root');
  return abs;
}

/** Hashing statistics shared by the writers of one run (for the benchmark). */
export interface HashStats {
  streebogBytes: number;
  streebogMs: number;
}

/** A file being written: temporary name, SHA-256 and Стрибог-256 of its bytes, backpressure. */
export class HashingFile {
  readonly tmpPath: string;
  private readonly stream: fs.WriteStream;
  private readonly sha = crypto.createHash('sha256');
  private readonly streebog: StreebogHasher;
  bytes = 0;
  private failed: Error | null = null;

  /** `digestBits`: the Стрибог the signer's key signs (256, or 512 for a 512-bit key). */
  constructor(
    readonly finalPath: string,
    private readonly stats: HashStats,
    digestBits: 256 | 512 = 256,
  ) {
    this.streebog = digestBits === 512 ? createStreebog512() : createStreebog256();
    fs.mkdirSync(path.dirname(finalPath), { recursive: true });
    this.tmpPath = `${finalPath}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    this.stream = fs.createWriteStream(this.tmpPath, { flush: true, highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => {
      this.failed = e;
    });
  }

  write(chunk: Buffer | Uint8Array): void {
    if (this.failed) throw this.failed;
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    this.bytes += b.length;
    this.sha.update(b);
    const t = performance.now();
    this.streebog.update(b);
    this.stats.streebogMs += performance.now() - t;
    this.stats.streebogBytes += b.length;
    this.stream.write(b);
  }

  /** Resolves when the disk has caught up (call between batches). */
  async drained(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  /** Flushes and closes; returns the digests (`streebog`: of the size given to the constructor). The file keeps its temporary name until `commit`. */
  async finish(): Promise<{ bytes: number; sha256: string; streebog: Buffer }> {
    if (this.failed) throw this.failed;
    this.stream.end();
    await once(this.stream, 'close');
    if (this.failed) throw this.failed;
    return { bytes: this.bytes, sha256: this.sha.digest('hex'), streebog: this.streebog.digest() };
  }

  /** Gives the finished file to the store under `key` (a rename on local disk, an upload to object storage). */
  async commit(store: FileStore, key: string): Promise<void> {
    await store.putFile(key, this.tmpPath);
  }

  discard(): void {
    this.stream.destroy();
    fs.rmSync(this.tmpPath, { force: true });
  }
}

/** Writes a small file atomically; returns bytes and SHA-256. */
export function writeSmallFile(
  finalPath: string,
  data: Buffer,
): { tmpPath: string; bytes: number; sha256: string; commit(): void; store(store: FileStore, key: string): Promise<void>; discard(): void } {
  fs.mkdirSync(path.dirname(finalPath), { recursive: true });
  const tmpPath = `${finalPath}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(tmpPath, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return {
    tmpPath,
    bytes: data.length,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    commit: () => fs.renameSync(tmpPath, finalPath),
    store: async (store: FileStore, key: string) => {
      await store.putFile(key, tmpPath);
    },
    discard: () => fs.rmSync(tmpPath, { force: true }),
  };
}

/**
 * Removes leftovers of interrupted runs (temporary files) of a statement: those of a
 * process that is gone from this machine, or older than an hour — never a live run's.
 */
export function removeTemporaries(ctx: AppContext, statementId: string): void {
  const dir = path.join(filesRoot(ctx), 'statements', statementId);
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    const m = /\.tmp-(\d+)-/.exec(f);
    if (!m) continue;
    const file = path.join(dir, f);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && (Date.now() - stat.mtimeMs > 3_600_000 || !processAlive(Number(m[1])))) fs.rmSync(file, { force: true });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
