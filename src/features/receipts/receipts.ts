/**
 * Facilities' receipts (приём рейсов): a facility sees the trips delivered to
 * it and confirms each (with the weighed mass) or rejects it with a reason —
 * one by one or from a file. A decision once made stays: the same decision
 * again is a no-op, a different one is a conflict. The producer and the
 * carrier see the status on their trips; statements print it.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { notify } from '../notifications/notify.js';
import { parseMass } from '../../domain/quantity.js';
import { formatMoscowDateTime } from '../../domain/period.js';
import { MAX_TRIP_MASS_T } from '../trips/record-trips.js';
import { listTrips, type TripFilter } from '../trips/queries.js';
import { chargeLoads } from '../money/charges.js';

export type ReceiptStatus = 'pending' | 'confirmed' | 'rejected';

export const RECEIPT_STATUS_TEXT: Record<ReceiptStatus, string> = {
  pending: 'Ожидает приёма',
  confirmed: 'Принят',
  rejected: 'Отклонён',
};

export interface ReceiptFilter {
  status?: ReceiptStatus;
  from?: string;
  to?: string;
  after?: string;
  pageSize: number;
}

/** The receipts page's trips filter: the trips list limited to the acting facility's deliveries (trips_facility_unloaded_idx). */
export function receiptTripFilter(actor: Actor, f: ReceiptFilter): TripFilter {
  return { facilityId: actor.organizationId, receiptStatus: f.status, from: f.from, to: f.to, after: f.after, pageSize: f.pageSize };
}

/** The trips delivered to the acting facility: the trips list, limited to its deliveries. */
export async function listReceipts(ctx: AppContext, actor: Actor, f: ReceiptFilter) {
  const page = await listTrips(ctx, actor, receiptTripFilter(actor, f));
  return { ...page, items: page.items.map((t) => ({ ...t, receiptStatusText: RECEIPT_STATUS_TEXT[t.receiptStatus] })) };
}

export type Decision = { kind: 'confirm'; mass: unknown } | { kind: 'reject'; reason: unknown };

export interface DecisionResult {
  tripId: number;
  receiptStatus: ReceiptStatus;
  receivedMass: string | null;
  receiptReason: string | null;
  receivedAt: string | null;
  /** The same decision had been made before: nothing changed. */
  unchanged: boolean;
}

/** Checks a decision's input; returns field errors (Russian, naming the field). */
export function checkDecision(d: Decision, prefix = ''): { errors: FieldError[]; mass?: string; reason?: string } {
  if (d.kind === 'confirm') {
    if (d.mass === undefined || d.mass === null || d.mass === '') return { errors: [{ field: `${prefix}mass`, message: 'Масса, т: обязательное поле' }] };
    if (typeof d.mass !== 'string' && typeof d.mass !== 'number') return { errors: [{ field: `${prefix}mass`, message: 'Масса, т: должно быть числом' }] };
    const m = parseMass(d.mass);
    if (!m.ok) return { errors: [{ field: `${prefix}mass`, message: `Масса, т: ${m.error}` }] };
    if (Number(m.value) > MAX_TRIP_MASS_T) return { errors: [{ field: `${prefix}mass`, message: `Масса, т: не больше ${MAX_TRIP_MASS_T} т за рейс` }] };
    return { errors: [], mass: m.value };
  }
  const reason = typeof d.reason === 'string' ? d.reason.trim() : '';
  if (!reason) return { errors: [{ field: `${prefix}reason`, message: 'Причина: обязательное поле' }] };
  if (reason.length < 3) return { errors: [{ field: `${prefix}reason`, message: 'Причина: опишите причину отказа (не короче 3 символов)' }] };
  if (reason.length > 1000) return { errors: [{ field: `${prefix}reason`, message: 'Причина: не длиннее 1000 символов' }] };
  return { errors: [], reason };
}

/**
 * Applies one decision inside `trx`. Another organization's trip (or no such
 * trip) is "not found"; a different decision on a decided trip is a conflict.
 */
