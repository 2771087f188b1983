/**
 * An attached document stored and judged: streamed into the file store (atomic;
 * SHA-256 and size on the way, at most `maxBytes`), its type judged by its
 * content (sniff.ts: PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG/JPG, TIFF), and only
 * then returned; a file refused — too large, of another kind, a name that
 * disagrees with the content — is removed from the store and answered with a
 * Russian message naming the field «file».
 */
import type { Readable } from 'node:stream';
import { AppError, invalid } from '../http/errors.js';
import { FileTooLargeError, withLocalCopy } from './store.js';
import { fileStore, type StoreConfig } from './deployment.js';
import { sniffDocument, type DocumentType } from './sniff.js';

export interface StoredDocument {
  key: string;
  fileName: string;
  type: DocumentType;
  bytes: number;
  sha256: string;
}

export async function storeJudgedDocument(
  config: StoreConfig,
  o: { key: string; fileName: string; stream: Readable; isTruncated: () => boolean; maxBytes: number; label?: string },
): Promise<StoredDocument> {
  const store = fileStore(config);
  const label = o.label ?? 'Файл';
  const mb = Math.round(o.maxBytes / (1024 * 1024));
  const tooLarge = () => new AppError('payload_too_large', `${label} «${o.fileName}»: размер не должен превышать ${mb} МБ`, [{ field: 'file', message: `${label}: размер не должен превышать ${mb} МБ` }]);
  let stored;
  try {
    stored = await store.put(o.key, o.stream, { maxBytes: o.maxBytes });
  } catch (e) {
    if (e instanceof FileTooLargeError) throw tooLarge();
    throw e;
  }
  if (o.isTruncated()) {
    await store.delete(o.key);
    throw tooLarge();
  }
  const judged = await withLocalCopy(store, o.key, (p) => sniffDocument(p, stored.head, o.fileName, label)).catch(async (e: unknown) => {
    await store.delete(o.key).catch(() => {});
    throw e;
  });
  if (!judged.ok) {
    await store.delete(o.key);
    throw invalid({ field: 'file', message: judged.message });
  }
  return { key: o.key, fileName: judged.fileName, type: judged.type, bytes: stored.bytes, sha256: stored.sha256 };
}
