/**
 * The statement form's permit list (whole days from trip_totals, the cutoff's day by the hour from
 * trip_hour_totals, the cutoff's own hour less its smaller part read from trips) against a full
 * recount over the trips, on random data: trips exactly at the formation cutoff, at the start and the
 * end of its hour, and a microsecond either side of each, at Moscow midnights, loads accepted (weighed
 * or not), rejected, awaiting, and decided without a received_at (awaiting, PRODUCT.md: only an
 * accepted load counts as moved); receipt decisions changed after the insert; cutoffs on the hour,
 * ten past and ten to it (either part of the hour read), early and late in a Moscow day and exactly at
 * midnight; periods before, around, from and after the cutoff's day; the operator, the producer, a
 * carrier and a facility.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headActor } from '../../../test/helpers/actors.js';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { makeFacilityObject, makeOrganization, makePermit, makeSite, makeVehicle, WASTE_CODE } from '../../../test/factories.js';
import type { Actor } from '../../platform/http/auth.js';
import { prng } from '../demo/seed.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../../domain/period.js';
import { permitVisible } from '../visibility.js';
import { permitsWithMovement } from './queries.js';

const H = 3_600_000;
const HOURS = 27;
/** The base moment: 12:00 MSK; the nows below move around it. */
const BASE = new Date('2026-11-20T09:00:00Z');
const rand = prng(2713);

let ctx: TestContext;
let siteId: string;
const orgs: Record<string, string> = {};
const actor = headActor;
const day = (iso: string, n: number) => formatIsoDate(addDays((parseIsoDate(iso) as { value: any }).value, n));
const msk = (iso: string, hh = 0) => new Date(Date.parse(`${iso}T00:00:00+03:00`) + hh * H);

