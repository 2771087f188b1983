/**
 * Sending a file over HTTP: one `Content-Disposition` (RFC 6266 with the
 * RFC 5987 `filename*` for Cyrillic names and a transliterated ASCII
 * `filename` for old clients), the type, the length, no caching by shared
 * caches, and the bytes streamed from the store.
 */
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { ByteRange, FileStore } from './store.js';

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A printable-ASCII stand-in for a file name: Cyrillic transliterated, the rest replaced by `_`. */
export function asciiFileName(name: string): string {
  let out = '';
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const t = TRANSLIT[lower];
    if (t !== undefined) out += ch === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
    else if (/[\x20-\x7e]/.test(ch) && ch !== '"' && ch !== '\\') out += ch;
    else out += '_';
  }
  return out.trim() || 'file';
}

/** RFC 5987 ext-value of a name (UTF-8, percent-encoded; `'()*` encoded too). */
function extValue(name: string): string {
  return `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (or `inline`). */
export function contentDisposition(name: string, opts: { inline?: boolean; asciiName?: string } = {}): string {
  const clean = name.replace(/[\r\n\0]/g, ' ');
  const ascii = asciiFileName(opts.asciiName ?? clean);
  return `${opts.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=${extValue(clean)}`;
}

export const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  rtf: 'application/rtf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  sig: 'application/pkcs7-signature',
  csv: 'text/csv; charset=utf-8',
};

/** Sends a stored file as a download. */
export function sendFile(
  reply: FastifyReply,
  file: { stream: Readable; bytes: number },
  o: { name: string; type: string; inline?: boolean; asciiName?: string },
): FastifyReply {
  return reply
    .header('content-type', o.type)
    .header('content-length', String(file.bytes))
    .header('content-disposition', contentDisposition(o.name, { inline: o.inline, asciiName: o.asciiName }))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.stream);
}

/**
 * One byte range of a `Range: bytes=…` header (`a-b`, `a-`, `-n`) over a file of `total` bytes;
 * null for none, several, or one that cannot be served — then the whole file is sent (RFC 9110 § 14.2 allows ignoring it).
 */
export function byteRange(header: string | undefined, total: number): ByteRange | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '') || total === 0) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, total - Number(m[2]));
    end = total - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? total - 1 : Math.min(Number(m[2]), total - 1);
  }
  if (!Number.isSafeInteger(start) || start > end || start >= total) return null;
  return { start, end };
}

/**
 * Sends a file of a store as a download, honouring one `Range` (206 with Content-Range); null when
 * the store has no such file (the caller answers 404 or 503 as it knows best).
 */
export async function sendStored(
  reply: FastifyReply,
  store: FileStore,
  key: string,
  o: { name: string; type: string; inline?: boolean; asciiName?: string; cacheControl?: string },
): Promise<FastifyReply | null> {
  const st = await store.stat(key);
  if (!st) return null;
  const range = byteRange(reply.request.headers.range, st.bytes);
  const file = await store.get(key, range ?? undefined);
  if (!file) return null;
  reply
    .header('content-type', o.type)
    .header('accept-ranges', 'bytes')
    .header('content-length', String(file.bytes))
    .header('content-disposition', contentDisposition(o.name, { inline: o.inline, asciiName: o.asciiName }))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', o.cacheControl ?? 'private, no-store');
  if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.start + file.bytes - 1}/${st.bytes}`);
  return reply.send(file.stream);
}
