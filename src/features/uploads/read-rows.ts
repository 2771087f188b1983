/**
 * Reading an uploaded file row by row without loading it whole.
 *
 * `prescan` runs first and cheaply: for XLSX it reads the workbook's sheet
 * list, picks the sheet («Рейсы» or the first), and scans that sheet's raw XML
 * (inflated through yauzl, which checks the declared sizes) counting rows and
 * collecting merged ranges; for CSV it counts records. A file over the row cap
 * is refused before a single row is recorded.
 *
 * `readRows` then streams rows: exceljs' streaming WorkbookReader for XLSX,
 * csv-parse over iconv-lite for CSV (UTF-8 or Windows-1251, «;» «,» or tab).
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type ExcelJS from 'exceljs';
import { StreamingWorkbookReader } from './exceljs-reader.js';
import iconv from 'iconv-lite';
import { parse as csvParse } from 'csv-parse';
import { isUtf8Prefix, ZIP_LIMITS, type FileKind } from './sniff.js';
import { parseRange, type Cell, type MergeRange } from './columns.js';
import type { FileProblem } from './tables.js';

/** At most this many data rows in one file. */
export const MAX_DATA_ROWS = 200_000;
const MAX_MERGES = 10_000;
const MAX_CSV_RECORD = 64 * 1024;

export interface SheetRow {
  /** 1-based row number in the file (Excel row, or CSV record). */
  rowNumber: number;
  /** 0-based cells */
  cells: Cell[];
}

export interface Prescan {
  /** Rows in the sheet (an upper bound: Excel may write empty styled rows). */
  rows: number;
  merges: MergeRange[];
  sheet: { name: string; fileNo: string } | null;
  encoding: 'utf-8' | 'windows-1251' | null;
  delimiter: string | null;
}

export class FileRefusal extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

const refuse = (message: string, field = 'file') => new FileRefusal([{ field, message }]);

/** 200000 → «200 000» */
export const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

const rowCapMessage = () =>
  `Файл: в листе больше ${groupDigits(MAX_DATA_ROWS)} строк данных; допускается не более ${groupDigits(MAX_DATA_ROWS)} строк в одном файле — разделите данные на несколько файлов`;

export async function prescan(file: string, type: FileKind): Promise<Prescan> {
  return type === 'xlsx' ? prescanXlsx(file) : prescanCsv(file);
}

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const map = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      map.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return map;
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s!))));
}

async function entryText(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined, limit: number): Promise<string> {
  if (!entry) return '';
  if (entry.uncompressedSize > limit) throw refuse('Файл: служебная часть книги слишком велика');
  const parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of await openEntry(zip, entry)) {
    n += (chunk as Buffer).length;
    if (n > limit) throw refuse('Файл: служебная часть книги слишком велика');
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const xmlDecode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

async function prescanXlsx(file: string): Promise<Prescan> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw refuse('Файл: повреждённый ZIP-архив, книгу Excel прочитать нельзя');
  }
  try {
    const entries = await listEntries(zip);
    const workbook = await entryText(zip, entries.get('xl/workbook.xml'), 5 * 1024 * 1024);
    const rels = await entryText(zip, entries.get('xl/_rels/workbook.xml.rels'), 5 * 1024 * 1024);
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
    }
    const sheets: Array<{ name: string; path: string }> = [];
    for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = xmlDecode(attr(m[0], 'name') ?? '');
      const rid = attr(m[0], 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1];
      const target = rid ? targets.get(rid) : undefined;
      if (target && /^worksheets\/sheet\d+\.xml$/.test(target)) sheets.push({ name, path: `xl/${target}` });
    }
    if (!sheets.length) throw refuse('Файл: в книге нет листов с данными');
    const chosen = sheets.find((s) => s.name.trim().toLowerCase() === 'рейсы') ?? sheets[0];
    const entry = entries.get(chosen.path);
    if (!entry) throw refuse(`Файл: лист «${chosen.name}» отсутствует в книге`);

    // Scan the sheet's XML: count <row> elements and collect <mergeCell ref="…">.
    let rows = 0;
    const merges: MergeRange[] = [];
    let inflated = 0;
    let carry = '';
    const scan = (text: string) => {
      for (const m of text.matchAll(/<(?:\w+:)?(row|mergeCell)[\s>/]([^>]*)/g)) {
        if (m[1] === 'row') {
          rows++;
        } else {
          const ref = /ref="([^"]+)"/.exec(m[0])?.[1];
          const r = ref ? parseRange(ref) : null;
          if (r) {
            if (merges.length >= MAX_MERGES) throw refuse('Файл: в листе слишком много объединённых ячеек; разъедините ячейки');
            merges.push(r);
          }
        }
      }
      if (rows > MAX_DATA_ROWS + 1) throw refuse(rowCapMessage());
    };
    const stream = await openEntry(zip, entry);
    try {
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        if (inflated > ZIP_LIMITS.maxTotalUncompressed) {
          throw refuse('Файл: лист после распаковки превышает допустимый размер; файл похож на «zip-бомбу»');
        }
        const text = carry + (chunk as Buffer).toString('latin1');
        const lt = text.lastIndexOf('<');
        if (lt < 0) {
          carry = '';
          continue;
        }
        scan(text.slice(0, lt));
        carry = text.slice(lt);
        if (carry.length > 65_536) {
          scan(carry.slice(0, 512));
          carry = '';
        }
      }
      scan(carry);
    } catch (e) {
      stream.destroy();
      if (e instanceof FileRefusal) throw e;
      throw refuse('Файл: лист книги повреждён и не читается');
    }
    return { rows, merges, sheet: { name: chosen.name, fileNo: /sheet(\d+)\.xml$/.exec(chosen.path)![1] }, encoding: null, delimiter: null };
  } catch (e) {
    if (e instanceof FileRefusal) throw e;
    throw refuse('Файл: повреждённый ZIP-архив, книгу Excel прочитать нельзя');
  } finally {
    zip.close();
  }
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { formula: String(o.formula ?? o.sharedFormula ?? '') };
    if ('error' in o) return { error: String(o.error) };
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('text' in o) return String(o.text ?? '');
    if ('result' in o) return toCell(o.result);
  }
  return String(v);
}

