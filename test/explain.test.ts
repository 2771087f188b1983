/**
 * Every main cabinet query uses an index (issue 13). On a database of ~300,000 trips over 24
 * organizations of each kind (ANALYZEd), EXPLAIN (FORMAT JSON) of the very SQL the routes run —
 * the builders the routes call, not copies — must hold no sequential scan of `trips` (nor of a
 * partition of it, nor of the aggregates `trip_totals`), and must use the index each query's
 * comment names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type CompiledQuery } from 'kysely';
import { createTestContext, type TestContext } from './helpers/db.js';
import { makeOrganization, makePerson, makeWorld, WASTE_CODE, type World } from './factories.js';
import type { Actor } from '../src/platform/http/auth.js';
import { RIGHTS_BY_MEMBERSHIP, type Right } from '../src/platform/http/auth.js';
import { encodeKey } from '../src/platform/db/keyset.js';
import { tripListQueries, type TripFilter } from '../src/features/trips/queries.js';
import { receiptTripFilter } from '../src/features/receipts/receipts.js';
import { siteCardQueries, siteListQueries } from '../src/features/sites/queries.js';
import { siteStatementQueries } from '../src/features/statements/view.js';
import { permitListQueries, permitWasteTypesQuery, permitsWithMovementQuery } from '../src/features/permits/queries.js';
import { OVERVIEW_DAYS, overviewCountQueries, overviewDaysQuery } from '../src/features/analytics/overview.js';
import { uploadListQueries } from '../src/features/uploads/queries.js';
import { checkPeriod } from '../src/features/period-input.js';
import { moscowDate, addDays, parseIsoDate, formatIsoDate } from '../src/domain/period.js';

const WORLDS = 24;
const TRIPS_EACH = 12_500;

let ctx: TestContext;
let w: World;
let operatorOrg: string;

const actor = (organizationId: string, orgRoles: Actor['orgRoles']): Actor => ({
  personId: '00000000-0000-4000-8000-000000000000',
  personName: 'Проверка',
  sessionId: null,
  tokenId: null,
  organizationId,
  organizationName: 'Проверка',
  orgRoles,
  memberRole: 'head',
  access: 'full',
  rights: new Set(RIGHTS_BY_MEMBERSHIP.head as readonly Right[]),
});

beforeAll(async () => {
  ctx = await createTestContext();
  const worlds: World[] = [];
  for (let i = 0; i < WORLDS; i++) worlds.push(await makeWorld(ctx));
  w = worlds[0];
  // Each world's trips: one every 12 minutes back from 10 minutes ago (so the newest are not formed
  // yet and the statement form reads its tail of trips), nine in ten accepted.
  for (const x of worlds) {
    await sql`insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at,
                                 volume, mass, receipt_status, received_mass, received_at, source)
              select ${x.permit.id}, ${x.site.id}, ${x.carrier.id}, ${x.vehicle.id}, ${x.facility.id}, ${x.facility.objectId}, ${WASTE_CODE},
                     u - interval '90 minutes', u, 10, 17,
                     case when g % 10 = 0 then 'pending' else 'confirmed' end,
                     case when g % 10 = 0 then null else 16.9 end,
                     case when g % 10 = 0 then null else u + interval '10 minutes' end, 'demo'
                from generate_series(0, ${TRIPS_EACH - 1}) g
                cross join lateral (select now() - interval '10 minutes' - g * interval '12 minutes' as u) t`.execute(ctx.db);
  }
  operatorOrg = (await makeOrganization(ctx, { roles: ['operator'] })).id;
  await makePerson(ctx, { organizationId: operatorOrg });
  await sql`analyze`.execute(ctx.db);
}, 600_000);
afterAll(async () => {
  await ctx?.close();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

async function explain(q: CompiledQuery) {
  const r = await ctx.pool.query(`explain (format json) ${q.sql}`, q.parameters as unknown[]);
  const root = (r.rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0].Plan;
  const seqScans: string[] = [];
  const indexes = new Set<string>();
  const walk = (n: PlanNode) => {
    if (n['Node Type'] === 'Seq Scan' && n['Relation Name']) seqScans.push(n['Relation Name']);
    if (n['Index Name']) indexes.add(n['Index Name']);
    n.Plans?.forEach(walk);
  };
  walk(root);
  return { seqScans, indexes: [...indexes], text: JSON.stringify(root, null, 1) };
}

/** No sequential scan of the trips (or a partition) or of the aggregates; the named indexes used. */
async function expectIndexed(name: string, q: CompiledQuery, uses: string[]) {
  const p = await explain(q);
  const bad = p.seqScans.filter((t) => /^trips($|_)/.test(t) || t === 'trip_totals');
  expect(bad, `${name}: sequential scan of ${bad.join(', ')}\n${p.text}`).toEqual([]);
  for (const ix of uses) expect(p.indexes, `${name}: expected ${ix}`).toContain(ix);
}

