/**
 * What every pdfkit document shares (permits, reports, acts, the meeting documents): an A4 page
 * with DejaVu fonts ('R', 'B'), fields and framed tables whose cells wrap (never cut) and whose
 * header row repeats on a new page, and a footer (the verification code) on every page.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatDocumentCode } from './code.js';
import type { DocFlow } from './docx.js';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');

export const MARGIN = 42;

export interface Pdf extends DocFlow {
  doc: PDFKit.PDFDocument;
  /** Left edge and usable width. */
  L: number;
  W: number;
  bottom: number;
  /** Bold label, regular value, on one flowing line. */
  field(label: string, value: string, size?: number): void;
  heading(text: string, size?: number): void;
  para(text: string, o?: { size?: number; bold?: boolean; align?: 'left' | 'center' | 'right' | 'justify'; color?: string }): void;
  /** Ensures `h` points are left on the page (else a new page). */
  room(h: number): void;
  /** A framed table: widths in points (sum = W); `header` repeats after a page break. */
  table(widths: number[], header: string[] | null, rows: string[][], o?: { size?: number; align?: ('left' | 'right' | 'center')[] }): void;
  finish(): Promise<Buffer>;
}

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  createdAt: Date;
  footer?: (page: number) => string;
  /** Margins left/right (x) and top/bottom (y); MARGIN by default. */
  margins?: { x: number; y: number };
  layout?: 'portrait' | 'landscape';
}

export function newPdf(info: PdfInfo): Pdf {
  const mx = info.margins?.x ?? MARGIN;
  const my = info.margins?.y ?? MARGIN;
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.layout ?? 'portrait',
    margins: { top: my, bottom: my, left: mx, right: mx },
    pdfVersion: '1.7',
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: info.title, Author: info.author, ...(info.subject ? { Subject: info.subject } : {}), Creator: 'ОССиГ', CreationDate: info.createdAt },
  });
  doc.registerFont('R', FONT_REGULAR);
  doc.registerFont('B', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const L = mx;
  const W = doc.page.width - 2 * mx;
  const bottom = doc.page.height - my - (info.footer ? 14 : 0);
  const room = (h: number) => {
    if (doc.y + h > bottom) doc.addPage();
  };
  const pdf: Pdf = {
    doc,
    L,
    W,
    bottom,
    field(label, value, size = 9.5) {
      doc.font('R').fontSize(size);
      room(doc.heightOfString(`${label}: ${value}`, { width: W }));
      doc.font('B').fontSize(size).text(`${label}: `, L, undefined, { continued: true, width: W });
      doc.font('R').fontSize(size).text(value || '—', { width: W });
    },
    heading(text, size = 11) {
      doc.font('B').fontSize(size);
      room(doc.heightOfString(text, { width: W }) + 16);
      doc.text(text, L, undefined, { width: W, align: 'center' });
    },
    para(text, o = {}) {
      doc.font(o.bold ? 'B' : 'R').fontSize(o.size ?? 9.5);
      room(doc.heightOfString(text, { width: W }));
      if (o.color) doc.fillColor(o.color);
      doc.text(text, L, undefined, { width: W, align: o.align ?? 'left' });
      if (o.color) doc.fillColor('black');
    },
    room,
    gap(lines) {
      doc.moveDown(lines);
    },
    pageBreak() {
      doc.addPage();
    },
    table(widths, header, rows, o = {}) {
      const size = o.size ?? 8;
      const heightOf = (cells: string[], bold: boolean) =>
        Math.max(...cells.map((t, i) => doc.font(bold ? 'B' : 'R').fontSize(size).heightOfString(t || ' ', { width: widths[i]! - 6 }))) + 6;
      const draw = (cells: string[], bold: boolean) => {
        const h = heightOf(cells, bold);
        if (doc.y + h > bottom) {
          doc.addPage();
          if (header && !bold) draw(header, true);
        }
        const y = doc.y;
        let x = L;
        cells.forEach((t, i) => {
          doc.save().lineWidth(0.5).strokeColor('#777777').rect(x, y, widths[i]!, h).stroke().restore();
          doc.font(bold ? 'B' : 'R').fontSize(size).text(t, x + 3, y + 3, { width: widths[i]! - 6, align: bold ? 'center' : (o.align?.[i] ?? 'left') });
          x += widths[i]!;
        });
        doc.x = L;
        doc.y = y + h;
      };
      if (header) {
        room(heightOf(header, true) + (rows[0] ? heightOf(rows[0], false) : 0));
        draw(header, true);
      }
      for (const r of rows) draw(r, false);
      doc.x = L;
    },
    async finish() {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
  let page = 0;
  const footer = () => {
    page++;
    if (!info.footer) return;
    const { x, y } = doc;
    const m = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('R').fontSize(7).fillColor('#555555').text(info.footer(page), L, doc.page.height - my - 4, { width: W, align: 'center', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = m;
    doc.x = x;
    doc.y = y;
  };
  footer();
  doc.on('pageAdded', footer);
  doc.font('R');
  return pdf;
}

export const footerWithCode = (code: string, url: string) => (page: number) => `Код проверки ${formatDocumentCode(code)} · ${url} · стр. ${page}`;

/** '1234.50' → «1 234,50» (a thin no-break space between thousands). */
export function ruNumber(v: string): string {
  const [i, f] = v.split('.');
  const int = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0');
  return f === undefined ? int : `${int},${f}`;
}
