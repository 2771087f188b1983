/**
 * The file store: files kept by key, written atomically.
 *
 * `put` streams a source into a temporary file beside the final one, hashing
 * (SHA-256) and counting on the way, fsyncs it, renames it into place and
 * fsyncs the directory — so a crash leaves either the whole file under its
 * key or nothing; a reader never sees half a file. A size limit stops the
 * stream and removes the temporary file. `get` streams a file back.
 *
 * One interface (`FileStore`), two backends: the local directory
 * `<DATA_DIR>/<area>` (every process of a deployment on one machine, or a
 * shared volume) and S3-compatible object storage (s3.ts: a put is one
 * PutObject, or a multipart upload completed only when every part is in —
 * never a partial object). The backup carries the files by the rows that
 * name them, from either backend (see FILE_SETS).
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
  /** Where the files are: the local directory, or S3-compatible object storage. */
  readonly kind: 'local' | 's3';
  /** Writes `source` under `key` (replacing nothing: an existing key is an error); hashed while streaming. */
  put(key: string, source: Readable | Buffer, opts?: { maxBytes?: number }): Promise<StoredFile>;
  /**
   * Moves a finished local file (a temporary file of this machine) under `key`, replacing what is
   * there: a rename on local disk, an upload (multipart when large) to object storage, after
   * which the local file is removed. `keep`: copy, leave the local file.
   */
  putFile(key: string, localFile: string, opts?: { keep?: boolean }): Promise<{ bytes: number; sha256: string }>;
  /** A stream of the file (or of bytes `range.start`..`range.end`, inclusive), with its size; null when there is no such file. */
  get(key: string, range?: ByteRange): Promise<OpenedFile | null>;
  /** Size of the file, or null. */
  stat(key: string): Promise<{ bytes: number } | null>;
  exists(key: string): Promise<boolean>;
  /**
   * A local path to read the file from (for checks that need random access, e.g. a ZIP's directory):
   * the file itself on local disk, a temporary copy with object storage; `release` removes the copy.
   * Null when there is no such file.
   */
  localCopy(key: string): Promise<{ path: string; release(): Promise<void> } | null>;
  delete(key: string): Promise<void>;
  /** Every key under `prefix` ('' = all), in no particular order; temporary files left out. */
  list(prefix?: string): AsyncIterable<{ key: string; bytes: number }>;
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export interface OpenedFile {
  stream: Readable;
  /** Bytes in `stream` (the range's length when a range was asked). */
  bytes: number;
  /** The whole file's size. */
  total: number;
}

/**
 * The file store cannot be reached (object storage down, refusing, timing out). Requests answer
 * 503 (nothing was recorded: a file's row is committed only after the file is stored), and the
 * job queue retries a job that met it without counting it as the job's failure.
 */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

export function isStorageUnavailable(e: unknown): boolean {
  for (let x: unknown = e, i = 0; x && typeof x === 'object' && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    if (x instanceof StorageUnavailableError) return true;
  }
  return false;
}

/** Opens a file's content with a local path and gives it to `use`; the copy (object storage) is removed afterwards. */
export async function withLocalCopy<T>(store: FileStore, key: string, use: (path: string) => Promise<T>): Promise<T> {
  const copy = await store.localCopy(key);
  if (!copy) throw new Error(`file ${key} is not in the store`);
  try {
    return await use(copy.path);
  } finally {
    await copy.release();
  }
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

/** Flushes a written file to the disk. */
export async function fsyncFile(file: string): Promise<void> {
  const fh = await fsp.open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** SHA-256 and size of a local file. */
export async function hashLocal(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Flushes a directory (the names renamed or made in it) to the disk. */
export async function fsyncDir(dir: string): Promise<void> {
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
    kind: 'local',

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

    async get(key, range) {
      const p = abs(key);
      try {
        const st = await fsp.stat(p);
        if (range) {
          const end = Math.min(range.end, st.size - 1);
          return { stream: fs.createReadStream(p, { start: range.start, end }), bytes: Math.max(0, end - range.start + 1), total: st.size };
        }
        return { stream: fs.createReadStream(p), bytes: st.size, total: st.size };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },

    async putFile(key, localFile, opts = {}) {
      const final = abs(key);
      await fsp.mkdir(path.dirname(final), { recursive: true });
      const h = await hashLocal(localFile);
      if (opts.keep) {
        const tmp = `${final}.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
        await fsp.copyFile(localFile, tmp);
        await fsyncFile(tmp);
        await fsp.rename(tmp, final);
      } else {
        await fsyncFile(localFile);
        try {
          await fsp.rename(localFile, final);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
          // another file system: copy beside the final name, then rename
          const tmp = `${final}.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
          await fsp.copyFile(localFile, tmp);
          await fsyncFile(tmp);
          await fsp.rename(tmp, final);
          await fsp.rm(localFile, { force: true });
        }
      }
      await fsyncDir(path.dirname(final));
      return h;
    },

    async exists(key) {
      return fs.existsSync(abs(key));
    },

    async localCopy(key) {
      const p = abs(key);
      if (!fs.existsSync(p)) return null;
      return { path: p, release: async () => {} };
    },

    async *list(prefix = '') {
      const base = path.resolve(root);
      async function* walk(dir: string): AsyncGenerator<{ key: string; bytes: number }> {
        let entries: fs.Dirent[];
        try {
          entries = await fsp.readdir(dir, { withFileTypes: true });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw e;
        }
        for (const e of entries) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) yield* walk(p);
          else if (e.isFile() && !e.name.includes('.tmp-') && !e.name.startsWith('.tmp')) {
            const key = path.relative(base, p).split(path.sep).join('/');
            if (key.startsWith(prefix)) yield { key, bytes: (await fsp.stat(p)).size };
          }
        }
      }
      yield* walk(base);
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

