/**
 * The statement as XLSX, for machines: everything the PDF carries, in typed
 * cells — numbers as numbers (exact decimals written verbatim), dates and
 * times as Excel dates of the Moscow wall clock, text as text.
 *
 *   «Сведения»     the document: number, date, verification code, operator, producer (as when ordered,
 *                  with where the details came from), site, period, cut-off, what did not enter,
 *                  totals by acceptance state, signer, support contacts
 *   «Разрешения»   permits with validity, carriers, facilities, waste types and permitted volumes
 *   «Участники»    carriers and facilities (as when ordered) with ИНН, ОГРН and where the details came from
 *   «Рейсы» (2)…   one row per formed trip, with its acceptance and both masses
 *   «Итоги»        by permit, waste type, facility and carrier, each by acceptance state
 *   «Использование» permitted vs moved (accepted) volumes, awaiting apart
 *   «Отклонённые»  rejected loads with the facility's reasons
 *
 * Written with our streaming writer (src/platform/spreadsheet/writer.ts): rows are
 * compressed into the zip as they come, so memory does not grow with the
 * number of trips.
 */
import { Writable } from 'node:stream';
import { formatFkkoCode } from '../../domain/fkko.js';
import { typesetQuotes } from '../../domain/typography.js';
import { formatDocumentCode } from '../../platform/documents/code.js';
import { XLSX_MAX_ROWS, createXlsxWriter, xlsxDecimal, type XlsxCellValue, type XlsxColumn, type XlsxSheet } from '../../platform/spreadsheet/writer.js';
import { ACCEPTANCE_HEADINGS, ACCEPTANCE_LABELS, MASS_SOURCE_LABELS, massNote, type MovementByState } from '../movement.js';
import { detailsSourceNote, type OrganizationDetails } from '../organizations/details.js';
import { organizationNames, supportLine, type StatementDocument } from './render-pdf.js';
import type { TripTuple } from './queries.js';

export const INFO_SHEET = 'Сведения';
export const PERMITS_SHEET = 'Разрешения';
export const PARTIES_SHEET = 'Участники';
export const TRIP_SHEET = 'Рейсы';
export const TOTALS_SHEET = 'Итоги';
export const UTILIZATION_SHEET = 'Использование';
export const REJECTED_SHEET = 'Отклонённые';

export const XLSX_TRIP_HEADERS = [
  '№ п/п',
  'ID рейса',
  'Разрешение',
  'Погрузка (МСК)',
  'Выгрузка (МСК)',
  'Госномер ТС',
  'Перевозчик',
  'ИНН перевозчика',
  'Объект приёма',
  'ИНН объекта приёма',
  'Код ФККО',
  'Вид отходов',
  'Класс опасности',
  'Объём, м³',
  'Масса заявленная, т',
  'Приёмка',
  'Масса по весам, т',
  'Масса учтённая, т',
  'Источник учтённой массы',
] as const;

const col = (header: string, type: XlsxColumn['type'], width: number, numFmt?: string): XlsxColumn => ({ header, type, width, ...(numFmt ? { numFmt } : {}) });
/** Columns several sheets carry. */
const PERMIT_COL = col('Разрешение', 'string', 20);
const FKKO_COL = col('Код ФККО', 'string', 17);
const WASTE_COL = col('Вид отходов', 'string', 60);
const PERMITTED_COL = col('Разрешено, м³', 'number', 14, '0.00');

/** Adds a row, waiting when the writer asks to (backpressure). */
async function put(sheet: XlsxSheet, values: XlsxCellValue[], style?: 'bold' | 'alert'): Promise<void> {
  const w = sheet.addRow(values, style ? { style } : undefined);
  if (w) await w;
}

const TRIP_COLUMNS: XlsxColumn[] = (
  [
    ['integer', 8],
    ['integer', 10],
    ['string', 20],
    ['datetime', 17],
    ['datetime', 17],
    ['string', 12],
    ['string', 28],
    ['string', 14],
    ['string', 30],
    ['string', 14],
    ['string', 17],
    ['string', 50],
    ['integer', 9],
    ['number', 11, '0.00'],
    ['number', 12, '0.000'],
    ['string', 12],
    ['number', 12, '0.000'],
    ['number', 12, '0.000'],
    ['string', 26],
  ] as const
).map(([type, width, numFmt], i) => ({ header: XLSX_TRIP_HEADERS[i], type, width, ...(numFmt ? { numFmt } : {}) }));

