/**
 * Analytics: the dashboard's figures (from the month totals) equal independent sums over the trips the
 * organization may see, for each role — by code, and the whole answer (months, acceptance, facilities, carriers)
 * for several periods and filters, a trip at 00:15 Moscow time on the 1st included; the operator also by district and organization; filters; a bad
 * month names its field; the XLSX holds the same figures; the plan reads the totals, not the trips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { moscowDate } from '../../domain/period.js';

let ctx: TestContext;
let app: App;
let month: string;
let since: string;

const orgOf = async (email: string) =>
  (await sql<{ id: string }>`select m.organization_id as id from memberships m join persons p on p.id = m.person_id where p.email = ${email} and m.revoked_at is null limit 1`.execute(ctx.db)).rows[0].id;

/** Independent sums over the trips (movement.ts's acceptance rule), by ФККО code. */
async function tripSums(scope: 'producer' | 'carrier' | 'facility' | 'operator', org: string, from: string, to: string) {
  const where =
    scope === 'operator' ? sql`true` : scope === 'carrier' ? sql`t.carrier_id = ${org}` : scope === 'facility' ? sql`t.facility_id = ${org}` : sql`s.producer_id = ${org}`;
  const r = await sql<{ code: string; trips: number; volume: string; accepted: string }>`
    select t.waste_code as code, count(*)::int as trips, sum(t.volume)::numeric(14,2)::text as volume,
           coalesce(sum(t.volume) filter (where t.receipt_status = 'confirmed' and t.received_at is not null), 0)::numeric(14,2)::text as accepted
      from trips t join sites s on s.id = t.site_id
     where ${where} and (t.unloaded_at at time zone 'Europe/Moscow')::date between ${`${from}-01`}::date and (${`${to}-01`}::date + interval '1 month' - interval '1 day')::date
     group by 1 order by 1`.execute(ctx.db);
  return r.rows;
}

