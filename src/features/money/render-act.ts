/**
 * The act of services as signed PDF and XLSX, through the documents pipeline: the registry record was
 * reserved when the act was ordered (order-acts.ts, parties as of then); here the files are rendered
 * with the code and a QR code to the record's page, each signed with the operator's signer, stored,
 * and the record completed in the transaction that marks the act ready.
 *
 * PDF (A4): the act's lines — ФККО code × unit × price × VAT rate, with loads, quantity and amount —,
 * the totals per VAT rate (without VAT, VAT, with VAT), the signature stamp, code and QR. XLSX: the same
 * lines and totals on «Акт», and every load on «Рейсы» (streamed through a cursor: memory stays flat).
 *
 * `renderAct` is the job's body: safe to run twice (files under fresh keys, recorded only if the act
 * has none yet).
 */
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { fileStore } from '../../platform/files/index.js';
import { completeDocument, documentOf, formatDocumentCode, operatorSigner, signStoredFile, signatureStamp, drawSignatureStamp, signatureStampHeight, verificationUrl, type DocumentFact, newPdf } from '../../platform/documents/index.js';
import { releaseClient, streamQuery } from '../../platform/db/cursor.js';
import { createXlsxWriter, xlsxDecimal } from '../../platform/spreadsheet/writer.js';
import { typesetQuotes } from '../../domain/typography.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { formatRu } from '../../domain/quantity.js';
import { formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import { formatRubles, formatVatRate, kopToRubles, vatKop } from '../../domain/money.js';
import { supportLine } from '../statements/render-pdf.js';
import { monthRange, monthText, ruDate, type OrgSnapshot } from './month.js';
import { notify } from '../notifications/notify.js';
import { UNIT_LABELS, type TariffUnit } from './tariffs.js';


export interface ActLine {
  code: string;
  name: string;
  unit: TariffUnit;
  priceKop: bigint;
  vatRate: string;
  loads: number;
  quantity: string;
  amountKop: bigint;
}

export interface ActTotals {
  byRate: { rate: string; netKop: bigint; vatKop: bigint }[];
  netKop: bigint;
  vatKop: bigint;
  totalKop: bigint;
}

export interface ActDocument {
  number: string;
  month: string;
  seq: number;
  issuedAt: Date;
  facility: OrgSnapshot;
  payer: OrgSnapshot;
  lines: ActLine[];
  totals: ActTotals;
  loads: number;
  invoice: { number: string; dueOn: string } | null;
  signer: { owner: string; organization?: string; serial: string; notBefore: Date; notAfter: Date; issuer: string; algorithm: string };
  code: string;
  verifyUrl: string;
  support: { phone: string | null; email: string | null };
}

export function actTotals(lines: ActLine[]): ActTotals {
  const rates = new Map<string, bigint>();
  for (const l of lines) rates.set(l.vatRate, (rates.get(l.vatRate) ?? 0n) + l.amountKop);
  const byRate = [...rates].sort(([a], [b]) => Number(a) - Number(b)).map(([rate, netKop]) => ({ rate, netKop, vatKop: vatKop(netKop, rate) }));
  const netKop = byRate.reduce((s, r) => s + r.netKop, 0n);
  const vat = byRate.reduce((s, r) => s + r.vatKop, 0n);
  return { byRate, netKop, vatKop: vat, totalKop: netKop + vat };
}

export const orgLine = (o: OrgSnapshot) =>
  `${typesetQuotes(o.name)}, ИНН ${o.inn}${o.kpp ? `, КПП ${o.kpp}` : ''}${o.ogrn ? `, ${o.ogrn.length === 15 ? 'ОГРНИП' : 'ОГРН'} ${o.ogrn}` : ''}${o.address ? `, ${o.address}` : ''}`;

export function actTitle(d: Pick<ActDocument, 'number' | 'month' | 'seq'>): string {
  return `Акт № ${d.number} оказанных услуг по приёму отходов строительства и сноса за ${monthText(d.month)}${d.seq > 1 ? ' (дополнительный)' : ''}`;
}

/** The signature stamp with the QR code, the verification code and address, support and time: the end of a money document. */
export function drawSignedEnd(doc: PDFKit.PDFDocument, L: number, W: number, d: Pick<ActDocument, 'signer' | 'code' | 'verifyUrl' | 'support' | 'issuedAt'>): void {
  const stampBox = { width: 340, height: 112, rowsTop: 26, rowStep: 13 };
  const stampH = signatureStampHeight(doc, stampBox, d.signer);
  if (doc.y + stampH + 60 > doc.page.height - 40) doc.addPage();
  const y = doc.y + 14;
  drawSignatureStamp(doc, { x: L, y, ...stampBox }, d.signer, d.verifyUrl);
  doc.font('R').fontSize(7.5).text(`Код проверки ${formatDocumentCode(d.code)}: запись реестра выданных документов по QR-коду или адресу ниже; подпись — файл .sig рядом с документом (CMS, DER).`, L, y + stampH + 6, { width: W });
  doc.font('R').fontSize(7.5).text(`Адрес проверки: ${d.verifyUrl}`, L, undefined, { width: W });
  doc.font('R').fontSize(7).fillColor('#555555').text(`Служба поддержки: ${supportLine(d.support)}`, L, undefined, { width: W }).fillColor('black');
  doc.font('R').fontSize(7).fillColor('#555555').text(`Сформировано ${formatMoscowDateTime(d.issuedAt)} (МСК)`, L, undefined, { width: W }).fillColor('black');
}

export async function renderActPdf(d: ActDocument): Promise<Buffer> {
  const pdf = newPdf({ title: actTitle(d), author: d.facility.name, subject: d.payer.name, createdAt: d.issuedAt, margins: { x: 40, y: 40 } });
  const { doc, L, W } = pdf;
  const field = (label: string, value: string) => pdf.field(label, value, 9);
  doc.font('B').fontSize(12).text(`АКТ № ${d.number}${d.seq > 1 ? ' (дополнительный)' : ''}`, { align: 'center', width: W });
  doc.font('B').fontSize(10).text(`оказанных услуг по приёму отходов строительства и сноса за ${monthText(d.month)}`, { align: 'center', width: W });
  doc.font('R').fontSize(9).text(`от ${formatMoscowDate(d.issuedAt)}`, { align: 'center', width: W });
  doc.font('R').fontSize(8).fillColor('#555555').text(`Код проверки ${formatDocumentCode(d.code)}`, { align: 'center', width: W }).fillColor('black');
  doc.moveDown(0.8);
  field('Исполнитель', orgLine(d.facility));
  field('Заказчик', orgLine(d.payer));
  const { first, last } = monthRange(d.month);
  field('Период', `с ${ruDate(first)} по ${ruDate(last)} (дата выгрузки рейса, московское время)`);
  field('Основание', 'тарифы исполнителя на дату выгрузки каждого рейса; принятые объектом приёма рейсы');
  if (d.invoice) field('Счёт на оплату', `№ ${d.invoice.number}, оплатить до ${ruDate(d.invoice.dueOn)}`);
  doc.moveDown(0.6);

  // The table of lines.
  const cols = [
    { h: '№', w: 22, a: 'right' as const },
    { h: 'Код ФККО, наименование отходов', w: 175, a: 'left' as const },
    { h: 'Ед.', w: 26, a: 'center' as const },
    { h: 'Рейсов', w: 40, a: 'right' as const },
    { h: 'Количество', w: 62, a: 'right' as const },
    { h: 'Цена без НДС, ₽', w: 60, a: 'right' as const },
    { h: 'НДС', w: 34, a: 'right' as const },
    { h: 'Сумма без НДС, ₽', w: W - 22 - 175 - 26 - 40 - 62 - 60 - 34, a: 'right' as const },
  ];
  const row = (cells: string[], bold = false) => {
    doc.font(bold ? 'B' : 'R').fontSize(8);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i].w - 6 }))) + 6;
    if (doc.y + h > doc.page.height - 40) doc.addPage();
    const y = doc.y;
    let x = L;
    cells.forEach((c, i) => {
      doc.save().lineWidth(0.5).strokeColor('#888888').rect(x, y, cols[i].w, h).stroke().restore();
      doc.text(c, x + 3, y + 3, { width: cols[i].w - 6, align: cols[i].a });
      x += cols[i].w;
    });
    doc.x = L;
    doc.y = y + h;
  };
  row(cols.map((c) => c.h), true);
  d.lines.forEach((l, i) =>
    row([
      String(i + 1),
      `${formatFkkoCode(l.code)} ${l.name}`,
      UNIT_LABELS[l.unit],
      l.loads.toLocaleString('ru-RU'),
      formatRu(l.quantity),
      formatRubles(l.priceKop),
      formatVatRate(l.vatRate),
      formatRubles(l.amountKop),
    ]),
  );
  doc.moveDown(0.6);
  for (const r of d.totals.byRate) {
    if (d.totals.byRate.length > 1) field(`По ставке НДС ${formatVatRate(r.rate)}`, `без НДС ${formatRubles(r.netKop)} ₽, НДС ${formatRubles(r.vatKop)} ₽`);
  }
  field('Итого без НДС', `${formatRubles(d.totals.netKop)} ₽`);
  field(`НДС${d.totals.byRate.length === 1 ? ` (${formatVatRate(d.totals.byRate[0].rate)})` : ''}`, `${formatRubles(d.totals.vatKop)} ₽`);
  field('Всего с НДС', `${formatRubles(d.totals.totalKop)} ₽`);
  doc.font('R').fontSize(8.5).text(
    `Всего оказано услуг по ${d.loads.toLocaleString('ru-RU')} рейсам. Перечень рейсов — в файле XLSX этого акта (лист «Рейсы»). Вышеперечисленные услуги выполнены полностью и в срок; сумма каждого рейса — количество × цена, округлённые до копейки; НДС начислен на сумму по каждой ставке.`,
    L,
    undefined,
    { width: W },
  );

  drawSignedEnd(doc, L, W, d);
  return pdf.finish();
}

