/** Reading the vehicle register: the carrier's own (keyset pages by plate), a card with its transfers, the history. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { normalizePlate } from '../../domain/identifiers.js';
import { registerHistory } from '../registers/changes.js';
import { decodeCursor, keysetPageOf } from '../registers/input.js';

const isOperator = (a: Actor) => a.orgRoles.includes('operator');

/** What the list and the card both show of a vehicle. */
const VEHICLE_FIELDS = [
  'v.id',
  'v.plate',
  'v.make',
  'v.model',
  sql<string | null>`v.capacity_m3::text`.as('capacityM3'),
  sql<string | null>`v.load_capacity_t::text`.as('loadCapacityT'),
  'v.terminal_number as terminalNumber',
  'v.ownership',
] as const;

export interface VehicleListOptions {
  q?: string;
  after?: string;
  limit?: number;
  archived?: boolean;
  /** The operator's register: every carrier's vehicles. */
  allCarriers?: boolean;
}

export async function listVehicles(db: Db, actor: Actor, o: VehicleListOptions) {
  const limit = o.limit ?? 50;
  const cursor = decodeCursor(o.after);
  let q = db
    .selectFrom('vehicles as v')
    .innerJoin('organizations as c', 'c.id', 'v.carrier_id')
    .select([
      ...VEHICLE_FIELDS,
      sql<string | null>`v.lease_until::text`.as('leaseUntil'),
      sql<boolean>`v.archived_at is not null`.as('archived'),
      'c.id as carrierId',
      sql<string>`coalesce(c.short_name, c.name)`.as('carrierName'),
      'c.inn as carrierInn',
    ])
    .where('v.archived_at', o.archived ? 'is not' : 'is', null)
    .orderBy('v.plate')
    .limit(limit + 1);
  if (!(o.allCarriers && isOperator(actor))) q = q.where('v.carrier_id', '=', actor.organizationId);
  if (cursor) q = q.where('v.plate', '>', cursor.key);
  const term = o.q?.trim();
  if (term) {
    const plain = term.replace(/[%_\\]/g, '');
    const plate = normalizePlate(plain);
    q = q.where((eb) =>
      eb.or([
        eb('v.plate', 'like', `%${plate}%`),
        eb('v.make', 'ilike', `%${plain}%`),
        eb('v.model', 'ilike', `%${plain}%`),
        eb('v.terminal_number', 'like', `%${plain.toUpperCase()}%`),
        ...(o.allCarriers ? [eb('c.name', 'ilike', `%${plain}%`), eb('c.inn', '=', plain)] : []),
      ]),
    );
  }
  const rows = await q.execute();
  return keysetPageOf(rows, limit, (r) => r.plate);
}

export async function getVehicle(db: Db, actor: Actor, id: string) {
  let q = db
    .selectFrom('vehicles as v')
    .innerJoin('organizations as c', 'c.id', 'v.carrier_id')
    .select([
      ...VEHICLE_FIELDS,
      'v.lease_document as leaseDocument',
      sql<string | null>`v.lease_until::text`.as('leaseUntil'),
      'v.version',
      sql<string>`to_json(v.created_at)#>>'{}'`.as('createdAt'),
      sql<string | null>`to_json(v.archived_at)#>>'{}'`.as('archivedAt'),
      'c.id as carrierId',
      sql<string>`coalesce(c.short_name, c.name)`.as('carrierName'),
      'c.inn as carrierInn',
    ])
    .where('v.id', '=', id);
  if (!isOperator(actor)) q = q.where('v.carrier_id', '=', actor.organizationId);
  const v = await q.executeTakeFirst();
  if (!v) throw notFound('Транспортное средство не найдено');
  // The transfers the organization took part in (the operator sees all).
  let t = db
    .selectFrom('vehicle_transfers as t')
    .innerJoin('organizations as f', 'f.id', 't.from_carrier_id')
    .innerJoin('organizations as o', 'o.id', 't.to_carrier_id')
    .select([
      't.id',
      sql<string>`to_json(t.transferred_at)#>>'{}'`.as('at'),
      sql<string>`coalesce(f.short_name, f.name)`.as('fromCarrier'),
      sql<string>`coalesce(o.short_name, o.name)`.as('toCarrier'),
      't.reason',
    ])
    .where('t.vehicle_id', '=', id)
    .orderBy('t.transferred_at', 'desc');
  if (!isOperator(actor)) t = t.where((eb) => eb.or([eb('t.from_carrier_id', '=', actor.organizationId), eb('t.to_carrier_id', '=', actor.organizationId)]));
  const transfers = await t.execute();
  const editable = v.carrierId === actor.organizationId && actor.rights.has('submit') && v.archivedAt === null;
  return { ...v, editable, transfers };
}

export async function vehicleHistory(db: Db, actor: Actor, id: string) {
  let q = db.selectFrom('vehicles').select('id').where('id', '=', id);
  if (!isOperator(actor)) q = q.where('carrier_id', '=', actor.organizationId);
  if (!(await q.executeTakeFirst())) throw notFound('Транспортное средство не найдено');
  return registerHistory(db, 'vehicle', id, isOperator(actor) ? {} : { onlyOrganizationId: actor.organizationId });
}
