import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { formationCutoff } from '../../domain/formation.js';
import { tripVisible } from '../visibility.js';
import { checkPeriod } from '../period-input.js';

export interface TripFilter {
  siteId?: string;
  /** Only trips delivered to this facility (its receipts). */
  facilityId?: string;
  permitId?: string;
  from?: string;
  to?: string;
  formed?: boolean;
  receiptStatus?: 'pending' | 'confirmed' | 'rejected';
  page: number;
  pageSize: number;
}

export async function listTrips(ctx: AppContext, actor: Actor, f: TripFilter) {
  const cutoff = formationCutoff(ctx.now(), ctx.config.tripFormationHours);
  let base = ctx.db.selectFrom('trips as t').where(tripVisible(actor, 't'));
  if (f.siteId) base = base.where('t.site_id', '=', f.siteId);
  if (f.facilityId) base = base.where('t.facility_id', '=', f.facilityId);
  if (f.permitId) base = base.where('t.permit_id', '=', f.permitId);
  if (f.from || f.to) {
    const p = checkPeriod(ctx, f.from ?? f.to!, f.to ?? f.from!);
    base = base.where('t.unloaded_at', '>=', p.start).where('t.unloaded_at', '<', p.endExclusive);
  }
  if (f.formed === true) base = base.where('t.unloaded_at', '<=', cutoff);
  if (f.formed === false) base = base.where('t.unloaded_at', '>', cutoff);
  if (f.receiptStatus) base = base.where('t.receipt_status', '=', f.receiptStatus);
  const hours = ctx.config.tripFormationHours;
  const [items, total] = await Promise.all([
    base
      .innerJoin('permits as p', 'p.id', 't.permit_id')
      .innerJoin('vehicles as v', 'v.id', 't.vehicle_id')
      .innerJoin('organizations as c', 'c.id', 't.carrier_id')
      .innerJoin('organizations as fa', 'fa.id', 't.facility_id')
      .innerJoin('waste_types as w', 'w.code', 't.waste_code')
      .innerJoin('sites as s', 's.id', 't.site_id')
      .select([
        't.id',
        't.permit_id as permitId',
        'p.number as permitNumber',
        't.permit_version as permitVersion',
        't.site_id as siteId',
        's.name as siteName',
        'v.plate',
        'c.name as carrierName',
        'fa.name as facilityName',
        't.waste_code as wasteCode',
        'w.name as wasteName',
        't.loaded_at as loadedAt',
        't.unloaded_at as unloadedAt',
        sql<string>`t.volume::text`.as('volume'),
        sql<string>`t.mass::text`.as('mass'),
        't.receipt_status as receiptStatus',
        sql<string | null>`t.received_mass::text`.as('receivedMass'),
        't.receipt_reason as receiptReason',
        't.received_at as receivedAt',
        sql<boolean>`t.unloaded_at <= ${cutoff}`.as('formed'),
        sql<Date>`t.unloaded_at + make_interval(hours => ${hours})`.as('formedAt'),
      ])
      .orderBy('t.unloaded_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((t) => ({
      ...t,
      loadedAt: new Date(t.loadedAt).toISOString(),
      unloadedAt: new Date(t.unloadedAt).toISOString(),
      formedAt: new Date(t.formedAt).toISOString(),
      receivedAt: t.receivedAt ? new Date(t.receivedAt).toISOString() : null,
    })),
    total: total.n,
    page: f.page,
    pageSize: f.pageSize,
  };
}
