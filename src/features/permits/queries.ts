import { sql } from 'kysely';
import { suspendedPartiesOfPermit } from '../facilities/queries.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { CONTENT_TYPES, fileStore } from '../../platform/files/index.js';
import { formationCutoff } from '../../domain/formation.js';
import { moscowDate, periodBounds } from '../../domain/period.js';
import { permitVisible, siteVisible, tripVisible } from '../visibility.js';
import { checkPeriod, type CheckedPeriod } from '../period-input.js';
import { acceptanceSql, countedMassSql, movementOf, weighedMassSql, type MovementColumns } from '../movement.js';
import { totalsColumns } from '../totals/queries.js';
import { COUNT_CAP, cappedTotal, decodeKey, keysetPage } from '../../platform/db/keyset.js';

const HOUR_MS = 3_600_000;

/**
 * The statement form's permit list as the route runs it (test/explain.test.ts explains it). Its cost
 * does not grow with the history nor, beyond half an hour of a site's trips, with the trips per day:
 * - every Moscow day of the period other than the cutoff's comes whole from trip_totals by
 *   trip_totals_site_day_idx (site_id, day): days before it are formed through and through, days
 *   after it not formed at all; summed per permit × state × formed before the join;
 * - the cutoff's day (formation splits it) comes by the hour from trip_hour_totals by its key
 *   (site_id, hour, …): hours before the cutoff's formed, hours after it not, and the cutoff's own
 *   hour as its totals less the smaller of its two parts — the formed trips from the hour's start to
 *   the cutoff, or the rest of the hour after it — read from trips by trips_site_unloaded_idx
 *   (site_id, unloaded_at): at most thirty minutes of the site's trips;
 * - when the first and the last trip not yet formed will be formed: one step of
 *   trips_permit_unloaded_idx (permit_id, unloaded_at) each way, for the permits with such trips;
 * - the permits by permits_site_idx.
 * What counts as moved: accepted loads (../movement.ts), the same rules the totals are kept by.
 */
