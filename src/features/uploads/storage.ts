/**
 * Files of uploads, in the file store's area `uploads` (platform/files: `<dataDir>/uploads/`
 * or object storage): `<id>` (the original) and `<id>.result.xlsx`. A file is received
 * into a temporary file of this machine (`<dataDir>/uploads/.tmp-…`, fsynced, hashed while
 * streaming; nothing is buffered whole), then given to the store (renamed into place, or
 * uploaded), so a crash never leaves half a file under the final name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../platform/config.js';
import { fileStore, type FileStore } from '../../platform/files/index.js';

export function uploadsDir(config: Config): string {
  return path.join(config.dataDir, 'uploads');
}
/** The store of uploads' files. */
export function uploadStore(config: Config): FileStore {
  return fileStore(config, 'uploads');
}
export const originalKey = (id: string): string => id;
export const resultKey = (id: string): string => `${id}.result.xlsx`;

export function originalPath(config: Config, id: string): string {
  return path.join(uploadsDir(config), id);
}
export function resultPath(config: Config, id: string): string {
  return path.join(uploadsDir(config), `${id}.result.xlsx`);
}
export function tempPath(config: Config): string {
  return path.join(uploadsDir(config), `.tmp-${crypto.randomUUID()}`);
}

export interface StoredTemp {
  path: string;
  size: number;
  sha256: string;
  /** The first bytes, for judging the type by content. */
  head: Buffer;
  /** The stream stopped at the size limit. */
  truncated: boolean;
}

const HEAD_BYTES = 8192;

/** A temporary file opened for a stream to be stored in it (see `storeStream`). */
export interface TempFile {
  path: string;
  fh: fsp.FileHandle;
}

/** Creates and opens a new temporary file in the uploads directory. */
export async function openTemp(config: Config): Promise<TempFile> {
  await fsp.mkdir(uploadsDir(config), { recursive: true });
  const tmp = tempPath(config);
  return { path: tmp, fh: await fsp.open(tmp, 'wx', 0o600) };
}

/**
 * Stores `source` in an open temporary file (fsynced, closed), hashing and
 * counting on the way; the pipeline is attached at once, so a source cut
 * before the promise is awaited is still seen. On failure the file is removed.
 */
export function storeStream(temp: TempFile, source: Readable, isTruncated: () => boolean): Promise<StoredTemp> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const headParts: Buffer[] = [];
  let headLen = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      if (headLen < HEAD_BYTES) {
        headParts.push(chunk.subarray(0, HEAD_BYTES - headLen));
        headLen += Math.min(chunk.length, HEAD_BYTES - headLen);
      }
      cb(null, chunk);
    },
  });
  // Writes through the file handle, which stays ours to sync and close.
  const sink = new Writable({
    highWaterMark: 1 << 20,
    writev(chunks, cb) {
      temp.fh.writev(chunks.map((c) => c.chunk as Buffer)).then(() => cb(), cb);
    },
  });
  const done = pipeline(source, tap, sink);
  return (async () => {
    try {
      await done;
      await temp.fh.sync();
    } catch (e) {
      await temp.fh.close().catch(() => {});
      await fsp.rm(temp.path, { force: true });
      throw e;
    }
    await temp.fh.close();
    return { path: temp.path, size, sha256: hash.digest('hex'), head: Buffer.concat(headParts), truncated: isTruncated() };
  })();
}

/** Free bytes on the volume of the uploads directory (Infinity when unknown). */
export async function freeBytes(config: Config): Promise<number> {
  try {
    await fsp.mkdir(uploadsDir(config), { recursive: true });
    const s = await fsp.statfs(uploadsDir(config));
    return s.bavail * s.bsize;
  } catch {
    return Infinity;
  }
}
