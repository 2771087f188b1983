/**
 * A filed report version as a signed PDF, through the documents pipeline
 * (src/platform/documents), as permits do: the registry record was reserved
 * when the version was filed (reports.ts — the filer and subject as of then,
 * the code); here the PDF is rendered with the registration number, the code
 * and a QR code to the record's page, signed with the operator's signer
 * (`signDocumentFile`), and the record completed in the transaction that
 * records the file on the version.
 *
 * A4 landscape, DejaVu Sans: the heading, the filer, the table by ФККО code in
 * the definition's columns, how the figures were found, the signature stamp,
 * the code and the QR code. Safe to run twice (files under fresh keys,
 * recorded only when the version has none yet).
 */
import type { AppContext } from '../../platform/context.js';
import { documentOf, formatDocumentCode, operatorSigner, publishSignedPdf, signatureStamp, drawSignatureStamp, signatureStampHeight, verificationUrl, type DocumentFact, newPdf } from '../../platform/documents/index.js';
import { typesetQuotes } from '../../domain/typography.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { formatRu } from '../../domain/quantity.js';
import { formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import { supportLine } from '../statements/render-pdf.js';
import { definitionFor, periodText, type ReportData, type ReportDefinition, type ReportKind } from './definitions.js';

export interface ReportDocument {
  def: ReportDefinition;
  number: string;
  version: number;
  submittedAt: Date;
  submittedBy: string | null;
  late: boolean;
  periodText: string;
  filer: { name: string; inn: string; ogrn: string | null; address: string | null };
  subject: { name: string; address: string | null } | null;
  rows: { code: string; name: string; facility: string | null; values: Record<string, string | null> }[];
  basis: string[];
  files: { name: string; sha256: string }[];
  signer: { owner: string; organization?: string; serial: string; notBefore: Date; notAfter: Date; issuer: string; algorithm: string };
  code: string;
  verifyUrl: string;
  support: { phone: string | null; email: string | null };
}

const fig = (v: string | null | undefined) => (v === null || v === undefined ? '—' : formatRu(v));

export async function renderReportPdf(d: ReportDocument): Promise<Buffer> {
  const title = `${d.def.title} № ${d.number}${d.version > 1 ? ` (версия ${d.version})` : ''}`;
  const pdf = newPdf({ title, author: d.filer.name, subject: d.periodText, createdAt: d.submittedAt, margins: { x: 40, y: 40 }, layout: 'landscape' });
  const { doc, L, W } = pdf;
  const bottom = doc.page.height - 40;
  const field = (label: string, value: string) => pdf.field(label, value, 9);
  doc.font('B').fontSize(12).text(d.def.title.toUpperCase(), L, undefined, { align: 'center', width: W });
  doc.font('R').fontSize(10).text(`Регистрационный № ${d.number}${d.version > 1 ? `, версия ${d.version} (исправление)` : ''} от ${formatMoscowDate(d.submittedAt)}`, { align: 'center', width: W });
  doc.font('R').fontSize(8.5).fillColor('#555555').text(`Код проверки ${formatDocumentCode(d.code)}`, { align: 'center', width: W }).fillColor('black');
  doc.moveDown(0.6);
  field('Отчётный период', d.periodText);
  field('Представил', `${d.filer.name}, ИНН ${d.filer.inn}${d.filer.ogrn ? `, ОГРН ${d.filer.ogrn}` : ''}`);
  if (d.filer.address) field('Адрес', d.filer.address);
  if (d.subject) field(d.def.kind === 'facility_monthly' ? 'Объект приёма' : 'Разрешение', `${d.subject.name}${d.subject.address ? `, ${d.subject.address}` : ''}`);
  field('Отправлен', `${formatMoscowDateTime(d.submittedAt)} (МСК)${d.submittedBy ? `, ${d.submittedBy}` : ''}${d.late ? ' — после срока подачи' : ''}`);
  doc.moveDown(0.5);

  // The table: code and name, then the definition's columns.
  const cols = d.def.columns;
  const codeW = 78;
  const nameW = Math.max(120, W - codeW - cols.length * 62);
  const colW = (W - codeW - nameW) / cols.length;
  const cell = (text: string, x: number, y: number, w: number, bold = false, align: 'left' | 'right' | 'center' = 'left') =>
    doc.font(bold ? 'B' : 'R').fontSize(7).text(text, x + 2, y + 2, { width: w - 4, align });
  const heightOf = (texts: [string, number][], bold = false) => Math.max(...texts.map(([t, w]) => doc.font(bold ? 'B' : 'R').fontSize(7).heightOfString(t, { width: w - 4 }))) + 4;
  const drawRow = (texts: string[], bold: boolean) => {
    const widths = [codeW, nameW, ...cols.map(() => colW)];
    const h = heightOf(texts.map((t, i) => [t, widths[i]]), bold);
    if (doc.y + h > bottom) doc.addPage();
    const y = doc.y;
    let x = L;
    texts.forEach((t, i) => {
      doc.save().lineWidth(0.5).strokeColor('#888888').rect(x, y, widths[i], h).stroke().restore();
      cell(t, x, y, widths[i], bold, i >= 2 && !bold ? 'right' : bold ? 'center' : 'left');
      x += widths[i];
    });
    doc.y = y + h;
    doc.x = L;
  };
  drawRow(['Код по ФККО', d.def.rowsBy === 'code_facility' ? 'Вид отходов / объект приёма' : 'Вид отходов', ...cols.map((c) => `${c.label}, ${c.unit}`)], true);
  for (const r of d.rows) drawRow([formatFkkoCode(r.code), r.facility ? `  ${r.facility}` : `${r.name} (класс ${r.code.slice(-1)})`, ...cols.map((c) => fig(r.values[c.key]))], false);
  doc.moveDown(0.6);
  if (d.basis.length) {
    doc.font('B').fontSize(8.5).text('Как заполнены сведения', L, undefined, { width: W });
    for (const b of d.basis) doc.font('R').fontSize(8).text(`• ${b}`, L, undefined, { width: W });
  }
  if (d.files.length) {
    doc.font('B').fontSize(8.5).text('Подтверждающие документы', L, undefined, { width: W });
    for (const f of d.files) doc.font('R').fontSize(8).text(`• ${f.name} (SHA-256 ${f.sha256})`, L, undefined, { width: W });
  }

  const sw = 360;
  const stampBox = { width: sw, height: 104, rowsTop: 24, rowStep: 12.5 };
  const stampH = signatureStampHeight(doc, stampBox, d.signer);
  if (doc.y + stampH + 50 > bottom) doc.addPage();
  const y = doc.y + 12;
  drawSignatureStamp(doc, { x: L, y, ...stampBox }, d.signer, d.verifyUrl);
  doc.font('R').fontSize(7.5).text(`Код проверки ${formatDocumentCode(d.code)}: наведите камеру на QR-код или откройте адрес ниже — там запись реестра выданных документов; подпись — файл .sig рядом с документом (CMS, DER).`, L, y + stampH + 6, { width: W });
  doc.font('R').fontSize(7.5).text(`Адрес проверки: ${d.verifyUrl}`, L, undefined, { width: W });
  doc.font('R').fontSize(7).fillColor('#555555').text(`Служба поддержки: ${supportLine(d.support)}`, L, undefined, { width: W }).fillColor('black');
  return pdf.finish();
}

export function reportFacts(d: ReportDocument): { facts: DocumentFact[]; totals: DocumentFact[] } {
  const sums = new Map<string, bigint>();
  for (const r of d.rows) {
    if (r.facility) continue;
    for (const c of d.def.columns) {
      const v = r.values[c.key];
      if (v) sums.set(c.key, (sums.get(c.key) ?? 0n) + BigInt(v.replace('.', '')));
    }
  }
  const show = (k: string, unit: string) => {
    const n = sums.get(k) ?? 0n;
    const scale = unit === 'т' ? 3 : 2;
    const s = n.toString().padStart(scale + 1, '0');
    return `${formatRu(`${s.slice(0, -scale)}.${s.slice(-scale)}`)} ${unit}`;
  };
  return {
    facts: [
      { label: 'Документ', value: `${d.def.title} № ${d.number}${d.version > 1 ? `, версия ${d.version}` : ''}` },
      { label: 'Дата', value: formatMoscowDate(d.submittedAt) },
      { label: 'Код проверки', value: formatDocumentCode(d.code) },
      { label: 'Отчётный период', value: d.periodText },
      { label: 'Представил', value: `${d.filer.name}, ИНН ${d.filer.inn}` },
      ...(d.subject ? [{ label: d.def.kind === 'facility_monthly' ? 'Объект приёма' : 'Разрешение', value: d.subject.name }] : []),
    ],
    totals: d.def.columns.map((c) => ({ label: `Итого: ${c.label}`, value: show(c.key, c.unit) })),
  };
}

/** Renders, signs, stores and records a filed version's PDF, and completes its registry record. */
export async function renderReportVersion(ctx: AppContext, versionId: string): Promise<'done' | 'already' | 'not_found'> {
  const v = await ctx.db.selectFrom('report_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
  if (!v) return 'not_found';
  if (v.pdf_key) return 'already';
  const r = await ctx.db.selectFrom('reports').selectAll().where('id', '=', v.report_id).executeTakeFirstOrThrow();
  const record = await documentOf(ctx.db, 'report', versionId);
  if (!record) return 'not_found';
  const def = definitionFor(r.kind as ReportKind, r.period_from, r.definition_version);
  const parties = record.parties as { filer: { name: string; shortName: string | null; inn: string; ogrn: string | null; address: string | null }; subject: { name: string; address: string | null } | null; submittedBy: string | null };
  const data = v.data as ReportData;
  const codes = [...new Set(data.rows.map((x) => x.code))];
  const facilityIds = [...new Set(data.rows.map((x) => x.facilityId).filter((x): x is string => !!x))];
  const [wastes, facilities, files] = await Promise.all([
    codes.length ? ctx.db.selectFrom('waste_types').select(['code', 'name']).where('code', 'in', codes).execute() : Promise.resolve([]),
    facilityIds.length ? ctx.db.selectFrom('facilities').select(['id', 'number', 'name']).where('id', 'in', facilityIds).execute() : Promise.resolve([]),
    ctx.db.selectFrom('report_files').select(['file_name', 'sha256']).where('report_id', '=', r.id).where('version', '=', v.version).where('removed_at', 'is', null).orderBy('uploaded_at').execute(),
  ]);
  const op = await operatorSigner(ctx);
  const cert = op.certificate;
  const bits = op.signer.digestBits;
  const submittedAt = new Date(v.submitted_at);
  const d: ReportDocument = {
    def,
    number: r.number!,
    version: v.version,
    submittedAt,
    submittedBy: parties.submittedBy ?? null,
    late: v.late,
    periodText: periodText(def, r.period_from, r.period_to),
    filer: { name: typesetQuotes(parties.filer.name), inn: parties.filer.inn, ogrn: parties.filer.ogrn, address: parties.filer.address },
    subject: parties.subject ? { name: typesetQuotes(parties.subject.name), address: parties.subject.address } : null,
    rows: data.rows.map((x) => {
      const f = x.facilityId ? facilities.find((y) => y.id === x.facilityId) : undefined;
      return { code: x.code, name: wastes.find((w) => w.code === x.code)?.name ?? '', facility: f ? typesetQuotes(`${f.number} «${f.name}»`) : null, values: x.values };
    }),
    basis: ((v.prefill as { basis?: string[] }).basis ?? []).map(typesetQuotes),
    files: files.map((f) => ({ name: f.file_name, sha256: f.sha256 })),
    signer: signatureStamp(cert, bits),
    code: record.code,
    verifyUrl: verificationUrl(ctx.config, record.code),
    support: ctx.config.support,
  };
  const { facts, totals } = reportFacts(d);
  const signedAt = ctx.now();
  return publishSignedPdf(ctx, op, { documentId: record.id, prefix: `reports/${r.id}/v${v.version}`, pdf: await renderReportPdf(d), signedAt, facts, totals }, async (trx, signed) => {
    const updated = await trx
      .updateTable('report_versions')
      .set({ pdf_key: signed.key, sig_key: signed.sigKey, pdf_bytes: signed.stored.bytes, pdf_sha256: signed.stored.sha256, signed_at: signedAt })
      .where('id', '=', versionId)
      .where('pdf_key', 'is', null)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  });
}
