/**
 * The organization's own signed scan of the protocol (seed 001, stage 6 «Загрузка файла
 * протокола»): one file per meeting, PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG/JPG or TIFF judged by
 * its content, at most 50 MB; kept with the meeting and sent to ГИС ЖКХ with the protocol
 * (gis.ts puts it in the request's files). Attached or removed once the protocol is made and
 * until it is sent to ГИС ЖКХ; a new scan replaces the old one (its file removed after commit).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { CONTENT_TYPES, fileStore, storeJudgedDocument } from '../../platform/files/index.js';
import { MAX_UPLOAD_BYTES } from '../../platform/http/server.js';
import { assertReached, inTransaction, meetingOf, type MeetingRow } from './guard.js';

function assertScanChangeable(m: MeetingRow): void {
  assertReached(m, 'gis');
  if (m.protocol_status !== 'ready') throw new AppError('meeting_stage', 'Сначала сформируйте протокол (этап 5): скан — это подписанный протокол');
  if (m.gis_status === 'sending') throw new AppError('meeting_stage', 'Протокол в процессе загрузки в ГИС ЖКХ: файл протокола сейчас не меняется');
  if (m.gis_status === 'loaded') throw new AppError('meeting_stage', 'Протокол загружен в ГИС ЖКХ: файл протокола уже не меняется');
}

/** Stores, judges and records the scan (replacing the one before). */
export async function attachScan(ctx: AppContext, actor: Actor, id: string, file: { path: string; fileName: string }): Promise<void> {
  assertScanChangeable(await meetingOf(ctx.db, actor, id));
  const doc = await storeJudgedDocument(ctx.config, {
    key: `meetings/${id}/scan-${crypto.randomUUID()}`,
    fileName: file.fileName,
    stream: fs.createReadStream(file.path),
    isTruncated: () => false,
    maxBytes: MAX_UPLOAD_BYTES,
    label: 'Файл протокола',
  });
  const store = fileStore(ctx.config);
  let old: string | null;
  try {
    old = await inTransaction(ctx.db, async (trx) => {
      const m = await meetingOf(trx, actor, id, true);
      assertScanChangeable(m);
      await trx.updateTable('meetings').set({ scan_key: doc.key, scan_name: doc.fileName, scan_type: doc.type, scan_bytes: doc.bytes, scan_sha256: doc.sha256 }).where('id', '=', m.id).execute();
      await audit(trx, { action: 'meetings.scan.attach', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: m.id, details: { fileName: doc.fileName, type: doc.type, bytes: doc.bytes } });
      return m.scan_key;
    });
  } catch (e) {
    await store.delete(doc.key).catch(() => {});
    throw e;
  }
  if (old) await store.delete(old).catch(() => {});
}

/** «Удалить файл». */
export async function removeScan(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const old = await inTransaction(ctx.db, async (trx) => {
    const m = await meetingOf(trx, actor, id, true);
    if (!m.scan_key) return null;
    assertScanChangeable(m);
    await trx.updateTable('meetings').set({ scan_key: null, scan_name: null, scan_type: null, scan_bytes: null, scan_sha256: null }).where('id', '=', m.id).execute();
    await audit(trx, { action: 'meetings.scan.remove', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: m.id });
    return m.scan_key;
  });
  if (old) await fileStore(ctx.config).delete(old).catch(() => {});
}

/** The scan's stored file, its name and type. */
export async function openScan(ctx: AppContext, actor: Actor, id: string) {
  const m = await meetingOf(ctx.db, actor, id);
  const file = m.scan_key ? await fileStore(ctx.config).get(m.scan_key) : null;
  if (!file) throw notFound('Скан протокола не приложен');
  return { file, name: m.scan_name ?? 'Протокол', type: CONTENT_TYPES[m.scan_type ?? ''] ?? 'application/octet-stream' };
}
