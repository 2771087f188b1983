/**
 * The 2-ТП (отходы) section exported: as XML described by tp2-waste.xsd (kept
 * beside this file) and as XLSX and PDF in the form's table layout (by ФККО
 * code, then totals by hazard class), all from the report's current figures. Exact
 * decimals throughout (strings, BigInt sums), never floats.
 */
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { xmlEscape } from '../../platform/spreadsheet/writer.js';
import { xlsxBuffer, xlsxDecimal } from '../../platform/spreadsheet/writer.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { newPdf, ruNumber } from '../../platform/documents/index.js';
import { definitionFor, type ReportKind } from './definitions.js';
import { loadRow } from './reports.js';

export const TP2_NAMESPACE = 'urn:ossig:2tp-waste:1';
const FIGURES: [string, string][] = [
  ['startStock', 'StartStock'],
  ['produced', 'Produced'],
  ['received', 'Received'],
  ['utilized', 'Utilized'],
  ['neutralized', 'Neutralized'],
  ['disposed', 'Disposed'],
  ['recycled', 'Recycled'],
  ['passed', 'Passed'],
  ['endStock', 'EndStock'],
];

const t3 = (n: bigint) => {
  const neg = n < 0n;
  const s = (neg ? -n : n).toString().padStart(4, '0');
  return `${neg ? '-' : ''}${s.slice(0, -3)}.${s.slice(-3)}`;
};
const scaled = (v: string | null | undefined) => BigInt((v ?? '0.000').replace('.', ''));

export interface Tp2Figures {
  year: number;
  respondent: { name: string; inn: string; ogrn: string | null };
  registration: { number: string; version: number } | null;
  rows: { code: string; name: string; hazardClass: number; values: Record<string, string> }[];
  byClass: { hazardClass: number; values: Record<string, string> }[];
}

