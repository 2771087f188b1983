/**
 * The statement as PDF: A4 landscape, DejaVu Sans (Cyrillic), a trips table
 * with its header row repeated on every page, totals and utilization, a
 * visible signature stamp and a QR code leading to the verification page.
 *
 * Streaming with flat memory: pdfkit writes each page out as soon as the
 * next one starts (no `bufferPages`). «Стр. N из M» needs M up front; the
 * layout is deterministic (every row is one line of fixed height, long
 * values are cut with «…»), so the same layout code first runs "dry" — it
 * only counts pages, given the number of trips — and then draws for real.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatRu } from '../../domain/quantity.js';
import { formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import { FastText, type Cell } from './pdf-text.js';
import type { HeaderData, Totals, TripTuple } from './queries.js';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const PAGE_W = 841.89;
const PAGE_H = 595.28;
const LEFT = 28;
const RIGHT = PAGE_W - 28;
const TOP = 40;
const BOTTOM = PAGE_H - 34;
const WIDTH = RIGHT - LEFT;

export interface PdfInput {
  number: string;
  orderedAt: Date;
  periodFrom: string;
  periodTo: string;
  cutoff: Date;
  formationHours: number;
  header: HeaderData;
  totals: Totals;
  signer: { owner: string; organization?: string; innLe?: string; ogrn?: string; serial: string; notBefore: Date; notAfter: Date; issuer: string };
  verifyUrl: string;
}

export const RECEIPT_LABELS: Record<string, string> = { pending: 'ожидает', confirmed: 'принят', rejected: 'отклонён' };

const isoDateRu = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
/** 'YYYY-MM-DD HH:MI' → 'ДД.ММ.ГГГГ ЧЧ:ММ' */
const wallRu = (s: string) => `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)} ${s.slice(11, 16)}`;

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** Where drawing goes: a real pdfkit document, or nowhere (counting pages only). */
interface Canvas {
  readonly dry: boolean;
  page: number;
  newPage(): void;
  text(font: 'R' | 'B', size: number, text: string, x: number, y: number, width?: number, align?: Cell['align'], color?: string): void;
  row(font: 'R' | 'B', size: number, cells: Cell[], y: number, color?: string): void;
  hline(y: number, x1?: number, x2?: number, width?: number, gray?: number): void;
  fill(x: number, y: number, w: number, h: number, rgb: [number, number, number]): void;
  stroke(x: number, y: number, w: number, h: number, rgb: [number, number, number], width: number): void;
  qr(text: string, x: number, y: number, size: number): void;
}

class DryCanvas implements Canvas {
  readonly dry = true;
  page = 0;
  newPage() {
    this.page++;
  }
  text() {}
  row() {}
  hline() {}
  fill() {}
  stroke() {}
  qr() {}
}

class PdfCanvas implements Canvas {
  readonly dry = false;
  page = 0;
  private readonly fonts = new Map<string, FastText>();

  constructor(
    readonly doc: InstanceType<typeof PDFDocument>,
    private readonly totalPages: number,
    private readonly running: { left: string; right: string },
  ) {}

  private ft(font: 'R' | 'B', size: number): FastText {
    const key = `${font}${size}`;
    let f = this.fonts.get(key);
    if (!f) {
      f = new FastText(this.doc, font, size);
      this.fonts.set(key, f);
    }
    return f;
  }

  private raw(ops: string): void {
    (this.doc as unknown as { addContent(s: string): void }).addContent(ops);
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    this.page++;
    this.text('R', 7, this.running.left, LEFT, 16, WIDTH * 0.7, 'left', '0.35 0.35 0.35');
    this.text('R', 7, this.running.right, LEFT + WIDTH * 0.7, 16, WIDTH * 0.3, 'right', '0.35 0.35 0.35');
    this.hline(27, LEFT, RIGHT, 0.5, 0.6);
    this.hline(PAGE_H - 28, LEFT, RIGHT, 0.5, 0.6);
    this.text('R', 8, `Стр. ${this.page} из ${this.totalPages}`, LEFT, PAGE_H - 22, WIDTH, 'right');
  }