export async function decide(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: Actor,
  tripId: number,
  checked: { kind: 'confirm'; mass: string } | { kind: 'reject'; reason: string },
): Promise<DecisionResult> {
  const trip = await trx
    .selectFrom('trips')
    .select(['id', 'receipt_status', sql<string | null>`received_mass::text`.as('received_mass'), 'receipt_reason', 'received_at', 'site_id', 'permit_id'])
    .where('id', '=', tripId)
    .where('facility_id', '=', actor.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!trip) throw notFound(`Рейс ${tripId} не найден среди рейсов, доставленных на ваш объект`);
  const view = (t: { receipt_status: ReceiptStatus; received_mass: string | null; receipt_reason: string | null; received_at: Date | null }, unchanged: boolean): DecisionResult => ({
    tripId,
    receiptStatus: t.receipt_status,
    receivedMass: t.received_mass,
    receiptReason: t.receipt_reason,
    receivedAt: t.received_at ? new Date(t.received_at).toISOString() : null,
    unchanged,
  });
  const target: ReceiptStatus = checked.kind === 'confirm' ? 'confirmed' : 'rejected';
  if (trip.receipt_status !== 'pending') {
    const same =
      trip.receipt_status === target &&
      (checked.kind === 'confirm' ? Number(trip.received_mass) === Number(checked.mass) : trip.receipt_reason === checked.reason);
    if (same) return view(trip, true);
    throw new AppError(
      'conflict',
      `По рейсу ${tripId} решение уже принято ${trip.received_at ? formatMoscowDateTime(new Date(trip.received_at)) : ''}: ${RECEIPT_STATUS_TEXT[trip.receipt_status].toLowerCase()}${trip.received_mass ? `, масса ${trip.received_mass} т` : ''}`.trim(),
    );
  }
  const now = ctx.now();
  const updated = await trx
    .updateTable('trips')
    .set({
      receipt_status: target,
      received_mass: checked.kind === 'confirm' ? checked.mass : null,
      receipt_reason: checked.kind === 'reject' ? checked.reason : null,
      received_at: now,
    })
    .where('id', '=', tripId)
    .returning(['receipt_status', sql<string | null>`received_mass::text`.as('received_mass'), 'receipt_reason', 'received_at'])
    .executeTakeFirstOrThrow();
  await audit(trx, {
    action: checked.kind === 'confirm' ? 'receipt.confirmed' : 'receipt.rejected',
    personId: actor.personId,
    organizationId: actor.organizationId,
    subjectType: 'trip',
    subjectId: String(tripId),
    details: checked.kind === 'confirm' ? { mass: checked.mass } : { reason: checked.reason },
  });
  // An accepted load gets its charge at the tariff in force on its day of unloading (money/charges.ts).
  if (checked.kind === 'confirm') await chargeLoads(trx, [tripId]);
  if (checked.kind === 'reject') {
    // The producer learns of a rejected load.
    const site = await trx.selectFrom('sites').select(['producer_id', 'name']).where('id', '=', trip.site_id).executeTakeFirstOrThrow();
    await notify(trx, ctx, {
      organizationId: site.producer_id,
      personId: null,
      title: `Объект приёма отклонил рейс ${tripId}`,
      body: `Объект «${site.name}»: ${actor.organizationName} не принял рейс ${tripId}. Причина: ${checked.reason}`,
      link: `/sites/${trip.site_id}?tab=trips`,
    });
  }
  return view(updated as never, false);
}

export async function decideOne(ctx: AppContext, actor: Actor, tripId: number, d: Decision): Promise<DecisionResult> {
  const c = checkDecision(d);
  if (c.errors.length) throw invalid(c.errors);
  return ctx.db
    .transaction()
    .execute((trx) => decide(trx, ctx, actor, tripId, d.kind === 'confirm' ? { kind: 'confirm', mass: c.mass! } : { kind: 'reject', reason: c.reason! }));
}
