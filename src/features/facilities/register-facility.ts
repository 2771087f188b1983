/**
 * The facility organization's register of receiving facilities (объекты
 * приёма): create, edit with the version it was made on (a newer one on the
 * server is a conflict), and the operator's suspension and restoration of a
 * facility's access with a reason (1386-ПП п. 7.2: nothing may be handed to
 * a suspended receiver); archiving (снять с учёта) while nothing in force
 * names it. Each step writes its history row and audit event in
 * the caller's transaction.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { moscowDate } from '../../domain/period.js';
import { diff, recordChange } from '../registers/changes.js';
import { checkStatusChanges, recordStatusChange, requiredReason } from '../registers/access-status.js';
import { checkFacilityInput, type FacilityFields, type FacilityInput } from './facility-input.js';

interface Meta {
  ip?: string | null;
  userAgent?: string | null;
}

const toRow = (f: FacilityFields) => ({
  name: f.name,
  address: f.address,
  kind: f.kind,
  daily_capacity_t: f.dailyCapacityT,
  daily_capacity_m3: f.dailyCapacityM3,
  working_hours: f.workingHours,
  licence_number: f.licenceNumber,
  licence_issued_on: f.licenceIssuedOn,
  licence_valid_until: f.licenceValidUntil,
});

const asRecord = (f: FacilityFields) => f as unknown as Record<string, unknown>;

interface Current {
  id: string;
  organizationId: string;
  number: string;
  name: string;
  version: number;
  status: 'active' | 'suspended';
  archived: boolean;
  fields: FacilityFields;
}

async function lockFacility(trx: Transaction<Database>, id: string): Promise<Current | null> {
  const r = await trx
    .selectFrom('facilities')
    .select([
      'id',
      'organization_id',
      'number',
      'version',
      'status',
      'archived_at',
      'name',
      'address',
      'kind',
      sql<string | null>`daily_capacity_t::text`.as('daily_capacity_t'),
      sql<string | null>`daily_capacity_m3::text`.as('daily_capacity_m3'),
      'working_hours',
      'licence_number',
      sql<string | null>`licence_issued_on::text`.as('licence_issued_on'),
      sql<string | null>`licence_valid_until::text`.as('licence_valid_until'),
      sql<string[]>`array(select waste_code from facility_waste_types w where w.facility_id = facilities.id order by waste_code)`.as('codes'),
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    organizationId: r.organization_id,
    number: r.number,
    name: r.name,
    version: r.version,
    status: r.status,
    archived: r.archived_at !== null,
    fields: {
      name: r.name,
      address: r.address,
      kind: r.kind,
      wasteCodes: r.codes,
      dailyCapacityT: r.daily_capacity_t,
      dailyCapacityM3: r.daily_capacity_m3,
      workingHours: r.working_hours ?? '',
      licenceNumber: r.licence_number,
      licenceIssuedOn: r.licence_issued_on,
      licenceValidUntil: r.licence_valid_until,
    },
  };
}

export function facilityVersionConflict(current: number): AppError {
  return new AppError('register_version_conflict', `Объект приёма уже изменён в другом окне или другим пользователем (сейчас версия ${current}). Обновите страницу и внесите изменения снова.`, undefined, {
    currentVersion: current,
  });
}

async function saveCodes(trx: Transaction<Database>, facilityId: string, before: readonly string[], after: readonly string[]): Promise<void> {
  const gone = before.filter((c) => !after.includes(c));
  const added = after.filter((c) => !before.includes(c));
  if (gone.length) await trx.deleteFrom('facility_waste_types').where('facility_id', '=', facilityId).where('waste_code', 'in', gone).execute();
  if (added.length) await trx.insertInto('facility_waste_types').values(added.map((c) => ({ facility_id: facilityId, waste_code: c }))).onConflict((oc) => oc.doNothing()).execute();
}

export async function createFacility(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; input: FacilityInput } & Meta): Promise<{ id: string; number: string; version: number }> {
  const fields = checkFacilityInput(o.input, moscowDate(o.ctx.now()));
  const row = await trx
    .insertInto('facilities')
    .values({ organization_id: o.actor.organizationId, number: sql<string>`'ОП-' || lpad(nextval('facility_number_seq')::text, 6, '0')`, ...toRow(fields), updated_at: o.ctx.now() })
    .returning(['id', 'number', 'version'])
    .executeTakeFirstOrThrow();
  await saveCodes(trx, row.id, [], fields.wasteCodes);
  await recordChange(trx, {
    entity: 'facility',
    entityId: row.id,
    version: row.version,
    action: 'created',
    changes: diff({}, asRecord(fields)),
    organizationId: o.actor.organizationId,
    personId: o.actor.personId,
    ip: o.ip,
    userAgent: o.userAgent,
  });
  return row;
}

export async function editFacility(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; version: number; input: FacilityInput } & Meta,
): Promise<{ id: string; version: number; changed: string[] }> {
  const cur = await lockFacility(trx, o.id);
  // Another organization's facility does not exist for the caller.
  if (!cur || cur.organizationId !== o.actor.organizationId) throw notFound('Объект приёма не найден');
  if (cur.archived) throw new AppError('register_archived', `Объект приёма ${cur.number} снят с учёта: изменить его нельзя`);
  if (cur.version !== o.version) throw facilityVersionConflict(cur.version);
  const merged: FacilityInput = { ...cur.fields };
  for (const [k, v] of Object.entries(o.input)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  const fields = checkFacilityInput(merged, moscowDate(o.ctx.now()));
  const changes = diff(asRecord(cur.fields), asRecord(fields));
  if (Object.keys(changes).length === 0) return { id: o.id, version: cur.version, changed: [] };
  const version = cur.version + 1;
  await trx.updateTable('facilities').set({ ...toRow(fields), version, updated_at: o.ctx.now() }).where('id', '=', o.id).execute();
  if (changes.wasteCodes) await saveCodes(trx, o.id, cur.fields.wasteCodes, fields.wasteCodes);
  await recordChange(trx, { entity: 'facility', entityId: o.id, version, action: 'updated', changes, organizationId: o.actor.organizationId, personId: o.actor.personId, ip: o.ip, userAgent: o.userAgent });
  return { id: o.id, version, changed: Object.keys(changes) };
}

/**
 * The facility organization takes a facility off its register (archive): refused while a permit in force
 * names it or an application under way chooses it. Nothing is deleted; the history stays.
 */
