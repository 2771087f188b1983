/**
 * A minimal streaming XLSX writer with flat memory.
 *
 * Every part goes into the zip (yazl, deflate) as it is produced; a sheet's
 * rows are serialized into ~64 KB string chunks and pushed through the
 * compressor, so memory does not grow with the number of rows (exceljs'
 * WorkbookWriter keeps each sheet's XML until the sheet is committed).
 *
 *   const xlsx = createXlsxWriter(output, { creator: 'ОССиГ' });
 *   const trips = xlsx.addSheet('Рейсы', { columns: [...], frozenHeader: true });
 *   const totals = xlsx.addSheet('Итоги', { columns: [...] });   // declare every sheet first: tab order
 *   for (const r of rows) { const wait = trips.addRow(r); if (wait) await wait; }
 *   await trips.end();
 *   totals.addRow([...], { style: 'bold' });
 *   await xlsx.finish();                                        // ends open sheets, closes the zip, waits for `output`
 *
 * Sheets are declared up front (their declaration order is the tab order) and
 * their rows are written one sheet after another: rows may go to a sheet only
 * when every sheet declared before it has ended. The first row (or `finish`)
 * seals the workbook: the fixed parts are written then and no sheet can be
 * declared any more.
 *
 * Templates: a column may carry its format onto its empty cells
 * (`formatEmptyCells`, so what a user types there is text or a date), a
 * header fill and hint; a sheet may carry data validations (drop-down lists
 * from a range of another sheet, number checks, input prompts).
 *
 * Cells: strings are inline strings (XML-escaped; characters XML cannot hold
 * are dropped; at most 32 767 characters); numbers are written as `<v>`;
 * exact decimals given as strings ('12.50') are written verbatim, never
 * through a float; dates are Excel serials of the Europe/Moscow wall clock —
 * a `Date` is an instant and is converted, a string 'YYYY-MM-DD[ HH:MI[:SS]]'
 * is already a Moscow wall-clock reading and is taken as it is.
 */
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import { moscowOffsetMs } from '../../domain/period.js';
import { XLSX_MAX_COLUMNS, XLSX_MAX_ROWS, XLSX_MAX_TEXT, columnLetter } from './cells.js';

export type XlsxColumnType = 'string' | 'number' | 'integer' | 'date' | 'datetime' | 'auto';

export interface XlsxColumn {
  /** Header text in row 1; a sheet gets a header row when any column has one. */
  header?: string;
  /** Width in characters. */
  width?: number;
  /**
   * How values of this column are written. 'auto' (the default) goes by the
   * JS type: number → number, Date → date-time, boolean → boolean, anything
   * else → text (use `xlsxDecimal('12.50')` for an exact decimal there).
   */
  type?: XlsxColumnType;
  /** Number format; defaults: date 'dd.mm.yyyy', datetime 'dd.mm.yyyy hh:mm', others General. */
  numFmt?: string;
  /** Give the column's empty cells this format too (`<col style>`): what a user types into a template is then read as the format says ('@' — text). */
  formatEmptyCells?: boolean;
  /** Fill of the header cell, ARGB ('FFDDEBF7'). */
  headerFill?: string;
}

export type XlsxValidationOperator =
  | 'between'
  | 'notBetween'
  | 'equal'
  | 'notEqual'
  | 'greaterThan'
  | 'lessThan'
  | 'greaterThanOrEqual'
  | 'lessThanOrEqual';

/** A data validation (Excel «Проверка данных»): a drop-down list, a number check, or only an input prompt. */
export interface XlsxValidation {
  /** Cells it applies to: 'A2:A10001' (several ranges separated by spaces). */
  range: string;
  /** 'none' only shows the prompt. */
  type: 'list' | 'decimal' | 'whole' | 'date' | 'textLength' | 'none';
  /** A formula without «=»: for a list, a range such as `'Справочники'!$A$2:$A$9`; for numbers, a value. */
  formula1?: string;
  formula2?: string;
  /** A list of literal values (instead of formula1); at most 255 characters together. */
  values?: string[];
  operator?: XlsxValidationOperator;
  /** Empty cells pass (default true). */
  allowBlank?: boolean;
  /** The message when a value does not pass; `style` 'stop' refuses it, 'warning' and 'information' let the user keep it. */
  error?: { style?: 'stop' | 'warning' | 'information'; title?: string; message: string };
  /** The message shown when a cell of the range is selected. */
  prompt?: { title?: string; message: string };
}

