/** A demo organization: its specification and the one way it is written (the demo seed and the features' demo steps). */
import type { Transaction } from 'kysely';
import type { Database, OrgRole } from '../../platform/db/schema.js';
import { makeValidInnLegal, makeValidOgrn } from '../../domain/identifiers.js';

export interface DemoOrgSpec {
  key: string;
  name: string;
  shortName: string;
  address: string;
  /** Makes its ИНН, ОГРН, КПП and phone: unique among demo organizations. */
  seed: number;
}

/** Inserts a legal-entity organization with valid identifiers made from its seed; returns its id. */
export async function insertDemoOrganization(trx: Transaction<Database>, o: DemoOrgSpec, roles: OrgRole[]): Promise<string> {
  const row = await trx
    .insertInto('organizations')
    .values({
      kind: 'legal',
      inn: makeValidInnLegal(o.seed),
      ogrn: makeValidOgrn(o.seed),
      kpp: `7701${String(o.seed % 100).padStart(2, '0')}001`,
      name: o.name,
      short_name: o.shortName,
      address: o.address,
      email: `info@${o.key}.ossig.test`,
      phone: `+7495${String(1000000 + o.seed * 7).slice(-7)}`,
      roles,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
