/**
 * The permit as a signed PDF, one per version: A4, DejaVu Sans (the
 * statement's fonts), the holder, the site, the term, the waste lines with
 * their facilities, the carriers, what the version changed, and the
 * operator's signature stamp with a QR code to the verification page. The
 * detached CAdES-BES signature (ГОСТ Р 34.10-2012 over Стрибог-256) is made
 * with the operator's key, as for statements, and stored beside the PDF.
 *
 * `renderPermitVersion` is the job's body: safe to run twice (the files are
 * written under fresh keys and recorded only if the version has none yet).
 */
import crypto from 'node:crypto';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { fileStore } from '../../platform/files/index.js';
import { createStreebog256, signDetached } from '../../platform/signing/index.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { formatRu } from '../../domain/quantity.js';
import { formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import { FONT_BOLD, FONT_REGULAR } from '../statements/render-pdf.js';
import { certificateOwner, operatorSigner, OPERATOR_FALLBACK } from '../statements/operator-key.js';

const ruDate = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

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
  signer: { owner: string; organization?: string; serial: string; notBefore: Date; notAfter: Date; issuer: string };
  verifyUrl: string;
}

export function permitVerifyUrl(ctx: Pick<AppContext, 'config'>, number: string, version: number): string {
  return `${ctx.config.publicUrl}/verify?permit=${encodeURIComponent(number)}&version=${version}`;
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
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 48, left: 50, right: 50 },
    pdfVersion: '1.7',
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: `Разрешение на перемещение ОСС № ${d.number}${d.version > 1 ? ` (версия ${d.version})` : ''}`,
      Author: d.operator.name,
      Subject: d.site.name,
      Creator: 'ОССиГ',
      CreationDate: d.issuedAt,
    },
  });
  doc.registerFont('R', FONT_REGULAR);
  doc.registerFont('B', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const W = doc.page.width - 100;
  const L = 50;
  const heading = (t: string) => {
    doc.moveDown(0.6);
    doc.font('B').fontSize(11).text(t, L, undefined, { width: W });
    doc.moveDown(0.2);
  };
  const field = (label: string, value: string) => {
    doc.font('B').fontSize(9).text(`${label}: `, L, undefined, { continued: true, width: W });
    doc.font('R').fontSize(9).text(value, { width: W });
  };

  doc.font('B').fontSize(13).text('РАЗРЕШЕНИЕ', { align: 'center', width: W });
  doc.font('B').fontSize(11).text('на перемещение отходов строительства, сноса зданий и сооружений, в том числе грунтов', { align: 'center', width: W });
  doc.moveDown(0.4);
  doc.font('R').fontSize(10).text(`№ ${d.number}${d.version > 1 ? `, версия ${d.version}` : ''} от ${formatMoscowDate(d.issuedAt)}`, { align: 'center', width: W });
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
  const stampH = 112;
  if (doc.y + stampH + 40 > doc.page.height - 48) doc.addPage();
  const y = doc.y + 16;
  const sw = 340;
  doc.save().lineWidth(1.2).strokeColor('#1a4099').rect(L, y, sw, stampH).stroke().restore();
  doc.font('B').fontSize(9).fillColor('#1a4099').text('Документ подписан электронной подписью', L + 8, y + 8, { width: sw - 16, align: 'center' }).fillColor('black');
  const s = d.signer;
  const rows: [string, string][] = [
    ['Владелец', s.owner],
    ['Организация', s.organization ?? '—'],
    ['Сертификат', s.serial],
    ['Действителен', `с ${formatMoscowDate(s.notBefore)} по ${formatMoscowDate(s.notAfter)}`],
    ['Издатель', s.issuer],
    ['Алгоритм', 'ГОСТ Р 34.10-2012 (256 бит), ГОСТ Р 34.11-2012'],
  ];
  let ly = y + 26;
  for (const [k, v] of rows) {
    doc.font('B').fontSize(7.5).text(k, L + 8, ly, { width: 80, lineBreak: false });
    doc.font('R').fontSize(7.5).text(v, L + 90, ly, { width: sw - 98, lineBreak: false, ellipsis: true });
    ly += 13;
  }
  const qr = QRCode.create(d.verifyUrl, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const size = stampH;
  const cell = size / (n + 4);
  const qx = L + sw + 16;
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(qx + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
  doc.fill().restore();
  doc.font('R').fontSize(7.5).text('Проверка подписи: наведите камеру на QR-код или откройте адрес ниже; подпись — файл .sig рядом с документом (CMS, DER).', L, y + stampH + 6, { width: W });
  doc.font('R').fontSize(7.5).text(`Адрес проверки: ${d.verifyUrl}`, L, undefined, { width: W });
  doc.font('R').fontSize(7).fillColor('#555555').text(`Сформировано ${formatMoscowDateTime(d.issuedAt)} (МСК)`, L, undefined, { width: W }).fillColor('black');
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Loads a version's data, renders, signs, stores and records its PDF. */
export async function renderPermitVersion(ctx: AppContext, versionId: string): Promise<'done' | 'already' | 'not_found'> {
  const v = await ctx.db.selectFrom('permit_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
  if (!v) return 'not_found';
  if (v.pdf_key) return 'already';
  const p = await ctx.db
    .selectFrom('permits as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .innerJoin('organizations as o', 'o.id', 'p.producer_id')
    .select(['p.id', 'p.number', 's.name as site_name', 's.address as site_address', 's.cadastral_numbers', 'o.name', 'o.inn', 'o.ogrn', 'o.address'])
    .where('p.id', '=', v.permit_id)
    .executeTakeFirstOrThrow();
  const [lines, carriers, facilities, app, operator] = await Promise.all([
    sql<{ code: string; name: string; hazard_class: number; volume: string; mass: string | null; facilities: string[] }>`
      select l.waste_code as code, w.name, w.hazard_class, l.permitted_volume::text as volume, l.permitted_mass::text as mass,
             array(select fo.number || ' «' || fo.name || '»' from permit_version_facilities f join facilities fo on fo.id = f.facility_object_id
                    where f.version_id = l.version_id and f.waste_code = l.waste_code order by fo.number) as facilities
        from permit_version_lines l join waste_types w on w.code = l.waste_code where l.version_id = ${versionId} order by l.waste_code`.execute(ctx.db),
    ctx.db
      .selectFrom('permit_version_carriers as c')
      .innerJoin('organizations as o', 'o.id', 'c.carrier_id')
      .select(['o.name', 'o.inn'])
      .where('c.version_id', '=', versionId)
      .orderBy('o.name')
      .execute(),
    sql<{ number: string; name: string; address: string; organization: string; inn: string }>`
      select distinct fo.number, fo.name, fo.address, o.name as organization, o.inn
        from permit_version_facilities f join facilities fo on fo.id = f.facility_object_id join organizations o on o.id = f.facility_id
       where f.version_id = ${versionId} order by fo.number`.execute(ctx.db),
    v.application_id
      ? ctx.db.selectFrom('permit_applications').select(['number', 'submitted_at']).where('id', '=', v.application_id).executeTakeFirst()
      : Promise.resolve(undefined),
    ctx.db.selectFrom('organizations').select(['name', 'inn', 'ogrn']).where(sql<boolean>`'operator' = any(roles)`).orderBy('created_at').executeTakeFirst(),
  ]);
  const signer = await operatorSigner(ctx);
  const cert = signer.certificate;
  const issuedAt = new Date(v.issued_at);
  const pdf = await renderPermitPdf({
    number: p.number,
    version: v.version,
    issuedAt,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    application: app ? { number: app.number, submittedAt: app.submitted_at ? new Date(app.submitted_at) : null } : null,
    holder: { name: p.name, inn: p.inn, ogrn: p.ogrn, address: p.address },
    site: { name: p.site_name, address: p.site_address, cadastralNumbers: p.cadastral_numbers },
    lines: lines.rows.map((l) => ({ code: l.code, name: l.name, hazardClass: l.hazard_class, volume: l.volume, mass: l.mass, facilities: l.facilities })),
    carriers,
    facilities: facilities.rows,
    changes: v.changes,
    operator: operator ?? { name: OPERATOR_FALLBACK.name, inn: OPERATOR_FALLBACK.inn, ogrn: OPERATOR_FALLBACK.ogrn },
    signer: {
      owner: cert.subject.commonName ?? certificateOwner(cert),
      organization: cert.subject.organization,
      serial: cert.serialNumber,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      issuer: cert.issuer.commonName ?? cert.issuer.text,
    },
    verifyUrl: permitVerifyUrl(ctx, p.number, v.version),
  });
  const digest = createStreebog256().update(pdf).digest();
  const signedAt = ctx.now();
  const sig = signDetached({ digest, keyPem: signer.keyPem, certPem: signer.certPem, signingTime: signedAt });
  const store = fileStore(ctx.config);
  const tag = crypto.randomBytes(4).toString('hex');
  const pdfKey = `permits/${p.id}/v${v.version}-${tag}.pdf`;
  const sigKey = `${pdfKey}.sig`;
  const stored = await store.put(pdfKey, pdf);
  await store.put(sigKey, sig);
  const updated = await ctx.db
    .updateTable('permit_versions')
    .set({ pdf_key: pdfKey, sig_key: sigKey, pdf_bytes: stored.bytes, pdf_sha256: stored.sha256, signer_serial: cert.serialNumber, signed_at: signedAt })
    .where('id', '=', versionId)
    .where('pdf_key', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await store.delete(pdfKey);
    await store.delete(sigKey);
    return 'already';
  }
  return 'done';
}