const trips = (a: Actor, f: Omit<TripFilter, 'pageSize'>) => tripListQueries(ctx, a, { pageSize: 50, ...f });

describe('EXPLAIN of the cabinet queries at ~300,000 trips', () => {
  it('has the rows it claims', async () => {
    const n = await sql<{ n: string }>`select reltuples::int8::text as n from pg_class where relname = 'trips'`.execute(ctx.db);
    expect(Number(n.rows[0].n)).toBeGreaterThan(WORLDS * TRIPS_EACH * 0.9);
  });

  it("the site card: the site and its permits (no trips read)", async () => {
    const q = siteCardQueries(ctx.db, actor(w.producer.id, ['producer']), w.site.id);
    await expectIndexed('site card', q.site.compile(), ['sites_pkey']);
    await expectIndexed('site card permits', q.permits.compile(), []);
  });

  it('the permit page: its waste types with the moved figures from trip_totals', async () => {
    for (const a of [actor(w.producer.id, ['producer']), actor(w.carrier.id, ['carrier'])]) {
      await expectIndexed('permit page', permitWasteTypesQuery(a, w.permit.id).compile(ctx.db), ['trip_totals_pkey']);
    }
  });

  it("a site's trips: the first page, a deep page by cursor, and its exact total from the aggregates", async () => {
    const producer = actor(w.producer.id, ['producer']);
    const first = trips(producer, { siteId: w.site.id });
    await expectIndexed('trips first page', first.items.compile(ctx.db), ['trips_site_unloaded_idx']);
    expect(first.total.kind).toBe('totals');
    if (first.total.kind === 'totals') await expectIndexed('trips total', first.total.query.compile(ctx.db), ['trip_totals_site_day_idx']);
    // The 200th page: the cursor of the 9,950th row.
    const row = await sql<{ m: string; id: string }>`select (extract(epoch from unloaded_at) * 1000000)::int8::text as m, id::text as id from trips
      where site_id = ${w.site.id} order by unloaded_at desc, id desc offset 9949 limit 1`.execute(ctx.db);
    const deep = trips(producer, { siteId: w.site.id, after: encodeKey([row.rows[0].m, row.rows[0].id]) });
    await expectIndexed('trips deep page', deep.items.compile(ctx.db), ['trips_site_unloaded_idx']);
    // A period and a permit.
    const today = moscowDate(new Date());
    const from = formatIsoDate(addDays((parseIsoDate(today) as { value: any }).value, -30));
    const period = trips(producer, { siteId: w.site.id, permitId: w.permit.id, from, to: today });
    await expectIndexed('trips of a permit in a period', period.items.compile(ctx.db), []);
    if (period.total.kind === 'totals') await expectIndexed('its total', period.total.query.compile(ctx.db), []);
  });

  it("a vehicle's trips, the carrier's own without a filter, the operator's: each by its index, counts capped", async () => {
    const carrier = actor(w.carrier.id, ['carrier']);
    const v = trips(carrier, { vehicleId: w.vehicle.id });
    await expectIndexed("vehicle's trips", v.items.compile(ctx.db), ['trips_vehicle_unloaded_idx']);
    expect(v.total.kind).toBe('capped');
    if (v.total.kind === 'capped') await expectIndexed("vehicle's count", v.total.query.compile(ctx.db), ['trips_vehicle_unloaded_idx']);
    const own = trips(carrier, {});
    await expectIndexed("carrier's trips", own.items.compile(ctx.db), ['trips_carrier_unloaded_idx']);
    if (own.total.kind === 'capped') await expectIndexed("carrier's count", own.total.query.compile(ctx.db), ['trips_carrier_unloaded_idx']);
    const producerOwn = trips(actor(w.producer.id, ['producer']), { formed: true });
    await expectIndexed("producer's trips, formed", producerOwn.items.compile(ctx.db), ['trips_site_unloaded_idx']);
    const op = trips(actor(operatorOrg, ['operator']), {});
    await expectIndexed("operator's trips", op.items.compile(ctx.db), ['trips_unloaded_idx']);
    expect(op.total.kind).toBe('estimate');
  });

  it("the receipts page of a facility, all and awaiting", async () => {
    const facility = actor(w.facility.id, ['facility']);
    for (const status of [undefined, 'pending'] as const) {
      const q = tripListQueries(ctx, facility, receiptTripFilter(facility, { status, pageSize: 50 }));
      await expectIndexed(`receipts ${status ?? 'all'}`, q.items.compile(ctx.db), ['trips_facility_unloaded_idx']);
      if (q.total.kind === 'totals') await expectIndexed('receipts total', q.total.query.compile(ctx.db), ['trip_totals_facility_day_idx']);
    }
  });

  it("the statement form's permit list: totals for whole days, trips only for the tail", async () => {
    const today = moscowDate(new Date());
    const from = formatIsoDate(addDays((parseIsoDate(today) as { value: any }).value, -(ctx.config.statementMaxDays - 1)));
    const q = permitsWithMovementQuery(ctx, actor(w.producer.id, ['producer']), w.site.id, checkPeriod(ctx, from, today));
    await expectIndexed('statement form permit list', q.compile(ctx.db), ['trips_site_unloaded_idx', 'trip_totals_site_day_idx']);
  });

  it("the operator's overview: the last days from trip_totals by day, the last 24 hours by trips_unloaded_idx, queues by their indexes", async () => {
    const today = moscowDate(new Date());
    const from = formatIsoDate(addDays((parseIsoDate(today) as { value: any }).value, -(OVERVIEW_DAYS - 1)));
    await expectIndexed('overview days', overviewDaysQuery(from, today).compile(ctx.db), ['trip_totals_day_idx']);
    const q = overviewCountQueries();
    await expectIndexed('overview trips 24h', q.trips24h.compile(ctx.db), ['trips_unloaded_idx']);
    for (const [name, query] of Object.entries(q)) await expectIndexed(`overview ${name}`, query.compile(ctx.db), []);
  });

  it('the upload log', async () => {
    const q = uploadListQueries(ctx, { organizationId: w.carrier.id }, { pageSize: 50 });
    await expectIndexed('uploads', q.items.compile(), []);
  });
});

