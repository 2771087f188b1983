/**
 * The reconciliation act (акт сверки взаимных расчётов) between a facility and a payer for a period:
 * the balance at the start (invoices issued before it less payments received before it), the invoices
 * (debit) and payments (credit) of the period by date, and the balance at the end — from the facility's
 * books. Payments marked «не относится к счетам» are left out. Either side asks for it; a pair of
 * organizations with no invoice and no payment between them is "not found". `counterparties` lists whom
 * the actor may ask about. Downloads: XLSX, and a PDF in the usual layout of the act (a table of the
 * facility's data, turnovers, balances, the closing sentence and a place for both sides' signatures).
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { CONTENT_TYPES } from '../../platform/files/send.js';
import { xlsxBuffer, xlsxDecimal } from '../../platform/spreadsheet/writer.js';
import { newPdf, ruNumber } from '../../platform/documents/index.js';
import { parseIsoDate } from '../../domain/period.js';
import { formatRubles, kopToRubles } from '../../domain/money.js';
import { typesetQuotes } from '../../domain/typography.js';
import { ruDate } from './month.js';

export interface ReconciliationQuery {
  counterpartyId: string;
  from: string;
  to: string;
}

/** The organizations the actor has invoices or payments with (the facility's payers, the payer's facilities), by name. */
export async function counterparties(ctx: AppContext, actor: Actor): Promise<{ id: string; name: string; inn: string }[]> {
  const me = actor.organizationId;
  const r = await sql<{ id: string; name: string; inn: string }>`
    select o.id, coalesce(o.short_name, o.name) as name, o.inn from organizations o
     where o.id in (select payer_id from invoices where facility_id = ${me} union select facility_id from invoices where payer_id = ${me}
                    union select payer_id from payments where facility_id = ${me} and payer_id is not null union select facility_id from payments where payer_id = ${me})
     order by 2, 3`.execute(ctx.db);
  return r.rows;
}

export async function reconciliation(ctx: AppContext, actor: Actor, q: ReconciliationQuery) {
  if (!parseIsoDate(q.from).ok) throw invalid({ field: 'from', message: 'Начало периода: такой даты нет' });
  if (!parseIsoDate(q.to).ok) throw invalid({ field: 'to', message: 'Конец периода: такой даты нет' });
  if (q.to < q.from) throw invalid({ field: 'to', message: 'Конец периода: не может быть раньше начала периода' });
  const me = actor.organizationId;
  const pair = await sql<{ facility_id: string; payer_id: string }>`
    select facility_id, payer_id from (
      select facility_id, payer_id from invoices union select facility_id, payer_id from payments where payer_id is not null) x
     where (facility_id = ${me} and payer_id = ${q.counterpartyId}) or (facility_id = ${q.counterpartyId} and payer_id = ${me}) limit 1`.execute(ctx.db);
  const p = pair.rows[0];
  if (!p) throw notFound('Расчётов с этой организацией нет');
  const [lines, opening, orgs] = await Promise.all([
    sql<{ date: string; kind: 'invoice' | 'payment'; document: string; debit: string; credit: string }>`
      select issued_on as date, 'invoice' as kind, 'Счёт № ' || number || ' (акт № ' || number || ')' as document, total_kop::text as debit, '0' as credit, 0 as ord, number as n
        from invoices where facility_id = ${p.facility_id} and payer_id = ${p.payer_id} and issued_on between ${q.from}::date and ${q.to}::date
      union all
      select doc_date, 'payment', 'Оплата, п/п № ' || doc_number, '0', amount_kop::text, 1, doc_number
        from payments where facility_id = ${p.facility_id} and payer_id = ${p.payer_id} and match <> 'ignored' and doc_date between ${q.from}::date and ${q.to}::date
      order by 1, ord, n`.execute(ctx.db),
    sql<{ v: string }>`
      select ((select coalesce(sum(total_kop), 0) from invoices where facility_id = ${p.facility_id} and payer_id = ${p.payer_id} and issued_on < ${q.from}::date)
            - (select coalesce(sum(amount_kop), 0) from payments where facility_id = ${p.facility_id} and payer_id = ${p.payer_id} and match <> 'ignored' and doc_date < ${q.from}::date))::text as v`.execute(ctx.db),
    sql<{ id: string; name: string; inn: string }>`select id, coalesce(short_name, name) as name, inn from organizations where id in (${p.facility_id}, ${p.payer_id})`.execute(ctx.db),
  ]);
  const org = (id: string) => orgs.rows.find((o) => o.id === id)!;
  const open = BigInt(opening.rows[0].v);
  const debit = lines.rows.reduce((s, l) => s + BigInt(l.debit), 0n);
  const credit = lines.rows.reduce((s, l) => s + BigInt(l.credit), 0n);
  const closing = open + debit - credit;
  const facility = org(p.facility_id);
  const payer = org(p.payer_id);
  const closingText =
    closing > 0n
      ? `Задолженность ${typesetQuotes(payer.name)} перед ${typesetQuotes(facility.name)} на ${ruDate(q.to)}: ${formatRubles(closing)} ₽`
      : closing < 0n
        ? `Переплата ${typesetQuotes(payer.name)} в пользу ${typesetQuotes(facility.name)} на ${ruDate(q.to)}: ${formatRubles(-closing)} ₽`
        : `Задолженности на ${ruDate(q.to)} нет`;
  return {
    from: q.from,
    to: q.to,
    facility,
    payer,
    opening: kopToRubles(open),
    lines: lines.rows.map((l) => ({ date: l.date, kind: l.kind, document: l.document, debit: kopToRubles(l.debit), credit: kopToRubles(l.credit) })),
    debit: kopToRubles(debit),
    credit: kopToRubles(credit),
    closing: kopToRubles(closing),
    closingText,
  };
}