/** The nows tried: the cutoff early and late in a Moscow day, exactly at midnight, at a trip. */
const nows: Date[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ tripFormationHours: HOURS });
  ctx.setNow(BASE);
  const producer = await makeOrganization(ctx, { roles: ['producer'] });
  const other = await makeOrganization(ctx, { roles: ['producer'] });
  const carriers = [await makeOrganization(ctx, { roles: ['carrier'] }), await makeOrganization(ctx, { roles: ['carrier'] })];
  const facilities = [await makeOrganization(ctx, { roles: ['facility'] }), await makeOrganization(ctx, { roles: ['facility'] })];
  const objects = [await makeFacilityObject(ctx, { organizationId: facilities[0].id }), await makeFacilityObject(ctx, { organizationId: facilities[1].id })];
  const vehicles = [await makeVehicle(ctx, { carrierId: carriers[0].id }), await makeVehicle(ctx, { carrierId: carriers[1].id })];
  orgs.producer = producer.id;
  orgs.carrier = carriers[0].id;
  orgs.facility = facilities[0].id;
  orgs.operator = (await makeOrganization(ctx, { roles: ['operator'] })).id;
  const site = await makeSite(ctx, { producerId: producer.id });
  const otherSite = await makeSite(ctx, { producerId: other.id });
  siteId = site.id;
  const F = (i: number) => ({ organizationId: facilities[i].id, objectId: objects[i].id });
  const permits = [
    { site: site.id, ...(await makePermit(ctx, { siteId: site.id, producerId: producer.id, carrierIds: [carriers[0].id, carriers[1].id], facilities: [F(0), F(1)] })), c: [0, 1], f: [0, 1] },
    { site: site.id, ...(await makePermit(ctx, { siteId: site.id, producerId: producer.id, carrierIds: [carriers[0].id], facilities: [F(0)] })), c: [0], f: [0] },
    { site: site.id, ...(await makePermit(ctx, { siteId: site.id, producerId: producer.id, carrierIds: [carriers[1].id], facilities: [F(1)] })), c: [1], f: [1] },
    { site: otherSite.id, ...(await makePermit(ctx, { siteId: otherSite.id, producerId: other.id, carrierIds: [carriers[0].id], facilities: [F(0)] })), c: [0], f: [0] },
  ];

  const today = moscowDate(BASE);
  // Cutoffs: 06:00 and 20:00 MSK (on the hour), exactly midnight, half past (a microsecond-exact trip), ten
  // past and ten to the hour (the cutoff's hour is read before it or after it).
  const cutoffs = [
    msk(day(today, -2), 6), msk(day(today, -1), 20), msk(day(today, -1)), msk(day(today, -3), 13.5),
    msk(day(today, -2), 15 + 10 / 60), msk(day(today, -3), 7 + 50 / 60),
  ];
  for (const c of cutoffs) nows.push(new Date(c.getTime() + HOURS * H));
  // Edge moments: each cutoff, the start and the end of its hour, each and a microsecond either side;
  // every Moscow midnight of the last ten days.
  const edges: string[] = [];
  for (const c of cutoffs) {
    const hour = Math.floor(c.getTime() / H) * H;
    for (const m of [c, new Date(hour), new Date(hour + H)]) edges.push(`${m.toISOString()}`, `${m.toISOString()}|-1`, `${m.toISOString()}|1`);
  }
  for (let i = -10; i <= 1; i++) edges.push(`${msk(day(today, i)).toISOString()}`, `${msk(day(today, i)).toISOString()}|-1`);

  const rows: string[] = [];
  const params: unknown[] = [];
  let seq = 0;
  const add = (at: string, usOffset: number) => {
    const p = permits[rand() < 0.12 ? 3 : Math.floor(rand() * 3)];
    const ci = p.c[Math.floor(rand() * p.c.length)];
    const fi = p.f[Math.floor(rand() * p.f.length)];
    const r = rand();
    // confirmed + weighed, confirmed without a mass, rejected, pending, confirmed but not yet received (awaiting)
    const [status, receivedMass, decided] =
      r < 0.35 ? ['confirmed', (10 + Math.floor(rand() * 9000) / 1000).toFixed(3), true] :
      r < 0.55 ? ['confirmed', null, true] :
      r < 0.7 ? ['rejected', null, true] :
      r < 0.9 ? ['pending', null, false] : ['confirmed', null, false];
    const i = params.length;
    seq++;
    params.push(p.id, p.site, carriers[ci].id, vehicles[ci].id, facilities[fi].id, objects[fi].id, at, usOffset, seq,
      (1 + Math.floor(rand() * 3000) / 100).toFixed(2), (1 + Math.floor(rand() * 30000) / 1000).toFixed(3), status, receivedMass, decided);
    const $ = (k: number) => `$${i + k}`;
    rows.push(`(${$(1)}::uuid, ${$(2)}::uuid, ${$(3)}::uuid, ${$(4)}::uuid, ${$(5)}::uuid, ${$(6)}::uuid, '${WASTE_CODE}',
      ${$(7)}::timestamptz + ${$(8)}::int * interval '1 microsecond' - interval '1 hour' - ${$(9)}::int * interval '1 millisecond',
      ${$(7)}::timestamptz + ${$(8)}::int * interval '1 microsecond', ${$(10)}::numeric, ${$(11)}::numeric, ${$(12)}, ${$(13)}::numeric,
      case when ${$(14)}::boolean then ${$(7)}::timestamptz + ${$(8)}::int * interval '1 microsecond' + interval '1 hour' end, 'api')`);
  };
  const flush = async () => {
    if (!rows.length) return;
    await ctx.pool.query(
      `insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at,
                          volume, mass, receipt_status, received_mass, received_at, source) values ${rows.join(',\n')}`,
      params,
    );
    rows.length = 0;
    params.length = 0;
  };
  for (const e of edges) {
    const [at, off] = e.split('|');
    for (let k = 0; k < 3; k++) add(at, Number(off ?? 0));
  }
  await flush();
  for (let b = 0; b < 8; b++) {
    for (let k = 0; k < 150; k++) {
      // Dense around the cutoffs (the last four days), thinner before.
      const back = rand() < 0.7 ? rand() * 4 * 24 * H : rand() * 12 * 24 * H;
      add(new Date(BASE.getTime() - back).toISOString(), Math.floor(rand() * 1000));
    }
    await flush();
  }
  // Receipt decisions changed afterwards (the totals follow by their triggers), one trip deleted in ten.
  await sql`update trips set receipt_status = 'rejected', received_at = unloaded_at + interval '2 hours', received_mass = null where id % 7 = 0`.execute(ctx.db);
  await sql`update trips set receipt_status = 'confirmed', received_at = unloaded_at + interval '3 hours', received_mass = mass - 0.5 where id % 11 = 0`.execute(ctx.db);
  await sql`update trips set receipt_status = 'pending', received_at = null, received_mass = null where id % 13 = 0`.execute(ctx.db);
  await sql`delete from trips where id % 10 = 3`.execute(ctx.db);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

