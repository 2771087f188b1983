/**
 * The facility's monthly report through HTTP: prefilled from the accepted
 * loads of the month (rejected and awaiting loads left out; weighed mass where
 * given), the balance checked by code with messages naming the field,
 * optimistic saves, supporting PDF/XML judged by content, sending with
 * confirmation → a registration number and a signed PDF in the registry,
 * a correction before the deadline → version 2 (version 1 still readable),
 * after the deadline only once the operator returned it; the next month's
 * start stock from this one's end; the operator's filers and totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { seedDemo } from '../demo/seed.js';
import { JOBS } from '../index.js';
import { monthBounds } from './definitions.js';

let ctx: TestContext;
let app: App;
let facility: Client;
let facility2: Client;
let producer: Client;
let operator: Client;
let facilityObjectId: string;

/** Inserts a trip unloaded at `at` into the demo facility's object, with a receipt state. */
async function trip(at: string, o: { volume: string; mass: string; status: 'confirmed' | 'rejected' | 'pending'; received?: string | null; code?: string }) {
  const p = await sql<{ permit_id: string; site_id: string; carrier_id: string; vehicle_id: string; facility_id: string; waste_code: string }>`
    select p.id as permit_id, p.site_id, c.carrier_id, v.id as vehicle_id, f.facility_id, w.waste_code
      from permits p join permit_facilities f on f.permit_id = p.id and f.facility_object_id = ${facilityObjectId}
      join permit_carriers c on c.permit_id = p.id join vehicles v on v.carrier_id = c.carrier_id
      join permit_waste_types w on w.permit_id = p.id ${o.code ? sql`and w.waste_code = ${o.code}` : sql``}
     order by p.number, w.waste_code limit 1`.execute(ctx.db);
  const r = p.rows[0];
  const unloaded = new Date(at);
  await ctx.db
    .insertInto('trips')
    .values({
      permit_id: r.permit_id,
      site_id: r.site_id,
      carrier_id: r.carrier_id,
      vehicle_id: r.vehicle_id,
      facility_id: r.facility_id,
      facility_object_id: facilityObjectId,
      waste_code: r.waste_code,
      loaded_at: new Date(unloaded.getTime() - 3_600_000),
      unloaded_at: unloaded,
      volume: o.volume,
      mass: o.mass,
      receipt_status: o.status,
      received_mass: o.received ?? null,
      received_at: o.status === 'pending' ? null : new Date(unloaded.getTime() + 600_000),
      receipt_reason: o.status === 'rejected' ? 'Несоответствие виду отходов' : null,
      source: 'api',
    } as never)
    .execute();
  return r.waste_code;
}

let code: string;

// The months of the test, ahead of the real clock (the demo operator's certificate is valid from yesterday on):
// R — the report's month, N — the month after it (its 5th is "now"), N2 — the one after.
const real = new Date();
const month = (offset: number) => {
  const t = real.getUTCFullYear() * 12 + real.getUTCMonth() + offset;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};
