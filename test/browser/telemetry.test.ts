/**
 * Trips from trackers in a real browser: the carrier finds the demo's trips formed from its trucks'
 * tracks in «Трекеры» and opens one — its route on the plain SVG map with the site's and the
 * facility's boundaries; the operator, on a phone-sized screen, closes a case of the review list with a
 * reason and sees the unknown terminal; the producer draws its site's boundary by clicking on the map
 * and finds the change in the site's history.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';

async function noSidewaysScroll(page: Page, name: string) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(wide, `${name}: the page scrolls sideways by ${wide}px`).toBeLessThanOrEqual(1);
}

describe('trips from trackers in the cabinet', () => {
  const env = useBrowserServer({ trips: 50 });

  it('the carrier opens a trip formed from its truck’s track and sees its route between the boundaries', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'carrier@ossig.test');
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Трекеры' }).click();
    await page.getByRole('heading', { name: 'Трекеры' }).waitFor();
    const table = page.getByRole('table', { name: 'Рейсы по трекерам' });
    await table.waitFor();
    await table.getByText('Сформирован по трекеру').first().waitFor();
    await table.getByRole('link', { name: /^№ \d+$/ }).first().click();
    await page.getByRole('heading', { name: /^Рейс по данным трекера № \d+$/ }).waitFor();
    const map = page.getByRole('img', { name: /^Маршрут / });
    await map.waitFor();
    expect(await map.locator('polyline').count()).toBe(1);
    expect(await map.locator('path').count()).toBeGreaterThanOrEqual(2); // the site's and the facility's boundaries
    expect(await map.locator('polyline').getAttribute('points')).toMatch(/^[\d.]+,[\d.]+ /);
    await shot(page, 'telemetry-detection');
    await context.close();
  });

  it('the operator, at 390×844, closes a review case with a reason and sees the unknown terminal', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'operator@ossig.test');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/telemetry?tab=reviews');
    const cases = page.getByRole('table', { name: 'Случаи на проверке' });
    await cases.waitFor();
    const before = await cases.getByRole('row').count();
    await cases.getByText('Возможный несанкционированный сброс').first().waitFor();
    await cases.getByRole('button', { name: 'Закрыть' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Закрыть случай' });
    await dialog.getByLabel('Причина').fill('Выгрузка на временной площадке по согласованию');
    await dialog.getByRole('button', { name: 'Закрыть случай' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await cases.isVisible()) ? cases.getByRole('row').count() : 1).toBeLessThan(before);
    await noSidewaysScroll(page, 'review list');
    await page.getByRole('tab', { name: 'Неизвестные терминалы' }).click();
    await page.getByRole('table', { name: 'Неизвестные терминалы' }).getByText('869999').waitFor();
    await noSidewaysScroll(page, 'unknown terminals');
    await shot(page, 'telemetry-terminals-phone');
    await context.close();
  });

  it('the producer draws its site’s boundary on the map and finds the change in the history', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'producer@ossig.test');
    await page.goto('/sites');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('tab', { name: 'Граница' }).click();
    const card = page.getByRole('region', { name: 'Граница объекта' });
    await card.getByRole('button', { name: /^Нарисовать/ }).click();
    const map = card.getByRole('img', { name: /^Рисование границы/ });
    const box = (await map.boundingBox())!;
    for (const [fx, fy] of [[0.3, 0.3], [0.7, 0.3], [0.7, 0.7], [0.3, 0.7]]) await page.mouse.click(box.x + box.width * fx!, box.y + box.height * fy!);
    await card.getByRole('img', { name: 'Рисование границы: вершин 4' }).waitFor();
    await card.getByRole('button', { name: 'Сохранить границу' }).click();
    await card.getByRole('button', { name: 'Нарисовать заново' }).waitFor(); // saved: the drawing closed
    await card.getByText('многоугольник; вершин: 4').waitFor();
    await shot(page, 'telemetry-boundary');
    await page.getByRole('tab', { name: 'История изменений' }).click();
    await page.getByRole('table', { name: 'История изменений' }).getByText('Граница').first().waitFor();
    await context.close();
  });
});
