/**
 * The permit as a signed PDF, one per version, through the documents
 * pipeline (src/platform/documents): the registry record is reserved when the
 * version is issued (issue.ts — the parties as of that moment, the code);
 * here the PDF is rendered with the code and a QR code to the record's page,
 * signed with the operator's signer (`signDocumentFile`: built-in key or an
 * external provider, CAdES-BES or CAdES-T with TSP_URL) and the record is
 * completed in the transaction that records the files on the version.
 *
 * A4, DejaVu Sans (the statement's fonts): the holder and the site as of the
 * issue, the term, the waste lines with their facilities, the carriers, what
 * the version changed, the signature stamp, the code and the QR code.
 *
 * `renderPermitVersion` is the job's body: safe to run twice (the files are
 * written under fresh keys and recorded only if the version has none yet).
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import {
  OPERATOR_FALLBACK,
  documentOf,
  formatDocumentCode,
  operatorSigner,
  reserveDocument,
  publishSignedPdf, signatureStamp, drawSignatureStamp, signatureStampHeight,
  verificationUrl,
  type DocumentFact, newPdf } from '../../platform/documents/index.js';
import { typesetQuotes } from '../../domain/typography.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { formatRu } from '../../domain/quantity.js';
import { formatMoscowDate, formatMoscowDateTime, formatDateRu as ruDate } from '../../domain/period.js';
import { supportLine } from '../statements/render-pdf.js';
import { permitParties, type PermitParties } from './parties.js';


export interface PermitDocument {
  number: string;
  version: number;
  issuedAt: Date;
  validFrom: string;
  validTo: string;
  application: { number: string; submittedAt: Date | null } | null;
  holder: { name: string; inn: string; ogrn: string | null; address: string | null };
  site: { name: string; address: string; cadastralNumbers: string[] };
  lines: { code: string; name: string; hazardClass: number; volume: string; mass: string | null; facilities: string[] }[];
  carriers: { name: string; inn: string }[];
  facilities: { number: string; name: string; address: string; organization: string; inn: string }[];
  changes: Record<string, [unknown, unknown]>;
  operator: { name: string; inn: string | null; ogrn: string | null };
  signer: { owner: string; organization?: string; serial: string; notBefore: Date; notAfter: Date; issuer: string; algorithm: string };
  /** The registry's code printed on the document. */
  code: string;
  verifyUrl: string;
  support: { phone: string | null; email: string | null };
}

const CHANGE_TEXT: Record<string, string> = {
  validTo: 'Срок действия до',
  volumes: 'Разрешённые объёмы, м³',
  carriers: 'Перевозчики',
  facilities: 'Объекты приёма',
};

function showChange(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? ruDate(v) : v;
  if (Array.isArray(v)) return v.join('; ') || '—';
  if (typeof v === 'object') return Object.entries(v as Record<string, string>).map(([k, x]) => `${k}: ${formatRu(String(x))}`).join('; ') || '—';
  return String(v);
}

