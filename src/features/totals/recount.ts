/**
 * The recount: every group of `trip_totals`, `trip_hour_totals`, `trip_lifetime_totals` and `trip_month_totals` computed again from all the
 * trips with the rules of ../movement.ts (the very SQL fragments every other figure uses), compared
 * with what the triggers kept, and — when asked — repaired (platform/db/aggregate-recount.ts, the step the
 * money totals' recount shares). `npm run recount` (src/cli/recount.ts).
 *
 * It holds trips in SHARE mode for its transaction: writers wait, readers do not, and the
 * comparison sees one consistent state.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { sqlText } from '../movement.js';
import { recountAggregate } from '../../platform/db/aggregate-recount.js';

export interface RecountReport {
  /** Non-empty groups by a full recount (all the tables). */
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
  /** A few drifted groups, for the report: `when` is the day (trip_totals), the hour (trip_hour_totals), «всё время» (trip_lifetime_totals) or the month (trip_month_totals). */
  examples: Array<{ table: AggregateName; permitId: string; wasteCode: string | null; when: string; acceptance: string; kept: string | null; counted: string | null }>;
}

type AggregateName = 'trip_totals' | 'trip_hour_totals' | 'trip_lifetime_totals' | 'trip_month_totals';

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
  {
    table: 'trip_lifetime_totals',
    key: ['permit_id', 'waste_code', 'acceptance', 'carrier_id', 'facility_object_id', 'site_id', 'facility_id'],
    groupBy: {},
    when: () => `'всё время'`,
    waste: (x) => `${x}.waste_code`,
  },
  {
    table: 'trip_month_totals',
    key: ['permit_id', 'waste_code', 'month', 'acceptance', 'carrier_id', 'facility_object_id', 'site_id', 'facility_id'],
    groupBy: { month: `date_trunc('month', t.unloaded_at at time zone 'Europe/Moscow')::date` },
    when: (x) => `to_char(${x}.month, 'YYYY-MM')`,
    waste: (x) => `${x}.waste_code`,
  },
];

/** The figures each group keeps. */
const VALUES = ['trips', 'volume', 'mass', 'counted_mass', 'weighed_trips'];

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
      const d = await recountAggregate<Omit<RecountReport['examples'][number], 'table'>>(
        trx,
        { table: a.table, key: a.key, values: VALUES, expected: expectedSql(a) },
        {
          repair: opts.repair,
          exampleColumns: `coalesce(k.permit_id, e.permit_id) as "permitId", coalesce(${a.waste('k')}, ${a.waste('e')}) as "wasteCode",
               coalesce(${a.when('k')}, ${a.when('e')}) as "when",
               coalesce(k.acceptance, e.acceptance) as acceptance,
               case when k.permit_id is null then null else k.trips || ' рейс(ов), ' || k.volume || ' м³, ' || k.counted_mass || ' т' end as kept,
               case when e.permit_id is null then null else e.trips || ' рейс(ов), ' || e.volume || ' м³, ' || e.counted_mass || ' т' end as counted`,
        },
      );
      if (d.repaired) report.repaired = true;
      report.tables[a.table] = { groups: d.groups, missing: d.missing, extra: d.extra, changed: d.changed };
      report.groups += d.groups;
      report.missing += d.missing;
      report.extra += d.extra;
      report.changed += d.changed;
      report.examples.push(...d.examples.map((x) => ({ table: a.table, ...x })));
    }
    return report;
  });
}
