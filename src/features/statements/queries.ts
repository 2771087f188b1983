/**
 * The SQL of statements: the trips a statement holds (fixed when ordered),
 * its header data, and its totals by SQL aggregates — independent of the row
 * stream that writes the files.
 */
import { sql, type RawBuilder } from 'kysely';
import { releaseClient, streamQuery } from '../../platform/db/cursor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { periodBounds } from '../../domain/period.js';
import type { StatementFileKind, StatementStatus } from './tables.js';

/** What fixes a statement's content. */
export interface StatementScope {
  siteId: string;
  permitIds: string[];
  from: string;
  to: string;
  cutoff: Date;
  snapshotMaxTripId: number;
  orderedAt: Date;
}

export interface StatementRow {
  id: string;
  number: string;
  organization_id: string;
  site_id: string;
  period_from: string;
  period_to: string;
  permit_ids: string[];
  status: StatementStatus;
  progress: number;
  error: string | null;
  attempts: number;
  ordered_by: string;
  ordered_at: Date;
  formation_cutoff: Date;
  snapshot_max_trip_id: number;
  trip_count: number | null;
  ready_at: Date | null;
  pdf_bytes: number | null;
  xlsx_bytes: number | null;
}

export function scopeOf(s: StatementRow): StatementScope {
  return {
    siteId: s.site_id,
    permitIds: s.permit_ids,
    from: s.period_from,
    to: s.period_to,
    cutoff: new Date(s.formation_cutoff),
    snapshotMaxTripId: Number(s.snapshot_max_trip_id),
    orderedAt: new Date(s.ordered_at),
  };
}

/** `where` of the trips a statement holds, on `trips` aliased `t`. */
export function tripsOfScope(s: StatementScope): RawBuilder<unknown> {
  const { start, endExclusive } = periodBounds(s.from, s.to);
  return sql`t.site_id = ${s.siteId}
    and t.permit_id = any(${s.permitIds}::uuid[])
    and t.unloaded_at >= ${start} and t.unloaded_at < ${endExclusive}
    and t.unloaded_at <= ${s.cutoff}
    and t.id <= ${s.snapshotMaxTripId}`;
}

/** Receipt status as it stood when the statement was ordered. */
const receiptAsOf = (orderedAt: Date) =>
  sql`case when t.received_at is not null and t.received_at <= ${orderedAt} then t.receipt_status else 'pending' end`;

export interface HeaderData {
  operator: { name: string; inn: string; ogrn: string | null };
  producer: { name: string; shortName: string | null; inn: string; ogrn: string | null; kpp: string | null; address: string | null };
  site: { name: string; address: string; cadastralNumbers: string[] };
  permits: {
    id: string;
    number: string;
    validFrom: string;
    validTo: string;
    status: string;
    carriers: string[];
    facilities: string[];
    wasteTypes: { code: string; name: string; permitted: string }[];
  }[];
}

export interface Totals {
  trips: number;
  volume: string;
  mass: string;
  byPermit: { number: string; trips: number; volume: string; mass: string }[];
  byWaste: { code: string; name: string; hazardClass: number; trips: number; volume: string; mass: string }[];
  byFacility: { name: string; inn: string; trips: number; volume: string; mass: string }[];
  /** Per permit and waste type: permitted volume vs moved (in the period and cumulatively up to its end). */
  utilization: {
    permitNumber: string;
    code: string;
    name: string;
    permitted: string;
    movedInPeriod: string;
    movedTotal: string;
    /** Share of the permitted volume used, percent with one decimal. */
    sharePercent: string;
    over: boolean;
  }[];
}

