/**
 * An uploaded table with a header row (XLSX or CSV), read whole: type by
 * content, the columns found by their header (or an alias; case, «ё» and
 * punctuation ignored), then every non-blank row below it as the named
 * columns' cells, each passed through `keep` (so only what is needed stays in
 * memory). Every fault of the file — its kind, its size, a required column
 * missing, no rows — is a 422 naming the field `file`.
 *
 *   const { header, rows } = await readHeadedTable(file, { columns, maxRows: 10_000, rowCapMessage, keep });
 */
import { invalid } from '../http/errors.js';
import { cellText, isBlankRow, type Cell } from './cells.js';
import { FileRefusal } from './refusal.js';
import { sniffFile } from './sniff.js';
import { readTable } from './table.js';

export interface HeaderColumn<C extends string> {
  col: C;
  /** The header written in the template and named when the column is missing. */
  header: string;
  aliases?: readonly string[];
  required?: boolean;
}

export interface HeadedTableOptions<C extends string, V> {
  columns: readonly HeaderColumn<C>[];
  /** Rows under the header beyond which the file is refused with `rowCapMessage`. */
  maxRows: number;
  rowCapMessage: string;
  /** A row's cell of column `col` as kept: null where the file has no such column, undefined where the row is short. */
  keep: (cell: Cell | undefined, col: C) => V;
}

export interface HeadedRow<C extends string, V> {
  rowNumber: number;
  values: Record<C, V>;
}

export interface HeadedTable<C extends string, V> {
  /** Each found column's index in the file (for cell addresses). */
  header: Map<C, number>;
  rows: HeadedRow<C, V>[];
}

/** A header or a word as compared: lower case, «ё» as «е», letters and digits only. */
export const headerWord = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]/g, '');

export async function readHeadedTable<C extends string, V>(file: { path: string; head: Buffer }, opts: HeadedTableOptions<C, V>): Promise<HeadedTable<C, V>> {
  const sniff = await sniffFile(file.path, file.head);
  if (!sniff.ok) throw invalid({ field: 'file', message: sniff.message });
  const table = readTable(file.path, sniff.type, {
    maxRows: opts.maxRows + 1,
    rowCapMessage: () => opts.rowCapMessage,
    limits: { maxRowChars: 64 * 1024, maxColumns: 256 },
  });
  let header: Map<C, number> | null = null;
  const rows: HeadedRow<C, V>[] = [];
  try {
    for await (const r of table.rows()) {
      if (isBlankRow(r.cells)) continue;
      if (!header) {
        header = mapHeader(opts.columns, r.cells);
        continue;
      }
      const values = {} as Record<C, V>;
      for (const { col } of opts.columns) values[col] = opts.keep(header.has(col) ? r.cells[header.get(col)!] : null, col);
      rows.push({ rowNumber: r.rowNumber, values });
    }
  } catch (e) {
    if (e instanceof FileRefusal) throw invalid(e.problems.map((p) => ({ field: 'file', message: p.message })));
    throw e;
  }
  if (!header) throw invalid({ field: 'file', message: 'Файл: в файле нет строк' });
  return { header, rows };
}

/** The columns of the header row; a required column missing refuses the file. */
function mapHeader<C extends string>(columns: readonly HeaderColumn<C>[], cells: readonly Cell[]): Map<C, number> {
  const byWord = new Map<string, C>();
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) byWord.set(headerWord(h), c.col);
  const index = new Map<C, number>();
  cells.map(cellText).forEach((h, i) => {
    const col = byWord.get(headerWord(h));
    if (col && !index.has(col)) index.set(col, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.col));
  if (missing.length) {
    const expected = columns.map((c) => `«${c.header}»`).join(', ');
    throw invalid(missing.map((c) => ({ field: 'file', message: `Файл: нет столбца «${c.header}»; ожидаются столбцы ${expected}` })));
  }
  return index;
}
