/**
 * Tariffs and charges: overlapping periods refused by name; a load unloaded on the first and on the
 * last day of a tariff is priced by it (Moscow days: 23:59 МСК on the last day is still inside, 00:00
 * the next day is not); a load without a tariff is listed as such and priced when a tariff comes;
 * kopeck rounding half up; the VAT rate of the day of unloading (22 % from 01.01.2026).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { chargeKop, parseRubles, vatKop } from '../../domain/money.js';

let ctx: TestContext;
let app: App;
let facility: Client;
let facilityId: string;
let base: { permit_id: string; site_id: string; carrier_id: string; vehicle_id: string; facility_object_id: string | null };
const CODE = '81110001495';
const CODE2 = '81220101205';

/** A pending load to the demo facility, unloaded at `unloaded` (an ISO instant). */
async function load(unloaded: string, o: { volume?: string; mass?: string; code?: string } = {}): Promise<number> {
  const u = new Date(unloaded);
  const r = await sql<{ id: number }>`
    insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, source)
    values (${base.permit_id}, ${base.site_id}, ${base.carrier_id}, ${base.vehicle_id}, ${facilityId}, ${base.facility_object_id}, ${o.code ?? CODE},
            ${new Date(u.getTime() - 3_600_000 - Math.floor(Math.random() * 1e6))}, ${u}, ${o.volume ?? '10.00'}, ${o.mass ?? '15.000'}, 'api') returning id`.execute(ctx.db);
  return Number(r.rows[0].id);
}

const chargeOf = async (tripId: number) =>
  (await sql<{ status: string; amount_kop: string | null; unit: string | null; quantity: string | null; vat_rate: string | null; tariff_id: string | null }>`
    select status, amount_kop::text as amount_kop, unit, quantity::text as quantity, vat_rate::text as vat_rate, tariff_id from charges where trip_id = ${tripId}`.execute(ctx.db)).rows[0];

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 60, days: 3 });
  app = await buildTestApp(ctx);
  facility = await signedIn(app, 'facility@ossig.test');
  facilityId = (await ctx.db.selectFrom('organizations').select('id').where('name', 'like', '%ЭкоПереработка%').executeTakeFirstOrThrow()).id;
  base = (await sql<typeof base>`select permit_id, site_id, carrier_id, vehicle_id, facility_object_id from trips where facility_id = ${facilityId} limit 1`.execute(ctx.db)).rows[0];
  for (const c of [CODE, CODE2]) await sql`insert into waste_types (code, name) values (${c}, ${'Тестовый вид ' + c}) on conflict do nothing`.execute(ctx.db);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('money: domain', () => {
  it('rounds a load half up to the kopeck, exactly', () => {
    expect(chargeKop('12.345', 100001n)).toBe(1234512n); // 12.345 × 1000,01 = 12 345,12345 ₽
    expect(chargeKop('0.005', 100n)).toBe(1n); // 0,005 т × 1,00 ₽ = 0,005 ₽ → 0,01
    expect(chargeKop('0.004', 100n)).toBe(0n);
    expect(chargeKop('10.01', 33333n)).toBe(333663n); // 10,01 × 333,33 = 3336,6333 → 3336,63
    expect(chargeKop('0.15', 50n)).toBe(8n); // 0,075 ₽ → 0,08 (half up, not to even)
    expect(vatKop(1234512n, '22.00')).toBe(271593n); // 2715,9264 → 2715,93
    expect(vatKop(25n, '20.00')).toBe(5n);
    expect(vatKop(1n, '22.00')).toBe(0n);
    expect(vatKop(3n, '20.00')).toBe(1n); // 0,6 коп. → 1
    expect(parseRubles('1 234,5')).toEqual({ ok: true, kop: 123450n });
    expect(parseRubles('0,001').ok).toBe(false);
    expect(parseRubles(0.1 + 0.2).ok).toBe(false); // 0.30000000000000004: more than 2 decimals, not silently rounded
  });
});

