/**
 * Reading the trip totals: the same figures movement.ts defines (`MovementColumns`), summed from
 * `trip_totals` instead of counted over the trips. Visibility applies unchanged: the totals keep
 * the trips' `carrier_id`, `facility_id` and `site_id`, so `tripVisible(actor, alias)` is the
 * very predicate the trips use.
 */
import { sql, type RawBuilder } from 'kysely';

const alias = (t: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(t)) throw new Error(`not an alias: ${t}`);
  return t;
};

/**
 * Select list over rows `u` shaped like the totals (acceptance, trips, volume, mass, counted_mass,
 * weighed_trips), optionally limited by an extra condition: the columns of `movementColumns`.
 * Moved (accepted) mass is the counted mass (weighed where given); awaiting and rejected — declared.
 */
export function totalsColumns(u = 'u', extra: string | null = null): RawBuilder<unknown> {
  const a = alias(u);
  const w = (state: string) => `(${a}.acceptance = '${state}'${extra ? ` and ${extra}` : ''})`;
  return sql.raw(`coalesce(sum(${a}.trips) filter (where ${w('accepted')}), 0)::int as a_trips,
    coalesce(sum(${a}.volume) filter (where ${w('accepted')}), 0)::numeric(16,2)::text as a_volume,
    coalesce(sum(${a}.counted_mass) filter (where ${w('accepted')}), 0)::numeric(16,3)::text as a_mass,
    coalesce(sum(${a}.weighed_trips) filter (where ${w('accepted')}), 0)::int as a_weighed,
    coalesce(sum(${a}.trips) filter (where ${w('awaiting')}), 0)::int as w_trips,
    coalesce(sum(${a}.volume) filter (where ${w('awaiting')}), 0)::numeric(16,2)::text as w_volume,
    coalesce(sum(${a}.mass) filter (where ${w('awaiting')}), 0)::numeric(16,3)::text as w_mass,
    coalesce(sum(${a}.trips) filter (where ${w('rejected')}), 0)::int as r_trips,
    coalesce(sum(${a}.volume) filter (where ${w('rejected')}), 0)::numeric(16,2)::text as r_volume,
    coalesce(sum(${a}.mass) filter (where ${w('rejected')}), 0)::numeric(16,3)::text as r_mass`);
}
