/**
 * The yearly 2-ТП (отходы) section: prefilled by ФККО code for a producer
 * (produced and passed: its sites' loads the facilities accepted) and for a
 * facility (received: the loads its objects accepted), figures equal to
 * independent SQL sums over the trips; exported as XML that the XSD kept in
 * the repository describes (checked with `xmllint --schema` where
 * /usr/bin/xmllint exists) and as XLSX in the form's layout (read back).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';

const XMLLINT = '/usr/bin/xmllint';
const XSD = path.resolve('src/features/reports/tp2-waste.xsd');

let ctx: TestContext;
let app: App;
let producer: Client;
let facility: Client;
let producer2: Client;
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date()).slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 300 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  facility = await signedIn(app, 'facility@ossig.test');
  producer2 = await signedIn(app, 'producer2@ossig.test');
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** Independent sums: accepted loads of the year (Moscow), weighed mass where given, by code. */
async function sums(where: 'producer' | 'facility', email: string): Promise<Record<string, string>> {
  const org = await ctx.db.selectFrom('organizations').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const r =
    where === 'producer'
      ? await sql<{ code: string; m: string }>`select t.waste_code as code, sum(coalesce(t.received_mass, t.mass))::numeric(16,3)::text as m
          from trips t join sites s on s.id = t.site_id
         where s.producer_id = ${org.id} and t.receipt_status = 'confirmed' and t.received_at is not null
           and t.unloaded_at >= ${`${year}-01-01T00:00:00+03`}::timestamptz and t.unloaded_at < ${`${year + 1}-01-01T00:00:00+03`}::timestamptz
         group by t.waste_code`.execute(ctx.db)
      : await sql<{ code: string; m: string }>`select t.waste_code as code, sum(coalesce(t.received_mass, t.mass))::numeric(16,3)::text as m
          from trips t join facilities f on f.id = t.facility_object_id
         where f.organization_id = ${org.id} and t.receipt_status = 'confirmed' and t.received_at is not null
           and t.unloaded_at >= ${`${year}-01-01T00:00:00+03`}::timestamptz and t.unloaded_at < ${`${year + 1}-01-01T00:00:00+03`}::timestamptz
         group by t.waste_code`.execute(ctx.db);
  return Object.fromEntries(r.rows.map((x) => [x.code, x.m]));
}