async function figures(ctx: AppContext, actor: Actor, id: string): Promise<Tp2Figures> {
  const r = await loadRow(ctx.db, actor, id);
  if (r.kind !== 'tp2_waste') throw new AppError('report_status', 'Выгрузка в формате формы 2-ТП (отходы) есть только у отчёта 2-ТП');
  definitionFor(r.kind as ReportKind, r.period_from, r.definition_version);
  const org = await ctx.db.selectFrom('organizations').select(['name', 'inn', 'ogrn']).where('id', '=', r.organization_id).executeTakeFirstOrThrow();
  const codes = r.data.rows.map((x) => x.code);
  const names = new Map(codes.length ? (await ctx.db.selectFrom('waste_types').select(['code', 'name']).where('code', 'in', codes).execute()).map((w) => [w.code, w.name]) : []);
  const rows = r.data.rows
    .map((x) => ({ code: x.code, name: names.get(x.code) ?? '', hazardClass: Number(x.code.slice(-1)), values: Object.fromEntries(FIGURES.map(([k]) => [k, t3(scaled(x.values[k]))])) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const classes = [...new Set(rows.map((x) => x.hazardClass))].sort();
  const byClass = classes.map((c) => ({
    hazardClass: c,
    values: Object.fromEntries(FIGURES.map(([k]) => [k, t3(rows.filter((x) => x.hazardClass === c).reduce((n, x) => n + scaled(x.values[k]), 0n))])),
  }));
  return {
    year: Number(r.period_from.slice(0, 4)),
    respondent: { name: org.name, inn: org.inn, ogrn: org.ogrn },
    registration: r.number && r.filed_version > 0 ? { number: r.number, version: r.filed_version } : null,
    rows,
    byClass,
  };
}

export function tp2Xml(f: Tp2Figures): string {
  const figs = (v: Record<string, string>, pad: string) => FIGURES.map(([k, tag]) => `${pad}<${tag}>${v[k]}</${tag}>`).join('\n');
  const attr = (s: string) => xmlEscape(s).replace(/"/g, '&quot;');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Form2TPWaste xmlns="${TP2_NAMESPACE}" year="${f.year}" formVersion="1">`,
    `  <Respondent name="${attr(f.respondent.name)}" inn="${f.respondent.inn}"${f.respondent.ogrn ? ` ogrn="${f.respondent.ogrn}"` : ''}/>`,
    ...(f.registration ? [`  <Registration number="${attr(f.registration.number)}" version="${f.registration.version}"/>`] : []),
    '  <Rows>',
    ...f.rows.map((r) => `    <Row code="${r.code}" hazardClass="${r.hazardClass}" name="${attr(r.name)}">\n${figs(r.values, '      ')}\n    </Row>`),
    '  </Rows>',
    '  <ByHazardClass>',
    ...f.byClass.map((c) => `    <Class hazardClass="${c.hazardClass}">\n${figs(c.values, '      ')}\n    </Class>`),
    '  </ByHazardClass>',
    '</Form2TPWaste>',
    '',
  ].join('\n');
}

const HEADERS = ['Наличие на начало года', 'Образовано', 'Получено от других лиц', 'Утилизировано', 'Обезврежено', 'Размещено', 'Переработано во вторичное сырьё', 'Передано другим лицам', 'Наличие на конец года'];

export async function tp2Xlsx(f: Tp2Figures, created: Date): Promise<Buffer> {
  return xlsxBuffer(async (book) => {
    const sheet = book.addSheet('2-ТП (отходы)', {
      headerWrap: true,
      columns: [
        { header: 'Код по ФККО', width: 18, type: 'string' },
        { header: 'Наименование вида отходов', width: 50, type: 'string' },
        { header: 'Класс опасности', width: 10, type: 'integer' },
        ...HEADERS.map((h) => ({ header: `${h}, т`, width: 16, numFmt: '0.000' })),
      ],
    });
    for (const r of f.rows) await sheet.addRow([formatFkkoCode(r.code), r.name, r.hazardClass, ...FIGURES.map(([k]) => xlsxDecimal(r.values[k]))]);
    for (const c of f.byClass) await sheet.addRow(['Итого', `по ${c.hazardClass} классу опасности`, c.hazardClass, ...FIGURES.map(([k]) => xlsxDecimal(c.values[k]))], { style: 'bold' });
    await sheet.addRow([]);
    await sheet.addRow([`Отчитывающаяся организация: ${f.respondent.name}, ИНН ${f.respondent.inn}; отчётный год ${f.year}${f.registration ? `; рег. № ${f.registration.number}, версия ${f.registration.version}` : ''}`]);
  }, { creator: 'ОССиГ', created });
}

/**
 * The PDF: A4 landscape, the form's table — code, name, hazard class and the nine figures in tonnes, a
 * row of column numbers under the header (А, Б, В, 1–9) as the form has, the header repeated on each
 * page — then the totals by hazard class, and the respondent and registration.
 */
export async function tp2Pdf(f: Tp2Figures, created: Date): Promise<Buffer> {
  const title = `Форма 2-ТП (отходы) за ${f.year} год`;
  const pdf = newPdf({ title, author: f.respondent.name, createdAt: created, layout: 'landscape', margins: { x: 28, y: 30 }, footer: (page) => `${title} · ${f.respondent.name}, ИНН ${f.respondent.inn} · стр. ${page}` });
  const { W } = pdf;
  pdf.heading('СВЕДЕНИЯ ОБ ОБРАЗОВАНИИ, ОБРАБОТКЕ, УТИЛИЗАЦИИ, ОБЕЗВРЕЖИВАНИИ, РАЗМЕЩЕНИИ ОТХОДОВ ПРОИЗВОДСТВА И ПОТРЕБЛЕНИЯ', 10.5);
  pdf.para(`Форма № 2-ТП (отходы) · раздел об отходах строительства и сноса · за ${f.year} год`, { align: 'center', size: 9 });
  pdf.gap(0.4);
  pdf.field('Отчитывающаяся организация', `${f.respondent.name}, ИНН ${f.respondent.inn}${f.respondent.ogrn ? `, ${f.respondent.ogrn.length === 15 ? 'ОГРНИП' : 'ОГРН'} ${f.respondent.ogrn}` : ''}`, 9);
  pdf.field('Регистрационный номер', f.registration ? `${f.registration.number}, версия ${f.registration.version}` : 'отчёт не подан (черновик)', 9);
  pdf.para('Единица измерения: тонна (три знака после запятой).', { size: 8.5 });
  pdf.gap(0.4);
  const figure = 58;
  const fixed = [70, 34];
  const widths = [fixed[0]!, W - fixed[0]! - fixed[1]! - figure * FIGURES.length, fixed[1]!, ...FIGURES.map(() => figure)];
  const align: ('left' | 'right' | 'center')[] = ['left', 'left', 'center', ...FIGURES.map(() => 'right' as const)];
  const t = (v: string) => ruNumber(v);
  pdf.table(
    widths,
    ['Код по ФККО', 'Наименование вида отходов', 'Класс опас­ности', ...HEADERS],
    [
      ['А', 'Б', 'В', ...FIGURES.map((_, i) => String(i + 1))],
      ...f.rows.map((r) => [formatFkkoCode(r.code), r.name, String(r.hazardClass), ...FIGURES.map(([k]) => t(r.values[k]!))]),
      ...f.byClass.map((c) => ['Итого', `по ${c.hazardClass} классу опасности`, String(c.hazardClass), ...FIGURES.map(([k]) => t(c.values[k]!))]),
    ],
    { size: 7, align },
  );
  if (!f.rows.length) pdf.para('Строк нет: за год отходов не было.', { size: 8.5 });
  return pdf.finish();
}

export async function exportTp2(ctx: AppContext, actor: Actor, id: string, format: 'xml' | 'xlsx' | 'pdf'): Promise<{ body: Buffer; name: string; type: string }> {
  const f = await figures(ctx, actor, id);
  const base = `2-ТП (отходы) ${f.year}${f.registration ? ` ${f.registration.number}` : ''}`;
  if (format === 'xml') return { body: Buffer.from(tp2Xml(f), 'utf8'), name: `${base}.xml`, type: 'application/xml' };
  if (format === 'pdf') return { body: await tp2Pdf(f, ctx.now()), name: `${base}.pdf`, type: 'application/pdf' };
  return { body: await tp2Xlsx(f, ctx.now()), name: `${base}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
