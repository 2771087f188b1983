/**
 * Statements through HTTP as real users, against a real database: the flow
 * of seed 000, the content of the files (XLSX parsed back, PDF text), the
 * moment the data is fixed, isolation between organizations, bad input, and
 * the signature checks (ours and OpenSSL's GOST engine, both ways).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { generateStatementJob } from './jobs.js';
import { generateStatement } from './generate-statement.js';
import { pkiDir } from '../../platform/documents/operator-signer.js';
import { GOST } from '../../../test/helpers/openssl.js';
import { formatRu } from '../../domain/quantity.js';
import { addDays, formatIsoDate, moscowDate, moscowMidnight, parseIsoDate, periodBounds } from '../../domain/period.js';
import { INFO_SHEET, TRIP_SHEET, UTILIZATION_SHEET, XLSX_TRIP_HEADERS } from './render-xlsx.js';

// The clock stands still during the file (sessions live on the real clock, so "now" is today).
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const H = 3_600_000;
const TODAY = moscowDate(NOW);
/** The Moscow date `n` days before today. */
const D = (n: number) => formatIsoDate(addDays((parseIsoDate(TODAY) as { value: any }).value, -n));
const START = D(60);

let ctx: TestContext;
let app: App;
let dataDir: string;
let producer: Client;
let ids: { site1: string; site2: string; site3: string; p142: string; p157: string; p201: string; p233: string };

