/**
 * The type of an uploaded file judged by its content, not its name: XLSX is a
 * ZIP holding `[Content_Types].xml` and `xl/workbook.xml`; CSV is text
 * (UTF-8 or Windows-1251). A ZIP is inspected through its central directory
 * before anything is inflated: entry count, total uncompressed size and
 * compression ratio are bounded, so a zip bomb is refused without reading it.
 */
import { promisify } from 'node:util';
import yauzl from 'yauzl';

export const ZIP_LIMITS = {
  maxEntries: 5_000,
  /** Sum of the entries' uncompressed sizes. */
  maxTotalUncompressed: 300 * 1024 * 1024,
  /** Uncompressed/compressed ratio above which a large entry is taken for a bomb. */
  maxRatio: 200,
  /** Entries smaller than this are not judged by their ratio. */
  ratioFloor: 10 * 1024 * 1024,
} as const;

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
  // Text: no NUL bytes and no other control characters except tab, CR, LF, FF.
  let bad = 0;
  for (const c of head) if (c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  if (bad > 0) return { kind: 'other', message: 'Файл: содержимое не является ни книгой Excel (XLSX), ни текстом CSV' };
  return { kind: 'text', encoding: isUtf8Prefix(head) ? 'utf-8' : 'windows-1251' };
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

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

/** Reads a ZIP's central directory (nothing is inflated) and judges whether it is a workbook we may read. */
export async function inspectZip(file: string): Promise<{ ok: true; entries: ZipEntryInfo[] } | { ok: false; message: string }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true });
  } catch {
    return { ok: false, message: 'Файл: повреждённый ZIP-архив, книгу Excel прочитать нельзя' };
  }
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) {
      return { ok: false, message: `Файл: в книге слишком много частей (${zip.entryCount}); это не похоже на обычную книгу Excel` };
    }
    const entries: ZipEntryInfo[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ name: e.fileName, compressed: e.compressedSize, uncompressed: e.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    }).catch(() => {
      throw new Error('corrupt');
    });
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      const what = names.has('word/document.xml')
        ? 'документ Word (DOCX)'
        : names.has('ppt/presentation.xml')
          ? 'презентация PowerPoint'
          : names.has('content.xml')
            ? 'документ OpenDocument (сохраните как XLSX)'
            : 'ZIP-архив, а не книга Excel';
      return { ok: false, message: `Файл: по содержимому это ${what}; загрузите книгу Excel (XLSX) или CSV` };
    }
    let total = 0;
    for (const e of entries) {
      total += e.uncompressed;
      const ratio = e.uncompressed / Math.max(1, e.compressed);
      if (e.uncompressed > ZIP_LIMITS.ratioFloor && ratio > ZIP_LIMITS.maxRatio) {
        return {
          ok: false,
          message: `Файл: часть книги «${e.name}» сжата в ${Math.round(ratio)} раз (${mb(e.uncompressed)} МБ после распаковки) — файл похож на «zip-бомбу» и не обрабатывается`,
        };
      }
    }
    if (total > ZIP_LIMITS.maxTotalUncompressed) {
      return {
        ok: false,
        message: `Файл: после распаковки книга занимает ${mb(total)} МБ, допускается не более ${mb(ZIP_LIMITS.maxTotalUncompressed)} МБ; разделите данные на несколько файлов`,
      };
    }
    return { ok: true, entries };
  } catch {
    return { ok: false, message: 'Файл: повреждённый ZIP-архив, книгу Excel прочитать нельзя' };
  } finally {
    zip.close();
  }
}

const mb = (n: number) => Math.round(n / (1024 * 1024)).toLocaleString('ru-RU');

/** The whole judgement for a stored file: its head bytes and, for a ZIP, its directory. */
export async function sniffFile(file: string, head: Buffer): Promise<Sniff> {
  const h = sniffHead(head);
  if (h.kind === 'other') return { ok: false, message: h.message };
  if (h.kind === 'text') return { ok: true, type: 'csv', encoding: h.encoding };
  const z = await inspectZip(file);
  if (!z.ok) return z;
  return { ok: true, type: 'xlsx' };
}