export function permitsWithMovementQuery(ctx: AppContext, actor: Actor, siteId: string, period: CheckedPeriod) {
  const now = ctx.now();
  const cutoff = formationCutoff(now, ctx.config.tripFormationHours);
  const hours = ctx.config.tripFormationHours;
  const cutoffDay = moscowDate(cutoff);
  const day = periodBounds(cutoffDay, cutoffDay);
  const splitInPeriod = period.from <= cutoffDay && cutoffDay <= period.to;
  // The cutoff's UTC hour (trip_hour_totals' buckets; it lies within the cutoff's Moscow day). Read the
  // smaller part of it; the other is the hour's totals less it.
  const hourStart = new Date(Math.floor(cutoff.getTime() / HOUR_MS) * HOUR_MS);
  const hourEnd = new Date(hourStart.getTime() + HOUR_MS);
  const readFormed = cutoff.getTime() - hourStart.getTime() <= hourEnd.getTime() - cutoff.getTime();
  const readPart = readFormed
    ? sql`t.unloaded_at >= ${hourStart} and t.unloaded_at <= ${cutoff}`
    : sql`t.unloaded_at > ${cutoff} and t.unloaded_at < ${hourEnd}`;
  const split = splitInPeriod
    ? sql`
      union all
      -- The cutoff's day by the hour: hours before the cutoff's formed, hours after it not; the cutoff's
      -- own hour whole as the part not read…
      select h.permit_id, h.acceptance,
             case when h.hour = ${hourStart}::timestamptz then ${sql.raw(String(!readFormed))} else h.hour < ${hourStart}::timestamptz end,
             h.trips, h.volume, h.mass, h.counted_mass, h.weighed_trips
        from trip_hour_totals h
       where h.site_id = ${siteId} and h.hour >= ${day.start}::timestamptz and h.hour < ${day.endExclusive}::timestamptz and ${tripVisible(actor, 'h')}
      union all
      -- …less the part read, which is added as itself.
      select r.permit_id, r.acceptance, case when s.own then ${sql.raw(String(readFormed))} else ${sql.raw(String(!readFormed))} end,
             s.sign * r.trips, s.sign * r.volume, s.sign * r.mass, s.sign * r.counted_mass, s.sign * r.weighed_trips
        from (select t.permit_id, ${acceptanceSql(null, 't')} as acceptance, count(*) as trips, sum(t.volume) as volume, sum(t.mass) as mass,
                     sum(${countedMassSql(null, 't')}) as counted_mass, count(*) filter (where ${weighedMassSql(null, 't')} is not null) as weighed_trips
                from trips t
               where t.site_id = ${siteId} and ${readPart} and ${tripVisible(actor, 't')}
               group by 1, 2) r
       cross join (values (true, 1), (false, -1)) s(own, sign)`
    : sql``;
  // Trips not yet formed within the period: after the cutoff and from the period's start.
  const pendingFrom = cutoff.getTime() >= period.start.getTime() ? cutoff : null;
  const pendingRange = pendingFrom
    ? sql`t.unloaded_at > ${pendingFrom} and t.unloaded_at < ${period.endExclusive}`
    : sql`t.unloaded_at >= ${period.start} and t.unloaded_at < ${period.endExclusive}`;
  const pendingEdge = (fn: 'min' | 'max') =>
    sql<Date | null>`case when coalesce(sum(u.trips) filter (where not u.formed), 0) > 0 then (select ${sql.raw(fn)}(t.unloaded_at) from trips t
      where t.permit_id = p.id and t.site_id = ${siteId} and ${pendingRange} and ${tripVisible(actor, 't')}) + make_interval(hours => ${hours}) end`;
  return sql<
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
    with u (permit_id, acceptance, formed, trips, volume, mass, counted_mass, weighed_trips) as (
      -- A carrier or facility counts only the trips it may see, never another carrier's.
      select tt.permit_id, tt.acceptance, tt.day < ${cutoffDay}::date, sum(tt.trips), sum(tt.volume), sum(tt.mass), sum(tt.counted_mass), sum(tt.weighed_trips)
        from trip_totals tt
       where tt.site_id = ${siteId} and tt.day >= ${period.from}::date and tt.day <= ${period.to}::date and tt.day <> ${cutoffDay}::date
         and ${tripVisible(actor, 'tt')}
       group by 1, 2, 3${split}
    )
    select p.id, p.number, to_char(p.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(p.valid_to, 'YYYY-MM-DD') as "validTo", p.status,
      coalesce(sum(u.trips) filter (where u.formed), 0)::int as "formedTrips",
      coalesce(sum(u.trips) filter (where not u.formed), 0)::int as "pendingTrips",
      ${pendingEdge('min')} as "pendingFormedFrom",
      ${pendingEdge('max')} as "pendingFormedUntil",
      ${totalsColumns('u', 'u.formed')}
    from permits p
    join u on u.permit_id = p.id
    where p.site_id = ${siteId} and ${permitVisible(actor, 'p')}
    group by p.id
    having sum(u.trips) > 0
    order by p.number`;
}

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
  const rows = await permitsWithMovementQuery(ctx, actor, siteId, period).execute(ctx.db);
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

/**
 * The permits list, newest validity first, by keyset on (valid_from desc, id desc): a site's through
 * permits_site_from_idx (site_id, valid_from desc, id desc), all the operator's through
 * permits_from_idx; the total counted up to 1001.
 */
export function permitListQueries(db: Db, actor: Actor, o: { siteId?: string; after?: string; pageSize: number }) {
  const key = decodeKey(o.after, ['date', 'uuid']);
  let base = db.selectFrom('permits as p').where(permitVisible(actor, 'p'));
  if (o.siteId) base = base.where('p.site_id', '=', o.siteId);
  let items = base
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['p.id', 'p.number', 'p.site_id as siteId', 's.name as siteName', 'p.valid_from as validFrom', 'p.valid_to as validTo', 'p.status'])
    .select(sql<string>`p.valid_from::text`.as('sortFrom'))
    .orderBy('p.valid_from', 'desc')
    .orderBy('p.id', 'desc')
    .limit(o.pageSize + 1);
  if (key) items = items.where(sql<boolean>`(p.valid_from, p.id) < (${key[0]}::date, ${key[1]}::uuid)`);
  const count = db.selectFrom(base.select('p.id').limit(COUNT_CAP + 1).as('capped')).select(sql<number>`count(*)::int`.as('n'));
  return { items, count };
}

export async function listPermits(db: Db, actor: Actor, o: { siteId?: string; after?: string; pageSize: number }) {
  const { items, count } = permitListQueries(db, actor, o);
  const [rows, total] = await Promise.all([items.execute(), count.executeTakeFirstOrThrow()]);
  const page = keysetPage(rows, o.pageSize, (r) => [r.sortFrom, r.id]);
  return { items: page.items.map(({ sortFrom: _, ...r }) => r), nextCursor: page.nextCursor, total: cappedTotal(total.n) };
}

/**
 * A permit page's waste types with what moved under each, as the route runs it (explained by
 * test/explain.test.ts): permit_waste_types_pkey, then trip_lifetime_totals_pkey (permit_id, waste_code, …)
 * twice — the organization's visible figures and the whole permit's moved volume, over its whole history
 * without a row per day (migration 0400). No trips are read.
 * What counts as moved: accepted loads (../movement.ts); awaiting and rejected apart.
 */
export function permitWasteTypesQuery(actor: Actor, id: string) {
  return sql<
      MovementColumns & { code: string; name: string; hazardClass: number; permittedVolume: string; overLimit: boolean }
    >`select pw.waste_code as code, w.name, w.hazard_class::int as "hazardClass", pw.permitted_volume::text as "permittedVolume", m.*,
             coalesce(all_moved.v, 0) > pw.permitted_volume as "overLimit"
      from permit_waste_types pw
      join waste_types w on w.code = pw.waste_code
      -- The figures of the trips the organization may see (a carrier: only its own), from the totals…
      cross join lateral (select ${totalsColumns('u')} from trip_lifetime_totals u where u.permit_id = pw.permit_id and u.waste_code = pw.waste_code and ${tripVisible(actor, 'u')}) m
      -- …while the limit is judged by everything moved under the permit.
      cross join lateral (select sum(a.volume) as v from trip_lifetime_totals a where a.permit_id = pw.permit_id and a.waste_code = pw.waste_code and a.acceptance = 'accepted') all_moved
      where pw.permit_id = ${id}
      order by pw.waste_code`;
}

/** A permit with its waste types (permitted vs moved volume), carriers and facilities. */
export async function getPermit(db: Db, actor: Actor, id: string) {
  const permit = await db
    .selectFrom('permits as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select([
      'p.id',
      'p.number',
      'p.site_id as siteId',
      's.name as siteName',
      'p.valid_from as validFrom',
      'p.valid_to as validTo',
      'p.status',
      'p.revoked_at as revokedAt',
      'p.revoked_reason as revokedReason',
    ])
    .where('p.id', '=', id)
    .where(permitVisible(actor, 'p'))
    .executeTakeFirst();
  if (!permit) throw notFound('Разрешение не найдено');
  const [wasteTypes, carriers, facilities, suspended] = await Promise.all([
    permitWasteTypesQuery(actor, id)
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
    // Parties whose access the operator suspended (1386-ПП п. 7.2): flagged on the permit's pages.
    suspendedPartiesOfPermit(db, id),
  ]);
  return {
    ...permit,
    wasteTypes,
    carriers,
    facilities,
    suspended,
    revokedAt: permit.revokedAt ? new Date(permit.revokedAt).toISOString() : null,
    canRevoke: permit.status !== 'revoked' && actor.orgRoles.includes('operator') && actor.rights.has('submit'),
  };
}

/**
 * Every version of a permit, newest first: its term, when it came into force,
 * the application it was issued on, what it changed, and its signed PDF.
 * Every permit has its first version at least: issued on an application, or its present terms kept as
 * version 1 (migrations 0055 and 0281, the demo seed).
 */
export async function permitVersions(db: Db, actor: Actor, permitId: string) {
  const permit = await db.selectFrom('permits as p').select(['p.id', 'p.number', 'p.version', 'p.valid_from', 'p.valid_to', 'p.issued_at']).where('p.id', '=', permitId).where(permitVisible(actor, 'p')).executeTakeFirst();
  if (!permit) throw notFound('Разрешение не найдено');
  const rows = await db
    .selectFrom('permit_versions as v')
    .leftJoin('permit_applications as a', 'a.id', 'v.application_id')
    .leftJoin('persons as pe', 'pe.id', 'v.issued_by')
    .select([
      'v.id',
      'v.version',
      sql<Date | null>`case when v.in_force_from = '-infinity' then null else v.in_force_from end`.as('in_force_from'),
      'v.valid_from',
      'v.valid_to',
      'v.issued_at',
      'v.changes',
      'v.pdf_key',
      'v.pdf_bytes',
      'v.pdf_sha256',
      'v.signed_at',
      'a.id as application_id',
      'a.number as application_number',
      'a.kind as application_kind',
      'pe.full_name as issued_by',
      sql<Array<{ code: string; name: string; volume: string; mass: string | null; facilities: string[] }>>`coalesce((select json_agg(json_build_object(
          'code', l.waste_code, 'name', w.name, 'volume', l.permitted_volume::text, 'mass', l.permitted_mass::text,
          'facilities', array(select fo.number || ' «' || fo.name || '»' from permit_version_facilities f join facilities fo on fo.id = f.facility_object_id
                              where f.version_id = v.id and f.waste_code = l.waste_code order by fo.number)) order by l.waste_code)
        from permit_version_lines l join waste_types w on w.code = l.waste_code where l.version_id = v.id), '[]')`.as('lines'),
      sql<Array<{ name: string; inn: string }>>`coalesce((select json_agg(json_build_object('name', coalesce(o.short_name, o.name), 'inn', o.inn) order by o.name)
        from permit_version_carriers c join organizations o on o.id = c.carrier_id where c.version_id = v.id), '[]')`.as('carriers'),
    ])
    .where('v.permit_id', '=', permitId)
    .orderBy('v.version', 'desc')
    .execute();
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: permit.id,
    number: permit.number,
    currentVersion: permit.version,
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      current: r.version === permit.version,
      inForceFrom: iso(r.in_force_from),
      validFrom: r.valid_from,
      validTo: r.valid_to,
      issuedAt: iso(r.issued_at)!,
      issuedBy: r.issued_by ?? null,
      application: r.application_id ? { id: r.application_id, number: r.application_number!, kind: r.application_kind! } : null,
      changes: Object.entries(r.changes).map(([field, [before, after]]) => ({ field, before: JSON.stringify(before), after: JSON.stringify(after) })),
      lines: r.lines,
      carriers: r.carriers,
      pdf: r.pdf_key
        ? { url: `/api/permits/${permit.id}/versions/${r.id}/files/pdf`, signatureUrl: `/api/permits/${permit.id}/versions/${r.id}/files/pdf.sig`, bytes: Number(r.pdf_bytes), sha256: r.pdf_sha256!, signedAt: iso(r.signed_at)! }
        : null,
    })),
  };
}

export async function openPermitFile(ctx: AppContext, actor: Actor, permitId: string, versionId: string, kind: 'pdf' | 'pdf.sig') {
  const v = await ctx.db
    .selectFrom('permit_versions as v')
    .innerJoin('permits as p', 'p.id', 'v.permit_id')
    .select(['v.version', 'v.pdf_key', 'v.sig_key', 'p.number'])
    .where('v.id', '=', versionId)
    .where('p.id', '=', permitId)
    .where(permitVisible(actor, 'p'))
    .executeTakeFirst();
  if (!v) throw notFound('Версия разрешения не найдена');
  const key = kind === 'pdf' ? v.pdf_key : v.sig_key;
  if (!key) throw new AppError('conflict', 'PDF разрешения ещё формируется; обновите страницу через несколько секунд');
  const file = await fileStore(ctx.config).get(key);
  if (!file) throw new AppError('unavailable', 'Файл временно недоступен: хранилище файлов не отвечает');
  const name = `Разрешение ${v.number}${v.version > 1 ? ` версия ${v.version}` : ''}.${kind}`;
  return { file, name, type: kind === 'pdf' ? CONTENT_TYPES.pdf : CONTENT_TYPES.sig };
}
