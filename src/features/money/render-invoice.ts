/**
 * The invoice (счёт на оплату) as a signed PDF through the documents pipeline: its registry record
 * (kind 'invoice') was reserved when the act and invoice were ordered (order-acts.ts, the parties as
 * then); here the PDF is rendered with the record's code and a QR code to its page, signed with the
 * operator's signer, stored, and the record completed in the transaction that marks the invoice's
 * file ready.
 *
 * A4: supplier and buyer, the act it is based on, the lines of the act (ФККО code × unit × price ×
 * VAT rate), totals per VAT rate, the sum to pay and the date to pay by, and the purpose of payment
 * to write so that a bank statement finds the invoice by its number (payments.ts).
 *
 * `renderInvoice` is the job's body: safe to run twice (a file under a fresh key, recorded only if
 * the invoice has none yet).
 */
import type { AppContext } from '../../platform/context.js';
import { documentOf, formatDocumentCode, newPdf, operatorSigner, publishSignedPdf, signatureStamp, verificationUrl, type DocumentFact } from '../../platform/documents/index.js';
import { typesetQuotes } from '../../domain/typography.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { formatRu } from '../../domain/quantity.js';
import { formatRubles, formatVatRate } from '../../domain/money.js';
import { actTotals, drawSignedEnd, loadActLines, orgLine, type ActDocument, type ActLine, type ActTotals } from './render-act.js';
import { monthText, ruDate, type OrgSnapshot } from './month.js';
import { UNIT_LABELS } from './tariffs.js';

export interface InvoiceDocument {
  number: string;
  issuedOn: string;
  dueOn: string;
  issuedAt: Date;
  act: { number: string; month: string; seq: number };
  facility: OrgSnapshot;
  payer: OrgSnapshot;
  lines: ActLine[];
  totals: ActTotals;
  signer: ActDocument['signer'];
  code: string;
  verifyUrl: string;
  support: { phone: string | null; email: string | null };
}

export const invoiceTitle = (d: Pick<InvoiceDocument, 'number' | 'issuedOn'>) => `Счёт на оплату № ${d.number} от ${ruDate(d.issuedOn)}`;

/** What the payer writes in the payment order: the invoice's number first, so that the bank statement finds it. */
export const paymentPurpose = (d: Pick<InvoiceDocument, 'number' | 'issuedOn' | 'act' | 'totals'>) =>
  `Оплата по счёту № ${d.number} от ${ruDate(d.issuedOn)} за приём отходов строительства и сноса за ${monthText(d.act.month)}, в т.ч. НДС ${formatRubles(d.totals.vatKop)} руб.`;

export async function renderInvoicePdf(d: InvoiceDocument): Promise<Buffer> {
  const pdf = newPdf({ title: invoiceTitle(d), author: d.facility.name, subject: d.payer.name, createdAt: d.issuedAt, margins: { x: 40, y: 40 } });
  const { doc, L, W } = pdf;
  const field = (label: string, value: string) => pdf.field(label, value, 9);
  doc.font('B').fontSize(12).text(`СЧЁТ НА ОПЛАТУ № ${d.number} от ${ruDate(d.issuedOn)}`, { align: 'center', width: W });
  doc.font('R').fontSize(8).fillColor('#555555').text(`Код проверки ${formatDocumentCode(d.code)}`, { align: 'center', width: W }).fillColor('black');
  doc.moveDown(0.8);
  field('Поставщик (исполнитель)', orgLine(d.facility));
  field('Покупатель (заказчик)', orgLine(d.payer));
  field('Основание', `акт № ${d.act.number} оказанных услуг по приёму отходов строительства и сноса за ${monthText(d.act.month)}${d.act.seq > 1 ? ' (дополнительный)' : ''}`);
  field('Оплатить до', ruDate(d.dueOn));
  doc.moveDown(0.6);
  const fixed = [22, 26, 62, 62, 34, 80];
  pdf.table(
    [fixed[0]!, W - fixed.reduce((s, w) => s + w, 0), ...fixed.slice(1)],
    ['№', 'Услуга: приём отходов (код ФККО, наименование)', 'Ед.', 'Количество', 'Цена без НДС, ₽', 'НДС', 'Сумма без НДС, ₽'],
    d.lines.map((l, i) => [String(i + 1), `${formatFkkoCode(l.code)} ${l.name}`, UNIT_LABELS[l.unit], formatRu(l.quantity), formatRubles(l.priceKop), formatVatRate(l.vatRate), formatRubles(l.amountKop)]),
    { align: ['right', 'left', 'center', 'right', 'right', 'right', 'right'] },
  );
  doc.moveDown(0.6);
  if (d.totals.byRate.length > 1) for (const r of d.totals.byRate) field(`По ставке НДС ${formatVatRate(r.rate)}`, `без НДС ${formatRubles(r.netKop)} ₽, НДС ${formatRubles(r.vatKop)} ₽`);
  field('Итого без НДС', `${formatRubles(d.totals.netKop)} ₽`);
  field(`В том числе НДС${d.totals.byRate.length === 1 ? ` (${formatVatRate(d.totals.byRate[0]!.rate)})` : ''}`, `${formatRubles(d.totals.vatKop)} ₽`);
  doc.font('B').fontSize(10.5).text(`Всего к оплате: ${formatRubles(d.totals.totalKop)} ₽`, L, undefined, { width: W });
  doc.moveDown(0.4);
  field('Назначение платежа', paymentPurpose(d));
  const bank = d.facility.bank;
  if (bank) {
    doc.moveDown(0.3);
    doc.font('B').fontSize(9.5).text('Банковские реквизиты получателя', L, undefined, { width: W });
    field('Получатель', `${typesetQuotes(d.facility.name)}, ИНН ${d.facility.inn}${d.facility.kpp ? `, КПП ${d.facility.kpp}` : ''}`);
    field('Расчётный счёт', bank.account);
    field('Банк получателя', typesetQuotes(bank.name));
    field('БИК', bank.bik);
    if (bank.corrAccount) field('Корр. счёт', bank.corrAccount);
  }
  pdf.para(
    `Укажите номер счёта в назначении платежа: поступление по банковской выписке будет отнесено к этому счёту само.${bank ? '' : ' Банковские реквизиты поставщика — в договоре с ним (в профиле поставщика они не указаны).'}`,
    { size: 8.5 },
  );
  drawSignedEnd(doc, L, W, d);
  return pdf.finish();
}

