/** The statement's XLSX continues on further trip sheets when one sheet is full. */
import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { renderStatementXlsx } from './render-xlsx.js';
import type { PdfInput } from './render-pdf.js';
import type { TripTuple } from './queries.js';

function trip(i: number): TripTuple {
  return [i, 'РП-77-2026-000142', '2026-03-01 09:00', '2026-03-01 10:30', 'А123ВС77', 'ООО «ТрансГрунт»', 'ООО «ЭкоПереработка»', '81110001495', 'Грунт', 5, '12.50', '21.875', 'confirmed', '21.900'];
}

it('splits trips over «Рейсы», «Рейсы (2)», … keeping their order and numbering', async () => {
  const trips = Array.from({ length: 7 }, (_, i) => trip(i + 1));
  const input = {
    number: 'СП-2026-000001',
    orderedAt: new Date('2026-03-05T10:00:00Z'),
    periodFrom: '2026-03-01',
    periodTo: '2026-03-01',
    header: {
      operator: { name: 'ГКУ', inn: '7700000000', ogrn: null },
      producer: { name: 'ООО «СтройМонолит»', shortName: null, inn: '7728342059', ogrn: '1027728342058', kpp: null, address: null },
      site: { name: 'ЖК', address: 'Москва', cadastralNumbers: [] },
      permits: [],
    },
    totals: { trips: trips.length, volume: '87.50', mass: '153.125', byPermit: [], byWaste: [], byFacility: [], utilization: [] },
  } as unknown as PdfInput;
  const chunks: Buffer[] = [];
  await renderStatementXlsx({
    input,
    trips: (async function* () {
      yield trips.slice(0, 4);
      yield trips.slice(4);
    })(),
    write: (c) => chunks.push(Buffer.from(c)),
    rowsPerSheet: 3,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Рейсы', 'Рейсы (2)', 'Рейсы (3)', 'Итоги']);
  const numbers = wb.worksheets.slice(0, 3).map((w) => {
    const out: unknown[] = [];
    w.eachRow((r, i) => i > 1 && out.push(r.getCell(1).value));
    return out;
  });
  expect(numbers).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  expect(wb.getWorksheet('Рейсы (2)')!.getRow(1).getCell(1).value).toBe(wb.getWorksheet('Рейсы')!.getRow(1).getCell(1).value);
});