/** Renders the PDF into memory (a permit is a few pages). */
export async function renderPermitPdf(d: PermitDocument): Promise<Buffer> {
  const pdf = newPdf({
    title: `Разрешение на перемещение ОСС № ${d.number}${d.version > 1 ? ` (версия ${d.version})` : ''}`,
    author: d.operator.name,
    subject: d.site.name,
    createdAt: d.issuedAt,
    margins: { x: 50, y: 48 },
  });
  const { doc, L, W } = pdf;
  const heading = (t: string) => {
    doc.moveDown(0.6);
    doc.font('B').fontSize(11).text(t, L, undefined, { width: W });
    doc.moveDown(0.2);
  };
  const field = (label: string, value: string) => pdf.field(label, value, 9);

  doc.font('B').fontSize(13).text('РАЗРЕШЕНИЕ', { align: 'center', width: W });
  doc.font('B').fontSize(11).text('на перемещение отходов строительства, сноса зданий и сооружений, в том числе грунтов', { align: 'center', width: W });
  doc.moveDown(0.4);
  doc.font('R').fontSize(10).text(`№ ${d.number}${d.version > 1 ? `, версия ${d.version}` : ''} от ${formatMoscowDate(d.issuedAt)}`, { align: 'center', width: W });
  doc.font('R').fontSize(8.5).fillColor('#555555').text(`Код проверки ${formatDocumentCode(d.code)}`, { align: 'center', width: W }).fillColor('black');
  doc.moveDown(0.8);
  field('Выдано', d.holder.name);
  field('ИНН / ОГРН', `${d.holder.inn} / ${d.holder.ogrn ?? '—'}`);
  if (d.holder.address) field('Адрес', d.holder.address);
  field('Объект образования ОСС', d.site.name);
  field('Адрес объекта', d.site.address);
  field(d.site.cadastralNumbers.length > 1 ? 'Кадастровые номера' : 'Кадастровый номер', d.site.cadastralNumbers.join(', ') || '—');
  field('Срок действия', `с ${ruDate(d.validFrom)} по ${ruDate(d.validTo)} включительно`);
  if (d.application) field('Основание', `заявление № ${d.application.number}${d.application.submittedAt ? ` от ${formatMoscowDate(d.application.submittedAt)}` : ''}`);
  field('Выдал', `${d.operator.name}${d.operator.inn ? `, ИНН ${d.operator.inn}` : ''}`);

  heading('Виды отходов и разрешённые объёмы');
  for (const [i, l] of d.lines.entries()) {
    doc.font('B').fontSize(9).text(`${i + 1}. ${formatFkkoCode(l.code)} — ${l.name} (класс опасности ${l.hazardClass})`, L, undefined, { width: W });
    doc.font('R').fontSize(9).text(`Объём: ${formatRu(l.volume)} м³${l.mass ? `; масса: ${formatRu(l.mass)} т` : ''}. Объекты приёма: ${l.facilities.join('; ')}`, L + 12, undefined, { width: W - 12 });
  }
  heading('Перевозчики');
  for (const c of d.carriers) doc.font('R').fontSize(9).text(`• ${c.name}, ИНН ${c.inn}`, L, undefined, { width: W });
  heading('Объекты приёма');
  for (const f of d.facilities) doc.font('R').fontSize(9).text(`• ${f.number} «${f.name}», ${f.address} — ${f.organization}, ИНН ${f.inn}`, L, undefined, { width: W });
  if (d.version > 1 && Object.keys(d.changes).length) {
    heading(`Изменения по сравнению с версией ${d.version - 1}`);
    for (const [k, [before, after]] of Object.entries(d.changes)) {
      doc.font('R').fontSize(9).text(`• ${CHANGE_TEXT[k] ?? k}: было — ${showChange(before)}; стало — ${showChange(after)}`, L, undefined, { width: W });
    }
  }

  // Signature stamp and QR code.
  const sw = 340;
  const stampBox = { width: sw, height: 112, rowsTop: 26, rowStep: 13 };
  const stampH = signatureStampHeight(doc, stampBox, d.signer);
  if (doc.y + stampH + 40 > doc.page.height - 48) doc.addPage();
  const y = doc.y + 16;
  drawSignatureStamp(doc, { x: L, y, ...stampBox }, d.signer, d.verifyUrl);
  doc.font('R').fontSize(7.5).text(`Код проверки ${formatDocumentCode(d.code)}: наведите камеру на QR-код или откройте адрес ниже — там запись реестра выданных документов (действителен ли документ, кем и когда подписан); подпись — файл .sig рядом с документом (CMS, DER).`, L, y + stampH + 6, { width: W });
  doc.font('R').fontSize(7.5).text(`Адрес проверки: ${d.verifyUrl}`, L, undefined, { width: W });
  doc.font('R').fontSize(7).fillColor('#555555').text(`Служба поддержки: ${supportLine(d.support)}`, L, undefined, { width: W }).fillColor('black');
  doc.font('R').fontSize(7).fillColor('#555555').text(`Сформировано ${formatMoscowDateTime(d.issuedAt)} (МСК)`, L, undefined, { width: W }).fillColor('black');
  return pdf.finish();
}

/** What the registry shows of a permit version: its facts and permitted volumes, as printed. */
export function permitFacts(d: PermitDocument): { facts: DocumentFact[]; totals: DocumentFact[] } {
  return {
    facts: [
      { label: 'Документ', value: `Разрешение на перемещение ОСС № ${d.number}${d.version > 1 ? `, версия ${d.version}` : ''}` },
      { label: 'Дата', value: formatMoscowDate(d.issuedAt) },
      { label: 'Код проверки', value: formatDocumentCode(d.code) },
      { label: 'Выдано', value: `${d.holder.name}, ИНН ${d.holder.inn}` },
      { label: 'Объект образования ОСС', value: d.site.name },
      { label: 'Адрес объекта', value: d.site.address },
      { label: 'Срок действия', value: `с ${ruDate(d.validFrom)} по ${ruDate(d.validTo)} включительно` },
      ...(d.application ? [{ label: 'Основание', value: `заявление № ${d.application.number}` }] : []),
      ...d.carriers.map((c) => ({ label: 'Перевозчик', value: `${c.name}, ИНН ${c.inn}` })),
      ...d.facilities.map((f) => ({ label: 'Объект приёма', value: `${f.number} «${f.name}», ${f.organization}` })),
    ],
    totals: d.lines.map((l) => ({ label: `Разрешено, ${formatFkkoCode(l.code)}`, value: `${formatRu(l.volume)} м³${l.mass ? `, ${formatRu(l.mass)} т` : ''}` })),
  };
}

