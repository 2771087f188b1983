/** The trips API as carriers use it: per-trip checks, idempotency, limits, scoping. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/db.js';
import { buildTestApp, signedIn, Client } from './helpers/http.js';
import { seedDemo } from '../src/features/demo/seed.js';
import type { App } from '../src/platform/http/server.js';

let ctx: TestContext;
let app: App;
let carrier: Client;
let permit: { number: string; wasteCode: string; facilityInn: string; validFrom: string; validTo: string };
let plate: string;
let foreignPlate: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 50 });
  app = await buildTestApp(ctx);
  carrier = await signedIn(app, 'carrier@ossig.test');
  const p = await ctx.db
    .selectFrom('permits as p')
    .innerJoin('permit_carriers as pc', 'pc.permit_id', 'p.id')
    .innerJoin('organizations as c', 'c.id', 'pc.carrier_id')
    .innerJoin('permit_waste_types as w', 'w.permit_id', 'p.id')
    .innerJoin('permit_facilities as pf', 'pf.permit_id', 'p.id')
    .innerJoin('organizations as f', 'f.id', 'pf.facility_id')
    .select(['p.number', 'w.waste_code', 'f.inn', 'p.valid_from', 'p.valid_to'])
    .where('c.email', '=', 'info@carrier.ossig.test')
    .where('p.number', '=', 'РП-77-2026-000157')
    .executeTakeFirstOrThrow();
  permit = { number: p.number, wasteCode: p.waste_code, facilityInn: p.inn, validFrom: p.valid_from, validTo: p.valid_to };
  const v = await ctx.db
    .selectFrom('vehicles as v')
    .innerJoin('organizations as o', 'o.id', 'v.carrier_id')
    .select(['v.plate', 'o.email'])
    .execute();
  plate = v.find((x) => x.email === 'info@carrier.ossig.test')!.plate;
  foreignPlate = v.find((x) => x.email === 'info@carrier2.ossig.test')!.plate;
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

let minute = 0;
/** A valid trip an hour ago (each call a distinct loading time). */
function trip(over: Record<string, unknown> = {}) {
  minute += 3;
  const loaded = new Date(Date.now() - 2 * 86_400_000 - minute * 60_000);
  return {
    permitNumber: permit.number,
    plate,
    wasteCode: permit.wasteCode,
    facilityInn: permit.facilityInn,
    loadedAt: loaded.toISOString(),
    unloadedAt: new Date(loaded.getTime() + 90 * 60_000).toISOString(),
    volume: '15.50',
    mass: 24.125,
    ...over,
  };
}

