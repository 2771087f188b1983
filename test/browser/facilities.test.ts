/**
 * The receiving facilities' register and the operator's registers in a real
 * browser: the facility organization sees its facility's card (codes,
 * permits, history) on a phone (390×844, no sideways scrolling); the operator
 * finds the facility in «Реестры» at 1440×900 and suspends it with a reason;
 * the facility organization then sees why on the card.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';
import { noSidewaysScroll } from './steps.js';

const NAME = 'Комплекс переработки строительных отходов «Сосенское»';

describe('receiving facilities and the operator’s registers in the cabinet', () => {
  const env = useBrowserServer({ trips: 30 });

  it('the facility organization opens its facility at 390×844: codes, permits, history', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'facility@ossig.test');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/facilities');
    await page.getByRole('heading', { name: 'Объекты приёма' }).waitFor();
    await page.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { name: NAME }).waitFor();
    await page.getByRole('table', { name: 'Принимаемые коды ФККО' }).waitFor();
    await page.getByRole('table', { name: 'Разрешения' }).waitFor();
    await page.getByRole('region', { name: 'История изменений' }).waitFor();
    await noSidewaysScroll(page, 'facility card');
    await shot(page, 'registers-facility-card-phone');
    await context.close();
  });

  it('the operator suspends the facility from «Реестры» at 1440×900 with a reason; its organization sees why', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'operator@ossig.test');
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Реестры' }).click();
    await page.getByRole('heading', { name: 'Реестры' }).waitFor();
    await page.getByRole('tab', { name: 'Объекты приёма' }).click();
    // The demo's suspended facility is already marked.
    await page.getByRole('table', { name: 'Объекты приёма' }).getByText('Доступ приостановлен').first().waitFor();
    await page.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { name: NAME }).waitFor();
    await page.getByRole('button', { name: 'Приостановить доступ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Причина').fill('Проверка в браузере: предписание № 7');
    await dialog.getByRole('button', { name: 'Приостановить доступ' }).click();
    await page.getByText('Доступ объекта приёма приостановлен оператором').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Восстановить доступ' }).waitFor();
    await shot(page, 'registers-facility-suspended');
    await context.close();

    const owner = await newPage(env.browser, env.server.url);
    await signIn(owner.page, 'facility@ossig.test');
    await owner.page.goto('/facilities');
    await owner.page.getByRole('link', { name: NAME }).click();
    await owner.page.getByText(/Причина: Проверка в браузере: предписание № 7/).waitFor();
    await owner.context.close();
  });
});
