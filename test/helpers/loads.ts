/** Test and bench helper: pending loads to a facility, copied from one of its trips (permit, site, carrier, vehicle). */
import { sql } from 'kysely';
import type { AppContext } from '../../src/platform/context.js';

export interface LoadBase {
  permit_id: string;
  site_id: string;
  carrier_id: string;
  vehicle_id: string;
  facility_id: string;
  facility_object_id: string | null;
}

/** A trip of the facility whose site belongs to `producerId` (when given). */
export async function loadBase(ctx: AppContext, facilityId: string, producerId?: string): Promise<LoadBase> {
  const r = await sql<LoadBase>`select t.permit_id, t.site_id, t.carrier_id, t.vehicle_id, t.facility_id, t.facility_object_id
      from trips t join sites s on s.id = t.site_id where t.facility_id = ${facilityId} ${producerId ? sql`and s.producer_id = ${producerId}` : sql``} limit 1`.execute(ctx.db);
  if (!r.rows[0]) throw new Error('no trip of that facility to copy');
  return r.rows[0];
}

let n = 0;
/** Inserts a pending load unloaded at `unloaded`; returns its id. */
export async function insertLoad(ctx: AppContext, base: LoadBase, unloaded: string | Date, o: { code: string; volume?: string; mass?: string }): Promise<number> {
  const u = new Date(unloaded);
  n += 1;
  const r = await sql<{ id: number }>`
    insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, source)
    values (${base.permit_id}, ${base.site_id}, ${base.carrier_id}, ${base.vehicle_id}, ${base.facility_id}, ${base.facility_object_id}, ${o.code},
            ${new Date(u.getTime() - 3_600_000 - n * 1000 - Math.floor(Math.random() * 1e6))}, ${u}, ${o.volume ?? '10.00'}, ${o.mass ?? '15.000'}, 'api') returning id`.execute(ctx.db);
  return Number(r.rows[0].id);
}
