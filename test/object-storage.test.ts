/**
 * Files in S3-compatible object storage (S3_URL), against a real S3 server
 * process (s3rver, test/helpers/s3.ts): the store itself (streamed writes,
 * multipart, ranges, nothing partial), then the key paths of statements and
 * uploads through HTTP, an outage of the storage (503, nothing lost, the job
 * retried later), and a backup that carries the bucket's objects.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/db.js';
import { buildTestApp, signedIn, type Client } from './helpers/http.js';
import { startS3, type S3Server } from './helpers/s3.js';
import { demoCarrier, multipart, tripsXlsx, validRows } from './helpers/upload-files.js';
import type { App } from '../src/platform/http/server.js';
import { fileStore, FileExistsError, FileTooLargeError, PART_BYTES, isStorageUnavailable, withLocalCopy } from '../src/platform/files/index.js';
import { runJobsOnce } from '../src/platform/jobs/index.js';
import { seedDemo } from '../src/features/demo/seed.js';
import { JOBS } from '../src/features/index.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../src/domain/period.js';
import { createBackup } from '../src/features/backup/backup.js';

let s3: S3Server;
let ctx: TestContext;
let app: App;
let producer: Client;
let carrier: Client;
const TODAY = moscowDate(new Date());
const D = (n: number) => formatIsoDate(addDays((parseIsoDate(TODAY) as { value: any }).value, -n));
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  s3 = await startS3();
  ctx = await createTestContext({}, s3.env);
  expect(ctx.config.storage).toMatchObject({ kind: 's3', bucket: s3.bucket, prefix: 'ossig/', endpoint: s3.endpoint, forcePathStyle: true });
  await seedDemo(ctx, { trips: 60, days: 40 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  carrier = await signedIn(app, 'carrier@ossig.test');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await ctx?.close();
  await s3?.close();
});

async function raw(client: Client, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: (client as unknown as { cookie: string }).cookie, ...headers } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload, text: res.body };
}

/** A stream of `total` random bytes in 1 MiB chunks that fails after `failAt` bytes, if given. */
function source(data: Buffer, failAt?: number): Readable {
  let off = 0;
  return new Readable({
    read() {
      if (failAt !== undefined && off >= failAt) return this.destroy(new Error('client went away'));
      if (off >= data.length) return this.push(null);
      this.push(data.subarray(off, off + (1 << 20)));
      off += 1 << 20;
    },
  });
}

