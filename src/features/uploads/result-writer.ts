/**
 * The result file of a trips upload: an XLSX written as rows arrive with the
 * flat-memory writer (never held whole) — the original columns, «Статус»
 * («Принято» / «Отклонено», rejected rows in red), «Причины», the row's number
 * in the file — and a sheet «Итоги» (counts, the file's problems and notes).
 * Written under a temporary name, fsynced, then renamed into place.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createXlsxWriter, type XlsxCellValue, type XlsxSheet, type XlsxWriter } from '../../platform/spreadsheet/writer.js';
import type { Cell, CellScalar } from '../../platform/spreadsheet/cells.js';
import type { FileProblem } from '../../platform/spreadsheet/refusal.js';
import type { AppContext } from '../../platform/context.js';
import { fsyncFile } from '../../platform/files/index.js';
import { formatMoscowDateTime, moscowOffsetMs } from '../../domain/period.js';
import type { ColumnMap } from './columns.js';
import { resultKey, tempPath, uploadStore } from './storage.js';
import type { RowOutcome } from './tables.js';

export const STATUS_ACCEPTED = 'Принято';
export const STATUS_REJECTED = 'Отклонено';

/** A cell of the uploaded file as it is written back into the result. */
function asWritten(c: Cell): XlsxCellValue {
  // A date cell read from the file holds its wall-clock time in its UTC fields;
  // the writer writes Dates as Moscow wall-clock time, so shift it back to write it as it was.
  if (c instanceof Date) return new Date(c.getTime() - moscowOffsetMs(c));
  if (c !== null && typeof c === 'object') {
    if ('error' in c) return c.error;
    if (c.formula) return `=${c.formula}`;
    const r = c.result;
    return r !== null && typeof r === 'object' && !(r instanceof Date) ? r.error : asWritten(r as CellScalar);
  }
  return c;
}

export interface ResultSummary {
  fileName: string;
  createdAt: Date;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  problems: FileProblem[];
  notes: FileProblem[];
}

export class ResultWriter {
  private readonly tmp: string;
  private output: fs.WriteStream | null = null;
  private book: XlsxWriter | null = null;
  private results: XlsxSheet | null = null;
  private summary: XlsxSheet | null = null;
  private width = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly uploadId: string,
  ) {
    this.tmp = tempPath(ctx.config) + '.xlsx';
  }

  header(cells: readonly Cell[], map: ColumnMap): void {
    const width = Math.max(cells.length, ...[...map.index.values()].map((i) => i + 1));
    const headers = Array.from({ length: width }, (_, i) => map.headers[i] ?? '');
    const dateCols = new Set([map.index.get('loadedAt'), map.index.get('unloadedAt')]);
    this.width = width;
    this.output = fs.createWriteStream(this.tmp);
    this.book = createXlsxWriter(this.output, { created: this.ctx.now() });
    this.results = this.book.addSheet('Результат', {
      frozenHeader: true,
      columns: [
        ...headers.map((h, i) => ({ header: h, width: Math.max(12, Math.min(40, h.length + 4)), ...(dateCols.has(i) ? { numFmt: 'dd.mm.yyyy hh:mm' } : {}) })),
        { header: 'Статус', width: 12, type: 'string' as const },
        { header: 'Причины', width: 80, type: 'string' as const },
        { header: 'Строка файла', width: 10, type: 'integer' as const },
      ],
    });
    this.summary = this.book.addSheet('Итоги', { columns: [{ width: 34, type: 'string' }, { width: 90 }] });
  }

  /** Writes one row; a returned promise asks the caller to wait (backpressure). */
  row(cells: readonly Cell[], o: RowOutcome): Promise<void> | undefined {
    if (!this.results) return undefined;
    const values: XlsxCellValue[] = cells.map(asWritten);
    while (values.length < this.width) values.push(null);
    values.length = this.width;
    const accepted = o[1] === 'a';
    values.push(accepted ? STATUS_ACCEPTED : STATUS_REJECTED, o[3].join('; '), o[0]);
    return this.results.addRow(values, accepted ? undefined : { style: 'alert' });
  }

  async finish(s: ResultSummary): Promise<void> {
    if (!this.book) {
      // Refused before any header: a workbook with the summary only.
      this.output = fs.createWriteStream(this.tmp);
      this.book = createXlsxWriter(this.output, { created: this.ctx.now() });
      this.summary = this.book.addSheet('Итоги', { columns: [{ width: 34, type: 'string' }, { width: 90 }] });
    }
    await this.results?.end();
    const sum = this.summary!;
    const add = async (a: string, b: string | number, style?: 'bold' | 'alert') => {
      await sum.addRow([a, b], style ? { style } : undefined);
    };
    await add('Результат загрузки рейсов', '', 'bold');
    await add('Файл', s.fileName);
    await add('Загружен', formatMoscowDateTime(s.createdAt));
    await add('Обработан', formatMoscowDateTime(this.ctx.now()));
    await add('Строк данных в файле', s.rows);
    await add('Принято', s.accepted);
    await add('Отклонено', s.rejected, s.rejected ? 'alert' : undefined);
    await add('в том числе повторы', s.duplicates);
    if (s.problems.length) {
      await add('Файл не принят', '', 'alert');
      for (const p of s.problems) await add('', p.message);
    }
    if (s.notes.length) {
      await add('Замечания', '');
      for (const p of s.notes) await add('', p.message);
    }
    await this.book.finish();
    await fsyncFile(this.tmp);
    await uploadStore(this.ctx.config).putFile(resultKey(this.uploadId), this.tmp);
  }

  async abort(): Promise<void> {
    this.output?.destroy();
    await fsp.rm(this.tmp, { force: true });
  }
}