export interface XlsxSheetOptions {
  columns: XlsxColumn[];
  /** Keep the header row in view while scrolling. */
  frozenHeader?: boolean;
  /** An autofilter over the header row and every written row. */
  autoFilter?: boolean;
  /** Header cells wrap their text and are centred vertically. */
  headerWrap?: boolean;
  /** Data validations, written after the rows. */
  validations?: XlsxValidation[];
}

/** Row look: normal, bold, bold dark red (an alert), or a bold 14-point title. */
export type XlsxRowStyle = 'normal' | 'bold' | 'alert' | 'title';

export interface XlsxRowOptions {
  style?: XlsxRowStyle;
}

/** An exact decimal for an 'auto' column: written verbatim as a number. */
export class XlsxDecimal {
  constructor(readonly text: string) {
    if (!NUMERIC.test(text)) throw new TypeError(`not a decimal number: ${JSON.stringify(text)}`);
  }
}
export const xlsxDecimal = (text: string): XlsxDecimal => new XlsxDecimal(text);

export type XlsxCellValue = string | number | bigint | boolean | Date | XlsxDecimal | null | undefined;

export interface XlsxSheet {
  readonly name: string;
  /** Rows written so far, the header row included. */
  readonly rowCount: number;
  /**
   * Appends a row. Returns undefined when the writer can take more, or a
   * promise to await before the next row (backpressure); `await sheet.addRow(…)`
   * is always correct, `const w = sheet.addRow(…); if (w) await w;` is faster.
   */
  addRow(values: readonly XlsxCellValue[], opts?: XlsxRowOptions): Promise<void> | undefined;
  /** Ends the sheet (writes its closing part). Idempotent. */
  end(): Promise<void>;
}

export interface XlsxWriterOptions {
  creator?: string;
  /** Document creation time (docProps/core.xml) and the zip entries' time. */
  created?: Date;
  /** zlib level for the parts, 1..9 (default 6). */
  compressionLevel?: number;
}

export interface XlsxWriter {
  addSheet(name: string, opts: XlsxSheetOptions): XlsxSheet;
  /** Ends every open sheet, closes the zip and resolves when `output` has finished. */
  finish(): Promise<void>;
}

export { XLSX_MAX_COLUMNS, XLSX_MAX_ROWS, XLSX_MAX_TEXT };

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const CHUNK_CHARS = 64 * 1024;
const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system (day 0 = 1899-12-30). */
const EPOCH_SERIAL = 25_569;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------------------------------------------------------------- text

/** Anything that needs escaping, stripping or care: the slow path. */
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Characters XML 1.0 cannot hold (lone surrogates included). */
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** XML-escapes text for element content or a double-quoted attribute; drops characters XML cannot hold. */
export function xmlEscape(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

function inlineString(ref: string, style: number, s: string): string {
  if (s.length > XLSX_MAX_TEXT) {
    s = s.slice(0, XLSX_MAX_TEXT);
    // Do not leave half of a surrogate pair.
    const last = s.charCodeAt(s.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
  }
  const text = xmlEscape(s);
  const space = text.length > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1))) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

// ---------------------------------------------------------------- dates

let offsetHour = NaN;
let offsetMs = 0;
/** Moscow offset at an instant; offsets change on whole UTC hours, so it is cached per hour. */
function moscowOffsetCached(t: number): number {
  const hour = Math.floor(t / 3_600_000);
  if (hour !== offsetHour) {
    offsetMs = moscowOffsetMs(new Date(t));
    offsetHour = hour;
  }
  return offsetMs;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** Excel serial (1900 system, fractional days) of a Moscow wall-clock reading. */
function wallClockSerial(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) / MS_PER_DAY + EPOCH_SERIAL;
}