describe('the S3 file store', () => {
  it('writes, reads (whole and by range), lists and deletes; a large file goes in parts and hashes the same', async () => {
    const store = fileStore(ctx.config, 'store');
    expect(store.kind).toBe('s3');
    const small = crypto.randomBytes(5000);
    const s = await store.put('t/small.bin', small);
    expect(s).toMatchObject({ key: 't/small.bin', bytes: 5000, sha256: sha256(small) });
    expect(s.head).toEqual(small.subarray(0, 5000));
    await expect(store.put('t/small.bin', small)).rejects.toBeInstanceOf(FileExistsError);
    expect(s3.objectKeys()).toContain('ossig/store/t/small.bin');

    const big = crypto.randomBytes(PART_BYTES * 2 + 12345);
    const b = await store.put('t/big.bin', source(big));
    expect(b).toMatchObject({ bytes: big.length, sha256: sha256(big) });
    const back = await store.get('t/big.bin');
    const chunks: Buffer[] = [];
    for await (const c of back!.stream) chunks.push(c as Buffer);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(big));
    const part = await store.get('t/big.bin', { start: PART_BYTES - 10, end: PART_BYTES + 9 });
    expect(part).toMatchObject({ bytes: 20, total: big.length });
    const got: Buffer[] = [];
    for await (const c of part!.stream) got.push(c as Buffer);
    expect(Buffer.concat(got)).toEqual(big.subarray(PART_BYTES - 10, PART_BYTES + 10));

    expect(await store.stat('t/big.bin')).toEqual({ bytes: big.length });
    expect(await store.exists('t/none')).toBe(false);
    expect(await store.get('t/none')).toBeNull();
    expect(await withLocalCopy(store, 't/small.bin', async (p) => sha256(await fsp.readFile(p)))).toBe(sha256(small));
    const keys: string[] = [];
    for await (const o of store.list('t/')) keys.push(o.key);
    expect(keys.sort()).toEqual(['t/big.bin', 't/small.bin']);
    await store.delete('t/big.bin');
    await store.delete('t/small.bin');
    expect(await store.exists('t/big.bin')).toBe(false);
  });

  it('leaves no object, partial or whole, when a write fails: the source cut, or the size limit passed', async () => {
    const store = fileStore(ctx.config, 'store');
    const data = crypto.randomBytes(PART_BYTES * 2 + 1);
    await expect(store.put('t/cut.bin', source(data, PART_BYTES + (3 << 20)))).rejects.toThrow('client went away');
    await expect(store.put('t/cut-early.bin', source(data, 2 << 20))).rejects.toThrow('client went away');
    await expect(store.put('t/limit.bin', source(data), { maxBytes: PART_BYTES + 100 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(s3.objectKeys().filter((k) => k.startsWith('ossig/store/t/'))).toEqual([]);
    expect(await store.exists('t/cut.bin')).toBe(false);
    expect(await store.exists('t/limit.bin')).toBe(false);
  });
});

async function orderStatement(): Promise<string> {
  const site = await ctx.db
    .selectFrom('trips as t')
    .innerJoin('sites as s', 's.id', 't.site_id')
    .innerJoin('organizations as o', 'o.id', 's.producer_id')
    .innerJoin('memberships as m', 'm.organization_id', 'o.id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .where('p.email', '=', 'producer@ossig.test')
    .select(['t.site_id', 't.permit_id'])
    .groupBy(['t.site_id', 't.permit_id'])
    .orderBy(sql`count(*)`, 'desc')
    .executeTakeFirstOrThrow();
  const res = await producer.post('/api/statements', { siteId: site.site_id, from: D(60), to: TODAY, permitIds: [site.permit_id] });
  expect(res.status, res.text).toBe(202);
  return res.body.id as string;
}

describe('statements and uploads in object storage, through HTTP', () => {
  it('a statement is written to the bucket, not to DATA_DIR, and downloads whole and by range', async () => {
    const id = await orderStatement();
    await runJobsOnce(ctx, JOBS);
    const st = await producer.get(`/api/statements/${id}`);
    expect(st.body.status, st.text).toBe('ready');
    const files = await ctx.db.selectFrom('statement_files').select(['kind', 'path', 'sha256', 'bytes']).where('statement_id', '=', id).execute();
    expect(files.map((f) => f.kind).sort()).toEqual(['pdf', 'pdf.sig', 'xlsx', 'xlsx.sig']);
    for (const f of files) expect(s3.objectKeys()).toContain(`ossig/files/${f.path}`);
    // Only temporary files of the worker ever touch the local directory; none is left.
    const local = fs.existsSync(path.join(ctx.config.dataDir, 'files')) ? (await fsp.readdir(path.join(ctx.config.dataDir, 'files'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()) : [];
    expect(local).toEqual([]);

    const pdf = files.find((f) => f.kind === 'pdf')!;
    const whole = await raw(producer, `/api/statements/${id}/files/pdf`);
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(String(whole.headers['content-disposition'])).toContain("filename*=UTF-8''");
    expect(sha256(whole.body)).toBe(pdf.sha256);
    expect(whole.body.subarray(0, 5).toString()).toBe('%PDF-');
    const ranged = await raw(producer, `/api/statements/${id}/files/pdf`, { range: 'bytes=100-199' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 100-199/${pdf.bytes}`);
    expect(ranged.body).toEqual(whole.body.subarray(100, 200));
    const tail = await raw(producer, `/api/statements/${id}/files/pdf`, { range: 'bytes=-10' });
    expect(tail.body).toEqual(whole.body.subarray(whole.body.length - 10));
  });

  it('an upload is kept in the bucket, processed from it, and its original and result download through HTTP', async () => {
    const d = await demoCarrier(ctx);
    const book = await tripsXlsx(validRows(d, new Date(), 5, { idPrefix: 's3a' }));
    const m = multipart('рейсы.xlsx', book);
    const res = await carrier.request('POST', '/api/uploads', m.body, { 'content-type': m.contentType });
    expect(res.status, res.text).toBe(202);
    const id = res.body.id as string;
    expect(s3.objectKeys()).toContain(`ossig/uploads/${id}`);
    await runJobsOnce(ctx, JOBS);
    const u = await carrier.get(`/api/uploads/${id}`);
    expect(u.body.status, u.text).toBe('done');
    expect(s3.objectKeys()).toContain(`ossig/uploads/${id}.result.xlsx`);
    const original = await raw(carrier, `/api/uploads/${id}/original`);
    expect(original.status).toBe(200);
    expect(original.body).toEqual(book);
    const result = await raw(carrier, `/api/uploads/${id}/result`);
    expect(result.status).toBe(200);
    expect(result.body.subarray(0, 2).toString()).toBe('PK');
    // Nothing but temporaries ever was in the local uploads directory.
    const local = fs.existsSync(path.join(ctx.config.dataDir, 'uploads')) ? (await fsp.readdir(path.join(ctx.config.dataDir, 'uploads'))).filter((n) => !n.startsWith('.tmp')) : [];
    expect(local).toEqual([]);
  });

  it('a backup carries the objects of the bucket the rows name', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-s3-backup-')), 'copy');
    try {
      const m = await createBackup(ctx, dir, {});
      const statementFiles = await ctx.db.selectFrom('statement_files').select(['path', 'sha256']).execute();
      expect(statementFiles.length).toBeGreaterThan(0);
      for (const f of statementFiles) {
        const part = m.files.find((p) => p.path === `files/${f.path}`);
        expect(part, f.path).toBeDefined();
        expect(part!.sha256).toBe(f.sha256);
        expect(sha256(fs.readFileSync(path.join(dir, part!.file)))).toBe(f.sha256);
      }
      const uploads = await ctx.db.selectFrom('uploads').select(['id', 'sha256']).execute();
      for (const u of uploads) expect(m.files.find((p) => p.path === `uploads/${u.id}`)?.sha256).toBe(u.sha256);
      expect(m.missingFiles).toEqual([]);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe('an outage of the object storage', () => {
  it('answers 503 with a clear problem, records nothing, and a statement job waits and is retried later', async () => {
    const d = await demoCarrier(ctx);
    const book = await tripsXlsx(validRows(d, new Date(), 3, { idPrefix: 's3out' }));
    const uploadsBefore = await ctx.db.selectFrom('uploads').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const id = await orderStatement();
    await s3.stop();
    try {
      const m = multipart('во время сбоя.xlsx', book);
      const res = await carrier.request('POST', '/api/uploads', m.body, { 'content-type': m.contentType });
      expect(res.status, res.text).toBe(503);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'unavailable' });
      expect(res.body.detail).toContain('Хранилище файлов временно недоступно');
      expect(res.headers['retry-after']).toBeDefined();
      const uploadsAfter = await ctx.db.selectFrom('uploads').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      expect(uploadsAfter.n).toBe(uploadsBefore.n);

      // The statement's job meets the outage: not failed, not counted, queued for later.
      await runJobsOnce(ctx, JOBS);
      const job = (await sql<{ status: string; attempts: number; last_error: string }>`select status, attempts, last_error from jobs where key = ${`statement:${id}`}`.execute(ctx.db)).rows[0];
      expect(job.status).toBe('queued');
      expect(job.attempts).toBe(0);
      expect(isStorageUnavailable).toBeTypeOf('function');
      expect(job.last_error).toContain('object storage');
      const st = await producer.get(`/api/statements/${id}`);
      expect(st.body.status).not.toBe('failed');
    } finally {
      await s3.start();
    }
    // Back: the same upload goes through, the job runs at its time and finishes once.
    const again = multipart('во время сбоя.xlsx', book);
    const res = await carrier.request('POST', '/api/uploads', again.body, { 'content-type': again.contentType });
    expect(res.status, res.text).toBe(202);
    await sql`update jobs set run_at = now() where key = ${`statement:${id}`}`.execute(ctx.db);
    await runJobsOnce(ctx, JOBS);
    expect((await producer.get(`/api/statements/${id}`)).body.status).toBe('ready');
    const pdf = await raw(producer, `/api/statements/${id}/files/pdf`);
    expect(pdf.status).toBe(200);
    const row = await ctx.db.selectFrom('statement_files').select('sha256').where('statement_id', '=', id).where('kind', '=', 'pdf').executeTakeFirstOrThrow();
    expect(sha256(pdf.body)).toBe(row.sha256);
  });
});
