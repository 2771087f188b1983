/**
 * The carrier's register of vehicles. A plate belongs to one carrier at a
 * time (one `vehicles` row per plate):
 *
 *  - registering a plate another carrier holds is refused (409 plate_taken),
 *    naming nobody: the holder must release it first, or the operator moves it;
 *  - the holder releases a plate by taking the vehicle off its register
 *    («Снять с учёта»: archived); the next carrier that registers the plate
 *    takes the same row over — an explicit transfer, recorded in
 *    `vehicle_transfers` and in the history of both;
 *  - the operator moves a vehicle between carriers directly, with a reason
 *    (a sale where the seller is gone, a dispute).
 *
 * Trips already recorded keep the carrier that carried them (trips.carrier_id).
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { checkInn } from '../../domain/identifiers.js';
import { moscowDate } from '../../domain/period.js';
import { diff, recordChange } from '../registers/changes.js';
import { checkNewVehicle, checkVehicleFields, type VehicleFields, type VehicleInput } from './vehicle-input.js';

interface Meta {
  ip?: string | null;
  userAgent?: string | null;
}

const toRow = (f: VehicleFields) => ({
  make: f.make,
  model: f.model,
  capacity_m3: f.capacityM3,
  load_capacity_t: f.loadCapacityT,
  terminal_number: f.terminalNumber,
  ownership: f.ownership,
  lease_document: f.leaseDocument,
  lease_until: f.leaseUntil,
});

interface Current {
  id: string;
  carrierId: string;
  plate: string;
  version: number;
  archived: boolean;
  fields: VehicleFields;
}

async function lockVehicle(trx: Transaction<Database>, where: { id?: string; plate?: string }): Promise<Current | null> {
  let q = trx
    .selectFrom('vehicles')
    .select([
      'id',
      'carrier_id',
      'plate',
      'version',
      'archived_at',
      'make',
      'model',
      sql<string | null>`capacity_m3::text`.as('capacity_m3'),
      sql<string | null>`load_capacity_t::text`.as('load_capacity_t'),
      'terminal_number',
      'ownership',
      'lease_document',
      sql<string | null>`lease_until::text`.as('lease_until'),
    ])
    .forUpdate();
  if (where.id) q = q.where('id', '=', where.id);
  if (where.plate) q = q.where('plate', '=', where.plate);
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    carrierId: r.carrier_id,
    plate: r.plate,
    version: r.version,
    archived: r.archived_at !== null,
    fields: {
      make: r.make ?? '',
      model: r.model ?? '',
      capacityM3: r.capacity_m3 ?? '',
      loadCapacityT: r.load_capacity_t ?? '',
      terminalNumber: r.terminal_number ?? '',
      ownership: r.ownership,
      leaseDocument: r.lease_document,
      leaseUntil: r.lease_until,
    },
  };
}

async function carrierName(trx: Transaction<Database>, id: string): Promise<string> {
  const o = await trx.selectFrom('organizations').select(sql<string>`coalesce(short_name, name)`.as('n')).where('id', '=', id).executeTakeFirstOrThrow();
  return o.n;
}

const asRecord = (f: VehicleFields) => f as unknown as Record<string, unknown>;

/** The terminal is on another vehicle: refused, naming the plate only when it is the carrier's own. */
async function checkTerminalFree(trx: Transaction<Database>, terminal: string, vehicleId: string | null, carrierId: string): Promise<void> {
  const other = await trx
    .selectFrom('vehicles')
    .select(['id', 'plate', 'carrier_id'])
    .where('terminal_number', '=', terminal)
    .$if(vehicleId !== null, (q) => q.where('id', '<>', vehicleId!))
    .executeTakeFirst();
  if (!other) return;
  const where = other.carrier_id === carrierId ? `у вашего ТС ${other.plate}` : 'у транспортного средства другого перевозчика';
  throw new AppError('terminal_taken', `Номер терминала ГЛОНАСС/GPS: терминал ${terminal} уже указан ${where}`, [
    { field: 'terminalNumber', message: `Номер терминала ГЛОНАСС/GPS: терминал ${terminal} уже указан ${where}` },
  ]);
}

