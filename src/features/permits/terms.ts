/**
 * A permit's terms as they stood at a moment: the version in force then.
 *
 * Each approval of an application issues a version (the first, then one per
 * amendment); a version is in force from its `in_force_from` until the next
 * one (permits entered before versions existed have one version in force
 * since always). A trip is checked against the version in force when it was
 * loaded: a carrier or facility added by an amendment counts only for trips
 * after the amendment was approved, a longer term only from then on.
 *
 *   loadPermitTerms(db, permitIds) → every version of each permit, oldest first
 *   termsAt(versions, t)            → the version in force at t, or null
 *
 * What a trip may do under those terms is judged in one place, `judgeTripPermit`
 * (src/features/trips/record-trips.ts), for the API and uploads alike.
 *
 * In SQL: `permit_version_at(permit_id, t)` (migration 0055) gives the id of that version.
 * A permit without version rows (inserted directly, e.g. by a test factory)
 * is read from its present terms as one version in force since always.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';

export interface PermitTerms {
  permitId: string;
  number: string;
  siteId: string;
  status: 'active' | 'suspended' | 'revoked';
  version: number;
  /** null: in force since always (a permit entered before versions). */
  inForceFrom: Date | null;
  validFrom: string;
  validTo: string;
  /** ФККО code → permitted volume, m³ (and mass, t). */
  lines: Map<string, { volume: string; mass: string | null }>;
  carrierIds: Set<string>;
  /** The facilities allowed for each code. */
  facilities: Array<{ wasteCode: string; objectId: string; organizationId: string; inn: string }>;
}

interface Row {
  permit_id: string;
  number: string;
  site_id: string;
  status: PermitTerms['status'];
  version: number;
  in_force_from: Date | string | null;
  valid_from: string;
  valid_to: string;
  lines: Array<{ code: string; volume: string; mass: string | null }>;
  carriers: string[];
  facilities: Array<{ code: string; objectId: string; orgId: string; inn: string }>;
}

export async function loadPermitTerms(db: Db | Transaction<Database>, permitIds: readonly string[]): Promise<Map<string, PermitTerms[]>> {
  const out = new Map<string, PermitTerms[]>();
  if (!permitIds.length) return out;
  const ids = [...new Set(permitIds)];
  const r = await sql<Row>`
    select v.permit_id, p.number, p.site_id, p.status, v.version,
           case when v.in_force_from = '-infinity' then null else v.in_force_from end as in_force_from,
           v.valid_from::text as valid_from, v.valid_to::text as valid_to,
           coalesce((select json_agg(json_build_object('code', l.waste_code, 'volume', l.permitted_volume::text, 'mass', l.permitted_mass::text))
                       from permit_version_lines l where l.version_id = v.id), '[]') as lines,
           array(select c.carrier_id from permit_version_carriers c where c.version_id = v.id) as carriers,
           coalesce((select json_agg(json_build_object('code', f.waste_code, 'objectId', f.facility_object_id, 'orgId', f.facility_id, 'inn', o.inn))
                       from permit_version_facilities f join organizations o on o.id = f.facility_id where f.version_id = v.id), '[]') as facilities
      from permit_versions v join permits p on p.id = v.permit_id
     where v.permit_id = any(${ids}::uuid[])
    union all
    select p.id, p.number, p.site_id, p.status, p.version, null, p.valid_from::text, p.valid_to::text,
           coalesce((select json_agg(json_build_object('code', w.waste_code, 'volume', w.permitted_volume::text, 'mass', w.permitted_mass::text))
                       from permit_waste_types w where w.permit_id = p.id), '[]'),
           array(select c.carrier_id from permit_carriers c where c.permit_id = p.id),
           coalesce((select json_agg(json_build_object('code', w.waste_code, 'objectId', f.facility_object_id, 'orgId', f.facility_id, 'inn', o.inn))
                       from permit_waste_types w join permit_facilities f on f.permit_id = w.permit_id join organizations o on o.id = f.facility_id
                      where w.permit_id = p.id), '[]')
      from permits p
     where p.id = any(${ids}::uuid[]) and not exists (select 1 from permit_versions v where v.permit_id = p.id)`.execute(db);
  for (const row of r.rows) {
    const t: PermitTerms = {
      permitId: row.permit_id,
      number: row.number,
      siteId: row.site_id,
      status: row.status,
      version: row.version,
      inForceFrom: row.in_force_from === null ? null : new Date(row.in_force_from),
      validFrom: row.valid_from,
      validTo: row.valid_to,
      lines: new Map(row.lines.map((l) => [l.code, { volume: l.volume, mass: l.mass }])),
      carrierIds: new Set(row.carriers),
      facilities: row.facilities.map((f) => ({ wasteCode: f.code, objectId: f.objectId, organizationId: f.orgId, inn: f.inn })),
    };
    const list = out.get(t.permitId) ?? [];
    list.push(t);
    out.set(t.permitId, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.inForceFrom?.getTime() ?? -Infinity) - (b.inForceFrom?.getTime() ?? -Infinity) || a.version - b.version);
  return out;
}

/** The version in force at `at`: the last one in force from a moment not after it; null before the first. */
export function termsAt(versions: readonly PermitTerms[] | undefined, at: Date): PermitTerms | null {
  if (!versions?.length) return null;
  let found: PermitTerms | null = null;
  for (const v of versions) {
    if (v.inForceFrom === null || v.inForceFrom.getTime() <= at.getTime()) found = v;
    else break;
  }
  return found;
}
