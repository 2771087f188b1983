/**
 * The producer's register of sites: create, edit (optimistic version: the
 * edit names the version it was made on; a newer one on the server is a
 * conflict, never a silent overwrite), archive. Each step writes its history
 * row and audit event in the caller's transaction.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { moscowDate } from '../../domain/period.js';
import { diff, recordChange } from '../registers/changes.js';
import { checkSiteInput, type SiteFields, type SiteInput } from './site-input.js';

interface Meta {
  ip?: string | null;
  userAgent?: string | null;
}

const toRow = (f: SiteFields) => ({
  name: f.name,
  address: f.address,
  cadastral_numbers: f.cadastralNumbers,
  works_kind: f.worksKind,
  works_document_kind: f.worksDocumentKind,
  works_document_number: f.worksDocumentNumber,
  works_document_date: f.worksDocumentDate,
  planned_from: f.plannedFrom,
  planned_to: f.plannedTo,
});

/** The site's fields as stored, for the diff of an edit. */
async function currentFields(trx: Transaction<Database>, actor: Actor, id: string) {
  const row = await trx
    .selectFrom('sites')
    .select([
      'id',
      'version',
      'archived_at',
      'name',
      'address',
      'cadastral_numbers',
      'works_kind',
      'works_document_kind',
      'works_document_number',
      sql<string | null>`works_document_date::text`.as('works_document_date'),
      sql<string | null>`planned_from::text`.as('planned_from'),
      sql<string | null>`planned_to::text`.as('planned_to'),
    ])
    .where('id', '=', id)
    .where('producer_id', '=', actor.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Объект образования ОСС не найден');
  const fields: SiteFields = {
    name: row.name,
    address: row.address,
    cadastralNumbers: row.cadastral_numbers,
    worksKind: row.works_kind,
    worksDocumentKind: row.works_document_kind,
    worksDocumentNumber: row.works_document_number,
    worksDocumentDate: row.works_document_date,
    plannedFrom: row.planned_from,
    plannedTo: row.planned_to,
  };
  return { version: row.version, archived: row.archived_at !== null, fields };
}

export function versionConflict(what: string, current: number): AppError {
  return new AppError('register_version_conflict', `${what} уже изменён(а) в другом окне или другим пользователем (сейчас версия ${current}). Обновите страницу и внесите изменения снова.`, undefined, { currentVersion: current });
}

export async function createSite(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; input: SiteInput } & Meta): Promise<{ id: string; version: number }> {
  const fields = checkSiteInput(o.input, moscowDate(o.ctx.now()));
  const row = await trx
    .insertInto('sites')
    .values({ producer_id: o.actor.organizationId, ...toRow(fields), updated_at: o.ctx.now() })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await recordChange(trx, {
    entity: 'site',
    entityId: row.id,
    version: row.version,
    action: 'created',
    changes: diff({}, fields as unknown as Record<string, unknown>),
    organizationId: o.actor.organizationId,
    personId: o.actor.personId,
    ip: o.ip,
    userAgent: o.userAgent,
  });
  return row;
}

export async function editSite(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; version: number; input: SiteInput } & Meta,
): Promise<{ id: string; version: number; changed: string[] }> {
  const cur = await currentFields(trx, o.actor, o.id);
  if (cur.archived) throw new AppError('register_archived', 'Объект образования ОСС снят с учёта: изменить его нельзя');
  if (cur.version !== o.version) throw versionConflict('Объект образования ОСС', cur.version);
  // A field the request leaves out keeps its value.
  const merged: SiteInput = { ...cur.fields };
  for (const [k, v] of Object.entries(o.input)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  const fields = checkSiteInput(merged, moscowDate(o.ctx.now()));
  const changes = diff(cur.fields as unknown as Record<string, unknown>, fields as unknown as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return { id: o.id, version: cur.version, changed: [] };
  const version = cur.version + 1;
  await trx.updateTable('sites').set({ ...toRow(fields), version, updated_at: o.ctx.now() }).where('id', '=', o.id).execute();
  await recordChange(trx, { entity: 'site', entityId: o.id, version, action: 'updated', changes, organizationId: o.actor.organizationId, personId: o.actor.personId, ip: o.ip, userAgent: o.userAgent });
  return { id: o.id, version, changed: Object.keys(changes) };
}

/**
 * Archiving (снятие с учёта): refused while a permit of the site is in force
 * today or an application for it is under way — those need the site.
 */
export async function archiveSite(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; version: number; reason: string | null } & Meta,
): Promise<{ id: string; version: number }> {
  const cur = await currentFields(trx, o.actor, o.id);
  if (cur.archived) throw new AppError('register_archived', 'Объект образования ОСС уже снят с учёта');
  if (cur.version !== o.version) throw versionConflict('Объект образования ОСС', cur.version);
  const today = moscowDate(o.ctx.now());
  const inForce = await trx
    .selectFrom('permits')
    .select('number')
    .where('site_id', '=', o.id)
    .where('status', '=', 'active')
    .where('valid_to', '>=', today)
    .orderBy('number')
    .execute();
  if (inForce.length) {
    throw new AppError(
      'register_in_use',
      `Объект нельзя снять с учёта: по нему действует ${inForce.length === 1 ? 'разрешение' : 'разрешения'} ${inForce.map((p) => p.number).join(', ')}`,
    );
  }
  const open = await sql<{ number: string }>`select number from permit_applications
     where site_id = ${o.id} and status in ('draft', 'submitted', 'needs_info') order by number`.execute(trx);
  if (open.rows.length) {
    throw new AppError('register_in_use', `Объект нельзя снять с учёта: по нему есть незавершённые заявления ${open.rows.map((a) => a.number).join(', ')}`);
  }
  const version = cur.version + 1;
  await trx.updateTable('sites').set({ archived_at: o.ctx.now(), version, updated_at: o.ctx.now() }).where('id', '=', o.id).execute();
  await recordChange(trx, { entity: 'site', entityId: o.id, version, action: 'archived', reason: o.reason, organizationId: o.actor.organizationId, personId: o.actor.personId, ip: o.ip, userAgent: o.userAgent });
  return { id: o.id, version };
}
