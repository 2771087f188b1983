/**
 * Nothing cut, nothing ambiguous: a statement of the longest real names —
 * long ФККО names from the catalogue, long organization names, a facility
 * with nested quotes, a long site name and address, several кадастровые
 * номера, permitted volumes in the billions, a long reason of refusal — and
 * every value appears whole in the PDF's extracted text (line breaks aside)
 * and in the XLSX. No «…» anywhere; ФККО codes as in the catalogue; dates
 * ДД.ММ.ГГГГ; nested quotes typeset «…„…“…».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { generateStatement } from './generate-statement.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../../domain/period.js';
import { findWasteType } from '../../domain/fkko.js';

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const TODAY = moscowDate(NOW);
const D = (n: number) => formatIsoDate(addDays((parseIsoDate(TODAY) as { value: any }).value, -n));

const PRODUCER = 'Федеральное государственное унитарное предприятие «Главное управление специального строительства по территории Центрального федерального округа при Федеральном агентстве специального строительства»';
const PRODUCER_ADDRESS = '119021, Российская Федерация, г. Москва, внутригородская территория муниципальный округ Хамовники, Комсомольский проспект, дом 18, строение 3, этаж 4, помещение XVII, комната 12';
const CARRIER = 'Общество с ограниченной ответственностью «Межрегиональная транспортная компания по вывозу отходов строительства, сноса и грунтов «СпецАвтоТрансСтрой-Подмосковье»»';
const FACILITY = 'Акционерное общество «Полигон «Северный» по приёму, обработке и утилизации отходов строительства и сноса»';
const FACILITY_TYPESET = 'Акционерное общество «Полигон „Северный“ по приёму, обработке и утилизации отходов строительства и сноса»';
const SITE = 'Комплексная реконструкция квартала «Северное Измайлово» с реновацией жилого фонда, сносом ветхих пятиэтажных домов серии К-7 и строительством многоквартирных жилых домов с подземными автостоянками, объектами социальной инфраструктуры и благоустройством территории (2-й и 3-й этапы)';
const SITE_ADDRESS = 'г. Москва, Восточный административный округ, район Северное Измайлово, ул. Парковая 15-я, вл. 41, корп. 1–5, а также земельные участки по ул. Парковая 16-я, вл. 38–44';
const CADASTRAL = ['77:03:0005001:1234', '77:03:0005001:1235', '77:03:0005002:98761', '77:03:0005003:10'];
const CODES = ['89001111725', '81991111704', '83010001715'];
const REASON =
  'Груз отклонён: при визуальном контроле и выборочном вскрытии обнаружены отходы, не соответствующие заявленному коду ФККО (лом металлических конструкций, отходы изоляционных материалов, загрязнённые нефтепродуктами), а также превышение допустимой влажности; оформлен акт № 17/2026-ОП';

let ctx: TestContext;
let app: App;
let producer: Client;
let permitId: string;
let siteId: string;
let ogrnOperator: string;

beforeAll(async () => {
  ctx = await createTestContext({}, { PUBLIC_URL: 'https://ossig.example', SUPPORT_PHONE: '+7 (495) 777-12-34', SUPPORT_EMAIL: 'support-ossig@mos.example' });
  ctx.setNow(NOW);
  await seedDemo(ctx, { trips: 20, days: 30 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  const prod = await ctx.db.selectFrom('organizations').select(['id']).where(sql<boolean>`'producer' = any(roles)`).orderBy('created_at').executeTakeFirstOrThrow();
  await ctx.db.updateTable('organizations').set({ name: PRODUCER, short_name: null, address: PRODUCER_ADDRESS, kpp: '770401001' }).where('id', '=', prod.id).execute();
  const carrier = await ctx.db.selectFrom('organizations').select('id').where(sql<boolean>`'carrier' = any(roles)`).orderBy('created_at').executeTakeFirstOrThrow();
  await ctx.db.updateTable('organizations').set({ name: CARRIER, short_name: null }).where('id', '=', carrier.id).execute();
  const facility = await ctx.db.selectFrom('facilities').select(['id', 'organization_id']).orderBy('number').executeTakeFirstOrThrow();
  await ctx.db.updateTable('organizations').set({ name: FACILITY, short_name: null }).where('id', '=', facility.organization_id).execute();
  ogrnOperator = (await ctx.db.selectFrom('organizations').select('ogrn').where(sql<boolean>`'operator' = any(roles)`).executeTakeFirstOrThrow()).ogrn!;
  const site = await ctx.db
    .insertInto('sites')
    .values({ producer_id: prod.id, name: SITE, address: SITE_ADDRESS, cadastral_numbers: CADASTRAL })
    .returning('id')
    .executeTakeFirstOrThrow();
  siteId = site.id;
  const p = await ctx.db
    .insertInto('permits')
    .values({ number: 'РП-77-2026-123456/ДОП-12', site_id: siteId, producer_id: prod.id, valid_from: D(100), valid_to: D(-300), status: 'active' })
    .returning('id')
    .executeTakeFirstOrThrow();
  permitId = p.id;
  await ctx.db.insertInto('permit_carriers').values({ permit_id: permitId, carrier_id: carrier.id }).execute();
  await ctx.db.insertInto('permit_facilities').values({ permit_id: permitId, facility_id: facility.organization_id, facility_object_id: facility.id }).execute();
  await ctx.db.insertInto('permit_waste_types').values(CODES.map((c, i) => ({ permit_id: permitId, waste_code: c, permitted_volume: ['123456789012.34', '987654321.09', '5000000.00'][i]! }))).execute();
  const vehicle = await ctx.db.selectFrom('vehicles').select('id').where('carrier_id', '=', carrier.id).executeTakeFirstOrThrow();
  for (let i = 0; i < 9; i++) {
    const unloaded = new Date(NOW.getTime() - (5 + i) * 86_400_000);
    await ctx.db
      .insertInto('trips')
      .values({
        permit_id: permitId,
        site_id: siteId,
        carrier_id: carrier.id,
        vehicle_id: vehicle.id,
        facility_id: facility.organization_id,
        facility_object_id: facility.id,
        waste_code: CODES[i % 3]!,
        loaded_at: new Date(unloaded.getTime() - 3_600_000 - i * 7000),
        unloaded_at: unloaded,
        volume: '19.99',
        mass: '31.234',
        receipt_status: i === 4 ? 'rejected' : 'confirmed',
        received_mass: i === 4 ? null : '30.987',
        receipt_reason: i === 4 ? REASON : null,
        received_at: new Date(unloaded.getTime() + 600_000),
      })
      .execute();
  }
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

async function download(url: string): Promise<Buffer> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: (producer as any).cookie } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

describe('nothing cut, nothing ambiguous', () => {
  it('every value of a statement of the longest names appears whole in the PDF text and in the XLSX', async () => {
    const res = await producer.post('/api/statements', { siteId, from: D(40), to: TODAY, permitIds: [permitId] });
    expect(res.status, res.text).toBe(202);
    expect((await generateStatement(ctx, res.body.id)).outcome).toBe('ready');
    const doc = await ctx.db.selectFrom('documents').select('code').where('subject_id', '=', res.body.id).executeTakeFirstOrThrow();
    const code = `${doc.code.slice(0, 5)}-${doc.code.slice(5, 10)}-${doc.code.slice(10)}`;
    const prod = await ctx.db.selectFrom('organizations').select(['inn', 'ogrn']).where('name', '=', PRODUCER).executeTakeFirstOrThrow();
    const wasteNames = CODES.map((c) => findWasteType(c)!.name);
    expect(Math.max(...wasteNames.map((n) => n.length))).toBeGreaterThan(100);

    const values = [
      PRODUCER,
      PRODUCER_ADDRESS,
      prod.inn,
      prod.ogrn!,
      '770401001',
      ogrnOperator,
      CARRIER.replace('«СпецАвтоТрансСтрой-Подмосковье»»', '„СпецАвтоТрансСтрой-Подмосковье“»'),
      FACILITY_TYPESET,
      SITE,
      SITE_ADDRESS,
      ...CADASTRAL,
      ...wasteNames,
      '8 90 011 11 72 5',
      '8 19 911 11 70 4',
      '8 30 100 01 71 5',
      '123 456 789 012,34',
      '987 654 321,09',
      'РП-77-2026-123456/ДОП-12',
      REASON,
      '+7 (495) 777-12-34',
      'support-ossig@mos.example',
      code,
      `https://ossig.example/d/${doc.code}`,
      `${D(40).slice(8, 10)}.${D(40).slice(5, 7)}.${D(40).slice(0, 4)}`,
    ];

    const pdfBytes = await download(`/api/statements/${res.body.id}/files/pdf`);
    if (process.env.OSSIG_TEST_DUMP) (await import('node:fs')).writeFileSync(process.env.OSSIG_TEST_DUMP, pdfBytes);
    const { text } = await extractText(new Uint8Array(pdfBytes), { mergePages: true });
    // Line breaks aside (a value may wrap over lines), every value is there in one piece.
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const pdf = squeeze(text);
    const missing = values.filter((v) => !pdf.includes(squeeze(v)));
    expect(missing).toEqual([]);
    expect(text).not.toContain('…');
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/); // no ISO dates on paper
    expect(text).not.toContain('«Полигон «Северный»'); // nested quotes typeset
    expect(text.replace(/\s+/g, ' ')).toContain(`Стр. 1 из`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(`/api/statements/${res.body.id}/files/xlsx`)) as any);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value instanceof Date ? '' : c.value)))));
    const all = cells.join('\n');
    const xlsxValues = values.filter((v) => !/^\d{1,3}( \d{3})*,\d+$/.test(v) && !/^\d\d\.\d\d\.\d{4}$/.test(v));
    expect(xlsxValues.filter((v) => !all.includes(v))).toEqual([]);
    expect(all).not.toContain('…');
  });
});
