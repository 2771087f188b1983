/**
 * The money totals (migrations/0380_money_totals.sql) recounted from the rows: `charge_totals` from
 * every charge, `invoice_totals` from every invoice, compared with what the triggers kept and — when
 * asked — repaired. Part of `npm run recount` (src/cli/recount.ts), beside the trip totals.
 *
 * Each recount holds its source table in SHARE mode for its transaction: writers wait, readers do not.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export interface AggregateRecount {
  /** The aggregate's table. */
  table: string;
  /** Non-empty groups by a full recount. */
  groups: number;
  /** Groups the aggregate lacks, rows no source row stands behind, groups whose figures differ. */
  missing: number;
  extra: number;
  changed: number;
  repaired: boolean;
  /** A few drifted groups: the key, what was kept and what the recount gives («—» for none). */
  examples: Array<{ key: string; kept: string | null; counted: string | null }>;
}

interface Aggregate {
  table: 'charge_totals' | 'invoice_totals';
  source: 'charges' | 'invoices';
  key: string[];
  values: string[];
  /** The aggregate's rows as a full recount of the source makes them (columns: key, then values). */
  expected: string;
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

async function recountAggregate(db: Kysely<Database>, a: Aggregate, opts: { repair: boolean }): Promise<AggregateRecount> {
  const match = a.key.map((k) => `k.${k} = e.${k}`).join(' and ');
  const kv = `(${a.values.map((v) => `k.${v}`).join(', ')})`;
  const ev = `(${a.values.map((v) => `e.${v}`).join(', ')})`;
  const cols = [...a.key, ...a.values].join(', ');
  return db.transaction().execute(async (trx) => {
    await sql.raw(`lock table ${a.source} in share mode`).execute(trx);
    await sql.raw(`lock table ${a.table} in share row exclusive mode`).execute(trx);
    await sql.raw(`create temp table recount_expected on commit drop as ${a.expected}`).execute(trx);
    await sql.raw(`create temp table recount_kept on commit drop as select ${cols} from ${a.table} where ${a.values.map((v) => `${v} <> 0`).join(' or ')}`).execute(trx);
    const d = (
      await sql.raw<{ groups: number; missing: number; extra: number; changed: number }>(`
      select (select count(*) from recount_expected)::int as groups,
             (select count(*) from recount_expected e where not exists (select 1 from recount_kept k where ${match}))::int as missing,
             (select count(*) from recount_kept k where not exists (select 1 from recount_expected e where ${match}))::int as extra,
             (select count(*) from recount_kept k join recount_expected e on ${match} where ${kv} is distinct from ${ev})::int as changed`).execute(trx)
    ).rows[0];
    const examples = await sql.raw<{ key: string; kept: string | null; counted: string | null }>(`
      select concat_ws(', ', ${a.key.map((k) => `coalesce(k.${k}, e.${k})::text`).join(', ')}) as key,
             case when k.${a.key[0]} is null then null else concat_ws(' / ', ${a.values.map((v) => `k.${v}`).join(', ')}) end as kept,
             case when e.${a.key[0]} is null then null else concat_ws(' / ', ${a.values.map((v) => `e.${v}`).join(', ')}) end as counted
        from recount_kept k full join recount_expected e on ${match}
       where k.${a.key[0]} is null or e.${a.key[0]} is null or ${kv} is distinct from ${ev}
       limit 10`).execute(trx);
    const drift = d.missing + d.extra + d.changed > 0;
    if (drift && opts.repair) {
      // Rows that differ go (zero rows too); the recount's rows take their place.
      await sql.raw(`delete from ${a.table} k where not exists (select 1 from recount_expected e where ${match} and ${kv} = ${ev})`).execute(trx);
      await sql.raw(`insert into ${a.table} (${cols}) select ${[...a.key, ...a.values].map((c) => `e.${c}`).join(', ')} from recount_expected e
                      where not exists (select 1 from ${a.table} k where ${match})`).execute(trx);
    }
    return { table: a.table, ...d, repaired: drift && opts.repair, examples: examples.rows };
  });
}

/** `charge_totals` and `invoice_totals` against a full recount of charges and invoices. */
export async function recountMoneyTotals(db: Kysely<Database>, opts: { repair: boolean }): Promise<AggregateRecount[]> {
  return [await recountAggregate(db, CHARGES, opts), await recountAggregate(db, INVOICES, opts)];
}
