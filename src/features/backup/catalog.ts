/**
 * What the database holds, read from PostgreSQL's catalog: the tables and
 * sequences of the schemas a backup covers, what it leaves out (and why), and
 * the order in which tables can be loaded without breaking a foreign key.
 */
import pg from 'pg';

/**
 * Schemas backed up: the application's (the job queue's tables `jobs` and
 * `job_workers` among them), and graphile-worker's `graphile_worker` where an
 * installation not yet migrated past 0040 still has it.
 */
export const BACKUP_SCHEMAS: readonly string[] = ['public', 'graphile_worker'];

/**
 * Tables that a start-up fills by itself (migration bookkeeping, the ФККО
 * catalogue, the job queue's workers and scheduled jobs — a job a user causes
 * comes with rows in other tables): rows there do not make a database "not
 * empty" for a restore.
 */
export const STARTUP_TABLES: ReadonlySet<string> = new Set([
  'public.schema_migrations',
  'public.waste_types',
  'public.jobs',
  'public.job_workers',
  // Shared rate-limit windows and upload slots (migration 0101): requests leave them, they hold no data.
  'public.rate_limit_hits',
  'public.upload_gate_slots',
  // The VAT rates in force by law (migration 0120 seeds them; the operator may add later ones, which the copy carries).
  'public.vat_rates',
  'graphile_worker.migrations',
  'graphile_worker._private_tasks',
  'graphile_worker._private_known_crontabs',
]);

export interface TableInfo {
  schema: string;
  name: string;
  /** Stored columns in table order (generated columns are computed again on load). */
  columns: string[];
}

export interface SkippedObject {
  what: string;
  reason: string;
}

export const ident = (name: string): string => pg.escapeIdentifier(name);
export const qualified = (schema: string, name: string): string => `${ident(schema)}.${ident(name)}`;
export const keyOf = (t: { schema: string; name: string }): string => `${t.schema}.${t.name}`;

type Client = pg.PoolClient | pg.Client;

/** Schemas of BACKUP_SCHEMAS that exist. */
export async function presentSchemas(client: Client): Promise<string[]> {
  const r = await client.query<{ nspname: string }>('select nspname from pg_namespace where nspname = any($1) order by nspname', [BACKUP_SCHEMAS]);
  return r.rows.map((x) => x.nspname);
}

export async function listTables(client: Client, schemas: readonly string[]): Promise<{ tables: TableInfo[]; skipped: SkippedObject[] }> {
  const r = await client.query<{ schema: string; name: string; relkind: string; columns: string[] }>(
    `select n.nspname as schema, c.relname as name, c.relkind::text as relkind,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'f')
      order by n.nspname, c.relname`,
    [schemas],
  );
  const tables: TableInfo[] = [];
  const skipped: SkippedObject[] = [];
  const why: Record<string, string> = {
    v: 'представление: создаётся миграциями, своих данных нет',
    m: 'материализованное представление: вычисляется заново (REFRESH)',
    f: 'внешняя таблица: данные вне этой базы',
  };
  for (const t of r.rows) {
    if (t.relkind === 'r') tables.push({ schema: t.schema, name: t.name, columns: t.columns });
    // A partitioned table holds no rows of its own: its partitions are tables above, copied with the rest.
    else if (t.relkind === 'p') continue;
    else skipped.push({ what: `${t.schema}.${t.name}`, reason: why[t.relkind] ?? `объект вида ${t.relkind}` });
  }
  return { tables, skipped };
}

/** Everything a backup of `schemas` does not cover: other schemas, large objects. */
export async function listOutside(client: Client, schemas: readonly string[]): Promise<SkippedObject[]> {
  const out: SkippedObject[] = [];
  const other = await client.query<{ nspname: string }>(
    `select nspname from pg_namespace
      where not (nspname = any($1)) and nspname not like 'pg\\_%' and nspname <> 'information_schema'
      order by nspname`,
    [schemas],
  );
  for (const s of other.rows) out.push({ what: `схема ${s.nspname}`, reason: 'не относится к ОССиГ (в копию входят только схемы приложения и очереди задач)' });
  const lo = await client.query<{ n: string }>('select count(*) as n from pg_largeobject_metadata');
  if (Number(lo.rows[0].n) > 0) out.push({ what: `большие объекты (${lo.rows[0].n})`, reason: 'приложение их не использует; в копию не входят' });
  return out;
}

export interface SequenceInfo {
  schema: string;
  name: string;
}

export async function listSequences(client: Client, schemas: readonly string[]): Promise<SequenceInfo[]> {
  const r = await client.query<SequenceInfo>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind = 'S' order by 1, 2`,
    [schemas],
  );
  return r.rows;
}

/**
 * The tables in an order that loads every referenced table before the tables
 * that reference it (a table referring to itself is fine: foreign keys are
 * checked at the end of each COPY). A cycle is refused with the tables named.
 */
export async function loadOrder(client: Client, tables: readonly { schema: string; name: string }[]): Promise<string[]> {
  const keys = new Set(tables.map(keyOf));
  const r = await client.query<{ child: string; parent: string }>(
    `select cn.nspname || '.' || c.relname as child, pn.nspname || '.' || p.relname as parent
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
       join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
      where k.contype = 'f'`,
  );
  const parents = new Map<string, Set<string>>([...keys].map((k) => [k, new Set<string>()]));
  for (const e of r.rows) {
    if (e.child !== e.parent && keys.has(e.child) && keys.has(e.parent)) parents.get(e.child)!.add(e.parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (done.size < keys.size) {
    const ready = [...keys].filter((k) => !done.has(k) && [...parents.get(k)!].every((p) => done.has(p))).sort();
    if (!ready.length) {
      const left = [...keys].filter((k) => !done.has(k));
      throw new Error(`Таблицы ссылаются друг на друга по кругу, порядок загрузки не найти: ${left.join(', ')}`);
    }
    for (const k of ready) {
      order.push(k);
      done.add(k);
    }
  }
  return order;
}
