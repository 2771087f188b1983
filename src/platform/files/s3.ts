/**
 * The file store on S3-compatible object storage (AWS S3, MinIO, Ceph RGW,
 * Yandex Object Storage…), by `@aws-sdk/client-s3`.
 *
 * A write is streamed: hashed (SHA-256) and counted on the way, sent as one
 * PutObject when it fits in a part, otherwise as a multipart upload of
 * PART_BYTES parts (memory stays at one part), completed only when the last
 * part is in — an interrupted or refused write is aborted and leaves no object,
 * and a reader never sees half a file (S3 makes an object visible whole).
 *
 * Any failure to reach the storage (refused connection, timeout, 5xx, a
 * missing bucket or refused credentials) is a `StorageUnavailableError`: a
 * request answers 503, the job queue retries the job later.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { StorageConfig } from '../config.js';
import { checkKey, FileExistsError, FileTooLargeError, StorageUnavailableError, type FileStore, type StoredFile } from './store.js';

/** Size of a multipart upload's part (S3's minimum is 5 MiB, except for the last). */
export const PART_BYTES = 8 * 1024 * 1024;
const HEAD_BYTES = 8192;

type S3Storage = Extract<StorageConfig, { kind: 's3' }>;

const clients = new Map<string, S3Client>();

/** The SDK, loaded only by a deployment that uses object storage (it is large, and warns on old Node versions). */
type Sdk = typeof import('@aws-sdk/client-s3');
let sdkLoaded: Promise<Sdk> | null = null;
const loadSdk = (): Promise<Sdk> => (sdkLoaded ??= import('@aws-sdk/client-s3'));

async function clientOf(c: S3Storage): Promise<{ client: S3Client; sdk: Sdk }> {
  const sdk = await loadSdk();
  const id = `${c.endpoint ?? ''}|${c.region}|${c.credentials?.accessKeyId ?? ''}|${c.forcePathStyle}`;
  let client = clients.get(id);
  if (!client) {
    client = new sdk.S3Client({
      region: c.region,
      ...(c.endpoint ? { endpoint: c.endpoint } : {}),
      forcePathStyle: c.forcePathStyle,
      ...(c.credentials ? { credentials: c.credentials } : {}),
      // Plain requests that every S3-compatible server understands.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
    });
    clients.set(id, client);
  }
  return { client, sdk };
}

function statusOf(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isNotFound(e: unknown): boolean {
  const name = (e as { name?: string }).name;
  return name === 'NoSuchKey' || name === 'NotFound' || (statusOf(e) === 404 && name !== 'NoSuchBucket');
}

/** Runs one request; every failure but "no such key" becomes StorageUnavailableError. */
async function send<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isNotFound(e)) throw e;
    const err = e as { name?: string; code?: string; message?: string };
    throw new StorageUnavailableError(`object storage: ${what}: ${err.name ?? ''} ${err.code ?? ''} ${err.message ?? String(e)}`.replace(/\s+/g, ' '), { cause: e });
  }
}

