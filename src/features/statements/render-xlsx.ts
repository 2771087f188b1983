/**
 * The statement as XLSX, for machines: sheet «Рейсы» with one row per trip
 * and typed cells (numbers, dates as Moscow wall-clock date-times, text), and
 * sheet «Итоги» with the header data, totals and utilization.
 *
 * Written with our streaming writer (src/platform/xlsx/writer.ts): rows are
 * compressed into the zip as they come, so memory does not grow with the
 * number of trips. Volumes and masses are exact decimals written verbatim.
 */
import { Writable } from 'node:stream';
import { formatMoscowDateTime } from '../../domain/period.js';
import { XLSX_MAX_ROWS, createXlsxWriter, xlsxDecimal, type XlsxCellValue, type XlsxColumn } from '../../platform/spreadsheet/writer.js';
import type { PdfInput } from './render-pdf.js';
import { RECEIPT_LABELS } from './render-pdf.js';
import type { TripTuple } from './queries.js';

export const TRIP_SHEET = 'Рейсы';
export const TOTALS_SHEET = 'Итоги';

export const XLSX_TRIP_HEADERS = [
  '№ п/п',
  'ID рейса',
  'Разрешение',
  'Погрузка (МСК)',
  'Выгрузка (МСК)',
  'Госномер ТС',
  'Перевозчик',
  'Объект приёма',
  'Код ФККО',
  'Вид отходов',
  'Класс опасности',
  'Объём, м³',
  'Масса, т',
  'Статус приёмки',
  'Принятая масса, т',
] as const;

const TRIP_COLUMNS: XlsxColumn[] = (
  [
    ['integer', 8],
    ['integer', 10],
    ['string', 20],
    ['datetime', 17],
    ['datetime', 17],
    ['string', 12],
    ['string', 24],
    ['string', 28],
    ['string', 13],
    ['string', 50],
    ['integer', 9],
    ['number', 11, '0.00'],
    ['number', 11, '0.000'],
    ['string', 12],
    ['number', 12, '0.000'],
  ] as const
).map(([type, width, numFmt], i) => ({ header: XLSX_TRIP_HEADERS[i], type, width, ...(numFmt ? { numFmt } : {}) }));

export async function renderStatementXlsx(opts: {
  input: PdfInput;
  trips: AsyncIterable<TripTuple[]>;
  write: (chunk: Buffer) => void;
  onBatch?: (done: number) => Promise<void>;
  /** Trips per sheet (tests make it small); at most XLSX_MAX_ROWS - 1. */
  rowsPerSheet?: number;
}): Promise<void> {
  const sink = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _enc, cb) {
      try {
        opts.write(chunk);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
  const wb = createXlsxWriter(sink, { creator: 'ОССиГ', created: opts.input.orderedAt });
  // A sheet holds at most XLSX_MAX_ROWS rows (the header included): more trips continue on «Рейсы (2)», …
  const perSheet = Math.min(opts.rowsPerSheet ?? XLSX_MAX_ROWS - 1, XLSX_MAX_ROWS - 1);
  const sheetCount = Math.max(1, Math.ceil(opts.input.totals.trips / perSheet));
  const tripSheets = Array.from({ length: sheetCount }, (_, i) =>
    wb.addSheet(i === 0 ? TRIP_SHEET : `${TRIP_SHEET} (${i + 1})`, { columns: TRIP_COLUMNS, frozenHeader: true }),
  );
  const tot = wb.addSheet(TOTALS_SHEET, { columns: [34, 22, 50, 16, 16, 22, 14, 14].map((width) => ({ width })) });
  let n = 0;
  let ws = tripSheets[0];
  for await (const batch of opts.trips) {
    for (const t of batch) {
      if (n > 0 && n % perSheet === 0) {
        await ws.end();
        ws = tripSheets[n / perSheet];
        if (!ws) throw new Error(`more trips than counted for the statement (${opts.input.totals.trips})`);
      }
      n++;
      // Dates are Moscow wall-clock strings and go in as they are; volumes and masses are exact decimals.
      const wait = ws.addRow([n, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], RECEIPT_LABELS[t[12]] ?? t[12], t[13]]);
      if (wait) await wait;
    }
    if (opts.onBatch) await opts.onBatch(n);
  }
  for (const sheet of tripSheets) await sheet.end();

  const d = opts.input;
  const add = (values: XlsxCellValue[], bold = false) => tot.addRow(values, bold ? { style: 'bold' } : undefined);
  const num = (s: string | null) => (s === null ? null : xlsxDecimal(s));
  add(['Сведения о результатах перемещения ОСС', d.number], true);
  add(['Дата', formatMoscowDateTime(d.orderedAt)]);
  add(['Отходопроизводитель', d.header.producer.name]);
  add(['ИНН', d.header.producer.inn]);
  add(['ОГРН', d.header.producer.ogrn ?? '']);
  add(['Объект', d.header.site.name]);
  add(['Адрес', d.header.site.address]);
  add(['Кадастровые номера', d.header.site.cadastralNumbers.join(', ')]);
  add(['Период с', d.periodFrom]);
  add(['Период по', d.periodTo]);
  add(['Рейсов', d.totals.trips]);
  add(['Объём, м³', num(d.totals.volume)]);
  add(['Масса, т', num(d.totals.mass)]);
  add([]);
  add(['По разрешениям', 'Разрешение', '', 'Рейсов', 'Объём, м³', 'Масса, т'], true);
  for (const r of d.totals.byPermit) add(['', r.number, '', r.trips, num(r.volume), num(r.mass)]);
  add([]);
  add(['По видам отходов', 'Код ФККО', 'Вид отходов', 'Рейсов', 'Объём, м³', 'Масса, т'], true);
  for (const r of d.totals.byWaste) add(['', r.code, r.name, r.trips, num(r.volume), num(r.mass)]);
  add([]);
  add(['По объектам приёма', 'ИНН', 'Объект приёма', 'Рейсов', 'Объём, м³', 'Масса, т'], true);
  for (const r of d.totals.byFacility) add(['', r.inn, r.name, r.trips, num(r.volume), num(r.mass)]);
  add([]);
  add(['Использование разрешённых объёмов', 'Разрешение / код ФККО', 'Вид отходов', 'Разрешено, м³', 'За период, м³', 'Всего на конец периода, м³', 'Использовано, %', 'Превышение'], true);
  for (const u of d.totals.utilization) {
    tot.addRow(['', `${u.permitNumber} / ${u.code}`, u.name, num(u.permitted), num(u.movedInPeriod), num(u.movedTotal), num(u.sharePercent), u.over ? 'да' : 'нет'], u.over ? { style: 'alert' } : undefined);
  }
  await wb.finish();
}
