/**
 * Files for tests and benchmarks of uploads: workbooks of trips, raw ZIPs
 * (to build a zip bomb or a sheet of a million rows by hand), multipart
 * bodies, and the demo carrier's reference data.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { AppContext } from '../../src/platform/context.js';
import { formatMoscowDateTime } from '../../src/domain/period.js';
import { TRIP_COLUMNS } from '../../src/features/uploads/columns.js';

export const HEADERS = TRIP_COLUMNS.map((c) => c.header);

/**
 * A workbook with a sheet «Рейсы»: the header row and `rows`, written by
 * exceljs as another application would (shared strings, styles, dates);
 * exceljs is a development dependency, loaded only here.
 */
export async function tripsXlsx(rows: unknown[][], opts: { headers?: string[]; mutate?: (ws: ExcelJS.Worksheet) => void } = {}): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('Рейсы');
  ws.addRow(opts.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  opts.mutate?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV text of the header row and `rows` (`;`-separated). */
export function tripsCsv(rows: unknown[][], headers = HEADERS): string {
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows].map((r) => r.map(q).join(';')).join('\r\n') + '\r\n';
}

/** A minimal ZIP writer (deflate), enough for hand-made workbooks. `declaredSize` may lie. */
export function zipFiles(entries: Array<{ name: string; data: Buffer; declaredSize?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const comp = zlib.deflateRawSync(e.data, { level: 1 });
    const crc = zlib.crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, comp);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of a workbook around a given sheet XML. */
export function workbookAround(sheetXml: Buffer): Array<{ name: string; data: Buffer }> {
  const b = (s: string) => Buffer.from(s, 'utf8');
  return [
    {
      name: '[Content_Types].xml',
      data: b(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: b(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: b(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Рейсы" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: b(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ];
}

/** A multipart/form-data body with one file field. */
export function multipart(fileName: string, data: Buffer, field = 'file'): { body: Buffer; contentType: string } {
  const boundary = `----ossig${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replace(/"/g, '%22')}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface DemoCarrier {
  carrierId: string;
  plates: string[];
  facilityInn: string;
  permitNumber: string;
  wasteCode: string;
}

/** The demo carrier ООО «ТрансГрунт», one of its permits, facilities and vehicles. */
export async function demoCarrier(ctx: AppContext): Promise<DemoCarrier> {
  const carrier = await ctx.db.selectFrom('organizations').select('id').where('name', 'like', '%ТрансГрунт%').executeTakeFirstOrThrow();
  const facility = await ctx.db.selectFrom('organizations').select('inn').where('name', 'like', '%ЭкоПереработка%').executeTakeFirstOrThrow();
  const plates = await ctx.db.selectFrom('vehicles').select('plate').where('carrier_id', '=', carrier.id).orderBy('plate').execute();
  return { carrierId: carrier.id, plates: plates.map((p) => p.plate), facilityInn: facility.inn, permitNumber: 'РП-77-2026-000142', wasteCode: '81110001495' };
}

/** Moscow wall-clock 'ДД.ММ.ГГГГ ЧЧ:ММ' of `now - hoursAgo`. */
export function moscowText(now: Date, hoursAgo: number): string {
  return formatMoscowDateTime(new Date(Math.floor((now.getTime() - hoursAgo * 3_600_000) / 60_000) * 60_000));
}

/** `n` valid trip rows for the demo carrier, each on a distinct (vehicle, minute). */
export function validRows(d: DemoCarrier, now: Date, n: number, opts: { startMinutesAgo?: number; idPrefix?: string } = {}): unknown[][] {
  const rows: unknown[][] = [];
  const start = opts.startMinutesAgo ?? 60 * 24 * 100;
  for (let i = 0; i < n; i++) {
    const plate = d.plates[i % d.plates.length];
    const minutesAgo = start - Math.floor(i / d.plates.length) * 3 - 60 * 3;
    const loaded = moscowText(now, minutesAgo / 60 + 2);
    const unloaded = moscowText(now, minutesAgo / 60 + 1);
    rows.push([d.permitNumber, plate, d.wasteCode, d.facilityInn, loaded, unloaded, '12,5', '21,875', opts.idPrefix ? `${opts.idPrefix}${i + 1}` : null]);
  }
  return rows;
}

export async function tripCount(ctx: AppContext, carrierId: string): Promise<number> {
  const r = await ctx.db.selectFrom('trips').select(sql<number>`count(*)::int`.as('n')).where('carrier_id', '=', carrierId).executeTakeFirstOrThrow();
  return r.n;
}