/** Excel serial of a value: a `Date` (an instant, shown in Moscow time) or a Moscow wall-clock string. */
export function excelSerial(v: Date | string): number {
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) throw new TypeError('invalid date');
    return (t + moscowOffsetCached(t)) / MS_PER_DAY + EPOCH_SERIAL;
  }
  const m = WALL_CLOCK.exec(v);
  if (!m) throw new TypeError(`not a date 'YYYY-MM-DD[ HH:MI[:SS]]': ${JSON.stringify(v)}`);
  return wallClockSerial(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    m[4] ? Number(m[4]) : 0,
    m[5] ? Number(m[5]) : 0,
    m[6] ? Number(m[6]) : 0,
    m[7] ? Number(m[7].padEnd(3, '0')) : 0,
  );
}

/** Serial of 'YYYY-MM-DD HH:MI' without a regex (the common case in bulk). */
function fastWallClockSerial(v: string): number | undefined {
  if (v.length !== 16 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(13) !== 58) return undefined;
  const sep = v.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return undefined;
  const y = digits(v, 0, 4);
  const mo = digits(v, 5, 2);
  const d = digits(v, 8, 2);
  const h = digits(v, 11, 2);
  const mi = digits(v, 14, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) return undefined;
  return wallClockSerial(y, mo, d, h, mi, 0, 0);
}

function digits(s: string, at: number, n: number): number {
  let r = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    r = r * 10 + c;
  }
  return r;
}

// ---------------------------------------------------------------- styles

const FONTS: Record<XlsxRowStyle, number> = { normal: 0, bold: 1, alert: 2, title: 3 };
const ROW_STYLES: readonly XlsxRowStyle[] = ['normal', 'bold', 'alert', 'title'];
const FONT_XML = [
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="11"/><color rgb="FFC00000"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>',
];
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
const DEFAULT_FORMAT: Record<XlsxColumnType, string> = {
  string: 'General',
  number: 'General',
  integer: 'General',
  auto: 'General',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
};
const ARGB = /^[0-9A-F]{8}$/;

/** The cell formats (cellXfs) in use: number format × font × fill × wrap; registered before the workbook is sealed. */
class Styles {
  readonly formats: string[] = ['General', 'dd.mm.yyyy hh:mm', 'dd.mm.yyyy'];
  private readonly fills: string[] = [];
  private readonly xfs: Array<{ format: number; font: number; fill: number; wrap: boolean }> = [];
  private readonly index = new Map<string, number>();

  constructor() {
    this.xf(0, 'normal'); // index 0: the default
  }

  format(code: string): number {
    let i = this.formats.indexOf(code);
    if (i < 0) i = this.formats.push(code) - 1;
    return i;
  }