export async function loadHeader(db: Db, st: { organization_id: string; site_id: string; permit_ids: string[] }): Promise<HeaderData> {
  const [operator, producer, site, permits] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['name', 'inn', 'ogrn'])
      .where(sql<boolean>`'operator' = any(roles)`)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('organizations')
      .select(['name', 'short_name', 'inn', 'ogrn', 'kpp', 'address'])
      .where('id', '=', st.organization_id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('sites').select(['name', 'address', 'cadastral_numbers']).where('id', '=', st.site_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('permits as p')
      .select([
        'p.id',
        'p.number',
        'p.valid_from',
        'p.valid_to',
        'p.status',
        sql<string[]>`array(select coalesce(o.short_name, o.name) from permit_carriers pc join organizations o on o.id = pc.carrier_id where pc.permit_id = p.id order by 1)`.as(
          'carriers',
        ),
        sql<string[]>`array(select coalesce(o.short_name, o.name) from permit_facilities pf join organizations o on o.id = pf.facility_id where pf.permit_id = p.id order by 1)`.as(
          'facilities',
        ),
        sql<{ code: string; name: string; permitted: string }[]>`coalesce((select json_agg(json_build_object('code', w.code, 'name', w.name, 'permitted', pw.permitted_volume::text) order by w.code)
            from permit_waste_types pw join waste_types w on w.code = pw.waste_code where pw.permit_id = p.id), '[]')`.as('waste'),
      ])
      .where('p.id', 'in', st.permit_ids)
      .orderBy('p.number')
      .execute(),
  ]);
  return {
    operator: operator ?? { name: 'Информационный оператор ОССиГ', inn: '', ogrn: null },
    producer: { name: producer.name, shortName: producer.short_name, inn: producer.inn, ogrn: producer.ogrn, kpp: producer.kpp, address: producer.address },
    site: { name: site.name, address: site.address, cadastralNumbers: site.cadastral_numbers },
    permits: permits.map((p) => ({
      id: p.id,
      number: p.number,
      validFrom: p.valid_from,
      validTo: p.valid_to,
      status: p.status,
      carriers: p.carriers,
      facilities: p.facilities,
      wasteTypes: p.waste,
    })),
  };
}

/** Totals by SQL aggregates (exact numeric, as text). */
export async function loadTotals(db: Db, s: StatementScope): Promise<Totals> {
  const where = tripsOfScope(s);
  const { endExclusive } = periodBounds(s.from, s.to);
  const [all, byPermit, byWaste, byFacility, utilization] = await Promise.all([
    sql<{ trips: number; volume: string; mass: string }>`
      select count(*)::int as trips, coalesce(sum(t.volume), 0)::numeric(16,2)::text as volume, coalesce(sum(t.mass), 0)::numeric(16,3)::text as mass
      from trips t where ${where}`.execute(db),
    sql<{ number: string; trips: number; volume: string; mass: string }>`
      select p.number, count(t.id)::int as trips, coalesce(sum(t.volume), 0)::numeric(16,2)::text as volume, coalesce(sum(t.mass), 0)::numeric(16,3)::text as mass
      from permits p left join trips t on t.permit_id = p.id and ${where}
      where p.id = any(${s.permitIds}::uuid[])
      group by p.number order by p.number`.execute(db),
    sql<{ code: string; name: string; hazardClass: number; trips: number; volume: string; mass: string }>`
      select w.code, w.name, w.hazard_class::int as "hazardClass", count(*)::int as trips, sum(t.volume)::numeric(16,2)::text as volume, sum(t.mass)::numeric(16,3)::text as mass
      from trips t join waste_types w on w.code = t.waste_code
      where ${where}
      group by w.code, w.name, w.hazard_class order by w.code`.execute(db),
    sql<{ name: string; inn: string; trips: number; volume: string; mass: string }>`
      select coalesce(o.short_name, o.name) as name, o.inn, count(*)::int as trips, sum(t.volume)::numeric(16,2)::text as volume, sum(t.mass)::numeric(16,3)::text as mass
      from trips t join organizations o on o.id = t.facility_id
      where ${where}
      group by o.id, o.short_name, o.name, o.inn order by 1, o.inn`.execute(db),
    sql<{ permitNumber: string; code: string; name: string; permitted: string; movedInPeriod: string; movedTotal: string; sharePercent: string; over: boolean }>`
      with period as (
        select t.permit_id, t.waste_code, sum(t.volume) as v from trips t where ${where} group by 1, 2
      ), total as (
        select t.permit_id, t.waste_code, sum(t.volume) as v from trips t
        where t.permit_id = any(${s.permitIds}::uuid[]) and t.unloaded_at < ${endExclusive}
          and t.unloaded_at <= ${s.cutoff} and t.id <= ${s.snapshotMaxTripId}
        group by 1, 2
      )
      select p.number as "permitNumber", w.code, w.name, pw.permitted_volume::text as permitted,
             coalesce(pe.v, 0)::numeric(16,2)::text as "movedInPeriod",
             coalesce(tt.v, 0)::numeric(16,2)::text as "movedTotal",
             round(100 * coalesce(tt.v, 0) / pw.permitted_volume, 1)::text as "sharePercent",
             coalesce(tt.v, 0) > pw.permitted_volume as over
      from permits p
      join permit_waste_types pw on pw.permit_id = p.id
      join waste_types w on w.code = pw.waste_code
      left join period pe on pe.permit_id = p.id and pe.waste_code = pw.waste_code
      left join total tt on tt.permit_id = p.id and tt.waste_code = pw.waste_code
      where p.id = any(${s.permitIds}::uuid[])
      order by p.number, w.code`.execute(db),
  ]);
  const a = all.rows[0]!;
  return {
    trips: a.trips,
    volume: a.volume,
    mass: a.mass,
    byPermit: byPermit.rows,
    byWaste: byWaste.rows,
    byFacility: byFacility.rows,
    utilization: utilization.rows,
  };
}

