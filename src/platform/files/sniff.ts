/**
 * The type of an attached document judged by its content (seed 001's list:
 * PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG/JPG, TIFF), never by its name alone:
 *
 * - PDF, RTF, JPEG and TIFF by their magic bytes;
 * - DOC and XLS are OLE compound files: told apart by the streams their
 *   directory names (`WordDocument`; `Workbook` or `Book`); an
 *   `EncryptedPackage` is a password-protected Office file;
 * - DOCX and XLSX are ZIP packages: told apart by the parts their central
 *   directory lists (`word/document.xml`, `xl/workbook.xml`), read without
 *   inflating anything, with the declared sizes bounded (a zip bomb is refused).
 *
 * The name's extension must agree with the content (JPG = JPEG, TIF = TIFF);
 * a name without an extension gets the right one.
 */
import fsp from 'node:fs/promises';
import { GuardedZip, ZIP_LIMITS } from '../spreadsheet/zip.js';
import fs from 'node:fs';
import { FileRefusal } from '../spreadsheet/refusal.js';
import { parseXmlPart } from '../spreadsheet/xml.js';

export type DocumentType = 'pdf' | 'rtf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'jpeg' | 'tiff';
/** What `sniffDocument(…, { xml: true })` may answer: the documents and XML. */
export type DocumentOrXmlType = DocumentType | 'xml';

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  pdf: 'PDF',
  rtf: 'RTF',
  doc: 'документ Word (DOC)',
  docx: 'документ Word (DOCX)',
  xls: 'книга Excel (XLS)',
  xlsx: 'книга Excel (XLSX)',
  jpeg: 'изображение JPEG',
  tiff: 'изображение TIFF',
};

/** Extensions a name may carry for each type. */
export const DOCUMENT_EXTENSIONS: Record<DocumentType, readonly string[]> = {
  pdf: ['pdf'],
  rtf: ['rtf'],
  doc: ['doc'],
  docx: ['docx'],
  xls: ['xls'],
  xlsx: ['xlsx'],
  jpeg: ['jpeg', 'jpg'],
  tiff: ['tiff', 'tif'],
};
const XML_EXTENSIONS = ['xml'] as const;

export const ALLOWED_DOCUMENTS_TEXT = 'PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG, JPG, TIFF';

export const DOCUMENT_ZIP_LIMITS = {
  maxEntries: 10_000,
  /** Sum of the parts' declared uncompressed sizes. */
  maxTotalUncompressed: 500 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 10 * 1024 * 1024,
} as const;

export type DocumentSniff = { ok: true; type: DocumentType; fileName: string } | { ok: false; message: string };
export type DocumentOrXmlSniff = { ok: true; type: DocumentOrXmlType; fileName: string } | { ok: false; message: string };

const startsWith = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the first bytes say. */
export function sniffDocumentHead(head: Buffer): DocumentType | 'zip' | 'cfb' | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(head, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, CFB)) return 'cfb';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  return null;
}

const OTHER_KINDS: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'изображение PNG'],
  [[0x47, 0x49, 0x46, 0x38], 'изображение GIF'],
  [[0x52, 0x61, 0x72, 0x21], 'архив RAR'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'архив 7z'],
  [[0x1f, 0x8b], 'архив GZIP'],
  [[0x4d, 0x5a], 'программа (исполняемый файл)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'программа (исполняемый файл)'],
];

function otherKind(head: Buffer): string {
  for (const [sig, name] of OTHER_KINDS) if (startsWith(head, sig)) return name;
  return 'файл неизвестного формата';
}

/** Stream names in an OLE compound file's directory (entries are 128 bytes, aligned in sectors after the 512-byte header). */
async function cfbStreamNames(file: string): Promise<Set<string>> {
  const names = new Set<string>();
  const fh = await fsp.open(file, 'r');
  try {
    const header = Buffer.alloc(512);
    await fh.read(header, 0, 512, 0);
    const shift = header.readUInt16LE(30);
    const sector = shift === 12 ? 4096 : 512;
    const size = (await fh.stat()).size;
    const chunk = Buffer.alloc(1 << 20);
    for (let pos = sector; pos < size; pos += chunk.length) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      for (let off = 0; off + 128 <= bytesRead; off += 128) {
        const nameLen = chunk.readUInt16LE(off + 64);
        const type = chunk[off + 66];
        if (nameLen < 4 || nameLen > 64 || nameLen % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
        if (chunk.readUInt16LE(off + nameLen - 2) !== 0) continue;
        const name = chunk.toString('utf16le', off, off + nameLen - 2);
        if (/^[\x01-\x7e]+$/.test(name)) names.add(name);
      }
    }
  } finally {
    await fh.close();
  }
  return names;
}

/**
 * The part names of a ZIP package from its central directory, through the
 * spreadsheet kit's zip guard (entry count, duplicate names; nothing is
 * inflated), with the declared sizes bounded here: a document whose parts
 * would inflate to hundreds of megabytes is refused as a zip bomb.
 */
