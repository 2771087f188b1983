/**
 * What counts as moved, pinned against independent SQL. One permit of our own
 * carries loads the facility accepted (weighed, and without a weighed mass),
 * rejected, left awaiting, and decided only after the statement was ordered;
 * one trip is not formed yet. The statement (XLSX and PDF), the permit card,
 * the statement form's permit list — each must show exactly what plain SQL
 * over the same rows says, written here without the rules module.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../test/helpers/http.js';
import type { App } from '../platform/http/server.js';
import { seedDemo } from './demo/seed.js';
import { generateStatement } from './statements/generate-statement.js';
import { INFO_SHEET, REJECTED_SHEET, TOTALS_SHEET, UTILIZATION_SHEET } from './statements/render-xlsx.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../domain/period.js';

const H = 3_600_000;
/** The test orders its statement two hours before NOW, on the same Moscow day: in the first hours
 * of a Moscow day (21:00–24:00 UTC) NOW is put back three hours, to the day before. */
const NOW = ((real) => ((real.getUTCHours() + 3) % 24 < 3 ? new Date(real.getTime() - 3 * H) : real))(new Date(Math.floor(Date.now() / 60_000) * 60_000));
const TODAY = moscowDate(NOW);
const D = (n: number) => formatIsoDate(addDays((parseIsoDate(TODAY) as { value: any }).value, -n));

let ctx: TestContext;
let app: App;
let producer: Client;
let permitId: string;
let siteId: string;
const ids: Record<string, number> = {};
const ORDER_AT = new Date(NOW.getTime() - 2 * H);
const REASON = 'Отходы не соответствуют заявленному коду ФККО: обнаружен металлолом';

