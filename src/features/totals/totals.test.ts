/**
 * The trip totals (by day, by hour, by month and over the whole history) against a full recount (by movement.ts) after the demo's COPY, random trip
 * batches through the API (some repeated: idempotent replays and re-sent trips), receipt
 * decisions (some repeated), and changes made straight in SQL; then drift is made by hand and
 * the recount finds and repairs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import { prng, seedDemo } from '../demo/seed.js';
import type { App } from '../../platform/http/server.js';
import { recountTotals } from './recount.js';

let ctx: TestContext;
let app: App;
let carrier: Client;
let facility: Client;
interface Line {
  number: string;
  validFrom: string;
  validTo: string;
  waste: string[];
  inns: string[];
}
let lines: Line[];
let plates: string[];
const rand = prng(1313);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 400 });
  app = await buildTestApp(ctx);
  carrier = await signedIn(app, 'carrier@ossig.test');
  facility = await signedIn(app, 'facility@ossig.test');
  const rows = await sql<Line>`
    select p.number, to_char(p.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(p.valid_to, 'YYYY-MM-DD') as "validTo",
           array(select waste_code from permit_waste_types w where w.permit_id = p.id) as waste,
           array(select o.inn from permit_facilities f join organizations o on o.id = f.facility_id where f.permit_id = p.id) as inns
      from permits p join permit_carriers pc on pc.permit_id = p.id join organizations c on c.id = pc.carrier_id
     where c.email = 'info@carrier.ossig.test' and p.status = 'active'`.execute(ctx.db);
  lines = rows.rows.filter((l) => l.validFrom <= new Date().toISOString().slice(0, 10));
  const v = await sql<{ plate: string }>`select v.plate from vehicles v join organizations o on o.id = v.carrier_id where o.email = 'info@carrier.ossig.test'`.execute(ctx.db);
  plates = v.rows.map((r) => r.plate);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

let seq = 0;
function randomTrip() {
  const l = pick(lines);
  const lo = Math.max(Date.parse(`${l.validFrom}T00:00:00+03:00`) + 3_600_000, Date.now() - 40 * 86_400_000);
  const hi = Math.min(Date.parse(`${l.validTo}T20:00:00+03:00`), Date.now() - 3 * 3_600_000);
  // Distinct loading moments (whole seconds apart) so that only the replays are duplicates.
  const loaded = Math.floor((lo + rand() * (hi - lo)) / 1000) * 1000 + (++seq % 1000);
  return {
    externalId: `TT-${seq}`,
    permitNumber: l.number,
    plate: pick(plates),
    wasteCode: pick(l.waste),
    facilityInn: pick(l.inns),
    loadedAt: new Date(loaded).toISOString(),
    unloadedAt: new Date(loaded + (40 + Math.floor(rand() * 200)) * 60_000).toISOString(),
    volume: (5 + rand() * 20).toFixed(2),
    mass: (8 + rand() * 30).toFixed(3),
  };
}

async function expectNoDrift() {
  const r = await recountTotals(ctx.db, { repair: false });
  expect(r.examples).toEqual([]);
  expect({ missing: r.missing, extra: r.extra, changed: r.changed }).toEqual({ missing: 0, extra: 0, changed: 0 });
  expect(r.tables.trip_totals.groups).toBeGreaterThan(0);
  expect(r.tables.trip_hour_totals.groups).toBeGreaterThan(0);
  expect(r.tables.trip_lifetime_totals.groups).toBeGreaterThan(0);
  // The lifetime totals' groups are the day totals' without the day: fewer, the same trips.
  expect(r.tables.trip_lifetime_totals.groups).toBeLessThan(r.tables.trip_totals.groups);
  const sums = await sql<{ day: string; life: string }>`select (select sum(trips) from trip_totals)::text as day, (select sum(trips) from trip_lifetime_totals)::text as life`.execute(ctx.db);
  expect(sums.rows[0].life).toBe(sums.rows[0].day);
  // The month totals: trip_totals' groups by the Moscow month — no more than the days', no fewer than the lifetime's, the same trips.
  expect(r.tables.trip_month_totals.groups).toBeGreaterThan(0);
  expect(r.tables.trip_month_totals.groups).toBeLessThanOrEqual(r.tables.trip_totals.groups);
  expect(r.tables.trip_month_totals.groups).toBeGreaterThanOrEqual(r.tables.trip_lifetime_totals.groups);
  const months = await sql<{ trips: string; first: boolean }>`select sum(trips)::text as trips, bool_and(extract(day from month) = 1) as first from trip_month_totals`.execute(ctx.db);
  expect(months.rows[0]).toEqual({ trips: sums.rows[0].day, first: true });
  return r;
}

describe('trip totals', () => {
  it('hold the demo loaded by COPY', async () => {
    await expectNoDrift();
  });

  it('follow random batches, repeated batches and receipt decisions', async () => {
    expect(lines.length).toBeGreaterThan(0);
    const sent: Array<ReturnType<typeof randomTrip>[]> = [];
    for (let round = 0; round < 6; round++) {
      const batch = Array.from({ length: 5 + Math.floor(rand() * 30) }, randomTrip);
      const key = `totals-${round}`;
      const res = await carrier.post('/api/trips', { trips: batch }, { 'idempotency-key': key });
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBeGreaterThan(0);
      // The same request again (a replay) and the same trips in a new request (duplicates).
      const replay = await carrier.post('/api/trips', { trips: batch }, { 'idempotency-key': key });
      expect(replay.body).toEqual(res.body);
      const again = await carrier.post('/api/trips', { trips: batch });
      expect(again.body.accepted).toBe(0);
      sent.push(batch);

      // The facility decides some of what awaits it; some decisions are sent twice.
      const list = await facility.get('/api/receipts?status=pending&pageSize=100');
      expect(list.status).toBe(200);
      for (const t of list.body.items as Array<{ id: number; mass: string }>) {
        const x = rand();
        if (x < 0.45) {
          const mass = (Number(t.mass) * (0.95 + rand() * 0.1)).toFixed(3);
          const r = await facility.post(`/api/receipts/${t.id}/confirm`, { mass });
          expect(r.status).toBe(200);
          if (rand() < 0.3) expect((await facility.post(`/api/receipts/${t.id}/confirm`, { mass })).body.unchanged).toBe(true);
        } else if (x < 0.6) {
          const r = await facility.post(`/api/receipts/${t.id}/reject`, { reason: 'Не тот код ФККО' });
          expect(r.status).toBe(200);
          if (rand() < 0.3) expect((await facility.post(`/api/receipts/${t.id}/reject`, { reason: 'Не тот код ФККО' })).body.unchanged).toBe(true);
        }
      }
      await expectNoDrift();
    }
    expect(sent.flat().length).toBeGreaterThan(30);
  });

  it('follow changes made straight in SQL (several rows in one statement, a delete, a move to another day)', async () => {
    await sql`update trips set unloaded_at = unloaded_at - interval '1 day', loaded_at = loaded_at - interval '1 day' where id in (select id from trips order by id desc limit 7)`.execute(ctx.db);
    await sql`update trips set receipt_status = 'confirmed', received_at = unloaded_at + interval '1 hour', received_mass = null where id in (select id from trips where receipt_status = 'pending' order by id limit 5)`.execute(ctx.db);
    // (A trip charged at a tariff is kept by its charge: the delete takes trips without one.)
    await sql`delete from trips where id in (select id from trips t where not exists (select 1 from charges c where c.trip_id = t.id) order by id desc limit 3)`.execute(ctx.db);
    await expectNoDrift();
    // Rows no trip is left in are gone, not kept as zeros.
    const zeros = await sql<{ n: number }>`select count(*)::int as n from trip_totals where trips = 0`.execute(ctx.db);
    expect(zeros.rows[0].n).toBe(0);
    const zeroHours = await sql<{ n: number }>`select count(*)::int as n from trip_hour_totals where trips = 0`.execute(ctx.db);
    expect(zeroHours.rows[0].n).toBe(0);
    const zeroLife = await sql<{ n: number }>`select count(*)::int as n from trip_lifetime_totals where trips = 0`.execute(ctx.db);
    expect(zeroLife.rows[0].n).toBe(0);
    const zeroMonths = await sql<{ n: number }>`select count(*)::int as n from trip_month_totals where trips = 0`.execute(ctx.db);
    expect(zeroMonths.rows[0].n).toBe(0);
  });

  it('the month totals: the Moscow month of unloading (00:30 on the 1st in Moscow is the day before in UTC); a trip moved, decided or deleted moves its group', async () => {
    const t = await sql<{ id: string }>`select id::text from trips t
      where receipt_status = 'pending' and not exists (select 1 from charges c where c.trip_id = t.id) order by id desc limit 1`.execute(ctx.db);
    expect(t.rows).toHaveLength(1);
    const id = t.rows[0].id;
    const lone = (await sql<{ id: string }>`insert into organizations (kind, name, inn, roles) values ('legal', 'Перевозчик-месяц', '7999999998', array['carrier']) returning id`.execute(ctx.db)).rows[0].id;
    // The first of last month, 00:30 Moscow time (21:30 UTC on the last day of the month before it).
    await sql`update trips set carrier_id = ${lone},
                unloaded_at = ((date_trunc('month', now() at time zone 'Europe/Moscow') - interval '1 month' + interval '30 minutes') at time zone 'Europe/Moscow'),
                loaded_at = ((date_trunc('month', now() at time zone 'Europe/Moscow') - interval '1 month' - interval '60 minutes') at time zone 'Europe/Moscow')
              where id = ${id}::int8`.execute(ctx.db);
    const rows = () =>
      sql<{ month: string; acceptance: string; trips: string }>`select to_char(month, 'YYYY-MM-DD') as month, acceptance, trips::text from trip_month_totals where carrier_id = ${lone} order by month`
        .execute(ctx.db)
        .then((r) => r.rows);
    const first = (await sql<{ m: string; utc: string }>`select to_char(date_trunc('month', now() at time zone 'Europe/Moscow') - interval '1 month', 'YYYY-MM-DD') as m,
                                                               to_char(unloaded_at at time zone 'UTC', 'YYYY-MM-DD') as utc from trips where id = ${id}::int8`.execute(ctx.db)).rows[0];
    expect(first.utc < first.m).toBe(true);
    expect(await rows()).toEqual([{ month: first.m, acceptance: 'awaiting', trips: '1' }]);
    // An hour earlier: the last month before it, in Moscow too.
    await sql`update trips set unloaded_at = unloaded_at - interval '1 hour', loaded_at = loaded_at - interval '1 hour' where id = ${id}::int8`.execute(ctx.db);
    const before = (await sql<{ m: string }>`select to_char(date_trunc('month', now() at time zone 'Europe/Moscow') - interval '2 months', 'YYYY-MM-DD') as m`.execute(ctx.db)).rows[0].m;
    expect(await rows()).toEqual([{ month: before, acceptance: 'awaiting', trips: '1' }]);
    await sql`update trips set receipt_status = 'rejected', receipt_reason = 'Не тот код ФККО', received_at = unloaded_at + interval '1 hour' where id = ${id}::int8`.execute(ctx.db);
    expect(await rows()).toEqual([{ month: before, acceptance: 'rejected', trips: '1' }]);
    await expectNoDrift();
    await sql`delete from trips where id = ${id}::int8`.execute(ctx.db);
    expect(await rows()).toEqual([]);
    await expectNoDrift();
  });

  it('the lifetime totals drop a group whose last trip is deleted or decided into another state', async () => {
    // A trip of its own group (a carrier no other trip has), then decided, then deleted.
    const t = await sql<{ id: string; permit_id: string }>`select id::text, permit_id from trips t
      where receipt_status = 'pending' and not exists (select 1 from charges c where c.trip_id = t.id) order by id desc limit 1`.execute(ctx.db);
    expect(t.rows).toHaveLength(1);
    const lone = (await sql<{ id: string }>`insert into organizations (kind, name, inn, roles) values ('legal', 'Перевозчик-одиночка', '7999999999', array['carrier']) returning id`.execute(ctx.db)).rows[0].id;
    await sql`update trips set carrier_id = ${lone} where id = ${t.rows[0].id}::int8`.execute(ctx.db);
    const rows = () => sql<{ acceptance: string; trips: string }>`select acceptance, trips::text from trip_lifetime_totals where carrier_id = ${lone}`.execute(ctx.db).then((r) => r.rows);
    expect(await rows()).toEqual([{ acceptance: 'awaiting', trips: '1' }]);
    await sql`update trips set receipt_status = 'rejected', receipt_reason = 'Не тот код ФККО', received_at = unloaded_at + interval '1 hour' where id = ${t.rows[0].id}::int8`.execute(ctx.db);
    expect(await rows()).toEqual([{ acceptance: 'rejected', trips: '1' }]);
    await sql`delete from trips where id = ${t.rows[0].id}::int8`.execute(ctx.db);
    expect(await rows()).toEqual([]);
    await expectNoDrift();
  });

  it("an organization's own trips list: the exact total over all time from the lifetime totals, a group seen from two sides once", async () => {
    const orgOf = async (email: string) =>
      (await sql<{ id: string }>`select m.organization_id as id from memberships m join persons p on p.id = m.person_id where p.email = ${email} limit 1`.execute(ctx.db)).rows[0].id;
    const fac = await orgOf('facility@ossig.test');
    // The facility carried three of the loads it received: their groups are its own from both sides.
    await sql`update trips set carrier_id = ${fac} where id in (select id from trips where facility_id = ${fac} order by id limit 3)`.execute(ctx.db);
    for (const [who, client] of [['carrier@ossig.test', carrier], ['facility@ossig.test', facility]] as const) {
      const org = await orgOf(who);
      for (const status of [null, 'pending', 'confirmed'] as const) {
        const res = await client.get(`/api/trips?pageSize=1${status ? `&receiptStatus=${status}` : ''}`);
        expect(res.status).toBe(200);
        const want = await sql<{ n: number }>`select count(*)::int as n from trips t
          where (t.carrier_id = ${org} or t.facility_id = ${org} or t.site_id in (select id from sites where producer_id = ${org}))
            and (${status}::text is null or t.receipt_status = ${status})`.execute(ctx.db);
        expect(res.body.total, `${who} ${status}`).toEqual({ value: want.rows[0].n, exact: true });
      }
    }
    await expectNoDrift();
  });

  it('the recount reports drift and repairs it', async () => {
    const rows = await sql<{ ctid: string }>`select ctid::text from trip_totals order by permit_id, waste_code, day, acceptance, carrier_id, facility_object_id limit 3`.execute(ctx.db);
    expect(rows.rows).toHaveLength(3);
    const [a, b, c] = rows.rows.map((r) => r.ctid);
    await sql`insert into trip_totals select permit_id, waste_code, day + 4000, acceptance, carrier_id, facility_object_id, site_id, facility_id, trips, volume, mass, counted_mass, weighed_trips
                from trip_totals where ctid = ${c}::tid`.execute(ctx.db);
    await sql`update trip_totals set trips = trips + 1, volume = volume + 1 where ctid = ${a}::tid`.execute(ctx.db);
    await sql`delete from trip_totals where ctid = ${b}::tid`.execute(ctx.db);
    // The same by the hour: a row an hour off, another's figures changed, a third gone.
    const hours = await sql<{ ctid: string }>`select ctid::text from trip_hour_totals order by site_id, hour, permit_id, acceptance, carrier_id, facility_id limit 3`.execute(ctx.db);
    expect(hours.rows).toHaveLength(3);
    const [ha, hb, hc] = hours.rows.map((r) => r.ctid);
    await sql`update trip_hour_totals set hour = hour - interval '1 hour' where ctid = ${hc}::tid`.execute(ctx.db);
    await sql`update trip_hour_totals set counted_mass = counted_mass + 0.001 where ctid = ${ha}::tid`.execute(ctx.db);
    await sql`delete from trip_hour_totals where ctid = ${hb}::tid`.execute(ctx.db);
    // The lifetime totals: a row for a carrier no trip has, another's figures changed, a third gone.
    const life = await sql<{ ctid: string }>`select ctid::text from trip_lifetime_totals order by permit_id, waste_code, acceptance, carrier_id, facility_object_id limit 3`.execute(ctx.db);
    expect(life.rows).toHaveLength(3);
    const [la, lb, lc] = life.rows.map((r) => r.ctid);
    await sql`insert into trip_lifetime_totals select permit_id, waste_code, acceptance, gen_random_uuid(), facility_object_id, site_id, facility_id, trips, volume, mass, counted_mass, weighed_trips
                from trip_lifetime_totals where ctid = ${lc}::tid`.execute(ctx.db);
    await sql`update trip_lifetime_totals set weighed_trips = weighed_trips + 1 where ctid = ${la}::tid`.execute(ctx.db);
    await sql`delete from trip_lifetime_totals where ctid = ${lb}::tid`.execute(ctx.db);
    // The month totals: a row 25 years on, another's figures changed, a third gone.
    const mon = await sql<{ ctid: string }>`select ctid::text from trip_month_totals order by permit_id, waste_code, month, acceptance, carrier_id, facility_object_id limit 3`.execute(ctx.db);
    expect(mon.rows).toHaveLength(3);
    const [ma, mb, mc] = mon.rows.map((r) => r.ctid);
    await sql`insert into trip_month_totals select permit_id, waste_code, (month + interval '300 months')::date, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                     trips, volume, mass, counted_mass, weighed_trips
                from trip_month_totals where ctid = ${mc}::tid`.execute(ctx.db);
    await sql`update trip_month_totals set mass = mass + 0.5 where ctid = ${ma}::tid`.execute(ctx.db);
    await sql`delete from trip_month_totals where ctid = ${mb}::tid`.execute(ctx.db);
    const found = await recountTotals(ctx.db, { repair: false });
    expect(found.tables.trip_month_totals).toMatchObject({ missing: 1, extra: 1, changed: 1 });
    expect(found.examples.filter((e) => e.table === 'trip_month_totals')).toHaveLength(3);
    expect(found.tables.trip_totals).toMatchObject({ missing: 1, extra: 1, changed: 1 });
    expect(found.tables.trip_lifetime_totals).toMatchObject({ missing: 1, extra: 1, changed: 1 });
    expect(found.examples.filter((e) => e.table === 'trip_lifetime_totals')).toHaveLength(3);
    // The moved row (the first site's first hour, so no row of its key is an hour earlier) is one extra and one missing.
    expect(found.tables.trip_hour_totals).toMatchObject({ missing: 2, extra: 1, changed: 1 });
    expect(found.repaired).toBe(false);
    expect(found.examples.filter((e) => e.table === 'trip_totals')).toHaveLength(3);
    expect(found.examples.filter((e) => e.table === 'trip_hour_totals')).toHaveLength(4);
    const fixed = await recountTotals(ctx.db, { repair: true });
    expect(fixed.repaired).toBe(true);
    await expectNoDrift();
  });
});
