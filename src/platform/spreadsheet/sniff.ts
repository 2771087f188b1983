/**
 * The type of an uploaded file judged by its content, not its name: XLSX is a
 * ZIP holding `[Content_Types].xml` and `xl/workbook.xml`; CSV is text
 * (UTF-8 or Windows-1251). A ZIP is judged by its central directory before
 * anything is inflated (see zip.ts), so a zip bomb that tells the truth is
 * refused without reading it.
 */
import { inspectWorkbookZip } from './zip.js';

export const UTF16_REFUSAL =
  'Файл: текст в кодировке UTF-16 («Текст Юникод») не поддерживается; сохраните таблицу как «CSV UTF-8 (разделитель — запятая)» или как книгу Excel (XLSX)';

export type FileKind = 'xlsx' | 'csv';

export type Sniff = { ok: true; type: FileKind; encoding?: 'utf-8' | 'windows-1251' } | { ok: false; message: string };

const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

/** What the first bytes say (before a ZIP's directory is read). */
export function sniffHead(head: Buffer): { kind: 'zip' } | { kind: 'text'; encoding: 'utf-8' | 'windows-1251' } | { kind: 'other'; message: string } {
  if (head.length === 0) return { kind: 'other', message: 'Файл: файл пустой' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  const known: Array<[number[], string]> = [
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF-документ'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'документ в старом формате Office (XLS/DOC) или книга, защищённая паролем'],
    [[0x89, 0x50, 0x4e, 0x47], 'изображение PNG'],
    [[0xff, 0xd8, 0xff], 'изображение JPEG'],
    [[0x49, 0x49, 0x2a, 0x00], 'изображение TIFF'],
    [[0x4d, 0x4d, 0x00, 0x2a], 'изображение TIFF'],
    [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'документ RTF'],
    [[0x52, 0x61, 0x72, 0x21], 'архив RAR'],
    [[0x37, 0x7a, 0xbc, 0xaf], 'архив 7z'],
    [[0x1f, 0x8b], 'архив GZIP'],
  ];
  for (const [sig, name] of known) {
    if (startsWith(head, sig)) return { kind: 'other', message: `Файл: по содержимому это ${name}; загрузите книгу Excel (XLSX) или CSV` };
  }
  if (looksUtf16(head)) return { kind: 'other', message: UTF16_REFUSAL };
  // Text: no NUL bytes and no other control characters except tab, CR, LF, FF.
  let bad = 0;
  for (const c of head) if (c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  if (bad > 0) return { kind: 'other', message: 'Файл: содержимое не является ни книгой Excel (XLSX), ни текстом CSV' };
  return { kind: 'text', encoding: isUtf8Prefix(head) ? 'utf-8' : 'windows-1251' };
}

/** A UTF-16 BOM, or the NUL bytes of UTF-16 text. */
export function looksUtf16(head: Buffer): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  const n = Math.min(head.length, 512);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) zeros++;
  return n >= 4 && zeros * 4 >= n;
}

/** Whether `b` is valid UTF-8, allowing a sequence cut at the end. */
export function isUtf8Prefix(b: Buffer): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return false;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return true; // cut at the end
      if ((b[i + k] & 0xc0) !== 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

/** The whole judgement for a stored file: its head bytes and, for a ZIP, its directory. */
export async function sniffFile(file: string, head: Buffer): Promise<Sniff> {
  const h = sniffHead(head);
  if (h.kind === 'other') return { ok: false, message: h.message };
  if (h.kind === 'text') return { ok: true, type: 'csv', encoding: h.encoding };
  const z = await inspectWorkbookZip(file);
  if (!z.ok) return z;
  return { ok: true, type: 'xlsx' };
}
