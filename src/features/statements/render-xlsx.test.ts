/** The statement's XLSX continues on further trip sheets when one sheet is full. */
import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { renderStatementXlsx } from './render-xlsx.js';
import type { StatementDocument } from './render-pdf.js';
import { NO_MOVEMENT } from '../movement.js';
import type { TripTuple } from './queries.js';

function trip(i: number): TripTuple {
  return [i, 'РП-77-2026-000142', '2026-03-01 09:00', '2026-03-01 10:30', 'А123ВС77', 'c1', 'f1', '81110001495', 'Грунт', 5, '12.50', '21.875', 'accepted', '21.900'];
}

it('splits trips over «Рейсы», «Рейсы (2)», … keeping their order and numbering', async () => {
  const trips = Array.from({ length: 7 }, (_, i) => trip(i + 1));
  const input = {
    number: 'СП-2026-000001',
    orderedAt: new Date('2026-03-05T10:00:00Z'),
    periodFrom: '2026-03-01',
    periodTo: '2026-03-01',
    cutoff: new Date('2026-03-04T10:00:00Z'),
    formationHours: 27,
    code: '7KQ2M9XW4THB3RZ',
    verifyUrl: 'https://ossig.example/d/7KQ2M9XW4THB3RZ',
    support: { phone: '+7 (495) 123-45-67', email: 'help@ossig.example' },
    timestamped: false,
    signer: { owner: 'ГКУ', organization: null, innLe: null, ogrn: null, serialNumber: '01', issuer: 'УЦ', notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z', fingerprint: 'ab', algorithm: 'ГОСТ' },
    header: {
      operator: { id: 'op', kind: 'legal', name: 'ГКУ', shortName: null, inn: '7700000000', ogrn: null, kpp: null, address: null, sources: {}, registerCheckedAt: null, changedAt: null },
      producer: { id: 'pr', kind: 'legal', name: 'ООО «СтройМонолит»', shortName: null, inn: '7728342059', ogrn: '1027728342058', kpp: null, address: null, sources: {}, registerCheckedAt: null, changedAt: null },
      site: { name: 'ЖК', address: 'Москва', cadastralNumbers: [] },
      permits: [],
      carriers: [],
      facilities: [],
    },
    totals: { trips: trips.length, movement: NO_MOVEMENT, notFormed: { trips: 0, formedBy: null }, byPermit: [], byWaste: [], byFacility: [], byCarrier: [], utilization: [], rejected: [] },
  } as unknown as StatementDocument;
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
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Сведения', 'Разрешения', 'Участники', 'Рейсы', 'Рейсы (2)', 'Рейсы (3)', 'Итоги', 'Использование', 'Отклонённые']);
  const numbers = wb.worksheets.slice(3, 6).map((w) => {
    const out: unknown[] = [];
    w.eachRow((r, i) => i > 1 && out.push(r.getCell(1).value));
    return out;
  });
  expect(numbers).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  expect(wb.getWorksheet('Рейсы (2)')!.getRow(1).getCell(1).value).toBe(wb.getWorksheet('Рейсы')!.getRow(1).getCell(1).value);
});