describe('POST /api/trips', () => {
  it('accepts valid trips and stores exact decimals', async () => {
    const res = await carrier.post('/api/trips', { trips: [trip({ externalId: 'T-1' }), trip({ volume: '12,5' })] });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    const row = await ctx.db.selectFrom('trips').select(['volume', 'mass', 'source']).where('id', '=', res.body.results[0].id).executeTakeFirstOrThrow();
    expect(row).toEqual({ volume: '15.50', mass: '24.125', source: 'api' });
    const second = await ctx.db.selectFrom('trips').select('volume').where('id', '=', res.body.results[1].id).executeTakeFirstOrThrow();
    expect(second.volume).toBe('12.50');
  });

  it('maps Latin look-alike letters in plates to Cyrillic', async () => {
    const latin = plate.replace(/А/g, 'A').replace(/В/g, 'B').replace(/Е/g, 'E').replace(/К/g, 'K').replace(/М/g, 'M').replace(/Н/g, 'H')
      .replace(/О/g, 'O').replace(/Р/g, 'P').replace(/С/g, 'C').replace(/Т/g, 'T').replace(/У/g, 'Y').replace(/Х/g, 'X').toLowerCase();
    expect(latin).not.toBe(plate);
    const res = await carrier.post('/api/trips', { trips: [trip({ plate: latin })] });
    expect(res.body.results[0]).toMatchObject({ status: 'accepted' });
  });

  it('rejects each bad trip with every reason, naming the field, and keeps the good ones', async () => {
    const now = Date.now();
    const res = await carrier.post('/api/trips', {
      trips: [
        trip(),
        trip({ plate: 'D123ZZ77' }),
        trip({ wasteCode: '12345678901' }),
        trip({ volume: '-3', mass: 0 }),
        trip({ loadedAt: new Date(now - 3600_000).toISOString(), unloadedAt: new Date(now - 7200_000).toISOString() }),
        trip({ plate: foreignPlate }),
        trip({ facilityInn: '7707083894' }),
        trip({ permitNumber: 'РП-77-2026-000233-НЕТ' }),
        {},
      ],
    });
    expect(res.status).toBe(200);
    const r = res.body.results;
    expect(r[0].status).toBe('accepted');
    expect(r[1]).toMatchObject({ status: 'rejected' });
    expect(r[1].errors[0]).toMatchObject({ field: 'trips[1].plate' });
    expect(r[1].errors[0].message).toMatch(/буква «D»/);
    expect(r[2].errors).toEqual([{ field: 'trips[2].wasteCode', message: expect.stringMatching(/не найден в каталоге/) }]);
    expect(r[3].errors.map((e: any) => e.field)).toEqual(['trips[3].volume', 'trips[3].mass']);
    expect(r[4].errors.map((e: any) => e.field)).toContain('trips[4].unloadedAt');
    expect(r[5].errors[0].message).toMatch(/не числится в реестре ТС вашей организации/);
    expect(r[6].errors[0]).toMatchObject({ field: 'trips[6].facilityInn', message: expect.stringMatching(/контрольное число/) });
    expect(r[7].errors[0].message).toMatch(/не найдено/);
    expect(r[8].errors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining(['trips[8].permitNumber', 'trips[8].plate', 'trips[8].wasteCode', 'trips[8].facilityInn', 'trips[8].loadedAt', 'trips[8].volume', 'trips[8].mass']),
    );
    expect(res.body).toMatchObject({ accepted: 1, rejected: 8, duplicates: 0 });
  });

  it('rejects a trip on a date outside the permit validity', async () => {
    const before = new Date(`${permit.validFrom}T12:00:00+03:00`).getTime() - 2 * 86_400_000;
    const res = await carrier.post('/api/trips', {
      trips: [trip({ loadedAt: new Date(before).toISOString(), unloadedAt: new Date(before + 3600_000).toISOString() })],
    });
    expect(res.body.results[0].status).toBe('rejected');
    expect(res.body.results[0].errors[0]).toMatchObject({ field: 'trips[0].loadedAt', message: expect.stringMatching(/не действовало/) });
  });

  it('reports duplicates within a batch and against recorded trips, writing nothing twice', async () => {
    const t = trip({ externalId: 'DUP-1' });
    const first = await carrier.post('/api/trips', { trips: [t, t] });
    expect(first.body.results.map((x: any) => x.status)).toEqual(['accepted', 'duplicate']);
    const again = await carrier.post('/api/trips', { trips: [t] });
    expect(again.body.results[0].status).toBe('duplicate');
    const n = await ctx.db.selectFrom('trips').select((eb) => eb.fn.countAll<number>().as('n')).where('external_id', '=', 'DUP-1').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('replays an Idempotency-Key with the same answer and refuses it with a different body', async () => {
    const body = { trips: [trip()] };
    const a = await carrier.post('/api/trips', body, { 'idempotency-key': 'batch-42' });
    const b = await carrier.post('/api/trips', body, { 'idempotency-key': 'batch-42' });
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const c = await carrier.post('/api/trips', { trips: [trip()] }, { 'idempotency-key': 'batch-42' });
    expect(c.status).toBe(422);
    expect(c.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(c.body.errors[0].field).toBe('Idempotency-Key');
  });

  it('refuses a batch of 10,001 trips as a whole, naming the field', async () => {
    const trips = Array.from({ length: 10_001 }, () => ({ plate }));
    const res = await carrier.post('/api/trips', { trips });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'trips', message: 'Рейсы: не более 10000 элементов' }]);
  });

  it('answers malformed JSON with problem+json', async () => {
    const res = await carrier.request('POST', '/api/trips', '{"trips": [', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('malformed_json');
  });

  it('is for carriers only, with the submit right', async () => {
    const producer = await signedIn(app, 'producer@ossig.test');
    const res = await producer.post('/api/trips', { trips: [trip()] });
    expect(res.status).toBe(403);
    const anon = new Client(app);
    expect((await anon.post('/api/trips', { trips: [trip()] })).status).toBe(401);
  });
});

describe('reading is scoped to the organization', () => {
  it('another producer sees neither the site nor its permits nor its trips', async () => {
    const producer = await signedIn(app, 'producer@ossig.test');
    const other = await signedIn(app, 'producer2@ossig.test');
    const sites = (await producer.get('/api/sites')).body.items;
    expect(sites.length).toBe(2);
    const siteId = sites[0].id;
    expect((await other.get(`/api/sites/${siteId}`)).status).toBe(404);
    expect((await other.get(`/api/sites/${siteId}/permits?from=2026-01-01&to=2026-01-31`)).status).toBe(404);
    const trips = await other.get(`/api/trips?siteId=${siteId}`);
    expect(trips.body.total).toEqual({ value: 0, exact: true });
    const permitId = (await producer.get(`/api/sites/${siteId}`)).body.permits[0].id;
    expect((await other.get(`/api/permits/${permitId}`)).status).toBe(404);
    expect((await other.get('/api/sites')).body.items.map((s: any) => s.id)).not.toContain(siteId);
  });

  it('a carrier sees only the trips it carried', async () => {
    const res = await carrier.get('/api/trips?pageSize=500');
    const mine = await ctx.db
      .selectFrom('trips as t')
      .innerJoin('organizations as o', 'o.id', 't.carrier_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('o.email', '=', 'info@carrier.ossig.test')
      .executeTakeFirstOrThrow();
    expect(res.body.total).toEqual({ value: Number(mine.n), exact: true });
    expect(new Set(res.body.items.map((t: any) => t.carrierName))).toEqual(new Set(['Общество с ограниченной ответственностью «ТрансГрунт»']));
  });
});
