/**
 * The columns of a trips file, found by their Russian headers, and the
 * normalization of a row's cells into a `TripInput` for `recordTrips`:
 * decimal commas, dates as text in three formats (Moscow time) or as Excel
 * dates, Latin look-alike letters in plates (checkPlate folds them), ИНН that
 * lost a leading zero in a numeric cell. A cell we cannot read (a formula, an
 * error value, a merged range) becomes a reason naming its column.
 */
import type { FieldError } from '../../platform/http/errors.js';
import { cellText, columnLetter, type Cell, type MergeRange } from '../../platform/spreadsheet/cells.js';
import { groupDigits, type FileProblem } from '../../platform/spreadsheet/refusal.js';
import type { TripInput } from '../trips/record-trips.js';
import { moscowOffsetMs } from '../../domain/period.js';
import { normalizePlate } from '../../domain/identifiers.js';

/** At most this many data rows in one file. */
export const MAX_DATA_ROWS = 200_000;

export const rowCapMessage = (): string =>
  `Файл: в листе больше ${groupDigits(MAX_DATA_ROWS)} строк данных; допускается не более ${groupDigits(MAX_DATA_ROWS)} строк в одном файле — разделите данные на несколько файлов`;

/** The sheet a trips workbook is read from. */
export const TRIPS_SHEET = 'Рейсы';

export type TripField = keyof Required<TripInput>;

export interface ColumnSpec {
  field: TripField;
  header: string;
  required: boolean;
  aliases: string[];
  hint: string;
  width: number;
}

/** The template's columns, in order. Headers equal the field labels that recordTrips' messages start with. */
export const TRIP_COLUMNS: readonly ColumnSpec[] = [
  { field: 'permitNumber', header: 'Номер разрешения', required: true, aliases: ['Разрешение', 'Номер разрешения на перемещение'], hint: 'Например РП-77-2026-000142', width: 22 },
  { field: 'plate', header: 'Госномер ТС', required: true, aliases: ['Госномер', 'Гос. номер', 'Государственный номер', 'Госномер транспортного средства', 'Номер ТС'], hint: 'А123ВС77 или А123ВС777; латинские буквы-двойники допускаются', width: 16 },
  { field: 'wasteCode', header: 'Код ФККО', required: true, aliases: ['ФККО', 'Код отхода', 'Код по ФККО'], hint: '11 цифр, например 81110001495', width: 16 },
  { field: 'facilityInn', header: 'ИНН объекта приёма', required: true, aliases: ['ИНН объекта', 'ИНН отходополучателя', 'ИНН получателя', 'ИНН объекта приема'], hint: '10 или 12 цифр', width: 18 },
  { field: 'loadedAt', header: 'Время погрузки', required: true, aliases: ['Дата и время погрузки', 'Погрузка'], hint: 'ДД.ММ.ГГГГ ЧЧ:ММ, московское время', width: 18 },
  { field: 'unloadedAt', header: 'Время выгрузки', required: true, aliases: ['Дата и время выгрузки', 'Выгрузка'], hint: 'ДД.ММ.ГГГГ ЧЧ:ММ, московское время', width: 18 },
  { field: 'volume', header: 'Объём, м³', required: true, aliases: ['Объём', 'Объем м3', 'Объём м3', 'Объем, куб. м', 'Объём, м' /* «³» lost in Windows-1251 */], hint: 'до 0,01 м³; запятая или точка', width: 12 },
  { field: 'mass', header: 'Масса, т', required: true, aliases: ['Масса', 'Масса т', 'Вес, т'], hint: 'до 0,001 т; запятая или точка', width: 12 },
  { field: 'externalId', header: 'Номер рейса перевозчика', required: false, aliases: ['Номер рейса', '№ рейса'], hint: 'необязательно; защищает от повторной записи', width: 22 },
];

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/³/g, '3')
    .replace(/[^a-zа-я0-9]/g, '');

const HEADER_INDEX = new Map<string, ColumnSpec>();
for (const c of TRIP_COLUMNS) for (const h of [c.header, ...c.aliases]) HEADER_INDEX.set(norm(h), c);

