/**
 * The upload gate against a real listening server and raw sockets: every slot
 * comes back — a body that stops sending (408 after the idle time), a socket
 * destroyed mid-body, too many fields, files or too large a field (413 naming
 * the limit) — and the next upload is accepted. The same for receipts.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { uploadGate } from './gate.js';
import { MAX_FIELDS } from './receive-file.js';
import { demoCarrier, multipart, tripsCsv, validRows, type DemoCarrier } from '../../../test/helpers/upload-files.js';
import { RECEIPT_HEADERS } from '../receipts/upload-receipts.js';

let ctx: TestContext;
let app: App;
let carrier: Client;
let facility: Client;
let d: DemoCarrier;
let port: number;
const BOUNDARY = 'gateTestBoundary';

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-gate-'));
  ctx = await createTestContext({ dataDir, uploadIdleTimeoutSeconds: 1 });
  await seedDemo(ctx, { trips: 30 });
  app = await buildTestApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
  carrier = await signedIn(app, 'carrier@ossig.test');
  facility = await signedIn(app, 'facility@ossig.test');
  d = await demoCarrier(ctx);
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(ctx.config.dataDir, { recursive: true, force: true });
  await ctx?.close();
});

const inFlight = () => uploadGate.slots.inFlight();
const cookieOf = (c: Client) => (c as unknown as { cookie: string }).cookie;

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Opens a socket, sends the request head and `parts`; the response is what the server sends until it closes. */
function rawRequest(url: string, client: Client, contentLength: number, parts: Array<string | Buffer>) {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (b) => chunks.push(b));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(
    `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookieOf(client)}\r\n` +
      `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${contentLength}\r\n\r\n`,
  );
  for (const p of parts) socket.write(p);
  const response = closed.then((): RawResponse => {
    const text = Buffer.concat(chunks).toString('utf8');
    const [head, ...rest] = text.split('\r\n\r\n');
    const [statusLine, ...lines] = head.split('\r\n');
    const headers: Record<string, string> = {};
    for (const l of lines) {
      const i = l.indexOf(':');
      headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
    }
    return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n') };
  });
  return { socket, response };
}

const filePart = (name: string, field = 'file') =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
const fieldPart = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const closing = `\r\n--${BOUNDARY}--\r\n`;

