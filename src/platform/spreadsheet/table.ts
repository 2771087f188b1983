/**
 * One way to read a table from a stored file, whatever its kind: the chosen
 * sheet of an XLSX (xlsx-reader.ts) or the records of a CSV (csv.ts), as rows
 * of cells (cells.ts), every fault of the file a `FileRefusal`.
 *
 *   const table = readTable(file, 'xlsx', { maxRows: 10_001, pickSheet });
 *   for await (const row of table.rows()) { … }
 *   table.merges; table.sheetName;   // once read through
 */
import type { MergeRange, TableRow } from './cells.js';
import { readCsv, type CsvLimits } from './csv.js';
import type { FileKind } from './sniff.js';
import { readXlsx, type SheetInfo, type XlsxLimits, type XlsxSheetReader } from './xlsx-reader.js';

export interface TableReadOptions {
  /** Non-empty rows (the header included) beyond which the file is refused. */
  maxRows?: number;
  rowCapMessage?: (maxRows: number) => string;
  /** XLSX: which sheet to read (default the first). */
  pickSheet?: (sheets: readonly SheetInfo[]) => SheetInfo | undefined;
  limits?: Partial<XlsxLimits> & Partial<CsvLimits>;
}

export interface TableReader {
  rows(): AsyncGenerator<TableRow>;
  /** Merged ranges (XLSX), complete once the rows have been read through. */
  readonly merges: readonly MergeRange[];
  /** The sheet read (XLSX), known once reading has begun. */
  readonly sheetName: string | null;
}

export function readTable(file: string, kind: FileKind, opts: TableReadOptions = {}): TableReader {
  if (kind === 'xlsx') {
    const x: XlsxSheetReader = readXlsx(file, { maxRows: opts.maxRows, rowCapMessage: opts.rowCapMessage, pickSheet: opts.pickSheet, limits: opts.limits });
    return {
      rows: () => x.rows(),
      get merges() {
        return x.merges;
      },
      get sheetName() {
        return x.sheet?.name ?? null;
      },
    };
  }
  return {
    rows: () => readCsv(file, { maxRows: opts.maxRows, rowCapMessage: opts.rowCapMessage, limits: opts.limits }),
    merges: [],
    sheetName: null,
  };
}

/** The sheet named `name` (case and surrounding spaces ignored), else the first. */
export const sheetNamed =
  (name: string) =>
  (sheets: readonly SheetInfo[]): SheetInfo | undefined =>
    sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase()) ?? sheets[0];