describe('2-ТП (отходы)', () => {
  let producerReport: any;

  it('a producer’s figures by code equal independent sums of its accepted loads', async () => {
    const r = await producer.post('/api/reports', { kind: 'tp2_waste', period: String(year) });
    expect(r.status, r.text).toBe(201);
    producerReport = r.body;
    const expected = await sums('producer', 'info@producer.ossig.test');
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    const got = Object.fromEntries(r.body.rows.map((x: any) => [x.code, x.values.produced]));
    expect(got).toEqual(expected);
    // What it produced it passed to the facilities; nothing stays; the balance holds.
    for (const row of r.body.rows) {
      expect(row.values.passed).toBe(row.values.produced);
      expect(row.values.endStock).toBe('0.000');
      expect(row.hazardClass).toBe(Number(row.code.slice(-1)));
    }
    expect(r.body.errors).toEqual([]);
    expect(r.body.basis.join(' ')).toMatch(/Образовано/);
  });

  it('a facility’s received figures equal independent sums of the loads its objects accepted', async () => {
    const r = await facility.post('/api/reports', { kind: 'tp2_waste', period: String(year) });
    expect(r.status, r.text).toBe(201);
    const expected = await sums('facility', 'info@facility.ossig.test');
    const got = Object.fromEntries(r.body.rows.filter((x: any) => x.values.received !== '0.000').map((x: any) => [x.code, x.values.received]));
    expect(got).toEqual(expected);
  });

  it('exports XML valid against the XSD in the repository, with the same figures and totals by hazard class', async () => {
    const res = await producer.get(`/api/reports/${producerReport.id}/export/xml`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    const xml = res.text;
    expect(xml).toContain('xmlns="urn:ossig:2tp-waste:1"');
    const expected = await sums('producer', 'info@producer.ossig.test');
    for (const [code, mass] of Object.entries(expected)) {
      const row = new RegExp(`<Row code="${code}"[^>]*>[\\s\\S]*?<Produced>([^<]+)</Produced>`).exec(xml);
      expect(row?.[1], code).toBe(mass);
    }
    // Totals by hazard class: the sum of the rows of the class.
    const classTotals = new Map<number, bigint>();
    for (const [code, mass] of Object.entries(expected)) classTotals.set(Number(code.slice(-1)), (classTotals.get(Number(code.slice(-1))) ?? 0n) + BigInt(mass.replace('.', '')));
    for (const [c, n] of classTotals) {
      const m = new RegExp(`<Class hazardClass="${c}">[\\s\\S]*?<Produced>([^<]+)</Produced>`).exec(xml);
      expect(BigInt(m![1].replace('.', ''))).toBe(n);
    }
    if (fs.existsSync(XMLLINT)) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tp2-')), 'form.xml');
      fs.writeFileSync(file, xml);
      const v = spawnSync(XMLLINT, ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
      expect(v.status, v.stderr).toBe(0);
      // A broken figure is refused by the schema (the check is real).
      fs.writeFileSync(file, xml.replace(/<Produced>[^<]+<\/Produced>/, '<Produced>12.3456</Produced>'));
      expect(spawnSync(XMLLINT, ['--noout', '--schema', XSD, file], { encoding: 'utf8' }).status).not.toBe(0);
    } else {
      console.warn(`${XMLLINT} not found: the 2-ТП XML was not validated against ${XSD} in this run`);
    }
  });

  it('exports XLSX in the form’s layout with the same figures', async () => {
    const res = await producer.request('GET', `/api/reports/${producerReport.id}/export/xlsx`);
    expect(res.status).toBe(200);
    const raw = await app.inject({ method: 'GET', url: `/api/reports/${producerReport.id}/export/xlsx`, headers: { cookie: (producer as any).cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw.rawPayload as any);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('2-ТП (отходы)');
    expect(String(ws.getRow(1).getCell(1).value)).toBe('Код по ФККО');
    expect(String(ws.getRow(1).getCell(5).value)).toBe('Образовано, т');
    const expected = await sums('producer', 'info@producer.ossig.test');
    const got: Record<string, string> = {};
    ws.eachRow((row, i) => {
      const code = String(row.getCell(1).value ?? '');
      if (i > 1 && /^\d( \d+){5}$/.test(code)) got[code.replace(/ /g, '')] = Number(row.getCell(5).value).toFixed(3);
    });
    expect(got).toEqual(expected);
  });

  it('exports PDF in the form’s table layout: each code’s row holds its figures, then the totals by hazard class', async () => {
    const raw = await app.inject({ method: 'GET', url: `/api/reports/${producerReport.id}/export/pdf`, headers: { cookie: (producer as any).cookie } });
    expect(raw.statusCode, raw.body.slice(0, 200)).toBe(200);
    expect(raw.headers['content-type']).toMatch(/^application\/pdf/);
    const text = (await extractText(new Uint8Array(raw.rawPayload), { mergePages: true })).text.replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(text).toContain(`Форма № 2-ТП (отходы) · раздел об отходах строительства и сноса · за ${year} год`);
    expect(text).toContain('Код по ФККО');
    expect(text).toContain('Наличие на конец года');
    expect(text).toContain('А Б В 1 2 3 4 5 6 7 8 9');
    expect(text).toMatch(/ИНН \d{10}/);
    const ru = (v: string) => v.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    const expected = await sums('producer', 'info@producer.ossig.test');
    const rows = producerReport.rows as { code: string; hazardClass: number; values: Record<string, string> }[];
    for (const [code, mass] of Object.entries(expected)) {
      const row = rows.find((r) => r.code === code)!;
      const f = `${code[0]} ${code.slice(1, 3)} ${code.slice(3, 6)} ${code.slice(6, 8)} ${code.slice(8, 10)} ${code.slice(10)}`;
      // The row: code, name (any wrapping), class, then start of year and produced (= the independent sum), …, end of year.
      const m = new RegExp(`${f} .*? ${row.hazardClass} ${ru(row.values.startStock)} ${ru(mass)} `).exec(text);
      expect(m, `${code} ${mass}`).not.toBeNull();
    }
    for (const c of new Set(rows.map((r) => r.hazardClass))) {
      const sum = (k: string) => {
        const s = rows.filter((r) => r.hazardClass === c).reduce((n, r) => n + BigInt(r.values[k].replace('.', '')), 0n).toString().padStart(4, '0');
        return ru(`${s.slice(0, -3)}.${s.slice(-3)}`);
      };
      expect(text).toContain(`Итого по ${c} классу опасности ${c} ${sum('startStock')} ${sum('produced')} ${sum('received')}`);
    }
  });

  it('is the filer’s own, and only a 2-ТП exports this way', async () => {
    expect((await producer2.get(`/api/reports/${producerReport.id}/export/pdf`)).status).toBe(404);
    expect((await producer2.get(`/api/reports/${producerReport.id}/export/xml`)).status).toBe(404);
    const monthly = await facility.post('/api/reports', { kind: 'facility_monthly', period: `${year}-01` });
    expect(monthly.status, monthly.text).toBe(201);
    const refused = await facility.get(`/api/reports/${monthly.body.id}/export/xml`);
    expect(refused.status).toBe(409);
  });
});
