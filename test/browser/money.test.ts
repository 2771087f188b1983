/**
 * Issue 14 in a real browser, desktop 1440×900 and phone 390×844:
 *  - «Расчёты» of the facility: the month's act and invoice (made from accepted loads at the demo tariff)
 *    with the amount in «1 234,56 ₽», the signed act PDF downloaded, a 1C statement (Windows-1251) paying
 *    the invoice imported with its result line by line, the invoice then «Оплачен»; on a phone as cards,
 *    without sideways scrolling;
 *  - the invoice's signed PDF; «Записать платёж» with a wrong ИНН named under its field, fixed and recorded;
 *    «Акт сверки» for the producer: invoices and payments of the period, the overpayment, kept in the address;
 *  - «Аналитика» of the producer: the monthly chart and tables, a filter kept in the address (survives a
 *    reload), on a phone without sideways scrolling.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { useBrowserServer } from './server.js';
import { newPage, signIn } from './browser.js';
import { chargeLoads } from '../../src/features/money/charges.js';

const real = new Date();
const prevMonth = (() => {
  const t = real.getUTCFullYear() * 12 + real.getUTCMonth() - 1;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
})();

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

function statement(d: { n: string; date: string; sum: string; payerInn: string; payer: string; recvInn: string; recv: string; purpose: string }): Buffer {
  const lines = [
    '1CClientBankExchange', 'ВерсияФормата=1.03', 'Кодировка=Windows', 'Отправитель=Бухгалтерия предприятия', 'Получатель=',
    `ДатаНачала=${d.date}`, `ДатаКонца=${d.date}`, 'РасчСчет=40702810938000012345', 'Документ=Платежное поручение',
    'СекцияДокумент=Платежное поручение', `Номер=${d.n}`, `Дата=${d.date}`, `Сумма=${d.sum}`, 'ПлательщикСчет=40702810400000001111',
    `Плательщик=ИНН ${d.payerInn} ${d.payer}`, `ПлательщикИНН=${d.payerInn}`, `Плательщик1=${d.payer}`,
    'ПолучательСчет=40702810938000012345', `Получатель=ИНН ${d.recvInn} ${d.recv}`, `ПолучательИНН=${d.recvInn}`, `Получатель1=${d.recv}`,
    'ВидОплаты=01', `НазначениеПлатежа=${d.purpose}`, `ДатаПоступило=${d.date}`, 'КонецДокумента', 'КонецФайла', '',
  ];
  return iconv.encode(lines.join('\r\n'), 'win1251');
}

describe('money and analytics pages (issue 14)', () => {
  const env = useBrowserServer({ trips: 60 });

  it('«Расчёты»: act and invoice, signed PDF, 1C statement with its result by line, paid; phone as cards', async () => {
    const { ctx } = env.server;
    const orgOf = async (email: string) =>
      (await sql<{ id: string; inn: string; name: string }>`select o.id, o.inn, o.name from memberships m join persons p on p.id = m.person_id join organizations o on o.id = m.organization_id where p.email = ${email} and m.revoked_at is null limit 1`.execute(ctx.db)).rows[0];
    const facility = await orgOf('facility@ossig.test');
    const producer = await orgOf('producer@ossig.test');
    const base = (
      await sql<{ permit_id: string; site_id: string; carrier_id: string; vehicle_id: string; facility_object_id: string | null; waste_code: string }>`
        select t.permit_id, t.site_id, t.carrier_id, t.vehicle_id, t.facility_object_id, w.waste_code
          from trips t join sites s on s.id = t.site_id join permit_waste_types w on w.permit_id = t.permit_id
         where t.facility_id = ${facility.id} and s.producer_id = ${producer.id} order by w.waste_code limit 1`.execute(ctx.db)
    ).rows[0];
    expect(base, 'a demo trip of the producer to the facility').toBeTruthy();
    // The facility's tariff for the code: 1 234,56 ₽ per m³.
    await sql`insert into tariffs (facility_id, waste_code, unit, price_kop, valid_from) values (${facility.id}, ${base.waste_code}, 'm3', 123456, '2020-01-01')`.execute(ctx.db);
    const ids: number[] = [];
    for (const [day, volume] of [['03', '10.00'], ['17', '7.50']] as const) {
      const at = new Date(`${prevMonth}-${day}T08:00:00Z`);
      const r = await sql<{ id: number }>`
        insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, receipt_status, received_at, source)
        values (${base.permit_id}, ${base.site_id}, ${base.carrier_id}, ${base.vehicle_id}, ${facility.id}, ${base.facility_object_id}, ${base.waste_code},
                ${new Date(at.getTime() - 3_600_000)}, ${at}, ${volume}, '12.000', 'confirmed', ${new Date(at.getTime() + 600_000)}, 'api') returning id`.execute(ctx.db);
      ids.push(Number(r.rows[0].id));
    }
    await ctx.db.transaction().execute((trx) => chargeLoads(trx, ids));

    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'facility@ossig.test');
    const ordered = await page.evaluate(async (month) => (await fetch('/api/acts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ month }) })).status, prevMonth);
    expect(ordered).toBe(202);
    const inv = (await sql<{ number: string; total: string }>`select number, (total_kop / 100.0)::numeric(14,2)::text as total from invoices where facility_id = ${facility.id} and payer_id = ${producer.id} order by created_at desc limit 1`.execute(ctx.db)).rows[0];
    const rub = (v: string) => `${Number(v.split('.')[0]).toLocaleString('ru-RU')},${v.split('.')[1]} ₽`;

    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Расчёты' }).click();
    await page.getByRole('heading', { level: 1, name: 'Расчёты' }).waitFor();
    const invoices = page.getByRole('region', { name: 'Счета' });
    const row = invoices.getByRole('row').filter({ hasText: `№ ${inv.number}` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(rub(inv.total));
    await expect(row.getByText('Ожидает оплаты').isVisible()).resolves.toBe(true);

    // The act's files are signed by the worker; then its PDF downloads.
    const acts = page.getByRole('region', { name: 'Акты оказанных услуг' });
    const pdf = acts.getByRole('link', { name: /: PDF$/ }).first();
    await pdf.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // A 1C statement paying the invoice: the result by line, the invoice paid.
    const file = statement({ n: '731', date: `28.${prevMonth.slice(5, 7)}.${prevMonth.slice(0, 4)}`, sum: inv.total, payerInn: producer.inn, payer: producer.name, recvInn: facility.inn, recv: facility.name, purpose: `Оплата по счёту № ${inv.number}, в т.ч. НДС` });
    const bank = page.getByRole('region', { name: 'Банковская выписка' });
    await bank.locator('input[type=file]').setInputFiles({ name: 'kl_to_1c.txt', mimeType: 'text/plain', buffer: file });
    const result = bank.getByLabel('Результат загрузки выписки');
    await result.getByText('сопоставлено: 1').waitFor();
    await result.getByText(`Сопоставлен · счёт № ${inv.number}`).waitFor();
    await row.getByText('Оплачен', { exact: true }).waitFor();

    // Phone: cards, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Расчёты' }).waitFor();
    await page.getByRole('region', { name: 'Счета' }).getByRole('article').first().waitFor();
    await expect(page.getByRole('region', { name: 'Счета' }).getByRole('article').first().textContent()).resolves.toContain(`№ ${inv.number}`);
    await expect(noSidewaysScroll(page)).resolves.toBe(true);
    await context.close();
  });

  it('«Записать платёж» and «Акт сверки»: a wrong field named in Russian under it, fixed, recorded; the act of the period with the invoice PDF beside', async () => {
    const { ctx } = env.server;
    const producer = (await sql<{ id: string; inn: string }>`select o.id, o.inn from memberships m join persons p on p.id = m.person_id join organizations o on o.id = m.organization_id where p.email = 'producer@ossig.test' and m.revoked_at is null limit 1`.execute(ctx.db)).rows[0];
    const inv = (await sql<{ number: string }>`select number from invoices where payer_id = ${producer.id} order by created_at desc limit 1`.execute(ctx.db)).rows[0];
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'facility@ossig.test');
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Расчёты' }).click();
    // The invoice's own signed PDF, made by the worker.
    const invPdf = page.getByRole('region', { name: 'Счета' }).getByRole('link', { name: `Счёт № ${inv.number}: PDF`, exact: true });
    await invPdf.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), invPdf.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    await page.getByRole('link', { name: 'Записать платёж' }).click();
    await page.getByRole('heading', { level: 1, name: 'Записать платёж' }).waitFor();
    const inn = page.getByRole('textbox', { name: 'ИНН плательщика' });
    await inn.fill('1234567890');
    await page.getByRole('textbox', { name: 'Сумма, ₽' }).fill('1 500,25');
    await page.getByRole('textbox', { name: 'Номер платёжного документа' }).fill('88');
    await page.getByRole('button', { name: 'Записать платёж' }).click();
    await page.getByText(/^ИНН плательщика: /).first().waitFor();
    await expect(inn.getAttribute('aria-invalid')).resolves.toBe('true');
    await inn.fill(producer.inn);
    await page.getByRole('button', { name: 'Записать платёж' }).click();
    await page.getByRole('heading', { level: 1, name: 'Расчёты' }).waitFor();
    await page.getByText('Платёж № 88 записан').waitFor();

    await page.getByRole('link', { name: 'Акт сверки' }).click();
    await page.getByRole('heading', { level: 1, name: 'Акт сверки' }).waitFor();
    await page.getByRole('button', { name: 'Сформировать акт сверки' }).click();
    await page.getByText('Контрагент: выберите организацию').waitFor();
    await page.getByRole('combobox', { name: 'Контрагент' }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Сформировать акт сверки' }).click();
    const act = page.getByRole('region', { name: 'Акт сверки взаимных расчётов' });
    await act.getByText(`Счёт № ${inv.number}`).waitFor();
    await act.getByText('Оплата, п/п № 88').waitFor();
    await act.getByText('Оплата, п/п № 731').waitFor();
    // Paid in full, then 1 500,25 more: an overpayment of exactly that.
    await expect(act.getByLabel('Итог сверки').textContent()).resolves.toMatch(/^Переплата .*: 1\s500,25\s₽$/);
    // The choice is in the address: a reload shows the same act.
    expect(page.url()).toMatch(/with=.*from=.*to=/);
    await page.reload();
    await act.getByText('Оплата, п/п № 88').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(noSidewaysScroll(page)).resolves.toBe(true);
    await context.close();
  });

  it('«Расчёты» of a carrier say why they hold no invoices: the producer pays for the loads', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'carrier@ossig.test');
    await page.goto('/settlements');
    const note = page.getByTestId('carrier-settlements-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('оплачивает отходообразователь');
    await page.getByText('Счетов нет').waitFor();
    await context.close();
  });

  it('«Аналитика»: chart and tables, a filter kept in the address; phone', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'producer@ossig.test');
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Аналитика' }).click();
    await page.getByRole('heading', { level: 1, name: 'Аналитика' }).waitFor();
    await page.getByRole('img', { name: /Объём по месяцам/ }).waitFor();
    const codes = page.getByRole('region', { name: 'По кодам ФККО' });
    await codes.getByRole('row').nth(1).waitFor();
    const select = page.getByLabel('Код ФККО');
    const value = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(value!);
    await page.waitForURL(new RegExp(`wasteCode=${value}`));
    await page.reload();
    await page.getByRole('img', { name: /Объём по месяцам/ }).waitFor();
    await expect(page.getByLabel('Код ФККО').inputValue()).resolves.toBe(value);
    await expect(page.getByRole('link', { name: 'Выгрузить в XLSX' }).getAttribute('href')).resolves.toContain(`wasteCode=${value}`);
    await page.getByRole('button', { name: 'Таблица в CSV' }).click();
    await expect(page.getByRole('menuitem', { name: 'По округам' }).count()).resolves.toBe(0);
    const csv = await page.getByRole('menuitem', { name: 'По кодам ФККО' }).getAttribute('href');
    expect(csv).toContain(`wasteCode=${value}`);
    const file = await page.request.get(csv!);
    expect(file.status()).toBe(200);
    expect((await file.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Код ФККО;Вид отходов;Рейсов;Объём, м³;Принято, м³;Масса, т');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('img', { name: /Объём по месяцам/ }).waitFor();
    await expect(noSidewaysScroll(page)).resolves.toBe(true);
    await context.close();
  });
});