/** The full recount: every trip of the site in the period, one by one, the rules written out here. */
async function recount(a: Actor, from: string, to: string, cutoff: Date) {
  const start = msk(from);
  const end = msk(day(to, 1));
  const visible =
    a.orgRoles[0] === 'operator' ? sql`true` :
    a.orgRoles[0] === 'carrier' ? sql`t.carrier_id = ${a.organizationId}` :
    a.orgRoles[0] === 'facility' ? sql`t.facility_id = ${a.organizationId}` :
    sql`exists (select 1 from sites s where s.id = t.site_id and s.producer_id = ${a.organizationId})`;
  const r = await sql<any>`
    with x as (
      select t.*, t.unloaded_at <= ${cutoff} as f,
             case when t.receipt_status = 'confirmed' and t.received_at is not null then 'a'
                  when t.receipt_status = 'rejected' and t.received_at is not null then 'r' else 'w' end as st
        from trips t where t.site_id = ${siteId} and t.unloaded_at >= ${start} and t.unloaded_at < ${end} and ${visible})
    select p.id, p.number,
      (count(*) filter (where f))::int as "formedTrips",
      (count(*) filter (where not f))::int as "pendingTrips",
      min(x.unloaded_at) filter (where not f) + interval '${sql.raw(String(HOURS))} hours' as "pendingFormedFrom",
      max(x.unloaded_at) filter (where not f) + interval '${sql.raw(String(HOURS))} hours' as "pendingFormedUntil",
      (count(*) filter (where f and st = 'a'))::int as a_trips,
      coalesce(sum(x.volume) filter (where f and st = 'a'), 0)::numeric(16,2)::text as a_volume,
      coalesce(sum(coalesce(x.received_mass, x.mass)) filter (where f and st = 'a'), 0)::numeric(16,3)::text as a_mass,
      (count(*) filter (where f and st = 'a' and x.received_mass is not null))::int as a_weighed,
      (count(*) filter (where f and st = 'w'))::int as w_trips,
      coalesce(sum(x.volume) filter (where f and st = 'w'), 0)::numeric(16,2)::text as w_volume,
      coalesce(sum(x.mass) filter (where f and st = 'w'), 0)::numeric(16,3)::text as w_mass,
      (count(*) filter (where f and st = 'r'))::int as r_trips,
      coalesce(sum(x.volume) filter (where f and st = 'r'), 0)::numeric(16,2)::text as r_volume,
      coalesce(sum(x.mass) filter (where f and st = 'r'), 0)::numeric(16,3)::text as r_mass
    from permits p join x on x.permit_id = p.id
    where p.site_id = ${siteId} and ${permitVisible(a, 'p')}
    group by p.id order by p.number`.execute(ctx.db);
  return r.rows.map((w) => ({
    id: w.id,
    number: w.number,
    formedTrips: w.formedTrips,
    formedVolume: w.a_volume,
    formedMass: w.a_mass,
    movement: {
      accepted: { trips: w.a_trips, volume: w.a_volume, mass: w.a_mass, weighedTrips: w.a_weighed },
      awaiting: { trips: w.w_trips, volume: w.w_volume, mass: w.w_mass },
      rejected: { trips: w.r_trips, volume: w.r_volume, mass: w.r_mass },
    },
    pendingTrips: w.pendingTrips,
    pendingFormedFrom: w.pendingFormedFrom ? new Date(w.pendingFormedFrom).toISOString() : null,
    pendingFormedUntil: w.pendingFormedUntil ? new Date(w.pendingFormedUntil).toISOString() : null,
  }));
}

describe("the statement form's permit list against a full recount", () => {
  it('has trips on the cutoffs and beside them', async () => {
    const c = nows.map((n) => new Date(n.getTime() - HOURS * H));
    const at = await sql<{ n: number }>`select count(*)::int as n from trips where unloaded_at = any(${c}::timestamptz[])`.execute(ctx.db);
    expect(at.rows[0].n).toBeGreaterThan(4);
  });

  it('matches for every cutoff, period and kind of organization', async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const now of nows) {
      ctx.setNow(now);
      const today = moscowDate(now);
      const cutoff = new Date(now.getTime() - HOURS * H);
      const cd = moscowDate(cutoff);
      const periods: [string, string][] = [
        [day(today, -11), today], // around the cutoff's day
        [cd, today], // from the cutoff's day
        [day(cd, 1), today], // after it: nothing formed
        [day(today, -11), day(cd, -1)], // before it: all formed
        [cd, cd], // the cutoff's day alone
        [day(cd, -1), cd],
      ].filter(([f, t]) => f <= t && t <= today) as [string, string][];
      for (const [from, to] of periods) {
        for (const a of [actor(orgs.operator, ['operator']), actor(orgs.producer, ['producer']), actor(orgs.carrier, ['carrier']), actor(orgs.facility, ['facility'])]) {
          const got = (await permitsWithMovement(ctx, a, siteId, from, to)).map(({ validFrom: _f, validTo: _t, status: _s, ...r }) => r);
          const want = await recount(a, from, to, cutoff);
          expect(got, `now ${now.toISOString()}, ${from}…${to}, ${a.orgRoles[0]}`).toEqual(want);
          compared++;
          if (want.length) nonEmpty++;
        }
      }
    }
    expect(compared).toBeGreaterThan(60);
    expect(nonEmpty).toBeGreaterThan(50);
    ctx.setNow(BASE);
  });
});