export interface SavedVehicle {
  id: string;
  version: number;
  /** How the plate came to the carrier: newly registered, restored from its own archive, or taken over after the holder released it. */
  outcome: 'created' | 'restored' | 'transferred';
}

export async function registerVehicle(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; input: VehicleInput } & Meta): Promise<SavedVehicle> {
  const { plate, fields } = checkNewVehicle(o.input, moscowDate(o.ctx.now()));
  const carrierId = o.actor.organizationId;
  // One registration of a plate at a time (two carriers racing for a released plate).
  await sql`select pg_advisory_xact_lock(hashtext('vehicle-plate:' || ${plate}))`.execute(trx);
  const cur = await lockVehicle(trx, { plate });
  await checkTerminalFree(trx, fields.terminalNumber, cur?.id ?? null, carrierId);
  const base = { organizationId: carrierId, personId: o.actor.personId, ip: o.ip, userAgent: o.userAgent };
  const now = o.ctx.now();
  if (!cur) {
    const row = await trx
      .insertInto('vehicles')
      .values({ carrier_id: carrierId, plate, ...toRow(fields), updated_at: now })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordChange(trx, { ...base, entity: 'vehicle', entityId: row.id, version: row.version, action: 'created', changes: diff({}, { plate, ...asRecord(fields) }) });
    return { ...row, outcome: 'created' };
  }
  if (!cur.archived) {
    if (cur.carrierId === carrierId) throw new AppError('plate_taken', `Госномер ТС: ${plate} уже есть в вашем реестре`, [{ field: 'plate', message: `Госномер ТС: ${plate} уже есть в вашем реестре` }]);
    const msg = `Госномер ТС: ${plate} числится за другим перевозчиком. Госномер принадлежит одному перевозчику: попросите его снять ТС с учёта в своём реестре или обратитесь к оператору для передачи ТС`;
    throw new AppError('plate_taken', msg, [{ field: 'plate', message: msg }]);
  }
  const version = cur.version + 1;
  await trx
    .updateTable('vehicles')
    .set({ carrier_id: carrierId, ...toRow(fields), archived_at: null, version, updated_at: now })
    .where('id', '=', cur.id)
    .execute();
  if (cur.carrierId === carrierId) {
    await recordChange(trx, { ...base, entity: 'vehicle', entityId: cur.id, version, action: 'restored', changes: diff(asRecord(cur.fields), asRecord(fields)) });
    return { id: cur.id, version, outcome: 'restored' };
  }
  const reason = 'Регистрация ТС после снятия с учёта прежним перевозчиком';
  await trx.insertInto('vehicle_transfers').values({ vehicle_id: cur.id, from_carrier_id: cur.carrierId, to_carrier_id: carrierId, transferred_by: o.actor.personId, reason }).execute();
  await recordChange(trx, {
    ...base,
    entity: 'vehicle',
    entityId: cur.id,
    version,
    action: 'transferred',
    reason,
    changes: { carrier: [await carrierName(trx, cur.carrierId), await carrierName(trx, carrierId)], ...diff(asRecord(cur.fields), asRecord(fields)) },
    details: { fromCarrierId: cur.carrierId, toCarrierId: carrierId, plate },
  });
  return { id: cur.id, version, outcome: 'transferred' };
}

async function ownVehicle(trx: Transaction<Database>, actor: Actor, id: string): Promise<Current> {
  const cur = await lockVehicle(trx, { id });
  if (!cur || cur.carrierId !== actor.organizationId) throw notFound('Транспортное средство не найдено');
  return cur;
}

export function vehicleVersionConflict(current: number): AppError {
  return new AppError('register_version_conflict', `Транспортное средство уже изменено в другом окне или другим пользователем (сейчас версия ${current}). Обновите страницу и внесите изменения снова.`, undefined, {
    currentVersion: current,
  });
}