const R = month(1);
const N = month(2);
const N2 = month(3);
const lastDayR = monthBounds(R).to;
const at = (s: string) => new Date(s);
const NOW = at(`${N}-05T09:00:00Z`);

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 0 });
  ctx.setNow(NOW);
  app = await buildTestApp(ctx);
  facility = await signedIn(app, 'facility@ossig.test');
  facility2 = await signedIn(app, 'facility2@ossig.test');
  producer = await signedIn(app, 'producer@ossig.test');
  operator = await signedIn(app, 'operator@ossig.test');
  const org = await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@facility.ossig.test').executeTakeFirstOrThrow();
  facilityObjectId = (await ctx.db.selectFrom('facilities').select('id').where('organization_id', '=', org.id).executeTakeFirstOrThrow()).id;
  // Month R (Moscow): two accepted (one weighed), one rejected, one awaiting; one accepted at 00:30 MSK on the 1st of N (not R).
  code = await trip(`${R}-03T08:00:00Z`, { volume: '10.00', mass: '12.500', status: 'confirmed', received: '12.000' });
  await trip(`${lastDayR}T20:00:00Z`, { volume: '8.00', mass: '9.250', status: 'confirmed' }); // 23:00 MSK, the last day of R
  await trip(`${R}-10T08:00:00Z`, { volume: '5.00', mass: '6.000', status: 'rejected' });
  await trip(`${R}-12T08:00:00Z`, { volume: '5.00', mass: '6.000', status: 'pending' });
  await trip(`${lastDayR}T21:30:00Z`, { volume: '7.00', mass: '8.000', status: 'confirmed' }); // 00:30 MSK, the 1st of N
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('the facility monthly report', () => {
  let id: string;
  let revision: number;

  it('is prefilled from the accepted loads of the month, and says where each figure came from', async () => {
    const r = await facility.post('/api/reports', { kind: 'facility_monthly', period: R });
    expect(r.status, r.text).toBe(201);
    id = r.body.id;
    revision = r.body.revision;
    expect(r.body.status).toBe('draft');
    expect(r.body.deadline).toBe(`${N}-10`);
    expect(r.body.subject.id).toBe(facilityObjectId);
    // Independent sum: accepted loads unloaded in October (Moscow), weighed mass where given.
    const sum = await sql<{ m: string }>`select sum(coalesce(received_mass, mass))::numeric(16,3)::text as m from trips
      where facility_object_id = ${facilityObjectId} and receipt_status = 'confirmed'
        and unloaded_at >= ${`${R}-01T00:00:00+03`}::timestamptz and unloaded_at < ${`${N}-01T00:00:00+03`}::timestamptz`.execute(ctx.db);
    expect(sum.rows[0].m).toBe('21.250');
    const row = r.body.rows.find((x: any) => x.code === code);
    expect(row.values.received).toBe('21.250');
    expect(row.sources.received).toBe('prefilled');
    expect(row.values.startStock).toBeNull();
    expect(row.sources.startStock).toBe('empty');
    expect(r.body.basis.join(' ')).toMatch(/по 2 рейсам.*по весам объекта для 1, заявленная перевозчиком для 1/);
    expect(r.body.basis.join(' ')).toMatch(/отчёта за предыдущий месяц в системе нет/);
    // Asking again answers the same report.
    const again = await facility.post('/api/reports', { kind: 'facility_monthly', period: R });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
  });

  it('checks figures field by field and the balance by code, naming the field', async () => {
    const bad = await facility.request('PUT', `/api/reports/${id}`, { revision, rows: [{ code, values: { startStock: '-1', received: '21,250', utilized: 'много' } }] });
    expect(bad.status).toBe(422);
    const fields = bad.body.errors.map((e: any) => e.field);
    expect(fields).toEqual(['rows[0].startStock', 'rows[0].utilized']);
    expect(bad.body.errors[0].message).toMatch(/^Остаток на начало месяца \(\d \d\d \d{3} \d\d \d\d \d\): не может быть отрицательным/);

    const values = { startStock: '3', received: '21.250', utilized: '10', neutralized: '0', disposed: '2', recycled: '5', secondary: '4.5', passed: '1', endStock: '7' };
    const saved = await facility.request('PUT', `/api/reports/${id}`, { revision, rows: [{ code, values }] });
    expect(saved.status, saved.text).toBe(200);
    revision = saved.body.revision;
    const row = saved.body.rows[0];
    expect(row.values.utilized).toBe('10.000');
    expect(row.sources.received).toBe('prefilled');
    expect(row.sources.utilized).toBe('entered');
    // 3 + 21.25 − 10 − 0 − 2 − 5 − 1 = 6.25, not 7.
    expect(saved.body.errors).toHaveLength(1);
    expect(saved.body.errors[0].field).toBe('rows[0].endStock');
    expect(saved.body.errors[0].message).toMatch(/^Остаток на конец месяца \(.*\): по балансу должно быть 6,250 т .* указано 7,000 т/);

    const stale = await facility.request('PUT', `/api/reports/${id}`, { revision: revision - 1, rows: [{ code, values }] });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('report_conflict');

    const refused = await facility.post(`/api/reports/${id}/submit`, { revision, confirm: true });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('report_invalid');
    expect(refused.body.errors[0].field).toBe('rows[0].endStock');
  });

  it('takes supporting PDF and XML judged by content, and refuses anything else', async () => {
    const send = (name: string, content: Buffer, type = 'application/octet-stream') => {
      const boundary = '----reports' + Math.random().toString(16).slice(2);
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return facility.request('POST', `/api/reports/${id}/files`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    };
    const pdf = await send('акт.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    expect(pdf.status, pdf.text).toBe(201);
    expect(pdf.body.type).toBe('pdf');
    const xml = await send('сведения.xml', Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Акт><Строка код="81110001495">1</Строка></Акт>'));
    expect(xml.status, xml.text).toBe(201);
    expect(xml.body.type).toBe('xml');
    const png = await send('скан.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    expect(png.status).toBe(422);
    expect(png.body.errors[0].message).toMatch(/изображение PNG/);
    const broken = await send('сломан.xml', Buffer.from('<?xml version="1.0"?><a><b></a>'));
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0].message).toMatch(/XML повреждён/);
    const doctype = await send('xxe.xml', Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'));
    expect(doctype.status).toBe(422);
    const card = await facility.get(`/api/reports/${id}`);
    expect(card.body.files.map((f: any) => f.type).sort()).toEqual(['pdf', 'xml']);
  });

  it('is sent after a confirmation: a registration number, then a signed PDF in the registry', async () => {
    const values = { startStock: '3', received: '21.250', utilized: '10', neutralized: '0', disposed: '2', recycled: '5', secondary: '4.5', passed: '1', endStock: '6.25' };
    const saved = await facility.request('PUT', `/api/reports/${id}`, { revision, rows: [{ code, values }] });
    expect(saved.body.errors).toEqual([]);
    revision = saved.body.revision;
    const unconfirmed = await facility.post(`/api/reports/${id}/submit`, { revision, confirm: false });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.errors[0].field).toBe('confirm');
    const sent = await facility.post(`/api/reports/${id}/submit`, { revision, confirm: true });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.number).toMatch(new RegExp(`^ОТЧ-${R.slice(0, 4)}-\\d{6}$`));
    expect(sent.body.version).toBe(1);
    expect(sent.body.late).toBe(false);
    expect(sent.body.card.status).toBe('submitted');
    expect(sent.body.card.can.edit).toBe(false);
    // A filed report does not change by a save.
    const locked = await facility.request('PUT', `/api/reports/${id}`, { revision: sent.body.card.revision, rows: [{ code, values }] });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('report_status');

    await runJobsOnce(ctx, JOBS);
    const card = await facility.get(`/api/reports/${id}`);
    const v1 = card.body.versions[0];
    expect(v1.pdf).not.toBeNull();
    const pdf = await facility.get(v1.pdf.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    const sig = await facility.get(v1.pdf.signatureUrl);
    expect(sig.status).toBe(200);
    const record = await facility.get(`/api/documents/${v1.pdf.code}`);
    expect(record.status, record.text).toBe(200);
    expect(JSON.stringify(record.body)).toContain(sent.body.number);
    // The files went with version 1.
    expect(card.body.files.every((f: any) => f.version === 1)).toBe(true);
  });

  it('a correction before the deadline makes version 2; version 1 stays readable', async () => {
    const opened = await facility.post(`/api/reports/${id}/correction`, {});
    expect(opened.status, opened.text).toBe(200);
    expect(opened.body.status).toBe('correction');
    const values = { startStock: '3', received: '21.250', utilized: '11', neutralized: '0', disposed: '1', recycled: '5', secondary: '4.5', passed: '1', endStock: '6.25' };
    const saved = await facility.request('PUT', `/api/reports/${id}`, { revision: opened.body.revision, rows: [{ code, values }] });
    expect(saved.body.errors).toEqual([]);
    const sent = await facility.post(`/api/reports/${id}/submit`, { revision: saved.body.revision, confirm: true });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.version).toBe(2);
    await runJobsOnce(ctx, JOBS);
    const card = await facility.get(`/api/reports/${id}`);
    expect(card.body.number).toBe(sent.body.number);
    expect(card.body.versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect(card.body.versions[1].rows[0].values.utilized).toBe('10.000');
    expect(card.body.versions[0].rows[0].values.utilized).toBe('11.000');
    expect(card.body.versions.every((v: any) => v.pdf)).toBe(true);
    expect(card.body.versions[0].pdf.code).not.toBe(card.body.versions[1].pdf.code);
  });

  it('after the deadline a correction needs the operator: returned with a reason, then filed late', async () => {
    ctx.setNow(at(`${N}-20T09:00:00Z`));
    try {
      const refused = await facility.post(`/api/reports/${id}/correction`, {});
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('report_deadline');
      const notOperator = await facility.post(`/api/operator/reports/${id}/return`, { reason: 'Проверьте размещение' });
      expect(notOperator.status).toBe(403);
      const back = await operator.post(`/api/operator/reports/${id}/return`, { reason: 'Размещено указано без учёта акта от 28.10' });
      expect(back.status, back.text).toBe(200);
      expect(back.body.status).toBe('correction');
      const card = await facility.get(`/api/reports/${id}`);
      expect(card.body.returnReason).toMatch(/акта от 28.10/);
      const tasks = await facility.get('/api/tasks');
      expect(JSON.stringify(tasks.body)).toContain('Исправить отчёт');
      const sent = await facility.post(`/api/reports/${id}/submit`, { revision: card.body.revision, confirm: true });
      expect(sent.status, sent.text).toBe(200);
      expect(sent.body.version).toBe(3);
      expect(sent.body.late).toBe(true);
    } finally {
      ctx.setNow(NOW);
    }
  });

  it('next month starts from this month’s end stock', async () => {
    ctx.setNow(at(`${N2}-02T09:00:00Z`));
    try {
      const r = await facility.post('/api/reports', { kind: 'facility_monthly', period: N });
      expect(r.status, r.text).toBe(201);
      const row = r.body.rows.find((x: any) => x.code === code);
      expect(row.values.startStock).toBe('6.250');
      expect(row.sources.startStock).toBe('prefilled');
      expect(row.values.received).toBe('8.000');
      expect(r.body.basis.join(' ')).toMatch(/из отчёта № ОТЧ-\d{4}-\d{6} \(версия 3\)/);
    } finally {
      ctx.setNow(NOW);
    }
  });

  it('is the filer’s own: another organization gets 404, a producer cannot file it', async () => {
    expect((await facility2.get(`/api/reports/${id}`)).status).toBe(404);
    expect((await facility2.request('PUT', `/api/reports/${id}`, { revision: 1, rows: [] })).status).toBe(404);
    expect((await producer.get(`/api/reports/${id}`)).status).toBe(404);
    const p = await producer.post('/api/reports', { kind: 'facility_monthly', period: R });
    expect(p.status).toBe(422);
    expect(p.body.errors[0].field).toBe('kind');
    const future = await facility.post('/api/reports', { kind: 'facility_monthly', period: N2 });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].field).toBe('period');
    const bad = await facility.post('/api/reports', { kind: 'facility_monthly', period: `${R.slice(0, 4)}-13` });
    expect(bad.status).toBe(422);
  });

  it('the operator sees who filed and the totals per code', async () => {
    const list = await operator.get(`/api/operator/reports?kind=facility_monthly&period=${R}`);
    expect(list.status, list.text).toBe(200);
    const mine = list.body.items.find((i: any) => i.subject?.id === facilityObjectId);
    expect(mine.status).toBe('submitted');
    expect(mine.filedVersion).toBe(3);
    expect(mine.late).toBe(false);
    const totals = await operator.get(`/api/operator/reports/totals?kind=facility_monthly&period=${R}`);
    expect(totals.status, totals.text).toBe(200);
    const t = totals.body.rows.find((x: any) => x.code === code);
    expect(t.values.received).toBe('21.250');
    expect(t.values.utilized).toBe('11.000');
    expect((await facility.get(`/api/operator/reports?kind=facility_monthly&period=${R}`)).status).toBe(403);
  });

  it('lists my reports with the due ones', async () => {
    const r = await facility.get('/api/reports');
    expect(r.status, r.text).toBe(200);
    expect(r.body.items.some((i: any) => i.id === id && i.number)).toBe(true);
    // October is filed: not due; no other month of the object had loads before.
    expect(r.body.due.filter((d: any) => d.kind === 'facility_monthly' && d.period === R)).toEqual([]);
  });
});
