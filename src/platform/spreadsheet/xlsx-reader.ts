/**
 * The XLSX reader: one sheet of a workbook, row by row, in a single streaming
 * pass, with memory bounded whatever the file says.
 *
 * The zip's directory gives random access, so the small parts are read first
 * — `xl/workbook.xml` (sheets, the 1900/1904 date system), its relationships,
 * `xl/styles.xml` (which cell styles are dates) and the shared strings — and
 * then the chosen sheet's XML is streamed once through saxes (see xml.ts).
 *
 * Cells: shared and inline strings (rich text runs joined, phonetic runs
 * left out), numbers, dates (by the cell's number format; wall-clock `Date`s,
 * see cells.ts), booleans, error values, formulas with their cached results,
 * `t="d"` ISO dates. Merged ranges are collected as the sheet ends.
 *
 * Bounds (all refusals, see XLSX_LIMITS): bytes inflated (zip.ts), shared
 * strings by count and total characters, a cell's text (Excel's own 32 767),
 * the columns and characters of a row, the number of non-empty rows (the
 * caller's cap), merged ranges, sheets and styles. Rows must come in order
 * and cells within a row too — a file that jumps back is refused, never
 * reordered in memory.
 */
import path from 'node:path';
import { columnLetter, parseCellRef, parseRange, XLSX_MAX_COLUMNS, XLSX_MAX_ROWS, XLSX_MAX_TEXT, type Cell, type CellScalar, type MergeRange, type TableRow } from './cells.js';
import { groupDigits, refuse } from './refusal.js';
import { xmlFeeder, parseXmlPart, type XmlHandlers } from './xml.js';
import { GuardedZip, ZIP_LIMITS, type ZipLimits } from './zip.js';

export interface XlsxLimits {
  /** Strings in the shared-strings table. */
  maxSharedStrings: number;
  /** Characters of all shared strings together (≈ 2 bytes each in memory at worst). */
  maxSharedChars: number;
  /** Characters in one cell (Excel's own limit is 32 767). */
  maxCellChars: number;
  /** Columns a row may use: a value beyond is refused. */
  maxColumns: number;
  /** Characters of the values of one row together. */
  maxRowChars: number;
  maxMerges: number;
  maxSheets: number;
  /** Cell formats and number formats in styles.xml. */
  maxStyles: number;
  /** Inflated bytes of the small parts (workbook, relationships, styles). */
  smallPartBytes: number;
  /** Inflated bytes of the shared strings part and of the sheet (the zip total bounds them together too). */
  largePartBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxSharedStrings: 1_000_000,
  maxSharedChars: 16_000_000,
  maxCellChars: XLSX_MAX_TEXT,
  maxColumns: 1_024,
  maxRowChars: 256 * 1024,
  maxMerges: 10_000,
  maxSheets: 1_000,
  maxStyles: 100_000,
  smallPartBytes: 16 * 1024 * 1024,
  largePartBytes: ZIP_LIMITS.maxTotalUncompressed,
};

export interface SheetInfo {
  name: string;
  /** Path of its part in the zip, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  hidden: boolean;
}

export interface XlsxReadOptions {
  /** Chooses the sheet among the workbook's worksheets (in tab order); default the first. */
  pickSheet?: (sheets: readonly SheetInfo[]) => SheetInfo | undefined;
  /** Non-empty rows (the header included) beyond which the file is refused. */
  maxRows?: number;
  /** The refusal's message for `maxRows`. */
  rowCapMessage?: (maxRows: number) => string;
  limits?: Partial<XlsxLimits>;
  zipLimits?: ZipLimits;
}

const REL_WORKSHEET = /\/worksheet$/;
const REL_STYLES = /\/styles$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;

const defaultCap = (n: number) => `Файл: в листе больше ${groupDigits(n)} строк; разделите данные на несколько файлов`;

/**
 * A sheet being read. `rows()` streams it (once); `sheet` and `merges` are
 * known once the workbook is opened / the sheet has been read through.
 */
export class XlsxSheetReader {
  sheet: SheetInfo | null = null;
  readonly merges: MergeRange[] = [];
  /** Non-empty rows read. */
  rowCount = 0;
  private readonly limits: XlsxLimits;
  private used = false;