export async function editVehicle(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; version: number; input: VehicleInput } & Meta,
): Promise<{ id: string; version: number; changed: string[] }> {
  const cur = await ownVehicle(trx, o.actor, o.id);
  if (cur.archived) throw new AppError('register_archived', `Транспортное средство ${cur.plate} снято с учёта: изменить его нельзя`);
  if (cur.version !== o.version) throw vehicleVersionConflict(cur.version);
  const merged: VehicleInput = { ...cur.fields };
  for (const [k, v] of Object.entries(o.input)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  const fields = checkVehicleFields(merged, moscowDate(o.ctx.now()));
  const changes = diff(asRecord(cur.fields), asRecord(fields));
  if (Object.keys(changes).length === 0) return { id: o.id, version: cur.version, changed: [] };
  if (changes.terminalNumber) await checkTerminalFree(trx, fields.terminalNumber, cur.id, cur.carrierId);
  const version = cur.version + 1;
  await trx.updateTable('vehicles').set({ ...toRow(fields), version, updated_at: o.ctx.now() }).where('id', '=', o.id).execute();
  await recordChange(trx, { entity: 'vehicle', entityId: o.id, version, action: 'updated', changes, organizationId: o.actor.organizationId, personId: o.actor.personId, ip: o.ip, userAgent: o.userAgent });
  return { id: o.id, version, changed: Object.keys(changes) };
}

/** «Снять с учёта»: the vehicle leaves the carrier's register and its plate is free for another carrier to register. */
export async function releaseVehicle(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; version: number; reason: string | null } & Meta,
): Promise<{ id: string; version: number }> {
  const cur = await ownVehicle(trx, o.actor, o.id);
  if (cur.archived) throw new AppError('register_archived', `Транспортное средство ${cur.plate} уже снято с учёта`);
  if (cur.version !== o.version) throw vehicleVersionConflict(cur.version);
  const version = cur.version + 1;
  await trx.updateTable('vehicles').set({ archived_at: o.ctx.now(), version, updated_at: o.ctx.now() }).where('id', '=', o.id).execute();
  await recordChange(trx, { entity: 'vehicle', entityId: o.id, version, action: 'archived', reason: o.reason, organizationId: o.actor.organizationId, personId: o.actor.personId, ip: o.ip, userAgent: o.userAgent });
  return { id: o.id, version };
}

/** The operator moves a vehicle (its plate) to another carrier, with a reason. */
export async function transferVehicle(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; toInn: string; reason: string } & Meta,
): Promise<{ id: string; version: number; toCarrierId: string; toCarrierName: string }> {
  const inn = checkInn(o.toInn);
  if (!inn.ok) throw invalid({ field: 'toInn', message: `ИНН перевозчика-получателя: ${inn.error}` });
  const reason = o.reason.trim();
  if (!reason) throw invalid({ field: 'reason', message: 'Причина: обязательное поле' });
  const cur = await lockVehicle(trx, { id: o.id });
  if (!cur) throw notFound('Транспортное средство не найдено');
  const to = await trx.selectFrom('organizations').select(['id', 'name', 'roles', 'status']).where('inn', '=', inn.value).executeTakeFirst();
  if (!to) throw invalid({ field: 'toInn', message: `ИНН перевозчика-получателя: организация с ИНН ${inn.value} не зарегистрирована в системе` });
  if (!to.roles.includes('carrier')) throw invalid({ field: 'toInn', message: `ИНН перевозчика-получателя: ${to.name} не является перевозчиком` });
  if (to.id === cur.carrierId) throw invalid({ field: 'toInn', message: `ИНН перевозчика-получателя: ТС ${cur.plate} уже числится за ${to.name}` });
  const version = cur.version + 1;
  await trx.updateTable('vehicles').set({ carrier_id: to.id, archived_at: null, version, updated_at: o.ctx.now() }).where('id', '=', cur.id).execute();
  await trx.insertInto('vehicle_transfers').values({ vehicle_id: cur.id, from_carrier_id: cur.carrierId, to_carrier_id: to.id, transferred_by: o.actor.personId, reason }).execute();
  await recordChange(trx, {
    entity: 'vehicle',
    entityId: cur.id,
    version,
    action: 'transferred',
    reason,
    changes: { carrier: [await carrierName(trx, cur.carrierId), await carrierName(trx, to.id)] },
    organizationId: o.actor.organizationId,
    personId: o.actor.personId,
    ip: o.ip,
    userAgent: o.userAgent,
    details: { fromCarrierId: cur.carrierId, toCarrierId: to.id, plate: cur.plate, byOperator: true },
  });
  return { id: cur.id, version, toCarrierId: to.id, toCarrierName: to.name };
}