export async function archiveFacility(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; version: number; reason: string | null } & Meta,
): Promise<{ id: string; version: number }> {
  const cur = await lockFacility(trx, o.id);
  if (!cur || cur.organizationId !== o.actor.organizationId) throw notFound('Объект приёма не найден');
  if (cur.archived) throw new AppError('register_archived', `Объект приёма ${cur.number} уже снят с учёта`);
  if (cur.version !== o.version) throw facilityVersionConflict(cur.version);
  const today = moscowDate(o.ctx.now());
  const inForce = await sql<{ number: string }>`select distinct p.number from permits p join permit_facilities f on f.permit_id = p.id
     where f.facility_object_id = ${o.id} and p.status = 'active' and p.valid_to >= ${today}::date order by p.number`.execute(trx);
  if (inForce.rows.length) {
    const list = inForce.rows.map((p) => p.number).join(', ');
    throw new AppError('register_in_use', `Объект приёма нельзя снять с учёта: он указан в ${inForce.rows.length === 1 ? 'действующем разрешении' : 'действующих разрешениях'} ${list}`);
  }
  const open = await sql<{ number: string }>`select distinct a.number from permit_applications a join permit_application_line_facilities f on f.application_id = a.id
     where f.facility_object_id = ${o.id} and a.status in ('submitted', 'needs_info') order by a.number`.execute(trx);
  if (open.rows.length) {
    throw new AppError('register_in_use', `Объект приёма нельзя снять с учёта: он выбран в заявлениях на рассмотрении ${open.rows.map((a) => a.number).join(', ')}`);
  }
  const version = cur.version + 1;
  const now = o.ctx.now();
  await trx.updateTable('facilities').set({ archived_at: now, version, updated_at: now }).where('id', '=', o.id).execute();
  await recordChange(trx, {
    entity: 'facility',
    entityId: o.id,
    version,
    action: 'archived',
    reason: o.reason,
    organizationId: o.actor.organizationId,
    personId: o.actor.personId,
    ip: o.ip,
    userAgent: o.userAgent,
    details: { number: cur.number },
  });
  return { id: o.id, version };
}

/** The operator suspends (`suspended`) or restores (`active`) a facility's access, with a reason; the facility organization is notified. */
export async function setFacilityStatus(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; status: 'active' | 'suspended'; reason: string } & Meta,
): Promise<{ id: string; version: number; status: 'active' | 'suspended' }> {
  const reason = requiredReason(o.reason);
  const cur = await lockFacility(trx, o.id);
  if (!cur) throw notFound('Объект приёма не найден');
  checkStatusChanges(`Доступ объекта приёма ${cur.number}`, cur.status, o.status);
  const version = cur.version + 1;
  const now = o.ctx.now();
  await trx.updateTable('facilities').set({ status: o.status, status_reason: reason, status_changed_at: now, version, updated_at: now }).where('id', '=', o.id).execute();
  await recordStatusChange(trx, {
    ctx: o.ctx,
    actor: o.actor,
    ip: o.ip,
    userAgent: o.userAgent,
    entity: 'facility',
    entityId: o.id,
    version,
    from: cur.status,
    to: o.status,
    reason,
    details: { facilityOrganizationId: cur.organizationId, number: cur.number },
    notice: {
      organizationId: cur.organizationId,
      title: o.status === 'suspended' ? `Доступ объекта приёма ${cur.number} приостановлен оператором` : `Доступ объекта приёма ${cur.number} восстановлен`,
      body:
        o.status === 'suspended'
          ? `Оператор приостановил доступ объекта приёма «${cur.name}» (${cur.number}). Причина: ${reason}. Пока доступ приостановлен, новые рейсы на этот объект не принимаются (1386-ПП п. 7.2).`
          : `Оператор восстановил доступ объекта приёма «${cur.name}» (${cur.number}). Причина: ${reason}.`,
      link: `/facilities/${cur.id}`,
    },
  });
  return { id: o.id, version, status: o.status };
}