  constructor(
    private readonly file: string,
    private readonly opts: XlsxReadOptions = {},
  ) {
    this.limits = { ...XLSX_LIMITS, ...opts.limits };
  }

  async *rows(): AsyncGenerator<TableRow> {
    if (this.used) throw new Error('an XLSX sheet is read once');
    this.used = true;
    const zip = await GuardedZip.open(this.file, this.opts.zipLimits);
    try {
      const book = await readWorkbook(zip, this.limits);
      const chosen = this.opts.pickSheet ? this.opts.pickSheet(book.sheets) : book.sheets[0];
      if (!chosen) throw refuse('Файл: в книге нет листов с данными');
      if (!zip.has(chosen.path)) throw refuse(`Файл: лист «${chosen.name}» отсутствует в книге (нет части «${chosen.path}»)`);
      this.sheet = chosen;
      const styles = book.stylesPath && zip.has(book.stylesPath) ? await readStyles(zip, book.stylesPath, this.limits) : [];
      const strings = book.sharedStringsPath && zip.has(book.sharedStringsPath) ? await readSharedStrings(zip, book.sharedStringsPath, this.limits) : new StringTable();
      yield* this.readSheet(zip, chosen, { styles, strings, date1904: book.date1904 });
    } finally {
      zip.close();
    }
  }

