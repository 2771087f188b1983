/**
 * Supporting files of a report (PDF or XML, judged by content with
 * `sniffDocument`, at most 50 MB, 20 per report) and the signed PDF of each
 * filed version. A file attached to the working copy joins the version it is
 * filed with and stays with it; files of a filed version never change.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { FileTooLargeError, fileStore, sniffDocument, withLocalCopy } from '../../platform/files/index.js';
import { MAX_UPLOAD_BYTES } from '../../platform/http/server.js';
import { audit } from '../../platform/audit.js';
import { loadRow, type Meta } from './reports.js';

export const MAX_REPORT_FILES = 20;

async function editableRow(ctx: AppContext, actor: Actor, id: string, trx = ctx.db) {
  const r = await loadRow(trx, actor, id);
  if (r.organization_id !== actor.organizationId) throw notFound('Отчёт не найден');
  if (r.status === 'submitted') throw new AppError('report_status', `Отчёт № ${r.number} подан: файлы добавляются к исправлению (новой версии)`);
  return r;
}

/** Streams a file into the store, judges it (PDF or XML), and records it on the report's working copy. */
export async function attachReportFile(ctx: AppContext, o: { actor: Actor; id: string; fileName: string; stream: Readable; isTruncated: () => boolean } & Meta) {
  const r = await editableRow(ctx, o.actor, o.id);
  const store = fileStore(ctx.config);
  const key = `reports/${r.id}/files/${crypto.randomUUID()}`;
  const tooLarge = () => new AppError('payload_too_large', `Файл «${o.fileName}»: размер не должен превышать 50 МБ`, [{ field: 'file', message: 'Файл: размер не должен превышать 50 МБ' }]);
  let stored;
  try {
    stored = await store.put(key, o.stream, { maxBytes: MAX_UPLOAD_BYTES });
  } catch (e) {
    if (e instanceof FileTooLargeError) throw tooLarge();
    throw e;
  }
  try {
    if (o.isTruncated()) throw tooLarge();
    const judged = await withLocalCopy(store, key, (p) => sniffDocument(p, stored.head, o.fileName, 'Файл', { xml: true }));
    if (!judged.ok) throw invalid({ field: 'file', message: judged.message });
    const type = judged.type;
    if (type !== 'pdf' && type !== 'xml') throw invalid({ field: 'file', message: `Файл «${judged.fileName}»: по содержимому это не PDF и не XML; к отчёту прикладываются только PDF или XML` });
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await loadRow(trx, o.actor, o.id, true);
      if (row.status === 'submitted') throw new AppError('report_status', `Отчёт № ${row.number} подан: файлы добавляются к исправлению (новой версии)`);
      const n = await trx.selectFrom('report_files').select((eb) => eb.fn.countAll<number>().as('n')).where('report_id', '=', r.id).where('version', 'is', null).where('removed_at', 'is', null).executeTakeFirstOrThrow();
      if (Number(n.n) >= MAX_REPORT_FILES) throw invalid({ field: 'file', message: `Файл: к отчёту можно приложить не более ${MAX_REPORT_FILES} файлов` });
      const f = await trx
        .insertInto('report_files')
        .values({ report_id: r.id, file_name: judged.fileName, file_type: type, size_bytes: stored.bytes, sha256: stored.sha256, storage_key: key, uploaded_by: o.actor.personId, uploaded_at: ctx.now() })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, { action: 'report.file_added', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'report', subjectId: r.id, ip: o.ip, userAgent: o.userAgent, details: { file: judged.fileName, sha256: stored.sha256 } });
      return { id: f.id, name: f.file_name, type: f.file_type, bytes: Number(f.size_bytes), version: f.version, uploadedAt: new Date(f.uploaded_at).toISOString() };
    });
  } catch (e) {
    await store.delete(key).catch(() => {});
    throw e;
  }
}

/** Removes a file of the working copy (a filed version's files stay). */
export async function removeReportFile(ctx: AppContext, o: { actor: Actor; id: string; fileId: string } & Meta): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const r = await loadRow(trx, o.actor, o.id, true);
    if (r.organization_id !== o.actor.organizationId) throw notFound('Отчёт не найден');
    const f = await trx.selectFrom('report_files').select(['id', 'version', 'file_name']).where('id', '=', o.fileId).where('report_id', '=', r.id).where('removed_at', 'is', null).executeTakeFirst();
    if (!f) throw notFound('Файл не найден');
    if (f.version !== null) throw new AppError('report_status', `Файл «${f.file_name}» подан с версией ${f.version} отчёта и не удаляется`);
    await trx.updateTable('report_files').set({ removed_at: ctx.now() }).where('id', '=', f.id).execute();
    await audit(trx, { action: 'report.file_removed', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'report', subjectId: r.id, ip: o.ip, userAgent: o.userAgent, details: { file: f.file_name } });
  });
}

export async function openReportFile(ctx: AppContext, actor: Actor, id: string, fileId: string) {
  const r = await loadRow(ctx.db, actor, id);
  const f = await ctx.db.selectFrom('report_files').select(['storage_key', 'file_name', 'file_type']).where('id', '=', fileId).where('report_id', '=', r.id).executeTakeFirst();
  if (!f) throw notFound('Файл не найден');
  const file = await fileStore(ctx.config).get(f.storage_key);
  if (!file) throw new AppError('unavailable', 'Файл временно недоступен: хранилище файлов не отвечает');
  return { file, name: f.file_name, type: f.file_type === 'pdf' ? 'application/pdf' : 'application/xml' };
}

/** The signed PDF of a filed version, or its signature. */
export async function openVersionFile(ctx: AppContext, actor: Actor, id: string, versionId: string, kind: 'pdf' | 'pdf.sig') {
  const r = await loadRow(ctx.db, actor, id);
  const v = await ctx.db.selectFrom('report_versions').select(['version', 'pdf_key', 'sig_key']).where('id', '=', versionId).where('report_id', '=', r.id).executeTakeFirst();
  if (!v) throw notFound('Версия отчёта не найдена');
  const key = kind === 'pdf' ? v.pdf_key : v.sig_key;
  if (!key) throw new AppError('report_status', 'PDF этой версии ещё готовится: обновите страницу через минуту');
  const file = await fileStore(ctx.config).get(key);
  if (!file) throw new AppError('unavailable', 'Файл временно недоступен: хранилище файлов не отвечает');
  const base = `Отчёт ${r.number}${v.version > 1 ? ` версия ${v.version}` : ''}`;
  return { file, name: kind === 'pdf' ? `${base}.pdf` : `${base}.pdf.sig`, type: kind === 'pdf' ? 'application/pdf' : 'application/pkcs7-signature' };
}