export function s3FileStore(c: S3Storage, prefix: string): FileStore {
  const Bucket = c.bucket;
  const objectKey = (key: string) => `${prefix}${checkKey(key)}`;
  /** Sends one command, made from the SDK once it is loaded. */
  const call = async <T>(make: (sdk: Sdk) => unknown): Promise<T> => {
    const { client, sdk } = await clientOf(c);
    return (await client.send(make(sdk) as never)) as T;
  };

  async function head(key: string): Promise<{ bytes: number } | null> {
    try {
      const r = await send('head', () => call<any>((s) => new s.HeadObjectCommand({ Bucket, Key: objectKey(key) })));
      return { bytes: Number(r.ContentLength ?? 0) };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  /** Streams `input` to `Key`, hashing and counting; aborts (no object) on any failure. */
  async function upload(Key: string, input: Readable, max: number): Promise<StoredFile & { key: string }> {
    const hash = crypto.createHash('sha256');
    const headParts: Buffer[] = [];
    let headLen = 0;
    let bytes = 0;
    let part: Buffer[] = [];
    let partLen = 0;
    let uploadId: string | null = null;
    const parts: { ETag: string; PartNumber: number }[] = [];

    const flushPart = async () => {
      if (!uploadId) {
        const r = await send('create multipart upload', () => call<any>((s) => new s.CreateMultipartUploadCommand({ Bucket, Key })));
        uploadId = r.UploadId!;
      }
      const body = Buffer.concat(part, partLen);
      part = [];
      partLen = 0;
      const PartNumber = parts.length + 1;
      const id: string = uploadId!;
      const r = await send('upload part', () => call<any>((s) => new s.UploadPartCommand({ Bucket, Key, UploadId: id, PartNumber, Body: body, ContentLength: body.length })));
      parts.push({ ETag: r.ETag!, PartNumber });
    };

    const sink = new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        if (bytes > max) return cb(new FileTooLargeError(max));
        hash.update(chunk);
        if (headLen < HEAD_BYTES) {
          const h = chunk.subarray(0, HEAD_BYTES - headLen);
          headParts.push(h);
          headLen += h.length;
        }
        part.push(chunk);
        partLen += chunk.length;
        if (partLen >= PART_BYTES) flushPart().then(() => cb(), cb);
        else cb();
      },
    });
    try {
      await pipeline(input, sink);
      if (uploadId === null) {
        const body = Buffer.concat(part, partLen);
        await send('put', () => call<any>((s) => new s.PutObjectCommand({ Bucket, Key, Body: body, ContentLength: body.length })));
      } else {
        if (partLen > 0) await flushPart();
        const id: string = uploadId;
        await send('complete multipart upload', () =>
          call<any>((s) => new s.CompleteMultipartUploadCommand({ Bucket, Key, UploadId: id, MultipartUpload: { Parts: parts } })),
        );
      }
    } catch (e) {
      if (uploadId !== null) {
        const id: string = uploadId;
        await call<any>((s) => new s.AbortMultipartUploadCommand({ Bucket, Key, UploadId: id })).catch(() => {});
      }
      throw e;
    }
    return { key: Key, bytes, sha256: hash.digest('hex'), head: Buffer.concat(headParts) };
  }

  return {
    kind: 's3',

    async put(key, source, opts = {}) {
      const Key = objectKey(key);
      try {
        if (await head(key)) throw new FileExistsError(key);
        const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
        const stored = await upload(Key, input, opts.maxBytes ?? Infinity);
        return { ...stored, key };
      } catch (e) {
        // A stream cut at a limit upstream (e.g. multipart's fileSize) keeps flowing: drain it.
        if (!Buffer.isBuffer(source)) source.resume();
        throw e;
      }
    },

    async putFile(key, localFile, opts = {}) {
      const stored = await upload(objectKey(key), fs.createReadStream(localFile), Infinity);
      if (!opts.keep) await fsp.rm(localFile, { force: true });
      return { bytes: stored.bytes, sha256: stored.sha256 };
    },

    async get(key, range) {
      try {
        const r = await send('get', () =>
          call<any>((s) => new s.GetObjectCommand({ Bucket, Key: objectKey(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) })),
        );
        const bytes = Number(r.ContentLength ?? 0);
        const total = range && r.ContentRange ? Number(/\/(\d+)$/.exec(r.ContentRange)?.[1] ?? bytes) : bytes;
        return { stream: r.Body as Readable, bytes, total };
      } catch (e) {
        if (isNotFound(e)) return null;
        // A range past the end (416): an empty read.
        if (range && statusOf((e as { cause?: unknown }).cause) === 416) return { stream: Readable.from([]), bytes: 0, total: (await head(key))?.bytes ?? 0 };
        throw e;
      }
    },

    stat: head,

    async exists(key) {
      return (await head(key)) !== null;
    },

    async localCopy(key) {
      const opened = await this.get(key);
      if (!opened) return null;
      const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ossig-s3-'));
      const file = path.join(dir, path.basename(key));
      const release = () => fsp.rm(dir, { recursive: true, force: true });
      try {
        await pipeline(opened.stream, fs.createWriteStream(file, { mode: 0o600 }));
      } catch (e) {
        await release();
        throw new StorageUnavailableError(`object storage: reading ${key} was cut off`, { cause: e });
      }
      return { path: file, release };
    },

    async delete(key) {
      await send('delete', () => call<any>((s) => new s.DeleteObjectCommand({ Bucket, Key: objectKey(key) })));
    },

    async *list(sub = '') {
      let ContinuationToken: string | undefined;
      do {
        const token = ContinuationToken;
        const r = await send('list', () => call<any>((s) => new s.ListObjectsV2Command({ Bucket, Prefix: `${prefix}${sub}`, ContinuationToken: token })));
        for (const o of r.Contents ?? []) {
          if (!o.Key) continue;
          yield { key: o.Key.slice(prefix.length), bytes: Number(o.Size ?? 0) };
        }
        ContinuationToken = r.IsTruncated ? r.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}

/** Stops the clients' sockets (tests, CLI commands that end). */
export function closeS3Clients(): void {
  for (const c of clients.values()) c.destroy();
  clients.clear();
}
