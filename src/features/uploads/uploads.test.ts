import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { JOBS } from '../index.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { processUpload } from './process-upload.js';
import { uploadGate } from './gate.js';
import { formatMoscowDateTime } from '../../domain/period.js';
import { GuardedZip } from '../../platform/spreadsheet/zip.js';
import { readTable, sheetNamed } from '../../platform/spreadsheet/table.js';
import type { Cell } from '../../platform/spreadsheet/cells.js';
import { HEADERS, demoCarrier, moscowText, multipart, tripCount, tripsCsv, tripsXlsx, validRows, workbookAround, zipFiles, type DemoCarrier } from '../../../test/helpers/upload-files.js';

let ctx: TestContext;
let app: App;
let carrier: Client;
let d: DemoCarrier;
const now = new Date();

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-uploads-'));
  ctx = await createTestContext({ dataDir });
  await seedDemo(ctx, { trips: 30 });
  app = await buildTestApp(ctx);
  carrier = await signedIn(app, 'carrier@ossig.test');
  d = await demoCarrier(ctx);
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(ctx.config.dataDir, { recursive: true, force: true });
  await ctx?.close();
});

async function upload(client: Client, name: string, data: Buffer, headers: Record<string, string> = {}) {
  const m = multipart(name, data);
  return client.request('POST', '/api/uploads', m.body, { 'content-type': m.contentType, ...headers });
}

async function runJobs() {
  await runJobsOnce(ctx, JOBS);
}

async function raw(client: Client, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: (client as unknown as { cookie: string }).cookie } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

async function resultRows(client: Client, id: string): Promise<{ rows: unknown[][]; summary: unknown[][] }> {
  const res = await raw(client, `/api/uploads/${id}/result`);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as unknown as ArrayBuffer);
  const sheetValues = (name: string) => {
    const ws = wb.getWorksheet(name);
    const out: unknown[][] = [];
    ws?.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    return out;
  };
  return { rows: sheetValues('Результат'), summary: sheetValues('Итоги') };
}

/** The rows of a sheet as our reader gives them (gaps as null). */
async function rowsOfSheet(file: string, sheet: string): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for await (const r of readTable(file, 'xlsx', { pickSheet: sheetNamed(sheet) }).rows()) {
    while (rows.length < r.rowNumber - 1) rows.push([]);
    rows.push(r.cells);
  }
  return rows;
}

async function uploadAndProcess(name: string, data: Buffer) {
  const res = await upload(carrier, name, data);
  expect(res.status, res.text).toBe(202);
  await runJobs();
  const u = await carrier.get(`/api/uploads/${res.body.id}`);
  return u.body;
}