  text(font: 'R' | 'B', size: number, text: string, x: number, y: number, width = WIDTH, align: Cell['align'] = 'left', color?: string): void {
    this.row(font, size, [{ text, x, width, align }], y, color);
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
    this.raw(`${rgb.join(' ')} rg ${x} ${y.toFixed(2)} ${w} ${h} re f 0 0 0 rg`);
  }

  stroke(x: number, y: number, w: number, h: number, rgb: [number, number, number], width: number): void {
    this.raw(`${rgb.join(' ')} RG ${width} w ${x} ${y.toFixed(2)} ${w} ${h} re S 0 G`);
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
}

/** Trips table columns (sum = page width). */
const TRIP_COLUMNS: Column[] = [
  { title: '№ п/п', width: 34, align: 'right' },
  { title: 'Разрешение', width: 74 },
  { title: 'Погрузка', width: 60 },
  { title: 'Выгрузка', width: 60 },
  { title: 'Госномер ТС', width: 50 },
  { title: 'Перевозчик', width: 80 },
  { title: 'Объект приёма', width: 88 },
  { title: 'Код ФККО', width: 52 },
  { title: 'Вид отходов', width: 150 },
  { title: 'Объём, м³', width: 40, align: 'right' },
  { title: 'Масса, т', width: 44, align: 'right' },
  { title: 'Приёмка', width: WIDTH - 732 },
];
const TRIP_ROW_H = 10.6;
const TRIP_FONT = 6.3;

function xs(columns: Column[]): number[] {
  const out: number[] = [];
  let x = LEFT;
  for (const c of columns) {
    out.push(x);
    x += c.width;
  }
  return out;
}

/** The layout, shared by the dry run and the real one. */
class Layout {
  y = TOP;
  constructor(readonly c: Canvas) {}

  newPage(): void {
    this.c.newPage();
    this.y = TOP;
  }

  /** Makes room for `h`; on a page break calls `again` (e.g. to repeat a table header). */
  ensure(h: number, again?: () => void): void {
    if (this.y + h > BOTTOM) {
      this.newPage();
      again?.();
    }
  }

  heading(text: string, size = 11): void {
    this.ensure(size + 12);
    this.c.text('B', size, text, LEFT, this.y);
    this.y += size + 8;
  }

  line(label: string, value: string): void {
    const h = 13;
    this.ensure(h);
    this.c.row('B', 8.5, [{ text: label, x: LEFT, width: 190 }], this.y);
    this.c.row('R', 8.5, [{ text: value, x: LEFT + 195, width: WIDTH - 195 }], this.y);
    this.y += h;
  }