export function invoiceFacts(d: InvoiceDocument): { facts: DocumentFact[]; totals: DocumentFact[] } {
  return {
    facts: [
      { label: 'Документ', value: invoiceTitle(d) },
      { label: 'Код проверки', value: formatDocumentCode(d.code) },
      { label: 'Поставщик', value: `${typesetQuotes(d.facility.name)}, ИНН ${d.facility.inn}` },
      { label: 'Покупатель', value: `${typesetQuotes(d.payer.name)}, ИНН ${d.payer.inn}` },
      { label: 'Основание', value: `акт № ${d.act.number} за ${monthText(d.act.month)}` },
      { label: 'Оплатить до', value: ruDate(d.dueOn) },
      ...(d.facility.bank ? [{ label: 'Реквизиты получателя', value: `р/с ${d.facility.bank.account}, БИК ${d.facility.bank.bik}, ${typesetQuotes(d.facility.bank.name)}` }] : []),
    ],
    totals: [
      { label: 'Итого без НДС', value: `${formatRubles(d.totals.netKop)} ₽` },
      { label: 'НДС', value: `${formatRubles(d.totals.vatKop)} ₽` },
      { label: 'Всего к оплате', value: `${formatRubles(d.totals.totalKop)} ₽` },
    ],
  };
}

/** Renders, signs, stores and records the invoice's PDF, and completes its registry record. */
export async function renderInvoice(ctx: AppContext, invoiceId: string): Promise<'done' | 'already' | 'not_found'> {
  const i = await ctx.db
    .selectFrom('invoices as i')
    .innerJoin('acts as a', 'a.id', 'i.act_id')
    .select(['i.number', 'i.issued_on', 'i.due_on', 'i.total_kop', 'i.file_status', 'i.act_id', 'a.number as act_number', 'a.month', 'a.seq'])
    .where('i.id', '=', invoiceId)
    .executeTakeFirst();
  if (!i) return 'not_found';
  if (i.file_status === 'ready') return 'already';
  const record = await documentOf(ctx.db, 'invoice', invoiceId);
  if (!record) throw new Error(`invoices: no registry record for invoice ${invoiceId}`);
  const parties = record.parties as unknown as { facility: OrgSnapshot; payer: OrgSnapshot };
  const lines = await loadActLines(ctx.db, i.act_id);
  const totals = actTotals(lines);
  if (totals.totalKop !== BigInt(i.total_kop)) throw new Error(`invoices: invoice ${invoiceId} lines total ${totals.totalKop}, the invoice ${i.total_kop}`);
  const op = await operatorSigner(ctx);
  const d: InvoiceDocument = {
    number: i.number,
    issuedOn: i.issued_on,
    dueOn: i.due_on,
    issuedAt: new Date(record.issuedAt),
    act: { number: i.act_number, month: i.month.slice(0, 7), seq: i.seq },
    facility: parties.facility,
    payer: parties.payer,
    lines,
    totals,
    signer: signatureStamp(op.certificate, op.signer.digestBits),
    code: record.code,
    verifyUrl: verificationUrl(ctx.config, record.code),
    support: ctx.config.support,
  };
  const { facts, totals: shown } = invoiceFacts(d);
  const signedAt = ctx.now();
  return publishSignedPdf(ctx, op, { documentId: record.id, prefix: `invoices/${invoiceId}/invoice`, pdf: await renderInvoicePdf(d), signedAt, facts, totals: shown }, async (trx, signed) => {
    const updated = await trx
      .updateTable('invoices')
      .set({ file_status: 'ready', document_id: record.id, pdf_key: signed.key, pdf_sig_key: signed.sigKey, pdf_bytes: signed.stored.bytes, pdf_sha256: signed.stored.sha256, ready_at: ctx.now() })
      .where('id', '=', invoiceId)
      .where('file_status', '<>', 'ready')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  });
}