export interface ColumnMap {
  /** field → 0-based column index */
  index: Map<TripField, number>;
  /** 0-based index → the header as written */
  headers: string[];
  notes: FileProblem[];
}

/** Maps a header row; missing or repeated columns refuse the file, unknown ones are noted. */
export function mapHeader(cells: readonly Cell[]): { ok: true; map: ColumnMap } | { ok: false; problems: FileProblem[] } {
  const index = new Map<TripField, number>();
  const headers = cells.map((c) => cellText(c));
  const problems: FileProblem[] = [];
  const notes: FileProblem[] = [];
  headers.forEach((h, i) => {
    if (h === '') return;
    const spec = HEADER_INDEX.get(norm(h));
    if (!spec) {
      notes.push({ field: h, message: `Столбец «${h}» (${columnLetter(i)}) не относится к шаблону и не учитывался` });
      return;
    }
    const first = index.get(spec.field);
    if (first !== undefined) {
      problems.push({
        field: spec.header,
        message: `Столбец «${spec.header}» встречается дважды (столбцы ${columnLetter(first)} и ${columnLetter(i)}); оставьте один`,
      });
      return;
    }
    index.set(spec.field, i);
  });
  if (index.size === 0) {
    return {
      ok: false,
      problems: [
        {
          field: 'file',
          message: `Файл: в первой строке не найдены заголовки шаблона (${TRIP_COLUMNS.map((c) => `«${c.header}»`).join(', ')}); скачайте шаблон и заполните его`,
        },
      ],
    };
  }
  const missing = TRIP_COLUMNS.filter((c) => c.required && !index.has(c.field));
  for (const c of missing) problems.push({ field: c.header, message: `Нет столбца «${c.header}» (${c.hint}); он обязателен` });
  if (problems.length) return { ok: false, problems };
  return { ok: true, map: { index, headers, notes } };
}

const DATE_FORMATS_HINT = 'ДД.ММ.ГГГГ ЧЧ:ММ (например 01.03.2026 09:30), ГГГГ-ММ-ДД ЧЧ:ММ или ДД/ММ/ГГГГ ЧЧ:ММ, время московское';

const MOSCOW_FIXED_SINCE = Date.UTC(2014, 9, 26, 2, 0, 0);

/** Instant of a Moscow wall-clock time; null when there is no such date. */
export function moscowInstant(y: number, mo: number, d: number, h: number, mi: number, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || y < 1900 || y > 2999) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  // Moscow has kept UTC+3 all year since 26.10.2014 02:00; the zone database is asked only for earlier times.
  if (utc >= MOSCOW_FIXED_SINCE) return new Date(utc - 3 * 3_600_000);
  let t = utc - moscowOffsetMs(new Date(utc));
  t = utc - moscowOffsetMs(new Date(t));
  return new Date(t);
}

const RE_DMY = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const RE_YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const RE_ISO_TZ = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A date-time cell → ISO instant, or a Russian reason (without the column label). */
export function parseDateTimeCell(c: Cell): { ok: true; value: string } | { ok: false; error: string } {
  if (c instanceof Date) {
    // Excel keeps wall-clock time without a zone: read it as Moscow time.
    const t = moscowInstant(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate(), c.getUTCHours(), c.getUTCMinutes(), c.getUTCSeconds());
    return t ? { ok: true, value: t.toISOString() } : { ok: false, error: 'недопустимая дата' };
  }
  if (typeof c === 'number') {
    // An Excel serial date (days since 1899-12-30) in a cell without a date format.
    if (c < 1 || c > 2_958_465) return { ok: false, error: `«${c}» не является датой и временем; ожидается ${DATE_FORMATS_HINT}` };
    const ms = Math.round((c - 25569) * 86_400_000 / 1000) * 1000;
    const w = new Date(ms);
    const t = moscowInstant(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds());
    return t ? { ok: true, value: t.toISOString() } : { ok: false, error: 'недопустимая дата' };
  }
  if (typeof c !== 'string') return { ok: false, error: `ожидается ${DATE_FORMATS_HINT}` };
  const s = c.trim().replace(/\s+/g, ' ');
  if (RE_ISO_TZ.test(s)) {
    const d = new Date(s.replace(' ', 'T'));
    if (!Number.isNaN(d.getTime())) return { ok: true, value: d.toISOString() };
  }
  let m = RE_DMY.exec(s);
  if (m) {
    const t = moscowInstant(Number(m[4]), Number(m[3]), Number(m[1]), Number(m[5]), Number(m[6]), Number(m[7] ?? 0));
    return t ? { ok: true, value: t.toISOString() } : { ok: false, error: `даты «${s}» не существует` };
  }
  m = RE_YMD.exec(s);
  if (m) {
    const t = moscowInstant(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
    return t ? { ok: true, value: t.toISOString() } : { ok: false, error: `даты «${s}» не существует` };
  }
  if (/^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s)) {
    return { ok: false, error: `указана только дата «${s}», нужно и время: ${DATE_FORMATS_HINT}` };
  }
  return { ok: false, error: `неверный формат «${s.slice(0, 40)}», ожидается ${DATE_FORMATS_HINT}` };
}

