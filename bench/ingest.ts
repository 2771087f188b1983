/**
 * Trip ingestion by COPY with the totals kept, as a share of the same COPY without them.
 * The rows are the database's own trips shifted ten years back (same spread over permits,
 * waste types, facilities, carriers and days; no clash with the originals), loaded in
 * transactions that are rolled back. Variants:
 *   - none:      the totals triggers off (the floor: plain COPY with the table's indexes and keys);
 *   - statement: the migration's statement-level triggers (one grouped upsert per COPY);
 *   - row:       a row-level trigger doing one upsert per trip (the alternative, for the record).
 */
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type pg from 'pg';

const COLUMNS = 'permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, receipt_status, received_mass, receipt_reason, received_at, source';

const ROW_TRIGGER = `
create or replace function pg_temp.trip_totals_row() returns trigger language plpgsql as $$
declare acc text := trip_totals_acceptance(new.receipt_status, new.received_at);
begin
  insert into trip_totals as a (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id, trips, volume, mass, counted_mass, weighed_trips)
  values (new.permit_id, new.waste_code, (new.unloaded_at at time zone 'Europe/Moscow')::date, acc, new.carrier_id, new.facility_object_id, new.site_id, new.facility_id,
          1, new.volume, new.mass, case when acc = 'accepted' then coalesce(new.received_mass, new.mass) else new.mass end,
          case when acc = 'accepted' and new.received_mass is not null then 1 else 0 end)
  on conflict (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
     set trips = a.trips + 1, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
         counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips;
  return null;
end $$;
alter table trips disable trigger trip_totals_insert;
create trigger trip_totals_row after insert on trips for each row execute function pg_temp.trip_totals_row();`;

export type IngestVariant = 'none' | 'statement' | 'row';

async function readRows(client: pg.PoolClient, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const src = client.query(
    copyTo(`copy (select permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code,
                         loaded_at - interval '10 years', unloaded_at - interval '10 years', volume, mass, receipt_status, received_mass, receipt_reason,
                         received_at - interval '10 years', source
                    from trips order by id limit ${Math.floor(n)}) to stdout`),
  );
  await pipeline(
    src,
    new Writable({
      write(c: Buffer, _e, cb) {
        chunks.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(chunks);
}

/** Seconds to COPY `rows` trips in batches of `batch` under each variant (each rolled back). */
export async function measureIngest(pool: pg.Pool, opts: { rows: number; batch: number; variants: IngestVariant[]; rounds?: number }) {
  const client = await pool.connect();
  try {
    const data = await readRows(client, opts.rows);
    const lines = data.toString('utf8').split('\n').filter(Boolean);
    const batches: string[] = [];
    for (let i = 0; i < lines.length; i += opts.batch) batches.push(lines.slice(i, i + opts.batch).join('\n') + '\n');
    const best = new Map<IngestVariant, number>();
    for (let round = 0; round < (opts.rounds ?? 2); round++) {
      for (const v of opts.variants) {
        await client.query('begin');
        try {
          if (v === 'none') await client.query('alter table trips disable trigger trip_totals_insert');
          if (v === 'row') await client.query(ROW_TRIGGER);
          const t0 = performance.now();
          for (const b of batches) await pipeline(Readable.from([b]), client.query(copyFrom(`copy trips (${COLUMNS}) from stdin`)));
          const s = (performance.now() - t0) / 1000;
          best.set(v, Math.min(best.get(v) ?? Infinity, s));
        } finally {
          await client.query('rollback');
        }
      }
    }
    return { rows: lines.length, batch: opts.batch, seconds: Object.fromEntries([...best].map(([k, s]) => [k, +s.toFixed(3)])) as Record<IngestVariant, number> };
  } finally {
    client.release();
  }
}