/** The dashboard's months, totals, facilities and carriers summed independently over the visible trips. */
async function tripDashboard(scope: 'producer' | 'carrier' | 'facility' | 'operator', org: string, from: string, to: string, f: { wasteCode?: string; facilityId?: string }) {
  const where =
    scope === 'operator' ? sql`true` : scope === 'carrier' ? sql`t.carrier_id = ${org}` : scope === 'facility' ? sql`t.facility_id = ${org}` : sql`s.producer_id = ${org}`;
  const r = await sql<{ month: string; acc: string; facility_id: string; carrier_id: string; trips: number; volume: string; mass: string }>`
    select to_char(t.unloaded_at at time zone 'Europe/Moscow', 'YYYY-MM') as month,
           case when t.received_at is null then 'awaiting' when t.receipt_status = 'confirmed' then 'accepted' when t.receipt_status = 'rejected' then 'rejected' else 'awaiting' end as acc,
           t.facility_id, t.carrier_id, count(*)::int as trips, sum(t.volume)::text as volume,
           sum(case when t.received_at is not null and t.receipt_status = 'confirmed' then coalesce(t.received_mass, t.mass) else t.mass end)::text as mass
      from trips t join sites s on s.id = t.site_id
     where ${where} and (t.unloaded_at at time zone 'Europe/Moscow')::date between ${`${from}-01`}::date and (${`${to}-01`}::date + interval '1 month' - interval '1 day')::date
       ${f.wasteCode ? sql`and t.waste_code = ${f.wasteCode}` : sql``} ${f.facilityId ? sql`and t.facility_id = ${f.facilityId}` : sql``}
     group by 1, 2, 3, 4`.execute(ctx.db);
  const cents = (x: string) => Math.round(Number(x) * 100);
  const months = new Map<string, { month: string; trips: number; volume: number; acceptedVolume: number; acceptedTrips: number; awaitingTrips: number; rejectedTrips: number }>();
  for (let m = from; m <= to; m = `${m.slice(5) === '12' ? Number(m.slice(0, 4)) + 1 : m.slice(0, 4)}-${String((Number(m.slice(5)) % 12) + 1).padStart(2, '0')}`)
    months.set(m, { month: m, trips: 0, volume: 0, acceptedVolume: 0, acceptedTrips: 0, awaitingTrips: 0, rejectedTrips: 0 });
  const totals = { trips: 0, volume: 0, mass: 0, accepted: { trips: 0, volume: 0 }, awaiting: { trips: 0, volume: 0 }, rejected: { trips: 0, volume: 0 } };
  const fac = new Map<string, { id: string; trips: number; volume: number; acceptedVolume: number }>();
  const car = new Map<string, { id: string; trips: number; volume: number }>();
  for (const x of r.rows) {
    const v = cents(x.volume);
    const acc = x.acc as 'accepted' | 'awaiting' | 'rejected';
    const m = months.get(x.month)!;
    m.trips += x.trips;
    m.volume += v;
    if (acc === 'accepted') {
      m.acceptedVolume += v;
      m.acceptedTrips += x.trips;
    } else if (acc === 'awaiting') m.awaitingTrips += x.trips;
    else m.rejectedTrips += x.trips;
    totals.trips += x.trips;
    totals.volume += v;
    totals.mass += Math.round(Number(x.mass) * 1000);
    totals[acc].trips += x.trips;
    totals[acc].volume += v;
    const ff = fac.get(x.facility_id) ?? { id: x.facility_id, trips: 0, volume: 0, acceptedVolume: 0 };
    ff.trips += x.trips;
    ff.volume += v;
    if (acc === 'accepted') ff.acceptedVolume += v;
    fac.set(x.facility_id, ff);
    const cc = car.get(x.carrier_id) ?? { id: x.carrier_id, trips: 0, volume: 0 };
    cc.trips += x.trips;
    cc.volume += v;
    car.set(x.carrier_id, cc);
  }
  const c2 = (n: number) => (n / 100).toFixed(2);
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    totals: {
      trips: totals.trips,
      volume: c2(totals.volume),
      mass: (totals.mass / 1000).toFixed(3),
      accepted: { trips: totals.accepted.trips, volume: c2(totals.accepted.volume) },
      awaiting: { trips: totals.awaiting.trips, volume: c2(totals.awaiting.volume) },
      rejected: { trips: totals.rejected.trips, volume: c2(totals.rejected.volume) },
    },
    byMonth: [...months.values()].map((m) => ({ ...m, volume: c2(m.volume), acceptedVolume: c2(m.acceptedVolume) })),
    byFacility: [...fac.values()].sort(byId).map((x) => ({ ...x, volume: c2(x.volume), acceptedVolume: c2(x.acceptedVolume) })),
    byCarrier: [...car.values()].sort(byId).map((x) => ({ ...x, volume: c2(x.volume) })),
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 400, days: 70 });
  app = await buildTestApp(ctx);
  month = moscowDate(ctx.now()).slice(0, 7);
  since = `${Number(month.slice(0, 4)) - 1}-${month.slice(5)}`;
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('analytics dashboard', () => {
  for (const role of ['producer', 'carrier', 'facility', 'operator'] as const) {
    it(`${role}: figures by code equal sums over the visible trips`, async () => {
      const c = await signedIn(app, `${role}@ossig.test`);
      const org = await orgOf(`${role}@ossig.test`);
      const from = since;
      const r = await c.get(`/api/analytics?from=${from}&to=${month}`);
      expect(r.status, r.text).toBe(200);
      const expected = await tripSums(role, org, from, month);
      const got = [...r.body.byCode].sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code)).map((x: { code: string; trips: number; volume: string; acceptedVolume: string }) => ({ code: x.code, trips: x.trips, volume: Number(x.volume).toFixed(2), accepted: Number(x.acceptedVolume).toFixed(2) }));
      expect(got).toEqual(expected.map((e) => ({ code: e.code, trips: e.trips, volume: Number(e.volume).toFixed(2), accepted: Number(e.accepted).toFixed(2) })));
      expect(r.body.totals.trips).toBe(expected.reduce((n, e) => n + e.trips, 0));
      expect(r.body.byMonth.reduce((n: number, m: { trips: number }) => n + m.trips, 0)).toBe(r.body.totals.trips);
      expect(r.body.totals.accepted.trips + r.body.totals.awaiting.trips + r.body.totals.rejected.trips).toBe(r.body.totals.trips);
      if (role === 'operator') {
        expect(r.body.byDistrict.reduce((n: number, d: { trips: number }) => n + d.trips, 0)).toBe(r.body.totals.trips);
        expect(r.body.byOrganization.length).toBeGreaterThan(0);
      } else {
        expect(r.body.byDistrict).toBeNull();
      }
    });
  }

  it('the whole answer (months, acceptance, facilities, carriers) equals the sums over the visible trips: each role, several periods and filters', async () => {
    // A trip of the producer's at 00:15 Moscow time on the 1st of this month (21:15 UTC on the last day of the month before).
    const producerOrg = await orgOf('producer@ossig.test');
    const moved = await sql<{ utc: string }>`update trips set unloaded_at = (date_trunc('month', now() at time zone 'Europe/Moscow') + interval '15 minutes') at time zone 'Europe/Moscow',
                      loaded_at = (date_trunc('month', now() at time zone 'Europe/Moscow') - interval '45 minutes') at time zone 'Europe/Moscow'
                where id = (select t.id from trips t join sites s on s.id = t.site_id where s.producer_id = ${producerOrg} order by t.id limit 1)
                returning to_char(unloaded_at at time zone 'UTC', 'YYYY-MM') as utc`.execute(ctx.db);
    expect(moved.rows).toHaveLength(1);
    const lastMonth = `${month.slice(5) === '01' ? Number(month.slice(0, 4)) - 1 : month.slice(0, 4)}-${String(((Number(month.slice(5)) + 10) % 12) + 1).padStart(2, '0')}`;
    expect(moved.rows[0].utc).toBe(lastMonth);
    const twoAgo = `${Number(month.slice(5)) <= 2 ? Number(month.slice(0, 4)) - 1 : month.slice(0, 4)}-${String(((Number(month.slice(5)) + 9) % 12) + 1).padStart(2, '0')}`;
    let compared = 0;
    for (const role of ['producer', 'carrier', 'facility', 'operator'] as const) {
      const c = await signedIn(app, `${role}@ossig.test`);
      const org = await orgOf(`${role}@ossig.test`);
      const all = (await c.get(`/api/analytics?from=${since}&to=${month}`)).body;
      const filters: Array<[string, string, { wasteCode?: string; facilityId?: string }]> = [
        [since, month, {}],
        [month, month, {}],
        [twoAgo, lastMonth, {}],
        [since, month, { wasteCode: all.byCode[0].code }],
        [twoAgo, month, { facilityId: all.byFacility[0].id }],
      ];
      for (const [from, to, f] of filters) {
        const qs = new URLSearchParams({ from, to, ...f });
        const r = await c.get(`/api/analytics?${qs}`);
        expect(r.status, r.text).toBe(200);
        const want = await tripDashboard(role, org, from, to, f);
        const label = `${role} ${qs}`;
        expect(r.body.totals, label).toEqual(want.totals);
        expect(r.body.byMonth, label).toEqual(want.byMonth);
        expect([...r.body.byFacility].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)).map(({ name: _, ...x }: { name: string }) => x), label).toEqual(want.byFacility);
        expect([...r.body.byCarrier].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)).map(({ name: _, ...x }: { name: string }) => x), label).toEqual(want.byCarrier);
        if (want.totals.trips > 0) compared++;
      }
    }
    expect(compared).toBeGreaterThan(12);
  });

  it('another producer sees none of the producer\'s figures', async () => {
    const other = await signedIn(app, 'producer2@ossig.test');
    const mine = await signedIn(app, 'producer@ossig.test');
    const a = (await mine.get(`/api/analytics?from=${since}&to=${month}`)).body;
    const b = (await other.get(`/api/analytics?from=${since}&to=${month}`)).body;
    const ids = new Set(a.permits.map((p: { id: string }) => p.id));
    expect(b.permits.some((p: { id: string }) => ids.has(p.id))).toBe(false);
    const org2 = await orgOf('producer2@ossig.test');
    expect(b.totals.trips).toBe((await tripSums('producer', org2, since, month)).reduce((n, e) => n + e.trips, 0));
  });

  it('filters by code and facility; a bad month names its field', async () => {
    const c = await signedIn(app, 'operator@ossig.test');
    const all = (await c.get(`/api/analytics?from=${since}&to=${month}`)).body;
    const code = all.byCode[0].code;
    const one = (await c.get(`/api/analytics?from=${since}&to=${month}&wasteCode=${code}`)).body;
    expect(one.totals.trips).toBe(all.byCode[0].trips);
    const fac = all.byFacility[0];
    const byFac = (await c.get(`/api/analytics?from=${since}&to=${month}&facilityId=${fac.id}`)).body;
    expect(byFac.totals.trips).toBe(fac.trips);
    const bad = await c.get('/api/analytics?from=2026-13&to=2026-01');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'from' });
    const reversed = await c.get('/api/analytics?from=2026-05&to=2026-01');
    expect(reversed.body.errors[0].message).toMatch(/^Период с:/);
  });

  it('XLSX: a sheet per table with the page\'s figures', async () => {
    const c = await signedIn(app, 'operator@ossig.test');
    const page = (await c.get(`/api/analytics?from=${since}&to=${month}`)).body;
    const r = await app.inject({ method: 'GET', url: `/api/analytics/xlsx?from=${since}&to=${month}`, headers: { cookie: (c as unknown as { cookie: string }).cookie } });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['По месяцам', 'По кодам ФККО', 'По объектам приёма', 'По перевозчикам', 'Разрешения', 'По округам', 'По организациям']);
    const months = wb.getWorksheet('По месяцам')!;
    const last = months.getRow(months.rowCount);
    expect(last.getCell(1).value).toBe('Итого');
    expect(last.getCell(2).value).toBe(page.totals.trips);
  });

  it('CSV: one table as Russian Excel opens it, the same figures; the city tables only for the operator', async () => {
    const op = await signedIn(app, 'operator@ossig.test');
    const cookie = (op as unknown as { cookie: string }).cookie;
    const page = (await op.get(`/api/analytics?from=${since}&to=${month}`)).body;
    const r = await app.inject({ method: 'GET', url: `/api/analytics/csv?from=${since}&to=${month}&table=months`, headers: { cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = r.payload.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Месяц;Рейсов;Объём, м³;Принято, м³;Ожидают приёмки;Отклонено');
    expect(lines).toHaveLength(page.byMonth.length + 2);
    expect(lines.at(-1)).toBe(`Итого;${page.totals.trips};${page.totals.volume.replace('.', ',')};${page.totals.accepted.volume.replace('.', ',')};${page.totals.awaiting.trips};${page.totals.rejected.trips}`);
    const orgs = await app.inject({ method: 'GET', url: `/api/analytics/csv?from=${since}&to=${month}&table=organizations`, headers: { cookie } });
    expect(orgs.statusCode).toBe(200);
    expect(orgs.payload.split('\r\n')).toHaveLength(page.byOrganization.length + 2);
    const producer = await signedIn(app, 'producer@ossig.test');
    const pcookie = (producer as unknown as { cookie: string }).cookie;
    const refused = await app.inject({ method: 'GET', url: `/api/analytics/csv?from=${since}&to=${month}&table=organizations`, headers: { cookie: pcookie } });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({ method: 'GET', url: `/api/analytics/csv?table=all`, headers: { cookie: pcookie } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'table' });
    expect(bad.json().errors[0].message).toMatch(/^Таблица:/);
  });

  it('reads the totals, not the trips', async () => {
    const org = await orgOf('facility@ossig.test');
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select sum(tt.trips) from trip_totals tt where tt.facility_id = ${org} and tt.day between '2026-01-01' and '2026-12-31' group by grouping sets ((tt.waste_code), (tt.carrier_id))`.execute(ctx.db);
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).not.toMatch(/on trips\b/);
  });
});