  private async *readSheet(zip: GuardedZip, sheet: SheetInfo, book: { styles: boolean[]; strings: StringTable; date1904: boolean }): AsyncGenerator<TableRow> {
    const L = this.limits;
    const maxRows = this.opts.maxRows ?? XLSX_MAX_ROWS;
    const out: TableRow[] = [];
    const part = sheet.path;

    let inData = false;
    let rowNumber = 0;
    let cells: Cell[] = [];
    let rowHasValue = false;
    let rowChars = 0;
    let col = -1;
    // The cell being read.
    let inCell = false;
    let type = 'n';
    let style = 0;
    let value: string | null = null;
    let formula: string | null = null;
    let inline: string | null = null;
    /** What text goes to: v, f, an inline string's t (outside phonetic runs), or nothing. */
    let capture: 'v' | 'f' | 't' | null = null;
    let inIs = false;
    let inPhonetic = false;

    const cellRef = () => `${columnLetter(col)}${rowNumber}`;
    const tooLong = () =>
      refuse(`Файл: ячейка ${cellRef()} листа «${sheet.name}» длиннее ${groupDigits(L.maxCellChars)} символов — больше, чем допускает Excel`);

    const finishCell = () => {
      let v: CellScalar | { error: string } = null;
      switch (type) {
        case 's': {
          if (value === null || value.trim() === '') break;
          const i = Number(value);
          if (!Number.isInteger(i) || i < 0 || i >= book.strings.length) {
            throw refuse(`Файл: ячейка ${cellRef()} листа «${sheet.name}» ссылается на несуществующую общую строку № ${value.slice(0, 12)} — файл повреждён`);
          }
          v = book.strings.get(i);
          break;
        }
        case 'inlineStr':
          v = inline ?? value;
          break;
        case 'str':
          v = value;
          break;
        case 'b':
          v = value === null ? null : value.trim() === '1' || value.trim().toLowerCase() === 'true';
          break;
        case 'e':
          v = value === null ? null : { error: value };
          break;
        case 'd':
          v = value === null ? null : (isoWallClock(value) ?? value);
          break;
        default: {
          if (value === null || value === '') break;
          const n = Number(value);
          if (!Number.isFinite(n)) v = value;
          else if (book.styles[style]) v = serialToWallClock(n, book.date1904) ?? n;
          else v = n;
        }
      }
      let cell: Cell = v as Cell;
      if (formula !== null) cell = { formula, result: v };
      if (cell === null) return;
      if (col >= L.maxColumns) {
        throw refuse(
          `Файл: в строке ${rowNumber} листа «${sheet.name}» заполнена ячейка ${cellRef()} — за пределами первых ${groupDigits(L.maxColumns)} столбцов; уберите лишние данные`,
        );
      }
      if (typeof v === 'string') {
        rowChars += v.length;
        if (rowChars > L.maxRowChars) {
          throw refuse(`Файл: строка ${rowNumber} листа «${sheet.name}» длиннее ${groupDigits(L.maxRowChars)} символов; уберите лишние данные`);
        }
      }
      while (cells.length < col) cells.push(null);
      cells[col] = cell;
      rowHasValue = true;
    };

    const h: XmlHandlers = {
      open: (name, a, selfClosing) => {
        if (!inData) {
          if (name === 'sheetData') inData = !selfClosing;
          else if (name === 'mergeCell') {
            const r = a.ref ? parseRange(a.ref) : null;
            if (r) {
              if (this.merges.length >= L.maxMerges) {
                throw refuse(`Файл: в листе «${sheet.name}» больше ${groupDigits(L.maxMerges)} объединённых диапазонов; разъедините ячейки`);
              }
              this.merges.push(r);
            }
          }
          return;
        }
        switch (name) {
          case 'row': {
            const n = a.r === undefined ? rowNumber + 1 : Number(a.r);
            if (!Number.isInteger(n) || n < 1 || n > XLSX_MAX_ROWS) {
              throw refuse(`Файл: в листе «${sheet.name}» строка с недопустимым номером «${String(a.r).slice(0, 12)}» — файл повреждён`);
            }
            if (n <= rowNumber) {
              throw refuse(
                `Файл: строки листа «${sheet.name}» идут не по порядку (строка ${n} после строки ${rowNumber}) — файл создан нестандартной программой; откройте и сохраните его в Excel`,
              );
            }
            rowNumber = n;
            cells = [];
            rowHasValue = false;
            rowChars = 0;
            col = -1;
            return;
          }
          case 'c': {
            let c = col + 1;
            if (a.r !== undefined) {
              const ref = parseCellRef(a.r);
              if (!ref) throw refuse(`Файл: в строке ${rowNumber} листа «${sheet.name}» ячейка с недопустимым адресом «${a.r.slice(0, 12)}» — файл повреждён`);
              c = ref.column;
            }
            if (c <= col) {
              throw refuse(
                `Файл: ячейки строки ${rowNumber} листа «${sheet.name}» идут не по порядку (${columnLetter(c)} после ${columnLetter(col)}) — файл создан нестандартной программой; откройте и сохраните его в Excel`,
              );
            }
            if (c >= XLSX_MAX_COLUMNS) throw refuse(`Файл: в строке ${rowNumber} листа «${sheet.name}» ячейка за пределами листа Excel — файл повреждён`);
            col = c;
            type = a.t ?? 'n';
            style = a.s === undefined ? 0 : Number(a.s) | 0;
            value = null;
            formula = null;
            inline = null;
            inCell = !selfClosing;
            capture = null;
            if (selfClosing) finishCell();
            return;
          }
          case 'v':
            if (inCell) {
              value ??= '';
              capture = selfClosing ? null : 'v';
            }
            return;
          case 'f':
            if (inCell) {
              formula ??= '';
              capture = selfClosing ? null : 'f';
            }
            return;
          case 'is':
            if (inCell) {
              inIs = !selfClosing;
              inline ??= '';
            }
            return;
          case 'rPh':
            inPhonetic = !selfClosing;
            return;
          case 't':
            if (inIs && !inPhonetic && !selfClosing) capture = 't';
            return;
        }
      },
      close: (name) => {
        if (!inData) return;
        switch (name) {
          case 'v':
          case 'f':
          case 't':
            capture = null;
            return;
          case 'rPh':
            inPhonetic = false;
            return;
          case 'is':
            inIs = false;
            return;
          case 'c':
            if (inCell) {
              inCell = false;
              capture = null;
              finishCell();
            }
            return;
          case 'row':
            if (rowHasValue) {
              if (++this.rowCount > maxRows) throw refuse((this.opts.rowCapMessage ?? defaultCap)(maxRows));
              out.push({ rowNumber, cells });
            }
            cells = [];
            rowHasValue = false;
            return;
          case 'sheetData':
            inData = false;
            return;
        }
      },
      text: (t) => {
        if (capture === null) return;
        if (capture === 'v') {
          value += t;
          if (value!.length > L.maxCellChars) throw tooLong();
        } else if (capture === 'f') {
          formula += t;
          if (formula!.length > L.maxCellChars) throw tooLong();
        } else {
          inline += t;
          if (inline!.length > L.maxCellChars) throw tooLong();
        }
      },
      runTooLong: (limit) =>
        inCell
          ? tooLong()
          : refuse(`Файл: лист «${sheet.name}» содержит фрагмент длиннее ${groupDigits(limit)} символов без разметки — файл повреждён или подделан`),
    };

    const feeder = xmlFeeder(part, h);
    for await (const chunk of zip.read(part, L.largePartBytes)) {
      feeder.write(chunk);
      if (out.length) yield* out.splice(0, out.length);
    }
    feeder.end();
    if (out.length) yield* out.splice(0, out.length);
  }
}

