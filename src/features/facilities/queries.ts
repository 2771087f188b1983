/** Reading the register of receiving facilities: the facility organization's own (keyset pages by name), every one for the operator, a card, the history. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { moscowDate } from '../../domain/period.js';
import { normalizeFkkoCode } from '../../domain/fkko.js';
import { registerHistory } from '../registers/changes.js';
import { decodeCursor, keysetPageOf } from '../registers/input.js';

const isOperator = (a: Actor) => a.orgRoles.includes('operator');

/** What the list and the card both show of a facility. */
const FACILITY_FIELDS = [
  'f.id',
  'f.number',
  'f.name',
  'f.address',
  'f.kind',
  sql<string | null>`f.daily_capacity_t::text`.as('dailyCapacityT'),
  sql<string | null>`f.daily_capacity_m3::text`.as('dailyCapacityM3'),
  'f.working_hours as workingHours',
  'f.licence_number as licenceNumber',
] as const;

export interface FacilityListOptions {
  q?: string;
  after?: string;
  limit?: number;
  status?: 'active' | 'suspended';
  /** Only the facilities taken off the register (снятые с учёта); without it only those on it. */
  archived?: boolean;
  /** The operator's register: every facility organization's facilities. */
  allOrganizations?: boolean;
}

export async function listFacilities(db: Db, actor: Actor, o: FacilityListOptions) {
  const limit = o.limit ?? 50;
  const cursor = decodeCursor(o.after);
  let q = db
    .selectFrom('facilities as f')
    .innerJoin('organizations as org', 'org.id', 'f.organization_id')
    .select([
      ...FACILITY_FIELDS,
      sql<string[]>`array(select fw.waste_code from facility_waste_types fw where fw.facility_id = f.id order by fw.waste_code)`.as('wasteCodes'),
      'f.status',
      'f.status_reason as statusReason',
      'org.id as organizationId',
      sql<string>`coalesce(org.short_name, org.name)`.as('organizationName'),
      'org.inn as organizationInn',
      sql<boolean>`org.status = 'suspended'`.as('organizationSuspended'),
    ])
    .where('f.archived_at', o.archived ? 'is not' : 'is', null)
    .orderBy('f.name')
    .orderBy('f.id')
    .limit(limit + 1);
  if (!(o.allOrganizations && isOperator(actor))) q = q.where('f.organization_id', '=', actor.organizationId);
  if (o.status) q = q.where('f.status', '=', o.status);
  if (cursor) q = q.where((eb) => eb.or([eb('f.name', '>', cursor.key), eb.and([eb('f.name', '=', cursor.key), eb('f.id', '>', cursor.id)])]));
  const term = o.q?.trim().replace(/[%_\\]/g, '');
  if (term) {
    const code = normalizeFkkoCode(term);
    q = q.where((eb) =>
      eb.or([
        eb('f.name', 'ilike', `%${term}%`),
        eb('f.address', 'ilike', `%${term}%`),
        eb('f.number', 'ilike', `%${term}%`),
        ...(/^\d{3,11}$/.test(code) ? [eb.exists(eb.selectFrom('facility_waste_types as fw').select('fw.facility_id').whereRef('fw.facility_id', '=', 'f.id').where('fw.waste_code', 'like', `${code}%`))] : []),
        ...(o.allOrganizations ? [eb('org.name', 'ilike', `%${term}%`), eb('org.inn', '=', term)] : []),
      ]),
    );
  }
  const rows = await q.execute();
  return keysetPageOf(rows, limit, (r) => r.name);
}