  /** A table with a repeated header row; each row one line of `rowH`. */
  table(columns: Column[], rows: Iterable<{ cells: string[]; bold?: boolean; color?: string; fill?: [number, number, number] }>, opts: { font?: number; rowH?: number } = {}): void {
    const size = opts.font ?? 7.5;
    const rowH = opts.rowH ?? 12;
    const x = xs(columns);
    const header = () => {
      this.c.fill(LEFT, this.y, WIDTH, rowH + 2, [0.91, 0.93, 0.96]);
      this.c.row('B', size, columns.map((col, i) => ({ text: col.title, x: x[i] + 2, width: col.width - 4, align: col.align })), this.y + 2);
      this.y += rowH + 2;
      this.c.hline(this.y, LEFT, RIGHT, 0.5, 0.5);
    };
    this.ensure(2 * rowH + 2);
    header();
    for (const r of rows) {
      this.ensure(rowH, header);
      if (r.fill) this.c.fill(LEFT, this.y, WIDTH, rowH, r.fill);
      this.c.row(r.bold ? 'B' : 'R', size, r.cells.map((text, i) => ({ text, x: x[i] + 2, width: columns[i].width - 4, align: columns[i].align })), this.y + 2, r.color);
      this.y += rowH;
      this.c.hline(this.y);
    }
    this.y += 8;
  }
}

const TRIP_X = xs(TRIP_COLUMNS);

function tripHeader(l: Layout): void {
  const c = l.c;
  c.fill(LEFT, l.y, WIDTH, TRIP_ROW_H + 3, [0.91, 0.93, 0.96]);
  c.row('B', TRIP_FONT, TRIP_COLUMNS.map((col, i) => ({ text: col.title, x: TRIP_X[i] + 1.5, width: col.width - 3, align: col.align })), l.y + 2.5);
  l.y += TRIP_ROW_H + 3;
  c.hline(l.y, LEFT, RIGHT, 0.5, 0.5);
}

function tripCells(n: number, t: TripTuple): Cell[] {
  const values = [
    String(n),
    t[1],
    wallRu(t[2]),
    wallRu(t[3]),
    t[4],
    t[5],
    t[6],
    t[7],
    t[8],
    formatRu(t[10]),
    formatRu(t[11]),
    RECEIPT_LABELS[t[12]] ?? t[12],
  ];
  return values.map((text, i) => ({ text, x: TRIP_X[i] + 1.5, width: TRIP_COLUMNS[i].width - 3, align: TRIP_COLUMNS[i].align }));
}

/** Draws (or, on a dry canvas, lays out) the whole document. Trip batches may be sparse arrays on a dry run. */
async function drawDocument(c: Canvas, d: PdfInput, tripBatches: AsyncIterable<TripTuple[]> | Iterable<TripTuple[]>, onBatch?: (done: number) => Promise<void>): Promise<void> {
  const l = new Layout(c);
  const h = d.header;
  const t = d.totals;

  // 1. Title page.
  l.newPage();
  c.text('B', 14, 'Сведения о результатах перемещения', LEFT, l.y, WIDTH, 'center');
  l.y += 19;
  c.text('B', 14, 'отходов строительства и сноса и грунтов (ОСС)', LEFT, l.y, WIDTH, 'center');
  l.y += 22;
  c.text('R', 10, `№ ${d.number} от ${formatMoscowDate(d.orderedAt)}`, LEFT, l.y, WIDTH, 'center');
  l.y += 24;
  l.line('Информационный оператор', `${h.operator.name}${h.operator.inn ? `, ИНН ${h.operator.inn}` : ''}${h.operator.ogrn ? `, ОГРН ${h.operator.ogrn}` : ''}`);
  l.line('Отходопроизводитель', h.producer.name);
  l.line('ИНН / КПП / ОГРН', [h.producer.inn, h.producer.kpp ?? '—', h.producer.ogrn ?? '—'].join(' / '));
  l.line('Объект образования ОСС', h.site.name);
  l.line('Адрес объекта', h.site.address);
  l.line(h.site.cadastralNumbers.length > 1 ? 'Кадастровые номера' : 'Кадастровый номер', h.site.cadastralNumbers.join(', ') || '—');
  l.line('Период', `с ${isoDateRu(d.periodFrom)} по ${isoDateRu(d.periodTo)} включительно (время московское)`);
  l.line('Данные зафиксированы', `${formatMoscowDateTime(d.orderedAt)} (МСК); включены рейсы, сформированные к этому моменту`);
  l.line('Рейсы сформированы до', `${formatMoscowDateTime(d.cutoff)} (МСК) — через ${d.formationHours} ч после завершения рейса`);
  l.line('Итого', `${t.trips.toLocaleString('ru-RU')} рейсов; ${formatRu(t.volume)} м³; ${formatRu(t.mass)} т`);
  l.y += 8;
  l.heading('Разрешения на перемещение ОСС');
  l.table(
    [
      { title: 'Номер', width: 110 },
      { title: 'Срок действия', width: 120 },
      { title: 'Перевозчики', width: 190 },
      { title: 'Объекты приёма', width: 200 },
      { title: 'Виды отходов (ФККО) и разрешённый объём, м³', width: WIDTH - 620 },
    ],
    h.permits.map((p) => ({
      cells: [
        p.number,
        `${isoDateRu(p.validFrom)} — ${isoDateRu(p.validTo)}`,
        p.carriers.join('; '),
        p.facilities.join('; '),
        p.wasteTypes.map((w) => `${w.code}: ${formatRu(w.permitted)}`).join('; '),
      ],
    })),
  );

  // 2. Trips, from a new page, header row on every page.
  l.newPage();
  c.text('B', 10, 'Рейсы (сформированные; по разрешениям и времени выгрузки; время московское)', LEFT, l.y);
  l.y += 16;
  tripHeader(l);
  let n = 0;
  const again = () => tripHeader(l);
  for await (const batch of tripBatches) {
    for (let i = 0; i < batch.length; i++) {
      if (l.y + TRIP_ROW_H > BOTTOM) {
        l.newPage();
        again();
      }
      n++;
      if (!c.dry) {
        c.row('R', TRIP_FONT, tripCells(n, batch[i]), l.y + 2.2);
        c.hline(l.y + TRIP_ROW_H, LEFT, RIGHT, 0.2, 0.8);
      }
      l.y += TRIP_ROW_H;
    }
    if (onBatch) await onBatch(n);
  }
  if (n === 0) {
    c.text('R', 8, 'Сформированных рейсов в периоде нет', LEFT, l.y + 4);
    l.y += 16;
  }

  // 3. Totals and utilization, from a new page.
  l.newPage();
  l.heading('Итоги', 12);
  l.line('Всего рейсов', t.trips.toLocaleString('ru-RU'));
  l.line('Объём, м³', formatRu(t.volume));
  l.line('Масса, т', formatRu(t.mass));
  l.y += 6;
  const qty: Column[] = [
    { title: 'Рейсов', width: 70, align: 'right' },
    { title: 'Объём, м³', width: 100, align: 'right' },
    { title: 'Масса, т', width: 100, align: 'right' },
  ];
  l.heading('Итоги по разрешениям', 10);
  l.table([{ title: 'Разрешение', width: WIDTH - 270 }, ...qty], [
    ...t.byPermit.map((r) => ({ cells: [r.number, String(r.trips), formatRu(r.volume), formatRu(r.mass)] })),
    { cells: ['Итого', String(t.trips), formatRu(t.volume), formatRu(t.mass)], bold: true },
  ]);
  l.heading('Итоги по видам отходов', 10);
  l.table([{ title: 'Код ФККО', width: 80 }, { title: 'Вид отходов', width: WIDTH - 420 }, { title: 'Класс', width: 70, align: 'center' }, ...qty], [
    ...t.byWaste.map((r) => ({ cells: [r.code, r.name, String(r.hazardClass), String(r.trips), formatRu(r.volume), formatRu(r.mass)] })),
    { cells: ['Итого', '', '', String(t.trips), formatRu(t.volume), formatRu(t.mass)], bold: true },
  ]);
  l.heading('Итоги по объектам приёма', 10);
  l.table([{ title: 'Объект приёма', width: WIDTH - 370 }, { title: 'ИНН', width: 100 }, ...qty], [
    ...t.byFacility.map((r) => ({ cells: [r.name, r.inn, String(r.trips), formatRu(r.volume), formatRu(r.mass)] })),
    { cells: ['Итого', '', String(t.trips), formatRu(t.volume), formatRu(t.mass)], bold: true },
  ]);
  l.heading('Использование разрешённых объёмов', 10);
  l.table(
    [
      { title: 'Разрешение', width: 105 },
      { title: 'Код ФККО', width: 70 },
      { title: 'Вид отходов', width: WIDTH - 635 },
      { title: 'Разрешено, м³', width: 85, align: 'right' },
      { title: 'За период, м³', width: 85, align: 'right' },
      { title: 'Всего на конец периода, м³', width: 135, align: 'right' },
      { title: 'Использовано', width: 70, align: 'right' },
      { title: 'Отметка', width: 85 },
    ],
    t.utilization.map((u) => ({
      cells: [u.permitNumber, u.code, u.name, formatRu(u.permitted), formatRu(u.movedInPeriod), formatRu(u.movedTotal), `${formatRu(u.sharePercent)} %`, u.over ? 'ПРЕВЫШЕНИЕ' : 'в пределах'],
      bold: u.over,
      color: u.over ? '0.75 0 0' : undefined,
      fill: u.over ? ([1, 0.9, 0.9] as [number, number, number]) : undefined,
    })),
  );

  // 4. Signature stamp and QR code.
  const stampH = 118;
  l.ensure(stampH + 30);
  const sx = LEFT;
  const sy = l.y + 4;
  const sw = 470;
  const blue: [number, number, number] = [0.1, 0.25, 0.6];
  c.stroke(sx, sy, sw, stampH, blue, 1.2);
  c.text('B', 10, 'Документ подписан электронной подписью', sx + 10, sy + 8, sw - 20, 'center', '0.1 0.25 0.6');
  const s = d.signer;
  const lines: [string, string][] = [
    ['Владелец', s.owner],
    ['Организация', s.organization ?? '—'],
    ['ИНН ЮЛ / ОГРН', `${s.innLe ?? '—'} / ${s.ogrn ?? '—'}`],
    ['Сертификат', s.serial],
    ['Действителен', `с ${formatMoscowDate(s.notBefore)} по ${formatMoscowDate(s.notAfter)}`],
    ['Издатель', s.issuer],
    ['Алгоритм', 'ГОСТ Р 34.10-2012 (256 бит), ГОСТ Р 34.11-2012 (Стрибог-256), CAdES-BES'],
  ];
  let ly = sy + 26;
  for (const [k, v] of lines) {
    c.row('B', 7.5, [{ text: k, x: sx + 10, width: 95 }], ly);
    c.row('R', 7.5, [{ text: v, x: sx + 108, width: sw - 118 }], ly);
    ly += 12;
  }
  const qrSize = stampH;
  c.qr(d.verifyUrl, sx + sw + 20, sy, qrSize);
  const tx = sx + sw + 20 + qrSize + 10;
  c.text('B', 8, 'Проверка подписи', tx, sy + 30, RIGHT - tx);
  c.text('R', 7.5, 'Наведите камеру на QR-код', tx, sy + 44, RIGHT - tx);
  c.text('R', 7.5, 'или откройте адрес ниже.', tx, sy + 56, RIGHT - tx);
  c.text('R', 7.5, 'Подпись — файл .sig рядом', tx, sy + 72, RIGHT - tx);
  c.text('R', 7.5, 'с документом (CMS, DER).', tx, sy + 84, RIGHT - tx);
  c.text('R', 8, `Адрес проверки: ${d.verifyUrl}`, sx, sy + stampH + 6, WIDTH);
  l.y = sy + stampH + 22;
}

function* sparseBatches(n: number): Iterable<TripTuple[]> {
  let left = n;
  while (left > 0) {
    const k = Math.min(left, 100_000);
    yield new Array<TripTuple>(k);
    left -= k;
  }
}

/** Number of pages the document will have for `tripCount` trips. */
export async function countPages(d: PdfInput, tripCount: number): Promise<number> {
  const c = new DryCanvas();
  await drawDocument(c, d, sparseBatches(tripCount));
  return c.page;
}

/**
 * Writes the PDF: `write` receives every chunk in order; `onBatch` is awaited
 * after each batch of trips (for backpressure and progress).
 */
export async function renderStatementPdf(opts: {
  input: PdfInput;
  tripCount: number;
  trips: AsyncIterable<TripTuple[]>;
  write: (chunk: Buffer) => void;
  onBatch?: (done: number) => Promise<void>;
}): Promise<{ pages: number }> {
  const d = opts.input;
  const total = await countPages(d, opts.tripCount);
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.7',
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: `Сведения о результатах перемещения ОСС № ${d.number}`,
      Author: d.header.operator.name,
      Subject: `${d.header.site.name}; период ${isoDateRu(d.periodFrom)} — ${isoDateRu(d.periodTo)}`,
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
  const canvas = new PdfCanvas(doc, total, {
    left: `Сведения о результатах перемещения ОСС № ${d.number} от ${formatMoscowDate(d.orderedAt)}`,
    right: d.header.site.name,
  });
  await drawDocument(canvas, d, opts.trips, opts.onBatch);
  if (canvas.page !== total) throw new Error(`PDF page count mismatch: planned ${total}, drew ${canvas.page}`);
  doc.end();
  await ended;
  return { pages: total };
}