/** The registry record of a version: reserved when it was issued; reserved now for a version issued before the registry. */
async function versionDocument(ctx: AppContext, versionId: string, permitId: string) {
  const found = await documentOf(ctx.db, 'permit', versionId);
  if (found) return found;
  await ctx.db.transaction().execute(async (trx) => {
    const v = await trx.selectFrom('permit_versions as v').innerJoin('permits as p', 'p.id', 'v.permit_id').select(['v.version', 'v.issued_at', 'p.number', 'p.producer_id']).where('v.id', '=', versionId).executeTakeFirstOrThrow();
    await reserveDocument(trx, {
      kind: 'permit',
      subjectId: versionId,
      number: v.version > 1 ? `${v.number} (версия ${v.version})` : v.number,
      issuedAt: new Date(v.issued_at),
      organizationId: v.producer_id,
      parties: (await permitParties(trx, permitId)) as unknown as Record<string, unknown>,
    });
  });
  return (await documentOf(ctx.db, 'permit', versionId))!;
}

/** Loads a version's data, renders, signs, stores and records its PDF, and completes its registry record. */
export async function renderPermitVersion(ctx: AppContext, versionId: string): Promise<'done' | 'already' | 'not_found'> {
  const v = await ctx.db.selectFrom('permit_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
  if (!v) return 'not_found';
  if (v.pdf_key) return 'already';
  const p = await ctx.db.selectFrom('permits').select(['id', 'number']).where('id', '=', v.permit_id).executeTakeFirstOrThrow();
  const record = await versionDocument(ctx, versionId, p.id);
  const parties = record.parties as unknown as PermitParties;
  const [lines, app] = await Promise.all([
    sql<{ code: string; name: string; hazard_class: number; volume: string; mass: string | null; facilities: string[] }>`
      select l.waste_code as code, w.name, w.hazard_class, l.permitted_volume::text as volume, l.permitted_mass::text as mass,
             array(select fo.number || ' «' || fo.name || '»' from permit_version_facilities f join facilities fo on fo.id = f.facility_object_id
                    where f.version_id = l.version_id and f.waste_code = l.waste_code order by fo.number) as facilities
        from permit_version_lines l join waste_types w on w.code = l.waste_code where l.version_id = ${versionId} order by l.waste_code`.execute(ctx.db),
    v.application_id
      ? ctx.db.selectFrom('permit_applications').select(['number', 'submitted_at']).where('id', '=', v.application_id).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const op = await operatorSigner(ctx);
  const cert = op.certificate;
  const bits = op.signer.digestBits;
  const issuedAt = new Date(v.issued_at);
  const name = (o: { name: string; shortName: string | null }) => typesetQuotes(o.shortName ?? o.name);
  const docData: PermitDocument = {
    number: p.number,
    version: v.version,
    issuedAt,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    application: app ? { number: app.number, submittedAt: app.submitted_at ? new Date(app.submitted_at) : null } : null,
    holder: { name: typesetQuotes(parties.holder.name), inn: parties.holder.inn, ogrn: parties.holder.ogrn, address: parties.holder.address },
    site: { name: typesetQuotes(parties.site.name), address: parties.site.address, cadastralNumbers: parties.site.cadastralNumbers },
    lines: lines.rows.map((l) => ({ code: l.code, name: l.name, hazardClass: l.hazard_class, volume: l.volume, mass: l.mass, facilities: l.facilities.map(typesetQuotes) })),
    carriers: parties.carriers.map((c) => ({ name: name(c), inn: c.inn })),
    facilities: parties.facilities.map((f) => ({ number: f.number, name: typesetQuotes(f.name), address: f.address, organization: typesetQuotes(f.organization), inn: f.inn })),
    changes: v.changes,
    operator: parties.issuer ?? { name: OPERATOR_FALLBACK.name, inn: OPERATOR_FALLBACK.inn, ogrn: OPERATOR_FALLBACK.ogrn },
    signer: signatureStamp(cert, bits),
    code: record.code,
    verifyUrl: verificationUrl(ctx.config, record.code),
    support: ctx.config.support,
  };
  const { facts, totals } = permitFacts(docData);
  const signedAt = ctx.now();
  return publishSignedPdf(ctx, op, { documentId: record.id, prefix: `permits/${p.id}/v${v.version}`, pdf: await renderPermitPdf(docData), signedAt, facts, totals }, async (trx, signed) => {
    const updated = await trx
      .updateTable('permit_versions')
      .set({ pdf_key: signed.key, sig_key: signed.sigKey, pdf_bytes: signed.stored.bytes, pdf_sha256: signed.stored.sha256, signer_serial: cert.serialNumber, signed_at: signedAt })
      .where('id', '=', versionId)
      .where('pdf_key', 'is', null)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  });
}
