import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { formationCutoff } from '../../domain/formation.js';
import { permitVisible, siteVisible, tripVisible } from '../visibility.js';
import { checkPeriod } from '../period-input.js';

/**
 * Permits of a site under which trips finished in the period, with the counts
 * and volumes of formed trips and how many are not formed yet and when they
 * will be.
 */
export async function permitsWithMovement(ctx: AppContext, actor: Actor, siteId: string, from: string, to: string) {
  const period = checkPeriod(ctx, from, to);
  const site = await ctx.db
    .selectFrom('sites as s')
    .select('s.id')
    .where('s.id', '=', siteId)
    .where(siteVisible(actor, 's'))
    .executeTakeFirst();
  if (!site) throw notFound('Объект образования ОСС не найден');
  const now = ctx.now();
  const cutoff = formationCutoff(now, ctx.config.tripFormationHours);
  const hours = ctx.config.tripFormationHours;
  const rows = await ctx.db
    .selectFrom('permits as p')
    .innerJoin('trips as t', (j) =>
      j
        .onRef('t.permit_id', '=', 'p.id')
        .on('t.unloaded_at', '>=', period.start)
        .on('t.unloaded_at', '<', period.endExclusive)
        // A carrier or facility counts only the trips it may see, never another carrier's.
        .on(tripVisible(actor, 't')),
    )
    .select([
      'p.id',
      'p.number',
      'p.valid_from as validFrom',
      'p.valid_to as validTo',
      'p.status',
      sql<number>`(count(*) filter (where t.unloaded_at <= ${cutoff}))::int`.as('formedTrips'),
      sql<string>`coalesce(sum(t.volume) filter (where t.unloaded_at <= ${cutoff}), 0)::numeric(14,2)::text`.as('formedVolume'),
      sql<string>`coalesce(sum(t.mass) filter (where t.unloaded_at <= ${cutoff}), 0)::numeric(14,3)::text`.as('formedMass'),
      sql<number>`(count(*) filter (where t.unloaded_at > ${cutoff}))::int`.as('pendingTrips'),
      sql<Date | null>`min(t.unloaded_at) filter (where t.unloaded_at > ${cutoff}) + make_interval(hours => ${hours})`.as('pendingFormedFrom'),
      sql<Date | null>`max(t.unloaded_at) filter (where t.unloaded_at > ${cutoff}) + make_interval(hours => ${hours})`.as('pendingFormedUntil'),
    ])
    .where('p.site_id', '=', siteId)
    .where(permitVisible(actor, 'p'))
    .groupBy('p.id')
    .orderBy('p.number')
    .execute();
  return rows.map((r) => ({
    ...r,
    pendingFormedFrom: r.pendingFormedFrom ? new Date(r.pendingFormedFrom).toISOString() : null,
    pendingFormedUntil: r.pendingFormedUntil ? new Date(r.pendingFormedUntil).toISOString() : null,
  }));
}

export async function listPermits(db: Db, actor: Actor, siteId: string | undefined, page: number, pageSize: number) {
  let base = db.selectFrom('permits as p').where(permitVisible(actor, 'p'));
  if (siteId) base = base.where('p.site_id', '=', siteId);
  const [items, total] = await Promise.all([
    base
      .innerJoin('sites as s', 's.id', 'p.site_id')
      .select(['p.id', 'p.number', 'p.site_id as siteId', 's.name as siteName', 'p.valid_from as validFrom', 'p.valid_to as validTo', 'p.status'])
      .orderBy('p.valid_from', 'desc')
      .orderBy('p.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n, page, pageSize };
}

/** A permit with its waste types (permitted vs moved volume), carriers and facilities. */
export async function getPermit(db: Db, actor: Actor, id: string) {
  const permit = await db
    .selectFrom('permits as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['p.id', 'p.number', 'p.site_id as siteId', 's.name as siteName', 'p.valid_from as validFrom', 'p.valid_to as validTo', 'p.status'])
    .where('p.id', '=', id)
    .where(permitVisible(actor, 'p'))
    .executeTakeFirst();
  if (!permit) throw notFound('Разрешение не найдено');
  const [wasteTypes, carriers, facilities] = await Promise.all([
    db
      .selectFrom('permit_waste_types as pw')
      .innerJoin('waste_types as w', 'w.code', 'pw.waste_code')
      .select([
        'pw.waste_code as code',
        'w.name',
        'w.hazard_class as hazardClass',
        sql<string>`pw.permitted_volume::text`.as('permittedVolume'),
        // Moved volume of the trips the organization may see (all of them for the producer and the operator).
        sql<string>`coalesce((select sum(t.volume) from trips t where t.permit_id = pw.permit_id and t.waste_code = pw.waste_code and ${tripVisible(actor, 't')}), 0)::numeric(14,2)::text`.as(
          'movedVolume',
        ),
        sql<boolean>`coalesce((select sum(t.volume) from trips t where t.permit_id = pw.permit_id and t.waste_code = pw.waste_code), 0) > pw.permitted_volume`.as(
          'overLimit',
        ),
      ])
      .where('pw.permit_id', '=', id)
      .orderBy('pw.waste_code')
      .execute(),
    db
      .selectFrom('permit_carriers as pc')
      .innerJoin('organizations as o', 'o.id', 'pc.carrier_id')
      .select(['o.id', 'o.name', 'o.inn'])
      .where('pc.permit_id', '=', id)
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('permit_facilities as pf')
      .innerJoin('organizations as o', 'o.id', 'pf.facility_id')
      .select(['o.id', 'o.name', 'o.inn', 'o.address'])
      .where('pf.permit_id', '=', id)
      .orderBy('o.name')
      .execute(),
  ]);
  return {
    ...permit,
    wasteTypes,
    carriers,
    facilities,
  };
}
