/**
 * The statement as PDF: A4 landscape, DejaVu Sans (Cyrillic); the parties as
 * they were when it was ordered and where their details came from; the
 * permits; every formed trip (header row repeated on every page); totals by
 * acceptance state — moved (accepted) apart from awaiting and rejected — by
 * permit, waste type, facility and carrier; utilization of the permitted
 * volumes; the rejected loads with the facility's reasons; a visible
 * signature stamp, the verification code and a QR code of the registry
 * record; the operator's support contacts on every page.
 *
 * Nothing is cut: every value wraps within its cell and rows grow to fit.
 *
 * Streaming with flat memory: pdfkit writes each page out as soon as the next
 * one starts (no `bufferPages`). «Стр. N из M» needs M, known only at the end:
 * every page draws the number M through one form XObject whose content is
 * written last — one pass over the trips.
 */
import { FONT_BOLD, FONT_REGULAR } from '../../platform/documents/pdf.js';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatRu } from '../../domain/quantity.js';
import { formatDateRu, formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { typesetQuotes } from '../../domain/typography.js';
import { formatDocumentCode } from '../../platform/documents/code.js';
import type { SignerRecord } from '../../platform/documents/registry.js';
import { ACCEPTANCE_HEADINGS, ACCEPTANCE_LABELS, massNote, type Movement, type MovementByState } from '../movement.js';
import { detailsSourceNote, type OrganizationDetails } from '../organizations/details.js';
import { FastText, type Cell } from './pdf-text.js';
import { displayName, type HeaderData, type Totals, type TripTuple } from './queries.js';


const PAGE_W = 841.89;
const PAGE_H = 595.28;
const LEFT = 28;
const RIGHT = PAGE_W - 28;
const TOP = 40;
const BOTTOM = PAGE_H - 40;
const WIDTH = RIGHT - LEFT;

/** Everything a statement's files print. */
export interface StatementDocument {
  number: string;
  orderedAt: Date;
  periodFrom: string;
  periodTo: string;
  cutoff: Date;
  formationHours: number;
  header: HeaderData;
  totals: Totals;
  signer: SignerRecord;
  /** Signatures carry an RFC 3161 time-stamp (a TSA is configured). */
  timestamped: boolean;
  /** Verification code of the registry record. */
  code: string;
  /** The public page of the registry record (QR code). */
  verifyUrl: string;
  support: { phone: string | null; email: string | null };
}
/** The former name of the document model. */
export type PdfInput = StatementDocument;

/** 'YYYY-MM-DD' → 'ДД.ММ.ГГГГ' */
export const isoDateRu = formatDateRu;
/** 'YYYY-MM-DD HH:MI' → 'ДД.ММ.ГГГГ ЧЧ:ММ' */
export const wallRu = (s: string) => `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)} ${s.slice(11, 16)}`;
const nb = (s: string) => s.replace(/\u00a0/g, ' ');
const qty = (v: string) => nb(formatRu(v));
const count = (n: number) => nb(n.toLocaleString('ru-RU'));

/** Names of the organizations of a document: the snapshot taken when ordered, else as found in the totals. */
export function organizationNames(d: StatementDocument): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of [...d.totals.byCarrier, ...d.totals.byFacility]) m.set(r.id, typesetQuotes(r.name));
  for (const o of [...d.header.carriers, ...d.header.facilities]) m.set(o.id, typesetQuotes(displayName(o)));
  return m;
}

/** «N рейсов; V м³; M т» */
export const movementLine = (m: Movement) => `${count(m.trips)} рейс.; ${qty(m.volume)} м³; ${qty(m.mass)} т`;

