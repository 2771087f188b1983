/**
 * What a reader gives for a cell, and the addresses of cells and ranges.
 *
 * Dates are "wall-clock dates": a spreadsheet date has no time zone, so the
 * `Date`'s UTC fields hold the date and time as written in the cell
 * (13.03.2026 09:30 in the cell → `Date.UTC(2026, 2, 13, 9, 30)`). The reader
 * of a date decides which zone it is in (trips: Moscow).
 */

/** A formula's cached value (what Excel showed when the file was saved), if any. */
export type CellScalar = string | number | boolean | Date | null;

export type Cell =
  | CellScalar
  /** A formula: its text without «=» ('' for a cell sharing another cell's formula) and its cached result. */
  | { formula: string; result: CellScalar | { error: string } }
  /** An error value such as «#ДЕЛ/0!» / «#DIV/0!». */
  | { error: string };

export interface TableRow {
  /** 1-based row number in the file (Excel row, or CSV record). */
  rowNumber: number;
  /** 0-based cells; a missing cell is null. */
  cells: Cell[];
}

export interface MergeRange {
  ref: string;
  /** 1-based rows, 0-based columns, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's limits. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
export const XLSX_MAX_TEXT = 32_767;

/** Excel-style column letters of a 0-based index: 0 → A, 26 → AA, 16383 → XFD. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'AB12' → { column: 27, row: 12 } (0-based column, 1-based row); null when it is not a cell reference within Excel's limits. */
export function parseCellRef(ref: string): { column: number; row: number } | null {
  let i = 0;
  let column = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c === 36 /* $ */ && i === 0) {
      i++;
      continue;
    }
    const up = c >= 97 && c <= 122 ? c - 32 : c;
    if (up < 65 || up > 90) break;
    column = column * 26 + (up - 64);
    if (column > XLSX_MAX_COLUMNS) return null;
    i++;
  }
  if (column === 0) return null;
  if (ref.charCodeAt(i) === 36) i++;
  if (i >= ref.length || i + 7 < ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (row < 1 || row > XLSX_MAX_ROWS) return null;
  return { column: column - 1, row };
}

/** 'B5:C7' (or 'B5') → the range; null when it is not one. */
export function parseRange(ref: string): MergeRange | null {
  const [a, b = a, extra] = ref.split(':');
  if (extra !== undefined) return null;
  const p = parseCellRef(a);
  const q = parseCellRef(b);
  if (!p || !q) return null;
  return {
    ref,
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.column, q.column),
    right: Math.max(p.column, q.column),
  };
}

/** A cell as trimmed text (a formula as «=…», an error as its code, a date as ISO). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if (c instanceof Date) return c.toISOString();
  if ('formula' in c) return `=${c.formula}`;
  return c.error;
}

/**
 * A string that holds its own characters. A string cut from a larger one (as
 * the XML and CSV parsers cut values from their input chunks) keeps the larger
 * one alive; copy what is kept for long.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}