type DetailRow = [number, string, string, string, string, TariffUnit, string, string, string, string];

/** Writes the XLSX (lines, totals, and every load streamed from the database) into `out`. */
async function writeActXlsx(ctx: AppContext, actId: string, d: ActDocument, out: PassThrough): Promise<void> {
  const wb = createXlsxWriter(out, { creator: 'ОССиГ', created: d.issuedAt });
  const act = wb.addSheet('Акт', {
    columns: [
      { header: '№', width: 5, type: 'integer' },
      { header: 'Код ФККО', width: 16 },
      { header: 'Наименование отходов', width: 48 },
      { header: 'Ед.', width: 6 },
      { header: 'Рейсов', width: 9, type: 'integer' },
      { header: 'Количество', width: 14, numFmt: '#,##0.000' },
      { header: 'Цена без НДС, ₽', width: 16, numFmt: '#,##0.00' },
      { header: 'Ставка НДС, %', width: 12, numFmt: '0.00' },
      { header: 'Сумма без НДС, ₽', width: 18, numFmt: '#,##0.00' },
    ],
    frozenHeader: true,
  });
  const loads = wb.addSheet('Рейсы', {
    columns: [
      { header: 'Рейс', width: 12, type: 'integer' },
      { header: 'Выгрузка (МСК)', width: 17, type: 'datetime' },
      { header: 'Разрешение', width: 18 },
      { header: 'Госномер', width: 12 },
      { header: 'Код ФККО', width: 16 },
      { header: 'Ед.', width: 6 },
      { header: 'Количество', width: 12, numFmt: '#,##0.000' },
      { header: 'Цена без НДС, ₽', width: 14, numFmt: '#,##0.00' },
      { header: 'Сумма без НДС, ₽', width: 14, numFmt: '#,##0.00' },
      { header: 'Ставка НДС, %', width: 10, numFmt: '0.00' },
    ],
    frozenHeader: true,
    autoFilter: true,
  });
  await act.addRow([null, actTitle(d)], { style: 'title' });
  await act.addRow([null, 'Исполнитель', orgLine(d.facility)]);
  await act.addRow([null, 'Заказчик', orgLine(d.payer)]);
  await act.addRow([null, 'Код проверки', formatDocumentCode(d.code)]);
  for (const [i, l] of d.lines.entries()) {
    await act.addRow([i + 1, formatFkkoCode(l.code), l.name, UNIT_LABELS[l.unit], l.loads, xlsxDecimal(l.quantity), xlsxDecimal(kopToRubles(l.priceKop)), xlsxDecimal(l.vatRate), xlsxDecimal(kopToRubles(l.amountKop))]);
  }
  for (const r of d.totals.byRate) {
    await act.addRow([null, null, `НДС ${formatVatRate(r.rate)} на ${formatRubles(r.netKop)} ₽`, null, null, null, null, xlsxDecimal(r.rate), xlsxDecimal(kopToRubles(r.vatKop))]);
  }
  await act.addRow([null, null, 'Итого без НДС', null, d.loads, null, null, null, xlsxDecimal(kopToRubles(d.totals.netKop))], { style: 'bold' });
  await act.addRow([null, null, 'НДС', null, null, null, null, null, xlsxDecimal(kopToRubles(d.totals.vatKop))], { style: 'bold' });
  await act.addRow([null, null, 'Всего с НДС', null, null, null, null, null, xlsxDecimal(kopToRubles(d.totals.totalKop))], { style: 'bold' });
  await act.end();
  const client = await ctx.pool.connect();
  let failure: unknown = null;
  try {
    const text = `select c.trip_id, to_char(t.unloaded_at at time zone 'Europe/Moscow', 'YYYY-MM-DD HH24:MI'), p.number, v.plate, c.waste_code, c.unit,
                         c.quantity::text, c.price_kop::text, c.amount_kop::text, c.vat_rate::text
                    from charges c join trips t on t.id = c.trip_id join permits p on p.id = t.permit_id join vehicles v on v.id = t.vehicle_id
                   where c.act_id = $1 order by t.unloaded_at, c.trip_id`;
    for await (const r of streamQuery<DetailRow>(client, text, [actId], { batchSize: 5000, rowMode: 'array' })) {
      const w = loads.addRow([Number(r[0]), r[1], r[2], r[3], formatFkkoCode(r[4]), UNIT_LABELS[r[5]], xlsxDecimal(r[6]), xlsxDecimal(kopToRubles(r[7])), xlsxDecimal(kopToRubles(r[8])), xlsxDecimal(r[9])]);
      if (w) await w;
    }
  } catch (e) {
    failure = e;
    throw e;
  } finally {
    releaseClient(client, failure);
  }
  await wb.finish();
}

