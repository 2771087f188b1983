/**
 * Files of an application: the attachments (технологический регламент,
 * договоры with the carrier and the facility, other documents) and the files
 * of messages. Each is streamed into the file store (atomic; SHA-256 and
 * size on the way), judged by its content (PDF, RTF, DOC, DOCX, XLS, XLSX,
 * JPEG/JPG, TIFF; at most 50 MB) and only then recorded; a refused or
 * unrecorded file is removed from the store.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { CONTENT_TYPES, fileStore, storeJudgedDocument, type StoredDocument } from '../../platform/files/index.js';
import { MAX_UPLOAD_BYTES } from '../../platform/http/server.js';
import { STATUS_LABELS, isEditable } from './state-machine.js';
import { entryBy, record } from './history.js';
import { findApplication, loadFiles, type ApplicationRow, type FileView } from './load.js';
import { ATTACHMENT_KINDS } from './reasons.js';
import type { Meta } from './draft.js';

export const MAX_ATTACHMENTS = 50;
export const MAX_FILE_BYTES = MAX_UPLOAD_BYTES;

export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

export type { StoredDocument };

/** Cleans a file name from a browser: no path, no control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'документ').slice(-255);
}

/** A file received by `receiveUpload` (a temporary file, removed after): copied into the store and judged. */
export async function adoptDocument(ctx: AppContext, o: { applicationId: string; file: { path: string; fileName: string } }): Promise<StoredDocument> {
  return storeDocument(ctx, { applicationId: o.applicationId, fileName: o.file.fileName, stream: fs.createReadStream(o.file.path), isTruncated: () => false });
}

/** Streams one file into the store and judges it; throws (having removed it) when it is refused. */
export async function storeDocument(
  ctx: AppContext,
  o: { applicationId: string; fileName: string; stream: Readable; isTruncated: () => boolean; label?: string },
): Promise<StoredDocument> {
  return storeJudgedDocument(ctx.config, { key: `applications/${o.applicationId}/${crypto.randomUUID()}`, fileName: o.fileName, stream: o.stream, isTruncated: o.isTruncated, maxBytes: MAX_FILE_BYTES, label: o.label });
}

export async function discardStored(ctx: AppContext, docs: readonly StoredDocument[]): Promise<void> {
  const store = fileStore(ctx.config);
  for (const d of docs) await store.delete(d.key).catch(() => {});
}

/** The application the applicant may attach files to now (own, editable); 404 / 409 otherwise. */
export async function attachableApplication(ctx: AppContext, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await findApplication(ctx.db, actor, id);
  if (row.organization_id !== actor.organizationId) throw notFound('Заявление не найдено');
  if (!isEditable(row.status)) throw new AppError('application_status', `Заявление № ${row.number} в статусе «${STATUS_LABELS[row.status]}»: файлы не меняются`);
  return row;
}

export function checkAttachmentKind(kind: string | undefined): AttachmentKind {
  if (!kind || !(kind in ATTACHMENT_KINDS)) {
    throw invalid({ field: 'kind', message: `Вид: укажите вид документа — ${Object.entries(ATTACHMENT_KINDS).map(([k, v]) => `${k} (${v})`).join(', ')}` });
  }
  return kind as AttachmentKind;
}

/** Records a stored attachment (in its own transaction, re-checking the application under a lock). */
export async function addAttachment(ctx: AppContext, o: { actor: Actor; id: string; kind: AttachmentKind; doc: StoredDocument } & Meta): Promise<FileView> {
  const { actor, doc } = o;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await findApplication(trx, actor, o.id, { forUpdate: true });
      if (row.organization_id !== actor.organizationId) throw notFound('Заявление не найдено');
      if (!isEditable(row.status)) throw new AppError('application_status', `Заявление № ${row.number} в статусе «${STATUS_LABELS[row.status]}»: файлы не меняются`);
      const count = await trx
        .selectFrom('permit_application_files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('application_id', '=', row.id)
        .where('removed_at', 'is', null)
        .where('kind', '<>', 'message')
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_ATTACHMENTS) throw invalid({ field: 'file', message: `Файл: к заявлению можно приложить не более ${MAX_ATTACHMENTS} файлов` });
      const now = ctx.now();
      const f = await trx
        .insertInto('permit_application_files')
        .values({
          application_id: row.id,
          kind: o.kind,
          file_name: doc.fileName,
          file_type: doc.type,
          size_bytes: doc.bytes,
          sha256: doc.sha256,
          storage_key: doc.key,
          uploaded_by: actor.personId,
          uploaded_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('permit_applications').set({ updated_at: now }).where('id', '=', row.id).execute();
      await record(trx, {
        ...entryBy(row, actor, now, o),
        action: 'file_added',
        changes: { file: [null, `${ATTACHMENT_KINDS[o.kind]}: ${doc.fileName}`] },
        comment: `SHA-256 ${doc.sha256}`,
      });
      return (await loadFiles(trx, row.id)).find((x) => x.id === f.id)!;
    });
  } catch (e) {
    await discardStored(ctx, [doc]);
    throw e;
  }
}

/** Removes an attachment from the application (the file stays in the store for the history). */
export async function removeAttachment(ctx: AppContext, o: { actor: Actor; id: string; fileId: string } & Meta): Promise<void> {
  const { actor } = o;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findApplication(trx, actor, o.id, { forUpdate: true });
    if (row.organization_id !== actor.organizationId) throw notFound('Заявление не найдено');
    const f = await trx
      .selectFrom('permit_application_files')
      .select(['id', 'kind', 'file_name'])
      .where('id', '=', o.fileId)
      .where('application_id', '=', row.id)
      .where('removed_at', 'is', null)
      .where('kind', '<>', 'message')
      .executeTakeFirst();
    if (!f) throw notFound('Файл не найден');
    if (!isEditable(row.status)) throw new AppError('application_status', `Заявление № ${row.number} в статусе «${STATUS_LABELS[row.status]}»: файлы не меняются`);
    const now = ctx.now();
    await trx.updateTable('permit_application_files').set({ removed_at: now, removed_by: actor.personId }).where('id', '=', f.id).execute();
    await trx.updateTable('permit_applications').set({ updated_at: now }).where('id', '=', row.id).execute();
    await record(trx, {
      ...entryBy(row, actor, now, o),
      action: 'file_removed',
      changes: { file: [`${ATTACHMENT_KINDS[f.kind as AttachmentKind] ?? f.kind}: ${f.file_name}`, null] },
    });
  });
}

/** A file of an application the actor sees (attachment or a message's file), to send. */
export async function openApplicationFile(ctx: AppContext, actor: Actor, id: string, fileId: string) {
  const row = await findApplication(ctx.db, actor, id);
  const f = await ctx.db
    .selectFrom('permit_application_files')
    .select(['storage_key', 'file_name', 'file_type', 'size_bytes'])
    .where('id', '=', fileId)
    .where('application_id', '=', row.id)
    .executeTakeFirst();
  if (!f) throw notFound('Файл не найден');
  const file = await fileStore(ctx.config).get(f.storage_key);
  if (!file) throw new AppError('unavailable', 'Файл временно недоступен: хранилище файлов не отвечает');
  return { file, name: f.file_name, type: CONTENT_TYPES[f.file_type] ?? 'application/octet-stream' };
}