export interface NormalizedRow {
  input: TripInput;
  errors: FieldError[];
  /** Keys for duplicate detection within the file (null when the row cannot have one). */
  naturalKey: string | null;
  externalKey: string | null;
}

/**
 * One data row → a trip input and the reasons found while reading its cells.
 * `merges` are the merged ranges of the sheet that touch this row.
 */
export function normalizeRow(cells: readonly Cell[], rowNumber: number, map: ColumnMap, merges: readonly MergeRange[], fieldOf: (f: TripField) => string): NormalizedRow {
  const input: TripInput = {};
  const errors: FieldError[] = [];
  for (const spec of TRIP_COLUMNS) {
    const col = map.index.get(spec.field);
    if (col === undefined) continue;
    const label = spec.header;
    const field = fieldOf(spec.field);
    const merged = merges.find((r) => r.top <= rowNumber && rowNumber <= r.bottom && r.left <= col && col <= r.right);
    if (merged) {
      errors.push({ field, message: `${label}: ячейки объединены (${merged.ref}); разъедините их и заполните значение в каждой строке` });
      continue;
    }
    const c = cells[col] ?? null;
    if (c !== null && typeof c === 'object' && !(c instanceof Date)) {
      if ('formula' in c) errors.push({ field, message: `${label}: в ячейке ${columnLetter(col)}${rowNumber} формула; формулы не допускаются — вставьте значения` });
      else errors.push({ field, message: `${label}: ячейка ${columnLetter(col)}${rowNumber} содержит ошибку ${c.error}` });
      continue;
    }
    if (typeof c === 'boolean') {
      errors.push({ field, message: `${label}: неверное значение «${c ? 'ИСТИНА' : 'ЛОЖЬ'}»` });
      continue;
    }
    switch (spec.field) {
      case 'loadedAt':
      case 'unloadedAt': {
        if (c === null || (typeof c === 'string' && c.trim() === '')) break; // recordTrips says «обязательное поле»
        const d = parseDateTimeCell(c);
        if (d.ok) input[spec.field] = d.value;
        else errors.push({ field, message: `${label}: ${d.error}` });
        break;
      }
      case 'facilityInn': {
        if (typeof c === 'number' && Number.isInteger(c)) {
          const s = String(c);
          input.facilityInn = s.length === 9 || s.length === 11 ? `0${s}` : s;
        } else if (c instanceof Date) errors.push({ field, message: `${label}: ожидается 10 или 12 цифр, а не дата` });
        else input.facilityInn = c;
        break;
      }
      case 'volume':
      case 'mass':
        if (c instanceof Date) errors.push({ field, message: `${label}: ожидается число, а не дата` });
        else input[spec.field] = c;
        break;
      default:
        if (c instanceof Date) errors.push({ field, message: `${label}: ожидается текст, а не дата` });
        else input[spec.field] = typeof c === 'number' ? String(c) : c;
    }
  }
  const plate = typeof input.plate === 'string' ? normalizePlate(input.plate) : '';
  const naturalKey = plate && typeof input.loadedAt === 'string' ? `${plate}|${Date.parse(input.loadedAt)}` : null;
  const ext = typeof input.externalId === 'string' ? input.externalId.trim() : '';
  return { input, errors, naturalKey, externalKey: ext || null };
}