async function zipParts(file: string): Promise<{ ok: true; names: Set<string> } | { ok: false; message: string }> {
  let zip: GuardedZip;
  try {
    zip = await GuardedZip.open(file, { ...ZIP_LIMITS, maxEntries: DOCUMENT_ZIP_LIMITS.maxEntries, maxTotalUncompressed: DOCUMENT_ZIP_LIMITS.maxTotalUncompressed });
  } catch (e) {
    if (e instanceof FileRefusal && /частей/.test(e.message)) return { ok: false, message: 'в архиве слишком много частей — это не похоже на документ Office' };
    if (e instanceof FileRefusal) return { ok: false, message: 'повреждённый или подделанный ZIP-архив (DOCX/XLSX прочитать нельзя)' };
    throw e;
  }
  try {
    let total = 0;
    let bomb: string | null = null;
    for (const e of zip.entries.values()) {
      total += e.uncompressed;
      const ratio = e.uncompressed / Math.max(1, e.compressed);
      if (e.uncompressed > DOCUMENT_ZIP_LIMITS.ratioFloor && ratio > DOCUMENT_ZIP_LIMITS.maxRatio) bomb ??= e.name;
    }
    if (bomb) return { ok: false, message: `часть «${bomb}» сжата в сотни раз — файл похож на «zip-бомбу» и не принимается` };
    if (total > DOCUMENT_ZIP_LIMITS.maxTotalUncompressed) return { ok: false, message: 'после распаковки документ занимает более 500 МБ — файл похож на «zip-бомбу» и не принимается' };
    return { ok: true, names: new Set(zip.entries.keys()) };
  } finally {
    zip.close();
  }
}

/** Text that begins like XML: an optional UTF-8 BOM and white space, then `<?xml` or an element. */
export function looksLikeXml(head: Buffer): boolean {
  const text = head.subarray(startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0, 512).toString('utf8').replace(/^[\s]+/, '');
  return /^<\?xml[\s?]/.test(text) || /^<[A-Za-z_]/.test(text);
}

/** Whether the whole file is well-formed XML (no DOCTYPE, no entity tricks: the spreadsheet kit's guarded parser). */
async function wellFormedXml(file: string): Promise<boolean> {
  try {
    await parseXmlPart(fs.createReadStream(file) as AsyncIterable<Buffer>, 'xml', { open() {}, close() {}, text() {} });
    return true;
  } catch (e) {
    if (e instanceof FileRefusal) return false;
    throw e;
  }
}

/**
 * Judges a stored file: its first bytes, and for a compound file or a ZIP, its directory.
 * `opts.xml`: XML is accepted too (well-formed, UTF-8/UTF-16, without DOCTYPE) — reports take it.
 */
export async function sniffDocument(file: string, head: Buffer, fileName: string, label?: string): Promise<DocumentSniff>;
export async function sniffDocument(file: string, head: Buffer, fileName: string, label: string, opts: { xml: true }): Promise<DocumentOrXmlSniff>;
export async function sniffDocument(file: string, head: Buffer, fileName: string, label = 'Файл', opts: { xml?: boolean } = {}): Promise<DocumentOrXmlSniff> {
  const prefix = `${label} «${fileName}»`;
  if (head.length === 0) return { ok: false, message: `${prefix}: файл пустой` };
  const h = sniffDocumentHead(head);
  let type: DocumentOrXmlType | null = null;
  if (!h && opts.xml && looksLikeXml(head)) {
    if (!(await wellFormedXml(file))) return { ok: false, message: `${prefix}: XML повреждён или содержит объявление DOCTYPE (такие файлы не принимаются); проверьте файл и загрузите снова` };
    type = 'xml';
  } else if (h === 'cfb') {
    const names = await cfbStreamNames(file);
    if (names.has('EncryptedPackage')) return { ok: false, message: `${prefix}: документ Office защищён паролем; снимите пароль и загрузите снова` };
    if (names.has('WordDocument')) type = 'doc';
    else if (names.has('Workbook') || names.has('Book')) type = 'xls';
    else return { ok: false, message: `${prefix}: файл в формате OLE, но это не документ Word и не книга Excel; допустимые форматы: ${ALLOWED_DOCUMENTS_TEXT}` };
  } else if (h === 'zip') {
    const z = await zipParts(file);
    if (!z.ok) return { ok: false, message: `${prefix}: ${z.message}` };
    if (z.names.has('word/document.xml')) type = 'docx';
    else if (z.names.has('xl/workbook.xml')) type = 'xlsx';
    else {
      const what = z.names.has('ppt/presentation.xml') ? 'презентация PowerPoint' : z.names.has('content.xml') ? 'документ OpenDocument' : 'ZIP-архив';
      return { ok: false, message: `${prefix}: по содержимому это ${what}; допустимые форматы: ${ALLOWED_DOCUMENTS_TEXT}` };
    }
  } else if (h) {
    type = h;
  } else if (!type) {
    return { ok: false, message: `${prefix}: по содержимому это ${otherKind(head)}; допустимые форматы: ${ALLOWED_DOCUMENTS_TEXT}${opts.xml ? ', XML' : ''}` };
  }
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  const extensions: Record<string, readonly string[]> = opts.xml ? { ...DOCUMENT_EXTENSIONS, xml: XML_EXTENSIONS } : DOCUMENT_EXTENSIONS;
  const label_ = (t: DocumentOrXmlType) => (t === 'xml' ? 'XML' : DOCUMENT_TYPE_LABELS[t]);
  const known = Object.values(extensions).flat();
  if (ext && known.includes(ext) && !extensions[type].includes(ext)) {
    return {
      ok: false,
      message: `${prefix}: по содержимому это ${label_(type)}, а расширение имени — .${ext}; исправьте имя или выберите другой файл`,
    };
  }
  const name = ext && known.includes(ext) ? fileName : `${fileName}.${extensions[type][0]}`;
  return { ok: true, type, fileName: name };
}