/** One-line identification of an organization: full name, ИНН, КПП, ОГРН. */
export function orgLine(o: Pick<OrganizationDetails, 'name' | 'inn' | 'kpp' | 'ogrn' | 'kind'>): string {
  return [
    typesetQuotes(o.name),
    o.inn ? `ИНН ${o.inn}` : null,
    o.kpp ? `КПП ${o.kpp}` : null,
    o.ogrn ? `${o.kind === 'individual' ? 'ОГРНИП' : 'ОГРН'} ${o.ogrn}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

interface Row {
  cells: string[];
  bold?: boolean;
  color?: string;
  fill?: [number, number, number];
}

const PAD = 2;
const lineHeight = (size: number) => size * 1.22;

/** The document being drawn: pdfkit underneath, fast text, pages with running header and footer. */
class Canvas {
  page = 0;
  y = TOP;
  private readonly fonts = new Map<string, FastText>();
  /** Per page, a form XObject that prints «Стр. N из M», filled in at the end when M is known. */
  private readonly pageNumbers: { data: Record<string, unknown>; end(chunk?: string): void }[] = [];

  constructor(
    readonly doc: InstanceType<typeof PDFDocument>,
    private readonly running: { header: string; footer: string },
  ) {}

  ft(font: 'R' | 'B', size: number): FastText {
    const key = `${font}${size}`;
    let f = this.fonts.get(key);
    if (!f) {
      f = new FastText(this.doc, font, size);
      this.fonts.set(key, f);
    }
    return f;
  }

  raw(ops: string): void {
    (this.doc as unknown as { addContent(s: string): void }).addContent(ops);
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    this.page++;
    this.y = TOP;
    this.text('R', 7, this.running.header, LEFT, 15, '0.35 0.35 0.35');
    this.hline(26, LEFT, RIGHT, 0.5, 0.6);
    this.hline(PAGE_H - 32, LEFT, RIGHT, 0.5, 0.6);
    const footer = this.ft('R', 7).wrap(this.running.footer, WIDTH - 90);
    footer.forEach((line, i) => this.text('R', 7, line, LEFT, PAGE_H - 28 + i * 8.5, '0.35 0.35 0.35'));
    // «Стр. N из M» right-aligned at the page's right edge, drawn by this page's form (written at the end).
    const form = (this.doc as unknown as { ref(d: object): Canvas['pageNumbers'][number] }).ref({ Type: 'XObject', Subtype: 'Form', BBox: [-200, -4, 0, 12], Resources: {} });
    this.pageNumbers.push(form);
    const page = (this.doc as unknown as { page: { xobjects: Record<string, unknown>; height: number } }).page;
    page.xobjects.PageNumber = form;
    // pdfkit draws in a flipped (top-down) space; forms, like text, are placed in the PDF's own (bottom-up) space.
    const baseline = page.height - (PAGE_H - 27) - 8 * 0.928;
    this.raw(`q 1 0 0 -1 0 ${page.height.toFixed(2)} cm 1 0 0 1 ${RIGHT.toFixed(2)} ${baseline.toFixed(2)} cm /PageNumber Do Q`);
  }

  /** Writes «Стр. N из M» into every page's form (call once, after the last page). */
  finishPageCount(): void {
    const ft = this.ft('R', 8);
    this.doc.font('R');
    const f = (this.doc as unknown as { _font: { id: string; encode(t: string): [string[], unknown]; ref(): unknown } })._font;
    this.pageNumbers.forEach((form, i) => {
      const label = `Стр. ${i + 1} из ${this.page}`;
      const [hex] = f.encode(label);
      form.data.Resources = { Font: { [f.id]: f.ref() } };
      form.end(`BT /${f.id} 8 Tf ${(-ft.widthOf(label)).toFixed(2)} 0 Td <${hex.join('')}> Tj ET`);
    });
  }

  text(font: 'R' | 'B', size: number, text: string, x: number, y: number, color?: string): void {
    this.row(font, size, [{ text, x, width: 10_000 }], y, color);
  }

  row(font: 'R' | 'B', size: number, cells: Cell[], y: number, color?: string): void {
    if (color) this.raw(`${color} rg`);
    this.ft(font, size).row(cells, y);
    if (color) this.raw('0 0 0 rg');
  }

  hline(y: number, x1 = LEFT, x2 = RIGHT, width = 0.25, gray = 0.75): void {
    this.raw(`${gray} G ${width} w ${x1} ${y.toFixed(2)} m ${x2} ${y.toFixed(2)} l S 0 G`);
  }

  fill(x: number, y: number, w: number, h: number, rgb: [number, number, number]): void {
    this.raw(`${rgb.join(' ')} rg ${x} ${y.toFixed(2)} ${w} ${h.toFixed(2)} re f 0 0 0 rg`);
  }

  stroke(x: number, y: number, w: number, h: number, rgb: [number, number, number], width: number): void {
    this.raw(`${rgb.join(' ')} RG ${width} w ${x} ${y.toFixed(2)} ${w} ${h.toFixed(2)} re S 0 G`);
  }

  qr(text: string, x: number, y: number, size: number): void {
    const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const quiet = 2;
    const cell = size / (n + 2 * quiet);
    let ops = '0 0 0 rg';
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        if (code.modules.get(r, c)) ops += ` ${(x + (c + quiet) * cell).toFixed(2)} ${(y + (r + quiet) * cell).toFixed(2)} ${cell.toFixed(3)} ${cell.toFixed(3)} re`;
      }
    }
    this.raw(`${ops} f`);
  }

  // ------------------------------------------------------------ layout

  /** Makes room for `h`; on a page break calls `again` (e.g. to repeat a table header). */
  ensure(h: number, again?: () => void): void {
    if (this.y + h > BOTTOM) {
      this.newPage();
      again?.();
    }
  }

  /** A paragraph over the full width (or `width` from `x`), wrapped. */
  para(text: string, o: { font?: 'R' | 'B'; size?: number; x?: number; width?: number; color?: string; after?: number } = {}): void {
    const font = o.font ?? 'R';
    const size = o.size ?? 8.5;
    const x = o.x ?? LEFT;
    const width = o.width ?? RIGHT - x;
    const lh = lineHeight(size);
    for (const line of this.ft(font, size).wrap(text, width)) {
      this.ensure(lh);
      this.row(font, size, [{ text: line, x, width }], this.y, o.color);
      this.y += lh;
    }
    this.y += o.after ?? 0;
  }

  heading(text: string, size = 11): void {
    this.ensure(size * 3);
    this.para(text, { font: 'B', size, after: 5 });
  }

  /** «Label — value» lines; the value wraps in its column; `note` goes under it in grey. */
  kv(label: string, value: string, note?: string): void {
    const size = 8.5;
    const lh = lineHeight(size);
    const lw = 178;
    const vx = LEFT + lw + 6;
    const vw = RIGHT - vx;
    const labelLines = this.ft('B', size).wrap(label, lw);
    const valueLines = this.ft('R', size).wrap(value, vw);
    const noteLines = note ? this.ft('R', 7).wrap(note, vw) : [];
    const h = Math.max(labelLines.length, valueLines.length) * lh + noteLines.length * lineHeight(7) + 2.5;
    this.ensure(Math.min(h, BOTTOM - TOP));
    this.row('B', size, labelLines.map((l, i) => ({ text: l, x: LEFT, width: lw, dy: i * lh })), this.y);
    this.row('R', size, valueLines.map((l, i) => ({ text: l, x: vx, width: vw, dy: i * lh })), this.y);
    let y = this.y + valueLines.length * lh;
    for (const l of noteLines) {
      this.row('R', 7, [{ text: l, x: vx, width: vw }], y, '0.4 0.4 0.4');
      y += lineHeight(7);
    }
    this.y += h;
  }

  /** A table: header row repeated on every page; every cell wraps; a row is as tall as its tallest cell. */
  table(columns: Column[], rows: Iterable<Row>, o: { size?: number } = {}): void {
    const size = o.size ?? 7.5;
    const lh = lineHeight(size);
    const xs = columnXs(columns);
    const header = () => {
      const lines = columns.map((c) => this.ft('B', size).wrap(c.title, c.width - 2 * PAD));
      const h = Math.max(...lines.map((l) => l.length)) * lh + 2 * PAD;
      this.fill(LEFT, this.y, WIDTH, h, [0.91, 0.93, 0.96]);
      this.cells('B', size, columns, xs, lines, this.y + PAD);
      this.y += h;
      this.hline(this.y, LEFT, RIGHT, 0.5, 0.5);
    };
    this.ensure(4 * lh + 4 * PAD);
    header();
    for (const r of rows) {
      const font = r.bold ? 'B' : 'R';
      const lines = columns.map((c, i) => this.ft(font, size).wrap(r.cells[i] ?? '', c.width - 2 * PAD));
      const h = Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * PAD;
      if (h > BOTTOM - TOP - 30) {
        // A row taller than a page: split its lines over pages, header repeated.
        this.tallRow(font, size, columns, xs, lines, header, r);
        continue;
      }
      this.ensure(h, header);
      if (r.fill) this.fill(LEFT, this.y, WIDTH, h, r.fill);
      this.cells(font, size, columns, xs, lines, this.y + PAD, r.color);
      this.y += h;
      this.hline(this.y);
    }
    this.y += 8;
  }

  private tallRow(font: 'R' | 'B', size: number, columns: Column[], xs: number[], lines: string[][], header: () => void, r: Row): void {
    const lh = lineHeight(size);
    const n = Math.max(...lines.map((l) => l.length));
    let from = 0;
    while (from < n) {
      this.ensure(lh * 3 + 2 * PAD, header);
      const fit = Math.max(1, Math.floor((BOTTOM - this.y - 2 * PAD) / lh));
      const part = lines.map((l) => l.slice(from, from + fit));
      const h = Math.max(...part.map((l) => l.length)) * lh + 2 * PAD;
      if (r.fill) this.fill(LEFT, this.y, WIDTH, h, r.fill);
      this.cells(font, size, columns, xs, part, this.y + PAD, r.color);
      this.y += h;
      from += fit;
      if (from < n) {
        this.newPage();
        header();
      }
    }
    this.hline(this.y);
  }

  /** A row's cells, each cell's lines together (extracted text keeps every value in one piece). */
  cells(font: 'R' | 'B', size: number, columns: Column[], xs: number[], lines: string[][], y: number, color?: string, lh = lineHeight(size)): void {
    const row: Cell[] = [];
    for (let i = 0; i < columns.length; i++) {
      const cell = lines[i]!;
      for (let k = 0; k < cell.length; k++) {
        if (cell[k]) row.push({ text: cell[k]!, x: xs[i]! + PAD, width: columns[i]!.width - 2 * PAD, align: columns[i]!.align, dy: k * lh });
      }
    }
    if (row.length) this.row(font, size, row, y, color);
  }
}

function columnXs(columns: Column[]): number[] {
  const out: number[] = [];
  let x = LEFT;
  for (const c of columns) {
    out.push(x);
    x += c.width;
  }
  return out;
}

/** Trips table columns (sum = page width); the permit heads each group of its trips. */
const TRIP_COLUMNS: Column[] = [
  { title: '№ п/п', width: 30, align: 'right' },
  { title: 'Погрузка', width: 60 },
  { title: 'Выгрузка', width: 60 },
  { title: 'Госномер ТС', width: 46 },
  { title: 'Перевозчик', width: 80 },
  { title: 'Объект приёма', width: 84 },
  { title: 'Код ФККО', width: 60 },
  { title: 'Вид отходов', width: 0 },
  { title: 'Объём, м³', width: 36, align: 'right' },
  { title: 'Масса заявл., т', width: 40, align: 'right' },
  { title: 'Масса по весам, т', width: 42, align: 'right' },
  { title: 'Приёмка', width: 42 },
];
TRIP_COLUMNS.find((c) => c.title === 'Вид отходов')!.width = WIDTH - TRIP_COLUMNS.reduce((s, c) => s + c.width, 0);
const TRIP_FONT = 6.3;
const TRIP_X = columnXs(TRIP_COLUMNS);

function stateColumns(prefix = ''): Column[] {
  return [
    { title: `${prefix}Принято: рейсов`, width: 52, align: 'right' },
    { title: 'м³', width: 62, align: 'right' },
    { title: 'т', width: 62, align: 'right' },
    { title: 'Ожидают: рейсов', width: 52, align: 'right' },
    { title: 'м³', width: 56, align: 'right' },
    { title: 'Отклонено: рейсов', width: 56, align: 'right' },
    { title: 'м³', width: 56, align: 'right' },
  ];
}
const STATE_WIDTH = stateColumns().reduce((s, c) => s + c.width, 0);
const stateCells = (m: MovementByState) => [
  count(m.accepted.trips),
  qty(m.accepted.volume),
  qty(m.accepted.mass),
  count(m.awaiting.trips),
  qty(m.awaiting.volume),
  count(m.rejected.trips),
  qty(m.rejected.volume),
];

/** Draws the whole document; trips come in batches from the database cursor. */
async function drawDocument(c: Canvas, d: StatementDocument, tripBatches: AsyncIterable<TripTuple[]>, onBatch?: (done: number) => Promise<void>): Promise<void> {
  const h = d.header;
  const t = d.totals;
  const m = t.movement;
  const names = organizationNames(d);
  const code = formatDocumentCode(d.code);

  // 1. Title page: the parties, the site, the period, what the statement contains.
  c.newPage();
  c.para('Сведения о результатах перемещения отходов строительства и сноса и грунтов (ОСС)', { font: 'B', size: 14, after: 4 });
  c.para(`№ ${d.number} от ${formatMoscowDate(d.orderedAt)}`, { size: 10, after: 10 });
  c.kv('Информационный оператор', orgLine(h.operator), 'id' in h.operator && h.operator.id ? detailsSourceNote(h.operator as OrganizationDetails) : undefined);
  c.kv('Отходопроизводитель', orgLine(h.producer), detailsSourceNote(h.producer));
  if (h.producer.address) c.kv('Адрес отходопроизводителя', h.producer.address);
  c.kv('Объект образования ОСС', typesetQuotes(h.site.name));
  c.kv('Адрес объекта', h.site.address);
  c.kv(h.site.cadastralNumbers.length > 1 ? 'Кадастровые номера' : 'Кадастровый номер', h.site.cadastralNumbers.join(', ') || '—');
  c.kv('Период', `с ${isoDateRu(d.periodFrom)} по ${isoDateRu(d.periodTo)} включительно (время московское)`);
  c.kv('Данные зафиксированы', `${formatMoscowDateTime(d.orderedAt)} (МСК): организации — как на этот момент; решения объектов приёма — принятые к этому моменту`);
  c.kv('Включены рейсы', `сформированные к ${formatMoscowDateTime(d.cutoff)} (МСК): рейс формируется через ${d.formationHours} ч после завершения`);
  c.kv(
    'Не вошли (не сформированы)',
    t.notFormed.trips === 0
      ? 'все рейсы периода сформированы'
      : `${count(t.notFormed.trips)} рейс. периода ещё не были сформированы к моменту фиксации${t.notFormed.formedBy ? `; последний сформируется ${formatMoscowDateTime(t.notFormed.formedBy)} (МСК)` : ''} — они войдут в сведения, заказанные позже`,
  );
  c.kv('Рейсов в сведениях', count(t.trips));
  c.kv(ACCEPTANCE_HEADINGS.accepted, movementLine(m.accepted), massNote(m));
  c.kv(ACCEPTANCE_HEADINGS.awaiting, `${movementLine(m.awaiting)} (масса заявленная); в перемещённые не включены`);
  c.kv(ACCEPTANCE_HEADINGS.rejected, `${movementLine(m.rejected)} (масса заявленная); не перемещены и не приняты, перечислены отдельно с причинами`);
  c.kv('Код проверки', `${code} — ${d.verifyUrl}`);
  c.kv('Служба поддержки', supportLine(d.support));
  c.y += 6;

  c.heading('Разрешения на перемещение ОСС', 10);
  c.table(
    [
      { title: 'Номер', width: 100 },
      { title: 'Срок действия', width: 110 },
      { title: 'Перевозчики', width: 170 },
      { title: 'Объекты приёма', width: 170 },
      { title: 'Виды отходов (код ФККО) и разрешённый объём, м³', width: WIDTH - 550 },
    ],
    h.permits.map((p) => ({
      cells: [
        p.number,
        `${isoDateRu(p.validFrom)} — ${isoDateRu(p.validTo)}`,
        p.carrierIds.map((id) => names.get(id) ?? id).join('; '),
        p.facilityIds.map((id) => names.get(id) ?? id).join('; '),
        p.wasteTypes.map((w) => `${formatFkkoCode(w.code)} ${w.name}: ${qty(w.permitted)}`).join('\n'),
      ],
    })),
  );

  c.heading('Перевозчики и объекты приёма (сведения на момент фиксации)', 10);
  c.table(
    [
      { title: 'Роль', width: 70 },
      { title: 'Наименование', width: 250 },
      { title: 'ИНН', width: 70 },
      { title: 'ОГРН / ОГРНИП', width: 90 },
      { title: 'Откуда сведения', width: WIDTH - 480 },
    ],
    [
      ...h.carriers.map((o) => ({ cells: ['Перевозчик', typesetQuotes(o.name), o.inn, o.ogrn ?? '—', detailsSourceNote(o)] })),
      ...h.facilities.map((o) => ({ cells: ['Объект приёма', typesetQuotes(o.name), o.inn, o.ogrn ?? '—', detailsSourceNote(o)] })),
    ],
  );

  // 2. Trips, from a new page, header row on every page; rows grow to fit their longest value.
  c.newPage();
  c.para('Рейсы (сформированные; по разрешениям и времени выгрузки; время московское). Масса по весам — масса, с которой объект приёма принял груз.', { font: 'B', size: 9, after: 4 });
  let permit: string | null = null;
  const permitRow = (cont: boolean) => {
    const text = `Разрешение ${permit}${cont ? ' (продолжение)' : ''}`;
    const hh = lineHeight(7) + 4;
    c.fill(LEFT, c.y, WIDTH, hh, [0.97, 0.97, 0.97]);
    c.row('B', 7, [{ text, x: LEFT + 2, width: WIDTH - 4 }], c.y + 2);
    c.y += hh;
    c.hline(c.y, LEFT, RIGHT, 0.3, 0.6);
  };
  // The trips table is set tighter than the others: it is most of the pages.
  const lh = TRIP_FONT * 1.12;
  const tripHeader = () => {
    const lines = TRIP_COLUMNS.map((col) => c.ft('B', TRIP_FONT).wrap(col.title, col.width - 3));
    const hh = Math.max(...lines.map((l) => l.length)) * lh + 4;
    c.fill(LEFT, c.y, WIDTH, hh, [0.91, 0.93, 0.96]);
    c.cells('B', TRIP_FONT, TRIP_COLUMNS, TRIP_X, lines, c.y + 2, undefined, lh);
    c.y += hh;
    c.hline(c.y, LEFT, RIGHT, 0.5, 0.5);
    if (permit !== null) permitRow(true);
  };
  tripHeader();
  const ft = c.ft('R', TRIP_FONT);
  let n = 0;
  for await (const batch of tripBatches) {
    for (const trip of batch) {
      n++;
      if (trip[1] !== permit) {
        permit = trip[1];
        c.ensure(lineHeight(7) + 4 + lh + 2.6, () => {
          const keep = permit;
          permit = null;
          tripHeader();
          permit = keep;
        });
        permitRow(false);
      }
      const values = [
        String(n),
        wallRu(trip[2]),
        wallRu(trip[3]),
        trip[4],
        names.get(trip[5]) ?? trip[5],
        names.get(trip[6]) ?? trip[6],
        formatFkkoCode(trip[7]),
        trip[8],
        qty(trip[10]),
        qty(trip[11]),
        trip[13] === null ? '—' : qty(trip[13]),
        ACCEPTANCE_LABELS[trip[12]],
      ];
      const lines = values.map((v, i) => ft.wrap(v, TRIP_COLUMNS[i]!.width - 3));
      const rh = Math.max(...lines.map((l) => l.length)) * lh + 2.6;
      c.ensure(rh, tripHeader);
      c.cells('R', TRIP_FONT, TRIP_COLUMNS, TRIP_X, lines, c.y + 1.4, trip[12] === 'rejected' ? '0.6 0 0' : undefined, lh);
      c.y += rh;
      c.hline(c.y, LEFT, RIGHT, 0.2, 0.8);
    }
    if (onBatch) await onBatch(n);
  }
  if (n === 0) c.para('Сформированных рейсов в периоде нет', { size: 8 });

  // 3. Totals, utilization and rejected loads, from a new page.
  c.newPage();
  c.heading('Итоги', 12);
  c.table(
    [{ title: 'Рейсы', width: 300 }, { title: 'Рейсов', width: 80, align: 'right' }, { title: 'Объём, м³', width: 110, align: 'right' }, { title: 'Масса, т', width: 110, align: 'right' }, { title: 'Масса', width: WIDTH - 600 }],
    [
      { cells: [ACCEPTANCE_HEADINGS.accepted, count(m.accepted.trips), qty(m.accepted.volume), qty(m.accepted.mass), massNote(m)], bold: true },
      { cells: [`${ACCEPTANCE_HEADINGS.awaiting} (не входят в перемещённые)`, count(m.awaiting.trips), qty(m.awaiting.volume), qty(m.awaiting.mass), 'заявленная перевозчиком'] },
      { cells: [`${ACCEPTANCE_HEADINGS.rejected} (не перемещены и не приняты)`, count(m.rejected.trips), qty(m.rejected.volume), qty(m.rejected.mass), 'заявленная перевозчиком'] },
      { cells: ['Всего сформированных рейсов в сведениях', count(t.trips), '', '', ''] },
    ],
  );
  const totalRow = (label: string, span: number): Row => ({ cells: [label, ...Array<string>(span).fill(''), ...stateCells(m)], bold: true });
  c.heading('Итоги по разрешениям', 10);
  c.table([{ title: 'Разрешение', width: WIDTH - STATE_WIDTH }, ...stateColumns()], [...t.byPermit.map((r) => ({ cells: [r.number, ...stateCells(r)] })), totalRow('Итого', 0)]);
  c.heading('Итоги по видам отходов', 10);
  c.table(
    [{ title: 'Код ФККО', width: 70 }, { title: 'Вид отходов', width: WIDTH - STATE_WIDTH - 110 }, { title: 'Класс', width: 40, align: 'center' }, ...stateColumns()],
    [...t.byWaste.map((r) => ({ cells: [formatFkkoCode(r.code), r.name, String(r.hazardClass), ...stateCells(r)] })), totalRow('Итого', 2)],
  );
  c.heading('Итоги по объектам приёма (принято — получено объектом; отклонённые не считаются полученными)', 10);
  c.table(
    [{ title: 'Объект приёма', width: WIDTH - STATE_WIDTH - 80 }, { title: 'ИНН', width: 80 }, ...stateColumns()],
    [...t.byFacility.map((r) => ({ cells: [names.get(r.id) ?? typesetQuotes(r.name), r.inn, ...stateCells(r)] })), totalRow('Итого', 1)],
  );
  c.heading('Итоги по перевозчикам', 10);
  c.table(
    [{ title: 'Перевозчик', width: WIDTH - STATE_WIDTH - 80 }, { title: 'ИНН', width: 80 }, ...stateColumns()],
    [...t.byCarrier.map((r) => ({ cells: [names.get(r.id) ?? typesetQuotes(r.name), r.inn, ...stateCells(r)] })), totalRow('Итого', 1)],
  );
  c.heading('Использование разрешённых объёмов (учтены принятые грузы; ожидающие решения — отдельно)', 10);
  c.table(
    [
      { title: 'Разрешение', width: 95 },
      { title: 'Код ФККО', width: 76 },
      { title: 'Вид отходов', width: WIDTH - 605 },
      { title: 'Разрешено, м³', width: 82, align: 'right' },
      { title: 'Перемещено за период, м³', width: 72, align: 'right' },
      { title: 'Перемещено всего на конец периода, м³', width: 82, align: 'right' },
      { title: 'Ожидают решения, м³', width: 66, align: 'right' },
      { title: 'Использовано', width: 70, align: 'right' },
      { title: 'Отметка', width: 62 },
    ],
    t.utilization.map((u) => ({
      cells: [u.permitNumber, formatFkkoCode(u.code), u.name, qty(u.permitted), qty(u.movedInPeriod), qty(u.movedTotal), qty(u.awaitingTotal), `${nb(formatRu(u.sharePercent))} %`, u.over ? 'ПРЕВЫШЕНИЕ' : 'в пределах'],
      bold: u.over,
      color: u.over ? '0.75 0 0' : undefined,
      fill: u.over ? ([1, 0.9, 0.9] as [number, number, number]) : undefined,
    })),
  );
  c.heading(`Грузы, отклонённые объектами приёма (${count(t.rejected.length)}): не перемещены и не приняты`, 10);
  if (t.rejected.length === 0) c.para('Отклонённых грузов нет.', { size: 8, after: 6 });
  else
    c.table(
      [
        { title: 'Рейс', width: 40, align: 'right' },
        { title: 'Разрешение', width: 80 },
        { title: 'Выгрузка', width: 60 },
        { title: 'Госномер ТС', width: 48 },
        { title: 'Перевозчик', width: 82 },
        { title: 'Объект приёма', width: 86 },
        { title: 'Код ФККО', width: 72 },
        { title: 'Объём, м³', width: 40, align: 'right' },
        { title: 'Масса заявл., т', width: 44, align: 'right' },
        { title: 'Отклонён', width: 60 },
        { title: 'Причина отказа', width: WIDTH - 612 },
      ],
      t.rejected.map((r) => ({
        cells: [String(r.tripId), r.permitNumber, wallRu(r.unloaded), r.plate, names.get(r.carrierId) ?? r.carrierId, names.get(r.facilityId) ?? r.facilityId, formatFkkoCode(r.wasteCode), qty(r.volume), qty(r.mass), wallRu(r.decided), r.reason],
      })),
      { size: 6.8 },
    );

  // 4. Signature stamp, verification code and QR code.
  const stampH = 132;
  c.ensure(stampH + 40);
  const sx = LEFT;
  const sy = c.y + 4;
  const sw = 500;
  const blue: [number, number, number] = [0.1, 0.25, 0.6];
  c.stroke(sx, sy, sw, stampH, blue, 1.2);
  c.row('B', 10, [{ text: 'Документ подписан электронной подписью', x: sx + 10, width: sw - 20, align: 'center' }], sy + 8, '0.1 0.25 0.6');
  const s = d.signer;
  const lines: [string, string][] = [
    ['Владелец', typesetQuotes(s.owner)],
    ['Организация', s.organization ? typesetQuotes(s.organization) : '—'],
    ['ИНН ЮЛ / ОГРН', `${s.innLe ?? '—'} / ${s.ogrn ?? '—'}`],
    ['Сертификат', s.serialNumber],
    ['Действителен', `с ${formatMoscowDate(new Date(s.notBefore))} по ${formatMoscowDate(new Date(s.notAfter))}`],
    ['Издатель', typesetQuotes(s.issuer)],
    ['Подпись', `${s.algorithm}, ${d.timestamped ? 'CAdES-T (с меткой времени)' : 'CAdES-BES'}`],
  ];
  let ly = sy + 26;
  for (const [k, v] of lines) {
    const vl = c.ft('R', 7.5).wrap(v, sw - 118);
    c.row('B', 7.5, [{ text: k, x: sx + 10, width: 95 }], ly);
    vl.forEach((l, i) => c.row('R', 7.5, [{ text: l, x: sx + 108, width: sw - 118 }], ly + i * 9.2));
    ly += Math.max(1, vl.length) * 9.2 + 2.6;
  }
  const qrSize = stampH;
  c.qr(d.verifyUrl, sx + sw + 16, sy, qrSize);
  const tx = sx + sw + 16 + qrSize + 8;
  const tw = RIGHT - tx;
  let ty = sy + 20;
  for (const [font, size, text] of [
    ['B', 8, 'Проверка документа'],
    ['R', 7.5, 'Код проверки:'],
    ['B', 9, code],
    ['R', 7.5, 'Наведите камеру на QR-код или откройте адрес ниже и введите код: откроется запись реестра документов.'],
    ['R', 7.5, 'Подпись — файл .sig рядом с документом (CMS, DER).'],
  ] as ['R' | 'B', number, string][]) {
    for (const l of c.ft(font, size).wrap(text, tw)) {
      c.row(font, size, [{ text: l, x: tx, width: tw }], ty);
      ty += lineHeight(size) + 1;
    }
  }
  c.y = sy + stampH + 6;
  c.para(`Адрес проверки: ${d.verifyUrl}`, { size: 8 });
  c.para(`Служба поддержки: ${supportLine(d.support)}`, { size: 8 });
}

export function supportLine(s: { phone: string | null; email: string | null }): string {
  return [s.phone ? `тел. ${s.phone}` : null, s.email ? `e-mail ${s.email}` : null].filter(Boolean).join(', ') || 'контакты службы поддержки не настроены';
}

/**
 * Writes the PDF: `write` receives every chunk in order; `onBatch` is awaited
 * after each batch of trips (for backpressure and progress).
 */
export async function renderStatementPdf(opts: {
  input: StatementDocument;
  tripCount?: number;
  trips: AsyncIterable<TripTuple[]>;
  write: (chunk: Buffer) => void;
  onBatch?: (done: number) => Promise<void>;
}): Promise<{ pages: number }> {
  const d = opts.input;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.7',
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: `Сведения о результатах перемещения ОСС № ${d.number}`,
      Author: typesetQuotes(d.header.operator.name),
      Subject: `${typesetQuotes(d.header.site.name)}; период ${isoDateRu(d.periodFrom)} — ${isoDateRu(d.periodTo)}; код проверки ${formatDocumentCode(d.code)}`,
      Creator: 'ОССиГ',
      CreationDate: d.orderedAt,
    },
  });
  doc.registerFont('R', FONT_REGULAR);
  doc.registerFont('B', FONT_BOLD);
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.on('data', (chunk: Buffer) => opts.write(chunk));
  const canvas = new Canvas(doc, {
    header: `Сведения о результатах перемещения ОСС № ${d.number} от ${formatMoscowDate(d.orderedAt)}`,
    footer: `Код проверки ${formatDocumentCode(d.code)} · ${d.verifyUrl} · Служба поддержки: ${supportLine(d.support)} ·`,
  });
  await drawDocument(canvas, d, opts.trips, opts.onBatch);
  canvas.finishPageCount();
  doc.end();
  await ended;
  return { pages: canvas.page };
}
