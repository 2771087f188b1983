/**
 * The CSV reader: csv-parse over iconv-lite, UTF-8 (with or without a BOM) or
 * Windows-1251, separated by «;», «,» or tab (whichever the first line uses
 * most), streamed record by record.
 *
 * Bounds (refusals naming the line): a record's characters (csv-parse stops
 * there, so a 10 MB line or a quote left open never fills memory), a cell's
 * characters (Excel's 32 767), the number of non-empty records (the caller's
 * cap). Quoting is strict — a quote inside an unquoted value, or text after a
 * closing quote, is a refusal naming the line, never a silently garbled value;
 * UTF-16 text is refused with advice (Excel's «Текст Юникод» export).
 */
import fs from 'node:fs';
import type { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { parse as csvParse } from 'csv-parse';
import { XLSX_MAX_TEXT, type Cell, type TableRow } from './cells.js';
import { FileRefusal, groupDigits, refuse } from './refusal.js';
import { UTF16_REFUSAL, isUtf8Prefix, looksUtf16 } from './sniff.js';

export type CsvEncoding = 'utf-8' | 'windows-1251';

export interface CsvLimits {
  maxCellChars: number;
  maxRecordChars: number;
}

export const CSV_LIMITS: CsvLimits = { maxCellChars: XLSX_MAX_TEXT, maxRecordChars: 256 * 1024 };

export interface CsvReadOptions {
  /** Non-empty records (the header included) beyond which the file is refused. */
  maxRows?: number;
  rowCapMessage?: (maxRows: number) => string;
  limits?: Partial<CsvLimits>;
}

/** Encoding and separator, judged from the first 64 KB. */
export async function sniffCsv(file: string): Promise<{ encoding: CsvEncoding; delimiter: string }> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (looksUtf16(head)) throw refuse(UTF16_REFUSAL);
    const encoding: CsvEncoding = isUtf8Prefix(head) ? 'utf-8' : 'windows-1251';
    const text = iconv.decode(head, encoding);
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
    counts.sort((a, b) => b[1] - a[1]);
    return { encoding, delimiter: counts[0][1] > 0 ? counts[0][0] : ';' };
  } finally {
    await fh.close();
  }
}

function csvRefusal(e: unknown, records: number, maxRecordChars: number): Error {
  if (e instanceof FileRefusal) return e;
  const err = e as { code?: string; records?: number; syscall?: string };
  if (typeof err.syscall === 'string') return e as Error; // our own I/O
  // The parser runs ahead of the rows taken from it: its own count says where it stopped.
  const row = (typeof err.records === 'number' ? err.records : records) + 1;
  switch (err.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return refuse(`Файл: строка ${row} длиннее ${groupDigits(maxRecordChars)} символов — возможно, в ней не закрыта кавычка «"»; проверьте кавычки или уберите лишние данные`);
    case 'CSV_QUOTE_NOT_CLOSED':
      return refuse(`Файл: кавычка «"», открытая в строке ${row}, не закрыта до конца файла; проверьте кавычки в этой строке`);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return refuse(
        `Файл: в строке ${row} после закрывающей кавычки «"» идут другие символы; кавычку внутри значения в кавычках пишите дважды («""»)`,
      );
    case 'INVALID_OPENING_QUOTE': // (csv-parse names this one without the prefix)
    case 'CSV_INVALID_OPENING_QUOTE':
      return refuse(`Файл: в строке ${row} кавычка «"» стоит посреди значения; заключите значение в кавычки целиком`);
    default:
      return refuse(`Файл: строка ${row} нарушает формат CSV`);
  }
}

/** Streams the records of a CSV file; records whose cells are all empty are skipped. */
export async function* readCsv(file: string, opts: CsvReadOptions = {}): AsyncGenerator<TableRow> {
  const L = { ...CSV_LIMITS, ...opts.limits };
  const maxRows = opts.maxRows ?? Number.MAX_SAFE_INTEGER;
  const { encoding, delimiter } = await sniffCsv(file);
  const source = fs.createReadStream(file);
  const decoded = source.pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Transform;
  const parser = decoded.pipe(
    csvParse({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: false,
      skip_empty_lines: false,
      max_record_size: L.maxRecordChars,
    }),
  );
  source.on('error', (e) => parser.destroy(e));
  let records = 0;
  let nonEmpty = 0;
  try {
    for await (const rec of parser) {
      const fields = rec as string[];
      const rowNumber = ++records;
      let any = false;
      const cells: Cell[] = fields.map((s, i) => {
        if (s.length > L.maxCellChars) {
          throw refuse(`Файл: значение в строке ${rowNumber}, столбце ${i + 1} длиннее ${groupDigits(L.maxCellChars)} символов — больше, чем допускает Excel`);
        }
        if (s === '') return null;
        any = true;
        return s;
      });
      if (!any) continue;
      if (++nonEmpty > maxRows) throw refuse((opts.rowCapMessage ?? ((n) => `Файл: в файле больше ${groupDigits(n)} строк`))(maxRows));
      yield { rowNumber, cells };
    }
  } catch (e) {
    throw csvRefusal(e, records, L.maxRecordChars);
  } finally {
    parser.destroy();
    decoded.destroy();
    source.destroy();
  }
}