/** One trip of a statement, as the files show it. */
export type TripTuple = [
  id: number,
  permitNumber: string,
  /** Moscow wall clock 'YYYY-MM-DD HH:MI' */
  loaded: string,
  unloaded: string,
  plate: string,
  carrier: string,
  facility: string,
  wasteCode: string,
  wasteName: string,
  hazardClass: number,
  volume: string,
  mass: string,
  receipt: 'pending' | 'confirmed' | 'rejected',
  receivedMass: string | null,
];

/** SQL text + values of the trips of one permit in a statement, in file order. */
export function tripRowsQuery(s: StatementScope, permitId: string): { text: string; values: unknown[] } {
  const { start, endExclusive } = periodBounds(s.from, s.to);
  return {
    text: `select t.id, p.number,
        to_char(t.loaded_at at time zone 'Europe/Moscow', 'YYYY-MM-DD HH24:MI'),
        to_char(t.unloaded_at at time zone 'Europe/Moscow', 'YYYY-MM-DD HH24:MI'),
        v.plate, coalesce(c.short_name, c.name), coalesce(f.short_name, f.name),
        t.waste_code, w.name, w.hazard_class::int, t.volume::text, t.mass::text,
        case when t.received_at is not null and t.received_at <= $7 then t.receipt_status else 'pending' end,
        case when t.received_at is not null and t.received_at <= $7 then t.received_mass::text end
      from trips t
      join permits p on p.id = t.permit_id
      join vehicles v on v.id = t.vehicle_id
      join organizations c on c.id = t.carrier_id
      join organizations f on f.id = t.facility_id
      join waste_types w on w.code = t.waste_code
      where t.permit_id = $1 and t.site_id = $2
        and t.unloaded_at >= $3 and t.unloaded_at < $4 and t.unloaded_at <= $5 and t.id <= $6
      order by t.unloaded_at, t.id`,
    values: [permitId, s.siteId, start, endExclusive, s.cutoff, s.snapshotMaxTripId, s.orderedAt],
  };
}

/**
 * Streams the trips of a statement with a server-side cursor, permit by
 * permit (permits in number order, trips by unloading time): memory stays flat.
 */
export async function* streamTrips(ctx: AppContext, s: StatementScope, permitsInOrder: { id: string }[]): AsyncGenerator<TripTuple[]> {
  const client = await ctx.pool.connect();
  let failure: unknown = null;
  try {
    for (const p of permitsInOrder) {
      const q = tripRowsQuery(s, p.id);
      let batch: TripTuple[] = [];
      for await (const row of streamQuery<TripTuple>(client, q.text, q.values as unknown[], { batchSize: 2000, rowMode: 'array' })) {
        batch.push(row);
        if (batch.length >= 2000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
  } catch (e) {
    failure = e;
    throw e;
  } finally {
    releaseClient(client, failure);
  }
}

/** Statement visible to the actor: the ordering organization, or the operator. Site visibility is checked too. */
export function statementVisibleTo(actor: Actor) {
  const isOperator = actor.orgRoles.includes('operator');
  return isOperator ? sql<boolean>`true` : sql<boolean>`st.organization_id = ${actor.organizationId}`;
}

export const FILE_KINDS: readonly StatementFileKind[] = ['pdf', 'xlsx', 'pdf.sig', 'xlsx.sig'];

export { receiptAsOf };