  /** The index of a cell format; `fill` is ARGB. */
  xf(format: number, style: XlsxRowStyle | undefined, fill?: string, wrap = false): number {
    let fillId = 0;
    if (fill) {
      const argb = fill.toUpperCase();
      if (!ARGB.test(argb)) throw new RangeError(`fill must be ARGB such as 'FFDDEBF7': ${JSON.stringify(fill)}`);
      let i = this.fills.indexOf(argb);
      if (i < 0) i = this.fills.push(argb) - 1;
      fillId = i + 2; // 0 none and 1 gray125 are required first
    }
    const font = style ? FONTS[style] : 0;
    const key = `${format}|${font}|${fillId}|${wrap ? 1 : 0}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.xfs.push({ format, font, fill: fillId, wrap }) - 1;
      this.index.set(key, i);
    }
    return i;
  }

  xml(): string {
    const ids = new Map<string, number>();
    let next = 164;
    const custom: string[] = [];
    for (const f of this.formats) {
      if (f in BUILTIN_FORMATS) ids.set(f, BUILTIN_FORMATS[f]);
      else {
        ids.set(f, next);
        custom.push(`<numFmt numFmtId="${next}" formatCode="${xmlEscape(f)}"/>`);
        next++;
      }
    }
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      ...this.fills.map((argb) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`),
    ];
    const xfs = this.xfs.map(({ format, font, fill, wrap }) => {
      const id = ids.get(this.formats[format])!;
      const attrs =
        `numFmtId="${id}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
        (id ? ' applyNumberFormat="1"' : '') +
        (font ? ' applyFont="1"' : '') +
        (fill ? ' applyFill="1"' : '') +
        (wrap ? ' applyAlignment="1"' : '');
      return wrap ? `<xf ${attrs}><alignment vertical="center" wrapText="1"/></xf>` : `<xf ${attrs}/>`;
    });
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (custom.length ? `<numFmts count="${custom.length}">${custom.join('')}</numFmts>` : '') +
      `<fonts count="${FONT_XML.length}">${FONT_XML.join('')}</fonts>` +
      `<fills count="${fills.length}">${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

// ---------------------------------------------------------------- sheets

function checkSheetName(name: string, taken: Set<string>): void {
  if (!name || name.length > 31) throw new RangeError(`sheet name must be 1..31 characters: ${JSON.stringify(name)}`);
  if (/[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new RangeError(`sheet name cannot hold \\ / ? * [ ] : or start/end with an apostrophe: ${JSON.stringify(name)}`);
  }
  if (taken.has(name.toLowerCase())) throw new RangeError(`duplicate sheet name: ${JSON.stringify(name)}`);
  taken.add(name.toLowerCase());
}

interface ColumnPlan {
  letters: string;
  type: XlsxColumnType;
  /** Whether the column's format is General. */
  general: boolean;
  /** Style index per row style (normal, bold, alert, title). */
  xf: number[];
  /** Style of a Date in an 'auto' column of General format, per row style. */
  autoDate: number[];
  /** Style of the header cell. */
  header: number;
  /** Style of the column's empty cells (0: none). */
  column: number;
}

class Sheet implements XlsxSheet {
  readonly stream: PassThrough;
  rowCount = 0;
  private buf = '';
  private ended = false;
  private started = false;
  private cols: ColumnPlan[] = [];
  private readonly hasHeader: boolean;

  constructor(
    private readonly book: Workbook,
    readonly index: number,
    readonly name: string,
    private readonly opts: XlsxSheetOptions,
  ) {
    if (opts.columns.length > XLSX_MAX_COLUMNS) throw new RangeError(`too many columns: ${opts.columns.length}`);
    this.hasHeader = opts.columns.some((c) => c.header !== undefined && c.header !== '');
    this.stream = new PassThrough({ highWaterMark: 1 << 20 });
    // Failures reach the caller through the workbook (addRow / finish), never as an unhandled 'error'.
    this.stream.on('error', () => {});
  }

  /** Resolves column styles once the workbook's style table is known. */
  plan(styles: Styles): void {
    this.cols = this.opts.columns.map((c, i) => {
      const type = c.type ?? 'auto';
      const f = styles.format(c.numFmt ?? DEFAULT_FORMAT[type]);
      return {
        letters: columnLetter(i),
        type,
        general: f === 0,
        xf: ROW_STYLES.map((st) => styles.xf(f, st)),
        autoDate: ROW_STYLES.map((st) => styles.xf(1, st)),
        header: styles.xf(0, 'bold', c.headerFill, this.opts.headerWrap),
        column: c.formatEmptyCells && f !== 0 ? styles.xf(f, 'normal') : 0,
      };
    });
    for (const v of this.opts.validations ?? []) checkValidation(v, this.name);
  }

  private start(): void {
    this.started = true;
    const o = this.opts;
    let head = XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
    const selected = this.index === 0 ? ' tabSelected="1"' : '';
    if (o.frozenHeader && this.hasHeader) {
      head +=
        `<sheetViews><sheetView${selected} workbookViewId="0">` +
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
    } else {
      head += `<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`;
    }
    head += '<sheetFormatPr defaultRowHeight="15"/>';
    const widths = o.columns
      .map((c, i) => {
        const style = this.cols[i].column ? ` style="${this.cols[i].column}"` : '';
        if (c.width) return `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${style}/>`;
        return style ? `<col min="${i + 1}" max="${i + 1}" width="9.140625"${style}/>` : '';
      })
      .join('');
    if (widths) head += `<cols>${widths}</cols>`;
    head += '<sheetData>';
    this.buf = head;
    if (this.hasHeader) this.row(o.columns.map((c) => c.header ?? ''), 'bold', true);
  }

  addRow(values: readonly XlsxCellValue[], opts?: XlsxRowOptions): Promise<void> | undefined {
    if (this.ended) throw new Error(`sheet «${this.name}» has ended`);
    if (!this.started) {
      this.book.enter(this);
      this.start();
    }
    this.row(values, opts?.style, false);
    if (this.buf.length >= CHUNK_CHARS) return this.flush();
    return undefined;
  }

  private row(values: readonly XlsxCellValue[], style: XlsxRowStyle | undefined, header: boolean): void {
    if (this.rowCount >= XLSX_MAX_ROWS) throw new RangeError(`sheet «${this.name}»: more than ${XLSX_MAX_ROWS} rows do not fit in XLSX`);
    if (values.length > this.cols.length) throw new RangeError(`sheet «${this.name}»: row has ${values.length} values for ${this.cols.length} columns`);
    const r = ++this.rowCount;
    const font = style ? FONTS[style] : 0;
    let out = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || v === '') continue;
      const col = this.cols[i];
      const ref = col.letters + r;
      out += header ? inlineString(ref, col.header, String(v)) : cell(col, ref, font, v, this.name);
    }
    this.buf += out + '</row>';
  }

  /** Pushes the buffered XML; resolves when the stream can take more. */
  private flush(): Promise<void> | undefined {
    if (this.book.failed) throw this.book.failed;
    const chunk = this.buf;
    this.buf = '';
    if (!chunk) return undefined;
    if (this.stream.write(chunk, 'utf8')) return undefined;
    return this.book.drain(this.stream);
  }

  async end(): Promise<void> {
    if (this.ended) return;
    if (!this.started) {
      this.book.enter(this);
      this.start();
    }
    this.ended = true;
    if (this.book.failed) throw this.book.failed;
    let tail = '</sheetData>';
    if (this.opts.autoFilter && this.hasHeader) {
      tail += `<autoFilter ref="A1:${columnLetter(Math.max(0, this.cols.length - 1))}${this.rowCount}"/>`;
    }
    const validations = this.opts.validations ?? [];
    if (validations.length) tail += `<dataValidations count="${validations.length}">${validations.map(validationXml).join('')}</dataValidations>`;
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    this.buf += tail;
    // No wait for 'drain' here: an ending stream never emits it. What is buffered (≤ ~1 MB) is consumed by the zip in turn.
    this.stream.end(this.buf, 'utf8');
    this.buf = '';
  }

  get isEnded(): boolean {
    return this.ended;
  }
}


function cell(col: ColumnPlan, ref: string, font: number, v: XlsxCellValue, sheet: string): string {
  const s = col.xf[font];
  const st = s ? ` s="${s}"` : '';
  switch (col.type) {
    case 'string':
      return inlineString(ref, s, v instanceof Date ? v.toISOString() : v instanceof XlsxDecimal ? v.text : String(v));
    case 'number':
    case 'integer':
      return `<c r="${ref}"${st}><v>${numberText(v, col.type === 'integer', ref, sheet)}</v></c>`;
    case 'date':
      return `<c r="${ref}"${st}><v>${Math.floor(dateSerial(v, ref, sheet))}</v></c>`;
    case 'datetime':
      return `<c r="${ref}"${st}><v>${dateSerial(v, ref, sheet)}</v></c>`;
    default:
      if (typeof v === 'number' || typeof v === 'bigint') return `<c r="${ref}"${st}><v>${numberText(v, false, ref, sheet)}</v></c>`;
      if (v instanceof XlsxDecimal) return `<c r="${ref}"${st}><v>${v.text}</v></c>`;
      if (typeof v === 'boolean') return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
      if (v instanceof Date) return `<c r="${ref}" s="${col.general ? col.autoDate[font] : s}"><v>${dateSerial(v, ref, sheet)}</v></c>`;
      return inlineString(ref, s, String(v));
  }
}

const VALIDATION_TEXT_LIMITS = { title: 32, message: 255 } as const;

function checkValidation(v: XlsxValidation, sheet: string): void {
  const where = `sheet «${sheet}» validation ${v.range}`;
  for (const [what, box] of [
    ['error', v.error],
    ['prompt', v.prompt],
  ] as const) {
    if (!box) continue;
    if ((box.title?.length ?? 0) > VALIDATION_TEXT_LIMITS.title) throw new RangeError(`${where}: ${what} title over ${VALIDATION_TEXT_LIMITS.title} characters`);
    if (box.message.length > VALIDATION_TEXT_LIMITS.message) throw new RangeError(`${where}: ${what} message over ${VALIDATION_TEXT_LIMITS.message} characters`);
  }
  if (v.values) {
    if (v.values.some((x) => x.includes(',') || x.includes('"'))) throw new RangeError(`${where}: list values cannot hold «,» or «"»`);
    if (v.values.join(',').length > 255) throw new RangeError(`${where}: list values over 255 characters; use a range`);
  }
  if (v.type !== 'none' && v.formula1 === undefined && !v.values) throw new RangeError(`${where}: formula1 or values needed`);
  if (!/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?( \$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?)*$/.test(v.range)) {
    throw new RangeError(`${where}: not a cell range`);
  }
}

function validationXml(v: XlsxValidation): string {
  let a = v.type === 'none' ? '' : ` type="${v.type}"`;
  if (v.operator && v.operator !== 'between') a += ` operator="${v.operator}"`;
  if (v.error) a += ` errorStyle="${v.error.style ?? 'stop'}"`;
  if (v.allowBlank ?? true) a += ' allowBlank="1"';
  if (v.prompt) a += ' showInputMessage="1"';
  if (v.error) a += ' showErrorMessage="1"';
  if (v.error?.title) a += ` errorTitle="${xmlEscape(v.error.title)}"`;
  if (v.error) a += ` error="${xmlEscape(v.error.message)}"`;
  if (v.prompt?.title) a += ` promptTitle="${xmlEscape(v.prompt.title)}"`;
  if (v.prompt) a += ` prompt="${xmlEscape(v.prompt.message)}"`;
  const f1 = v.values ? `"${v.values.join(',')}"` : v.formula1;
  const body = (f1 !== undefined ? `<formula1>${xmlEscape(f1)}</formula1>` : '') + (v.formula2 !== undefined ? `<formula2>${xmlEscape(v.formula2)}</formula2>` : '');
  return `<dataValidation${a} sqref="${v.range}">${body}</dataValidation>`;
}

function numberText(v: XlsxCellValue, integer: boolean, ref: string, sheet: string): string {
  let text: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`sheet «${sheet}» ${ref}: not a finite number: ${v}`);
    text = String(v);
  } else if (typeof v === 'string') {
    if (!NUMERIC.test(v)) throw new TypeError(`sheet «${sheet}» ${ref}: not a number: ${JSON.stringify(v)}`);
    text = v;
  } else if (v instanceof XlsxDecimal) {
    text = v.text;
  } else if (typeof v === 'bigint') {
    text = String(v);
  } else {
    throw new TypeError(`sheet «${sheet}» ${ref}: not a number: ${String(v)}`);
  }
  if (integer && !/^-?\d+$/.test(text)) throw new TypeError(`sheet «${sheet}» ${ref}: not an integer: ${text}`);
  return text;
}

