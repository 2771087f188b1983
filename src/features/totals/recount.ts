/**
 * The recount: every group of `trip_totals` and of `trip_hour_totals` computed again from all the
 * trips with the rules of ../movement.ts (the very SQL fragments every other figure uses), compared
 * with what the triggers kept, and — when asked — repaired. `npm run recount` (src/cli/recount.ts).
 *
 * It holds trips in SHARE mode for its transaction: writers wait, readers do not, and the
 * comparison sees one consistent state.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { sqlText } from '../movement.js';

export interface RecountReport {
  /** Non-empty groups by a full recount (both tables). */
  groups: number;
  /** Groups the totals lack (trips exist, no row). */
  missing: number;
  /** Rows of the totals no trip stands behind. */
  extra: number;
  /** Groups present in both whose figures differ. */
  changed: number;
  /** Whether the drift (if any) was repaired. */
  repaired: boolean;
  /** The same per table. */
  tables: Record<AggregateName, { groups: number; missing: number; extra: number; changed: number }>;
  /** A few drifted groups, for the report: `when` is the day (trip_totals) or the hour (trip_hour_totals). */
  examples: Array<{ table: AggregateName; permitId: string; wasteCode: string | null; when: string; acceptance: string; kept: string | null; counted: string | null }>;
}

type AggregateName = 'trip_totals' | 'trip_hour_totals';

/** The aggregates kept by the triggers on trips: their keys and how a full recount groups the trips. */
const AGGREGATES: Array<{ table: AggregateName; key: string[]; groupBy: Record<string, string>; when: (x: string) => string; waste: (x: string) => string }> = [
  {
    table: 'trip_totals',
    key: ['permit_id', 'waste_code', 'day', 'acceptance', 'carrier_id', 'facility_object_id', 'site_id', 'facility_id'],
    groupBy: { day: `(t.unloaded_at at time zone 'Europe/Moscow')::date` },
    when: (x) => `to_char(${x}.day, 'YYYY-MM-DD')`,
    waste: (x) => `${x}.waste_code`,
  },
  {
    table: 'trip_hour_totals',
    key: ['site_id', 'hour', 'permit_id', 'acceptance', 'carrier_id', 'facility_id'],
    groupBy: { hour: `date_trunc('hour', t.unloaded_at at time zone 'UTC') at time zone 'UTC'` },
    when: (x) => `to_char(${x}.hour at time zone 'UTC', 'YYYY-MM-DD HH24:00 UTC')`,
    waste: () => 'null::text',
  },
];

const FIGURES = '(x.trips, x.volume, x.mass, x.counted_mass, x.weighed_trips)';
const figures = (x: string) => FIGURES.replaceAll('x.', `${x}.`);

/** The aggregate as a full recount of `trips t` makes it — by movement.ts "as of now". */
function expectedSql(a: (typeof AGGREGATES)[number]) {
  const acc = sqlText.acceptance(null, 't');
  const cols = a.key.map((k) => `${a.groupBy[k] ?? (k === 'acceptance' ? acc : `t.${k}`)} as ${k}`);
  return `select ${cols.join(', ')},
                 count(*)::bigint as trips, sum(t.volume) as volume, sum(t.mass) as mass,
                 sum(${sqlText.countedMass(null, 't')}) as counted_mass,
                 (count(*) filter (where ${sqlText.weighedMass(null, 't')} is not null))::bigint as weighed_trips
            from trips t
           group by ${a.key.map((_, i) => i + 1).join(', ')}`;
}

export async function recountTotals(db: Kysely<Database>, opts: { repair: boolean }): Promise<RecountReport> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table trips in share mode`.execute(trx);
    const report: RecountReport = { groups: 0, missing: 0, extra: 0, changed: 0, repaired: false, tables: {} as RecountReport['tables'], examples: [] };
    for (const a of AGGREGATES) {
      const KEY = a.key.join(', ');
      const match = a.key.map((k) => `k.${k} = e.${k}`).join(' and ');
      await sql.raw(`lock table ${a.table} in share row exclusive mode`).execute(trx);
      await sql.raw(`create temp table recount_expected on commit drop as ${expectedSql(a)}`).execute(trx);
      await sql.raw(`create temp table recount_kept on commit drop as
        select ${KEY}, trips, volume, mass, counted_mass, weighed_trips from ${a.table}
         where trips <> 0 or volume <> 0 or mass <> 0 or counted_mass <> 0 or weighed_trips <> 0`).execute(trx);
      const diff = await sql<{ missing: number; extra: number; changed: number; groups: number }>`
        select (select count(*) from recount_expected)::int as groups,
               (select count(*) from recount_expected e where not exists (select 1 from recount_kept k where ${sql.raw(match)}))::int as missing,
               (select count(*) from recount_kept k where not exists (select 1 from recount_expected e where ${sql.raw(match)}))::int as extra,
               (select count(*) from recount_kept k join recount_expected e on ${sql.raw(match)}
                 where ${sql.raw(figures('k'))} is distinct from ${sql.raw(figures('e'))})::int as changed`.execute(trx);
      const d = diff.rows[0];
      const examples = await sql.raw<Omit<RecountReport['examples'][number], 'table'>>(`
        select coalesce(k.permit_id, e.permit_id) as "permitId", coalesce(${a.waste('k')}, ${a.waste('e')}) as "wasteCode",
               coalesce(${a.when('k')}, ${a.when('e')}) as "when",
               coalesce(k.acceptance, e.acceptance) as acceptance,
               case when k.permit_id is null then null else k.trips || ' рейс(ов), ' || k.volume || ' м³, ' || k.counted_mass || ' т' end as kept,
               case when e.permit_id is null then null else e.trips || ' рейс(ов), ' || e.volume || ' м³, ' || e.counted_mass || ' т' end as counted
          from recount_kept k full join recount_expected e on ${match}
         where k.permit_id is null or e.permit_id is null or ${figures('k')} is distinct from ${figures('e')}
         limit 10`).execute(trx);
      const drift = d.missing + d.extra + d.changed > 0;
      if (drift && opts.repair) {
        // Rows that differ go; the recount's rows take their place (zero rows go too).
        await sql.raw(`delete from ${a.table} k where not exists (
            select 1 from recount_expected e where ${match} and ${figures('k')} = ${figures('e')})`).execute(trx);
        await sql.raw(`insert into ${a.table} (${KEY}, trips, volume, mass, counted_mass, weighed_trips)
          select ${a.key.map((k) => `e.${k}`).join(', ')}, e.trips, e.volume, e.mass, e.counted_mass, e.weighed_trips
            from recount_expected e
           where not exists (select 1 from ${a.table} k where ${match})`).execute(trx);
        report.repaired = true;
      }
      await sql`drop table recount_expected, recount_kept`.execute(trx);
      report.tables[a.table] = { groups: d.groups, missing: d.missing, extra: d.extra, changed: d.changed };
      report.groups += d.groups;
      report.missing += d.missing;
      report.extra += d.extra;
      report.changed += d.changed;
      report.examples.push(...examples.rows.map((x) => ({ table: a.table, ...x })));
    }
    return report;
  });
}
