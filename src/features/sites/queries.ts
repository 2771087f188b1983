import { sql } from 'kysely';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { siteVisible, permitVisible } from '../visibility.js';
import { registerHistory } from '../registers/changes.js';
import { COUNT_CAP, cappedTotal, decodeKey, keysetPage } from '../../platform/db/keyset.js';

/** A site's columns in the register list and the card. */
const SITE_COLUMNS = [
  's.id',
  's.name',
  's.address',
  's.cadastral_numbers as cadastralNumbers',
  's.works_kind as worksKind',
  sql<string | null>`s.planned_from::text`.as('plannedFrom'),
  sql<string | null>`s.planned_to::text`.as('plannedTo'),
] as const;

/**
 * The sites list, by keyset on (name, id) — a producer's through sites_producer_name_idx
 * (producer_id, name, id), the operator's through sites_name_idx; the total counted up to 1001.
 */
export function siteListQueries(db: Db, actor: Actor, o: { after?: string; pageSize: number; archived?: boolean; q?: string }) {
  const key = decodeKey(o.after, ['text', 'uuid']);
  let base = db.selectFrom('sites as s').where(siteVisible(actor, 's')).where('s.archived_at', o.archived ? 'is not' : 'is', null);
  const q = o.q?.trim().replace(/[%_\\]/g, '');
  if (q) base = base.where((eb) => eb.or([eb('s.name', 'ilike', `%${q}%`), eb('s.address', 'ilike', `%${q}%`), eb(sql<string>`array_to_string(s.cadastral_numbers, ' ')`, 'like', `%${q}%`)]));
  let items = base
    .innerJoin('organizations as o', 'o.id', 's.producer_id')
    .select(SITE_COLUMNS)
    .select([
      sql<boolean>`s.archived_at is not null`.as('archived'),
      'o.id as producerId',
      'o.name as producerName',
      // Only the permits the organization may see (a carrier: those naming it).
      sql<number>`(select count(*) from permits p where p.site_id = s.id and ${permitVisible(actor, 'p')})::int`.as('permitCount'),
    ])
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(o.pageSize + 1);
  if (key) items = items.where(sql<boolean>`(s.name, s.id) > (${key[0]}, ${key[1]}::uuid)`);
  const count = db.selectFrom(base.select('s.id').limit(COUNT_CAP + 1).as('capped')).select(sql<number>`count(*)::int`.as('n'));
  return { items, count };
}

export async function listSites(db: Db, actor: Actor, o: { after?: string; pageSize: number; archived?: boolean; q?: string }) {
  const { items, count } = siteListQueries(db, actor, o);
  const [rows, total] = await Promise.all([items.execute(), count.executeTakeFirstOrThrow()]);
  return { ...keysetPage(rows, o.pageSize, (r) => [r.name, r.id]), total: cappedTotal(total.n) };
}

/**
 * The site card's queries, as the route runs them (test/explain.test.ts explains them):
 * the site by sites_pkey (organizations_pkey for its producer), its permits by permits_site_idx.
 * No trips are read: the card's figures come from the permit pages' totals.
 */
export function siteCardQueries(db: Db, actor: Actor, id: string) {
  const site = db
    .selectFrom('sites as s')
    .innerJoin('organizations as o', 'o.id', 's.producer_id')
    .select(SITE_COLUMNS)
    .select([
      's.works_document_kind as worksDocumentKind',
      's.works_document_number as worksDocumentNumber',
      sql<string | null>`s.works_document_date::text`.as('worksDocumentDate'),
      's.version',
      sql<string>`to_json(s.created_at)#>>'{}'`.as('createdAt'),
      sql<string>`to_json(s.updated_at)#>>'{}'`.as('updatedAt'),
      sql<string | null>`to_json(s.archived_at)#>>'{}'`.as('archivedAt'),
      'o.id as producerId',
      'o.name as producerName',
      'o.inn as producerInn',
      'o.ogrn as producerOgrn',
    ])
    .where('s.id', '=', id)
    .where(siteVisible(actor, 's'));
  const permits = db
    .selectFrom('permits as p')
    .select(['p.id', 'p.number', 'p.valid_from as validFrom', 'p.valid_to as validTo', 'p.status'])
    .where('p.site_id', '=', id)
    .where(permitVisible(actor, 'p'))
    .orderBy('p.valid_from', 'desc');
  return { site, permits };
}

export async function getSite(db: Db, actor: Actor, id: string) {
  const q = siteCardQueries(db, actor, id);
  const site = await q.site.executeTakeFirst();
  if (!site) throw notFound('Объект образования ОСС не найден');
  const permits = await q.permits.execute();
  // The producer's head, employees and trusted persons with full access keep the register.
  const editable = site.producerId === actor.organizationId && actor.rights.has('submit') && site.archivedAt === null;
  return { ...site, editable, permits };
}

/** The site's history, newest first; another organization's site is «not found». */
export async function siteHistory(db: Db, actor: Actor, id: string) {
  // Who changed what names the producer's people: its own history, and the operator's.
  let q = db.selectFrom('sites as s').select('s.id').where('s.id', '=', id);
  if (!actor.orgRoles.includes('operator')) q = q.where('s.producer_id', '=', actor.organizationId);
  const site = await q.executeTakeFirst();
  if (!site) throw notFound('Объект образования ОСС не найден');
  return registerHistory(db, 'site', id);
}
