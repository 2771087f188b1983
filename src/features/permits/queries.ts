import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { formationCutoff } from '../../domain/formation.js';
import { permitVisible, siteVisible, tripVisible } from '../visibility.js';
import { checkPeriod } from '../period-input.js';
import { acceptedSql, movementColumns, movementOf, type MovementColumns } from '../movement.js';

/**
 * Permits of a site under which trips finished in the period, with the counts
 * of formed trips, what of them counts as moved (accepted by the facility),
 * what awaits the facility's decision and what it rejected (../movement.ts),
 * and how many trips are not formed yet and when they will be.
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
  const formed = sql<boolean>`t.unloaded_at <= ${cutoff}`;
  const rows = await sql<
    MovementColumns & {
      id: string;
      number: string;
      validFrom: string;
      validTo: string;
      status: string;
      formedTrips: number;
      pendingTrips: number;
      pendingFormedFrom: Date | null;
      pendingFormedUntil: Date | null;
    }
  >`
    select p.id, p.number, to_char(p.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(p.valid_to, 'YYYY-MM-DD') as "validTo", p.status,
      (count(*) filter (where ${formed}))::int as "formedTrips",
      (count(*) filter (where not ${formed}))::int as "pendingTrips",
      min(t.unloaded_at) filter (where not ${formed}) + make_interval(hours => ${hours}) as "pendingFormedFrom",
      max(t.unloaded_at) filter (where not ${formed}) + make_interval(hours => ${hours}) as "pendingFormedUntil",
      m.*
    from permits p
    -- A carrier or facility counts only the trips it may see, never another carrier's.
    join trips t on t.permit_id = p.id and t.unloaded_at >= ${period.start} and t.unloaded_at < ${period.endExclusive} and ${tripVisible(actor, 't')}
    left join lateral (
      select ${movementColumns(null, 'f')} from trips f
      where f.permit_id = p.id and f.unloaded_at >= ${period.start} and f.unloaded_at < ${period.endExclusive} and f.unloaded_at <= ${cutoff}
        and ${tripVisible(actor, 'f')}
    ) m on true
    where p.site_id = ${siteId} and ${permitVisible(actor, 'p')}
    group by p.id, m.a_trips, m.a_volume, m.a_mass, m.a_weighed, m.w_trips, m.w_volume, m.w_mass, m.r_trips, m.r_volume, m.r_mass
    order by p.number`.execute(ctx.db);
  return rows.rows.map((r) => {
    const mv = movementOf(r);
    return {
      id: r.id,
      number: r.number,
      validFrom: r.validFrom,
      validTo: r.validTo,
      status: r.status,
      formedTrips: r.formedTrips,
      formedVolume: mv.accepted.volume,
      formedMass: mv.accepted.mass,
      movement: mv,
      pendingTrips: r.pendingTrips,
      pendingFormedFrom: r.pendingFormedFrom ? new Date(r.pendingFormedFrom).toISOString() : null,
      pendingFormedUntil: r.pendingFormedUntil ? new Date(r.pendingFormedUntil).toISOString() : null,
    };
  });
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
    // What counts as moved: accepted loads (../movement.ts); awaiting and rejected apart.
    sql<
      MovementColumns & { code: string; name: string; hazardClass: number; permittedVolume: string; overLimit: boolean }
    >`select pw.waste_code as code, w.name, w.hazard_class::int as "hazardClass", pw.permitted_volume::text as "permittedVolume", m.*,
             coalesce(all_moved.v, 0) > pw.permitted_volume as "overLimit"
      from permit_waste_types pw
      join waste_types w on w.code = pw.waste_code
      -- The figures of the trips the organization may see (a carrier: only its own)…
      cross join lateral (select ${movementColumns(null)} from trips t where t.permit_id = pw.permit_id and t.waste_code = pw.waste_code and ${tripVisible(actor, 't')}) m
      -- …while the limit is judged by everything moved under the permit.
      cross join lateral (select sum(a.volume) as v from trips a where a.permit_id = pw.permit_id and a.waste_code = pw.waste_code and ${acceptedSql(null, 'a')}) all_moved
      where pw.permit_id = ${id}
      order by pw.waste_code`
      .execute(db)
      .then((r) =>
        r.rows.map((w) => {
          const mv = movementOf(w);
          return {
            code: w.code,
            name: w.name,
            hazardClass: w.hazardClass,
            permittedVolume: w.permittedVolume,
            movedVolume: mv.accepted.volume,
            awaitingVolume: mv.awaiting.volume,
            rejectedVolume: mv.rejected.volume,
            movedTrips: mv.accepted.trips,
            awaitingTrips: mv.awaiting.trips,
            rejectedTrips: mv.rejected.trips,
            overLimit: w.overLimit,
          };
        }),
      ),
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