function multipart(parts: { name: string; filename: string; data: Buffer }[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----ossig${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function download(c: Client, url: string): Promise<{ status: number; data: Buffer; headers: Record<string, unknown> }> {
  const res = await c.app.inject({ method: 'GET', url, headers: { cookie: (c as any).cookie } });
  return { status: res.statusCode, data: res.rawPayload, headers: res.headers };
}

async function verify(file: Buffer, sig: Buffer) {
  const mp = multipart([
    { name: 'file', filename: 'doc.bin', data: file },
    { name: 'signature', filename: 'doc.sig', data: sig },
  ]);
  const anon = new (producer.constructor as any)(app) as Client;
  return anon.request('POST', '/api/signatures/verify', mp.body, mp.headers);
}

async function insertTrip(permitId: string, unloadedAt: Date, volume = '11.11', mass = '19.444'): Promise<number> {
  const p = await ctx.db.selectFrom('permits').select(['site_id']).where('id', '=', permitId).executeTakeFirstOrThrow();
  const carrier = await ctx.db.selectFrom('permit_carriers').select('carrier_id').where('permit_id', '=', permitId).executeTakeFirstOrThrow();
  const facility = await ctx.db.selectFrom('permit_facilities').select(['facility_id', 'facility_object_id']).where('permit_id', '=', permitId).executeTakeFirstOrThrow();
  const vehicle = await ctx.db.selectFrom('vehicles').select('id').where('carrier_id', '=', carrier.carrier_id).orderBy('plate').executeTakeFirstOrThrow();
  const waste = await ctx.db.selectFrom('permit_waste_types').select('waste_code').where('permit_id', '=', permitId).orderBy('waste_code').executeTakeFirstOrThrow();
  const row = await ctx.db
    .insertInto('trips')
    .values({
      permit_id: permitId,
      site_id: p.site_id,
      carrier_id: carrier.carrier_id,
      vehicle_id: vehicle.id,
      facility_id: facility.facility_id,
      facility_object_id: facility.facility_object_id,
      waste_code: waste.waste_code,
      loaded_at: new Date(unloadedAt.getTime() - 3_600_000 - Math.floor(Math.random() * 1000) * 1000),
      unloaded_at: unloadedAt,
      volume,
      mass,
      receipt_status: 'confirmed',
      received_mass: mass,
      received_at: new Date(unloadedAt.getTime() + 600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function order(c: Client, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return c.post('/api/statements', body, headers);
}

async function orderAndGenerate(body: Record<string, unknown>) {
  const res = await order(producer, body);
  expect(res.status, res.text).toBe(202);
  const r = await generateStatement(ctx, res.body.id, { attempt: 1, maxAttempts: 3 });
  expect(r.outcome).toBe('ready');
  return res.body.id as string;
}

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  return wb;
}

async function tripIdsInXlsx(id: string): Promise<number[]> {
  const x = await download(producer, `/api/statements/${id}/files/xlsx`);
  const wb = await readXlsx(x.data);
  const ws = wb.getWorksheet(TRIP_SHEET)!;
  const out: number[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(Number(row.getCell(2).value));
  });
  return out;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-statements-'));
  ctx = await createTestContext({}, { DATA_DIR: dataDir, PUBLIC_URL: 'https://ossig.example' });
  ctx.setNow(NOW);
  await seedDemo(ctx, { trips: 400, days: 120 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  const sites = await ctx.db.selectFrom('sites').select(['id', 'name']).orderBy('created_at').execute();
  const permits = await ctx.db.selectFrom('permits').select(['id', 'number']).execute();
  const pid = (n: string) => permits.find((p) => p.number === n)!.id;
  ids = {
    site1: sites.find((s) => s.name.includes('Профсоюзная'))!.id,
    site2: sites.find((s) => s.name.includes('Нагатинский'))!.id,
    site3: sites.find((s) => s.name.includes('школы'))!.id,
    p142: pid('РП-77-2026-000142'),
    p157: pid('РП-77-2026-000157'),
    p201: pid('РП-77-2026-000201'),
    p233: pid('РП-77-2026-000233'),
  };
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the flow of seed 000', () => {
  it('service → form task → order (closes it) → background job → ready task with files → confirm', async () => {
    const start = await producer.post('/api/services/statement/start');
    expect(start.status, start.text).toBe(200);
    expect(start.body).toMatchObject({ kind: 'statement_form', title: 'Формирование сведений о результатах перемещения ОСС', status: 'open' });
    const again = await producer.post('/api/services/statement/start');
    expect(again.body.id).toBe(start.body.id);

    const permits = await producer.get(`/api/sites/${ids.site1}/permits?from=${START}&to=${TODAY}`);
    expect(permits.status).toBe(200);
    const chosen = permits.body.items.map((p: any) => p.id);
    expect(chosen.length).toBe(2);

    const res = await order(producer, { siteId: ids.site1, from: START, to: TODAY, permitIds: chosen, taskId: start.body.id }, { 'Idempotency-Key': 'order-1' });
    expect(res.status, res.text).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued' });
    expect(res.body.number).toMatch(/^СП-2026-\d{6}$/);
    const replay = await order(producer, { siteId: ids.site1, from: START, to: TODAY, permitIds: chosen, taskId: start.body.id }, { 'Idempotency-Key': 'order-1' });
    expect(replay.status).toBe(202);
    expect(replay.body.id).toBe(res.body.id);

    const form = await producer.get(`/api/tasks/${start.body.id}`);
    expect(form.body.status).toBe('done');

    // The job was enqueued in the same transaction as the statement.
    const jobs = await sql<{ n: number }>`select count(*)::int as n from jobs where name = 'statements.generate' and key = ${'statement:' + res.body.id}`.execute(ctx.db);
    expect(jobs.rows[0].n).toBe(1);

    const queued = await producer.get(`/api/statements/${res.body.id}`);
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0, files: null });
    const early = await download(producer, `/api/statements/${res.body.id}/files/pdf`);
    expect(early.status).toBe(409);

    // Run by the job queue's own claim-and-run path, as a worker does.
    await runJobsOnce(ctx, [generateStatementJob]);

    const ready = await producer.get(`/api/statements/${res.body.id}`);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.progress).toBe(1);
    expect(ready.body.files.map((f: any) => f.kind).sort()).toEqual(['pdf', 'pdf.sig', 'xlsx', 'xlsx.sig']);

    const pdf = await download(producer, ready.body.files.find((f: any) => f.kind === 'pdf').url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('Сведения о перемещении ОСС ')}`);
    expect(pdf.data.subarray(0, 5).toString()).toBe('%PDF-');

    const tasks = await producer.get('/api/tasks');
    const readyTask = tasks.body.items.find((t: any) => t.kind === 'statement_ready' && t.payload.statementId === res.body.id);
    expect(readyTask.title).toBe('Уведомление о сформированных сведениях о результатах перемещения ОСС');
    const notes = await producer.get('/api/notifications');
    expect(notes.body.items.some((n: any) => n.title.includes(res.body.number))).toBe(true);
    const confirm = await producer.post(`/api/tasks/${readyTask.id}/confirm`);
    expect(confirm.status).toBe(200);
    expect(confirm.body.status).toBe('done');

    const list = await producer.get(`/api/sites/${ids.site1}/statements`);
    expect(list.body.items.some((s: any) => s.id === res.body.id && s.status === 'ready')).toBe(true);

    // Running the job again changes nothing.
    expect((await generateStatement(ctx, res.body.id)).outcome).toBe('already_ready');
    const count = await ctx.db.selectFrom('tasks').select(sql<number>`count(*)::int`.as('n')).where('kind', '=', 'statement_ready').executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});

describe('content of the documents', () => {
  it('the XLSX rows equal the formed trips of the period and permits; the data is fixed when ordered', async () => {
    const pA = await insertTrip(ids.p142, new Date(NOW.getTime() - 26 * H)); // not formed yet: absent
    const pB = await insertTrip(ids.p142, new Date(NOW.getTime() - 28 * H)); // formed: present
    const midnight = moscowMidnight((parseIsoDate(D(2)) as { value: any }).value);
    const edgeIn = await insertTrip(ids.p157, new Date(midnight.getTime() - 60_000)); // 23:59 MSK on the last day
    const edgeOut = await insertTrip(ids.p157, midnight); // 00:00 MSK the next day

    const res = await order(producer, { siteId: ids.site1, from: START, to: TODAY, permitIds: [ids.p142, ids.p157] });
    expect(res.status).toBe(202);
    const late = await insertTrip(ids.p142, new Date(NOW.getTime() - 40 * H)); // recorded after ordering: not in this statement
    expect((await generateStatement(ctx, res.body.id)).outcome).toBe('ready');
    const all = await tripIdsInXlsx(res.body.id);
    expect(all).toContain(pB);
    expect(all).not.toContain(pA);
    expect(all).not.toContain(late);

    const edge = await orderAndGenerate({ siteId: ids.site1, from: START, to: D(3), permitIds: [ids.p142, ids.p157] });
    const edgeIds = await tripIdsInXlsx(edge);
    expect(edgeIds).toContain(edgeIn);
    expect(edgeIds).not.toContain(edgeOut);

    // Row by row against an independent query.
    const { start, endExclusive } = periodBounds(START, D(3));
    const expected = await sql<{ id: number; number: string; volume: string; mass: string; waste_code: string; plate: string }>`
      select t.id, p.number, t.volume::text, t.mass::text, t.waste_code, v.plate from trips t
      join permits p on p.id = t.permit_id join vehicles v on v.id = t.vehicle_id
      where t.permit_id in (${ids.p142}, ${ids.p157}) and t.unloaded_at >= ${start} and t.unloaded_at < ${endExclusive}
        and t.unloaded_at <= ${new Date(NOW.getTime() - 27 * H)}
      order by p.number, t.unloaded_at, t.id`.execute(ctx.db);
    const x = await download(producer, `/api/statements/${edge}/files/xlsx`);
    const wb = await readXlsx(x.data);
    const ws = wb.getWorksheet(TRIP_SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...XLSX_TRIP_HEADERS]);
    const rows: { id: number; number: string; volume: string; mass: string; waste_code: string; plate: string }[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as any[];
      expect(typeof v[2]).toBe('number');
      expect(v[4]).toBeInstanceOf(Date);
      expect(v[5]).toBeInstanceOf(Date);
      expect(typeof v[14]).toBe('number');
      expect(v[11]).toMatch(/^\d \d\d \d\d\d \d\d \d\d \d$/); // ФККО as in the catalogue
      rows.push({ id: v[2], number: v[3], volume: (v[14] as number).toFixed(2), mass: (v[15] as number).toFixed(3), waste_code: String(v[11]).replace(/ /g, ''), plate: v[6] });
    });
    expect(rows).toEqual(expected.rows);
    // The 23:59 trip's unloading time, in Moscow wall-clock.
    const edgeRow = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(2).value === edgeIn)!;
    expect((edgeRow.getCell(5).value as Date).toISOString()).toBe(`${D(3)}T23:59:00.000Z`);

    // Totals equal an independent SQL sum: accepted loads (weighed mass where given), as of the ordering.
    const orderedAt = (await ctx.db.selectFrom('statements').select('ordered_at').where('id', '=', edge).executeTakeFirstOrThrow()).ordered_at;
    const sums = await sql<{ trips: number; volume: string; mass: string }>`
      select count(*)::int as trips, sum(volume)::text as volume, sum(coalesce(received_mass, mass))::text as mass from trips
      where id = any(${expected.rows.map((r) => r.id)}::bigint[]) and receipt_status = 'confirmed' and received_at <= ${orderedAt}`.execute(ctx.db);
    const info = wb.getWorksheet(INFO_SHEET)!;
    const kv = new Map<string, unknown>();
    info.eachRow((r) => kv.set(String(r.getCell(1).value), r.getCell(5).value));
    expect(kv.get('Рейсов в сведениях')).toBe(expected.rows.length);
    expect(kv.get('Перемещено и принято: рейсов')).toBe(sums.rows[0].trips);
    expect((kv.get('Перемещено и принято: объём, м³') as number).toFixed(2)).toBe(Number(sums.rows[0].volume).toFixed(2));
    expect((kv.get('Перемещено и принято: масса, т') as number).toFixed(3)).toBe(Number(sums.rows[0].mass).toFixed(3));

    // The PDF's text holds the site, the permits, the totals, page numbers and the stamp.
    const pdf = await download(producer, `/api/statements/${edge}/files/pdf`);
    const { text, totalPages } = await extractText(new Uint8Array(pdf.data), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Жилой комплекс «Профсоюзная, 56», корпус 1–3');
    expect(flat).toContain('РП-77-2026-000142');
    expect(flat).toContain('РП-77-2026-000157');
    expect(flat).toContain(formatRu(Number(sums.rows[0].volume).toFixed(2)).replace(/\u00a0/g, ' '));
    expect(flat).toContain('Код проверки');
    expect(flat).toContain(`Стр. 1 из ${totalPages}`);
    expect(flat).toContain(`Стр. ${totalPages} из ${totalPages}`);
    expect(flat).toContain('Документ подписан электронной подписью');
    expect(flat).toContain(`${D(3).slice(8, 10)}.${D(3).slice(5, 7)}.${D(3).slice(0, 4)} 23:59`);
    expect(flat).toMatch(/https:\/\/ossig\.example\/d\/[0-9A-Z]{15}/);
    expect(totalPages).toBeGreaterThan(3);
  });

  it('marks permits used beyond their permitted volume', async () => {
    const id = await orderAndGenerate({ siteId: ids.site2, from: START, to: TODAY, permitIds: [ids.p201] });
    // Push the brick type of РП-77-2026-000201 beyond its 2 000 m³ with one big old trip... checked via SQL-independent flag.
    const x = await download(producer, `/api/statements/${id}/files/xlsx`);
    const wb = await readXlsx(x.data);
    const rows: any[][] = [];
    wb.getWorksheet(UTILIZATION_SHEET)!.eachRow((r, n) => n > 1 && rows.push(r.values as any[]));
    const util = rows.filter((r) => r[1] === 'РП-77-2026-000201');
    expect(util.length).toBe(3);
    for (const u of util) expect(u[9]).toBe(u[6] > u[4] ? 'да' : 'нет');
  });
});

describe('isolation', () => {
  it("another organization's person cannot see, order or download a statement of this site", async () => {
    const id = (await ctx.db.selectFrom('statements').select('id').where('status', '=', 'ready').executeTakeFirstOrThrow()).id;
    const other = await signedIn(app, 'producer2@ossig.test');
    expect((await other.get(`/api/statements/${id}`)).status).toBe(404);
    expect((await download(other, `/api/statements/${id}/files/pdf`)).status).toBe(404);
    expect((await download(other, `/api/statements/${id}/files/xlsx.sig`)).status).toBe(404);
    expect((await other.get(`/api/sites/${ids.site1}/statements`)).status).toBe(404);
    const o = await order(other, { siteId: ids.site1, from: START, to: TODAY, permitIds: [ids.p142] });
    expect(o.status).toBe(404);
    const carrier = await signedIn(app, 'carrier@ossig.test');
    expect((await carrier.get(`/api/statements/${id}`)).status).toBe(404);
    expect((await order(carrier, { siteId: ids.site1, from: START, to: TODAY, permitIds: [ids.p142] })).status).toBe(403);
    const trusted = await signedIn(app, 'trusted@ossig.test');
    expect((await order(trusted, { siteId: ids.site1, from: START, to: TODAY, permitIds: [ids.p142] })).status).toBe(403);
    const operator = await signedIn(app, 'operator@ossig.test');
    expect((await operator.get(`/api/statements/${id}`)).status).toBe(200);
  });
});

describe('bad input gets a clear Russian message', () => {
  const base = () => ({ siteId: ids.site1, from: START, to: TODAY, permitIds: [ids.p142] });
  it.each([
    ['a period that ends before it starts', { from: 5, to: 10 }, 'to', 'Конец периода: не может быть раньше начала периода'],
    ['a period in the future', { from: -1, to: -3 }, 'from', 'Начало периода: период не может начинаться в будущем'],
    ['a period too long', { from: 400, to: 0 }, 'to', 'Конец периода: период не может быть длиннее 366 дней'],
    ['an empty permit list', { permitIds: [] }, 'permitIds', 'Разрешения: выберите хотя бы одно разрешение'],
    ['a permit of another site', { permitIds: ['P201'] }, 'permitIds[0]', 'не относится к объекту'],
    ['a permit without movement in the period', { from: 300, to: 280 }, 'permitIds[0]', 'нет сформированных рейсов'],
  ])('%s', async (_name, patch: any, field, message) => {
    const body: any = { ...base(), ...patch };
    if (typeof patch.from === 'number') body.from = D(patch.from);
    if (typeof patch.to === 'number') body.to = D(patch.to);
    if (body.permitIds[0] === 'P201') body.permitIds = [ids.p201];
    const res = await order(producer, body);
    expect(res.status, res.text).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const e = res.body.errors.find((x: any) => x.field === field);
    expect(e?.message, res.text).toContain(message);
  });

  it('a site of another organization is not found', async () => {
    const res = await order(producer, { siteId: ids.site3, from: START, to: TODAY, permitIds: [ids.p233] });
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('Объект образования ОСС не найден');
  });
});

describe('signatures', () => {
  let files: { pdf: Buffer; pdfSig: Buffer; xlsx: Buffer; xlsxSig: Buffer };
  beforeAll(async () => {
    const id = (await ctx.db.selectFrom('statements').select('id').where('status', '=', 'ready').orderBy('ready_at').executeTakeFirstOrThrow()).id;
    const get = async (k: string) => (await download(producer, `/api/statements/${id}/files/${k}`)).data;
    files = { pdf: await get('pdf'), pdfSig: await get('pdf.sig'), xlsx: await get('xlsx'), xlsxSig: await get('xlsx.sig') };
  });

  it('our API says valid, who signed and when; a changed byte or a non-CMS .sig is refused with a reason', async () => {
    const ok = await verify(files.pdf, files.pdfSig);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.valid).toBe(true);
    expect(ok.body.signer).toMatchObject({ commonName: 'ГКУ «Информационный оператор ОССиГ»', isOperator: true });
    expect(ok.body.signer.innLe).toMatch(/^\d{10}$/);
    expect(ok.body.signer.ogrn).toMatch(/^\d{13}$/);
    expect(ok.body.signedAt).toBeTruthy();
    expect(ok.body.document.kind).toBe('pdf');
    expect((await verify(files.xlsx, files.xlsxSig)).body.valid).toBe(true);

    const tampered = Buffer.from(files.xlsx);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    const bad = await verify(tampered, files.xlsxSig);
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ valid: false, code: 'digest_mismatch' });
    expect(bad.body.reason).toContain('Файл не соответствует подписи');

    const notCms = await verify(files.pdf, Buffer.from('это не подпись'));
    expect(notCms.status).toBe(200);
    expect(notCms.body).toMatchObject({ valid: false, code: 'not_cms' });
    expect(notCms.body.reason).toContain('не является электронной подписью');

    const swapped = await verify(files.pdf, files.xlsxSig);
    expect(swapped.body.valid).toBe(false);

    const missing = multipart([{ name: 'file', filename: 'a.pdf', data: files.pdf }]);
    const anon = new (producer.constructor as any)(app) as Client;
    const m = await anon.request('POST', '/api/signatures/verify', missing.body, missing.headers);
    expect(m.status).toBe(422);
    expect(m.body.errors[0]).toMatchObject({ field: 'signature' });
    const json = await anon.post('/api/signatures/verify', { file: 'x' });
    expect(json.status).toBe(415);

    const cert = await anon.get('/api/signatures/certificate');
    expect(cert.status).toBe(200);
    expect(cert.text).toContain('-----BEGIN CERTIFICATE-----');
    const page = await anon.get('/verify?statement=abc');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Проверка электронной подписи');
  });

  it.skipIf(!GOST)('OpenSSL (GOST engine) verifies our .sig files, and its signatures verify with ours; one changed byte fails both', async () => {
    const openssl = GOST!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-openssl-'));
    try {
      const ca = path.join(pkiDir(ctx), 'ca.crt');
      const put = (name: string, data: Buffer) => {
        const p = path.join(dir, name);
        fs.writeFileSync(p, data);
        return p;
      };
      for (const [file, sig] of [
        [files.pdf, files.pdfSig],
        [files.xlsx, files.xlsxSig],
      ] as const) {
        const f = put('doc', file);
        const s = put('doc.sig', sig);
        const r = await openssl.tryGost('cms', ['-verify', '-binary', '-inform', 'DER', '-in', s, '-content', f, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null']);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain('Verification successful');
        const t = Buffer.from(file);
        t[t.length - 100] ^= 0x20;
        const tf = put('doc-tampered', t);
        const rt = await openssl.tryGost('cms', ['-verify', '-binary', '-inform', 'DER', '-in', s, '-content', tf, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null']);
        expect(rt.code).not.toBe(0);
      }

      // OpenSSL signs with the operator key; our verification accepts it and refuses it for a changed byte.
      const doc = put('statement.pdf', files.pdf);
      const sigPath = path.join(dir, 'statement.pdf.sig');
      await openssl.gost('cms', [
        '-sign', '-binary', '-cades', '-md', 'md_gost12_256', '-in', doc, '-signer', path.join(pkiDir(ctx), 'operator.crt'),
        '-inkey', path.join(pkiDir(ctx), 'operator.key'), '-outform', 'DER', '-out', sigPath,
      ]);
      const theirs = fs.readFileSync(sigPath);
      const good = await verify(files.pdf, theirs);
      expect(good.body.valid, JSON.stringify(good.body)).toBe(true);
      expect(good.body.signer.isOperator).toBe(true);
      const t = Buffer.from(files.pdf);
      t[10] ^= 0x01;
      const bad = await verify(t, theirs);
      expect(bad.body.valid).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('failure', () => {
  it('a failed run is retried; the last attempt marks the statement failed with a reason the user sees', async () => {
    const res = await order(producer, { siteId: ids.site1, from: D(30), to: D(10), permitIds: [ids.p142] });
    expect(res.status).toBe(202);
    const files = path.join(dataDir, 'files');
    const aside = `${files}.aside`;
    fs.renameSync(files, aside);
    fs.writeFileSync(files, 'not a directory');
    try {
      await expect(generateStatement(ctx, res.body.id, { attempt: 1, maxAttempts: 2 })).rejects.toThrow();
      expect((await producer.get(`/api/statements/${res.body.id}`)).body.status).toBe('queued');
      expect((await generateStatement(ctx, res.body.id, { attempt: 2, maxAttempts: 2 })).outcome).toBe('failed');
    } finally {
      fs.rmSync(files, { force: true });
      fs.renameSync(aside, files);
    }
    const st = await producer.get(`/api/statements/${res.body.id}`);
    expect(st.body.status).toBe('failed');
    expect(st.body.error).toMatch(/^Не удалось/);
    expect(st.body.files).toBeNull();
    const notes = await producer.get('/api/notifications');
    expect(notes.body.items.some((n: any) => n.title === `Сведения № ${res.body.number} не сформированы` && n.body === st.body.error)).toBe(true);
  });
});
