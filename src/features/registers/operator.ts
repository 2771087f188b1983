/**
 * The operator's registers: every organization and site (keyset pages by
 * name, search), an organization's card with its history, and the
 * suspension and restoration of an organization's access with a reason
 * (1386-ПП п. 7.2). A suspended organization keeps reading its data and sees
 * why; acting for it is refused (platform/http/auth.ts), its facilities take
 * no new trips, applications and permits naming it are flagged.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database, OrgRole } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { registerHistory } from './changes.js';
import { checkStatusChanges, recordStatusChange, requiredReason } from './access-status.js';
import { decodeCursor, keysetPageOf } from './input.js';

const clean = (q: string | undefined) => q?.trim().replace(/[%_\\]/g, '') ?? '';

/** An organization's columns in the operator's register list and card. */
const ORGANIZATION_COLUMNS = [
  'o.id',
  'o.name',
  'o.short_name as shortName',
  'o.inn',
  'o.ogrn',
  'o.kind',
  'o.roles',
  'o.status',
  'o.status_reason as statusReason',
  sql<string | null>`to_json(o.status_changed_at)#>>'{}'`.as('statusChangedAt'),
] as const;

export async function listOrganizations(db: Db, o: { q?: string; after?: string; limit?: number; role?: OrgRole; status?: 'active' | 'suspended' }) {
  const limit = o.limit ?? 50;
  const cursor = decodeCursor(o.after);
  let q = db
    .selectFrom('organizations as o')
    .select(ORGANIZATION_COLUMNS)
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(limit + 1);
  if (o.role) q = q.where(sql<boolean>`${o.role} = any(o.roles)`);
  if (o.status) q = q.where('o.status', '=', o.status);
  if (cursor) q = q.where((eb) => eb.or([eb('o.name', '>', cursor.key), eb.and([eb('o.name', '=', cursor.key), eb('o.id', '>', cursor.id)])]));
  const term = clean(o.q);
  if (term) q = q.where((eb) => eb.or([eb('o.name', 'ilike', `%${term}%`), eb('o.short_name', 'ilike', `%${term}%`), eb('o.inn', '=', term), eb('o.ogrn', '=', term)]));
  const rows = await q.execute();
  return keysetPageOf(rows, limit, (r) => r.name);
}

export async function getOrganizationCard(db: Db, actor: Actor, id: string) {
  const o = await db
    .selectFrom('organizations as o')
    .select(ORGANIZATION_COLUMNS)
    .select([
      'o.kpp',
      'o.address',
      'o.email',
      'o.phone',
      'o.register_version as version',
      sql<string>`to_json(o.created_at)#>>'{}'`.as('createdAt'),
      sql<number>`(select count(*) from sites s where s.producer_id = o.id and s.archived_at is null)::int`.as('sites'),
      sql<number>`(select count(*) from vehicles v where v.carrier_id = o.id and v.archived_at is null)::int`.as('vehicles'),
      sql<number>`(select count(*) from facilities f where f.organization_id = o.id and f.archived_at is null)::int`.as('facilities'),
      sql<number>`(select count(*) from memberships m where m.organization_id = o.id and m.revoked_at is null)::int`.as('members'),
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!o) throw notFound('Организация не найдена');
  const canSuspend = actor.rights.has('submit') && !o.roles.includes('operator');
  return { ...o, canSuspend };
}

export async function organizationHistory(db: Db, id: string) {
  if (!(await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('Организация не найдена');
  return registerHistory(db, 'organization', id);
}

export async function setOrganizationStatus(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; status: 'active' | 'suspended'; reason: string; ip?: string | null; userAgent?: string | null },
): Promise<{ id: string; version: number; status: 'active' | 'suspended' }> {
  const reason = requiredReason(o.reason);
  const cur = await trx.selectFrom('organizations').select(['id', 'name', 'short_name', 'roles', 'status', 'register_version']).where('id', '=', o.id).forUpdate().executeTakeFirst();
  if (!cur) throw notFound('Организация не найдена');
  const name = cur.short_name ?? cur.name;
  if (cur.roles.includes('operator')) throw new AppError('register_status', `Доступ оператора «${name}» не приостанавливается`);
  checkStatusChanges(`Доступ организации «${name}»`, cur.status, o.status);
  const version = cur.register_version + 1;
  const now = o.ctx.now();
  await trx.updateTable('organizations').set({ status: o.status, status_reason: reason, status_changed_at: now, register_version: version }).where('id', '=', o.id).execute();
  await recordStatusChange(trx, {
    ctx: o.ctx,
    actor: o.actor,
    ip: o.ip,
    userAgent: o.userAgent,
    entity: 'organization',
    entityId: o.id,
    version,
    from: cur.status,
    to: o.status,
    reason,
    details: { organizationId: o.id },
    notice: {
      organizationId: o.id,
      title: o.status === 'suspended' ? 'Доступ организации приостановлен оператором' : 'Доступ организации восстановлен',
      body:
        o.status === 'suspended'
          ? `Оператор приостановил доступ организации «${name}» (1386-ПП п. 7.2). Причина: ${reason}. До восстановления доступа сведения можно просматривать, но действовать от имени организации нельзя.`
          : `Оператор восстановил доступ организации «${name}». Причина: ${reason}.`,
      link: '/',
    },
  });
  return { id: o.id, version, status: o.status };
}

/** Every producer's sites, for the operator (keyset pages by name). */
export async function listAllSites(db: Db, o: { q?: string; after?: string; limit?: number; archived?: boolean }) {
  const limit = o.limit ?? 50;
  const cursor = decodeCursor(o.after);
  let q = db
    .selectFrom('sites as s')
    .innerJoin('organizations as p', 'p.id', 's.producer_id')
    .select([
      's.id',
      's.name',
      's.address',
      's.cadastral_numbers as cadastralNumbers',
      's.works_kind as worksKind',
      sql<boolean>`s.archived_at is not null`.as('archived'),
      'p.id as producerId',
      sql<string>`coalesce(p.short_name, p.name)`.as('producerName'),
      'p.inn as producerInn',
      sql<boolean>`p.status = 'suspended'`.as('producerSuspended'),
    ])
    .where('s.archived_at', o.archived ? 'is not' : 'is', null)
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(limit + 1);
  if (cursor) q = q.where((eb) => eb.or([eb('s.name', '>', cursor.key), eb.and([eb('s.name', '=', cursor.key), eb('s.id', '>', cursor.id)])]));
  const term = clean(o.q);
  if (term) {
    q = q.where((eb) =>
      eb.or([eb('s.name', 'ilike', `%${term}%`), eb('s.address', 'ilike', `%${term}%`), eb(sql<string>`array_to_string(s.cadastral_numbers, ' ')`, 'like', `%${term}%`), eb('p.name', 'ilike', `%${term}%`), eb('p.inn', '=', term)]),
    );
  }
  const rows = await q.execute();
  return keysetPageOf(rows, limit, (r) => r.name);
}
