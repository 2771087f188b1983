/**
 * Charges: every accepted load gets its charge at the tariff in force on the Moscow day of its
 * unloading — computed when the facility accepts it (receipts/receipts.ts `decide`, in the same
 * transaction). The one SQL that prices loads is here; "accepted" is movement.ts's rule.
 *
 * - Payer: the producer of the load's site (seed 002: the producer's cabinet «контролирует
 *   финансовые операции, связанные с оплатой услуг по утилизации»).
 * - Tariff: the facility's tariff for the load's ФККО code in force that day; when both a per-t and a
 *   per-m³ tariff are in force, per t wins (the facility weighs what it accepts). Quantity: the
 *   counted mass (weighed where given, movement.ts) for per-t, the declared volume for per-m³.
 * - Amount: quantity × price, rounded half up to the kopeck, per load (domain/money.ts `chargeKop`
 *   is the same rule in JS). VAT: the rate in force that day, applied per act and rate.
 * - No tariff in force: the charge is recorded as 'no_tariff' (listed as such); adding a tariff that
 *   covers the day prices it, as long as it is not in an act.
 * - Idempotent: one charge per trip (primary key); pricing a priced trip again changes nothing.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { sqlText } from '../movement.js';

/** Prices the given trips that are accepted and have no charge yet. Returns how many charges were written. */
export async function chargeLoads(trx: Transaction<Database>, tripIds: readonly number[]): Promise<number> {
  if (!tripIds.length) return 0;
  const r = await sql`
    insert into charges (trip_id, facility_id, payer_id, waste_code, unloaded_on, status, tariff_id, unit, quantity, price_kop, amount_kop, vat_rate)
    select t.id, t.facility_id, s.producer_id, t.waste_code, d.day,
           case when tf.id is null or v.rate is null then 'no_tariff' else 'priced' end,
           tf.id, tf.unit, q.qty, tf.price_kop,
           case when tf.id is null or v.rate is null then null else round(q.qty * tf.price_kop)::bigint end,
           v.rate
      from trips t
      join sites s on s.id = t.site_id
      cross join lateral (select (t.unloaded_at at time zone 'Europe/Moscow')::date as day) d
      left join lateral (
        select f.id, f.unit, f.price_kop from tariffs f
         where f.facility_id = t.facility_id and f.waste_code = t.waste_code
           and f.valid_from <= d.day and (f.valid_to is null or f.valid_to >= d.day)
         order by (f.unit = 't') desc limit 1) tf on true
      cross join lateral (select case when tf.unit = 't' then ${sql.raw(sqlText.countedMass(null, 't'))} when tf.unit = 'm3' then t.volume end as qty) q
      left join lateral (select r.rate from vat_rates r where r.valid_from <= d.day order by r.valid_from desc limit 1) v on true
     where t.id = any(${sql.val([...tripIds])}::bigint[]) and ${sql.raw(sqlText.accepted(null, 't'))}
    on conflict (trip_id) do nothing`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Prices again the charges not yet in an act — of one facility (and code), or of every facility from a
 * day on — after a tariff or a VAT rate changed. Charges in acts never change.
 */
export async function rechargeUnbilled(trx: Transaction<Database>, scope: { facilityId: string; wasteCode: string } | { fromDay: string }): Promise<number> {
  const q =
    'facilityId' in scope
      ? sql<{ trip_id: number }>`delete from charges where act_id is null and facility_id = ${scope.facilityId} and waste_code = ${scope.wasteCode} returning trip_id`
      : sql<{ trip_id: number }>`delete from charges where act_id is null and unloaded_on >= ${scope.fromDay}::date returning trip_id`;
  const ids = (await q.execute(trx)).rows.map((r) => Number(r.trip_id));
  for (let i = 0; i < ids.length; i += 10_000) await chargeLoads(trx, ids.slice(i, i + 10_000));
  return ids.length;
}
