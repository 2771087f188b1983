/**
 * The whole chain of issue 9 in a real browser, at 1440×900, as new users would go through it:
 *   a new organization signs in by e-signature → registers its site on «Объекты» →
 *   drafts an application (a reload in the middle loses nothing; two tabs) → submits →
 *   the operator asks for more → the producer answers in the thread and resubmits →
 *   the operator approves → the carrier sees the permit, registers a vehicle and uploads
 *   trips against the permit (the downloaded template filled in the test, dropped on
 *   «Загрузки») → the facility confirms the receipts → the producer orders a statement,
 *   whose XLSX lists exactly those trips.
 * The application's pages are also looked at 390×844 (no sideways scrolling).
 *
 * Time: a trip may not be loaded before its permit was issued, and a statement holds only
 * trips formed 27 h after they ended; so once the permit is issued the server's clock
 * (`ctx.setNow`) moves 30 h ahead, and the trips are loaded just after the issue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from './server.js';
import { launchBrowser, newPage, shot, signIn } from './browser.js';
import { confirmReceipt, dropUpload, fillSiteForm, fillTripsTemplate, fillVehicleForm, noSidewaysScroll, openSection, orderStatement, signInByCertificate } from './steps.js';
import { createCertificateAuthority, issueEndEntityCertificate } from '../../src/platform/signing/index.js';
import { makeValidInnLegal, makeValidOgrn, makeValidSnils } from '../../src/domain/identifiers.js';
import { formatMoscowDateTime, moscowDate } from '../../src/domain/period.js';
import { shiftDate } from '../../src/domain/working-days.js';
import { demoPdf } from '../../src/features/applications/demo.js';

const NEW_ORG = { name: 'ООО «Фундамент-Строй Тест»', inn: makeValidInnLegal(6543), ogrn: makeValidOgrn(6543), snils: makeValidSnils(65430) };
const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('permit application chain in the browser', () => {
  let server: BrowserServer;
  let browser: Browser;
  let pkiDir: string;
  let signer: { certPem: string; keyPem: string };
  let files: string[];

  beforeAll(async () => {
    pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-browser-apps-'));
    const ca = createCertificateAuthority({ subject: { country: 'RU', organization: 'Тестовый УЦ', commonName: 'Тестовый УЦ заявлений', innLe: makeValidInnLegal(992), ogrn: makeValidOgrn(992) } });
    const caPath = path.join(pkiDir, 'ca.pem');
    fs.writeFileSync(caPath, ca.certPem);
    signer = issueEndEntityCertificate({
      ca: { certPem: ca.certPem, keyPem: ca.keyPem },
      subject: {
        country: 'RU', organization: NEW_ORG.name, title: 'Генеральный директор', commonName: 'Орлова Анна Сергеевна',
        surname: 'Орлова', givenName: 'Анна Сергеевна', innLe: NEW_ORG.inn, ogrn: NEW_ORG.ogrn, snils: NEW_ORG.snils,
      },
    });
    files = [];
    for (const name of ['Технологический регламент.pdf', 'Договор перевозки.pdf', 'Договор с объектом приёма.pdf', 'Ордер ОАТИ.pdf']) {
      const p = path.join(pkiDir, name);
      fs.writeFileSync(p, await demoPdf(name.replace('.pdf', '')));
      files.push(p);
    }
    server = await startBrowserServer({ trips: 100, config: { trustedCaPaths: [caPath] } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (pkiDir) fs.rmSync(pkiDir, { recursive: true, force: true });
  });

  /** The same page at 390×844, then back to 1440×900. */
  async function narrow(page: Page, name: string) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await noSidewaysScroll(page, `${name} at 390 px`);
    await shot(page, `${name}-390`);
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  /** A field's value once the page has loaded its lists (polls, then asserts). */
  async function valueOf(page: Page, label: string, expected: string | RegExp, role?: 'textbox') {
    const loc = role ? page.getByRole(role, { name: label }) : page.getByLabel(label, { exact: true });
    let v = '';
    for (let i = 0; i < 50; i++) {
      v = await loc.inputValue();
      if (typeof expected === 'string' ? v === expected : expected.test(v)) return;
      await page.waitForTimeout(200);
    }
    expect(v, label).toMatch(expected);
  }

  async function waitSaved(page: Page, group: string) {
    await page.waitForFunction((g) => document.querySelector(`[data-testid="save-${g}"]`)?.getAttribute('data-status') === 'saved', group, { timeout: 15_000 });
  }

  it('goes from an e-signature sign-in to a statement holding the trips uploaded under the permit', async () => {
    let current: Page | null = null;
    try {
      await chain((p) => (current = p));
    } catch (e) {
      if (current) await shot(current, 'browser-application-failure');
      throw e;
    } finally {
      server.ctx.setNow(null);
    }
  });

  async function chain(track: (p: Page) => void) {
    const { ctx } = server;
    // 1. A new organization signs in by e-signature.
    const producer = await newPage(browser, server.url);
    const page = producer.page;
    track(page);
    await signInByCertificate(page, signer);

    // 2. It registers its site on «Объекты».
    const today = moscowDate(ctx.now());
    const siteForm = await fillSiteForm(page, {
      name: 'Жилой дом на Кантемировской, 18',
      address: 'г. Москва, ул. Кантемировская, вл. 18',
      cadastral: '77:05:0004008:1190',
      kind: 'construction',
      document: 'building_permit',
      documentNumber: '77-226000-018818-2026',
      documentDate: ru(shiftDate(today, -30)),
      plannedStart: ru(today),
      plannedEnd: ru(shiftDate(today, 365)),
    });
    await siteForm.getByRole('button', { name: 'Внести в реестр' }).click();
    await page.getByRole('heading', { name: 'Жилой дом на Кантемировской, 18' }).waitFor();
    await page.getByText('77:05:0004008:1190').first().waitFor();
    await shot(page, 'browser-application-0-site');

    // 3. «Госуслуги и функции» → «Выдача разрешения на перемещение ОСС» → the draft.
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Госуслуги и функции' }).click();
    await page.getByRole('article', { name: 'Выдача разрешения на перемещение ОСС' }).getByRole('button', { name: /Выбрать/ }).click();
    const modal = page.getByRole('dialog', { name: 'Выдача разрешения на перемещение ОСС' });
    await modal.getByRole('button', { name: 'Подтвердить' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const appId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: /^Заявление № ЗР-/ }).waitFor();
    await expect(page.locator('[data-stage="fill"]').getAttribute('data-done')).resolves.toBe('false');
    await shot(page, 'browser-application-1-draft');

    await page.getByRole('textbox', { name: 'Объект образования ОСС' }).click();
    await page.getByRole('option', { name: /Кантемировской/ }).click();
    await page.getByRole('textbox', { name: 'Начало работ' }).fill(ru(today));
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Окончание работ' }).fill(ru(shiftDate(today, 150)));
    await page.keyboard.press('Escape');
    await page.getByLabel('Административный округ').selectOption('ЮАО');
    await page.getByLabel('Комментарий для оператора').fill('Котлован под жилой дом');
    await waitSaved(page, 'general');

    // A reload in the middle: nothing typed is lost.
    await page.reload();
    await page.getByRole('heading', { name: /^Заявление № ЗР-/ }).waitFor();
    await valueOf(page, 'Объект образования ОСС', /Кантемировской/, 'textbox');
    await valueOf(page, 'Окончание работ', ru(shiftDate(today, 150)), 'textbox');
    await valueOf(page, 'Административный округ', 'ЮАО');
    await valueOf(page, 'Комментарий для оператора', 'Котлован под жилой дом');

    // Typed and reloaded before the pause that sends it: kept in the browser and sent when the page opens.
    await page.getByLabel('Комментарий для оператора').fill('Котлован под жилой дом, 2 очередь');
    await page.reload();
    await waitSaved(page, 'general');
    await valueOf(page, 'Комментарий для оператора', 'Котлован под жилой дом, 2 очередь');
    const saved = await ctx.db.selectFrom('permit_applications').select('comment').where('id', '=', appId).executeTakeFirstOrThrow();
    expect(saved.comment).toBe('Котлован под жилой дом, 2 очередь');

    // Two tabs of the same draft: a change of another field group in the stale tab is merged, nothing lost;
    // the same field changed in both is shown, and the user keeps one version.
    const tab2 = await producer.context.newPage();
    await tab2.goto(`/applications/${appId}`);
    await tab2.getByRole('heading', { name: /^Заявление № ЗР-/ }).waitFor();
    await valueOf(tab2, 'Комментарий для оператора', 'Котлован под жилой дом, 2 очередь');
    await page.getByLabel('Комментарий для оператора').fill('Котлован, правка в первой вкладке');
    await waitSaved(page, 'general');
    // The second tab, still on the older version, adds a carrier by ИНН (the demo carrier, found in the register).
    const carrierInn = (await ctx.db.selectFrom('organizations').select('inn').where('email', '=', 'info@carrier.ossig.test').executeTakeFirstOrThrow()).inn;
    await tab2.getByRole('button', { name: 'Добавить перевозчика' }).click();
    await tab2.getByLabel('ИНН перевозчика, строка 1').fill(carrierInn);
    await tab2.getByText(/ТрансГрунт/).first().waitFor();
    await waitSaved(tab2, 'carriers');
    const merged = await ctx.db.selectFrom('permit_applications').select('comment').where('id', '=', appId).executeTakeFirstOrThrow();
    expect(merged.comment).toBe('Котлован, правка в первой вкладке');
    const carriersSaved = await ctx.db.selectFrom('permit_application_carriers').select('inn').where('application_id', '=', appId).execute();
    expect(carriersSaved.map((c) => c.inn)).toEqual([carrierInn]);
    await valueOf(tab2, 'Комментарий для оператора', 'Котлован, правка в первой вкладке');
    await page.getByLabel('Комментарий для оператора').fill('Вариант первой вкладки');
    await waitSaved(page, 'general');
    await tab2.getByLabel('Комментарий для оператора').fill('Вариант второй вкладки');
    const conflict = tab2.getByRole('alert').filter({ hasText: 'уже изменены в другом окне' });
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toMatch(/Сохранено:.*Вариант первой вкладки.*Ваш вариант:.*Вариант второй вкладки/);
    await shot(tab2, 'browser-application-2a-conflict');
    await conflict.getByRole('button', { name: 'Сохранить мой вариант' }).click();
    await waitSaved(tab2, 'general');
    const kept = await ctx.db.selectFrom('permit_applications').select('comment').where('id', '=', appId).executeTakeFirstOrThrow();
    expect(kept.comment).toBe('Вариант второй вкладки');
    await tab2.close();
    await page.reload();
    await page.getByRole('heading', { name: /^Заявление № ЗР-/ }).waitFor();
    await valueOf(page, 'Комментарий для оператора', 'Вариант второй вкладки');

    // Waste lines and facilities.
    await page.getByRole('button', { name: 'Добавить вид отходов' }).click();
    await page.getByRole('textbox', { name: 'Код ФККО, строка 1' }).click();
    await page.getByRole('textbox', { name: 'Код ФККО, строка 1' }).fill('8 11 100');
    await page.getByRole('option', { name: /^8 11 100 01 49 5/ }).click();
    await page.getByLabel('Объём, м³').fill('3 200');
    await page.getByRole('textbox', { name: 'Объекты приёма' }).click();
    await page.getByRole('option', { name: /Сосенское/ }).click();
    await page.keyboard.press('Escape');
    await waitSaved(page, 'lines');

    // The carrier the second tab added is there.
    await valueOf(page, 'ИНН перевозчика, строка 1', carrierInn);
    await page.getByText(/ТрансГрунт/).first().waitFor();
    await shot(page, 'browser-application-2-filled');
    await narrow(page, 'browser-application-2-filled');

    // Submitting without the documents lists them all.
    await page.getByRole('button', { name: 'Подать заявление' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'Технологический регламент' });
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/Договор с перевозчиком[\s\S]*Договор с объектом приёма|Договор с объектом приёма[\s\S]*Договор с перевозчиком/);

    // The documents.
    await page.getByRole('tab', { name: /Документы/ }).click();
    const kinds = ['regulation', 'carrier_contract', 'facility_contract'];
    for (let i = 0; i < 3; i++) {
      await page.getByLabel('Вид документа').selectOption(kinds[i]);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Загрузить файл' }).click()]);
      await chooser.setFiles(files[i]);
      await page.getByRole('link', { name: path.basename(files[i]) }).waitFor();
    }
    await shot(page, 'browser-application-3-files');

    // 4. Submit.
    await page.getByRole('button', { name: 'Подать заявление' }).click();
    await page.getByRole('heading', { name: /^Заявление № ЗР-/ }).waitFor();
    await page.getByText('Срок рассмотрения —').first().waitFor();
    await expect(page.locator('[data-stage="submit"]').getAttribute('data-done')).resolves.toBe('true');
    const number = (await page.getByRole('heading', { name: /^Заявление № ЗР-/ }).textContent())!.replace('Заявление № ', '').trim();
    await page.goto('/applications');
    const row = page.getByRole('listitem').filter({ hasText: number });
    await row.getByText('На рассмотрении').waitFor();
    await shot(page, 'browser-application-4-mine');
    await narrow(page, 'browser-application-4-mine');

    // 5. The operator finds it in the queue and asks for more.
    const op = await newPage(browser, server.url);
    track(op.page);
    await signIn(op.page, 'operator@ossig.test');
    await op.page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Очередь заявлений' }).click();
    await op.page.getByRole('heading', { name: 'Очередь заявлений' }).waitFor();
    await op.page.getByRole('link', { name: `Открыть заявление № ${number}` }).waitFor();
    await shot(op.page, 'browser-application-5-queue');
    await narrow(op.page, 'browser-application-5-queue');
    await op.page.getByRole('link', { name: `Открыть заявление № ${number}` }).click();
    await op.page.locator('label').filter({ hasText: /^Запросить$/ }).click();
    await op.page.getByLabel('Что требуется').fill('Приложите ордер ОАТИ на производство земляных работ.');
    await op.page.getByRole('button', { name: 'Требуется дополнение' }).click();
    await op.page.getByText('Запрос отправлен заявителю').waitFor();
    await shot(op.page, 'browser-application-6-asked');

    track(page);
    // 6. The producer sees «Требуется дополнение», answers in the thread with the document, resubmits.
    await page.goto(`/applications/${appId}`);
    await page.getByText('Приложите ордер ОАТИ на производство земляных работ.').first().waitFor();
    await page.getByText(/^Требуется дополнение до/).waitFor();
    await page.getByRole('tab', { name: /Переписка/ }).click();
    await page.getByLabel('Сообщение').fill('Ордер ОАТИ прикладываю.');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Приложить файлы' }).click()]);
    await chooser.setFiles(files[3]);
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByTestId('message').filter({ hasText: 'Ордер ОАТИ прикладываю.' }).waitFor();
    await shot(page, 'browser-application-7-thread');
    await narrow(page, 'browser-application-7-thread');
    await page.getByRole('button', { name: 'Подать повторно' }).click();
    await page.getByText('Заявление подано повторно').waitFor();

    // 7. The operator reads the answer and approves.
    await op.page.reload();
    await op.page.getByRole('tab', { name: /Переписка/ }).click();
    await op.page.getByTestId('message').filter({ hasText: 'Ордер ОАТИ прикладываю.' }).waitFor();
    await op.page.getByRole('link', { name: /Ордер ОАТИ\.pdf/ }).waitFor();
    await op.page.locator('label').filter({ hasText: /^Одобрить$/ }).click();
    await op.page.getByRole('button', { name: 'Одобрить и выдать разрешение' }).click();
    await op.page.getByText('Заявление одобрено, разрешение выдано').waitFor();
    await op.page.getByRole('alert').or(op.page.getByRole('status')).filter({ hasText: 'Разрешение выдано' }).first().waitFor();
    await op.context.close();

    // The producer's application: approved, every stage done, the permit with its signed PDF.
    await page.goto(`/applications/${appId}`);
    await page.getByText('Разрешение выдано').first().waitFor();
    for (const key of ['fill', 'submit', 'review', 'info', 'decision']) await expect(page.locator(`[data-stage="${key}"]`).getAttribute('data-done'), key).resolves.toBe('true');
    await page.getByRole('tab', { name: 'История' }).click();
    await page.getByText('Заявление одобрено').first().waitFor();
    await page.getByRole('tab', { name: 'Сведения' }).click();
    await page.getByRole('link', { name: 'Открыть разрешение' }).click();
    await page.getByRole('heading', { name: /^Разрешение № РП-77-/, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'PDF', exact: true }).waitFor({ timeout: 30_000 });
    await shot(page, 'browser-application-8-permit');
    await narrow(page, 'browser-application-8-permit');
    const permitNumber = (await page.getByRole('heading', { name: /^Разрешение № РП-77-/, level: 1 }).first().textContent())!.replace('Разрешение № ', '').trim();

    // The trips are loaded just after the permit was issued; the server's clock moves 30 h on so they can be formed.
    const issued = await ctx.db
      .selectFrom('permit_versions as v')
      .innerJoin('permits as p', 'p.id', 'v.permit_id')
      .select(['v.in_force_from', 'p.site_id'])
      .where('p.number', '=', permitNumber)
      .executeTakeFirstOrThrow();
    const issuedAt = new Date(issued.in_force_from);
    const at = (minutes: number) => new Date(Math.ceil(issuedAt.getTime() / MINUTE) * MINUTE + minutes * MINUTE);
    ctx.setNow(new Date(issuedAt.getTime() + 30 * HOUR));

    // 8. The carrier sees the permit: the site appears among its objects, the permit in the site's card.
    const carrier = await newPage(browser, server.url);
    track(carrier.page);
    await signIn(carrier.page, 'carrier@ossig.test');
    await openSection(carrier.page, 'Объекты', 'Объекты образования ОСС');
    await carrier.page.getByRole('link', { name: /Кантемировской/ }).click();
    await carrier.page.getByRole('link', { name: `Разрешение № ${permitNumber}` }).click();
    await carrier.page.getByRole('heading', { name: `Разрешение № ${permitNumber}`, level: 1 }).waitFor();
    await carrier.page.getByRole('region', { name: 'Версии разрешения' }).getByText('Версия 1').waitFor();
    await shot(carrier.page, 'browser-application-9-carrier');

    // 9. It registers a vehicle on «Транспортные средства».
    await openSection(carrier.page, 'Транспортные средства');
    const vehicleForm = await fillVehicleForm(carrier.page, { plate: 'т 318 км 799', terminal: 'GLN-3180', make: 'КАМАЗ', model: '6520', volume: '16', capacity: '25' });
    await vehicleForm.getByRole('button', { name: 'Внести в реестр' }).click();
    await carrier.page.getByRole('heading', { name: 'Т318КМ799' }).waitFor();

    // 10. «Загрузки»: the template downloaded, two trips under the permit written into it, the file dropped.
    await openSection(carrier.page, 'Загрузки');
    const [templateDownload] = await Promise.all([carrier.page.waitForEvent('download'), carrier.page.getByRole('link', { name: 'Скачать шаблон' }).click()]);
    const template = fs.readFileSync(await templateDownload.path());
    const facility = await ctx.db.selectFrom('organizations').select(['id', 'inn']).where('email', '=', 'info@facility.ossig.test').executeTakeFirstOrThrow();
    const trip = { permit: permitNumber, plate: 'Т318КМ799', wasteCode: '8 11 100 01 49 5', facilityInn: facility.inn };
    const filled = await fillTripsTemplate(template, [
      { ...trip, loaded: formatMoscowDateTime(at(2)), unloaded: formatMoscowDateTime(at(50)), volume: '14,5', mass: '24,65', externalId: 'К-1' },
      { ...trip, loaded: formatMoscowDateTime(at(70)), unloaded: formatMoscowDateTime(at(118)), volume: '15', mass: '25,5', externalId: 'К-2' },
    ]);
    const current = await dropUpload(carrier.page, 'Рейсы Кантемировская.xlsx', filled);
    await expect(current.textContent()).resolves.toMatch(/принято 2, отклонено 0/);
    await shot(carrier.page, 'browser-application-10-upload');
    await carrier.context.close();
    const trips = await ctx.db
      .selectFrom('trips')
      .select(['id', 'permit_version'])
      .where('site_id', '=', issued.site_id)
      .orderBy('external_id')
      .execute();
    expect(trips.map((t) => t.permit_version)).toEqual([1, 1]);
    const tripIds = trips.map((t) => String(t.id));

    // 11. The facility confirms both receipts on «Приём рейсов».
    const fac = await newPage(browser, server.url);
    track(fac.page);
    await signIn(fac.page, 'facility@ossig.test');
    await openSection(fac.page, 'Приём рейсов');
    await confirmReceipt(fac.page, tripIds[0], '24,71');
    await confirmReceipt(fac.page, tripIds[1], '25,48');
    await shot(fac.page, 'browser-application-11-receipts');
    await fac.context.close();

    // 12. The producer orders a statement of the site for the trips' days; it holds exactly those trips, accepted.
    track(page);
    await orderStatement(page, { site: /Кантемировской/, from: ru(moscowDate(at(2))), to: ru(moscowDate(at(118))) });
    const statementId = page.url().split('/').pop()!;
    await page.getByText(/Сведения сформированы/).waitFor({ timeout: 150_000 });
    await shot(page, 'browser-application-12-statement');
    const xlsx = await page.request.get(`/api/statements/${statementId}/files/xlsx`);
    expect(xlsx.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Рейсы')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const head = rows[0].map(String);
    const listed = rows.slice(1).map((r) => ({ id: String(r[head.indexOf('ID рейса')]), plate: r[head.indexOf('Госномер ТС')] }));
    expect(listed.map((r) => r.id).sort()).toEqual([...tripIds].sort());
    expect(listed.every((r) => r.plate === 'Т318КМ799')).toBe(true);
    await producer.context.close();
  }
});
