/**
 * The compare-and-repair step every aggregate kept by triggers shares (the trip totals by day and by
 * hour, the charge and invoice totals): the aggregate's non-zero rows against its rows as a full
 * recount of the source makes them — groups the aggregate lacks, rows no source row stands behind,
 * groups whose figures differ, a few examples — and, when asked, the repair (rows that differ go,
 * zero rows too; the recount's rows take their place).
 *
 * Runs in the caller's transaction, which has locked the source (SHARE mode: writers wait, readers do
 * not); the aggregate itself is locked here against the triggers' writes.
 */
import { sql, type Transaction } from 'kysely';

export interface AggregateShape {
  table: string;
  /** The group's key columns; the first is never null in a row. */
  key: string[];
  /** The figures kept per group. */
  values: string[];
  /** The aggregate's rows as a full recount of the source makes them (columns: key, then values). */
  expected: string;
}

export interface AggregateDrift<E> {
  groups: number;
  missing: number;
  extra: number;
  changed: number;
  repaired: boolean;
  examples: E[];
}

/**
 * Compares (and with `repair` repairs) one aggregate; `exampleColumns` is the select list of an example
 * row over `recount_kept k full join recount_expected e` (either side null where it has no row).
 */
export async function recountAggregate<E>(trx: Transaction<any>, a: AggregateShape, o: { repair: boolean; exampleColumns: string }): Promise<AggregateDrift<E>> {
  const match = a.key.map((k) => `k.${k} = e.${k}`).join(' and ');
  const kv = `(${a.values.map((v) => `k.${v}`).join(', ')})`;
  const ev = `(${a.values.map((v) => `e.${v}`).join(', ')})`;
  const cols = [...a.key, ...a.values].join(', ');
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
  const examples = await sql.raw<E>(`
      select ${o.exampleColumns}
        from recount_kept k full join recount_expected e on ${match}
       where k.${a.key[0]} is null or e.${a.key[0]} is null or ${kv} is distinct from ${ev}
       limit 10`).execute(trx);
  const drift = d.missing + d.extra + d.changed > 0;
  if (drift && o.repair) {
    await sql.raw(`delete from ${a.table} k where not exists (select 1 from recount_expected e where ${match} and ${kv} = ${ev})`).execute(trx);
    await sql.raw(`insert into ${a.table} (${cols}) select ${[...a.key, ...a.values].map((c) => `e.${c}`).join(', ')} from recount_expected e
                    where not exists (select 1 from ${a.table} k where ${match})`).execute(trx);
  }
  await sql`drop table recount_expected, recount_kept`.execute(trx);
  return { ...d, repaired: drift && o.repair, examples: examples.rows };
}