/** Reads one sheet of a workbook; see XlsxSheetReader. */
export function readXlsx(file: string, opts: XlsxReadOptions = {}): XlsxSheetReader {
  return new XlsxSheetReader(file, opts);
}

// ---------------------------------------------------------------------------
// The small parts
// ---------------------------------------------------------------------------

interface Workbook {
  sheets: SheetInfo[];
  date1904: boolean;
  stylesPath: string | null;
  sharedStringsPath: string | null;
}

/** A relationship target → a path in the zip (targets are relative to `xl/`, or absolute from the root). */
function resolveTarget(target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // an external URL
  const p = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join('xl', target));
  return p.startsWith('../') ? null : p;
}

async function readWorkbook(zip: GuardedZip, L: XlsxLimits): Promise<Workbook> {
  const rels = new Map<string, { type: string; path: string }>();
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    await parseXmlPart(zip.read('xl/_rels/workbook.xml.rels', L.smallPartBytes), 'xl/_rels/workbook.xml.rels', {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
        if (rels.size >= L.maxSheets + 100) throw refuse('Файл: в книге слишком много связей между частями — файл повреждён или подделан');
        const p = resolveTarget(a.Target);
        if (p) rels.set(a.Id, { type: a.Type ?? '', path: p });
      },
      close() {},
      text() {},
    });
  }
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await parseXmlPart(zip.read('xl/workbook.xml', L.smallPartBytes), 'xl/workbook.xml', {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      if (sheets.length >= L.maxSheets) throw refuse(`Файл: в книге больше ${groupDigits(L.maxSheets)} листов`);
      const id = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
      const rel = id ? rels.get(id) : undefined;
      if (!rel || !REL_WORKSHEET.test(rel.type)) return; // a chart sheet or a dialog sheet: not a table
      sheets.push({ name: a.name ?? '', path: rel.path, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
    },
    close() {},
    text() {},
  });
  const find = (re: RegExp, fallback: string) => [...rels.values()].find((r) => re.test(r.type))?.path ?? (zip.has(fallback) ? fallback : null);
  return { sheets, date1904, stylesPath: find(REL_STYLES, 'xl/styles.xml'), sharedStringsPath: find(REL_SHARED_STRINGS, 'xl/sharedStrings.xml') };
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30; 27–36 and 50–58 are the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format code shows a date or a time: d, m, y, h or s outside quotes, escapes and [colour]/[$-locale] brackets. */
export function isDateFormat(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0];
  return /[dmyhs]/i.test(s);
}

