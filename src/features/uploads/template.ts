/**
 * The carrier's XLSX template for trips, written with the spreadsheet kit's
 * writer: a sheet «Рейсы» with the Russian headers the upload reads (a hint on
 * each header cell, required columns shaded blue), column formats for what
 * the user types (text, date-time, decimals), drop-down lists (data
 * validation) of the carrier's permits, vehicles, ФККО codes and facilities,
 * and number checks for volume and mass; a sheet «Справочники» with the lists
 * and what each permit allows; a sheet «Инструкция».
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { columnLetter } from '../../platform/spreadsheet/cells.js';
import { groupDigits } from '../../platform/spreadsheet/refusal.js';
import { xlsxBuffer, type XlsxColumn, type XlsxValidation } from '../../platform/spreadsheet/writer.js';
import { moscowDate } from '../../domain/period.js';
import { MAX_DATA_ROWS, TRIPS_SHEET, TRIP_COLUMNS, type TripField } from './columns.js';

/** Rows of «Рейсы» that carry the lists and checks. */
export const VALIDATED_ROWS = 10_000;
export const REFERENCE_SHEET = 'Справочники';

const FORMATS: Partial<Record<TripField, string>> = { loadedAt: 'dd.mm.yyyy hh:mm', unloadedAt: 'dd.mm.yyyy hh:mm', volume: '0.00', mass: '0.000' };

