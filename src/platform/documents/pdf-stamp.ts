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
  /** The box's least height; it grows when a long value (an issuer's name) takes more lines. The QR code is this tall. */
  height: number;
  /** Offset of the first row from the box's top, and the least step between rows. */
  rowsTop: number;
  rowStep: number;
}

const LABEL_WIDTH = 80;
const VALUE_OFFSET = 90;

function stampRows(s: SignatureStamp): [string, string][] {
  return [
    ['Владелец', s.owner],
    ['Организация', s.organization ?? '—'],
    ['Сертификат', s.serial],
    ['Действителен', `с ${formatMoscowDate(s.notBefore)} по ${formatMoscowDate(s.notAfter)}`],
    ['Издатель', s.issuer],
    ['Алгоритм', s.algorithm],
  ];
}

/** Each row's height: a value never is cut, it wraps onto more lines within its column. */
function rowHeights(doc: PDFKit.PDFDocument, box: Omit<StampBox, 'x' | 'y'>, s: SignatureStamp): number[] {
  doc.font('R').fontSize(7.5);
  return stampRows(s).map(([, v]) => Math.max(box.rowStep, doc.heightOfString(v, { width: box.width - VALUE_OFFSET - 8 }) + 3));
}

/** The height the stamp takes for these values (at least `box.height`): check it against the page's end before drawing. */
export function signatureStampHeight(doc: PDFKit.PDFDocument, box: Omit<StampBox, 'x' | 'y'>, s: SignatureStamp): number {
  const rows = rowHeights(doc, box, s).reduce((a, b) => a + b, 0);
  return Math.max(box.height, box.rowsTop + rows + 6);
}

/** Draws the stamp and its QR code; returns the height drawn (see `signatureStampHeight`). */
export function drawSignatureStamp(doc: PDFKit.PDFDocument, box: StampBox, s: SignatureStamp, verifyUrl: string): number {
  const { x, y, width: sw } = box;
  const heights = rowHeights(doc, box, s);
  const height = signatureStampHeight(doc, box, s);
  doc.save().lineWidth(1.2).strokeColor('#1a4099').rect(x, y, sw, height).stroke().restore();
  doc.font('B').fontSize(9).fillColor('#1a4099').text('Документ подписан электронной подписью', x + 8, y + 8, { width: sw - 16, align: 'center' }).fillColor('black');
  let ly = y + box.rowsTop;
  stampRows(s).forEach(([k, v], i) => {
    doc.font('B').fontSize(7.5).text(k, x + 8, ly, { width: LABEL_WIDTH, lineBreak: false });
    doc.font('R').fontSize(7.5).text(v, x + VALUE_OFFSET, ly, { width: sw - VALUE_OFFSET - 8 });
    ly += heights[i]!;
  });
  const qr = QRCode.create(verifyUrl, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = box.height / (n + 4);
  const qx = x + sw + 16;
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(qx + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
  doc.fill().restore();
  return height;
}
