/**
 * The signature stamp never cuts a value: a certificate issuer's long name and a long organization
 * wrap inside the frame, the frame grows with them, and every word is in the PDF's text.
 */
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { extractText } from 'unpdf';
import { FONT_BOLD, FONT_REGULAR } from './pdf.js';
import { drawSignatureStamp, signatureStampHeight } from './pdf-stamp.js';
import type { SignatureStamp } from './stamp.js';

const LONG: SignatureStamp = {
  owner: 'Константинопольский-Преображенский Александр-Кристофер Владиславович',
  organization:
    'Государственное казённое учреждение города Москвы «Центр координации деятельности по обращению с отходами строительства, сноса и грунтами» (ГКУ «ЦКД ОСС»)',
  serial: '01DA4F2C00A1B2C3D4E5F60718293A4B5C6D7E8F',
  notBefore: new Date('2026-01-15T00:00:00Z'),
  notAfter: new Date('2027-04-15T00:00:00Z'),
  issuer:
    'Федеральное казначейство, Удостоверяющий центр Федерального казначейства, г. Москва, Большой Златоустинский переулок, д. 6, строение 1, ИНН 7710568760, ОГРН 1047797019830',
  algorithm: 'ГОСТ Р 34.10-2012 (256 бит), ГОСТ Р 34.11-2012 (Стрибог-256)',
};
const SHORT: SignatureStamp = { ...LONG, owner: 'Иванов И. И.', organization: 'ГКУ «ЦКД»', issuer: 'УЦ ФК', algorithm: 'ГОСТ Р 34.10-2012' };

async function render(s: SignatureStamp): Promise<{ text: string; height: number }> {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => doc.on('end', r));
  doc.registerFont('R', FONT_REGULAR);
  doc.registerFont('B', FONT_BOLD);
  const box = { width: 340, height: 112, rowsTop: 26, rowStep: 13 };
  const measured = signatureStampHeight(doc, box, s);
  const height = drawSignatureStamp(doc, { x: 40, y: 100, ...box }, s, 'https://ossig.example/verify/ABCD-EFGH');
  expect(height).toBe(measured);
  doc.end();
  await ended;
  const { text } = await extractText(new Uint8Array(Buffer.concat(chunks)), { mergePages: true });
  // A line may break after a hyphen ("Александр-" / "Кристофер"): that is a wrap, not a cut.
  return { text: text.replace(/\s+/g, ' ').replace(/- /g, '-'), height };
}

describe('the signature stamp', () => {
  it('wraps long values whole, with no «…», and grows the frame for them', async () => {
    const long = await render(LONG);
    for (const v of [LONG.owner, LONG.organization!, LONG.issuer, LONG.algorithm, LONG.serial]) {
      for (const word of v.split(' ')) expect(long.text).toContain(word);
    }
    // The words of the issuer's name come in order, none dropped between the lines.
    const issuerAt = LONG.issuer.split(' ').map((w) => long.text.indexOf(w));
    expect([...issuerAt].sort((a, b) => a - b)).toEqual(issuerAt);
    expect(long.text).not.toContain('…');
    const short = await render(SHORT);
    expect(short.height).toBe(112);
    expect(long.height).toBeGreaterThan(112);
  });
});