/** What the registry shows of an act. */
export function actFacts(d: ActDocument): { facts: DocumentFact[]; totals: DocumentFact[] } {
  const { first, last } = monthRange(d.month);
  return {
    facts: [
      { label: 'Документ', value: actTitle(d) },
      { label: 'Дата', value: formatMoscowDate(d.issuedAt) },
      { label: 'Код проверки', value: formatDocumentCode(d.code) },
      { label: 'Исполнитель', value: `${typesetQuotes(d.facility.name)}, ИНН ${d.facility.inn}` },
      { label: 'Заказчик', value: `${typesetQuotes(d.payer.name)}, ИНН ${d.payer.inn}` },
      { label: 'Период', value: `с ${ruDate(first)} по ${ruDate(last)}` },
    ],
    totals: [
      { label: 'Рейсов', value: d.loads.toLocaleString('ru-RU') },
      { label: 'Итого без НДС', value: `${formatRubles(d.totals.netKop)} ₽` },
      { label: 'НДС', value: `${formatRubles(d.totals.vatKop)} ₽` },
      { label: 'Всего с НДС', value: `${formatRubles(d.totals.totalKop)} ₽` },
    ],
  };
}

export async function loadActLines(db: AppContext['db'], actId: string): Promise<ActLine[]> {
  const r = await sql<{ code: string; name: string; unit: TariffUnit; price_kop: string; vat_rate: string; loads: number; quantity: string; amount: string }>`
    select c.waste_code as code, w.name, c.unit, c.price_kop::text as price_kop, c.vat_rate::text as vat_rate, count(*)::int as loads,
           sum(c.quantity)::text as quantity, sum(c.amount_kop)::text as amount
      from charges c join waste_types w on w.code = c.waste_code
     where c.act_id = ${actId}
     group by c.waste_code, w.name, c.unit, c.price_kop, c.vat_rate
     order by c.waste_code, c.unit, c.vat_rate, c.price_kop`.execute(db);
  return r.rows.map((l) => ({ code: l.code, name: l.name, unit: l.unit, priceKop: BigInt(l.price_kop), vatRate: l.vat_rate, loads: l.loads, quantity: l.quantity, amountKop: BigInt(l.amount) }));
}

