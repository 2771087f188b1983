/**
 * The statement as XLSX, for machines: sheet «Рейсы» with one row per trip
 * and typed cells (numbers, dates as Moscow wall-clock date-times, text), and
 * sheet «Итоги» with the header data, totals and utilization.
 *
 * exceljs' streaming WorkbookWriter (no shared strings): rows are committed as
 * they come, so memory does not grow with the number of trips.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatMoscowDateTime } from '../../domain/period.js';
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

/** 'YYYY-MM-DD HH:MI' (Moscow wall clock) → a Date whose UTC fields are that wall clock (Excel dates have no zone). */
export const wallClockDate = (s: string): Date => new Date(`${s.slice(0, 10)}T${s.slice(11, 16)}:00Z`);

export async function renderStatementXlsx(opts: {
  input: PdfInput;
  trips: AsyncIterable<TripTuple[]>;
  write: (chunk: Buffer) => void;
  onBatch?: (done: number) => Promise<void>;
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
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  wb.creator = 'ОССиГ';
  wb.created = opts.input.orderedAt;
  const ws = wb.addWorksheet(TRIP_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  // One style object per column, shared by every cell: exceljs then resolves each style once
  // (a per-cell style object costs a style lookup per cell).
  const general = {};
  const dt = { numFmt: 'dd.mm.yyyy hh:mm' };
  const m3 = { numFmt: '0.00' };
  const t3 = { numFmt: '0.000' };
  const styles: Partial<ExcelJS.Style>[] = [general, general, general, dt, dt, general, general, general, general, general, general, m3, t3, general, t3];
  ws.columns = [8, 10, 20, 17, 17, 12, 24, 28, 13, 50, 9, 11, 11, 12, 12].map((width) => ({ width }));
  const head = ws.addRow([...XLSX_TRIP_HEADERS]);
  head.font = { bold: true };
  head.commit();
  let n = 0;
  for await (const batch of opts.trips) {
    for (const t of batch) {
      n++;
      const row = ws.addRow([
        n,
        t[0],
        t[1],
        wallClockDate(t[2]),
        wallClockDate(t[3]),
        t[4],
        t[5],
        t[6],
        t[7],
        t[8],
        t[9],
        Number(t[10]),
        Number(t[11]),
        RECEIPT_LABELS[t[12]] ?? t[12],
        t[13] === null ? null : Number(t[13]),
      ]);
      for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
      row.commit();
    }
    if (opts.onBatch) await opts.onBatch(n);
  }
  ws.commit();

  const d = opts.input;
  const tot = wb.addWorksheet(TOTALS_SHEET);
  tot.columns = [{ width: 34 }, { width: 22 }, { width: 50 }, { width: 16 }, { width: 16 }, { width: 22 }, { width: 14 }, { width: 14 }];
  const add = (values: unknown[], bold = false) => {
    const r = tot.addRow(values);
    if (bold) r.font = { bold: true };
    r.commit();
  };
  const num = (s: string) => Number(s);
  add(['Сведения о результатах перемещения ОСС', d.number], true);
  add(['Дата', formatMoscowDateTime(d.orderedAt)]);
  add(['Отходопроизводитель', d.header.producer.name]);
  add(['ИНН', d.header.producer.inn]);
  add(['ОГРН', d.header.producer.ogrn ?? '']);
  add(['Объект', d.header.site.name]);
  add(['Адрес', d.header.site.address]);
  add(['Кадастровый номер', d.header.site.cadastralNumber ?? '']);
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
    const r = tot.addRow(['', `${u.permitNumber} / ${u.code}`, u.name, num(u.permitted), num(u.movedInPeriod), num(u.movedTotal), num(u.sharePercent), u.over ? 'да' : 'нет']);
    if (u.over) r.font = { bold: true, color: { argb: 'FFC00000' } };
    r.commit();
  }
  tot.commit();
  await wb.commit();
  await new Promise<void>((resolve, reject) => {
    if (sink.writableFinished) return resolve();
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
}