async function download(c: Client, url: string): Promise<Buffer> {
  const res = await c.app.inject({ method: 'GET', url, headers: { cookie: (c as any).cookie } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow(NOW);
  await seedDemo(ctx, { trips: 30, days: 30 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  const org = (k: string) => ctx.db.selectFrom('organizations').select('id').where('email', '=', `info@${k}.test`).executeTakeFirst();
  void org;
  const site = await ctx.db.selectFrom('sites as s').innerJoin('organizations as o', 'o.id', 's.producer_id').select(['s.id', 's.producer_id']).where('s.name', 'like', '%Профсоюзная%').executeTakeFirstOrThrow();
  siteId = site.id;
  const carrier = await ctx.db.selectFrom('organizations').select('id').where(sql<boolean>`'carrier' = any(roles)`).orderBy('created_at').executeTakeFirstOrThrow();
  const facilities = await ctx.db.selectFrom('facilities').select(['id', 'organization_id']).orderBy('number').limit(2).execute();
  const vehicles = await ctx.db.selectFrom('vehicles').select('id').where('carrier_id', '=', carrier.id).orderBy('plate').execute();
  const p = await ctx.db
    .insertInto('permits')
    .values({ number: 'РП-77-2026-009999', site_id: site.id, producer_id: site.producer_id, valid_from: D(200), valid_to: D(-200), status: 'active' })
    .returning('id')
    .executeTakeFirstOrThrow();
  permitId = p.id;
  await ctx.db.insertInto('permit_carriers').values({ permit_id: permitId, carrier_id: carrier.id }).execute();
  for (const f of facilities) await ctx.db.insertInto('permit_facilities').values({ permit_id: permitId, facility_id: f.organization_id, facility_object_id: f.id }).execute();
  // Permitted 40 m³ of soil: accepted (30) stays within it, accepted + rejected (45) would not.
  await ctx.db.insertInto('permit_waste_types').values([{ permit_id: permitId, waste_code: '81110001495', permitted_volume: '40.00' }, { permit_id: permitId, waste_code: '82220101215', permitted_volume: '500.00' }]).execute();
  let v = 0;
  const trip = async (name: string, o: { daysAgo?: number; hoursAgo?: number; facility: 0 | 1; code?: string; volume: string; mass: string; status: 'pending' | 'confirmed' | 'rejected'; receivedMass?: string | null; decidedAt?: Date }) => {
    const unloaded = o.hoursAgo !== undefined ? new Date(NOW.getTime() - o.hoursAgo * H) : new Date(NOW.getTime() - (o.daysAgo ?? 10) * 24 * H);
    const row = await ctx.db
      .insertInto('trips')
      .values({
        permit_id: permitId,
        site_id: site.id,
        carrier_id: carrier.id,
        vehicle_id: vehicles[v++ % vehicles.length]!.id,
        facility_id: facilities[o.facility]!.organization_id,
        facility_object_id: facilities[o.facility]!.id,
        waste_code: o.code ?? '81110001495',
        loaded_at: new Date(unloaded.getTime() - H - v * 1000),
        unloaded_at: unloaded,
        volume: o.volume,
        mass: o.mass,
        receipt_status: o.status,
        received_mass: o.status === 'confirmed' ? (o.receivedMass ?? null) : null,
        receipt_reason: o.status === 'rejected' ? REASON : null,
        received_at: o.status === 'pending' ? null : (o.decidedAt ?? new Date(unloaded.getTime() + 600_000)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[name] = Number(row.id);
  };
  await trip('weighed', { daysAgo: 10, facility: 0, volume: '10.00', mass: '18.000', status: 'confirmed', receivedMass: '17.450' });
  await trip('declared', { daysAgo: 9, facility: 1, volume: '12.00', mass: '20.100', status: 'confirmed', receivedMass: null });
  await trip('rejected', { daysAgo: 8, facility: 0, volume: '15.00', mass: '26.000', status: 'rejected' });
  await trip('awaiting', { daysAgo: 7, facility: 1, volume: '11.00', mass: '19.000', status: 'pending' });
  await trip('acceptedLater', { daysAgo: 6, facility: 0, volume: '8.00', mass: '14.000', status: 'confirmed', receivedMass: '13.900', decidedAt: new Date(NOW.getTime() - H) });
  await trip('rejectedLater', { daysAgo: 5, facility: 1, volume: '9.00', mass: '15.500', status: 'rejected', decidedAt: new Date(NOW.getTime() - H) });
  await trip('brick', { daysAgo: 4, facility: 1, code: '82220101215', volume: '8.00', mass: '12.000', status: 'confirmed', receivedMass: '12.345' });
  await trip('notFormed', { hoursAgo: 5, facility: 0, volume: '7.00', mass: '12.000', status: 'pending' });
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** Independent SQL: plain conditions over the rows, as of a moment (null: now). */
async function independent(asOf: Date | null, extra = sql`true`) {
  const decided = asOf === null ? sql`received_at is not null` : sql`received_at is not null and received_at <= ${asOf}`;
  const r = await sql<{ state: string; trips: number; volume: string; mass: string; weighed: number }>`
    select state, count(*)::int as trips, coalesce(sum(volume), 0)::numeric(16,2)::text as volume,
           coalesce(sum(case when state = 'accepted' and received_mass is not null then received_mass else mass end), 0)::numeric(16,3)::text as mass,
           count(*) filter (where state = 'accepted' and received_mass is not null)::int as weighed
    from (select *, case when receipt_status = 'confirmed' and ${decided} then 'accepted'
                         when receipt_status = 'rejected' and ${decided} then 'rejected' else 'awaiting' end as state
          from trips where permit_id = ${permitId} and unloaded_at <= ${new Date(ORDER_AT.getTime() - 27 * H)} and ${extra}) x
    group by state`.execute(ctx.db);
  const by = Object.fromEntries(r.rows.map((x) => [x.state, x]));
  const z = { trips: 0, volume: '0.00', mass: '0.000', weighed: 0 };
  return { accepted: by.accepted ?? z, awaiting: by.awaiting ?? z, rejected: by.rejected ?? z };
}

describe('what counts as moved', () => {
  it('the statement: accepted loads in the totals and utilization, awaiting and rejected apart, weighed mass where given, matching independent SQL', async () => {
    ctx.setNow(ORDER_AT);
    const res = await producer.post('/api/statements', { siteId, from: D(30), to: TODAY, permitIds: [permitId] });
    expect(res.status, res.text).toBe(202);
    ctx.setNow(NOW);
    expect((await generateStatement(ctx, res.body.id)).outcome).toBe('ready');
    const sqlSums = await independent(ORDER_AT);
    // The scenario is what we meant it to be.
    expect(sqlSums.accepted).toMatchObject({ trips: 3, volume: '30.00', mass: '49.895', weighed: 2 });
    expect(sqlSums.awaiting).toMatchObject({ trips: 3 });
    expect(sqlSums.rejected).toMatchObject({ trips: 1, volume: '15.00' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(producer, `/api/statements/${res.body.id}/files/xlsx`)) as any);
    const info = new Map<string, unknown>();
    wb.getWorksheet(INFO_SHEET)!.eachRow((r) => info.set(String(r.getCell(1).value), r.getCell(5).value));
    for (const [label, s] of [['Перемещено и принято', sqlSums.accepted], ['Ожидают решения объекта приёма', sqlSums.awaiting], ['Отклонены объектом приёма', sqlSums.rejected]] as const) {
      expect(info.get(`${label}: рейсов`), label).toBe(s.trips);
      expect((info.get(`${label}: объём, м³`) as number).toFixed(2), label).toBe(s.volume);
      expect((info.get(`${label}: масса, т`) as number).toFixed(3), label).toBe(s.mass);
    }
    expect(info.get('Не вошли: рейсов периода, не сформированных к моменту фиксации')).toBe(1);

    // By facility: the facility that refused a load does not count it as received.
    const totals: any[][] = [];
    wb.getWorksheet(TOTALS_SHEET)!.eachRow((r, n) => n > 1 && totals.push(r.values as any[]));
    const facilityRows = totals.filter((r) => r[1] === 'Объект приёма');
    for (const f of facilityRows) {
      const fac = await ctx.db.selectFrom('organizations').select('id').where('inn', '=', f[3]).executeTakeFirstOrThrow();
      const s = await independent(ORDER_AT, sql`facility_id = ${fac.id}`);
      expect([f[4], f[5].toFixed(2), f[6].toFixed(3), f[7]], `facility ${f[2]}`).toEqual([s.accepted.trips, s.accepted.volume, s.accepted.mass, s.accepted.weighed]);
      expect([f[8], f[11]]).toEqual([s.awaiting.trips, s.rejected.trips]);
    }
    expect(facilityRows.length).toBe(2);

    // Utilization: accepted soil only (30 of 40 m³: not over, though accepted + rejected would be).
    const util: any[][] = [];
    wb.getWorksheet(UTILIZATION_SHEET)!.eachRow((r, n) => n > 1 && util.push(r.values as any[]));
    const soil = util.find((u) => u[1] === 'РП-77-2026-009999' && u[2] === '8 11 100 01 49 5')!;
    const soilSql = await independent(ORDER_AT, sql`waste_code = '81110001495'`);
    expect(Number(soil[5]).toFixed(2)).toBe(soilSql.accepted.volume);
    expect(Number(soil[7]).toFixed(2)).toBe(soilSql.awaiting.volume);
    expect(soil[9]).toBe('нет');

    // The rejected load is listed apart with the facility's reason.
    const rejected: any[][] = [];
    wb.getWorksheet(REJECTED_SHEET)!.eachRow((r, n) => n > 1 && rejected.push(r.values as any[]));
    expect(rejected.map((r) => [r[1], r[11]])).toEqual([[ids.rejected, REASON]]);

    // The PDF says the same, in words.
    const { text } = await extractText(new Uint8Array(await download(producer, `/api/statements/${res.body.id}/files/pdf`)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Перемещено и принято');
    expect(flat).toContain('3 рейс.; 30,00 м³; 49,895 т');
    expect(flat).toContain(REASON);
    expect(flat).toMatch(/1 рейс\. периода ещё не были сформированы/);
    expect(flat).toContain('по весам объекта приёма для 2, заявленная перевозчиком для 1');
  });

  it('the permit card and the statement form’s permit list count accepted loads as of now; awaiting and rejected apart', async () => {
    const now = await independent(null, sql`true`);
    const card = await producer.get(`/api/permits/${permitId}`);
    expect(card.status).toBe(200);
    const soil = card.body.wasteTypes.find((w: any) => w.code === '81110001495');
    const soilSql = await sql<{ moved: string; awaiting: string; rejected: string }>`
      select coalesce(sum(volume) filter (where receipt_status = 'confirmed' and received_at is not null), 0)::numeric(14,2)::text as moved,
             coalesce(sum(volume) filter (where receipt_status = 'pending' or received_at is null), 0)::numeric(14,2)::text as awaiting,
             coalesce(sum(volume) filter (where receipt_status = 'rejected' and received_at is not null), 0)::numeric(14,2)::text as rejected
      from trips where permit_id = ${permitId} and waste_code = '81110001495'`.execute(ctx.db);
    expect({ moved: soil.movedVolume, awaiting: soil.awaitingVolume, rejected: soil.rejectedVolume }).toEqual(soilSql.rows[0]);
    expect(soil.movedVolume).toBe('30.00'); // the load accepted after ordering counts now (22 when ordered)
    expect(soil.overLimit).toBe(false); // 30 ≤ 40, although with the 15 + 9 m³ rejected it would be over

    const list = await producer.get(`/api/sites/${siteId}/permits?from=${D(30)}&to=${TODAY}`);
    expect(list.status).toBe(200);
    const p = list.body.items.find((i: any) => i.id === permitId);
    // Formed trips (the not-formed one apart); the moved figures are the accepted ones, as of now.
    const formedNow = await independent(null, sql`unloaded_at <= ${new Date(NOW.getTime() - 27 * H)}`);
    expect(p.formedTrips).toBe(formedNow.accepted.trips + formedNow.awaiting.trips + formedNow.rejected.trips);
    expect(p.formedVolume).toBe(formedNow.accepted.volume);
    expect(p.formedMass).toBe(formedNow.accepted.mass);
    expect(p.movement.awaiting.trips).toBe(formedNow.awaiting.trips);
    expect(p.movement.rejected).toMatchObject({ trips: formedNow.rejected.trips, volume: formedNow.rejected.volume });
    expect(p.movement.accepted.weighedTrips).toBe(formedNow.accepted.weighed);
    expect(p.pendingTrips).toBe(1);
    void now;
  });
});