/** Renders, signs, stores and records the act's PDF and XLSX, and completes its registry record. */
export async function renderAct(ctx: AppContext, actId: string): Promise<'done' | 'already' | 'not_found'> {
  const a = await ctx.db.selectFrom('acts').selectAll().where('id', '=', actId).executeTakeFirst();
  if (!a) return 'not_found';
  if (a.status === 'ready') return 'already';
  const record = await documentOf(ctx.db, 'service_act', actId);
  if (!record) throw new Error(`acts: no registry record for act ${actId}`);
  const parties = record.parties as unknown as { facility: OrgSnapshot; payer: OrgSnapshot };
  const lines = await loadActLines(ctx.db, actId);
  const totals = actTotals(lines);
  if (totals.totalKop !== BigInt(a.total_kop)) throw new Error(`acts: act ${actId} totals ${totals.totalKop} differ from the ordered ${a.total_kop}`);
  const invoice = await ctx.db.selectFrom('invoices').select(['number', 'due_on']).where('act_id', '=', actId).executeTakeFirst();
  const op = await operatorSigner(ctx);
  const cert = op.certificate;
  const bits = op.signer.digestBits;
  const d: ActDocument = {
    number: a.number,
    month: a.month.slice(0, 7),
    seq: a.seq,
    issuedAt: new Date(record.issuedAt),
    facility: parties.facility,
    payer: parties.payer,
    lines,
    totals,
    loads: a.loads,
    invoice: invoice ? { number: invoice.number, dueOn: invoice.due_on } : null,
    signer: signatureStamp(cert, bits),
    code: record.code,
    verifyUrl: verificationUrl(ctx.config, record.code),
    support: ctx.config.support,
  };
  const store = fileStore(ctx.config);
  const tag = crypto.randomBytes(4).toString('hex');
  const pdfKey = `acts/${actId}/act-${tag}.pdf`;
  const xlsxKey = `acts/${actId}/act-${tag}.xlsx`;
  const keys = [pdfKey, xlsxKey, `${pdfKey}.sig`, `${xlsxKey}.sig`];
  const signedAt = ctx.now();
  try {
    const pdfStored = await store.put(pdfKey, await renderActPdf(d));
    const pass = new PassThrough();
    const putting = store.put(xlsxKey, pass);
    await Promise.all([writeActXlsx(ctx, actId, d, pass).catch((e) => (pass.destroy(e), Promise.reject(e))), putting]);
    const xlsxStored = await putting;
    const files: { kind: string; bytes: number; sha256: string; streebog: string; signatureSha256: string; timestampedAt: Date | null }[] = [];
    for (const [kind, key, stored] of [['pdf', pdfKey, pdfStored], ['xlsx', xlsxKey, xlsxStored]] as const) {
      const signed = await signStoredFile(ctx.config, op.signer, store, { kind, key, stored, signedAt });
      files.push({ ...signed.file, timestampedAt: signed.timestampedAt });
    }
    const { facts, totals: shown } = actFacts(d);
    const recorded = await ctx.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('acts')
        .set({
          status: 'ready',
          failure: null,
          document_id: record.id,
          pdf_key: pdfKey,
          pdf_sig_key: `${pdfKey}.sig`,
          pdf_bytes: pdfStored.bytes,
          pdf_sha256: pdfStored.sha256,
          xlsx_key: xlsxKey,
          xlsx_sig_key: `${xlsxKey}.sig`,
          xlsx_bytes: xlsxStored.bytes,
          xlsx_sha256: xlsxStored.sha256,
          ready_at: ctx.now(),
        })
        .where('id', '=', actId)
        .where('status', '<>', 'ready')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await completeDocument(trx, { id: record.id, facts, totals: shown, files, certificate: cert, signedAt, timestampedAt: files[0].timestampedAt });
      await notify(trx, ctx, {
        organizationId: a.payer_id,
        personId: null,
        title: `Акт № ${a.number} за ${monthText(d.month)} и счёт на ${formatRubles(totals.totalKop)} ₽`,
        body: `${typesetQuotes(parties.facility.shortName ?? parties.facility.name)}: ${d.loads} рейсов, всего с НДС ${formatRubles(totals.totalKop)} ₽${invoice ? `, оплатить до ${ruDate(invoice.due_on)}` : ''}.`,
        link: `/money?act=${actId}`,
      });
      return true;
    });
    if (!recorded) {
      for (const k of keys) await store.delete(k).catch(() => {});
      return 'already';
    }
    return 'done';
  } catch (e) {
    for (const k of keys) await store.delete(k).catch(() => {});
    throw e;
  }
}