/** Waits until `cond()` holds (the server works asynchronously); fails after 10 s. */
async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never happened: ${what}`);
}

const tempFiles = () => {
  const dir = path.join(ctx.config.dataDir, 'uploads');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith('.tmp')) : [];
};

let minute = 0;
/** A real upload through inject: the gate takes new uploads again. */
async function nextUploadAccepted(): Promise<void> {
  const rows = validRows(d, new Date(), 1, { startMinutesAgo: 60 * 24 * 90 + minute++ * 7, idPrefix: `G-${minute}-` });
  const m = multipart(`next-${minute}.csv`, Buffer.from(tripsCsv(rows)));
  const res = await carrier.request('POST', '/api/uploads', m.body, { 'content-type': m.contentType });
  expect(res.status, res.text).toBe(202);
}

async function settled(): Promise<void> {
  await until(async () => (await inFlight()) === 0, 'the gate back at 0');
  await until(() => tempFiles().length === 0, 'no temporary files left');
}

describe('the upload gate', () => {
  it('cuts off a body that stops sending with 408 after the idle time, and takes the next upload', async () => {
    const head = filePart('stall.csv');
    const { response } = rawRequest('/api/uploads', carrier, 100_000, [head, 'Номер разрешения;Госномер ТС\r\n']);
    await until(async () => (await inFlight()) === 1, 'the stalled upload holds a slot');
    const res = await response; // the client sends nothing more and never closes: the server answers and closes
    expect(res.status).toBe(408);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers.connection).toBe('close');
    const problem = JSON.parse(res.body);
    expect(problem.code).toBe('request_timeout');
    expect(problem.errors[0]).toMatchObject({ field: 'file', message: expect.stringContaining('передача остановилась') });
    await settled();
    await nextUploadAccepted();
    expect(await inFlight()).toBe(0);
  });

  it('releases the slot of a socket destroyed mid-body', async () => {
    const { socket, response } = rawRequest('/api/uploads', carrier, 1_000_000, [filePart('cut.csv'), 'x'.repeat(50_000)]);
    await until(async () => (await inFlight()) === 1, 'the upload holds a slot');
    await until(() => tempFiles().length === 1, 'the partial file is being written');
    socket.destroy();
    await response;
    await settled();
    await nextUploadAccepted();
  });

  it(`refuses a form of 30 fields with 413 naming the limit of ${MAX_FIELDS}`, async () => {
    let body = '';
    for (let i = 0; i < 30; i++) body += fieldPart(`f${i}`, 'v');
    body += filePart('fields.csv') + 'a;b' + closing;
    const { response } = rawRequest('/api/uploads', carrier, Buffer.byteLength(body), [body]);
    const res = await response;
    expect(res.status).toBe(413);
    const problem = JSON.parse(res.body);
    expect(problem.code).toBe('payload_too_large');
    expect(problem.detail).toBe(`Запрос: в форме больше ${MAX_FIELDS} полей; отправьте один файл в поле «file»`);
    await settled();
    await nextUploadAccepted();
  });

  it('refuses two files and a field over 64 KB with 413 naming the limit', async () => {
    const two = filePart('a.csv') + 'a;b' + '\r\n' + filePart('b.csv', 'file2') + 'c;d' + closing;
    const r1 = await rawRequest('/api/uploads', carrier, Buffer.byteLength(two), [two]).response;
    expect(r1.status).toBe(413);
    expect(JSON.parse(r1.body).detail).toContain('больше одного файла');

    const big = fieldPart('comment', 'я'.repeat(40_000)) + filePart('c.csv') + 'a;b' + closing;
    const r2 = await rawRequest('/api/uploads', carrier, Buffer.byteLength(big), [big]).response;
    expect(r2.status).toBe(413);
    expect(JSON.parse(r2.body).detail).toContain('поле формы «comment» длиннее 64 КБ');
    await settled();
    await nextUploadAccepted();
  });

  it('answers 422 for a file in another field and 415 without a boundary', async () => {
    const other = filePart('a.csv', 'document') + 'a;b' + closing;
    const r1 = await rawRequest('/api/uploads', carrier, Buffer.byteLength(other), [other]).response;
    expect(r1.status).toBe(422);
    expect(JSON.parse(r1.body).errors[0]).toMatchObject({ field: 'file', message: expect.stringContaining('«document»') });

    const noBoundary = await carrier.request('POST', '/api/uploads', 'abc', { 'content-type': 'multipart/form-data' });
    expect(noBoundary.status).toBe(415);
    expect(noBoundary.body.detail).toContain('boundary');
    await settled();
  });

  it('does the same for receipts: a stalled body is cut off, 30 fields refused, the next file applied', async () => {
    const stalled = rawRequest('/api/receipts/upload', facility, 100_000, [filePart('stall.csv'), RECEIPT_HEADERS.join(';')]);
    await until(async () => (await inFlight()) === 1, 'the stalled receipts upload holds a slot');
    const res = await stalled.response;
    expect(res.status).toBe(408);
    await settled();

    let body = '';
    for (let i = 0; i < 30; i++) body += fieldPart(`f${i}`, 'v');
    body += filePart('fields.csv') + 'a;b' + closing;
    const r2 = await rawRequest('/api/receipts/upload', facility, Buffer.byteLength(body), [body]).response;
    expect(r2.status).toBe(413);
    await settled();

    const cut = rawRequest('/api/receipts/upload', facility, 1_000_000, [filePart('cut.csv'), 'x'.repeat(50_000)]);
    await until(async () => (await inFlight()) === 1, 'the receipts upload holds a slot');
    cut.socket.destroy();
    await cut.response;
    await settled();

    const m = multipart('приём.csv', Buffer.from(`${RECEIPT_HEADERS.join(';')}\r\n999999999;Принять;10;\r\n`));
    const ok = await facility.request('POST', '/api/receipts/upload', m.body, { 'content-type': m.contentType });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ rows: 1, errors: 1 });
    expect(await inFlight()).toBe(0);
  });
});
