/**
 * A minimal DOCX (Office Open XML, WordprocessingML) writer for documents an
 * organization edits, prints and signs by hand — the same flow of content as
 * the PDF (pdf.ts: headings, paragraphs, «label: value» fields, framed tables,
 * page breaks), so one renderer writes both (`DocFlow`).
 *
 * The package holds the parts Word and LibreOffice require and no more:
 * [Content_Types].xml, _rels/.rels, word/document.xml, word/styles.xml (the
 * default font and size), word/_rels/document.xml.rels, docProps/core.xml.
 * Text is XML-escaped (characters XML cannot hold are dropped); a table's
 * header row repeats on each page (`w:tblHeader`). Zip through yazl, as the
 * XLSX writer.
 */
import yazl from 'yazl';
import { xmlEscape } from '../spreadsheet/writer.js';

type Align = 'left' | 'center' | 'right' | 'justify';

/** What a document renderer writes to: a PDF (pdf.ts) or a DOCX. Sizes in points; table widths in points of `W`. */
export interface DocFlow {
  /** Usable width in points (the table widths are in these units). */
  W: number;
  heading(text: string, size?: number): void;
  para(text: string, o?: { size?: number; bold?: boolean; align?: Align; color?: string }): void;
  field(label: string, value: string, size?: number): void;
  table(widths: number[], header: string[] | null, rows: string[][], o?: { size?: number; align?: ('left' | 'right' | 'center')[] }): void;
  /** Vertical space of `lines` lines of the current size. */
  gap(lines: number): void;
  /** Ensures `h` points are left on the page (a PDF concern; a DOCX flows by itself). */
  room(h: number): void;
  pageBreak(): void;
}

export interface Docx extends DocFlow {
  finish(): Promise<Buffer>;
}

export interface DocxInfo {
  title: string;
  author: string;
  createdAt: Date;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** A4 in twentieths of a point, 2 cm margins (1134). */
const PAGE = { w: 11906, h: 16838, margin: 1134 };
/** Width in points of the text column (pdf.ts uses the same W for A4 with its margins; widths are scaled). */
const TEXT_TWIPS = PAGE.w - 2 * PAGE.margin;
const PDF_W = 595.28 - 2 * 42;

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

function run(text: string, o: { bold?: boolean; size?: number; color?: string } = {}): string {
  const props = [o.bold ? '<w:b/><w:bCs/>' : '', o.color ? `<w:color w:val="${o.color.replace('#', '').toUpperCase()}"/>` : '', o.size ? `<w:sz w:val="${Math.round(o.size * 2)}"/><w:szCs w:val="${Math.round(o.size * 2)}"/>` : ''].join('');
  // Line breaks inside a value become <w:br/>; runs of spaces are kept.
  const parts = text.split('\n').map((t) => `<w:t xml:space="preserve">${xmlEscape(t)}</w:t>`);
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${parts.join('<w:br/>')}</w:r>`;
}

function paragraph(runs: string, o: { align?: Align; after?: number; keepNext?: boolean; pageBreakBefore?: boolean } = {}): string {
  const props = [o.keepNext ? '<w:keepNext/>' : '', o.pageBreakBefore ? '<w:pageBreakBefore/>' : '', `<w:spacing w:before="0" w:after="${o.after ?? 60}"/>`, o.align ? `<w:jc w:val="${JC[o.align]}"/>` : ''].join('');
  return `<w:p><w:pPr>${props}</w:pPr>${runs}</w:p>`;
}

export function newDocx(info: DocxInfo): Docx {
  const body: string[] = [];
  let breakNext = false;
  const push = (xml: string) => {
    if (breakNext) {
      xml = xml.replace('<w:pPr>', '<w:pPr><w:pageBreakBefore/>');
      breakNext = false;
    }
    body.push(xml);
  };
  const docx: Docx = {
    W: PDF_W,
    heading(text, size = 11) {
      push(paragraph(run(text, { bold: true, size }), { align: 'center', after: 120, keepNext: true }));
    },
    para(text, o = {}) {
      push(paragraph(run(text, { bold: o.bold, size: o.size ?? 9.5, color: o.color }), { align: o.align }));
    },
    field(label, value, size = 9.5) {
      push(paragraph(run(`${label}: `, { bold: true, size }) + run(value || '—', { size })));
    },
    table(widths, header, rows, o = {}) {
      const size = o.size ?? 8;
      const total = widths.reduce((a, b) => a + b, 0) || 1;
      const tw = widths.map((w) => Math.max(200, Math.round((w / total) * TEXT_TWIPS)));
      const cell = (t: string, i: number, bold: boolean) =>
        `<w:tc><w:tcPr><w:tcW w:w="${tw[i]}" w:type="dxa"/></w:tcPr>${paragraph(run(t, { bold, size }), { align: bold ? 'center' : (o.align?.[i] ?? 'left'), after: 0 })}</w:tc>`;
      const row = (cells: string[], bold: boolean) => `<w:tr>${bold ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}${widths.map((_, i) => cell(cells[i] ?? '', i, bold)).join('')}</w:tr>`;
      const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="777777"/>`;
      const xml =
        `<w:tbl><w:tblPr><w:tblW w:w="${tw.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
        `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
        `<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
        `<w:tblGrid>${tw.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
        (header ? row(header, true) : '') +
        rows.map((r) => row(r, false)).join('') +
        '</w:tbl>';
      if (breakNext) {
        push(paragraph(''));
      }
      body.push(xml);
      // A table must not be the last element before another table or the end: Word wants a paragraph between.
      body.push(paragraph('', { after: 0 }));
    },
    gap(lines) {
      push(`<w:p><w:pPr><w:spacing w:before="0" w:after="${Math.round(lines * 220)}"/></w:pPr></w:p>`);
    },
    room() {},
    pageBreak() {
      breakNext = true;
    },
    async finish() {
      const document =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body.join('')}` +
        `<w:sectPr><w:pgSz w:w="${PAGE.w}" w:h="${PAGE.h}"/><w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;
      const styles =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>` +
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="ru-RU"/>' +
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
        '</w:styles>';
      const created = info.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const core =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:title>${xmlEscape(info.title)}</dc:title><dc:creator>${xmlEscape(info.author)}</dc:creator><dc:language>ru-RU</dc:language>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;
      const types =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';
      const rels =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';
      const docRels =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
      const zip = new yazl.ZipFile();
      const mtime = info.createdAt;
      const add = (path: string, xml: string) => zip.addBuffer(Buffer.from(xml, 'utf8'), path, { compress: true, mtime });
      add('[Content_Types].xml', types);
      add('_rels/.rels', rels);
      add('word/document.xml', document);
      add('word/_rels/document.xml.rels', docRels);
      add('word/styles.xml', styles);
      add('docProps/core.xml', core);
      const chunks: Buffer[] = [];
      const done = new Promise<Buffer>((resolve, reject) => {
        zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
        zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
        zip.outputStream.on('error', reject);
      });
      zip.end();
      return done;
    },
  };
  return docx;
}
