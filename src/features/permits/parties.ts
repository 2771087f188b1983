/**
 * Who a permit version names, as of its issue: the operator, the holder, the
 * site, the carriers and the receiving facilities. Snapshotted into the
 * registry record when the version is issued (the document prints these,
 * whatever the organizations change later).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { organizationDetails, type OrganizationDetails } from '../organizations/details.js';

export interface PermitParties {
  issuer: { name: string; inn: string | null; ogrn: string | null } | null;
  holder: OrganizationDetails;
  site: { name: string; address: string; cadastralNumbers: string[] };
  carriers: OrganizationDetails[];
  facilities: { number: string; name: string; address: string; organization: string; inn: string }[];
}

/** The parties of a permit from its present terms (call in the transaction that wrote them). */
export async function permitParties(trx: Transaction<Database>, permitId: string): Promise<PermitParties> {
  const p = await trx.selectFrom('permits').select(['producer_id', 'site_id']).where('id', '=', permitId).executeTakeFirstOrThrow();
  const [operator, site, carriers, facilities] = await Promise.all([
    trx.selectFrom('organizations').select('id').where(sql<boolean>`'operator' = any(roles)`).orderBy('created_at').limit(1).executeTakeFirst(),
    trx.selectFrom('sites').select(['name', 'address', 'cadastral_numbers']).where('id', '=', p.site_id).executeTakeFirstOrThrow(),
    trx.selectFrom('permit_carriers').select('carrier_id').where('permit_id', '=', permitId).execute(),
    trx
      .selectFrom('permit_facilities as pf')
      .innerJoin('facilities as f', 'f.id', 'pf.facility_object_id')
      .innerJoin('organizations as o', 'o.id', 'pf.facility_id')
      .select(['f.number', 'f.name', 'f.address', sql<string>`coalesce(o.short_name, o.name)`.as('organization'), 'o.inn'])
      .where('pf.permit_id', '=', permitId)
      .orderBy('f.number')
      .execute(),
  ]);
  const details = await organizationDetails(trx, [p.producer_id, ...(operator ? [operator.id] : []), ...carriers.map((c) => c.carrier_id)]);
  const op = operator ? details.get(operator.id) : undefined;
  return {
    issuer: op ? { name: op.name, inn: op.inn, ogrn: op.ogrn } : null,
    holder: details.get(p.producer_id)!,
    site: { name: site.name, address: site.address, cadastralNumbers: site.cadastral_numbers },
    carriers: carriers.map((c) => details.get(c.carrier_id)!).sort((a, b) => (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name, 'ru')),
    facilities,
  };
}