describe('upload of trips', () => {
  it('accepts a workbook, processes it in the background and gives a result file with reasons naming the column', async () => {
    const before = await tripCount(ctx, d.carrierId);
    const [r1, r2, r3] = validRows(d, now, 3, { startMinutesAgo: 60 * 24 * 10, idPrefix: 'A-' });
    // Three date formats, a decimal comma, Latin look-alike letters in the plate.
    const iso = (s: string) => s.replace(/^(\d\d)\.(\d\d)\.(\d{4})/, '$3-$2-$1');
    const slash = (s: string) => s.replace(/\./g, '/');
    r2[4] = iso(String(r2[4]));
    r2[5] = iso(String(r2[5]));
    r3[4] = slash(String(r3[4]));
    r3[5] = slash(String(r3[5]));
    r3[1] = String(r3[1]).replace('А', 'A').replace('В', 'B');
    r3[6] = '10,25';
    const bad = [d.permitNumber, 'Х999ХХ', '12345', '7700000000', '31.02.2026 10:00', 'вчера', '-3', 'много', 'A-bad'];
    const res = await upload(carrier, 'рейсы март.xlsx', await tripsXlsx([r1, r2, r3, bad]));
    expect(res.status, res.text).toBe(202);
    expect(res.body.status).toBe('queued');
    expect(res.body.repeated).toBe(false);

    await runJobs();
    const u = (await carrier.get(`/api/uploads/${res.body.id}`)).body;
    expect(u).toMatchObject({ status: 'done', totalRows: 4, processedRows: 4, accepted: 3, rejected: 1, progress: 1 });
    expect(u.resultUrl).toBe(`/api/uploads/${u.id}/result`);
    expect(await tripCount(ctx, d.carrierId)).toBe(before + 3);

    const { rows, summary } = await resultRows(carrier, u.id);
    expect(rows[0]).toEqual([...HEADERS, 'Статус', 'Причины', 'Строка файла']);
    expect(rows.slice(1).map((r) => r[9])).toEqual(['Принято', 'Принято', 'Принято', 'Отклонено']);
    const reasons = String(rows[4][10]);
    for (const label of ['Госномер ТС:', 'Код ФККО:', 'ИНН объекта приёма:', 'Время погрузки:', 'Время выгрузки:', 'Объём, м³:', 'Масса, т:']) {
      expect(reasons).toContain(label);
    }
    expect(reasons).toContain('31.02.2026');
    expect(rows[4][11]).toBe(5);
    expect(summary.find((r) => r[0] === 'Принято')?.[1]).toBe(3);
    expect(summary.find((r) => r[0] === 'Отклонено')?.[1]).toBe(1);

    // The journal lists it; the original downloads again, byte for byte.
    const journal = await carrier.get('/api/uploads');
    expect(journal.body.items[0]).toMatchObject({ id: u.id, fileName: 'рейсы март.xlsx', totalRows: 4, accepted: 3, rejected: 1, status: 'done' });
    const orig = await raw(carrier, `/api/uploads/${u.id}/original`);
    expect(orig.status).toBe(200);
    expect(String(orig.headers['content-disposition'])).toContain(encodeURIComponent('рейсы март.xlsx'));

    // A notification tells the carrier.
    const n = await ctx.db.selectFrom('notifications').select('title').where('link', '=', `/uploads?id=${u.id}`).execute();
    expect(n).toHaveLength(1);
  });

  it('reads real Excel date cells as Moscow time and writes them back unchanged in the result file', async () => {
    const [r] = validRows(d, now, 1, { startMinutesAgo: 60 * 24 * 12, idPrefix: 'DATE-' });
    // An Excel date has no zone: exceljs gives its wall-clock time in the Date's UTC fields.
    const wall = (text: string) => {
      const m = /^(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d)$/.exec(text)!;
      return new Date(Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5]));
    };
    const loadedText = String(r[4]);
    r[4] = wall(loadedText);
    r[5] = wall(String(r[5]));
    const u = await uploadAndProcess('даты.xlsx', await tripsXlsx([r], { mutate: (ws) => { ws.getColumn(5).numFmt = 'dd.mm.yyyy hh:mm'; ws.getColumn(6).numFmt = 'dd.mm.yyyy hh:mm'; } }));
    expect(u).toMatchObject({ status: 'done', accepted: 1 });
    const trip = await ctx.db.selectFrom('trips').select('loaded_at').where('external_id', '=', 'DATE-1').executeTakeFirstOrThrow();
    expect(formatMoscowDateTime(new Date(trip.loaded_at))).toBe(loadedText);
    const { rows } = await resultRows(carrier, u.id);
    expect(rows[1][4]).toEqual(r[4]);
    expect(rows[1][5]).toEqual(r[5]);
    expect(rows[1][9]).toBe('Принято');
  });

  it('records nothing twice when the same file is uploaded again, and says so', async () => {
    const data = await tripsXlsx(validRows(d, now, 5, { startMinutesAgo: 60 * 24 * 20 }));
    const first = await uploadAndProcess('twice.xlsx', data);
    expect(first.accepted).toBe(5);
    const before = await tripCount(ctx, d.carrierId);
    const again = await upload(carrier, 'twice (копия).xlsx', data);
    expect(again.status).toBe(200);
    expect(again.body.repeated).toBe(true);
    expect(again.body.id).toBe(first.id);
    expect(again.body.message).toMatch(/^Этот файл уже загружался \d\d\.\d\d\.\d{4} \d\d:\d\d; повторно ничего не записано$/);
    await runJobs();
    expect(await tripCount(ctx, d.carrierId)).toBe(before);
  });

  it('reports duplicates within the file and against trips already recorded', async () => {
    const rows = validRows(d, now, 4, { startMinutesAgo: 60 * 24 * 30 });
    const recorded = await uploadAndProcess('first.xlsx', await tripsXlsx([rows[0]]));
    expect(recorded.accepted).toBe(1);
    const u = await uploadAndProcess('second.xlsx', await tripsXlsx([rows[0], rows[1], rows[2], rows[1], rows[3]]));
    expect(u).toMatchObject({ accepted: 3, rejected: 2, duplicates: 2 });
    const { rows: out } = await resultRows(carrier, u.id);
    expect(out[1][9]).toBe('Отклонено');
    expect(String(out[1][10])).toMatch(/^Время погрузки: рейс уже записан ранее/);
    expect(out[4][9]).toBe('Отклонено');
    expect(String(out[4][10])).toBe('Время погрузки: рейс повторяет строку 3 этого файла');
  });

  it('flags duplicates across chunks of one file with the row they repeat', async () => {
    const rows = validRows(d, now, 6, { startMinutesAgo: 60 * 24 * 35 });
    const res = await upload(carrier, 'chunks.xlsx', await tripsXlsx([...rows, rows[1]]));
    await processUpload(ctx, res.body.id, { chunkRows: 3 });
    const u = (await carrier.get(`/api/uploads/${res.body.id}`)).body;
    expect(u).toMatchObject({ status: 'done', accepted: 6, duplicates: 1 });
    const { rows: out } = await resultRows(carrier, u.id);
    expect(String(out[7][10])).toContain('повторяет строку 3 этого файла');
  });

  it('continues after the last committed chunk when the job is retried, never doubling', async () => {
    const rows = validRows(d, now, 12, { startMinutesAgo: 60 * 24 * 40 });
    rows[7][6] = 'ноль';
    const res = await upload(carrier, 'crash.xlsx', await tripsXlsx(rows));
    const before = await tripCount(ctx, d.carrierId);
    await expect(
      processUpload(ctx, res.body.id, {
        chunkRows: 5,
        afterChunk: (k) => {
          if (k === 1) throw new Error('crash after chunk 1');
        },
      }),
    ).rejects.toThrow('crash after chunk 1');
    let u = (await carrier.get(`/api/uploads/${res.body.id}`)).body;
    expect(u).toMatchObject({ status: 'processing', processedRows: 10, accepted: 9, rejected: 1, resultUrl: null });
    expect(await tripCount(ctx, d.carrierId)).toBe(before + 9);

    await processUpload(ctx, res.body.id, { chunkRows: 5 });
    await processUpload(ctx, res.body.id, { chunkRows: 5 }); // and once more: nothing changes
    u = (await carrier.get(`/api/uploads/${res.body.id}`)).body;
    expect(u).toMatchObject({ status: 'done', processedRows: 12, accepted: 11, rejected: 1, duplicates: 0 });
    expect(await tripCount(ctx, d.carrierId)).toBe(before + 11);
    const { rows: out } = await resultRows(carrier, u.id);
    expect(out.slice(1).filter((r) => r[9] === 'Принято')).toHaveLength(11);
    expect(String(out[8][10])).toContain('Объём, м³:');
  });

  it('reads a Windows-1251 CSV with semicolons and decimal commas', async () => {
    const rows = validRows(d, now, 3, { startMinutesAgo: 60 * 24 * 45 });
    rows[2][1] = 'Ж123ЖЖ77';
    const data = iconv.encode(tripsCsv(rows), 'win1251');
    const u = await uploadAndProcess('рейсы.csv', data);
    expect(u).toMatchObject({ status: 'done', fileType: 'csv', accepted: 2, rejected: 1 });
    const { rows: out } = await resultRows(carrier, u.id);
    expect(out[0].slice(0, 3)).toEqual(HEADERS.slice(0, 3));
    expect(String(out[3][10])).toContain('Госномер ТС: буква «Ж» недопустима в госномере');
  });

  it('reads a UTF-8 CSV with a BOM', async () => {
    const rows = validRows(d, now, 2, { startMinutesAgo: 60 * 24 * 46 });
    const u = await uploadAndProcess('utf8.csv', Buffer.from('\uFEFF' + tripsCsv(rows), 'utf8'));
    expect(u).toMatchObject({ status: 'done', accepted: 2, rejected: 0 });
  });

  it('rejects rows with formulas or merged cells, naming the column', async () => {
    const rows = validRows(d, now, 4, { startMinutesAgo: 60 * 24 * 50 });
    const data = await tripsXlsx(rows, {
      mutate: (ws) => {
        ws.getCell('G2').value = { formula: '10+2.5', result: 12.5 } as ExcelJS.CellFormulaValue;
        ws.mergeCells('C4:C5');
      },
    });
    const u = await uploadAndProcess('formulas.xlsx', data);
    expect(u).toMatchObject({ status: 'done', accepted: 1, rejected: 3 });
    const { rows: out } = await resultRows(carrier, u.id);
    expect(String(out[1][10])).toMatch(/^Объём, м³: в ячейке G2 формула; формулы не допускаются/);
    expect(String(out[1][6])).toBe('=10+2.5');
    expect(String(out[3][10])).toContain('Код ФККО: ячейки объединены (C4:C5)');
    expect(String(out[4][10])).toContain('Код ФККО: ячейки объединены (C4:C5)');
  });

  it('refuses a file with missing columns, notes extra ones', async () => {
    const rows = validRows(d, now, 2, { startMinutesAgo: 60 * 24 * 55 });
    const missing = await uploadAndProcess(
      'missing.xlsx',
      await tripsXlsx(rows.map((r) => r.slice(0, 7)), { headers: HEADERS.slice(0, 7) }),
    );
    expect(missing.status).toBe('refused');
    expect(missing.problems.map((p: { message: string }) => p.message)).toEqual([expect.stringContaining('Нет столбца «Масса, т»')]);
    const { summary } = await resultRows(carrier, missing.id);
    expect(summary.flat().join(' ')).toContain('Нет столбца «Масса, т»');

    const extra = await uploadAndProcess('extra.xlsx', await tripsXlsx(rows.map((r) => [...r, 'прим.']), { headers: [...HEADERS, 'Примечание'] }));
    expect(extra).toMatchObject({ status: 'done', accepted: 2 });
    expect(extra.notes[0].message).toContain('Столбец «Примечание» (J) не относится к шаблону');
  });

  it('refuses a PDF renamed .xlsx with a problem naming the field file', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const res = await upload(carrier, 'рейсы.xlsx', pdf);
    expect(res.status).toBe(422);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.body.errors[0]).toMatchObject({ field: 'file', message: expect.stringContaining('PDF') });
  });

  it('refuses a zip bomb disguised as XLSX without inflating it', async () => {
    const zeros = Buffer.alloc(400 * 1024 * 1024);
    const bomb = zipFiles(workbookAround(zeros));
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const res = await upload(carrier, 'bomb.xlsx', bomb);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('file');
    expect(res.body.errors[0].message).toMatch(/zip-бомб|после распаковки/);
  });

  it('refuses a zip bomb whose directory lies about its size, while scanning', async () => {
    const zeros = Buffer.alloc(320 * 1024 * 1024);
    const liar = zipFiles(workbookAround(zeros).map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, declaredSize: 1000 } : e)));
    const res = await upload(carrier, 'liar.xlsx', liar);
    expect(res.status).toBe(202);
    await runJobs();
    const u = (await carrier.get(`/api/uploads/${res.body.id}`)).body;
    expect(u.status).toBe('refused');
    expect(u.accepted).toBe(0);
  });

  it('refuses a sheet of 1,048,576 rows before recording anything', async () => {
    const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
    parts.push(`<row r="1">${HEADERS.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`);
    for (let r = 2; r <= 1_048_576; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
    parts.push('</sheetData></worksheet>');
    const sheet = Buffer.from(parts.join(''), 'utf8');
    const before = await tripCount(ctx, d.carrierId);
    const u = await uploadAndProcess('million.xlsx', zipFiles(workbookAround(sheet)));
    expect(u.status).toBe('refused');
    expect(u.problems[0].message).toContain('не более 200 000 строк');
    expect(await tripCount(ctx, d.carrierId)).toBe(before);
  });

  it('refuses a file over 50 MB naming the field file', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x41);
    const res = await upload(carrier, 'big.csv', big);
    expect(res.status).toBe(413);
    expect(res.body.errors[0]).toMatchObject({ field: 'file' });
    const left = fs.readdirSync(path.join(ctx.config.dataDir, 'uploads')).filter((f) => f.startsWith('.tmp'));
    expect(left).toEqual([]);
  });

  it('answers 503 with Retry-After under overload', async () => {
    const saved = uploadGate.maxInFlight;
    uploadGate.maxInFlight = 0;
    try {
      const res = await upload(carrier, 'x.csv', Buffer.from(tripsCsv([])));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe(String(uploadGate.retryAfterSeconds));
      expect(res.body.code).toBe('overloaded');
    } finally {
      uploadGate.maxInFlight = saved;
    }
  });

  it('replays by Idempotency-Key and refuses the key with another file', async () => {
    const a = await tripsXlsx(validRows(d, now, 1, { startMinutesAgo: 60 * 24 * 60 }));
    const b = await tripsXlsx(validRows(d, now, 1, { startMinutesAgo: 60 * 24 * 61 }));
    const first = await upload(carrier, 'a.xlsx', a, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(202);
    const again = await upload(carrier, 'a.xlsx', a, { 'idempotency-key': 'k-1' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await upload(carrier, 'b.xlsx', b, { 'idempotency-key': 'k-1' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_mismatch');
    await runJobs();
  });

  it('keeps uploads to their organization', async () => {
    const mine = await upload(carrier, 'mine.xlsx', await tripsXlsx(validRows(d, now, 1, { startMinutesAgo: 60 * 24 * 62 })));
    await runJobs();
    const other = await signedIn(app, 'carrier2@ossig.test');
    expect((await other.get(`/api/uploads/${mine.body.id}`)).status).toBe(404);
    expect((await other.get(`/api/uploads/${mine.body.id}/result`)).status).toBe(404);
    expect((await other.get(`/api/uploads/${mine.body.id}/original`)).status).toBe(404);
    expect((await other.get('/api/uploads')).body.items.map((u: { id: string }) => u.id)).not.toContain(mine.body.id);
    const producer = await signedIn(app, 'producer@ossig.test');
    expect((await producer.get(`/api/uploads/${mine.body.id}`)).status).toBe(403);
    const trusted = await signedIn(app, 'trusted@ossig.test');
    const m = multipart('t.csv', Buffer.from('x'));
    expect((await trusted.request('POST', '/api/uploads', m.body, { 'content-type': m.contentType })).status).toBe(403);
  });

  it('gives a template the upload reads back', async () => {
    const res = await raw(carrier, '/api/uploads/template');
    expect(res.status).toBe(200);

    // Excel-style lists and checks, column formats and header hints are in the sheet's XML.
    const tpl = path.join(ctx.config.dataDir, 'template-check.xlsx');
    fs.writeFileSync(tpl, res.body);
    const part = async (name: string) => {
      const zip = await GuardedZip.open(tpl);
      try {
        const chunks: Buffer[] = [];
        for await (const c of zip.read(name, 16 * 1024 * 1024)) chunks.push(c);
        return Buffer.concat(chunks).toString('utf8');
      } finally {
        zip.close();
      }
    };
    const sheet = await part('xl/worksheets/sheet1.xml');
    const refRows = await rowsOfSheet(tpl, 'Справочники');
    /** The last row of a list in «Справочники»: the row before its first empty cell. */
    const listEnd = (col: number) => refRows.findIndex((r, i) => i > 0 && (r[col] === null || r[col] === undefined));
    const validation = (col: string) => new RegExp(`<dataValidation type="list"[^>]* sqref="${col}2:${col}10001"><formula1>'Справочники'!\\$([A-F])\\$2:\\$\\1\\$(\\d+)</formula1>`).exec(sheet);
    const lists = { A: validation('A'), B: validation('B'), C: validation('C'), D: validation('D') };
    expect(lists.A?.[1]).toBe('A'); // permits
    expect(lists.B?.[1]).toBe('F'); // vehicles
    expect(lists.C?.[1]).toBe('B'); // ФККО codes
    expect(lists.D?.[1]).toBe('D'); // facilities
    // Each list ends where its column of «Справочники» ends.
    expect(Number(lists.A![2])).toBe(listEnd(0));
    expect(Number(lists.B![2])).toBe(listEnd(5));
    expect(refRows.slice(1, listEnd(0)).map((r) => r[0])).toContain(d.permitNumber);
    expect(sheet).toMatch(/<dataValidation type="decimal" operator="greaterThan" errorStyle="stop" allowBlank="1" showErrorMessage="1" errorTitle="Неверное число" error="Объём — положительное число, до 0,01 м³" sqref="G2:G10001"><formula1>0<\/formula1><\/dataValidation>/);
    expect(sheet).toContain('promptTitle="Госномер ТС" prompt="Обязательно. А123ВС77 или А123ВС777; латинские буквы-двойники допускаются" sqref="B1"');
    expect(sheet).toMatch(/<col min="1" max="1" width="22" customWidth="1" style="\d+"\/>/);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const styles = await part('xl/styles.xml');
    expect(styles).toContain('<fgColor rgb="FFDDEBF7"/>');
    expect(styles).toMatch(/<xf numFmtId="49" fontId="0" fillId="0"/); // text columns: «@»
    expect(styles).toContain('formatCode="dd.mm.yyyy hh:mm"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Рейсы', 'Справочники', 'Инструкция']);
    expect((wb.getWorksheet('Рейсы')!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const refs = wb.getWorksheet('Справочники')!;
    const col = (n: number) => (refs.getColumn(n).values as unknown[]).filter(Boolean).map(String);
    expect(col(1)).toContain(d.permitNumber);
    expect(col(2)).toContain(d.wasteCode);
    expect(col(4)).toContain(d.facilityInn);
    expect(col(6)).toContain(d.plates[0]);

    // Fill the template and upload it.
    const ws = wb.getWorksheet('Рейсы')!;
    const [row] = validRows(d, now, 1, { startMinutesAgo: 60 * 24 * 70 });
    ws.getRow(2).values = row as ExcelJS.CellValue[];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const u = await uploadAndProcess('шаблон.xlsx', filled);
    expect(u).toMatchObject({ status: 'done', accepted: 1, rejected: 0 });
  });

  it('reads Excel dates (typed cells) as Moscow time', async () => {
    const [row] = validRows(d, now, 1, { startMinutesAgo: 60 * 24 * 80 });
    const text = String(row[4]);
    const [dd, mm, yyyy, hh, mi] = text.split(/[. :]/).map(Number);
    row[4] = new Date(Date.UTC(yyyy, mm - 1, dd, hh, mi));
    const u = await uploadAndProcess('dates.xlsx', await tripsXlsx([row]));
    expect(u).toMatchObject({ accepted: 1 });
    const trip = await ctx.db.selectFrom('trips').select('loaded_at').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(moscowText(new Date(trip.loaded_at), 0)).toBe(text);
  });
});

describe('a larger upload', () => {
  it('reads 6,000 Cyrillic rows across zip chunks and two processing chunks without garbling a letter', async () => {
    const rows = validRows(d, now, 6000, { startMinutesAgo: 60 * 24 * 140, idPrefix: 'Рейс-' });
    const u = await uploadAndProcess('большой.xlsx', await tripsXlsx(rows));
    expect(u).toMatchObject({ status: 'done', totalRows: 6000, accepted: 6000, rejected: 0 });
    const chunks = await ctx.db.selectFrom('upload_chunks').select('chunk').where('upload_id', '=', u.id).execute();
    expect(chunks).toHaveLength(2);
  });
});
