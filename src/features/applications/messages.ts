/**
 * The thread of an application: the applicant and the operator's specialists
 * write to each other (text and files) about the case. Each person's unread
 * count is what others wrote after the last message that person read. A new
 * message is told to the other side in the cabinet and by e-mail.
 */
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { findApplication, isOperatorActor, type ApplicationRow } from './load.js';
import { discardStored, type StoredDocument } from './attachments.js';
import { tellApplicant, tellOperator } from './notices.js';
import type { Meta } from './draft.js';

export const MAX_MESSAGE_LENGTH = 10_000;
export const MAX_MESSAGE_FILES = 5;

const iso = (d: Date | string) => new Date(d).toISOString();

/** The application whose thread the actor may write to: visible, and submitted at least once (a draft has no reader yet). */
export async function threadFor(ctx: AppContext, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await findApplication(ctx.db, actor, id);
  if (!row.first_submitted_at) {
    throw new AppError('application_status', `Заявление № ${row.number} ещё не подано: переписка со специалистами открывается после подачи`);
  }
  return row;
}

export function checkMessageText(text: unknown, files: number): string {
  const t = typeof text === 'string' ? text.trim() : '';
  if (!t && files === 0) throw invalid({ field: 'text', message: 'Текст сообщения: напишите сообщение или приложите файл' });
  if (t.length > MAX_MESSAGE_LENGTH) throw invalid({ field: 'text', message: `Текст сообщения: не длиннее ${MAX_MESSAGE_LENGTH} символов` });
  return t || 'Файлы во вложении';
}

export async function postMessage(ctx: AppContext, o: { actor: Actor; id: string; text: string; files: StoredDocument[] } & Meta) {
  const { actor } = o;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await findApplication(trx, actor, o.id, { forUpdate: true });
      const side = isOperatorActor(actor) ? 'operator' : 'applicant';
      const now = ctx.now();
      const m = await trx
        .insertInto('permit_application_messages')
        .values({ application_id: row.id, author_id: actor.personId, side, body: o.text, created_at: now })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
      for (const f of o.files) {
        await trx
          .insertInto('permit_application_files')
          .values({
            application_id: row.id,
            message_id: m.id,
            kind: 'message',
            file_name: f.fileName,
            file_type: f.type,
            size_bytes: f.bytes,
            sha256: f.sha256,
            storage_key: f.key,
            uploaded_by: actor.personId,
            uploaded_at: now,
          })
          .execute();
      }
      // The author has read the thread up to this message.
      await trx
        .insertInto('permit_application_reads')
        .values({ application_id: row.id, person_id: actor.personId, last_read_id: m.id })
        .onConflict((oc) => oc.columns(['application_id', 'person_id']).doUpdateSet({ last_read_id: m.id }))
        .execute();
      await audit(trx, {
        action: 'application.message',
        personId: actor.personId,
        organizationId: actor.organizationId,
        subjectType: 'permit_application',
        subjectId: row.id,
        ip: o.ip ?? null,
        userAgent: o.userAgent ?? null,
        details: { number: row.number, messageId: Number(m.id), side, files: o.files.map((f) => ({ name: f.fileName, sha256: f.sha256 })) },
      });
      const preview = o.text.length > 300 ? `${o.text.slice(0, 300)}…` : o.text;
      if (side === 'applicant') {
        await tellOperator(trx, ctx, row, { title: `Новое сообщение по заявлению № ${row.number}`, body: `${actor.organizationName}: ${preview}`, email: 'application.message' });
      } else {
        await tellApplicant(trx, ctx, row, { title: `Новое сообщение по заявлению № ${row.number}`, body: `Информационный оператор: ${preview}`, email: 'application.message' });
      }
      return { id: Number(m.id), createdAt: iso(m.created_at) };
    });
  } catch (e) {
    await discardStored(ctx, o.files);
    throw e;
  }
}

export async function listMessages(ctx: AppContext, actor: Actor, id: string) {
  const row = await findApplication(ctx.db, actor, id);
  const [messages, files, read] = await Promise.all([
    ctx.db
      .selectFrom('permit_application_messages as m')
      .innerJoin('persons as p', 'p.id', 'm.author_id')
      .select(['m.id', 'm.side', 'm.body', 'm.created_at', 'm.author_id', 'p.full_name'])
      .where('m.application_id', '=', row.id)
      .orderBy('m.id')
      .limit(2000)
      .execute(),
    ctx.db
      .selectFrom('permit_application_files')
      .select(['id', 'message_id', 'file_name', 'file_type', 'size_bytes'])
      .where('application_id', '=', row.id)
      .where('kind', '=', 'message')
      .execute(),
    ctx.db.selectFrom('permit_application_reads').select('last_read_id').where('application_id', '=', row.id).where('person_id', '=', actor.personId).executeTakeFirst(),
  ]);
  const lastRead = Number(read?.last_read_id ?? 0);
  const items = messages.map((m) => ({
    id: Number(m.id),
    side: m.side,
    author: m.full_name,
    mine: m.author_id === actor.personId,
    text: m.body,
    createdAt: iso(m.created_at),
    unread: m.author_id !== actor.personId && Number(m.id) > lastRead,
    files: files
      .filter((f) => Number(f.message_id) === Number(m.id))
      .map((f) => ({ id: f.id, fileName: f.file_name, fileType: f.file_type, sizeBytes: Number(f.size_bytes), url: `/api/applications/${row.id}/files/${f.id}` })),
  }));
  return { items, unread: items.filter((m) => m.unread).length, lastReadId: lastRead };
}

/** Marks the thread read up to a message (default: the newest). Never moves back. */
export async function markThreadRead(ctx: AppContext, actor: Actor, id: string, upToId?: number): Promise<{ lastReadId: number }> {
  const row = await findApplication(ctx.db, actor, id);
  const newest = await ctx.db
    .selectFrom('permit_application_messages')
    .select((eb) => eb.fn.max('id').as('max'))
    .where('application_id', '=', row.id)
    .executeTakeFirst();
  const max = Number(newest?.max ?? 0);
  const target = Math.min(upToId ?? max, max);
  const r = await ctx.db
    .insertInto('permit_application_reads')
    .values({ application_id: row.id, person_id: actor.personId, last_read_id: target })
    .onConflict((oc) =>
      oc.columns(['application_id', 'person_id']).doUpdateSet((eb) => ({
        last_read_id: eb.fn('greatest', [eb.ref('permit_application_reads.last_read_id'), eb.ref('excluded.last_read_id')]),
      })),
    )
    .returning('last_read_id')
    .executeTakeFirstOrThrow();
  return { lastReadId: Number(r.last_read_id) };
}
