/**
 * Uploads and receipts in a real browser (seed 004): the carrier downloads the
 * template, fills it, drops it on «Загрузки», sees the green mark and gets
 * «Скачать файл результатов»; the same file again records nothing. The
 * facility confirms one delivered trip with the weighed mass and rejects
 * another with a reason on «Приём рейсов»; the producer sees both statuses in
 * the site card.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Download, Page } from 'playwright-core';
import { useBrowserServer, type BrowserServer } from './server.js';
import { SHOTS_DIR, newPage, shot, signIn } from './browser.js';
import { XLSX_MIME, confirmReceipt, fillTripsTemplate, openSection, receiptRow } from './steps.js';
import { formatMoscowDateTime } from '../../src/domain/period.js';

const UPLOADS = 'uploads';

async function saved(download: Download, name: string): Promise<Buffer> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, name);
  await download.saveAs(file);
  return fs.readFileSync(file);
}

/** Moscow 'ДД.ММ.ГГГГ ЧЧ:ММ' of `now` minus `minutes`, rounded to the minute. */
const moscowAgo = (now: Date, minutes: number) => formatMoscowDateTime(new Date(Math.floor(now.getTime() / 60_000 - minutes) * 60_000));

/** The visible part of the page only (long tables make full-page shots unreadable). */
async function viewShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}