describe('money: tariffs', () => {
  it('sets a tariff and refuses an overlapping one of the same code and unit by name', async () => {
    const a = await facility.post('/api/tariffs', { wasteCode: CODE, unit: 't', price: '1000,01', validFrom: '2025-12-01', validTo: '2025-12-31' });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ wasteCode: CODE, unit: 't', price: '1000.01', validFrom: '2025-12-01', validTo: '2025-12-31' });
    // The same last day again: overlap by one day.
    const b = await facility.post('/api/tariffs', { wasteCode: CODE, unit: 't', price: '1100', validFrom: '2025-12-31' });
    expect(b.status).toBe(409);
    expect(b.body.code).toBe('tariff_overlap');
    expect(b.body.detail).toContain('с 01.12.2025 по 31.12.2025');
    expect(b.body.errors[0]).toMatchObject({ field: 'validFrom', message: expect.stringMatching(/^Действует с: /) });
    // An open-ended tariff before it that would run into it.
    const c = await facility.post('/api/tariffs', { wasteCode: CODE, unit: 't', price: '900', validFrom: '2025-11-01' });
    expect(c.status).toBe(409);
    // The next day is free; another unit is another price list.
    expect((await facility.post('/api/tariffs', { wasteCode: CODE, unit: 't', price: '1100,00', validFrom: '2026-01-01' })).status).toBe(200);
    expect((await facility.post('/api/tariffs', { wasteCode: CODE, unit: 'm3', price: '700', validFrom: '2025-12-01' })).status).toBe(200);
    const list = await facility.get(`/api/tariffs?wasteCode=${CODE}`);
    expect(list.body.items.map((t: { unit: string; validFrom: string }) => `${t.unit} ${t.validFrom}`)).toEqual(['m3 2025-12-01', 't 2025-12-01', 't 2026-01-01']);
  });

  it('checks every field, naming it', async () => {
    const r = await facility.post('/api/tariffs', { wasteCode: '123', unit: 'kg', price: '-5', validFrom: '2025-02-30' });
    expect(r.status).toBe(422);
    const fields = r.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['wasteCode', 'unit', 'price', 'validFrom']));
    expect(r.body.errors.find((e: { field: string }) => e.field === 'price').message).toMatch(/^Цена за единицу, ₽: /);
    const backwards = await facility.post('/api/tariffs', { wasteCode: CODE2, unit: 't', price: '1', validFrom: '2025-05-02', validTo: '2025-05-01' });
    expect(backwards.body.errors[0]).toMatchObject({ field: 'validTo' });
    const unknown = await facility.post('/api/tariffs', { wasteCode: '99999999999', unit: 't', price: '1', validFrom: '2025-05-01' });
    expect(unknown.body.errors[0].message).toMatch(/^Код ФККО: /);
    // An impossible date in the list's filter is a 422 naming it (the fuzz test found a database error here).
    const impossible = await facility.get('/api/tariffs?at=8908-23-21');
    expect(impossible.status).toBe(422);
    expect(impossible.body.errors[0]).toMatchObject({ field: 'at', message: 'Действует на дату: такой даты не существует' });
  });

  it('prices a load on the first and on the last day of a tariff (Moscow days), at the weighed mass', async () => {
    const first = await load('2025-11-30T21:00:00Z'); // 01.12.2025 00:00 МСК
    const last = await load('2025-12-31T20:59:00Z'); // 31.12.2025 23:59 МСК
    const after = await load('2025-12-31T21:00:00Z'); // 01.01.2026 00:00 МСК: the next tariff and VAT 22 %
    for (const id of [first, last, after]) expect((await facility.post(`/api/receipts/${id}/confirm`, { mass: '12,345' })).status).toBe(200);
    const [f, l, a] = [await chargeOf(first), await chargeOf(last), await chargeOf(after)];
    // 12,345 т × 1000,01 ₽ = 12 345,12345 ₽ → 12 345,12 ₽ (per t wins over the m³ tariff of the same days)
    expect(f).toMatchObject({ status: 'priced', unit: 't', quantity: '12.345', amount_kop: '1234512', vat_rate: '20.00' });
    expect(l).toMatchObject({ status: 'priced', amount_kop: '1234512', vat_rate: '20.00' });
    expect(a).toMatchObject({ status: 'priced', amount_kop: String(chargeKop('12.345', 110000n)), vat_rate: '22.00' });
    expect(f.tariff_id).toBe(l.tariff_id);
    expect(a.tariff_id).not.toBe(f.tariff_id);
    // Confirming again changes nothing (one charge per load).
    expect((await facility.post(`/api/receipts/${first}/confirm`, { mass: '12.345' })).body.unchanged).toBe(true);
    expect((await sql<{ n: number }>`select count(*)::int as n from charges where trip_id = ${first}`.execute(ctx.db)).rows[0].n).toBe(1);
  });

  it('lists a load without a tariff as such, prices it when a tariff covering its day is set, never a rejected one', async () => {
    const none = await load('2025-06-10T09:00:00Z', { code: CODE2, volume: '8.25' });
    const rejected = await load('2025-06-10T10:00:00Z', { code: CODE2 });
    await facility.post(`/api/receipts/${none}/confirm`, { mass: '14' });
    await facility.post(`/api/receipts/${rejected}/reject`, { reason: 'Не тот груз' });
    expect(await chargeOf(none)).toMatchObject({ status: 'no_tariff', amount_kop: null });
    expect(await chargeOf(rejected)).toBeUndefined();
    const t = await facility.post('/api/tariffs', { wasteCode: CODE2, unit: 'm3', price: '333,33', validFrom: '2025-06-01', validTo: '2025-06-30' });
    expect(t.status).toBe(200);
    expect(await chargeOf(none)).toMatchObject({ status: 'priced', unit: 'm3', quantity: '8.250', amount_kop: '274997' }); // 8,25 × 333,33 = 2749,9725 ₽ → 2749,97 ₽
    // Ending the tariff before that day leaves the load without a tariff again (it is in no act yet).
    const ended = await facility.request('PUT', `/api/tariffs/${t.body.id}/period`, { validFrom: '2025-06-01', validTo: '2025-06-09' });
    expect(ended.status, ended.text).toBe(200);
    expect(await chargeOf(none)).toMatchObject({ status: 'no_tariff' });
    expect((await facility.request('DELETE', `/api/tariffs/${t.body.id}`)).body).toMatchObject({ deleted: true });
  });

  it('another facility neither sees nor changes the tariffs', async () => {
    const other = await signedIn(app, 'facility2@ossig.test');
    const mine = (await facility.get('/api/tariffs')).body.items[0];
    expect((await other.get('/api/tariffs')).body.items).toEqual([]);
    expect((await other.request('PUT', `/api/tariffs/${mine.id}/period`, { validFrom: '2020-01-01' })).status).toBe(404);
    expect((await other.request('DELETE', `/api/tariffs/${mine.id}`)).status).toBe(404);
    const producer = await signedIn(app, 'producer@ossig.test');
    expect((await producer.get('/api/tariffs')).status).toBe(403);
  });

  it('VAT rates: listed with their periods; the operator adds one', async () => {
    const r = await facility.get('/api/vat-rates');
    expect(r.body.items.map((v: { validFrom: string; validTo: string | null; rate: string }) => [v.validFrom, v.validTo, v.rate])).toEqual([
      ['2019-01-01', '2025-12-31', '20.00'],
      ['2026-01-01', null, '22.00'],
    ]);
    expect((await facility.post('/api/vat-rates', { validFrom: '2030-01-01', rate: '25' })).status).toBe(403);
    const op = await signedIn(app, 'operator@ossig.test');
    const bad = await op.post('/api/vat-rates', { validFrom: '2030-01-01', rate: '100' });
    expect(bad.body.errors[0]).toMatchObject({ field: 'rate' });
    const ok = await op.post('/api/vat-rates', { validFrom: '2030-01-01', rate: '25,5' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.items.at(-1)).toMatchObject({ validFrom: '2030-01-01', rate: '25.50', label: '25,5 %' });
  });

  it('a producer and a carrier of a permit see the tariffs of its facilities for its codes; others do not', async () => {
    const pw = (await sql<{ waste_code: string; producer_id: string; carrier_id: string }>`
      select w.waste_code, p.producer_id, c.carrier_id from permit_waste_types w join permits p on p.id = w.permit_id
        join permit_carriers c on c.permit_id = p.id join permit_facilities f on f.permit_id = p.id and f.facility_id = ${facilityId}
       where p.id = ${base.permit_id} limit 1`.execute(ctx.db)).rows[0];
    const own = (await facility.get('/api/tariffs')).body.items as { wasteCode: string; unit: string; price: string; validTo: string | null }[];
    let t = own.find((x) => x.wasteCode.replace(/ /g, '') === pw.waste_code && x.validTo === null);
    let created: string | null = null;
    if (!t) {
      const r = await facility.post('/api/tariffs', { wasteCode: pw.waste_code, unit: 'm3', price: '777,77', validFrom: '2099-01-01' });
      expect(r.status, r.text).toBe(200);
      t = r.body;
      created = r.body.id;
    }
    const emailOf = async (orgId: string) =>
      (await sql<{ email: string }>`select p.email from memberships m join persons p on p.id = m.person_id where m.organization_id = ${orgId} and m.role = 'head' limit 1`.execute(ctx.db)).rows[0].email;
    for (const org of [pw.producer_id, pw.carrier_id]) {
      const c = await signedIn(app, await emailOf(org));
      const r = await c.get('/api/tariffs/applicable');
      expect(r.status, r.text).toBe(200);
      expect(r.body.items).toContainEqual(expect.objectContaining({ wasteCode: t!.wasteCode, unit: t!.unit, price: t!.price, facility: expect.objectContaining({ id: facilityId }) }));
    }
    const other = await signedIn(app, 'producer2@ossig.test');
    expect((await other.get('/api/tariffs/applicable')).body.items.some((x: { facility: { id: string } }) => x.facility.id === facilityId)).toBe(false);
    expect((await facility.get('/api/tariffs/applicable')).status).toBe(403);
    if (created) await facility.request('DELETE', `/api/tariffs/${created}`);
  });
});