export async function reconciliationXlsx(ctx: AppContext, actor: Actor, q: ReconciliationQuery) {
  const r = await reconciliation(ctx, actor, q);
  const buf = await xlsxBuffer(async (wb) => {
    const s = wb.addSheet('Акт сверки', {
      columns: [
        { header: 'Дата', width: 12, type: 'date' },
        { header: 'Документ', width: 44 },
        { header: 'Дебет (начислено), ₽', width: 20, numFmt: '#,##0.00' },
        { header: 'Кредит (оплачено), ₽', width: 20, numFmt: '#,##0.00' },
      ],
      frozenHeader: true,
    });
    await s.addRow([null, `Акт сверки взаимных расчётов за период с ${ruDate(r.from)} по ${ruDate(r.to)}`], { style: 'title' });
    await s.addRow([null, `Между ${typesetQuotes(r.facility.name)} (ИНН ${r.facility.inn}) и ${typesetQuotes(r.payer.name)} (ИНН ${r.payer.inn}), по данным ${typesetQuotes(r.facility.name)}`]);
    await s.addRow([null, 'Сальдо начальное', xlsxDecimal(r.opening)], { style: 'bold' });
    for (const l of r.lines) await s.addRow([l.date, l.document, xlsxDecimal(l.debit), xlsxDecimal(l.credit)]);
    await s.addRow([null, 'Обороты за период', xlsxDecimal(r.debit), xlsxDecimal(r.credit)], { style: 'bold' });
    await s.addRow([null, 'Сальдо конечное', xlsxDecimal(r.closing)], { style: 'bold' });
    await s.addRow([null, r.closingText]);
  }, { creator: 'ОССиГ', created: ctx.now() });
  return { stream: Readable.from(buf), bytes: buf.length, type: CONTENT_TYPES.xlsx, name: `Акт сверки ${r.from} — ${r.to}.xlsx`, asciiName: `reconciliation-${r.from}-${r.to}.xlsx` };
}

/** The reconciliation act as a PDF (A4, DejaVu): made on request from the same figures as the page and the XLSX. */
export async function reconciliationPdf(ctx: AppContext, actor: Actor, q: ReconciliationQuery) {
  const r = await reconciliation(ctx, actor, q);
  const title = `Акт сверки взаимных расчётов за период с ${ruDate(r.from)} по ${ruDate(r.to)}`;
  const pdf = newPdf({ title, author: r.facility.name, subject: r.payer.name, createdAt: ctx.now(), footer: (page) => `${title} · стр. ${page}` });
  const { doc, L, W } = pdf;
  const rub = (v: string) => (v === '0.00' ? '' : ruNumber(v));
  pdf.heading('АКТ СВЕРКИ ВЗАИМНЫХ РАСЧЁТОВ', 12);
  pdf.para(`за период с ${ruDate(r.from)} по ${ruDate(r.to)}`, { align: 'center' });
  pdf.gap(0.5);
  pdf.para(
    `между ${typesetQuotes(r.facility.name)} (ИНН ${r.facility.inn}), исполнителем, и ${typesetQuotes(r.payer.name)} (ИНН ${r.payer.inn}), заказчиком, по данным ${typesetQuotes(r.facility.name)}, ₽`,
  );
  pdf.gap(0.5);
  const fixed = [62, 90, 90];
  const widths = [fixed[0]!, W - fixed.reduce((a, b) => a + b, 0), fixed[1]!, fixed[2]!];
  const align: ('left' | 'right' | 'center')[] = ['center', 'left', 'right', 'right'];
  const opening = BigInt(r.opening.replace('.', ''));
  const closing = BigInt(r.closing.replace('.', ''));
  const side = (k: bigint) => (k >= 0n ? [rub(kopToRubles(k)), ''] : ['', rub(kopToRubles(-k))]);
  pdf.table(
    widths,
    ['Дата', 'Документ', 'Дебет (начислено)', 'Кредит (оплачено)'],
    [
      ['', 'Сальдо начальное', ...side(opening)],
      ...r.lines.map((l) => [ruDate(l.date), l.document, rub(l.debit), rub(l.credit)]),
      ['', 'Обороты за период', ruNumber(r.debit), ruNumber(r.credit)],
      ['', 'Сальдо конечное', ...side(closing)],
    ],
    { size: 8.5, align },
  );
  pdf.gap(0.6);
  pdf.para(`${r.closingText}.`, { bold: true });
  pdf.gap(1.5);
  pdf.room(70);
  const y = doc.y;
  const half = (W - 20) / 2;
  for (const [i, [who, name]] of [['От исполнителя', r.facility.name], ['От заказчика', r.payer.name]].entries()) {
    const x = L + i * (half + 20);
    doc.font('B').fontSize(9).text(who, x, y, { width: half });
    doc.font('R').fontSize(9).text(typesetQuotes(name), x, undefined, { width: half });
    doc.moveDown(1.6);
    doc.text('_______________ / _______________ /', x, undefined, { width: half });
    doc.fontSize(7).fillColor('#555555').text('подпись, расшифровка; М. П.', x, undefined, { width: half }).fillColor('black');
  }
  doc.x = L;
  const buf = await pdf.finish();
  return { stream: Readable.from(buf), bytes: buf.length, type: CONTENT_TYPES.pdf, name: `Акт сверки ${r.from} — ${r.to}.pdf`, asciiName: `reconciliation-${r.from}-${r.to}.pdf` };
}
