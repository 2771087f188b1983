/**
 * The money totals (migrations/0380_money_totals.sql) recounted from the rows: `charge_totals` from
 * every charge, `invoice_totals` from every invoice, compared with what the triggers kept and — when
 * asked — repaired (platform/db/aggregate-recount.ts, the step the trip totals' recount shares). Part of
 * `npm run recount` (src/cli/recount.ts), beside the trip totals.
 *
 * Each recount holds its source table in SHARE mode for its transaction: writers wait, readers do not.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { recountAggregate, type AggregateDrift, type AggregateShape } from '../../platform/db/aggregate-recount.js';

/** One money aggregate's drift, as `npm run recount` reports it: the group's key, what was kept and what the recount gives («—» for none). */
export type AggregateRecount = { table: string } & AggregateDrift<{ key: string; kept: string | null; counted: string | null }>;

interface Aggregate extends AggregateShape {
  table: 'charge_totals' | 'invoice_totals';
  source: 'charges' | 'invoices';
}

/** A charge counts for its facility and, when the payer is another organization, for the payer. */
const CHARGES: Aggregate = {
  table: 'charge_totals',
  source: 'charges',
  key: ['organization_id', 'month', 'status', 'billed', 'facility_id'],
  values: ['charges', 'amount_kop'],
  expected: `select s.org as organization_id, date_trunc('month', c.unloaded_on)::date as month, c.status, c.act_id is not null as billed, c.facility_id,
                    count(*)::bigint as charges, coalesce(sum(c.amount_kop), 0)::numeric as amount_kop
               from charges c cross join lateral (values (c.facility_id), (case when c.payer_id <> c.facility_id then c.payer_id end)) s(org)
              where s.org is not null
              group by 1, 2, 3, 4, 5`,
};

/** An invoice counts for its facility (owing when it is its own payer) and, when the payer is another organization, for the payer (owing). */
const INVOICES: Aggregate = {
  table: 'invoice_totals',
  source: 'invoices',
  key: ['organization_id', 'owing', 'paid', 'facility_id'],
  values: ['invoices', 'total_kop', 'paid_kop'],
  expected: `select s.org as organization_id, s.owing, i.paid_kop >= i.total_kop as paid, i.facility_id,
                    count(*)::bigint as invoices, sum(i.total_kop)::numeric as total_kop, sum(least(i.paid_kop, i.total_kop))::numeric as paid_kop
               from invoices i cross join lateral (values (i.facility_id, i.payer_id = i.facility_id), (case when i.payer_id <> i.facility_id then i.payer_id end, true)) s(org, owing)
              where s.org is not null
              group by 1, 2, 3, 4`,
};

/** One money aggregate against a full recount, in a transaction of its own holding its source in SHARE mode. */
function recountMoney(db: Kysely<Database>, a: Aggregate, opts: { repair: boolean }): Promise<AggregateRecount> {
  return db.transaction().execute(async (trx) => {
    await sql.raw(`lock table ${a.source} in share mode`).execute(trx);
    const r = await recountAggregate<AggregateRecount['examples'][number]>(trx, a, {
      repair: opts.repair,
      exampleColumns: `concat_ws(', ', ${a.key.map((k) => `coalesce(k.${k}, e.${k})::text`).join(', ')}) as key,
             case when k.${a.key[0]} is null then null else concat_ws(' / ', ${a.values.map((v) => `k.${v}`).join(', ')}) end as kept,
             case when e.${a.key[0]} is null then null else concat_ws(' / ', ${a.values.map((v) => `e.${v}`).join(', ')}) end as counted`,
    });
    return { table: a.table, ...r };
  });
}

/** `charge_totals` and `invoice_totals` against a full recount of charges and invoices. */
export async function recountMoneyTotals(db: Kysely<Database>, opts: { repair: boolean }): Promise<AggregateRecount[]> {
  return [await recountMoney(db, CHARGES, opts), await recountMoney(db, INVOICES, opts)];
}
