/**
 * The carrier's XLSX template for trips: a sheet «Рейсы» with the Russian
 * headers the upload reads, lists (data validation) of the carrier's permits,
 * vehicles, ФККО codes and facilities; a sheet «Инструкция»; and a sheet
 * «Справочники» with what each permit allows.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { moscowDate } from '../../domain/period.js';
import { TRIP_COLUMNS, columnLetter } from './columns.js';
import { MAX_DATA_ROWS, groupDigits } from './read-rows.js';

const VALIDATED_ROWS = 10_000;

/** exceljs has range validations at run time but not in its typings. */
const validations_ = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

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
  const vehicles = await ctx.db.selectFrom('vehicles').select(['plate', 'model']).where('carrier_id', '=', carrierId).orderBy('plate').execute();

  const wb = new ExcelJS.Workbook();
  wb.creator = 'ОССиГ';
  wb.created = ctx.now();

  // --- Рейсы -------------------------------------------------------------
  const ws = wb.addWorksheet('Рейсы', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TRIP_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    style:
      c.field === 'loadedAt' || c.field === 'unloadedAt'
        ? { numFmt: 'dd.mm.yyyy hh:mm' }
        : c.field === 'volume'
          ? { numFmt: '0.00' }
          : c.field === 'mass'
            ? { numFmt: '0.000' }
            : { numFmt: '@' },
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  TRIP_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFDDEBF7' : 'FFF2F2F2' } };
    cell.note = `${c.required ? 'Обязательно' : 'Необязательно'}. ${c.hint}`;
  });

  // --- Справочники -------------------------------------------------------
  const ref = wb.addWorksheet('Справочники');
  const permitNumbers = permits.map((p) => p.number);
  const codes = [...new Map(permits.flatMap((p) => p.waste.map((w) => [w.code, w.name] as const))).entries()].sort();
  const facilities = [...new Map(permits.flatMap((p) => p.facilities.map((f) => [f.inn, f.name] as const))).entries()].sort();
  const plates = vehicles.map((v) => v.plate);
  ref.columns = [
    { header: 'Номер разрешения', width: 22 },
    { header: 'Код ФККО', width: 14 },
    { header: 'Вид отходов', width: 60 },
    { header: 'ИНН объекта приёма', width: 16 },
    { header: 'Объект приёма', width: 40 },
    { header: 'Госномер ТС', width: 14 },
  ];
  ref.getRow(1).font = { bold: true };
  const listLen = Math.max(permitNumbers.length, codes.length, facilities.length, plates.length);
  for (let i = 0; i < listLen; i++) {
    ref.addRow([permitNumbers[i] ?? null, codes[i]?.[0] ?? null, codes[i]?.[1] ?? null, facilities[i]?.[0] ?? null, facilities[i]?.[1] ?? null, plates[i] ?? null]);
  }
  ref.getColumn(2).numFmt = '@';
  ref.getColumn(4).numFmt = '@';
  // What each permit allows.
  const start = listLen + 3;
  ref.getRow(start).values = ['Разрешение', 'Код ФККО', 'Вид отходов', 'ИНН объекта приёма', 'Объект приёма', 'Срок действия'];
  ref.getRow(start).font = { bold: true };
  let r = start + 1;
  for (const p of permits) {
    const n = Math.max(p.waste.length, p.facilities.length, 1);
    for (let i = 0; i < n; i++) {
      ref.getRow(r++).values = [
        p.number,
        p.waste[i]?.code ?? null,
        p.waste[i]?.name ?? null,
        p.facilities[i]?.inn ?? null,
        p.facilities[i]?.name ?? null,
        i === 0 ? `${p.valid_from.split('-').reverse().join('.')} — ${p.valid_to.split('-').reverse().join('.')}; ${p.site_name}` : null,
      ];
    }
  }

  const list = (col: number, n: number) => (n ? [`'Справочники'!$${columnLetter(col)}$2:$${columnLetter(col)}$${n + 1}`] : null);
  const validations: Array<[string, string[] | null, string]> = [
    ['permitNumber', list(0, permitNumbers.length), 'Выберите разрешение, в котором вы указаны перевозчиком'],
    ['plate', list(5, plates.length), 'Выберите ТС вашей организации'],
    ['wasteCode', list(1, codes.length), 'Выберите код ФККО из разрешения'],
    ['facilityInn', list(3, facilities.length), 'Выберите ИНН объекта приёма из разрешения'],
  ];
  for (const [field, formulae, prompt] of validations) {
    if (!formulae) continue;
    const col = columnLetter(TRIP_COLUMNS.findIndex((c) => c.field === field));
    validations_(ws).add(`${col}2:${col}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae,
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Значение не из списка',
      error: prompt,
      showInputMessage: true,
      prompt,
    });
  }
  for (const field of ['volume', 'mass'] as const) {
    const col = columnLetter(TRIP_COLUMNS.findIndex((c) => c.field === field));
    validations_(ws).add(`${col}2:${col}${VALIDATED_ROWS + 1}`, {
      type: 'decimal',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Неверное число',
      error: field === 'volume' ? 'Объём — положительное число, до 0,01 м³' : 'Масса — положительное число, до 0,001 т',
    });
  }

  // --- Инструкция ----------------------------------------------------------
  const help = wb.addWorksheet('Инструкция');
  help.getColumn(1).width = 120;
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
  lines.forEach((l, i) => {
    const row = help.addRow([l]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  if (!permits.length) help.addRow(['Внимание: у вашей организации нет действующих разрешений, где она указана перевозчиком; рейсы будут отклонены.']);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