describe('EXPLAIN of the register lists at 20,000 sites', () => {
  beforeAll(async () => {
    // A city of registers (after the trips' tests, whose plans it would shift): 20,000 more sites of 2,000 producers, a permit each, and 5,000 statements of the first site.
    await sql`insert into organizations (kind, name, inn, roles)
              select 'legal', 'Застройщик ' || g, lpad((7700000000 + g)::text, 10, '0'), array['producer'] from generate_series(1, 2000) g`.execute(ctx.db);
    await sql`insert into sites (producer_id, name, address, cadastral_numbers)
              select o.id, 'Объект ' || g, 'г. Москва, д. ' || g, array['77:01:0001001:' || g]
                from generate_series(1, 20000) g join (select id, row_number() over () as k from organizations where name like 'Застройщик %') o on o.k = 1 + g % 2000`.execute(ctx.db);
    await sql`insert into permits (number, site_id, producer_id, valid_from, valid_to)
              select 'ГОР-' || row_number() over (), s.id, s.producer_id, date '2025-01-01' + (random() * 600)::int, date '2027-12-31'
                from sites s where s.name like 'Объект %' and s.address like 'г. Москва, д. %'`.execute(ctx.db);
    await sql`insert into statements (number, organization_id, site_id, period_from, period_to, permit_ids, ordered_by, ordered_at, formation_cutoff, snapshot_max_trip_id)
              select 'СП-EX-' || g, ${w.producer.id}, ${w.site.id}, '2026-10-01', '2026-10-31', array[${w.permit.id}::uuid], ${w.producer.head.id},
                     now() - g * interval '1 hour', now(), 0 from generate_series(1, 5000) g`.execute(ctx.db);
    await sql`analyze`.execute(ctx.db);
  }, 120_000);

    it('the sites list: the producer\'s and the operator\'s, first page and by cursor', async () => {
      const producer = siteListQueries(ctx.db, actor(w.producer.id, ['producer']), { pageSize: 50 });
      await expectIndexed('producer sites', producer.items.compile(), []);
      await expectIndexed('producer sites count', producer.count.compile(), []);
      const op = siteListQueries(ctx.db, actor(operatorOrg, ['operator']), { pageSize: 50, after: encodeKey(['Объект 5', '00000000-0000-4000-8000-000000000000']) });
      await expectIndexed('operator sites by cursor', op.items.compile(), ['sites_name_idx']);
    });

    it("the permits list: a site's and the operator's, by cursor", async () => {
      const op = actor(operatorOrg, ['operator']);
      const all = permitListQueries(ctx.db, op, { pageSize: 50, after: encodeKey(['2026-01-01', '00000000-0000-4000-8000-000000000000']) });
      await expectIndexed('operator permits', all.items.compile(), ['permits_from_idx']);
      const site = permitListQueries(ctx.db, actor(w.producer.id, ['producer']), { siteId: w.site.id, pageSize: 50 });
      await expectIndexed("a site's permits", site.items.compile(), ['permits_site_from_idx']);
    });

    it("a site's statements, first page and by cursor", async () => {
      const producer = actor(w.producer.id, ['producer']);
      const first = siteStatementQueries(ctx, producer, w.site.id, { pageSize: 50 });
      await expectIndexed('statements', first.items.compile(), ['statements_site_ordered_idx']);
      await expectIndexed('statements count', first.count.compile(), []);
      const micros = String((Date.now() - 1000 * 3_600_000) * 1000);
      const deep = siteStatementQueries(ctx, producer, w.site.id, { pageSize: 50, after: encodeKey([micros, '00000000-0000-4000-8000-000000000000']) });
      await expectIndexed('statements by cursor', deep.items.compile(), ['statements_site_ordered_idx']);
    });
});