export async function buildTemplate(ctx: AppContext, carrierId: string): Promise<Buffer> {
  const today = moscowDate(ctx.now());
  const permits = await ctx.db
    .selectFrom('permits as p')
    .innerJoin('permit_carriers as pc', (j) => j.onRef('pc.permit_id', '=', 'p.id').on('pc.carrier_id', '=', carrierId))
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select([
      'p.number',
      'p.valid_from',
      'p.valid_to',
      's.name as site_name',
      sql<Array<{ code: string; name: string }>>`coalesce((select json_agg(json_build_object('code', w.waste_code, 'name', wt.name) order by w.waste_code)
        from permit_waste_types w join waste_types wt on wt.code = w.waste_code where w.permit_id = p.id), '[]'::json)`.as('waste'),
      sql<Array<{ inn: string; name: string }>>`coalesce((select json_agg(json_build_object('inn', o.inn, 'name', coalesce(o.short_name, o.name)) order by o.inn)
        from permit_facilities f join organizations o on o.id = f.facility_id where f.permit_id = p.id), '[]'::json)`.as('facilities'),
    ])
    .where('p.status', '=', 'active')
    .where('p.valid_to', '>=', today)
    .orderBy('p.number')
    .execute();
  const vehicles = await ctx.db.selectFrom('vehicles').select(['plate', 'model']).where('carrier_id', '=', carrierId).where('archived_at', 'is', null).orderBy('plate').execute();

  const permitNumbers = permits.map((p) => p.number);
  const codes = [...new Map(permits.flatMap((p) => p.waste.map((w) => [w.code, w.name] as const))).entries()].sort();
  const facilities = [...new Map(permits.flatMap((p) => p.facilities.map((f) => [f.inn, f.name] as const))).entries()].sort();
  const plates = vehicles.map((v) => v.plate);

  // --- Рейсы: lists, checks, hints ----------------------------------------
  const colOf = (field: TripField) => columnLetter(TRIP_COLUMNS.findIndex((c) => c.field === field));
  const dataRange = (field: TripField) => `${colOf(field)}2:${colOf(field)}${VALIDATED_ROWS + 1}`;
  const list = (col: number, n: number) => `'${REFERENCE_SHEET}'!$${columnLetter(col)}$2:$${columnLetter(col)}$${n + 1}`;
  const validations: XlsxValidation[] = [];
  const lists: Array<[TripField, number, number, string]> = [
    ['permitNumber', 0, permitNumbers.length, 'Выберите разрешение, в котором вы указаны перевозчиком'],
    ['plate', 5, plates.length, 'Выберите ТС вашей организации'],
    ['wasteCode', 1, codes.length, 'Выберите код ФККО из разрешения'],
    ['facilityInn', 3, facilities.length, 'Выберите ИНН объекта приёма из разрешения'],
  ];
  for (const [field, col, n, prompt] of lists) {
    if (!n) continue;
    validations.push({
      range: dataRange(field),
      type: 'list',
      formula1: list(col, n),
      error: { style: 'warning', title: 'Значение не из списка', message: prompt },
      prompt: { message: prompt },
    });
  }
  for (const field of ['volume', 'mass'] as const) {
    validations.push({
      range: dataRange(field),
      type: 'decimal',
      operator: 'greaterThan',
      formula1: '0',
      error: { style: 'stop', title: 'Неверное число', message: field === 'volume' ? 'Объём — положительное число, до 0,01 м³' : 'Масса — положительное число, до 0,001 т' },
    });
  }
  // A hint on each header cell (shown when it is selected).
  TRIP_COLUMNS.forEach((c, i) => {
    validations.push({ range: `${columnLetter(i)}1`, type: 'none', prompt: { title: c.header, message: `${c.required ? 'Обязательно' : 'Необязательно'}. ${c.hint}` } });
  });

  return xlsxBuffer(async (book) => {
    const trips = book.addSheet(TRIPS_SHEET, {
      frozenHeader: true,
      headerWrap: true,
      columns: TRIP_COLUMNS.map(
        (c): XlsxColumn => ({
          header: c.header,
          width: c.width,
          numFmt: FORMATS[c.field] ?? '@',
          formatEmptyCells: true,
          headerFill: c.required ? 'FFDDEBF7' : 'FFF2F2F2',
        }),
      ),
      validations,
    });
    const text = (header: string, width: number, numFmt?: string): XlsxColumn => ({ header, width, type: 'string', ...(numFmt ? { numFmt, formatEmptyCells: true } : {}) });
    const ref = book.addSheet(REFERENCE_SHEET, {
      columns: [
        text('Номер разрешения', 22),
        text('Код ФККО', 14, '@'),
        text('Вид отходов', 60),
        text('ИНН объекта приёма', 16, '@'),
        text('Объект приёма', 40),
        text('Госномер ТС', 14),
      ],
    });
    const help = book.addSheet('Инструкция', { columns: [{ width: 120, type: 'string' }] });

    await trips.end();

    // --- Справочники ---------------------------------------------------------
    const listLen = Math.max(permitNumbers.length, codes.length, facilities.length, plates.length);
    for (let i = 0; i < listLen; i++) {
      await ref.addRow([permitNumbers[i] ?? null, codes[i]?.[0] ?? null, codes[i]?.[1] ?? null, facilities[i]?.[0] ?? null, facilities[i]?.[1] ?? null, plates[i] ?? null]);
    }
    // What each permit allows, below the lists after an empty row.
    await ref.addRow([]);
    await ref.addRow(['Разрешение', 'Код ФККО', 'Вид отходов', 'ИНН объекта приёма', 'Объект приёма', 'Срок действия'], { style: 'bold' });
    for (const p of permits) {
      const n = Math.max(p.waste.length, p.facilities.length, 1);
      for (let i = 0; i < n; i++) {
        await ref.addRow([
          p.number,
          p.waste[i]?.code ?? null,
          p.waste[i]?.name ?? null,
          p.facilities[i]?.inn ?? null,
          p.facilities[i]?.name ?? null,
          i === 0 ? `${p.valid_from.split('-').reverse().join('.')} — ${p.valid_to.split('-').reverse().join('.')}; ${p.site_name}` : null,
        ]);
      }
    }
    await ref.end();

    // --- Инструкция ----------------------------------------------------------
    const lines = [
      'Как заполнить шаблон загрузки рейсов',
      '',
      '1. Заполняйте лист «Рейсы»: одна строка — один рейс. Первую строку (заголовки) не меняйте; порядок столбцов может быть любым.',
      '2. Номер разрешения, код ФККО и ИНН объекта приёма выбирайте из списков: они взяты из ваших действующих разрешений (лист «Справочники»).',
      '3. Госномер ТС — как в ПТС: А123ВС77 или А123ВС777. ТС должно числиться за вашей организацией.',
      '4. Время погрузки и выгрузки — московское: ДД.ММ.ГГГГ ЧЧ:ММ (например 01.03.2026 09:30); можно также ГГГГ-ММ-ДД ЧЧ:ММ или ДД/ММ/ГГГГ ЧЧ:ММ.',
      '5. Объём в м³ (до 0,01) и масса в тоннах (до 0,001): десятичный разделитель — запятая или точка.',
      '6. «Номер рейса перевозчика» необязателен; если он указан, один и тот же рейс не запишется дважды даже при повторной загрузке.',
      '7. Не используйте формулы и объединённые ячейки: строки с ними будут отклонены. Вставляйте значения.',
      `8. Размер файла — не более 50 МБ, не более ${groupDigits(MAX_DATA_ROWS)} строк. Формат — XLSX или CSV (UTF-8 или Windows-1251, разделитель «;»).`,
      '9. После загрузки файл обрабатывается в фоне; страницу можно закрыть. В журнале загрузок появится зелёная отметка и кнопка «Скачать файл результатов»:',
      '   в нём каждая строка вашего файла со статусом «Принято» или «Отклонено» и причинами с названием столбца.',
      '10. Повторная загрузка того же файла ничего не запишет второй раз; исправленные строки можно загрузить новым файлом — уже принятые рейсы будут отмечены как повторы.',
    ];
    for (const [i, l] of lines.entries()) await help.addRow([l], i === 0 ? { style: 'title' } : undefined);
    if (!permits.length) await help.addRow(['Внимание: у вашей организации нет действующих разрешений, где она указана перевозчиком; рейсы будут отклонены.']);
  }, { creator: 'ОССиГ', created: ctx.now() });
}