async function* readXlsx(file: string, pre: Prescan): AsyncGenerator<SheetRow> {
  const WorkbookReader = StreamingWorkbookReader();
  const reader = new WorkbookReader(fs.createReadStream(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  let seen = 0;
  for await (const ws of reader) {
    const w = ws as unknown as { id: number | string; name: string } & AsyncIterable<ExcelJS.Row>;
    const isChosen =
      !found && pre.sheet !== null && (w.name === pre.sheet.name || (w.name === `Sheet${w.id}` && String(w.id) === pre.sheet.fileNo));
    if (!isChosen) {
      for await (const _row of w) {
        // other sheets are drained unread (the zip is read in order)
      }
      continue;
    }
    found = true;
    for await (const row of w) {
      if (++seen > MAX_DATA_ROWS + 1) throw refuse(rowCapMessage());
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
      yield { rowNumber: row.number, cells };
    }
  }
  if (!found) throw refuse('Файл: лист с данными не найден');
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

async function sniffCsv(file: string): Promise<{ encoding: 'utf-8' | 'windows-1251'; delimiter: string }> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const encoding = isUtf8Prefix(head) ? 'utf-8' : 'windows-1251';
    const text = iconv.decode(head, encoding);
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
    counts.sort((a, b) => b[1] - a[1]);
    return { encoding, delimiter: counts[0][1] > 0 ? counts[0][0] : ';' };
  } finally {
    await fh.close();
  }
}

function csvStream(file: string, encoding: string, delimiter: string) {
  return fs
    .createReadStream(file)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(
      csvParse({
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        max_record_size: MAX_CSV_RECORD,
      }),
    );
}

async function prescanCsv(file: string): Promise<Prescan> {
  const { encoding, delimiter } = await sniffCsv(file);
  let rows = 0;
  try {
    for await (const _rec of csvStream(file, encoding, delimiter)) {
      if (++rows > MAX_DATA_ROWS + 1) throw refuse(rowCapMessage());
    }
  } catch (e) {
    if (e instanceof FileRefusal) throw e;
    throw refuse(`Файл: CSV не читается после строки ${rows}: ${csvErrorText(e)}`);
  }
  return { rows, merges: [], sheet: null, encoding, delimiter };
}

function csvErrorText(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'строка слишком длинная';
  if (code.includes('QUOTE')) return 'непарные кавычки';
  return 'нарушен формат CSV';
}

async function* readCsv(file: string, pre: Prescan): AsyncGenerator<SheetRow> {
  let n = 0;
  for await (const rec of csvStream(file, pre.encoding ?? 'utf-8', pre.delimiter ?? ';')) {
    n++;
    yield { rowNumber: n, cells: (rec as string[]).map((s) => (s === '' ? null : s)) };
  }
}

export function readRows(file: string, type: FileKind, pre: Prescan): AsyncGenerator<SheetRow> {
  return type === 'xlsx' ? readXlsx(file, pre) : readCsv(file, pre);
}
