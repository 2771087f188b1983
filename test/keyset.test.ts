/**
 * Keyset paging (issue 13): walking every page of a list by `nextCursor` gives each row exactly
 * once, in the order of the list, also across rows sharing the same time to the microsecond; the
 * totals say whether they are exact; a foreign cursor is a 422 on `after`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from './helpers/db.js';
import { buildTestApp, signedIn, type Client } from './helpers/http.js';
import { makeOrganization, makePermit, makePerson, makeSite, makeTrips, makeVehicle, makeWorld, WASTE_CODE, type World } from './factories.js';
import type { App } from '../src/platform/http/server.js';
import { tableEstimate } from '../src/platform/db/keyset.js';

let ctx: TestContext;
let app: App;
let w: World;
let producer: Client;
let carrier: Client;
let facility: Client;
let operator: Client;
let secondVehicle: string;

const TRIPS = 1_010;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx);
  await makeTrips(ctx, w, { count: TRIPS });
  // Five trips unloaded at the same microsecond by another vehicle of the carrier: ties broken by id.
  secondVehicle = (await makeVehicle(ctx, { carrierId: w.carrier.id })).id;
  await sql`insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, source)
            select ${w.permit.id}, ${w.site.id}, ${w.carrier.id}, ${secondVehicle}, ${w.facility.id}, ${w.facility.objectId}, ${WASTE_CODE},
                   timestamptz '2026-11-20 10:00:00.123456+03' - g * interval '1 minute', timestamptz '2026-11-20 12:00:00.123456+03', 5, 8, 'api'
              from generate_series(1, 5) g`.execute(ctx.db);
  const op = await makeOrganization(ctx, { roles: ['operator'] });
  const opHead = await makePerson(ctx, { organizationId: op.id });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, w.producer.head.email);
  carrier = await signedIn(app, w.carrier.head.email);
  facility = await signedIn(app, w.facility.head.email);
  operator = await signedIn(app, opHead.email);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

async function walk(client: Client, url: string, pageSize: number, maxPages = 1_000) {
  const ids: number[] = [];
  let after: string | null = null;
  let first: any;
  for (let i = 0; i < maxPages; i++) {
    const res: any = await client.get(`${url}${url.includes('?') ? '&' : '?'}pageSize=${pageSize}${after ? `&after=${after}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    first ??= res.body;
    expect(res.body.items.length).toBeLessThanOrEqual(pageSize);
    ids.push(...res.body.items.map((t: any) => t.id));
    after = res.body.nextCursor;
    if (!after) break;
    expect(res.body.items.length).toBe(pageSize);
  }
  return { ids, first };
}

async function expected(where: ReturnType<typeof sql>) {
  const r = await sql<{ id: string }>`select id from trips t where ${where} order by unloaded_at desc, id desc`.execute(ctx.db);
  return r.rows.map((x) => Number(x.id));
}

describe('keyset pages of trips', () => {
  it("a site's trips: every trip once, newest first, ties at one microsecond kept apart; the total exact from the aggregates", async () => {
    const { ids, first } = await walk(producer, `/api/trips?siteId=${w.site.id}`, 97);
    expect(ids).toEqual(await expected(sql`site_id = ${w.site.id}`));
    expect(ids.length).toBe(TRIPS + 5);
    expect(first.total).toEqual({ value: TRIPS + 5, exact: true });
  });

  it("the ties on one page boundary: pages of 2 through the five trips of one microsecond", async () => {
    const { ids } = await walk(carrier, `/api/trips?vehicleId=${secondVehicle}`, 2);
    expect(ids).toEqual(await expected(sql`vehicle_id = ${secondVehicle}`));
    expect(ids.length).toBe(5);
  });

  it("the carrier's own trips without a filter (the union of its sides): every trip; the total exact from the lifetime totals, a formed filter's «более 1000»", async () => {
    const { ids, first } = await walk(carrier, '/api/trips', 250);
    expect(ids).toEqual(await expected(sql`carrier_id = ${w.carrier.id}`));
    expect(ids.length).toBeGreaterThan(1000);
    expect(first.total).toEqual({ value: ids.length, exact: true });
    const formed = await carrier.get('/api/trips?formed=true');
    expect(formed.body.total).toEqual({ value: 1000, exact: false, bound: true });
  });

  it('a vehicle\'s trips and a period: capped count exact under 1000', async () => {
    const res = await carrier.get(`/api/trips?vehicleId=${secondVehicle}`);
    expect(res.body.total).toEqual({ value: 5, exact: true });
    const period = await producer.get(`/api/trips?siteId=${w.site.id}&from=2026-11-20&to=2026-11-20`);
    expect(period.body.total.exact).toBe(true);
    expect(period.body.total.value).toBe((await expected(sql`site_id = ${w.site.id} and (unloaded_at at time zone 'Europe/Moscow')::date = '2026-11-20'`)).length);
  });

  it("the facility's receipts page by page; a status filter counted from the aggregates", async () => {
    const { ids, first } = await walk(facility, '/api/receipts?status=pending', 500);
    expect(ids).toEqual(await expected(sql`facility_id = ${w.facility.id} and receipt_status = 'pending'`));
    expect(first.total).toEqual({ value: TRIPS + 5, exact: true });
    expect(first.items[0].receiptStatusText).toBeTruthy();
  });

  it("another organization sees nothing of them; the operator's unfiltered list is counted while the table is small", async () => {
    const other = await signedIn(app, (await makePerson(ctx, { organizationId: (await makeOrganization(ctx, { roles: ['producer'] })).id })).email);
    const res = await other.get(`/api/trips?siteId=${w.site.id}`);
    expect(res.body.items).toEqual([]);
    expect(res.body.total).toEqual({ value: 0, exact: true });
    const mine = await other.get('/api/trips');
    expect(mine.body).toMatchObject({ items: [], nextCursor: null, total: { value: 0, exact: true } });
    await sql`analyze trips`.execute(ctx.db);
    const all = await operator.get('/api/trips?pageSize=3');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(3);
    const rows = Number((await sql<{ n: string }>`select count(*) as n from trips`.execute(ctx.db)).rows[0].n);
    expect(all.body.total).toEqual({ value: rows, exact: true });
  });

  it('a table total: the estimate above the exact limit, counted below it, «более N» when the estimate is stale', async () => {
    const rows = Number((await sql<{ n: string }>`select count(*) as n from trips`.execute(ctx.db)).rows[0].n);
    expect(rows).toBeGreaterThan(1000);
    await sql`analyze trips`.execute(ctx.db);
    const estimated = await tableEstimate(ctx.db, 'trips', 100);
    expect(estimated.exact).toBe(false);
    expect(estimated.bound).toBeUndefined();
    expect(estimated.value).toBeGreaterThan(100);
    expect(await tableEstimate(ctx.db, 'trips', rows)).toEqual({ value: rows, exact: true });
    expect(await tableEstimate(ctx.db, 'trips', rows - 1)).toEqual({ value: rows, exact: false });
    // A table never analyzed (reltuples −1): counted, and beyond the limit a bound, never «≈ 0».
    await sql`create table never_analyzed as select g from generate_series(1, 150) g`.execute(ctx.db);
    expect(await tableEstimate(ctx.db, 'never_analyzed', 1000)).toEqual({ value: 150, exact: true });
    expect(await tableEstimate(ctx.db, 'never_analyzed', 100)).toEqual({ value: 100, exact: false, bound: true });
  });

  it('a damaged or foreign cursor is a 422 naming «after»', async () => {
    for (const after of ['garbage', Buffer.from('["x","y"]').toString('base64url'), Buffer.from('["1","not-a-number"]').toString('base64url')]) {
      const res = await producer.get(`/api/trips?siteId=${w.site.id}&after=${after}`);
      expect(res.status, after).toBe(422);
      expect(res.body.errors[0].field).toBe('after');
    }
    // An upload log's cursor (time, uuid) does not fit the trips list (time, id).
    const up = Buffer.from(JSON.stringify(['1', '7f1d1a5e-1111-4111-8111-111111111111'])).toString('base64url');
    expect((await carrier.get(`/api/trips?after=${up}`)).status).toBe(422);
  });
});

describe('keyset pages of the upload log', () => {
  it('walks the log by cursor, newest first', async () => {
    const org = w.carrier.id;
    await sql`insert into uploads (organization_id, person_id, kind, file_name, file_type, size_bytes, sha256, status, created_at)
              select ${org}, ${w.carrier.head.id}, 'trips', 'рейсы-' || g || '.csv', 'csv', 10, md5(g::text) || md5(g::text), 'done',
                     timestamptz '2026-11-01 10:00:00.5+03' + (g / 3) * interval '1 hour'
                from generate_series(1, 23) g`.execute(ctx.db);
    const names: string[] = [];
    let after: string | null = null;
    let total: unknown;
    do {
      const res: any = await carrier.get(`/api/uploads?pageSize=4${after ? `&after=${after}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      total ??= res.body.total;
      names.push(...res.body.items.map((u: any) => u.fileName));
      after = res.body.nextCursor;
    } while (after);
    const want = await sql<{ file_name: string }>`select file_name from uploads where organization_id = ${org} order by created_at desc, id desc`.execute(ctx.db);
    expect(names).toEqual(want.rows.map((r) => r.file_name));
    expect(total).toEqual({ value: 23, exact: true });
  });
});

/** Walks a keyset list by `nextCursor`; each page's `total` is the first page's. */
async function walkAll(client: Client, url: string, pageSize: number, pick: (x: any) => string) {
  const got: string[] = [];
  let after: string | null = null;
  let total: unknown;
  for (let i = 0; i < 500; i++) {
    const res: any = await client.get(`${url}${url.includes('?') ? '&' : '?'}pageSize=${pageSize}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    total ??= res.body.total;
    got.push(...res.body.items.map(pick));
    after = res.body.nextCursor;
    if (!after) break;
  }
  return { got, total };
}

describe('keyset pages of sites, permits and statements', () => {
  it("the producer's sites by name, twins of one name kept apart; the total exact to 1000", async () => {
    // Sites of the same long Cyrillic name (ties broken by id) and names sorting around them.
    const twin = 'Жилой комплекс «Северное сияние», корпус 1, очередь строительства 2 (снос зданий и вывоз грунта)';
    for (let i = 0; i < 7; i++) await makeSite(ctx, { producerId: w.producer.id, name: twin });
    for (let i = 0; i < 9; i++) await makeSite(ctx, { producerId: w.producer.id, name: `Объект ${String.fromCharCode(0x410 + i)}` });
    const { got, total } = await walkAll(producer, '/api/sites', 3, (s) => s.id);
    const want = await sql<{ id: string }>`select id from sites where producer_id = ${w.producer.id} and archived_at is null order by name, id`.execute(ctx.db);
    expect(got).toEqual(want.rows.map((r) => r.id));
    expect(total).toEqual({ value: want.rows.length, exact: true });
    // A search pages the same way.
    const found = await walkAll(producer, `/api/sites?q=${encodeURIComponent('Северное')}`, 2, (s) => s.id);
    expect(found.got.length).toBe(7);
    expect(found.total).toEqual({ value: 7, exact: true });
  });

  it('the permits of a site, newest validity first, by cursor; a carrier sees only the permits naming it', async () => {
    for (let i = 0; i < 11; i++) {
      await makePermit(ctx, {
        siteId: w.site.id,
        producerId: w.producer.id,
        carrierIds: i % 2 ? [w.carrier.id] : [],
        facilities: [{ organizationId: w.facility.id, objectId: w.facility.objectId }],
        validFrom: `2026-0${1 + (i % 4)}-01`,
      });
    }
    const { got, total } = await walkAll(producer, `/api/permits?siteId=${w.site.id}`, 4, (p) => p.id);
    const want = await sql<{ id: string }>`select id from permits where site_id = ${w.site.id} order by valid_from desc, id desc`.execute(ctx.db);
    expect(got).toEqual(want.rows.map((r) => r.id));
    expect(total).toEqual({ value: 12, exact: true });
    const mine = await walkAll(carrier, `/api/permits?siteId=${w.site.id}`, 2, (p) => p.id);
    const named = await sql<{ id: string }>`select p.id from permits p join permit_carriers c on c.permit_id = p.id and c.carrier_id = ${w.carrier.id}
                                              where p.site_id = ${w.site.id} order by p.valid_from desc, p.id desc`.execute(ctx.db);
    expect(mine.got).toEqual(named.rows.map((r) => r.id));
    expect(mine.total).toEqual({ value: named.rows.length, exact: true });
  });

  it("a site's statements, newest first, ties at one microsecond kept apart; another producer gets 404", async () => {
    await sql`insert into statements (number, organization_id, site_id, period_from, period_to, permit_ids, ordered_by, ordered_at, formation_cutoff, snapshot_max_trip_id)
              select 'СП-КС-' || g, ${w.producer.id}, ${w.site.id}, '2026-10-01', '2026-10-31', array[${w.permit.id}::uuid], ${w.producer.head.id},
                     timestamptz '2026-11-02 09:00:00.654321+03' + (g / 4) * interval '1 hour', now(), 0
                from generate_series(1, 13) g`.execute(ctx.db);
    const { got, total } = await walkAll(producer, `/api/sites/${w.site.id}/statements`, 3, (s) => s.number);
    const want = await sql<{ number: string }>`select number from statements where site_id = ${w.site.id} order by ordered_at desc, id desc`.execute(ctx.db);
    expect(got).toEqual(want.rows.map((r) => r.number));
    expect(total).toEqual({ value: 13, exact: true });
    const other = await signedIn(app, (await makePerson(ctx, { organizationId: (await makeOrganization(ctx, { roles: ['producer'] })).id })).email);
    expect((await other.get(`/api/sites/${w.site.id}/statements`)).status).toBe(404);
    // A sites cursor (text, uuid) does not fit the statements list (time, uuid).
    const foreign = Buffer.from(JSON.stringify(['Объект', '7f1d1a5e-1111-4111-8111-111111111111'])).toString('base64url');
    const res = await producer.get(`/api/sites/${w.site.id}/statements?after=${foreign}`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('after');
  });
});

/** A cursor of the right shape from another list, and a damaged one: each a 422 naming «after». */
async function expectBadCursors(client: Client, url: string, foreign: string[]) {
  for (const after of ['garbage', Buffer.from('["x"]').toString('base64url'), Buffer.from(JSON.stringify(foreign)).toString('base64url')]) {
    const res = await client.get(`${url}${url.includes('?') ? '&' : '?'}after=${after}`);
    expect(res.status, `${url} ${after}`).toBe(422);
    expect(res.body.errors[0].field).toBe('after');
  }
}

const UUID0 = '7f1d1a5e-1111-4111-8111-111111111111';

describe('keyset pages of money: charges, acts, invoices, payments (issue 13)', () => {
  let others: { facility: string; payer: string };
  beforeAll(async () => {
    others = {
      facility: (await makeOrganization(ctx, { roles: ['facility'] })).id,
      payer: (await makeOrganization(ctx, { roles: ['producer'] })).id,
    };
    // A charge per trip, on four sides: another pair's, the facility's to the producer, another
    // facility's to the producer, the facility's to itself (on both sides: must come once).
    await sql`insert into charges (trip_id, facility_id, payer_id, waste_code, unloaded_on, status)
              select t.id,
                     case t.id % 4 when 0 then ${others.facility}::uuid when 1 then ${w.facility.id}::uuid when 2 then ${others.facility}::uuid else ${w.facility.id}::uuid end,
                     case t.id % 4 when 0 then ${others.payer}::uuid when 1 then ${w.producer.id}::uuid when 2 then ${w.producer.id}::uuid else ${w.facility.id}::uuid end,
                     t.waste_code, (t.unloaded_at at time zone 'Europe/Moscow')::date, 'no_tariff'
                from trips t where t.site_id = ${w.site.id}`.execute(ctx.db);
    // Acts (and an invoice each) of three months, created at one microsecond: the facility's to the
    // producer, another facility's to the facility (the facility as payer), and another pair's.
    const acts = (facility: string, payer: string, prefix: string, n: number) => sql`
      with a as (
        insert into acts (number, facility_id, payer_id, month, seq, net_kop, vat_kop, total_kop, loads, created_at)
        select ${prefix} || g, ${facility}::uuid, ${payer}::uuid, date '2026-08-01' + ((g % 3) || ' months')::interval, g, 1000 * g, 200 * g, 1200 * g, g,
               timestamptz '2026-11-03 10:00:00.777777+03'
          from generate_series(1, ${n}) g returning id, number, facility_id, payer_id, month, total_kop, created_at)
      insert into invoices (number, facility_id, payer_id, act_id, issued_on, due_on, net_kop, vat_kop, total_kop, created_at)
      select 'С' || a.number, a.facility_id, a.payer_id, a.id, (a.month + interval '1 month')::date, (a.month + interval '2 months')::date, a.total_kop - a.total_kop / 6, a.total_kop / 6, a.total_kop, a.created_at
        from a`.execute(ctx.db);
    await acts(w.facility.id, w.producer.id, 'КС-', 17);
    await acts(others.facility, w.facility.id, 'ДР-', 6);
    await acts(others.facility, others.payer, 'ЧЖ-', 5);
    // Payments of the facility and of another, two per microsecond and three per day.
    for (const facility of [w.facility.id, others.facility]) {
      await sql`insert into payments (facility_id, source, doc_number, doc_date, amount_kop, match, created_at)
                select ${facility}::uuid, 'manual', 'П-' || g, date '2026-11-01' + g / 3, 100 * g, case when g % 5 = 0 then 'ignored' else 'unmatched' end,
                       timestamptz '2026-11-05 12:00:00.5+03' + (g / 2) * interval '1 second'
                  from generate_series(1, 23) g`.execute(ctx.db);
    }
  });

  it("charges of both sides: every charge once, newest day first; the producer's and the facility's", async () => {
    for (const [client, org] of [[facility, w.facility.id], [producer, w.producer.id]] as const) {
      const { got, total } = await walkAll(client, '/api/charges', 37, (c) => String(c.tripId));
      const want = await sql<{ id: string }>`select trip_id::text as id from charges where facility_id = ${org} or payer_id = ${org} order by unloaded_on desc, trip_id desc`.execute(ctx.db);
      expect(got).toEqual(want.rows.map((r) => r.id));
      expect(new Set(got).size).toBe(got.length);
      expect(got.length).toBeGreaterThan(200);
      expect(total).toEqual({ value: want.rows.length, exact: true });
    }
    // A month and a side of the filter page the same way.
    const month = (await sql<{ m: string }>`select to_char(max(unloaded_on), 'YYYY-MM') as m from charges where facility_id = ${w.facility.id}`.execute(ctx.db)).rows[0].m;
    const { got } = await walkAll(facility, `/api/charges?month=${month}&billed=false`, 11, (c) => String(c.tripId));
    const want = await sql<{ id: string }>`select trip_id::text as id from charges where (facility_id = ${w.facility.id} or payer_id = ${w.facility.id})
      and to_char(unloaded_on, 'YYYY-MM') = ${month} and act_id is null order by unloaded_on desc, trip_id desc`.execute(ctx.db);
    expect(got).toEqual(want.rows.map((r) => r.id));
    // Not in an act, and without tariff (each side through its partial index, migration 0381), for both sides' organizations.
    for (const [client, org] of [[facility, w.facility.id], [producer, w.producer.id]] as const) {
      for (const [q, where] of [['billed=false', sql`act_id is null`], ['status=no_tariff', sql`status = 'no_tariff'`]] as const) {
        const walked = await walkAll(client, `/api/charges?${q}`, 23, (c) => String(c.tripId));
        const rows = await sql<{ id: string }>`select trip_id::text as id from charges where (facility_id = ${org} or payer_id = ${org}) and ${where} order by unloaded_on desc, trip_id desc`.execute(ctx.db);
        expect(walked.got, q).toEqual(rows.rows.map((r) => r.id));
        expect(walked.got.length, q).toBeGreaterThan(100);
        expect(walked.total, q).toEqual({ value: rows.rows.length, exact: true });
      }
    }
    await expectBadCursors(facility, '/api/charges', ['2026-11-01', UUID0]);
  });

  it("acts and invoices: the facility's and those it owes, ties at one microsecond kept apart; another pair's never seen", async () => {
    const org = w.facility.id;
    const acts = await walkAll(facility, '/api/acts', 4, (a) => a.number);
    const wantActs = await sql<{ n: string }>`select number as n from acts where facility_id = ${org} or payer_id = ${org} order by month desc, created_at desc, id desc`.execute(ctx.db);
    expect(acts.got).toEqual(wantActs.rows.map((r) => r.n));
    expect(acts.got.length).toBe(23);
    expect(acts.got.some((n) => n.startsWith('ЧЖ-'))).toBe(false);
    expect(acts.total).toEqual({ value: 23, exact: true });
    const mine = await walkAll(producer, '/api/acts?month=2026-09', 2, (a) => a.number);
    expect(mine.got).toEqual((await sql<{ n: string }>`select number as n from acts where payer_id = ${w.producer.id} and month = '2026-09-01' order by created_at desc, id desc`.execute(ctx.db)).rows.map((r) => r.n));
    expect(mine.got.length).toBe(6);

    const all = await walkAll(facility, '/api/invoices', 5, (i) => i.number);
    const wantAll = await sql<{ n: string }>`select number as n from invoices where facility_id = ${org} or payer_id = ${org} order by issued_on desc, created_at desc, id desc`.execute(ctx.db);
    expect(all.got).toEqual(wantAll.rows.map((r) => r.n));
    expect(all.total).toEqual({ value: 23, exact: true });
    const owing = await walkAll(facility, '/api/invoices?side=owing', 4, (i) => i.number);
    expect(owing.got).toEqual((await sql<{ n: string }>`select number as n from invoices where payer_id = ${org} order by issued_on desc, created_at desc, id desc`.execute(ctx.db)).rows.map((r) => r.n));
    expect(owing.got.length).toBe(6);
    const overdue = await walkAll(producer, '/api/invoices?side=owing&state=overdue', 3, (i) => i.number);
    const wantOverdue = await sql<{ n: string }>`select number as n from invoices where payer_id = ${w.producer.id} and paid_kop < total_kop
      and due_on < (now() at time zone 'Europe/Moscow')::date order by issued_on desc, created_at desc, id desc`.execute(ctx.db);
    expect(overdue.got).toEqual(wantOverdue.rows.map((r) => r.n));
    expect(overdue.got.length).toBeGreaterThan(0);
    await expectBadCursors(facility, '/api/acts', ['2026-11-01', UUID0]);
    await expectBadCursors(facility, '/api/invoices', ['1', UUID0]);
  });

  it("a facility's payments, a match filter, and another facility's never seen", async () => {
    const { got, total } = await walkAll(facility, '/api/payments', 4, (p) => p.id);
    const want = await sql<{ id: string }>`select id from payments where facility_id = ${w.facility.id} order by doc_date desc, created_at desc, id desc`.execute(ctx.db);
    expect(got).toEqual(want.rows.map((r) => r.id));
    expect(got.length).toBe(23);
    expect(total).toEqual({ value: 23, exact: true });
    const waiting = await walkAll(facility, '/api/payments?match=unmatched', 5, (p) => p.docNumber);
    expect(waiting.got.length).toBe(19);
    expect(waiting.total).toEqual({ value: 19, exact: true });
    const first = await facility.get('/api/payments?pageSize=1');
    expect(first.body.unmatched).toEqual({ value: 19, exact: true });
    await expectBadCursors(facility, '/api/payments', ['2026-11-01', '1', 'x']);
  });
});

describe('keyset pages of telemetry: review cases and unknown terminals (issue 13)', () => {
  let operatorClient: Client;
  let otherCarrier: string;
  beforeAll(async () => {
    operatorClient = operator;
    otherCarrier = (await makeOrganization(ctx, { roles: ['carrier'] })).id;
    const otherVehicle = (await makeVehicle(ctx, { carrierId: otherCarrier })).id;
    for (const [carrierId, vehicleId, n] of [[w.carrier.id, w.vehicle.id, 19], [otherCarrier, otherVehicle, 8]] as const) {
      await sql`with d as (
                  insert into telemetry_detections (vehicle_id, carrier_id, kind, site_id, loaded_at, unloaded_at, latitude, longitude, outcome)
                  select ${vehicleId}::uuid, ${carrierId}::uuid, 'dump_outside', ${w.site.id}::uuid, timestamptz '2026-10-01 08:00+03' + g * interval '1 hour',
                         timestamptz '2026-10-01 09:00+03' + g * interval '1 hour', 55.7, 37.6, 'review'
                    from generate_series(1, ${n}) g returning id, loaded_at)
                insert into telemetry_reviews (detection_id, reason_code, reason, carrier_id, vehicle_id, status, created_at)
                select d.id, 'dump_outside', 'Выгрузка вне объектов приёма', ${carrierId}::uuid, ${vehicleId}::uuid,
                       case when extract(hour from d.loaded_at) :: int % 4 = 0 then 'dismissed' else 'open' end,
                       timestamptz '2026-10-02 10:00:00.25+03' + (extract(hour from d.loaded_at)::int / 3) * interval '1 minute'
                  from d`.execute(ctx.db);
    }
    await sql`insert into telemetry_unknown_terminals (terminal, protocol, first_seen, last_seen, points, last_remote)
              select 'T-' || lpad(g::text, 3, '0'), 'egts', timestamptz '2026-11-01 10:00+03', timestamptz '2026-11-02 10:00:00.125+03' + (g / 4) * interval '1 minute', g, '127.0.0.1'
                from generate_series(1, 21) g`.execute(ctx.db);
    // A terminal a vehicle now names is not unknown any more.
    await sql`update vehicles set terminal_number = 'T-007' where id = ${secondVehicle}`.execute(ctx.db);
  });

  it("review cases: the carrier's own, the operator's all and by status, newest first", async () => {
    const mine = await walkAll(carrier, '/api/telemetry/reviews', 4, (r) => String(r.id));
    const want = await sql<{ id: string }>`select r.id::text as id from telemetry_reviews r where carrier_id = ${w.carrier.id} order by r.created_at desc, r.id desc`.execute(ctx.db);
    expect(mine.got).toEqual(want.rows.map((r) => r.id));
    expect(mine.got.length).toBe(19);
    expect(mine.total).toEqual({ value: 19, exact: true });
    for (const status of ['open', 'dismissed'] as const) {
      const all = await walkAll(operatorClient, `/api/telemetry/reviews?status=${status}`, 3, (r) => String(r.id));
      const wantAll = await sql<{ id: string }>`select r.id::text as id from telemetry_reviews r where status = ${status} order by r.created_at desc, r.id desc`.execute(ctx.db);
      expect(all.got).toEqual(wantAll.rows.map((r) => r.id));
      expect(all.total).toEqual({ value: wantAll.rows.length, exact: true });
    }
    const every = await walkAll(operatorClient, '/api/telemetry/reviews', 5, (r) => String(r.id));
    expect(every.got.length).toBe(27);
    await expectBadCursors(carrier, '/api/telemetry/reviews', ['1', UUID0]);
  });

  it('unknown terminals, the latest first, ties kept apart; one a vehicle names is gone', async () => {
    const { got, total } = await walkAll(operatorClient, '/api/telemetry/unknown-terminals', 4, (t) => t.terminal);
    const want = await sql<{ t: string }>`select terminal as t from telemetry_unknown_terminals u
      where not exists (select 1 from vehicles v where v.terminal_number = u.terminal) order by last_seen desc, terminal desc`.execute(ctx.db);
    expect(got).toEqual(want.rows.map((r) => r.t));
    expect(got.length).toBe(20);
    expect(got).not.toContain('T-007');
    expect(total).toEqual({ value: 20, exact: true });
    expect((await carrier.get('/api/telemetry/unknown-terminals')).status).toBe(403);
    await expectBadCursors(operatorClient, '/api/telemetry/unknown-terminals', ['x', 'T-001']);
  });
});

describe('keyset pages of telemetry: detections and the declared-trip check (issue 13)', () => {
  let other: World;
  beforeAll(async () => {
    other = await makeWorld(ctx);
    // 40 detections of the world's carrier (every outcome; three at each microsecond; half to its
    // facility's object), 9 of another world's never seen by the world's organizations.
    for (const [x, n] of [[w, 40], [other, 9]] as const) {
      await sql`insert into telemetry_detections (vehicle_id, carrier_id, kind, site_id, facility_object_id, loaded_at, unloaded_at, latitude, longitude, outcome)
                select ${x.vehicle.id}::uuid, ${x.carrier.id}::uuid, 'trip', ${x.site.id}::uuid, case when g % 2 = 0 then ${x.facility.objectId}::uuid end,
                       timestamptz '2026-09-01 08:00+03' + g * interval '1 minute', timestamptz '2026-09-03 12:00:00.654321+03' - (g / 3) * interval '1 hour', 55.7, 37.6,
                       (array['recorded', 'linked', 'review'])[1 + g % 3]
                  from generate_series(1, ${n}) g`.execute(ctx.db);
    }
    // The declared trips' check: every state, the five trips of one microsecond unsupported; a
    // telemetry trip with a state is not a declared trip; the other world's trips checked too.
    await sql`update trips set telemetry_check = (array['confirmed', 'unsupported', 'no_data'])[1 + id % 3] where site_id = ${w.site.id} and id % 4 <> 0`.execute(ctx.db);
    await sql`update trips set telemetry_check = 'unsupported' where vehicle_id = ${secondVehicle}`.execute(ctx.db);
    await makeTrips(ctx, other, { count: 30 });
    await sql`update trips set telemetry_check = (array['confirmed', 'unsupported', 'no_data'])[1 + id % 3] where site_id = ${other.site.id}`.execute(ctx.db);
    await sql`update trips set source = 'telemetry' where id in (select id from trips where site_id = ${w.site.id} and telemetry_check = 'no_data' order by id limit 3)`.execute(ctx.db);
  });

  const detectionsSeenBy = (side: 'carrier' | 'producer' | 'facility' | 'operator', outcome?: string) => {
    const scope =
      side === 'operator' ? sql`true` :
      side === 'carrier' ? sql`d.carrier_id = ${w.carrier.id}` :
      side === 'producer' ? sql`d.site_id in (select id from sites where producer_id = ${w.producer.id})` :
      sql`d.facility_object_id in (select id from facilities where organization_id = ${w.facility.id})`;
    return sql<{ id: string }>`select d.id::text as id from telemetry_detections d where ${scope} and ${outcome ? sql`d.outcome = ${outcome}` : sql`true`}
      order by d.unloaded_at desc, d.id desc`.execute(ctx.db).then((r) => r.rows.map((x) => x.id));
  };

  it('detections: each side its own, every outcome and one, newest first, ties at one microsecond kept apart', async () => {
    const clients = { carrier, producer, facility, operator } as const;
    for (const side of ['carrier', 'producer', 'facility', 'operator'] as const) {
      for (const outcome of [undefined, 'review', 'linked'] as const) {
        const url = `/api/telemetry/detections${outcome ? `?outcome=${outcome}` : ''}`;
        const { got, total } = await walkAll(clients[side], url, 4, (d) => String(d.id));
        const want = await detectionsSeenBy(side, outcome);
        expect(got, `${side} ${outcome ?? 'all'}`).toEqual(want);
        expect(total).toEqual({ value: want.length, exact: true });
      }
    }
    // The other world's detections are never the world's organizations'.
    const theirs = await sql<{ id: string }>`select id::text as id from telemetry_detections where carrier_id = ${other.carrier.id}`.execute(ctx.db);
    for (const c of [carrier, producer, facility]) {
      const { got } = await walkAll(c, '/api/telemetry/detections', 50, (d) => String(d.id));
      expect(got.filter((id) => theirs.rows.some((r) => r.id === id))).toEqual([]);
    }
    const all = (await walkAll(carrier, '/api/telemetry/detections', 500, (d) => String(d.id))).got;
    expect(all).toEqual(await detectionsSeenBy('carrier'));
    expect(all.length).toBeGreaterThanOrEqual(40);
    await expectBadCursors(carrier, '/api/telemetry/detections', ['1', UUID0]);
  });

  it('the declared-trip check: each state of each side, newest first; telemetry trips apart; counts exact to 1000', async () => {
    const clients = { carrier, producer, facility, operator } as const;
    for (const side of ['carrier', 'producer', 'facility', 'operator'] as const) {
      const scope =
        side === 'operator' ? sql`true` :
        side === 'carrier' ? sql`t.carrier_id = ${w.carrier.id}` :
        side === 'producer' ? sql`t.site_id in (select id from sites where producer_id = ${w.producer.id})` :
        sql`t.facility_id = ${w.facility.id}`;
      for (const check of ['unsupported', 'no_data', 'confirmed'] as const) {
        const { got, total } = await walkAll(clients[side], `/api/telemetry/declared?check=${check}`, 61, (t) => String(t.id));
        const want = await sql<{ id: string }>`select t.id::text as id from trips t where ${scope} and t.telemetry_check = ${check} and t.source <> 'telemetry'
          order by t.unloaded_at desc, t.id desc`.execute(ctx.db);
        expect(got, `${side} ${check}`).toEqual(want.rows.map((r) => r.id));
        expect(want.rows.length).toBeGreaterThan(side === 'operator' ? 250 : 240);
        expect(total).toEqual({ value: want.rows.length, exact: true });
      }
    }
    const first = await carrier.get('/api/telemetry/declared');
    const unsupported = await sql<{ n: number }>`select count(*)::int as n from trips where carrier_id = ${w.carrier.id} and telemetry_check = 'unsupported' and source <> 'telemetry'`.execute(ctx.db);
    expect(first.body.counts.unsupported).toEqual({ value: unsupported.rows[0].n, exact: true });
    // Pages of 2 through the five trips of one microsecond (ties broken by id).
    const ties = await sql<{ id: string }>`select id::text as id from trips where vehicle_id = ${secondVehicle} order by id desc`.execute(ctx.db);
    const { got } = await walkAll(carrier, '/api/telemetry/declared?check=unsupported', 2, (t) => String(t.id));
    const at = got.indexOf(ties.rows[0].id);
    expect(got.slice(at, at + 5)).toEqual(ties.rows.map((r) => r.id));
    await expectBadCursors(carrier, '/api/telemetry/declared', ['1', UUID0]);
  });
});
