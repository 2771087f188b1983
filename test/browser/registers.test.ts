/**
 * The registers in a real browser: the producer registers a site (a wrong
 * кадастровый номер first shows the server's message under its field), sees
 * its card and history; the carrier registers a vehicle on a phone-sized
 * screen (390×844, no sideways scrolling) and finds it in the register.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';
import { fillSiteForm, fillVehicleForm, noSidewaysScroll } from './steps.js';

describe('registers in the cabinet', () => {
  const env = useBrowserServer({ trips: 50 });

  it('the producer registers a site at 1440×900: field messages, the card, the history', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'producer@ossig.test');
    const form = await fillSiteForm(page, {
      name: 'Детский сад на 220 мест',
      address: 'г. Москва, ул. Академика Янгеля, вл. 3',
      cadastral: '77:5:0001:1',
      kind: 'construction',
      document: 'building_permit',
      documentNumber: '77-226000-015501-2026',
      documentDate: '12.01.2026',
      plannedStart: '01.02.2026',
      plannedEnd: '30.09.2027',
    });
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
    const form = await fillVehicleForm(page, { plate: 'м 512 ор 799', terminal: 'GLN-5120', make: 'Volvo', model: 'FMX 8x4', volume: '18,5', capacity: '32' });
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
    const again = await fillVehicleForm(page, { plate: 'М512ОР799', terminal: 'GLN-5121', make: 'Volvo', model: 'FMX', volume: '18', capacity: '30' });
    await again.getByRole('button', { name: 'Внести в реестр' }).click();
    await again.getByText('Госномер ТС: М512ОР799 уже есть в вашем реестре').waitFor();
    await context.close();
  });
});