/** Per cell style index (`s`): whether its number format is a date. */
async function readStyles(zip: GuardedZip, part: string, L: XlsxLimits): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  const tooMany = () => refuse(`Файл: в книге больше ${groupDigits(L.maxStyles)} стилей ячеек — файл повреждён или подделан`);
  await parseXmlPart(zip.read(part, L.smallPartBytes), part, {
    open(name, a, selfClosing) {
      if (name === 'numFmt') {
        if (custom.size >= L.maxStyles) throw tooMany();
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        if (xfs.length >= L.maxStyles) throw tooMany();
        xfs.push(Number(a.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)));
}

/**
 * The shared strings, compactly: joined into flat batches with their offsets.
 * A string the XML parser hands over is a slice of its input chunk and would
 * keep the whole chunk alive; joining copies the characters out, so memory is
 * about the strings' characters plus 4 bytes each, whatever the XML around them.
 */
export class StringTable {
  private static readonly BATCH = 4096;
  private readonly batches: string[] = [];
  private readonly offsets: Uint32Array[] = [];
  private pending: string[] = [];

  get length(): number {
    return this.batches.length * StringTable.BATCH + this.pending.length;
  }

  push(s: string): void {
    this.pending.push(s);
    if (this.pending.length === StringTable.BATCH) this.seal();
  }

  /** Joins the strings not yet joined (call once all are pushed). */
  seal(): void {
    if (!this.pending.length) return;
    const off = new Uint32Array(this.pending.length + 1);
    let at = 0;
    this.pending.forEach((s, i) => {
      off[i] = at;
      at += s.length;
    });
    off[this.pending.length] = at;
    this.batches.push(this.pending.join(''));
    this.offsets.push(off);
    this.pending = [];
  }

  get(i: number): string {
    const b = Math.floor(i / StringTable.BATCH);
    const k = i % StringTable.BATCH;
    if (b < this.batches.length) return this.batches[b].slice(this.offsets[b][k], this.offsets[b][k + 1]);
    return this.pending[k];
  }
}

/** The shared strings, bounded in count and total characters; rich text runs joined, phonetic runs left out. */
async function readSharedStrings(zip: GuardedZip, part: string, L: XlsxLimits): Promise<StringTable> {
  const strings = new StringTable();
  let chars = 0;
  let current: string | null = null;
  let inT = false;
  let inPhonetic = false;
  const tooMany = () =>
    refuse(
      `Файл: таблица общих строк книги больше допустимого (не более ${groupDigits(L.maxSharedStrings)} строк и ${groupDigits(L.maxSharedChars)} символов); разделите данные на несколько файлов`,
    );
  const tooLong = () =>
    refuse(`Файл: общая строка № ${groupDigits(strings.length + 1)} книги длиннее ${groupDigits(L.maxCellChars)} символов — больше, чем допускает Excel`);
  await parseXmlPart(zip.read(part, L.largePartBytes), part, {
    open(name, a, selfClosing) {
      if (name === 'sst') {
        const declared = Number(a.uniqueCount ?? a.count ?? 0);
        if (declared > L.maxSharedStrings) throw tooMany();
      } else if (name === 'si') {
        if (strings.length >= L.maxSharedStrings) throw tooMany();
        current = '';
        if (selfClosing) {
          strings.push('');
          current = null;
        }
      } else if (name === 'rPh') inPhonetic = !selfClosing;
      else if (name === 't' && current !== null && !inPhonetic) inT = !selfClosing;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si' && current !== null) {
        strings.push(current);
        current = null;
      }
    },
    text(t) {
      if (!inT || current === null) return;
      current += t;
      chars += t.length;
      if (current.length > L.maxCellChars) throw tooLong();
      if (chars > L.maxSharedChars) throw tooMany();
    },
    runTooLong: () => (inT ? tooLong() : refuse(`Файл: часть книги «${part}» содержит слишком длинный фрагмент без разметки — файл повреждён или подделан`)),
  });
  strings.seal();
  return strings;
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system (day 0 = 1899-12-30, counting Excel's fictitious 29.02.1900). */
const EPOCH_1900 = 25_569;
/** Days between the 1900 and the 1904 systems' day 0. */
const OFFSET_1904 = 1_462;

/** An Excel serial → a wall-clock Date (see cells.ts); null when it is no date Excel can show. */
export function serialToWallClock(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  let days = date1904 ? serial + OFFSET_1904 : serial;
  // Excel counts a 29.02.1900 that never was: serials before it are one day early.
  if (!date1904 && serial < 60) days += 1;
  const ms = Math.round((days - EPOCH_1900) * MS_PER_DAY);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999) return null;
  return d;
}

const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z)?$/;

/** A `t="d"` cell's ISO 8601 text → a wall-clock Date. */
function isoWallClock(s: string): Date | null {
  const m = ISO_WALL.exec(s.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, m[7] ? +m[7].padEnd(3, '0') : 0));
  return Number.isNaN(d.getTime()) ? null : d;
}