describe('uploads and receipts in the cabinet', () => {
  const env = useBrowserServer({ trips: 400 });
  /** The two trips accepted from the carrier's file (ids), filled in by the first test. */
  let uploadedTripIds: number[] = [];

  it('the carrier uploads a filled template, sees the green mark, downloads the results; the same file again records nothing', async () => {
    const db = env.server.ctx.db;
    const carrier = await db.selectFrom('organizations').select('id').where('name', 'like', '%ТрансГрунт%').executeTakeFirstOrThrow();
    // A permit of the demo carrier with a facility, a ФККО code, and two of its vehicles — from the database.
    const permit = await db
      .selectFrom('permits as p')
      .innerJoin('permit_carriers as pc', 'pc.permit_id', 'p.id')
      .innerJoin('permit_facilities as pf', 'pf.permit_id', 'p.id')
      .innerJoin('organizations as f', 'f.id', 'pf.facility_id')
      .innerJoin('permit_waste_types as w', 'w.permit_id', 'p.id')
      .select(['p.id', 'p.number', 'f.inn as facilityInn', 'w.waste_code as wasteCode'])
      .where('pc.carrier_id', '=', carrier.id)
      .where('f.name', 'like', '%ЭкоПереработка%')
      .where('p.status', '=', 'active')
      .orderBy('p.number')
      .orderBy('w.waste_code')
      .executeTakeFirstOrThrow();
    const plates = (await db.selectFrom('vehicles').select('plate').where('carrier_id', '=', carrier.id).orderBy('plate').limit(2).execute()).map((v) => v.plate);
    expect(plates).toHaveLength(2);
    const tripsBefore = await tripCount(env.server, carrier.id);

    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'carrier@ossig.test');
    await openSection(page, 'Загрузки');
    await page.getByText('Загрузок пока не было').waitFor();
    await shot(page, `${UPLOADS}-empty`);

    // The template is an XLSX (a ZIP: «PK»).
    const [templateDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Скачать шаблон' }).click()]);
    const template = await saved(templateDownload, 'uploads-template.xlsx');
    expect(template.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(templateDownload.suggestedFilename()).toMatch(/\.xlsx$/);

    // Fill three rows: two valid, one with a Latin «D» (no Cyrillic twin) in the plate.
    const now = env.server.ctx.now();
    const rows = [
      { plate: plates[0], loaded: 200, unloaded: 140, volume: '12,5', mass: '21,875', ext: 'Б-1' },
      { plate: plates[1], loaded: 190, unloaded: 130, volume: '11,25', mass: '19,6', ext: 'Б-2' },
      { plate: plates[0].replace(/^./, 'D'), loaded: 100, unloaded: 40, volume: '10', mass: '17', ext: 'Б-3' },
    ];
    const filled = await fillTripsTemplate(
      template,
      rows.map((r) => ({
        permit: permit.number,
        plate: r.plate,
        wasteCode: permit.wasteCode,
        facilityInn: permit.facilityInn,
        loaded: moscowAgo(now, r.loaded),
        unloaded: moscowAgo(now, r.unloaded),
        volume: r.volume,
        mass: r.mass,
        externalId: r.ext,
      })),
    );
    const fileName = 'Рейсы ТрансГрунт.xlsx';

    const dropzoneInput = page.locator('[data-testid="upload-dropzone"] input[type=file]');
    await dropzoneInput.setInputFiles({ name: fileName, mimeType: XLSX_MIME, buffer: filled });
    const current = page.getByRole('region', { name: 'Текущая загрузка' });
    await current.getByTestId('upload-done').waitFor();
    await expect(current.textContent()).resolves.toMatch(/принято 2, отклонено 1/);
    // Not a plain green mark: one row of three was refused.
    await expect(current.getByTestId('upload-done').getAttribute('data-tone')).resolves.toBe('yellow');
    await expect(current.textContent()).resolves.toMatch(/Файл обработан, часть строк отклонена/);
    await shot(page, `${UPLOADS}-done`);

    const [resultDownload] = await Promise.all([
      page.waitForEvent('download'),
      current.getByRole('link', { name: 'Скачать файл результатов' }).click(),
    ]);
    const result = await saved(resultDownload, 'uploads-result.xlsx');
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(result as unknown as ExcelJS.Buffer);
    const out: unknown[][] = [];
    rb.getWorksheet('Результат')!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    const statusAt = (out[0] as string[]).indexOf('Статус');
    const reasonAt = (out[0] as string[]).indexOf('Причины');
    const statuses = out.slice(1).map((r) => r[statusAt]);
    expect(statuses.filter((s) => s === 'Принято')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'Отклонено')).toHaveLength(1);
    const rejected = out.slice(1).find((r) => r[statusAt] === 'Отклонено')!;
    expect(String(rejected[reasonAt])).toMatch(/^Госномер ТС: .*«D»/);

    // The journal: 3 rows in the file, 2 accepted, 1 rejected.
    const journal = page.getByRole('table', { name: 'Журнал загрузок' });
    const line = journal.locator('tbody tr').filter({ hasText: fileName });
    await expect.poll(async () => (await line.locator('td').allTextContents()).slice(2, 6)).toEqual(['3', '2', '1', 'обработан, часть строк отклонена']);
    await shot(page, `${UPLOADS}-journal`);
    expect(await tripCount(env.server, carrier.id)).toBe(tripsBefore + 2);
    const accepted = await db
      .selectFrom('trips')
      .select('id')
      .where('carrier_id', '=', carrier.id)
      .where('external_id', 'in', ['Б-1', 'Б-2'])
      .orderBy('external_id')
      .execute();
    uploadedTripIds = accepted.map((t) => Number(t.id));
    expect(uploadedTripIds).toHaveLength(2);

    // The same file again: said so, nothing recorded twice.
    await dropzoneInput.setInputFiles({ name: 'копия.xlsx', mimeType: XLSX_MIME, buffer: filled });
    await page.getByText(/Этот файл уже загружался .*; повторно ничего не записано/).waitFor();
    await shot(page, `${UPLOADS}-repeated`);
    expect(await tripCount(env.server, carrier.id)).toBe(tripsBefore + 2);
    const uploads = await db.selectFrom('uploads').select(sql<number>`count(*)::int`.as('n')).where('organization_id', '=', carrier.id).executeTakeFirstOrThrow();
    expect(uploads.n).toBe(1);
    await expect.poll(() => journal.locator('tbody tr').count()).toBe(1);
    await context.close();
  });

  it('the facility confirms one delivered trip with the weighed mass and rejects another with a reason; the producer sees both', async () => {
    expect(uploadedTripIds).toHaveLength(2);
    const [confirmId, rejectId] = uploadedTripIds;
    const db = env.server.ctx.db;
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'facility@ossig.test');
    await openSection(page, 'Приём рейсов');
    const row = (id: number) => receiptRow(page, id);
    await row(confirmId).waitFor();
    await viewShot(page, 'receipts-pending');

    // Confirm with the weighed mass (decimal comma).
    await confirmReceipt(page, confirmId, '21,904');

    // Reject with a reason.
    await row(rejectId).getByRole('button', { name: 'Отклонить' }).click();
    const dialog = page.getByRole('dialog', { name: `Отклонить рейс № ${rejectId}` });
    await dialog.getByLabel('Причина').fill('Не');
    await dialog.getByRole('button', { name: 'Отклонить рейс' }).click();
    await dialog.getByText(/Причина: опишите причину отказа/).waitFor();
    await viewShot(page, 'receipts-reject-error');
    await dialog.getByLabel('Причина').fill('В кузове строительный мусор вместо грунта');
    await dialog.getByRole('button', { name: 'Отклонить рейс' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: `Рейс № ${rejectId} отклонён` }).waitFor();
    await expect.poll(() => row(rejectId).count()).toBe(0);
    await viewShot(page, 'receipts-decided');

    const decided = await db
      .selectFrom('trips')
      .select(['id', 'receipt_status', sql<string | null>`received_mass::text`.as('received_mass'), 'receipt_reason', 'loaded_at', 'site_id'])
      .where('id', 'in', [confirmId, rejectId])
      .orderBy('id')
      .execute();
    const byId = new Map(decided.map((t) => [Number(t.id), t]));
    expect(byId.get(confirmId)).toMatchObject({ receipt_status: 'confirmed', received_mass: '21.904', receipt_reason: null });
    expect(byId.get(rejectId)).toMatchObject({ receipt_status: 'rejected', received_mass: null, receipt_reason: 'В кузове строительный мусор вместо грунта' });

    // The filter shows the decisions with their statuses.
    await page.getByRole('radiogroup', { name: 'Статус приёма' }).getByText('Все', { exact: true }).click();
    await row(confirmId).getByText('по весам 21,904 т').waitFor();
    await expect(row(confirmId).getByText('Принят', { exact: true }).isVisible()).resolves.toBe(true);
    await row(rejectId).getByText('Отклонён', { exact: true }).waitFor();
    await expect(row(rejectId).textContent()).resolves.toContain('Причина: В кузове строительный мусор вместо грунта');
    await viewShot(page, 'receipts-all');
    await context.close();

    // The producer sees the statuses in the site card.
    const producer = await newPage(env.browser, env.server.url);
    await signIn(producer.page, 'producer@ossig.test');
    await producer.page.goto(`/sites/${decided[0].site_id}?tab=trips`);
    const trips = producer.page.getByRole('table', { name: 'Рейсы' });
    await trips.waitFor();
    const tripRow = (id: number) => trips.locator('tbody tr').filter({ hasText: formatMoscowDateTime(new Date(byId.get(id)!.loaded_at)) });
    await expect(tripRow(confirmId).textContent()).resolves.toContain('Принят');
    await expect(tripRow(confirmId).textContent()).resolves.toContain('принято 21,904 т');
    await expect(tripRow(rejectId).textContent()).resolves.toContain('Отклонён');
    await viewShot(producer.page, 'receipts-producer-site');
    await producer.context.close();
  });

  it('shows a file being processed with its progress, and a refused file with the reason', async () => {
    const db = env.server.ctx.db;
    const carrier = await db.selectFrom('organizations').select('id').where('name', 'like', '%ТрансГрунт%').executeTakeFirstOrThrow();
    const person = await db.selectFrom('persons').select('id').where('email', '=', 'carrier@ossig.test').executeTakeFirstOrThrow();
    // A large file half processed (no job behind it: it stays so).
    const processing = await db
      .insertInto('uploads')
      .values({
        organization_id: carrier.id,
        person_id: person.id,
        file_name: 'Рейсы за ноябрь.xlsx',
        file_type: 'xlsx',
        size_bytes: 3_500_000,
        sha256: 'f'.repeat(64),
        status: 'processing',
        total_rows: 48_000,
        processed_rows: 19_500,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'carrier@ossig.test');
    await page.goto(`/uploads?id=${processing.id}`);
    const current = page.getByRole('region', { name: 'Текущая загрузка' });
    await current.getByText(/Обрабатывается: 19\s500 из 48\s000 строк/).waitFor();
    await expect(current.getByRole('progressbar', { name: 'Обработка файла' }).getAttribute('aria-valuenow')).resolves.toBe('41');
    await shot(page, `${UPLOADS}-processing`);

    // A file without the template's headers is refused as a whole, with the reason.
    await page.locator('[data-testid="upload-dropzone"] input[type=file]').setInputFiles({
      name: 'не тот файл.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Фамилия;Имя\r\nИванов;Иван\r\n', 'utf8'),
    });
    await current.getByText('Файл не принят').waitFor();
    await expect(current.textContent()).resolves.toMatch(/не найдены заголовки шаблона/);
    await shot(page, `${UPLOADS}-refused`);
    await context.close();
  });
});

async function tripCount(server: BrowserServer, carrierId: string): Promise<number> {
  const r = await server.ctx.db.selectFrom('trips').select(sql<number>`count(*)::int`.as('n')).where('carrier_id', '=', carrierId).executeTakeFirstOrThrow();
  return r.n;
}
