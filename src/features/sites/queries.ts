import { sql } from 'kysely';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { siteVisible, permitVisible } from '../visibility.js';

export async function listSites(db: Db, actor: Actor, page: number, pageSize: number) {
  const base = db.selectFrom('sites as s').where(siteVisible(actor, 's'));
  const [items, total] = await Promise.all([
    base
      .innerJoin('organizations as o', 'o.id', 's.producer_id')
      .select([
        's.id',
        's.name',
        's.address',
        's.cadastral_numbers as cadastralNumbers',
        'o.id as producerId',
        'o.name as producerName',
        // Only the permits the organization may see (a carrier: those naming it).
        sql<number>`(select count(*) from permits p where p.site_id = s.id and ${permitVisible(actor, 'p')})::int`.as('permitCount'),
      ])
      .orderBy('s.name')
      .orderBy('s.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n, page, pageSize };
}

export async function getSite(db: Db, actor: Actor, id: string) {
  const site = await db
    .selectFrom('sites as s')
    .innerJoin('organizations as o', 'o.id', 's.producer_id')
    .select([
      's.id',
      's.name',
      's.address',
      's.cadastral_numbers as cadastralNumbers',
      'o.id as producerId',
      'o.name as producerName',
      'o.inn as producerInn',
      'o.ogrn as producerOgrn',
    ])
    .where('s.id', '=', id)
    .where(siteVisible(actor, 's'))
    .executeTakeFirst();
  if (!site) throw notFound('Объект образования ОСС не найден');
  const permits = await db
    .selectFrom('permits as p')
    .select(['p.id', 'p.number', 'p.valid_from as validFrom', 'p.valid_to as validTo', 'p.status'])
    .where('p.site_id', '=', id)
    .where(permitVisible(actor, 'p'))
    .orderBy('p.valid_from', 'desc')
    .execute();
  return { ...site, permits };
}