export async function getFacility(db: Db, actor: Actor, id: string, now: Date) {
  let q = db
    .selectFrom('facilities as f')
    .innerJoin('organizations as org', 'org.id', 'f.organization_id')
    .select([
      ...FACILITY_FIELDS,
      sql<string | null>`f.licence_issued_on::text`.as('licenceIssuedOn'),
      sql<string | null>`f.licence_valid_until::text`.as('licenceValidUntil'),
      'f.status',
      'f.status_reason as statusReason',
      sql<string | null>`to_json(f.status_changed_at)#>>'{}'`.as('statusChangedAt'),
      'f.version',
      sql<string>`to_json(f.created_at)#>>'{}'`.as('createdAt'),
      sql<string>`to_json(f.updated_at)#>>'{}'`.as('updatedAt'),
      sql<string | null>`to_json(f.archived_at)#>>'{}'`.as('archivedAt'),
      'org.id as organizationId',
      sql<string>`coalesce(org.short_name, org.name)`.as('organizationName'),
      'org.inn as organizationInn',
      'org.status as organizationStatus',
      'org.status_reason as organizationStatusReason',
    ])
    .where('f.id', '=', id);
  if (!isOperator(actor)) q = q.where('f.organization_id', '=', actor.organizationId);
  const f = await q.executeTakeFirst();
  if (!f) throw notFound('Объект приёма не найден');
  const [codes, permits] = await Promise.all([
    db
      .selectFrom('facility_waste_types as fw')
      .innerJoin('waste_types as w', 'w.code', 'fw.waste_code')
      .select(['w.code', 'w.name'])
      .where('fw.facility_id', '=', id)
      .orderBy('w.code')
      .execute(),
    // Permits in force that name this facility (flagged in the cabinet while the facility is suspended).
    db
      .selectFrom('permit_facilities as pf')
      .innerJoin('permits as p', 'p.id', 'pf.permit_id')
      .select(['p.id', 'p.number', sql<string>`p.valid_from::text`.as('validFrom'), sql<string>`p.valid_to::text`.as('validTo'), 'p.status'])
      .where('pf.facility_object_id', '=', id)
      .where('p.status', '=', 'active')
      .where('p.valid_to', '>=', moscowDate(now))
      .orderBy('p.number')
      .limit(200)
      .execute(),
  ]);
  const editable = f.organizationId === actor.organizationId && actor.rights.has('submit') && f.archivedAt === null;
  return { ...f, wasteTypes: codes, permits, editable, canSuspend: isOperator(actor) && actor.rights.has('submit') };
}

export async function facilityHistory(db: Db, actor: Actor, id: string) {
  let q = db.selectFrom('facilities').select('id').where('id', '=', id);
  if (!isOperator(actor)) q = q.where('organization_id', '=', actor.organizationId);
  if (!(await q.executeTakeFirst())) throw notFound('Объект приёма не найден');
  return registerHistory(db, 'facility', id);
}

/**
 * Receiving facilities nothing may be handed to now (1386-ПП п. 7.2): the
 * facility suspended, its organization suspended, or taken off the register.
 * One query for a batch; the map says why, for the trip's message.
 */
export async function closedFacilities(db: Db, facilityObjectIds: readonly string[]): Promise<Map<string, string>> {
  if (!facilityObjectIds.length) return new Map();
  const rows = await db
    .selectFrom('facilities as f')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .select(['f.id', 'f.number', 'f.name', 'f.status', 'f.archived_at', 'o.status as orgStatus'])
    .where('f.id', 'in', [...new Set(facilityObjectIds)])
    .where((eb) => eb.or([eb('f.status', '=', 'suspended'), eb('o.status', '=', 'suspended'), eb('f.archived_at', 'is not', null)]))
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      r.archived_at
        ? `объект приёма «${r.name}» (${r.number}) снят с учёта`
        : r.status === 'suspended'
          ? `доступ объекта приёма «${r.name}» (${r.number}) приостановлен оператором — передавать ему отходы нельзя (1386-ПП п. 7.2)`
          : `доступ организации, которой принадлежит объект приёма «${r.name}» (${r.number}), приостановлен оператором — передавать ей отходы нельзя (1386-ПП п. 7.2)`,
    ]),
  );
}

/**
 * What a permit names whose access the operator suspended — its facilities
 * (or their organizations) and its carriers — for the flag on the permit's
 * pages: no trips go to such a facility, a suspended carrier cannot record any.
 */
export async function suspendedPartiesOfPermit(db: Db, permitId: string): Promise<Array<{ kind: 'facility' | 'carrier'; name: string; reason: string | null }>> {
  const r = await sql<{ kind: 'facility' | 'carrier'; name: string; reason: string | null }>`
    select 'facility' as kind, f.number || ' «' || f.name || '»' as name,
           case when f.status = 'suspended' then f.status_reason else o.status_reason end as reason
      from permit_facilities pf join facilities f on f.id = pf.facility_object_id join organizations o on o.id = f.organization_id
     where pf.permit_id = ${permitId} and (f.status = 'suspended' or o.status = 'suspended')
    union all
    select 'carrier', coalesce(o.short_name, o.name), o.status_reason
      from permit_carriers pc join organizations o on o.id = pc.carrier_id
     where pc.permit_id = ${permitId} and o.status = 'suspended'
     order by 1, 2`.execute(db);
  return r.rows;
}
