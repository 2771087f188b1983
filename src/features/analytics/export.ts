/**
 * The dashboard as files: XLSX (the flat-memory writer, a sheet per table) and CSV (one table,
 * «;»-separated UTF-8 with a BOM and decimal commas, as Russian Excel opens it). Both are made from
 * the same list of tables, so they carry the page's figures.
 */
import { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { CONTENT_TYPES } from '../../platform/files/send.js';
import { xlsxBuffer, xlsxDecimal, type XlsxColumn, type XlsxDecimal, type XlsxRowStyle } from '../../platform/spreadsheet/writer.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { dashboard, type DashboardQuery } from './dashboard.js';

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
export const monthText = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

type Value = string | number | XlsxDecimal;
interface Table {
  key: (typeof TABLE_KEYS)[number];
  sheet: string;
  columns: XlsxColumn[];
  rows: Value[][];
  total?: Value[];
}
/** The tables' keys, in sheet order (the CSV's `table`). */
export const TABLE_KEYS = ['months', 'codes', 'facilities', 'carriers', 'permits', 'districts', 'organizations'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

const m3 = (header: string): XlsxColumn => ({ header, width: 14, numFmt: '#,##0.00' });
const trips: XlsxColumn = { header: 'Рейсов', width: 10, type: 'integer' };
const named = (header: string): XlsxColumn => ({ header, width: 50 });

function tables(d: Awaited<ReturnType<typeof dashboard>>): Table[] {
  const dec = xlsxDecimal;
  const list: Table[] = [
    {
      key: 'months',
      sheet: 'По месяцам',
      columns: [{ header: 'Месяц', width: 16 }, trips, m3('Объём, м³'), m3('Принято, м³'), { header: 'Ожидают приёмки', width: 16, type: 'integer' }, { header: 'Отклонено', width: 12, type: 'integer' }],
      rows: d.byMonth.map((m) => [monthText(m.month), m.trips, dec(m.volume), dec(m.acceptedVolume), m.awaitingTrips, m.rejectedTrips]),
      total: ['Итого', d.totals.trips, dec(d.totals.volume), dec(d.totals.accepted.volume), d.totals.awaiting.trips, d.totals.rejected.trips],
    },
    {
      key: 'codes',
      sheet: 'По кодам ФККО',
      columns: [{ header: 'Код ФККО', width: 18 }, { header: 'Вид отходов', width: 60 }, trips, m3('Объём, м³'), m3('Принято, м³'), { header: 'Масса, т', width: 14, numFmt: '#,##0.000' }],
      rows: d.byCode.map((c) => [formatFkkoCode(c.code), c.name, c.trips, dec(c.volume), dec(c.acceptedVolume), dec(c.mass)]),
    },
    { key: 'facilities', sheet: 'По объектам приёма', columns: [named('Объект приёма'), trips, m3('Объём, м³'), m3('Принято, м³')], rows: d.byFacility.map((f) => [f.name, f.trips, dec(f.volume), dec(f.acceptedVolume)]) },
    { key: 'carriers', sheet: 'По перевозчикам', columns: [named('Перевозчик'), trips, m3('Объём, м³')], rows: d.byCarrier.map((c) => [c.name, c.trips, dec(c.volume)]) },
    {
      key: 'permits',
      sheet: 'Разрешения',
      columns: [{ header: 'Разрешение', width: 18 }, { header: 'Код ФККО', width: 18 }, m3('Разрешено, м³'), m3('Принято, м³'), { header: 'Использовано, %', width: 14, numFmt: '0.0' }],
      rows: d.permits.map((p) => [p.number, formatFkkoCode(p.code), dec(p.permitted), dec(p.accepted), dec(p.share)]),
    },
  ];
  if (d.byDistrict) list.push({ key: 'districts', sheet: 'По округам', columns: [{ header: 'Округ', width: 20 }, trips, m3('Объём, м³')], rows: d.byDistrict.map((x) => [x.district, x.trips, dec(x.volume)]) });
  if (d.byOrganization)
    list.push({ key: 'organizations', sheet: 'По организациям', columns: [named('Отходопроизводитель'), { header: 'ИНН', width: 14 }, trips, m3('Объём, м³')], rows: d.byOrganization.map((x) => [x.name, x.inn, x.trips, dec(x.volume)]) });
  return list;
}

export async function dashboardXlsx(ctx: AppContext, actor: Actor, q: DashboardQuery) {
  const d = await dashboard(ctx, actor, q);
  const buf = await xlsxBuffer(
    async (wb) => {
      const list = tables(d);
      const sheets = list.map((t) => wb.addSheet(t.sheet, { columns: t.columns, frozenHeader: true }));
      for (const [i, t] of list.entries()) {
        for (const row of t.rows) await sheets[i].addRow(row);
        if (t.total) await sheets[i].addRow(t.total, { style: 'bold' satisfies XlsxRowStyle });
        await sheets[i].end();
      }
    },
    { creator: 'ОССиГ', created: ctx.now() },
  );
  return { stream: Readable.from(buf), bytes: buf.length, type: CONTENT_TYPES.xlsx, name: `Аналитика ${d.from} — ${d.to}.xlsx`, asciiName: `analytics-${d.from}-${d.to}.xlsx` };
}

/** A CSV field: decimals with a comma; quoted when it holds «;», a quote or a line break; a leading =+-@ made inert (CSV injection). */
function csvField(v: Value): string {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return v.text.replace('.', ',');
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One table of the dashboard as CSV; null when the table is not the actor's (districts and organizations: the operator's). */
export async function dashboardCsv(ctx: AppContext, actor: Actor, q: DashboardQuery, key: TableKey) {
  const d = await dashboard(ctx, actor, q);
  const t = tables(d).find((x) => x.key === key);
  if (!t) return null;
  const lines = [t.columns.map((c) => c.header ?? ''), ...t.rows, ...(t.total ? [t.total] : [])].map((r) => r.map(csvField).join(';'));
  const buf = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return { stream: Readable.from(buf), bytes: buf.length, type: CONTENT_TYPES.csv, name: `Аналитика ${t.sheet} ${d.from} — ${d.to}.csv`, asciiName: `analytics-${key}-${d.from}-${d.to}.csv` };
}
