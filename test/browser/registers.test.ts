/**
 * The registers in a real browser: the producer registers a site (a wrong
 * кадастровый номер first shows the server's message under its field), sees
 * its card and history; the carrier registers a vehicle on a phone-sized
 * screen (390×844, no sideways scrolling) and finds it in the register.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';

async function noSidewaysScroll(page: Page, name: string) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(wide, `${name}: the page scrolls sideways by ${wide}px`).toBeLessThanOrEqual(1);
}

async function fillDate(page: Page, label: string, value: string) {
  const input = page.getByRole('textbox', { name: label });
  await input.fill(value);
  await input.press('Tab');
}

describe('registers in the cabinet', () => {
  const env = useBrowserServer({ trips: 50 });

  it('the producer registers a site at 1440×900: field messages, the card, the history', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'producer@ossig.test');
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Объекты' }).click();
    await page.getByRole('heading', { name: 'Объекты образования ОСС' }).waitFor();
    await page.getByRole('button', { name: 'Внести объект' }).click();
    const form = page.getByRole('form', { name: 'Новый объект образования ОСС' });
    await form.getByLabel('Наименование').fill('Детский сад на 220 мест');
    await form.getByLabel('Адрес').fill('г. Москва, ул. Академика Янгеля, вл. 3');
    await form.getByRole('textbox', { name: 'Кадастровый номер 1' }).fill('77:5:0001:1');
    await form.getByLabel('Вид работ').selectOption('construction');
    await form.getByLabel('Разрешительный документ').selectOption('building_permit');
    await form.getByLabel('Номер документа').fill('77-226000-015501-2026');
    await fillDate(page, 'Дата документа', '12.01.2026');
    await fillDate(page, 'Плановое начало работ', '01.02.2026');
    await fillDate(page, 'Плановое окончание работ', '30.09.2027');
    await form.getByRole('button', { name: 'Внести в реестр' }).click();
    await form.getByText(/Кадастровый номер «77:5:0001:1»: должен иметь вид/).waitFor();
    await shot(page, 'registers-site-error');
    await form.getByRole('textbox', { name: 'Кадастровый номер 1' }).fill('77:05:0001001:15');
    await form.getByRole('button', { name: 'Внести в реестр' }).click();
    await page.getByRole('heading', { name: 'Детский сад на 220 мест' }).waitFor();
    await expect(page.getByText('77:05:0001001:15').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Разрешение на строительство № 77-226000-015501-2026 от 12\.01\.2026/).isVisible()).resolves.toBe(true);
    await page.getByRole('tab', { name: 'История изменений' }).click();
    await page.getByRole('table', { name: 'История изменений' }).getByText('Внесено в реестр').waitFor();
    await shot(page, 'registers-site-card');
    await context.close();
  });

  it('the carrier registers a vehicle at 390×844 and finds it in «Транспортные средства»', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'carrier@ossig.test');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/vehicles');
    await page.getByRole('heading', { name: 'Транспортные средства' }).waitFor();
    await noSidewaysScroll(page, 'vehicles');
    await page.getByRole('button', { name: 'Внести ТС' }).click();
    const form = page.getByRole('form', { name: 'Новое транспортное средство' });
    await form.getByLabel('Госномер ТС').fill('м 512 ор 799');
    await form.getByLabel('Номер терминала ГЛОНАСС/GPS').fill('GLN-5120');
    await form.getByLabel('Марка').fill('Volvo');
    await form.getByLabel('Модель').fill('FMX 8x4');
    await form.getByLabel('Объём кузова, м³').fill('18,5');
    await form.getByLabel('Грузоподъёмность, т').fill('32');
    await noSidewaysScroll(page, 'vehicle form');
    await shot(page, 'registers-vehicle-form-390');
    await form.getByRole('button', { name: 'Внести в реестр' }).click();
    await page.getByRole('heading', { name: 'М512ОР799' }).waitFor();
    await noSidewaysScroll(page, 'vehicle card');
    await page.getByRole('table', { name: 'История изменений' }).getByText('Внесено в реестр').waitFor();
    await page.goto('/vehicles');
    await page.getByLabel('Поиск ТС').fill('512');
    await page.getByRole('table', { name: 'Транспортные средства' }).getByRole('link', { name: 'М512ОР799' }).waitFor();
    await shot(page, 'registers-vehicles-390');
    // The same plate again is refused with the server's message under the field.
    await page.getByRole('button', { name: 'Внести ТС' }).click();
    const again = page.getByRole('form', { name: 'Новое транспортное средство' });
    await again.getByLabel('Госномер ТС').fill('М512ОР799');
    await again.getByLabel('Номер терминала ГЛОНАСС/GPS').fill('GLN-5121');
    await again.getByLabel('Марка').fill('Volvo');
    await again.getByLabel('Модель').fill('FMX');
    await again.getByLabel('Объём кузова, м³').fill('18');
    await again.getByLabel('Грузоподъёмность, т').fill('30');
    await again.getByRole('button', { name: 'Внести в реестр' }).click();
    await again.getByText('Госномер ТС: М512ОР799 уже есть в вашем реестре').waitFor();
    await context.close();
  });
});
