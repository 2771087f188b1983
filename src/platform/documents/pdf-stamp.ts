/**
 * The signature stamp of a pdfkit document: a framed box with who signed and with which
 * certificate, and beside it the QR code of the document's verification address. The caller
 * chooses the place and size, and prints the verification hint under it. Fonts 'R' and 'B'
 * must be registered on the document.
 */
import QRCode from 'qrcode';
import { formatMoscowDate } from '../../domain/period.js';
import type { SignatureStamp } from './stamp.js';

export interface StampBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Offset of the first row from the box's top, and the step between rows. */
  rowsTop: number;
  rowStep: number;
}

export function drawSignatureStamp(doc: PDFKit.PDFDocument, box: StampBox, s: SignatureStamp, verifyUrl: string): void {
  const { x, y, width: sw, height } = box;
  doc.save().lineWidth(1.2).strokeColor('#1a4099').rect(x, y, sw, height).stroke().restore();
  doc.font('B').fontSize(9).fillColor('#1a4099').text('Документ подписан электронной подписью', x + 8, y + 8, { width: sw - 16, align: 'center' }).fillColor('black');
  const rows: [string, string][] = [
    ['Владелец', s.owner],
    ['Организация', s.organization ?? '—'],
    ['Сертификат', s.serial],
    ['Действителен', `с ${formatMoscowDate(s.notBefore)} по ${formatMoscowDate(s.notAfter)}`],
    ['Издатель', s.issuer],
    ['Алгоритм', s.algorithm],
  ];
  let ly = y + box.rowsTop;
  for (const [k, v] of rows) {
    doc.font('B').fontSize(7.5).text(k, x + 8, ly, { width: 80, lineBreak: false });
    doc.font('R').fontSize(7.5).text(v, x + 90, ly, { width: sw - 98, lineBreak: false, ellipsis: true });
    ly += box.rowStep;
  }
  const qr = QRCode.create(verifyUrl, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = height / (n + 4);
  const qx = x + sw + 16;
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(qx + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
  doc.fill().restore();
}
