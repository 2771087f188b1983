/** The dashboard as XLSX (the flat-memory writer): a sheet per table, the same figures as the page. */
import { PassThrough, Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { CONTENT_TYPES } from '../../platform/files/send.js';
import { createXlsxWriter, xlsxDecimal } from '../../platform/spreadsheet/writer.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { dashboard, type DashboardQuery } from './dashboard.js';

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
export const monthText = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

export async function dashboardXlsx(ctx: AppContext, actor: Actor, q: DashboardQuery) {
  const d = await dashboard(ctx, actor, q);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = createXlsxWriter(out, { creator: 'ОССиГ', created: ctx.now() });
  const vol = { header: 'Объём, м³', width: 14, numFmt: '#,##0.00' };
  const trips = { header: 'Рейсов', width: 10, type: 'integer' as const };
  const sheets = {
    months: wb.addSheet('По месяцам', { columns: [{ header: 'Месяц', width: 16 }, trips, vol, { header: 'Принято, м³', width: 14, numFmt: '#,##0.00' }, { header: 'Ожидают приёмки', width: 16, type: 'integer' }, { header: 'Отклонено', width: 12, type: 'integer' }], frozenHeader: true }),
    codes: wb.addSheet('По кодам ФККО', { columns: [{ header: 'Код ФККО', width: 18 }, { header: 'Вид отходов', width: 60 }, trips, vol, { header: 'Принято, м³', width: 14, numFmt: '#,##0.00' }, { header: 'Масса, т', width: 14, numFmt: '#,##0.000' }], frozenHeader: true }),
    facilities: wb.addSheet('По объектам приёма', { columns: [{ header: 'Объект приёма', width: 50 }, trips, vol, { header: 'Принято, м³', width: 14, numFmt: '#,##0.00' }], frozenHeader: true }),
    carriers: wb.addSheet('По перевозчикам', { columns: [{ header: 'Перевозчик', width: 50 }, trips, vol], frozenHeader: true }),
    permits: wb.addSheet('Разрешения', { columns: [{ header: 'Разрешение', width: 18 }, { header: 'Код ФККО', width: 18 }, { header: 'Разрешено, м³', width: 14, numFmt: '#,##0.00' }, { header: 'Принято, м³', width: 14, numFmt: '#,##0.00' }, { header: 'Использовано, %', width: 14, numFmt: '0.0' }], frozenHeader: true }),
    districts: d.byDistrict ? wb.addSheet('По округам', { columns: [{ header: 'Округ', width: 20 }, trips, vol], frozenHeader: true }) : null,
    orgs: d.byOrganization ? wb.addSheet('По организациям', { columns: [{ header: 'Отходопроизводитель', width: 50 }, { header: 'ИНН', width: 14 }, trips, vol], frozenHeader: true }) : null,
  };
  for (const m of d.byMonth) await sheets.months.addRow([monthText(m.month), m.trips, xlsxDecimal(m.volume), xlsxDecimal(m.acceptedVolume), m.awaitingTrips, m.rejectedTrips]);
  await sheets.months.addRow(['Итого', d.totals.trips, xlsxDecimal(d.totals.volume), xlsxDecimal(d.totals.accepted.volume), d.totals.awaiting.trips, d.totals.rejected.trips], { style: 'bold' });
  await sheets.months.end();
  for (const c of d.byCode) await sheets.codes.addRow([formatFkkoCode(c.code), c.name, c.trips, xlsxDecimal(c.volume), xlsxDecimal(c.acceptedVolume), xlsxDecimal(c.mass)]);
  await sheets.codes.end();
  for (const f of d.byFacility) await sheets.facilities.addRow([f.name, f.trips, xlsxDecimal(f.volume), xlsxDecimal(f.acceptedVolume)]);
  await sheets.facilities.end();
  for (const c of d.byCarrier) await sheets.carriers.addRow([c.name, c.trips, xlsxDecimal(c.volume)]);
  await sheets.carriers.end();
  for (const p of d.permits) await sheets.permits.addRow([p.number, formatFkkoCode(p.code), xlsxDecimal(p.permitted), xlsxDecimal(p.accepted), xlsxDecimal(p.share)]);
  await sheets.permits.end();
  if (sheets.districts) {
    for (const x of d.byDistrict!) await sheets.districts.addRow([x.district, x.trips, xlsxDecimal(x.volume)]);
    await sheets.districts.end();
  }
  if (sheets.orgs) for (const x of d.byOrganization!) await sheets.orgs.addRow([x.name, x.inn, x.trips, xlsxDecimal(x.volume)]);
  await wb.finish();
  const buf = Buffer.concat(chunks);
  return { stream: Readable.from(buf), bytes: buf.length, type: CONTENT_TYPES.xlsx, name: `Аналитика ${d.from} — ${d.to}.xlsx`, asciiName: `analytics-${d.from}-${d.to}.xlsx` };
}
