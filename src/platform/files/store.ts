/**
 * The file store: files kept by key, written atomically.
 *
 * `put` streams a source into a temporary file beside the final one, hashing
 * (SHA-256) and counting on the way, fsyncs it, renames it into place and
 * fsyncs the directory — so a crash leaves either the whole file under its
 * key or nothing; a reader never sees half a file. A size limit stops the
 * stream and removes the temporary file. `get` streams a file back.
 *
 * One interface (`FileStore`), one backend today (the local directory
 * `<DATA_DIR>/store`, which every process of a deployment shares; the
 * backup carries its files by the rows that name them, see FILE_SETS); an S3
 * backend can implement the same interface later.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  key: string;
  bytes: number;
  sha256: string;
  /** The first bytes (up to 8 KiB), for judging the type by content. */
  head: Buffer;
}

export interface FileStore {
  /** Writes `source` under `key` (replacing nothing: an existing key is an error). */
  put(key: string, source: Readable | Buffer, opts?: { maxBytes?: number }): Promise<StoredFile>;
  /** A stream of the file, with its size; null when there is no such file. */
  get(key: string): Promise<{ stream: Readable; bytes: number } | null>;
  /** Size of the file, or null. */
  stat(key: string): Promise<{ bytes: number } | null>;
  /** A local path to read the file from (for checks that need random access, e.g. a ZIP's directory). */
  localPath(key: string): string;
  delete(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class FileExistsError extends Error {
  constructor(readonly key: string) {
    super(`file ${key} already exists`);
    this.name = 'FileExistsError';
  }
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;
const HEAD_BYTES = 8192;

/** Keys are relative paths of safe segments: letters, digits, `.`, `_`, `-` (no `..`, no leading dot). */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s.startsWith('.')) || key.length > 500) throw new Error(`bad file key «${key}»`);
  return key;
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } catch {
    // some file systems refuse fsync on a directory; the rename is still atomic
  } finally {
    await fh.close();
  }
}

/** The local-directory store under `root`. */
export function localFileStore(root: string): FileStore {
  const abs = (key: string) => {
    const p = path.resolve(root, checkKey(key));
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error('file key escapes the store');
    return p;
  };
  return {
    localPath: abs,

    async put(key, source, opts = {}) {
      const final = abs(key);
      await fsp.mkdir(path.dirname(final), { recursive: true });
      if (fs.existsSync(final)) throw new FileExistsError(key);
      const tmp = `${final}.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
      const hash = crypto.createHash('sha256');
      const headParts: Buffer[] = [];
      let headLen = 0;
      let bytes = 0;
      const max = opts.maxBytes ?? Infinity;
      const tap = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          bytes += chunk.length;
          if (bytes > max) return cb(new FileTooLargeError(max));
          hash.update(chunk);
          if (headLen < HEAD_BYTES) {
            const part = chunk.subarray(0, HEAD_BYTES - headLen);
            headParts.push(part);
            headLen += part.length;
          }
          cb(null, chunk);
        },
      });
      const fh = await fsp.open(tmp, 'wx', 0o600);
      try {
        const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
        await pipeline(input, tap, fs.createWriteStream('', { fd: fh.fd, autoClose: false }));
        await fh.sync();
        await fh.close();
      } catch (e) {
        await fh.close().catch(() => {});
        await fsp.rm(tmp, { force: true });
        // A stream cut at a limit upstream (e.g. multipart's fileSize) keeps flowing: drain it.
        if (!Buffer.isBuffer(source)) source.resume();
        throw e;
      }
      try {
        await fsp.rename(tmp, final);
      } catch (e) {
        await fsp.rm(tmp, { force: true });
        throw e;
      }
      await fsyncDir(path.dirname(final));
      return { key, bytes, sha256: hash.digest('hex'), head: Buffer.concat(headParts) };
    },

    async get(key) {
      const p = abs(key);
      try {
        const st = await fsp.stat(p);
        return { stream: fs.createReadStream(p), bytes: st.size };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },

    async stat(key) {
      try {
        return { bytes: (await fsp.stat(abs(key))).size };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },

    async delete(key) {
      await fsp.rm(abs(key), { force: true });
    },
  };
}

const stores = new Map<string, FileStore>();

/** The directory of the deployment's store. */
export function storeRoot(config: { dataDir: string }): string {
  return path.join(config.dataDir, 'store');
}

/** The deployment's store: `<DATA_DIR>/store` (shared by every process). */
export function fileStore(config: { dataDir: string }): FileStore {
  const root = storeRoot(config);
  let s = stores.get(root);
  if (!s) {
    s = localFileStore(root);
    stores.set(root, s);
  }
  return s;
}