const STATE_HEADERS = ['Принято: рейсов', 'Принято: м³', 'Принято: т', 'Из них с массой по весам', 'Ожидают: рейсов', 'Ожидают: м³', 'Ожидают: т', 'Отклонено: рейсов', 'Отклонено: м³', 'Отклонено: т'];
const STATE_COLUMNS: XlsxColumn[] = STATE_HEADERS.map((header, i) => ({
  header,
  type: [0, 3, 4, 7].includes(i) ? 'integer' : 'number',
  width: 13,
  ...([1, 5, 8].includes(i) ? { numFmt: '0.00' } : [2, 6, 9].includes(i) ? { numFmt: '0.000' } : {}),
}));
const stateValues = (m: MovementByState): XlsxCellValue[] => [
  m.accepted.trips,
  m.accepted.volume,
  m.accepted.mass,
  m.accepted.weighedTrips,
  m.awaiting.trips,
  m.awaiting.volume,
  m.awaiting.mass,
  m.rejected.trips,
  m.rejected.volume,
  m.rejected.mass,
];

export async function renderStatementXlsx(opts: {
  input: StatementDocument;
  trips: AsyncIterable<TripTuple[]>;
  write: (chunk: Buffer) => void;
  onBatch?: (done: number) => Promise<void>;
  /** Trips per sheet (tests make it small); at most XLSX_MAX_ROWS - 1. */
  rowsPerSheet?: number;
}): Promise<void> {
  const d = opts.input;
  const h = d.header;
  const t = d.totals;
  const names = organizationNames(d);
  const inns = new Map<string, string>([...t.byCarrier, ...t.byFacility].map((r) => [r.id, r.inn]));
  for (const o of [...h.carriers, ...h.facilities]) inns.set(o.id, o.inn);
  const sink = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _enc, cb) {
      try {
        opts.write(chunk);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
  const wb = createXlsxWriter(sink, { creator: 'ОССиГ', created: d.orderedAt });
  // Tab order = declaration order; rows go to each sheet in that order.
  const info = wb.addSheet(INFO_SHEET, {
    columns: [
      col('Поле', 'string', 42),
      col('Значение', 'auto', 90),
      col('Дата', 'date', 12),
      col('Дата и время (МСК)', 'datetime', 17),
      col('Число', 'number', 14),
    ],
  });
  const permits = wb.addSheet(PERMITS_SHEET, {
    columns: [
      PERMIT_COL,
      col('Действует с', 'date', 12),
      col('Действует по', 'date', 12),
      col('Статус', 'string', 12),
      col('Перевозчики', 'string', 40),
      col('Объекты приёма', 'string', 40),
      FKKO_COL,
      WASTE_COL,
      PERMITTED_COL,
    ],
    frozenHeader: true,
  });
  const parties = wb.addSheet(PARTIES_SHEET, {
    columns: [
      col('Роль', 'string', 22),
      col('Наименование', 'string', 60),
      col('Сокращённое наименование', 'string', 30),
      col('ИНН', 'string', 14),
      col('КПП', 'string', 11),
      col('ОГРН / ОГРНИП', 'string', 17),
      col('Адрес', 'string', 50),
      col('Откуда сведения', 'string', 60),
    ],
    frozenHeader: true,
  });
  // A sheet holds at most XLSX_MAX_ROWS rows (the header included): more trips continue on «Рейсы (2)», …
  const perSheet = Math.min(opts.rowsPerSheet ?? XLSX_MAX_ROWS - 1, XLSX_MAX_ROWS - 1);
  const sheetCount = Math.max(1, Math.ceil(t.trips / perSheet));
  const tripSheets = Array.from({ length: sheetCount }, (_, i) => wb.addSheet(i === 0 ? TRIP_SHEET : `${TRIP_SHEET} (${i + 1})`, { columns: TRIP_COLUMNS, frozenHeader: true }));
  const totals = wb.addSheet(TOTALS_SHEET, {
    columns: [col('Разрез', 'string', 22), col('Значение', 'string', 50), col('Код / ИНН', 'string', 17), ...STATE_COLUMNS],
    frozenHeader: true,
  });
  const utilization = wb.addSheet(UTILIZATION_SHEET, {
    columns: [
      PERMIT_COL,
      FKKO_COL,
      WASTE_COL,
      PERMITTED_COL,
      col('Перемещено за период, м³', 'number', 16, '0.00'),
      col('Перемещено всего на конец периода, м³', 'number', 18, '0.00'),
      col('Ожидают решения, м³', 'number', 14, '0.00'),
      col('Использовано, %', 'number', 12, '0.0'),
      col('Превышение', 'string', 12),
    ],
    frozenHeader: true,
  });
  const rejected = wb.addSheet(REJECTED_SHEET, {
    columns: [
      col('ID рейса', 'integer', 10),
      PERMIT_COL,
      col('Выгрузка (МСК)', 'datetime', 17),
      col('Госномер ТС', 'string', 12),
      col('Перевозчик', 'string', 28),
      col('Объект приёма', 'string', 30),
      FKKO_COL,
      col('Объём, м³', 'number', 11, '0.00'),
      col('Масса заявленная, т', 'number', 12, '0.000'),
      col('Отклонён (МСК)', 'datetime', 17),
      col('Причина отказа', 'string', 60),
    ],
    frozenHeader: true,
  });

  // «Сведения»
  const kv = async (sheet: XlsxSheet, field: string, value: XlsxCellValue, date?: Date | string | null, dateTime?: Date | null, num?: string | number | null, bold = false) => {
    await put(sheet, [field, value ?? null, date ?? null, dateTime ?? null, num ?? null], bold ? 'bold' : undefined);
  };
  const org = async (role: string, o: OrganizationDetails | HeaderOperator) => {
    await kv(info, role, typesetQuotes(o.name), null, null, null, true);
    if (o.shortName) await kv(info, `${role}: сокращённое наименование`, typesetQuotes(o.shortName));
    if (o.inn) await kv(info, `${role}: ИНН`, o.inn);
    if (o.kpp) await kv(info, `${role}: КПП`, o.kpp);
    if (o.ogrn) await kv(info, `${role}: ${o.kind === 'individual' ? 'ОГРНИП' : 'ОГРН'}`, o.ogrn);
    if (o.address) await kv(info, `${role}: адрес`, o.address);
    if ('sources' in o && o.id) await kv(info, `${role}: откуда сведения`, detailsSourceNote(o as OrganizationDetails));
  };
  await kv(info, 'Сведения о результатах перемещения ОСС', d.number, null, d.orderedAt, null, true);
  await kv(info, 'Код проверки', formatDocumentCode(d.code));
  await kv(info, 'Адрес проверки', d.verifyUrl);
  await org('Информационный оператор', h.operator);
  await org('Отходопроизводитель', h.producer);
  await kv(info, 'Объект образования ОСС', typesetQuotes(h.site.name), null, null, null, true);
  await kv(info, 'Адрес объекта', h.site.address);
  await kv(info, 'Кадастровые номера', h.site.cadastralNumbers.join(', '));
  await kv(info, 'Период с', null, d.periodFrom);
  await kv(info, 'Период по (включительно)', null, d.periodTo);
  await kv(info, 'Данные зафиксированы (организации, решения объектов приёма)', null, null, d.orderedAt);
  await kv(info, `Включены рейсы, сформированные к (рейс формируется через ${d.formationHours} ч)`, null, null, d.cutoff);
  await kv(info, 'Не вошли: рейсов периода, не сформированных к моменту фиксации', null, null, t.notFormed.formedBy, t.notFormed.trips);
  await kv(info, 'Рейсов в сведениях', null, null, null, t.trips);
  for (const [state, label] of Object.entries(ACCEPTANCE_HEADINGS) as [keyof MovementByState, string][]) {
    const mv = t.movement[state];
    await kv(info, `${label}: рейсов`, null, null, null, mv.trips, state === 'accepted');
    await kv(info, `${label}: объём, м³`, null, null, null, mv.volume, state === 'accepted');
    await kv(info, `${label}: масса, т`, state === 'accepted' ? massNote(t.movement) : MASS_SOURCE_LABELS.declared, null, null, mv.mass, state === 'accepted');
  }
  await kv(info, 'Подписант', typesetQuotes(d.signer.owner));
  if (d.signer.organization) await kv(info, 'Подписант: организация', typesetQuotes(d.signer.organization));
  await kv(info, 'Сертификат подписанта', d.signer.serialNumber);
  await kv(info, 'Сертификат действителен с', null, null, new Date(d.signer.notBefore));
  await kv(info, 'Сертификат действителен по', null, null, new Date(d.signer.notAfter));
  await kv(info, 'Издатель сертификата', typesetQuotes(d.signer.issuer));
  await kv(info, 'Подпись', `${d.signer.algorithm}, ${d.timestamped ? 'CAdES-T (с меткой времени)' : 'CAdES-BES'}`);
  await kv(info, 'Служба поддержки: телефон', d.support.phone ?? '');
  await kv(info, 'Служба поддержки: e-mail', d.support.email ?? '');
  await kv(info, 'Служба поддержки', supportLine(d.support));
  await info.end();

  // «Разрешения»
  for (const p of h.permits) {
    const carriers = p.carrierIds.map((id) => names.get(id) ?? id).join('; ');
    const facilities = p.facilityIds.map((id) => names.get(id) ?? id).join('; ');
    for (const w of p.wasteTypes.length ? p.wasteTypes : [null]) {
      await put(permits, [p.number, p.validFrom, p.validTo, p.status, carriers, facilities, w ? formatFkkoCode(w.code) : null, w?.name ?? null, w?.permitted ?? null]);
    }
  }
  await permits.end();

  // «Участники»
  for (const [role, list] of [['Перевозчик', h.carriers], ['Объект приёма', h.facilities]] as const) {
    for (const o of list) {
      await put(parties, [role, typesetQuotes(o.name), o.shortName ? typesetQuotes(o.shortName) : null, o.inn, o.kpp, o.ogrn, o.address, detailsSourceNote(o)]);
    }
  }
  await parties.end();

  // «Рейсы»
  let n = 0;
  let ws = tripSheets[0]!;
  for await (const batch of opts.trips) {
    for (const tr of batch) {
      if (n > 0 && n % perSheet === 0) {
        await ws.end();
        ws = tripSheets[n / perSheet]!;
        if (!ws) throw new Error(`more trips than counted for the statement (${t.trips})`);
      }
      n++;
      const counted = tr[13] ?? tr[11];
      // Dates are Moscow wall-clock strings and go in as they are; volumes and masses are exact decimals.
      const wait = ws.addRow([
        n,
        tr[0],
        tr[1],
        tr[2],
        tr[3],
        tr[4],
        names.get(tr[5]) ?? tr[5],
        inns.get(tr[5]) ?? null,
        names.get(tr[6]) ?? tr[6],
        inns.get(tr[6]) ?? null,
        formatFkkoCode(tr[7]),
        tr[8],
        tr[9],
        tr[10],
        tr[11],
        ACCEPTANCE_LABELS[tr[12]],
        tr[13],
        tr[12] === 'accepted' ? counted : null,
        tr[12] === 'accepted' ? (tr[13] !== null ? MASS_SOURCE_LABELS.weighed : MASS_SOURCE_LABELS.declared) : 'не учтена: груз не принят',
      ]);
      if (wait) await wait;
    }
    if (opts.onBatch) await opts.onBatch(n);
  }
  for (const sheet of tripSheets) await sheet.end();

  // «Итоги»
  const row = (values: XlsxCellValue[], bold = false) => put(totals, values, bold ? 'bold' : undefined);
  await row(['Всего', 'Рейсов в сведениях: ' + t.trips, null, ...stateValues(t.movement)], true);
  for (const r of t.byPermit) await row(['Разрешение', r.number, null, ...stateValues(r)]);
  for (const r of t.byWaste) await row(['Вид отходов', r.name, formatFkkoCode(r.code), ...stateValues(r)]);
  for (const r of t.byFacility) await row(['Объект приёма', names.get(r.id) ?? typesetQuotes(r.name), r.inn, ...stateValues(r)]);
  for (const r of t.byCarrier) await row(['Перевозчик', names.get(r.id) ?? typesetQuotes(r.name), r.inn, ...stateValues(r)]);
  await totals.end();

  // «Использование»
  for (const u of t.utilization) {
    await put(
      utilization,
      [u.permitNumber, formatFkkoCode(u.code), u.name, u.permitted, u.movedInPeriod, u.movedTotal, u.awaitingTotal, xlsxDecimal(u.sharePercent).text, u.over ? 'да' : 'нет'],
      u.over ? 'alert' : undefined,
    );
  }
  await utilization.end();

  // «Отклонённые»
  for (const r of t.rejected) {
    await put(rejected, [r.tripId, r.permitNumber, r.unloaded, r.plate, names.get(r.carrierId) ?? r.carrierId, names.get(r.facilityId) ?? r.facilityId, formatFkkoCode(r.wasteCode), r.volume, r.mass, r.decided, r.reason]);
  }
  await wb.finish();
}

type HeaderOperator = StatementDocument['header']['operator'];
