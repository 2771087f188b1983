import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { createXlsxWriter, excelSerial, xlsxDecimal, xmlEscape } from './writer.js';
import { columnLetter } from './cells.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeFile(name: string, body: (w: ReturnType<typeof createXlsxWriter>) => Promise<void>): Promise<string> {
  const file = path.join(dir, name);
  const w = createXlsxWriter(fs.createWriteStream(file), { creator: 'ОССиГ', created: new Date('2026-03-01T09:00:00Z') });
  await body(w);
  await w.finish();
  return file;
}

/** Every entry of a zip, uncompressed. */
async function entries(file: string): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))));
  const out = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, rs) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        rs!.on('data', (c: Buffer) => chunks.push(c));
        rs!.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
        rs!.on('error', reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

/** A small well-formedness check: balanced tags, known entities only, no raw '<' or '&' in text. */
function wellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let pos = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    expect(m.index, `unexpected markup at ${pos}: ${body.slice(pos, pos + 60)}`).toBe(pos);
    pos = token.lastIndex;
    if (m[5] !== undefined) {
      expect(m[5].replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[&<>]/);
      continue;
    }
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
  }
  expect(pos).toBe(body.length);
  expect(stack).toEqual([]);
}

describe('xlsx writer', () => {
  it('writes two sheets with every cell type, read back by exceljs', async () => {
    const file = await writeFile('types.xlsx', async (w) => {
      const totals = w.addSheet('Итоги', { columns: [{ width: 30 }, { width: 20 }, { width: 20 }] });
      const data = w.addSheet('Данные', {
        columns: [
          { header: '№', type: 'integer', width: 6 },
          { header: 'Текст', type: 'string', width: 30 },
          { header: 'Объём, м³', type: 'number', numFmt: '0.00' },
          { header: 'Масса, т', type: 'number', numFmt: '0.000' },
          { header: 'Выгрузка', type: 'datetime' },
          { header: 'День', type: 'date' },
          { header: 'Доля', type: 'number' },
        ],
        frozenHeader: true,
        autoFilter: true,
      });
      // Rows go to the sheets in order: the first declared sheet first.
      expect(() => data.addRow([1])).toThrow(/cannot start before sheet «Итоги»/);
      totals.addRow(['Сведения', 'СВ-1'], { style: 'bold' });
      totals.addRow(['Рейсов', 2]);
      totals.addRow(['Объём, м³', xlsxDecimal('12345678901234.25')]);
      totals.addRow(['Превышение', 'да', true], { style: 'alert' });
      totals.addRow([]);
      totals.addRow(['Когда', new Date('2026-01-15T21:30:00Z')]);
      await totals.end();
      await data.addRow([1, 'Кирпич <бой> & "щебень" \'мелкий\'', '12.50', '1.125', '2026-01-31 23:59', '2026-01-31', 0.1]);
      await data.addRow([2, ' пробелы ', 3, '0.000', new Date('2026-06-30T21:00:00Z'), new Date('2026-06-30T21:00:00Z'), -1.5e-7]);
      await data.addRow([3, 'a\u0000b\u0007c\uD800d\uFFFEe😀', null, undefined, null, null, '']);
      expect(() => w.addSheet('Поздно', { columns: [] })).toThrow(/declare every sheet/);
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Итоги', 'Данные']);
    expect(wb.creator).toBe('ОССиГ');

    const t = wb.getWorksheet('Итоги')!;
    expect(t.getRow(1).values).toEqual([undefined, 'Сведения', 'СВ-1']);
    expect(t.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(t.getRow(2).getCell(2).value).toBe(2);
    expect(t.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(t.getRow(3).getCell(2).value).toBe(12345678901234.25);
    expect(t.getRow(4).getCell(3).value).toBe(true);
    expect(t.getRow(4).getCell(1).font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(t.getRow(5).cellCount).toBe(0);
    expect((t.getRow(6).getCell(2).value as Date).toISOString()).toBe('2026-01-16T00:30:00.000Z'); // Moscow wall clock
    expect(t.getRow(6).getCell(2).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(t.getColumn(1).width).toBe(30);

    const d = wb.getWorksheet('Данные')!;
    expect(d.getRow(1).values).toEqual([undefined, '№', 'Текст', 'Объём, м³', 'Масса, т', 'Выгрузка', 'День', 'Доля']);
    expect(d.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(d.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(d.autoFilter).toBe('A1:G4');
    expect(d.getColumn(1).width).toBe(6);
    const r2 = d.getRow(2);
    expect(r2.getCell(1).value).toBe(1);
    expect(r2.getCell(2).value).toBe('Кирпич <бой> & "щебень" \'мелкий\'');
    expect(r2.getCell(3).value).toBe(12.5);
    expect(r2.getCell(3).numFmt).toBe('0.00');
    expect(r2.getCell(4).value).toBe(1.125);
    expect(r2.getCell(4).numFmt).toBe('0.000');
    expect((r2.getCell(5).value as Date).toISOString()).toBe('2026-01-31T23:59:00.000Z');
    expect(r2.getCell(5).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect((r2.getCell(6).value as Date).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(r2.getCell(6).numFmt).toBe('dd.mm.yyyy');
    expect(r2.getCell(7).value).toBe(0.1);
    const r3 = d.getRow(3);
    expect(r3.getCell(2).value).toBe(' пробелы ');
    expect((r3.getCell(5).value as Date).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect((r3.getCell(6).value as Date).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(r3.getCell(7).value).toBe(-1.5e-7);
    const r4 = d.getRow(4);
    expect(r4.getCell(2).value).toBe('abcde😀');
    expect(r4.cellCount).toBe(2);

    // Every part is there and well-formed; exact decimals are verbatim.
    const parts = await entries(file);
    expect([...parts.keys()].sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    for (const [name, xml] of parts) {
      try {
        wellFormed(xml);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<v>12345678901234.25</v>');
    expect(parts.get('xl/worksheets/sheet2.xml')).toContain('<v>12.50</v>');
    expect(parts.get('xl/worksheets/sheet2.xml')).toContain('<v>0.000</v>');
    expect(parts.get('xl/worksheets/sheet2.xml')).toContain('Кирпич &lt;бой&gt; &amp; &quot;щебень&quot; \'мелкий\'');
    expect(parts.get('xl/worksheets/sheet2.xml')).toContain('<t xml:space="preserve"> пробелы </t>');
    expect(parts.get('xl/worksheets/sheet2.xml')).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(parts.get('xl/workbook.xml')).toMatch(/<sheet name="Итоги" sheetId="1" r:id="rId1"\/><sheet name="Данные" sheetId="2" r:id="rId2"\/>/);
  });

  it('refuses values that are not what the column says', async () => {
    const w = createXlsxWriter(new Writable({ write: (_c, _e, cb) => cb() }));
    const s = w.addSheet('A', { columns: [{ type: 'number' }, { type: 'integer' }, { type: 'datetime' }] });
    expect(() => s.addRow(['12,5'])).toThrow(/not a number/);
    expect(() => s.addRow([Number.NaN])).toThrow(/not a finite number/);
    expect(() => s.addRow([null, '1.5'])).toThrow(/not an integer/);
    expect(() => s.addRow([null, null, '31.01.2026'])).toThrow(/not a date/);
    expect(() => s.addRow([1, 2, 3, 4])).toThrow(/4 values for 3 columns/);
    expect(() => w.addSheet('a', { columns: [] })).toThrow(/declare every sheet/);
    await w.finish();
    const v = createXlsxWriter(new Writable({ write: (_c, _e, cb) => cb() }));
    v.addSheet('Лист', { columns: [] });
    expect(() => v.addSheet('лист', { columns: [] })).toThrow(/duplicate/);
    expect(() => v.addSheet('a/b', { columns: [] })).toThrow(/cannot hold/);
    expect(() => v.addSheet('x'.repeat(32), { columns: [] })).toThrow(/1\.\.31/);
    await v.finish();
  });

  it('reports a failing output to the writer of rows and to finish()', async () => {
    const sink = new Writable({ write: (_c, _e, cb) => cb(Object.assign(new Error('no space'), { code: 'ENOSPC' })) });
    const w = createXlsxWriter(sink);
    const s = w.addSheet('A', { columns: [{ type: 'string' }] });
    const rows = (async () => {
      for (let i = 0; i < 1_000_000; i++) {
        const wait = s.addRow(['x'.repeat(100) + i]);
        if (wait) await wait;
      }
    })();
    await expect(rows).rejects.toThrow('no space');
    await expect(w.finish()).rejects.toThrow('no space');
  });

  it('helpers: escaping, column letters, Moscow serials', () => {
    expect(xmlEscape('a<b>&"c\'\u0001\u000b\t\n')).toBe('a&lt;b&gt;&amp;&quot;c\'\t\n');
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(excelSerial('1899-12-31')).toBe(1);
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2026-01-01 12:00')).toBe(46023.5);
    // 2026-01-01 09:00 UTC is 12:00 in Moscow (UTC+3).
    expect(excelSerial(new Date('2026-01-01T09:00:00Z'))).toBe(46023.5);
    // Moscow was UTC+4 in 2012.
    expect(excelSerial(new Date('2012-07-01T08:00:00Z'))).toBe(excelSerial('2012-07-01 12:00'));
  });

  it('writes 200 000 rows with flat memory', async () => {
    let bytes = 0;
    const sink = new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _e, cb) {
        bytes += chunk.length;
        setImmediate(cb); // an asynchronous consumer, as a file is
      },
    });
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const w = createXlsxWriter(sink);
    const s = w.addSheet('Рейсы', {
      columns: [
        { header: '№', type: 'integer' },
        { header: 'ID', type: 'integer' },
        { header: 'Разрешение', type: 'string' },
        { header: 'Выгрузка', type: 'datetime' },
        { header: 'Вид отходов', type: 'string' },
        { header: 'Объём, м³', type: 'number', numFmt: '0.00' },
        { header: 'Масса, т', type: 'number', numFmt: '0.000' },
      ],
      frozenHeader: true,
    });
    for (let i = 1; i <= 200_000; i++) {
      const wait = s.addRow([i, 1_000_000 + i, `РП-77-2026-${String(i % 1000).padStart(6, '0')}`, '2026-01-31 23:59', 'Отходы строительного щебня, загрязнённые нефтепродуктами', `${i % 30}.50`, `${i % 7}.125`]);
      if (wait) await wait;
      if (i % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    await w.finish();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    expect(bytes).toBeGreaterThan(100_000);
    expect(s.rowCount).toBe(200_001);
    // Uncompressed, these rows are ~80 MB of XML; the writer holds a few chunks of it at a time.
    expect(peak - before).toBeLessThan(60 * 1024 * 1024);
  });
});