function dateSerial(v: XlsxCellValue, ref: string, sheet: string): number {
  if (typeof v === 'string') {
    const fast = fastWallClockSerial(v);
    if (fast !== undefined) return fast;
  }
  if (typeof v === 'string' || v instanceof Date) {
    try {
      return excelSerial(v);
    } catch (e) {
      throw new TypeError(`sheet «${sheet}» ${ref}: ${(e as Error).message}`);
    }
  }
  throw new TypeError(`sheet «${sheet}» ${ref}: not a date: ${String(v)}`);
}

// ---------------------------------------------------------------- workbook

class Workbook implements XlsxWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly sheets: Sheet[] = [];
  private readonly names = new Set<string>();
  private readonly styles = new Styles();
  private sealed = false;
  private finishing: Promise<void> | null = null;
  private failure: Error | null = null;
  get failed(): Error | null {
    return this.failure;
  }
  private readonly failureWaiters = new Set<(e: Error) => void>();
  private readonly done: Promise<void>;
  private readonly mtime: Date;

  constructor(
    output: Writable,
    private readonly opts: XlsxWriterOptions,
  ) {
    this.mtime = opts.created ?? new Date();
    const fail = (e: Error) => this.fail(e);
    this.zip.on('error', fail);
    this.zip.outputStream.on('error', fail);
    this.zip.outputStream.pipe(output);
    this.done = finished(output).catch((e: Error) => {
      this.fail(e);
      throw e;
    });
    // Reported through finish() / addRow(); never an unhandled rejection.
    this.done.catch(() => {});
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    for (const w of this.failureWaiters) w(e);
    this.failureWaiters.clear();
    for (const s of this.sheets) s.stream.destroy();
  }

  addSheet(name: string, opts: XlsxSheetOptions): XlsxSheet {
    if (this.sealed) throw new Error('declare every sheet before writing the first row');
    checkSheetName(name, this.names);
    const sheet = new Sheet(this, this.sheets.length, name, opts);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A sheet starts writing: every earlier sheet must have ended. */
  enter(sheet: Sheet): void {
    if (this.failure) throw this.failure;
    this.seal();
    const open = this.sheets.find((s) => s.index < sheet.index && !s.isEnded);
    if (open) throw new Error(`sheet «${sheet.name}» cannot start before sheet «${open.name}» has ended`);
  }

  /** Waits for a sheet stream to drain, or for a failure. */
  drain(stream: PassThrough): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      const onFail = (e: Error) => {
        stream.off('drain', onDrain);
        reject(e);
      };
      const onDrain = () => {
        this.failureWaiters.delete(onFail);
        resolve();
      };
      this.failureWaiters.add(onFail);
      stream.once('drain', onDrain);
    });
  }

  private seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    if (!this.sheets.length) throw new Error('a workbook needs at least one sheet');
    for (const s of this.sheets) s.plan(this.styles);
    const part = (xml: string, path: string) => this.zip.addBuffer(Buffer.from(xml, 'utf8'), path, this.entry());
    const n = this.sheets.length;
    part(
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        this.sheets
          .map((s) => `<Override PartName="/xl/worksheets/sheet${s.index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
      '[Content_Types].xml',
    );
    part(
      XML_HEAD +
        `<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
      '_rels/.rels',
    );
    const created = this.mtime.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const creator = xmlEscape(this.opts.creator ?? '');
    part(
      XML_HEAD +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        (creator ? `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` : '') +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
        '</cp:coreProperties>',
      'docProps/core.xml',
    );
    part(
      XML_HEAD +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
        `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
        `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${this.sheets.map((s) => `<vt:lpstr>${xmlEscape(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
        '</Properties>',
      'docProps/app.xml',
    );
    part(
      XML_HEAD +
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
        this.sheets.map((s) => `<sheet name="${xmlEscape(s.name)}" sheetId="${s.index + 1}" r:id="rId${s.index + 1}"/>`).join('') +
        '</sheets></workbook>',
      'xl/workbook.xml',
    );
    part(
      XML_HEAD +
        `<Relationships xmlns="${NS_PKG_REL}">` +
        this.sheets.map((s) => `<Relationship Id="rId${s.index + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${s.index + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        '</Relationships>',
      'xl/_rels/workbook.xml.rels',
    );
    part(this.styles.xml(), 'xl/styles.xml');
    for (const s of this.sheets) {
      this.zip.addReadStreamLazy(`xl/worksheets/sheet${s.index + 1}.xml`, this.entry(), (cb) => cb(null, s.stream));
    }
  }

  private entry() {
    return { compress: true, mtime: this.mtime, ...(this.opts.compressionLevel ? { compressionLevel: this.opts.compressionLevel } : {}) };
  }

  finish(): Promise<void> {
    this.finishing ??= (async () => {
      if (this.failure) throw this.failure;
      this.seal();
      for (const s of this.sheets) await s.end();
      this.zip.end();
      await this.done;
      if (this.failure) throw this.failure;
    })();
    return this.finishing;
  }
}

/** A workbook written to `output` (ended when the workbook is finished). */
export function createXlsxWriter(output: Writable, opts: XlsxWriterOptions = {}): XlsxWriter {
  return new Workbook(output, opts);
}

/** A workbook built by `build` in memory and finished: for the small files answered whole (templates, result files, exports of one screen). */
export async function xlsxBuffer(build: (w: XlsxWriter) => Promise<void>, opts: XlsxWriterOptions = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = createXlsxWriter(out, opts);
  await build(w);
  await w.finish();
  return Buffer.concat(chunks);
}
