/**
 * Verification from a paper copy: the code printed on a statement opens its
 * registry record (page and API, without signing in), which says what the
 * document says and nothing more; the QR code leads there; uploading the
 * file with its .sig names the record; the operator annuls it with a reason
 * (audited, the producer told), and from then on the page, the API and the
 * signature check all say so. Lookups are rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, Client, signedIn } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { generateStatement } from '../statements/generate-statement.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../../domain/period.js';
import { formatDocumentCode, newDocumentCode, normalizeDocumentCode } from '../../platform/documents/code.js';

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const TODAY = moscowDate(NOW);
const D = (n: number) => formatIsoDate(addDays((parseIsoDate(TODAY) as { value: any }).value, -n));

let ctx: TestContext;
let app: App;
let producer: Client;
let statementId: string;
let files: { pdf: Buffer; pdfSig: Buffer };

async function download(c: Client, url: string): Promise<Buffer> {
  const res = await c.app.inject({ method: 'GET', url, headers: { cookie: (c as any).cookie } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

function multipart(parts: { name: string; data: Buffer }[]) {
  const boundary = `----ossig${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.name}.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  ctx = await createTestContext({}, { PUBLIC_URL: 'https://ossig.example', SUPPORT_PHONE: '8 800 555-35-35', SUPPORT_EMAIL: 'help@ossig.example' });
  ctx.setNow(NOW);
  await seedDemo(ctx, { trips: 200, days: 60 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  const site = (await producer.get('/api/sites')).body.items.find((s: any) => s.name.includes('Профсоюзная'));
  const permits = await producer.get(`/api/sites/${site.id}/permits?from=${D(50)}&to=${TODAY}`);
  const res = await producer.post('/api/statements', { siteId: site.id, from: D(50), to: TODAY, permitIds: permits.body.items.map((p: any) => p.id) });
  expect(res.status, res.text).toBe(202);
  statementId = res.body.id;
  expect((await generateStatement(ctx, statementId)).outcome).toBe('ready');
  files = { pdf: await download(producer, `/api/statements/${statementId}/files/pdf`), pdfSig: await download(producer, `/api/statements/${statementId}/files/pdf.sig`) };
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('verification codes', () => {
  it('are 15 characters of an unambiguous alphabet, random, and read forgivingly', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const c = newDocumentCode();
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{15}$/);
      seen.add(c);
    }
    expect(seen.size).toBe(2000);
    const c = 'ABCDE0123456789';
    expect(formatDocumentCode(c)).toBe('ABCDE-01234-56789');
    expect(normalizeDocumentCode(' abcde-o1234 56789 ')).toBe(c); // lower case, spaces, O for 0
    expect(normalizeDocumentCode('АВСDЕ-01234-56789')).toBe(c); // Cyrillic look-alikes
    expect(normalizeDocumentCode('ABCDE-01234-5678')).toBeNull();
    expect(normalizeDocumentCode('ABCDE-01234-5678U')).toBeNull();
  });
});

describe('from paper to the registry', () => {
  it('the code printed on the statement opens its record: what the document says, and nothing more', async () => {
    const { text } = await extractText(new Uint8Array(files.pdf), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    const printed = /Код проверки ([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})/.exec(flat)?.[1];
    expect(printed).toBeTruthy();
    expect(flat).toContain(`https://ossig.example/d/${printed!.replace(/-/g, '')}`);
    expect(flat).toContain('8 800 555-35-35');
    expect(flat).toContain('help@ossig.example');

    // Anyone, not signed in, types the code as read from paper.
    const anon = new Client(app);
    const typed = printed!.toLowerCase().replace(/-/g, ' ');
    const api = await anon.get(`/api/documents/${encodeURIComponent(typed)}`);
    expect(api.status, api.text).toBe(200);
    const st = await producer.get(`/api/statements/${statementId}`);
    expect(api.body).toMatchObject({ code: printed, kind: 'statement', number: st.body.number, status: 'valid' });
    const fact = (label: string) => api.body.facts.find((f: any) => f.label === label)?.value;
    expect(fact('Объект образования ОСС')).toBe('Жилой комплекс «Профсоюзная, 56», корпус 1–3');
    expect(fact('Отходопроизводитель')).toContain('ИНН');
    expect(api.body.totals.find((t: any) => t.label === 'Перемещено и принято').value).toMatch(/рейс\.; .* м³; .* т/);
    // Every fact and total of the record is printed on the document.
    for (const f of [...api.body.facts, ...api.body.totals]) expect(flat.replace(/\s/g, ''), f.label).toContain(String(f.value).replace(/\s/g, ''));
    // The files' hashes are those of the files.
    const crypto = await import('node:crypto');
    expect(api.body.files.find((f: any) => f.kind === 'pdf').sha256).toBe(crypto.createHash('sha256').update(files.pdf).digest('hex'));
    expect(api.body.signer.serialNumber).toMatch(/^[0-9a-f]+$/);
    // Nothing that is not on the document: no internal ids, not who ordered it.
    expect(api.text).not.toContain(statementId);
    expect(api.text).not.toContain('Петров');

    const page = await anon.get(`/d/${printed}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Документ действителен');
    expect(page.text).toContain(st.body.number);
    expect(page.text).toContain('Профсоюзная');
    expect(page.text).not.toContain('<script');
    const form = await anon.get(`/d?code=${encodeURIComponent(typed)}`);
    expect(form.status).toBe(303);
    expect(form.headers.location).toBe(`/d/${printed!.replace(/-/g, '')}`);

    const unknown = await anon.get(`/api/documents/${newDocumentCode()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await anon.get(`/d/${newDocumentCode()}`)).status).toBe(404);
    expect((await anon.get('/api/documents/%00%01')).status).toBe(422); // control characters are refused before any lookup
  });

  it('a file and its .sig name the record; the operator annuls it with a reason; then everything says so', async () => {
    const anon = new Client(app);
    const mp = multipart([{ name: 'file', data: files.pdf }, { name: 'signature', data: files.pdfSig }]);
    const before = await anon.request('POST', '/api/signatures/verify', mp.body, mp.headers);
    expect(before.status).toBe(200);
    expect(before.body.valid).toBe(true);
    expect(before.body.document).toMatchObject({ statementId, kind: 'pdf', documentKind: 'statement', status: 'valid' });
    const code: string = before.body.document.code;
    expect(before.body.document.url).toBe(`https://ossig.example/d/${code.replace(/-/g, '')}`);

    // Only the operator annuls, with a reason.
    expect((await producer.post(`/api/documents/${code}/annul`, { reason: 'Ошибка в данных' })).status).toBe(403);
    const operator = await signedIn(app, 'operator@ossig.test');
    const short = await operator.post(`/api/documents/${code}/annul`, { reason: 'нет' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ field: 'reason' });
    const bidi = await operator.post(`/api/documents/${code}/annul`, { reason: 'Причина \u202eскрытая' });
    expect(bidi.status).toBe(422);
    const reason = 'Перевозчик исправил данные о рейсах задним числом; выдан новый документ';
    const annul = await operator.post(`/api/documents/${code}/annul`, { reason });
    expect(annul.status, annul.text).toBe(200);
    expect(annul.body).toMatchObject({ status: 'annulled', annulReason: reason });
    expect((await operator.post(`/api/documents/${code}/annul`, { reason })).status).toBe(409);
    expect((await operator.post(`/api/documents/${newDocumentCode()}/annul`, { reason })).status).toBe(404);

    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'document.annulled').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reason, number: before.body.document.number });
    const notes = await producer.get('/api/notifications');
    expect(notes.body.items.some((n: any) => n.title.includes('аннулированы') && n.body.includes(reason))).toBe(true);

    const api = await anon.get(`/api/documents/${code}`);
    expect(api.body).toMatchObject({ status: 'annulled', annulReason: reason });
    const page = await anon.get(`/d/${code}`);
    expect(page.text).toContain('Документ аннулирован');
    expect(page.text).toContain(reason);
    const after = await anon.request('POST', '/api/signatures/verify', mp.body, mp.headers);
    expect(after.body.valid).toBe(true); // the signature itself is still mathematically valid…
    expect(after.body.document).toMatchObject({ status: 'annulled', annulReason: reason }); // …but the document is annulled
  });

  it('support contacts for the cabinet; lookups by code are rate-limited per address', async () => {
    const anon = new Client(app);
    expect((await anon.get('/api/support')).body).toEqual({ phone: '8 800 555-35-35', email: 'help@ossig.example' });
    let limited = 0;
    for (let i = 0; i < 35; i++) {
      const r = await app.inject({ method: 'GET', url: `/api/documents/${newDocumentCode()}`, remoteAddress: '10.77.0.1' });
      if (r.statusCode === 429) limited++;
      else expect(r.statusCode).toBe(404);
    }
    expect(limited).toBe(5);
  });
});
