/**
 * The spreadsheet kit's readers: what another writer (exceljs, as Excel
 * would) writes is read cell for cell; dates by the workbook's date system
 * and the cells' number formats; rich text; a Cyrillic letter split between
 * chunks; CSV encodings, separators and strict quoting; the spool; the zip
 * guard's counting. The hostile corpus (test/hostile) covers the attacks end
 * to end; here are the rules one by one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { SHEET_HEAD, SHEET_TAIL, inlineCell, workbookParts, writeZip, type ZipEntrySpec } from '../../../test/helpers/hostile-files.js';
import type { TableRow } from './cells.js';
import { readCsv } from './csv.js';
import { FileRefusal } from './refusal.js';
import { readSpool, spoolTable } from './spool.js';
import { readTable, sheetNamed } from './table.js';
import { isDateFormat, readXlsx, serialToWallClock } from './xlsx-reader.js';
import { GuardedZip } from './zip.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
const file = (ext: string) => path.join(dir, `f${++n}.${ext}`);

async function rowsOf(f: string, kind: 'xlsx' | 'csv', opts: Parameters<typeof readTable>[2] = {}): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const r of readTable(f, kind, opts).rows()) out.push(r);
  return out;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FileRefusal);
    return (e as FileRefusal).message;
  }
  throw new Error('expected a refusal');
}

async function zipOf(parts: ZipEntrySpec[]): Promise<string> {
  const f = file('xlsx');
  await writeZip(f, parts);
  return f;
}

const wall = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s));

describe('the XLSX reader', () => {
  it('reads what another writer writes: strings, numbers, dates, booleans, errors, formulas, rich text, merged ranges', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Другой');
    const ws = wb.addWorksheet('Рейсы');
    ws.addRow(['Текст', 'Число', 'Дата', 'Булево', 'Формула', 'Ошибка', 'Строка-формула']);
    ws.addRow([
      'Кирпич «бой» & <щебень>',
      12.5,
      wall(2026, 3, 13, 9, 30),
      true,
      { formula: 'B2*2', result: 25 },
      { error: '#DIV/0!' },
      { formula: 'A2&"!"', result: 'Кирпич!' },
    ]);
    ws.addRow([{ richText: [{ text: 'жир', font: { bold: true } }, { text: 'ный' }] }, -0.001, null, false]);
    ws.getCell('D3').value = false;
    ws.mergeCells('A5:C6');
    ws.getCell('A5').value = 'объединено';
    ws.getColumn(8).numFmt = 'dd.mm.yyyy hh:mm';
    ws.getCell('H2').value = wall(2026, 1, 31, 23, 59);
    const f = file('xlsx');
    await wb.xlsx.writeFile(f);

    const table = readTable(f, 'xlsx', { pickSheet: sheetNamed('рейсы') });
    const rows: TableRow[] = [];
    for await (const r of table.rows()) rows.push(r);
    expect(table.sheetName).toBe('Рейсы');
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 5]);
    expect(rows[1].cells).toEqual([
      'Кирпич «бой» & <щебень>',
      12.5,
      wall(2026, 3, 13, 9, 30),
      true,
      { formula: 'B2*2', result: 25 },
      { error: '#DIV/0!' },
      { formula: 'A2&"!"', result: 'Кирпич!' },
      wall(2026, 1, 31, 23, 59),
    ]);
    expect(rows[2].cells).toEqual(['жирный', -0.001, null, false]);
    expect(rows[3].cells).toEqual(['объединено']);
    expect(table.merges).toEqual([{ ref: 'A5:C6', top: 5, bottom: 6, left: 0, right: 2 }]);
  });

  it('reads dates by the 1900 or 1904 date system and the cells’ number formats', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="0.00&quot; м³&quot;"/><numFmt numFmtId="166" formatCode="[$-419]d\\ mmmm\\ yyyy"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const sheet =
      SHEET_HEAD +
      '<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>12.25</v></c><c r="C1" s="3"><v>1</v></c><c r="D1" s="4"><v>46023</v></c>' +
      '<c r="E1"><v>46023</v></c><c r="F1" t="d"><v>2026-03-13T09:30:00</v></c><c r="G1" s="1"><v>46023.395833333336</v></c></row>' +
      SHEET_TAIL;
    const book = (date1904: boolean) =>
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Рейсы" sheetId="1" r:id="rId1"/></sheets></workbook>`;

    const [r1904] = await rowsOf(await zipOf(workbookParts({ sheet, styles, workbook: book(true) })), 'xlsx');
    expect(r1904.cells.slice(0, 5)).toEqual([wall(1904, 1, 1, 12), 12.25, wall(1904, 1, 2), wall(2030, 1, 2), 46023]);
    const [r1900] = await rowsOf(await zipOf(workbookParts({ sheet, styles, workbook: book(false) })), 'xlsx');
    expect(r1900.cells).toEqual([wall(1899, 12, 31, 12), 12.25, wall(1900, 1, 1), wall(2026, 1, 1), 46023, wall(2026, 3, 13, 9, 30), wall(2026, 1, 1, 9, 30)]);
  });

  it('joins rich-text runs and leaves phonetic runs out, in shared and inline strings', async () => {
    const sst =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">' +
      '<si><t xml:space="preserve"> пробел </t></si>' +
      '<si><r><rPr><b/></rPr><t>Ж</t></r><r><t>ёлтый</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>' +
      '<si><t><![CDATA[a < b]]></t></si></sst>';
    const sheet =
      SHEET_HEAD +
      '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c>' +
      '<x:c t="inlineStr"><x:is><x:r><x:t>при</x:t></x:r><x:r><x:t>вет</x:t></x:r><x:rPh><x:t>нет</x:t></x:rPh></x:is></x:c></x:row>' +
      SHEET_TAIL;
    const [row] = await rowsOf(await zipOf(workbookParts({ sheet, sharedStrings: sst })), 'xlsx');
    expect(row).toEqual({ rowNumber: 1, cells: [' пробел ', 'Жёлтый', 'a < b', 'привет'] });
  });

  it('does not garble a Cyrillic letter split between the chunks of the inflated sheet', async () => {
    const texts: string[] = [];
    let xml = SHEET_HEAD;
    for (let r = 1; r <= 20_000; r++) {
      const t = `${'ж'.repeat(r % 7)}Ёлка-${r}${'щ'.repeat(r % 5)}`;
      texts.push(t);
      xml += `<row r="${r}">${inlineCell(`A${r}`, t)}<c r="B${r}"><v>${r}</v></c></row>`;
    }
    const f = await zipOf(workbookParts({ sheet: xml + SHEET_TAIL }));
    const rows = await rowsOf(f, 'xlsx');
    expect(rows).toHaveLength(20_000);
    expect(rows.map((r) => r.cells[0])).toEqual(texts);
  });

  it('counts only non-empty rows against the cap, and refuses past it with the caller’s message', async () => {
    let xml = SHEET_HEAD;
    for (let r = 1; r <= 1000; r++) xml += r % 100 === 0 ? `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>` : `<row r="${r}" s="1" customFormat="1"/>`;
    const f = await zipOf(workbookParts({ sheet: xml + SHEET_TAIL }));
    expect(await rowsOf(f, 'xlsx', { maxRows: 10 })).toHaveLength(10);
    expect(await refusal(rowsOf(f, 'xlsx', { maxRows: 9, rowCapMessage: (m) => `Файл: больше ${m} строк` }))).toBe('Файл: больше 9 строк');
  });

  it('refuses what would need reordering or guessing: cells out of order, a missing shared string, a foreign encoding', async () => {
    const cells = await zipOf(workbookParts({ sheet: SHEET_HEAD + '<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>2</v></c></row>' + SHEET_TAIL }));
    expect(await refusal(rowsOf(cells, 'xlsx'))).toMatch(/ячейки строки 1 листа «Рейсы» идут не по порядку \(B после C\)/);
    const missing = await zipOf(workbookParts({ sheet: SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' + SHEET_TAIL }));
    expect(await refusal(rowsOf(missing, 'xlsx'))).toMatch(/ячейка A1 .* несуществующую общую строку № 7/);
    const cp1251 = await zipOf(workbookParts({ sheet: '<?xml version="1.0" encoding="windows-1251"?><worksheet><sheetData/></worksheet>' }));
    expect(await refusal(rowsOf(cp1251, 'xlsx'))).toMatch(/в кодировке «windows-1251»/);
    const noSheets = await zipOf(workbookParts({ sheet: SHEET_HEAD + SHEET_TAIL, workbook: '<?xml version="1.0"?><workbook><sheets/></workbook>' }));
    expect(await refusal(rowsOf(noSheets, 'xlsx'))).toBe('Файл: в книге нет листов с данными');
  });

  it('is read once', async () => {
    const f = await zipOf(workbookParts({ sheet: SHEET_HEAD + SHEET_TAIL }));
    const x = readXlsx(f);
    for await (const _ of x.rows()) void _;
    await expect(x.rows().next()).rejects.toThrow(/read once/);
  });
});

describe('the CSV reader', () => {
  it('reads Windows-1251 with semicolons and UTF-8 with tabs or commas; empty records are skipped, row numbers kept', async () => {
    const w = file('csv');
    fs.writeFileSync(w, iconv.encode('Госномер ТС;Объём, м3\r\nА123ВС77;12,5\r\n;\r\n\r\nЖ001ЖЖ77;1\r\n', 'win1251'));
    expect(await rowsOf(w, 'csv')).toEqual([
      { rowNumber: 1, cells: ['Госномер ТС', 'Объём, м3'] },
      { rowNumber: 2, cells: ['А123ВС77', '12,5'] },
      { rowNumber: 5, cells: ['Ж001ЖЖ77', '1'] },
    ]);
    const t = file('csv');
    fs.writeFileSync(t, '\uFEFFа\tб\n"в\tс ""кавычками""\nи строкой"\tг\n');
    expect(await rowsOf(t, 'csv')).toEqual([
      { rowNumber: 1, cells: ['а', 'б'] },
      { rowNumber: 2, cells: ['в\tс "кавычками"\nи строкой', 'г'] },
    ]);
    const c = file('csv');
    fs.writeFileSync(c, 'a,b\n1,2\n');
    expect((await rowsOf(c, 'csv'))[1].cells).toEqual(['1', '2']);
  });

  it('refuses a quote in the middle of an unquoted value and a value over 32 767 characters, naming the line', async () => {
    const q = file('csv');
    fs.writeFileSync(q, 'Организация;ИНН\nООО "Ромашка";7701234567\n');
    expect(await refusal(rowsOf(q, 'csv'))).toBe('Файл: в строке 2 кавычка «"» стоит посреди значения; заключите значение в кавычки целиком');
    const long = file('csv');
    fs.writeFileSync(long, `a;b\n1;${'я'.repeat(40_000)}\n`);
    expect(await refusal(rowsOf(long, 'csv'))).toBe('Файл: значение в строке 2, столбце 2 длиннее 32 767 символов — больше, чем допускает Excel');
    const many = file('csv');
    fs.writeFileSync(many, 'a\n1\n2\n3\n');
    expect(await refusal(readCsvAll(many, 3))).toBe('Файл: в файле больше 3 строк');
  });
});

async function readCsvAll(f: string, maxRows: number) {
  for await (const _ of readCsv(f, { maxRows })) void _;
}

describe('the spool', () => {
  it('replays rows as read (dates, formulas, errors, gaps) and keeps the merged ranges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Рейсы');
    ws.addRow(['а', wall(2026, 3, 13, 9, 30), { formula: '1+1', result: 2 }, null, { error: '#N/A' }]);
    ws.mergeCells('A3:B3');
    ws.getCell('A3').value = 'м';
    const f = file('xlsx');
    await wb.xlsx.writeFile(f);
    const spool = await spoolTable(readTable(f, 'xlsx'), file('rows'));
    expect(spool).toMatchObject({ rows: 2, sheetName: 'Рейсы', merges: [{ ref: 'A3:B3' }] });
    const back: TableRow[] = [];
    for await (const r of readSpool(spool.path)) back.push(r);
    expect(back).toEqual([
      { rowNumber: 1, cells: ['а', wall(2026, 3, 13, 9, 30), { formula: '1+1', result: 2 }, null, { error: '#N/A' }] },
      { rowNumber: 3, cells: ['м'] },
    ]);
  });

  it('leaves no file behind when the table is refused', async () => {
    const bad = await zipOf(workbookParts({ sheet: SHEET_HEAD + '<row r="2"/><row r="1"/>' + SHEET_TAIL }));
    const where = file('rows');
    await refusal(spoolTable(readTable(bad, 'xlsx'), where));
    expect(fs.existsSync(where)).toBe(false);
  });
});

describe('the zip guard', () => {
  it('counts the bytes it inflates per part and in total, whatever the directory says', async () => {
    const f = await zipOf([
      { name: 'a.xml', data: 'a'.repeat(100_000) },
      { name: 'b.xml', data: 'b'.repeat(100_000) },
    ]);
    const zip = await GuardedZip.open(f, { maxEntries: 10, maxTotalUncompressed: 150_000, maxRatio: 200, ratioFloor: 1 });
    try {
      const drain = async (name: string, limit: number) => {
        for await (const _ of zip.read(name, limit)) void _;
      };
      expect(await refusal(drain('a.xml', 50_000))).toMatch(/часть книги «a\.xml» после распаковки больше/);
      zip.inflated = 0;
      await drain('a.xml', 200_000);
      expect(zip.inflated).toBe(100_000);
      expect(await refusal(drain('b.xml', 200_000))).toMatch(/после распаковки книга занимает больше/);
    } finally {
      zip.close();
    }
  });

  it('refuses two parts of one name and more entries than allowed', async () => {
    const dup = await zipOf([
      { name: 'xl/workbook.xml', data: '<a/>' },
      { name: 'xl/workbook.xml', data: '<b/>' },
    ]);
    expect(await refusal(GuardedZip.open(dup))).toMatch(/две части с одним именем «xl\/workbook\.xml»/);
    const many = await zipOf(Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, data: 'x', method: 0 })));
    expect(await refusal(GuardedZip.open(many, { maxEntries: 10, maxTotalUncompressed: 1e9, maxRatio: 200, ratioFloor: 1 }))).toMatch(/в архиве 11 частей, допускается не более 10/);
  });
});

describe('date helpers', () => {
  it('tells date formats from number formats', () => {
    for (const f of ['dd.mm.yyyy', 'd/m/yy h:mm', '[$-419]d mmmm yyyy', 'hh:mm:ss', '[h]:mm', 'mm:ss.0', 'yyyy-mm-dd"T"hh:mm']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0.00', '#,##0.00 "руб."', '0.00" м³"', '[Red]0.00', '@', '0%', '0.00E+00', '_-* #,##0_-']) expect(isDateFormat(f), f).toBe(false);
  });

  it('converts serials of both date systems, with Excel’s 29.02.1900', () => {
    expect(serialToWallClock(1)).toEqual(wall(1900, 1, 1));
    expect(serialToWallClock(59)).toEqual(wall(1900, 2, 28));
    expect(serialToWallClock(61)).toEqual(wall(1900, 3, 1));
    expect(serialToWallClock(46023.395833333336)).toEqual(wall(2026, 1, 1, 9, 30));
    expect(serialToWallClock(0, true)).toEqual(wall(1904, 1, 1));
    expect(serialToWallClock(-1)).toBeNull();
    expect(serialToWallClock(3e6)).toBeNull();
  });
});
