/**
 * The recount: every group of `trip_totals` computed again from all the trips with the rules of
 * ../movement.ts (the very SQL fragments every other figure uses), compared with what the
 * triggers kept, and — when asked — repaired. `npm run recount` (src/cli/recount.ts).
 *
 * It holds trips in SHARE mode for its transaction: writers wait, readers do not, and the
 * comparison sees one consistent state.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { sqlText } from '../movement.js';

export interface RecountReport {
  /** Non-empty groups by a full recount. */
  groups: number;
  /** Groups the totals lack (trips exist, no row). */
  missing: number;
  /** Rows of the totals no trip stands behind. */
  extra: number;
  /** Groups present in both whose figures differ. */
  changed: number;
  /** Whether the drift (if any) was repaired. */
  repaired: boolean;
  /** A few drifted groups, for the report. */
  examples: Array<{ permitId: string; wasteCode: string; day: string; acceptance: string; kept: string | null; counted: string | null }>;
}

const KEY = 'permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id';
const KEY_MATCH = KEY.split(', ')
  .map((k) => `k.${k} = e.${k}`)
  .join(' and ');

/** The totals as a full recount of `trips t` makes them — by movement.ts "as of now". */
function expectedSql() {
  const acc = sqlText.acceptance(null, 't');
  return `select t.permit_id, t.waste_code, (t.unloaded_at at time zone 'Europe/Moscow')::date as day, ${acc} as acceptance,
                 t.carrier_id, t.facility_object_id, t.site_id, t.facility_id,
                 count(*)::bigint as trips, sum(t.volume) as volume, sum(t.mass) as mass,
                 sum(${sqlText.countedMass(null, 't')}) as counted_mass,
                 (count(*) filter (where ${sqlText.weighedMass(null, 't')} is not null))::bigint as weighed_trips
            from trips t
           group by 1, 2, 3, 4, 5, 6, 7, 8`;
}

export async function recountTotals(db: Kysely<Database>, opts: { repair: boolean }): Promise<RecountReport> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table trips in share mode`.execute(trx);
    await sql`lock table trip_totals in share row exclusive mode`.execute(trx);
    await sql.raw(`create temp table recount_expected on commit drop as ${expectedSql()}`).execute(trx);
    await sql.raw(`create temp table recount_kept on commit drop as
      select ${KEY}, trips, volume, mass, counted_mass, weighed_trips from trip_totals
       where trips <> 0 or volume <> 0 or mass <> 0 or counted_mass <> 0 or weighed_trips <> 0`).execute(trx);
    const diff = await sql<{ missing: number; extra: number; changed: number; groups: number }>`
      select (select count(*) from recount_expected)::int as groups,
             (select count(*) from recount_expected e where not exists (select 1 from recount_kept k where ${sql.raw(KEY_MATCH)}))::int as missing,
             (select count(*) from recount_kept k where not exists (select 1 from recount_expected e where ${sql.raw(KEY_MATCH)}))::int as extra,
             (select count(*) from recount_kept k join recount_expected e on ${sql.raw(KEY_MATCH)}
               where (k.trips, k.volume, k.mass, k.counted_mass, k.weighed_trips) is distinct from (e.trips, e.volume, e.mass, e.counted_mass, e.weighed_trips))::int as changed`.execute(trx);
    const d = diff.rows[0];
    const examples = await sql<RecountReport['examples'][number]>`
      select coalesce(k.permit_id, e.permit_id) as "permitId", coalesce(k.waste_code, e.waste_code) as "wasteCode",
             to_char(coalesce(k.day, e.day), 'YYYY-MM-DD') as day, coalesce(k.acceptance, e.acceptance) as acceptance,
             case when k.permit_id is null then null else k.trips || ' рейс(ов), ' || k.volume || ' м³, ' || k.counted_mass || ' т' end as kept,
             case when e.permit_id is null then null else e.trips || ' рейс(ов), ' || e.volume || ' м³, ' || e.counted_mass || ' т' end as counted
        from recount_kept k full join recount_expected e on ${sql.raw(KEY_MATCH)}
       where k.permit_id is null or e.permit_id is null
          or (k.trips, k.volume, k.mass, k.counted_mass, k.weighed_trips) is distinct from (e.trips, e.volume, e.mass, e.counted_mass, e.weighed_trips)
       limit 10`.execute(trx);
    const drift = d.missing + d.extra + d.changed > 0;
    if (drift && opts.repair) {
      // Rows that differ go; the recount's rows take their place (zero rows go too).
      await sql.raw(`delete from trip_totals k where not exists (
          select 1 from recount_expected e where ${KEY_MATCH}
             and (k.trips, k.volume, k.mass, k.counted_mass, k.weighed_trips) = (e.trips, e.volume, e.mass, e.counted_mass, e.weighed_trips))`).execute(trx);
      await sql.raw(`insert into trip_totals (${KEY}, trips, volume, mass, counted_mass, weighed_trips)
        select ${KEY.split(', ').map((k) => `e.${k}`).join(', ')}, e.trips, e.volume, e.mass, e.counted_mass, e.weighed_trips
          from recount_expected e
         where not exists (select 1 from trip_totals k where ${KEY_MATCH})`).execute(trx);
    }
    return { groups: d.groups, missing: d.missing, extra: d.extra, changed: d.changed, repaired: drift && opts.repair, examples: examples.rows };
  });
}
