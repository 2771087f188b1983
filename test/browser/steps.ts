/**
 * Steps of the cabinet that several browser tests take: signing in by
 * e-signature, the register forms, a filled trips template dropped on
 * «Загрузки», a receipt confirmed on «Приём рейсов», a task opened from
 * «Мои задачи» and a statement ordered. Each waits for visible text, never
 * for a fixed time.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { cmsToPem, signAttached } from '../../src/platform/signing/index.js';

/** Fails when the page scrolls sideways (a phone-sized viewport). */
export async function noSidewaysScroll(page: Page, name: string): Promise<void> {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(wide, `${name}: the page scrolls sideways by ${wide}px`).toBeLessThanOrEqual(1);
}

/** «Вход по электронной подписи» with a signature pasted from a program (tab «Подпись из программы»); lands on «Рабочий стол». */
export async function signInByCertificate(page: Page, signer: { certPem: string; keyPem: string }): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Вход по электронной подписи' }).click();
  const challenge = (await page.getByTestId('certificate-challenge').textContent())!.trim();
  await page.getByRole('tab', { name: 'Подпись из программы' }).click();
  await page.getByLabel('Подпись', { exact: true }).fill(cmsToPem(signAttached({ data: Buffer.from(challenge, 'utf8'), keyPem: signer.keyPem, certPem: signer.certPem })));
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await page.getByRole('heading', { name: 'Рабочий стол' }).waitFor();
}

