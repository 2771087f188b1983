/**
 * Keyset paging (issue 13). A list is ordered by a sort key that ends in a unique column; the
 * cursor is the last row's key, opaque to clients (base64url of a JSON array of strings). Times
 * travel as epoch microseconds (text), so that no precision is lost between PostgreSQL and JS.
 *
 * Totals: `cappedCount` counts at most CAP + 1 rows of a query (through the same index the list
 * uses) — exact up to CAP, «более CAP» beyond; `tableEstimate` is the planner's row estimate, counted
 * instead where that is small.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { invalid } from '../http/errors.js';

export type KeyPart = 'micros' | 'int' | 'uuid' | 'date' | 'text';

export interface ListTotal {
  value: number;
  exact: boolean;
  /** There are more than `value` rows (the count stopped there). */
  bound?: boolean;
}

export const COUNT_CAP = 1000;

const PART: Record<KeyPart, RegExp> = {
  micros: /^-?\d{1,19}$/,
  int: /^\d{1,19}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  /** A name or other text sort key (the cursor's length is bounded by the route's schema). */
  text: /^[^\u0000]{0,600}$/,
};

export function encodeKey(values: ReadonlyArray<string | number | bigint>): string {
  return Buffer.from(JSON.stringify(values.map(String))).toString('base64url');
}

/** The cursor's parts, checked against the list's key shape; a foreign or damaged cursor is a 422 on `after`. */
export function decodeKey(cursor: string | undefined, shape: readonly KeyPart[]): string[] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === shape.length && v.every((x, i) => typeof x === 'string' && PART[shape[i]].test(x))) return v as string[];
  } catch {
    /* falls through */
  }
  throw invalid({ field: 'after', message: 'Курсор страницы: неверное значение, начните с первой страницы' });
}

/**
 * The page of `pageSize` rows out of a query that asked for `pageSize + 1` (the extra row says
 * whether there is a next page), and the cursor of its last row.
 */
export function keysetPage<R>(rows: R[], pageSize: number, keyOf: (last: R) => ReadonlyArray<string | number | bigint>): { items: R[]; nextCursor: string | null } {
  const more = rows.length > pageSize;
  const items = more ? rows.slice(0, pageSize) : rows;
  return { items, nextCursor: more ? encodeKey(keyOf(items[items.length - 1])) : null };
}

/** SQL for a timestamptz column as epoch microseconds (text): the cursor's form of a time. */
export function microsOf(column: string): RawBuilder<string> {
  return sql<string>`(extract(epoch from ${sql.ref(column)}) * 1000000)::int8::text`;
}

/** SQL for a timestamptz from epoch microseconds (exact, no floating point). */
export function timeOfMicros(micros: string): RawBuilder<Date> {
  return sql<Date>`(timestamptz 'epoch' + ${micros}::int8 * interval '1 microsecond')`;
}

/** Counts the rows of `rows` (a select of anything) up to `cap` + 1: exact to `cap`, a bound beyond. */
export function cappedCountQuery(rows: RawBuilder<unknown>, cap = COUNT_CAP): RawBuilder<{ n: number }> {
  return sql<{ n: number }>`select count(*)::int as n from (${rows} limit ${cap + 1}) capped`;
}

export function cappedTotal(n: number, cap = COUNT_CAP): ListTotal {
  return n > cap ? { value: cap, exact: false, bound: true } : { value: n, exact: true };
}

/** Up to this many rows a table's total is counted (cheap: one pass over at most this many rows), not estimated. */
export const EXACT_UP_TO = 10_000;

/**
 * A table's total without reading the table: the planner's estimate (pg_class.reltuples, children of
 * a partitioned table included) — «≈ N». Where the estimate is small, or missing because the table
 * was never analyzed (a new installation), the rows are counted up to `exactUpTo` + 1 instead: exact
 * up to it, «более N» beyond (an estimate too low for a table grown since its last ANALYZE).
 */
export async function tableEstimate(db: Kysely<any>, table: string, exactUpTo = EXACT_UP_TO): Promise<ListTotal> {
  const r = await sql<{ n: string | null }>`
    select sum(greatest(c.reltuples, 0))::int8::text as n
      from pg_class c
     where c.oid = to_regclass(${table}) or c.oid in (select inhrelid from pg_inherits where inhparent = to_regclass(${table}))`.execute(db);
  const estimate = Number(r.rows[0]?.n ?? 0);
  if (estimate > exactUpTo) return { value: estimate, exact: false };
  const counted = await cappedCountQuery(sql`select 1 from ${sql.table(table)}`, exactUpTo).execute(db);
  return cappedTotal(counted.rows[0].n, exactUpTo);
}
