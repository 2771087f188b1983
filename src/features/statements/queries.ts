/**
 * The SQL of statements: the trips a statement holds (fixed when ordered),
 * its parties (a snapshot taken when ordered), its header data, and its
 * totals by SQL aggregates — independent of the row stream that writes the
 * files. What counts as moved comes from ../movement.ts, as everywhere.
 */
import { sql, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import { releaseClient, streamQuery } from '../../platform/db/cursor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/pool.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { periodBounds } from '../../domain/period.js';
import { acceptanceSql, acceptedSql, awaitingSql, movementColumns, movementOf, rejectedSql, weighedMassSql, type Acceptance, type MovementByState, type MovementColumns } from '../movement.js';
import { organizationDetails, type OrganizationDetails } from '../organizations/details.js';
import type { StatementFileKind, StatementsTable } from './tables.js';

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

/** A row of `statements` as read. */
export type StatementRow = Selectable<StatementsTable>;

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

/**
 * `where` of trips (aliased `t`) of a statement's scope — the one definition of which trips a
 * statement speaks of, used by its totals and by the cursor that writes its rows:
 * - `formed` (default): the trips it holds — site, permits, period, formed by the cut-off, known when ordered;
 * - `not_formed`: the same trips of the period not yet formed at the cut-off;
 * - `formed_to_end`: the permits' formed trips of any site from the beginning up to the period's end (cumulative use).
 */
export function tripsOfScope(s: StatementScope, which: 'formed' | 'not_formed' | 'formed_to_end' = 'formed'): RawBuilder<unknown> {
  const { start, endExclusive } = periodBounds(s.from, s.to);
  const known = sql`t.permit_id = any(${s.permitIds}::uuid[]) and t.unloaded_at < ${endExclusive} and t.id <= ${s.snapshotMaxTripId}`;
  if (which === 'formed_to_end') return sql`${known} and t.unloaded_at <= ${s.cutoff}`;
  const inPeriod = sql`t.site_id = ${s.siteId} and ${known} and t.unloaded_at >= ${start}`;
  return which === 'formed' ? sql`${inPeriod} and t.unloaded_at <= ${s.cutoff}` : sql`${inPeriod} and t.unloaded_at > ${s.cutoff}`;
}

// ---------------------------------------------------------------- parties (a snapshot taken when ordered)

/** The site as the document prints it. */
export interface SiteDetails {
  name: string;
  address: string;
  cadastralNumbers: string[];
}

/** The organizations and the site of a statement as they were when it was ordered. */
export interface StatementParties {
  issuer: OrganizationDetails | null;
  producer: OrganizationDetails;
  carriers: OrganizationDetails[];
  facilities: OrganizationDetails[];
  site: SiteDetails;
}

/**
 * Takes the snapshot of the parties at ordering: the operator (issuer), the producer, the carriers
 * and facilities of the chosen permits (and of any trip under them), and the site.
 */
export async function snapshotParties(trx: Transaction<Database>, o: { producerId: string; siteId: string; permitIds: string[] }): Promise<StatementParties> {
  const [operator, site, orgs] = await Promise.all([
    trx.selectFrom('organizations').select('id').where(sql<boolean>`'operator' = any(roles)`).orderBy('created_at').limit(1).executeTakeFirst(),
    trx.selectFrom('sites').select(['name', 'address', 'cadastral_numbers']).where('id', '=', o.siteId).executeTakeFirstOrThrow(),
    sql<{ id: string; role: 'carrier' | 'facility' }>`
      select carrier_id as id, 'carrier' as role from permit_carriers where permit_id = any(${o.permitIds}::uuid[])
      union select facility_id, 'facility' from permit_facilities where permit_id = any(${o.permitIds}::uuid[])
      union select distinct carrier_id, 'carrier' from trips where permit_id = any(${o.permitIds}::uuid[])
      union select distinct facility_id, 'facility' from trips where permit_id = any(${o.permitIds}::uuid[])`.execute(trx),
  ]);
  const details = await organizationDetails(trx, [o.producerId, ...(operator ? [operator.id] : []), ...orgs.rows.map((r) => r.id)]);
  const of = (role: 'carrier' | 'facility') =>
    [...new Set(orgs.rows.filter((r) => r.role === role).map((r) => r.id))].map((id) => details.get(id)!).filter(Boolean).sort((a, b) => displayName(a).localeCompare(displayName(b), 'ru'));
  return {
    issuer: operator ? details.get(operator.id)! : null,
    producer: details.get(o.producerId)!,
    carriers: of('carrier'),
    facilities: of('facility'),
    site: { name: site.name, address: site.address, cadastralNumbers: site.cadastral_numbers },
  };
}

/** How an organization is named in tables: its short name when it has one. */
export const displayName = (o: Pick<OrganizationDetails, 'name' | 'shortName'>): string => o.shortName ?? o.name;

// ---------------------------------------------------------------- header

export interface HeaderData {
  operator: OrganizationDetails | { name: string; shortName: null; inn: string; ogrn: string | null; kind: 'legal'; id: ''; kpp: null; address: null; sources: Record<string, never>; registerCheckedAt: null; changedAt: null };
  producer: OrganizationDetails;
  site: SiteDetails;
  permits: {
    id: string;
    number: string;
    validFrom: string;
    validTo: string;
    status: string;
    carrierIds: string[];
    facilityIds: string[];
    wasteTypes: { code: string; name: string; permitted: string }[];
  }[];
  carriers: OrganizationDetails[];
  facilities: OrganizationDetails[];
}

export const OPERATOR_UNKNOWN = {
  id: '',
  kind: 'legal',
  name: 'Информационный оператор ОССиГ',
  shortName: null,
  inn: '',
  ogrn: null,
  kpp: null,
  address: null,
  sources: {},
  registerCheckedAt: null,
  changedAt: null,
} as const;

export async function loadHeader(db: Db, st: { permit_ids: string[] }, parties: StatementParties): Promise<HeaderData> {
  const permits = await db
    .selectFrom('permits as p')
    .select([
      'p.id',
      'p.number',
      'p.valid_from',
      'p.valid_to',
      'p.status',
      sql<string[]>`array(select pc.carrier_id::text from permit_carriers pc where pc.permit_id = p.id)`.as('carriers'),
      sql<string[]>`array(select distinct pf.facility_id::text from permit_facilities pf where pf.permit_id = p.id)`.as('facilities'),
      sql<{ code: string; name: string; permitted: string }[]>`coalesce((select json_agg(json_build_object('code', w.code, 'name', w.name, 'permitted', pw.permitted_volume::text) order by w.code)
          from permit_waste_types pw join waste_types w on w.code = pw.waste_code where pw.permit_id = p.id), '[]')`.as('waste'),
    ])
    .where('p.id', 'in', st.permit_ids)
    .orderBy('p.number')
    .execute();
  return {
    operator: parties.issuer ?? { ...OPERATOR_UNKNOWN, sources: {} },
    producer: parties.producer,
    site: parties.site,
    carriers: parties.carriers,
    facilities: parties.facilities,
    permits: permits.map((p) => ({
      id: p.id,
      number: p.number,
      validFrom: p.valid_from,
      validTo: p.valid_to,
      status: p.status,
      carrierIds: p.carriers,
      facilityIds: p.facilities,
      wasteTypes: p.waste,
    })),
  };
}

// ---------------------------------------------------------------- totals

/** A load the facility rejected, listed apart with its reason. */
export interface RejectedLoad {
  tripId: number;
  permitNumber: string;
  /** Moscow wall clock 'YYYY-MM-DD HH:MI' */
  unloaded: string;
  plate: string;
  carrierId: string;
  facilityId: string;
  wasteCode: string;
  volume: string;
  mass: string;
  reason: string;
  /** Moscow wall clock 'YYYY-MM-DD HH:MI' */
  decided: string;
}

export interface Totals {
  /** Formed trips listed in the document (every acceptance state). */
  trips: number;
  /** Moved (accepted) apart from awaiting and rejected. */
  movement: MovementByState;
  /** Trips of the period, site and permits not yet formed at the cut-off (known when ordered), and when the last will be. */
  notFormed: { trips: number; formedBy: Date | null };
  byPermit: ({ number: string } & MovementByState)[];
  byWaste: ({ code: string; name: string; hazardClass: number } & MovementByState)[];
  byFacility: ({ id: string; name: string; inn: string } & MovementByState)[];
  byCarrier: ({ id: string; name: string; inn: string } & MovementByState)[];
  /** Per permit and waste type: permitted volume vs moved (accepted) volume in the period and cumulatively to its end; awaiting apart. */
  utilization: {
    permitNumber: string;
    code: string;
    name: string;
    permitted: string;
    movedInPeriod: string;
    movedTotal: string;
    awaitingTotal: string;
    /** Share of the permitted volume used (moved), percent with one decimal. */
    sharePercent: string;
    over: boolean;
  }[];
  rejected: RejectedLoad[];
}

/** Totals by SQL aggregates (exact numeric, as text), by the rules of ../movement.ts as of the ordering. */
export async function loadTotals(db: Db, s: StatementScope, formationHours: number): Promise<Totals> {
  const where = tripsOfScope(s);
  const asOf = s.orderedAt;
  const m = movementColumns(asOf);
  type Named = MovementColumns & { id: string; name: string; inn: string };
  const [all, notFormed, byPermit, byWaste, byFacility, byCarrier, utilization, rejected] = await Promise.all([
    sql<MovementColumns & { trips: number }>`select count(*)::int as trips, ${m} from trips t where ${where}`.execute(db),
    sql<{ trips: number; last: Date | null }>`
      select count(*)::int as trips, max(t.unloaded_at) as last from trips t where ${tripsOfScope(s, 'not_formed')}`.execute(db),
    sql<MovementColumns & { number: string }>`
      select p.number, ${m} from permits p left join trips t on t.permit_id = p.id and ${where}
      where p.id = any(${s.permitIds}::uuid[]) group by p.number order by p.number`.execute(db),
    sql<MovementColumns & { code: string; name: string; hazardClass: number }>`
      select w.code, w.name, w.hazard_class::int as "hazardClass", ${m}
      from trips t join waste_types w on w.code = t.waste_code
      where ${where} group by w.code, w.name, w.hazard_class order by w.code`.execute(db),
    sql<Named>`
      select o.id, coalesce(o.short_name, o.name) as name, o.inn, ${m}
      from trips t join organizations o on o.id = t.facility_id
      where ${where} group by o.id order by 2, o.inn`.execute(db),
    sql<Named>`
      select o.id, coalesce(o.short_name, o.name) as name, o.inn, ${m}
      from trips t join organizations o on o.id = t.carrier_id
      where ${where} group by o.id order by 2, o.inn`.execute(db),
    sql<Totals['utilization'][number]>`
      with period as (
        select t.permit_id, t.waste_code, sum(t.volume) filter (where ${acceptedSql(asOf)}) as v
        from trips t where ${where} group by 1, 2
      ), total as (
        select t.permit_id, t.waste_code,
               sum(t.volume) filter (where ${acceptedSql(asOf)}) as v,
               sum(t.volume) filter (where ${awaitingSql(asOf)}) as w
        from trips t where ${tripsOfScope(s, 'formed_to_end')}
        group by 1, 2
      )
      select p.number as "permitNumber", w.code, w.name, pw.permitted_volume::text as permitted,
             coalesce(pe.v, 0)::numeric(16,2)::text as "movedInPeriod",
             coalesce(tt.v, 0)::numeric(16,2)::text as "movedTotal",
             coalesce(tt.w, 0)::numeric(16,2)::text as "awaitingTotal",
             round(100 * coalesce(tt.v, 0) / pw.permitted_volume, 1)::text as "sharePercent",
             coalesce(tt.v, 0) > pw.permitted_volume as over
      from permits p
      join permit_waste_types pw on pw.permit_id = p.id
      join waste_types w on w.code = pw.waste_code
      left join period pe on pe.permit_id = p.id and pe.waste_code = pw.waste_code
      left join total tt on tt.permit_id = p.id and tt.waste_code = pw.waste_code
      where p.id = any(${s.permitIds}::uuid[])
      order by p.number, w.code`.execute(db),
    sql<RejectedLoad>`
      select t.id::int as "tripId", p.number as "permitNumber",
             to_char(t.unloaded_at at time zone 'Europe/Moscow', 'YYYY-MM-DD HH24:MI') as unloaded,
             v.plate, t.carrier_id as "carrierId", t.facility_id as "facilityId", t.waste_code as "wasteCode",
             t.volume::text as volume, t.mass::text as mass, coalesce(t.receipt_reason, '') as reason,
             to_char(t.received_at at time zone 'Europe/Moscow', 'YYYY-MM-DD HH24:MI') as decided
      from trips t join permits p on p.id = t.permit_id join vehicles v on v.id = t.vehicle_id
      where ${where} and ${rejectedSql(asOf)}
      order by p.number, t.unloaded_at, t.id`.execute(db),
  ]);
  const a = all.rows[0]!;
  const nf = notFormed.rows[0]!;
  return {
    trips: a.trips,
    movement: movementOf(a),
    notFormed: { trips: nf.trips, formedBy: nf.last ? new Date(new Date(nf.last).getTime() + formationHours * 3_600_000) : null },
    byPermit: byPermit.rows.map((r) => ({ number: r.number, ...movementOf(r) })),
    byWaste: byWaste.rows.map((r) => ({ code: r.code, name: r.name, hazardClass: r.hazardClass, ...movementOf(r) })),
    byFacility: byFacility.rows.map((r) => ({ id: r.id, name: r.name, inn: r.inn, ...movementOf(r) })),
    byCarrier: byCarrier.rows.map((r) => ({ id: r.id, name: r.name, inn: r.inn, ...movementOf(r) })),
    utilization: utilization.rows,
    rejected: rejected.rows,
  };
}

// ---------------------------------------------------------------- trip rows

/** One trip of a statement, as the files show it. */
export type TripTuple = [
  id: number,
  permitNumber: string,
  /** Moscow wall clock 'YYYY-MM-DD HH:MI' */
  loaded: string,
  unloaded: string,
  plate: string,
  carrierId: string,
  facilityId: string,
  wasteCode: string,
  wasteName: string,
  hazardClass: number,
  volume: string,
  /** The carrier's declared mass. */
  declaredMass: string,
  acceptance: Acceptance,
  /** The facility's weighed mass, when it accepted the load with one (as of the ordering). */
  weighedMass: string | null,
];

/** SQL text + values of the trips of one permit in a statement, in file order (for a server-side cursor). */
export function tripRowsQuery(db: Db, s: StatementScope, permitId: string): { text: string; values: readonly unknown[] } {
  const q = sql`select t.id, p.number,
        to_char(t.loaded_at at time zone 'Europe/Moscow', 'YYYY-MM-DD HH24:MI'),
        to_char(t.unloaded_at at time zone 'Europe/Moscow', 'YYYY-MM-DD HH24:MI'),
        v.plate, t.carrier_id, t.facility_id,
        t.waste_code, w.name, w.hazard_class::int, t.volume::text, t.mass::text,
        ${acceptanceSql(s.orderedAt)}, ${weighedMassSql(s.orderedAt)}::text
      from trips t
      join permits p on p.id = t.permit_id
      join vehicles v on v.id = t.vehicle_id
      join waste_types w on w.code = t.waste_code
      where t.permit_id = ${permitId} and ${tripsOfScope(s)}
      order by t.unloaded_at, t.id`.compile(db);
  return { text: q.sql, values: q.parameters };
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
      const q = tripRowsQuery(ctx.db, s, p.id);
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