/** A section from the cabinet's navigation; waits for its heading (by default the section's name). */
export async function openSection(page: Page, name: string, heading = name): Promise<void> {
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** A date field typed as дд.мм.гггг and left with Tab. */
export async function fillDate(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('textbox', { name: label });
  await input.fill(value);
  await input.press('Tab');
}

export interface SiteFields {
  name: string;
  address: string;
  cadastral: string;
  kind: string;
  document: string;
  documentNumber: string;
  documentDate: string;
  plannedStart: string;
  plannedEnd: string;
}

/** «Объекты» → «Внести объект» → the form filled (not sent); returns the form. */
export async function fillSiteForm(page: Page, s: SiteFields): Promise<Locator> {
  await openSection(page, 'Объекты', 'Объекты образования ОСС');
  await page.getByRole('button', { name: 'Внести объект' }).click();
  const form = page.getByRole('form', { name: 'Новый объект образования ОСС' });
  await form.getByLabel('Наименование').fill(s.name);
  await form.getByLabel('Адрес').fill(s.address);
  await form.getByRole('textbox', { name: 'Кадастровый номер 1' }).fill(s.cadastral);
  await form.getByLabel('Вид работ').selectOption(s.kind);
  await form.getByLabel('Разрешительный документ').selectOption(s.document);
  await form.getByLabel('Номер документа').fill(s.documentNumber);
  await fillDate(page, 'Дата документа', s.documentDate);
  await fillDate(page, 'Плановое начало работ', s.plannedStart);
  await fillDate(page, 'Плановое окончание работ', s.plannedEnd);
  return form;
}

export interface VehicleFields {
  plate: string;
  terminal: string;
  make: string;
  model: string;
  volume: string;
  capacity: string;
}

/** «Внести ТС» on «Транспортные средства» (already open) → the form filled (not sent); returns the form. */
export async function fillVehicleForm(page: Page, v: VehicleFields): Promise<Locator> {
  await page.getByRole('button', { name: 'Внести ТС' }).click();
  const form = page.getByRole('form', { name: 'Новое транспортное средство' });
  await form.getByLabel('Госномер ТС').fill(v.plate);
  await form.getByLabel('Номер терминала ГЛОНАСС/GPS').fill(v.terminal);
  await form.getByLabel('Марка').fill(v.make);
  await form.getByLabel('Модель').fill(v.model);
  await form.getByLabel('Объём кузова, м³').fill(v.volume);
  await form.getByLabel('Грузоподъёмность, т').fill(v.capacity);
  return form;
}

/** A trip as a row of the upload template (the template's own headers; times 'ДД.ММ.ГГГГ ЧЧ:ММ', Moscow). */
export interface TemplateTrip {
  permit: string;
  plate: string;
  wasteCode: string;
  facilityInn: string;
  loaded: string;
  unloaded: string;
  volume: string;
  mass: string;
  externalId: string;
}

/** The downloaded template (XLSX) with these trips on its sheet «Рейсы», from the second row. */
export async function fillTripsTemplate(template: Buffer, trips: readonly TemplateTrip[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Рейсы')!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (h: string) => {
    const i = headers.indexOf(h);
    if (i < 0) throw new Error(`В шаблоне нет столбца «${h}»`);
    return i + 1;
  };
  trips.forEach((t, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(col('Номер разрешения')).value = t.permit;
    row.getCell(col('Госномер ТС')).value = t.plate;
    row.getCell(col('Код ФККО')).value = t.wasteCode;
    row.getCell(col('ИНН объекта приёма')).value = t.facilityInn;
    row.getCell(col('Время погрузки')).value = t.loaded;
    row.getCell(col('Время выгрузки')).value = t.unloaded;
    row.getCell(col('Объём, м³')).value = t.volume;
    row.getCell(col('Масса, т')).value = t.mass;
    row.getCell(col('Номер рейса перевозчика')).value = t.externalId;
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Drops a file on «Загрузки» (already open) and waits until it is processed; returns the region «Текущая загрузка». */
export async function dropUpload(page: Page, name: string, buffer: Buffer, mimeType = XLSX_MIME): Promise<Locator> {
  await page.locator('[data-testid="upload-dropzone"] input[type=file]').setInputFiles({ name, mimeType, buffer });
  const current = page.getByRole('region', { name: 'Текущая загрузка' });
  await current.getByTestId('upload-done').waitFor({ timeout: 60_000 });
  return current;
}

/** «Приём рейсов» (already open): the row of a trip by its number. */
export function receiptRow(page: Page, id: number | string): Locator {
  return page.getByRole('table', { name: 'Рейсы на приём' }).locator('tbody tr').filter({ has: page.getByText(`№ ${id}`, { exact: true }) });
}

/** Confirms a delivered trip on «Приём рейсов» (already open) with the weighed mass. */
export async function confirmReceipt(page: Page, id: number | string, mass: string): Promise<void> {
  const row = receiptRow(page, id);
  await row.getByLabel(`Масса по весам, т, рейс ${id}`).fill(mass);
  await row.getByRole('button', { name: 'Принять' }).click();
  await page.getByRole('status').filter({ hasText: `Рейс № ${id} принят` }).waitFor();
}

/** Waits for a task link in «Мои задачи» and opens it (the list polls; a reload now and then is quicker). */
export async function openTask(page: Page, title: string | RegExp): Promise<void> {
  const list = page.getByRole('list', { name: 'Мои задачи' });
  for (let i = 0; i < 60; i++) {
    const link = list.getByRole('link', { name: title }).first();
    if (await link.isVisible().catch(() => false)) {
      await link.click();
      return;
    }
    await link.waitFor({ timeout: 1000 }).catch(() => {});
    if (i % 5 === 4) await page.reload();
  }
  throw new Error(`Задача «${String(title)}» не появилась в «Мои задачи»`);
}

export const STATEMENT_FORM_TASK = 'Формирование сведений о результатах перемещения ОСС';
export const STATEMENT_READY_TASK = 'Уведомление о сформированных сведениях о результатах перемещения ОСС';

/**
 * «Госуслуги и функции» → «Возможности» → the statement function → its task's form:
 * the site, the period (дд.мм.гггг), every permit with movement → «Сформировать документ».
 * Returns the statement's id (the page is then on its progress).
 */
export async function orderStatement(page: Page, o: { site: RegExp; from: string; to: string; beforeSubmit?: () => Promise<void> }): Promise<string> {
  await openSection(page, 'Госуслуги и функции');
  await page.getByRole('tab', { name: 'Возможности' }).click();
  await page.getByRole('article', { name: STATEMENT_FORM_TASK }).getByRole('button', { name: /Выбрать/ }).click();
  const modal = page.getByRole('dialog', { name: STATEMENT_FORM_TASK });
  await modal.waitFor();
  await modal.getByRole('button', { name: 'Подтвердить' }).click();
  await modal.waitFor({ state: 'hidden' });
  await openTask(page, STATEMENT_FORM_TASK);
  await page.getByRole('heading', { name: STATEMENT_FORM_TASK, level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Объект образования ОСС' }).click();
  await page.getByRole('option', { name: o.site }).click();
  await page.getByRole('textbox', { name: 'Начало периода' }).fill(o.from);
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Конец периода' }).fill(o.to);
  await page.keyboard.press('Escape');
  const permits = page.getByRole('table', { name: 'Разрешения с перемещением в периоде' });
  await permits.locator('tbody tr').first().waitFor();
  await page.getByRole('checkbox', { name: 'Выбрать все разрешения' }).check();
  await o.beforeSubmit?.();
  await page.getByRole('button', { name: 'Сформировать документ' }).click();
  await page.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}
