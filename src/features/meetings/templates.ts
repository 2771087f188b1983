/** «Шаблоны сообщений»: the organization's message texts for notices (placeholders such as {адрес}, {дата}). */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';

export async function listTemplates(db: Db, actor: Actor) {
  return db.selectFrom('meeting_templates').selectAll().where('organization_id', '=', actor.organizationId).orderBy('name').execute();
}

export async function saveTemplate(trx: Transaction<Database>, actor: Actor, id: string | null, input: { name: string; body: string }) {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Название шаблона: обязательное поле' });
  if (!input.body.trim()) errors.push({ field: 'body', message: 'Текст сообщения: обязательное поле' });
  if (errors.length) throw invalid(errors);
  const dup = (e: { code?: string }) => {
    if (e.code === '23505') throw invalid({ field: 'name', message: 'Название шаблона: шаблон с таким названием уже есть' });
    throw e;
  };
  const row = id
    ? await trx
        .updateTable('meeting_templates')
        .set({ name, body: input.body, updated_at: new Date() })
        .where('id', '=', id)
        .where('organization_id', '=', actor.organizationId)
        .returningAll()
        .executeTakeFirst()
        .catch(dup)
    : await trx.insertInto('meeting_templates').values({ organization_id: actor.organizationId, name, body: input.body }).returningAll().executeTakeFirst().catch(dup);
  if (!row) throw notFound('Шаблон не найден');
  await audit(trx, { action: 'meetings.template.save', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting_template', subjectId: row.id });
  return row;
}

export async function deleteTemplate(trx: Transaction<Database>, actor: Actor, id: string) {
  const r = await trx.deleteFrom('meeting_templates').where('id', '=', id).where('organization_id', '=', actor.organizationId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound('Шаблон не найден');
  await audit(trx, { action: 'meetings.template.delete', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting_template', subjectId: id });
}

/** What a template's placeholders stand for: the meeting's notice as it is when the notice is made. */
export interface TemplateValues {
  address: string;
  startsAt: Date | null;
  place: string;
  initiators: string;
  items: readonly { position: number; title: string }[];
}

/**
 * A template's text with its placeholders filled: {адрес}, {дата} (дд.мм.гггг), {время} (чч:мм, МСК), {место},
 * {инициаторы}, {повестка} (the items, one a line). An unknown {…} is left as written.
 */
export function fillTemplate(body: string, v: TemplateValues): string {
  const values: Record<string, string> = {
    адрес: v.address,
    дата: v.startsAt ? formatMoscowDate(v.startsAt) : '—',
    время: v.startsAt ? formatMoscowDateTime(v.startsAt).slice(-5) : '—',
    место: v.place || '—',
    инициаторы: v.initiators || '—',
    повестка: v.items.map((i) => `${i.position}. ${i.title}`).join('\n'),
  };
  return body.replace(/\{([а-яё]+)\}/giu, (all, name: string) => values[name.toLowerCase()] ?? all);
}

/** The organization's template, or a field error naming «Шаблон». */
export async function templateOf(q: Transaction<Database>, actor: Actor, id: string) {
  const t = await q.selectFrom('meeting_templates').select(['name', 'body']).where('id', '=', id).where('organization_id', '=', actor.organizationId).executeTakeFirst();
  if (!t) throw invalid({ field: 'templateId', message: 'Шаблон сообщения: такого шаблона у организации нет' });
  return t;
}
