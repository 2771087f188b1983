/**
 * Trips from trackers in a real browser: the carrier finds the demo's trips formed from its trucks'
 * tracks in «Трекеры» and opens one — its route on the map (Leaflet over the tiles of the configured
 * server, here a local one) with the site's and the facility's boundaries, also when no tile loads; the operator, on a phone-sized screen, closes a case of the review list with a
 * reason and sees the unknown terminal; the producer draws its site's boundary by clicking on the map,
 * drags a vertex with the mouse (the saved boundary has it where it was dropped), adds a vertex to it,
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
    const map = page.getByRole('region', { name: /^Маршрут .*точек трека/ });
    await map.waitFor();
    await expect.poll(() => map.locator('path.map-track').count()).toBe(1);
    expect(await map.locator('path.map-site').count(), 'the site’s boundary').toBe(1);
    expect(await map.locator('path.map-facility').count(), 'the facility’s boundary').toBe(1);
    expect(await map.locator('path.map-track').getAttribute('d')).toMatch(/^M[\d.-]+ [\d.-]+L/);
    // The base map: tiles asked from the configured server, and shown.
    const tiles = env.server.tiles!;
    await expect.poll(() => map.locator('img.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    const srcs = await map.locator('img.leaflet-tile').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    const origin = new URL(tiles.template.replace(/\{[a-z]\}/g, '0')).origin;
    expect(srcs.every((s) => s.startsWith(`${origin}/tiles/`)), srcs.join(', ')).toBe(true);
    expect(tiles.requests.some((r) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(r))).toBe(true);
    await map.getByText('Плитки теста').waitFor();
    // The tile server down: the route and the boundaries are still drawn, and the page says what is missing.
    const detectionUrl = page.url();
    tiles.failing = true;
    try {
      await page.goto(detectionUrl);
      const bare = page.getByRole('region', { name: /^Маршрут .*точек трека/ });
      await bare.waitFor();
      await page.getByText('Подложка карты не загрузилась').waitFor();
      expect(await bare.locator('img.leaflet-tile-loaded').count()).toBe(0);
      expect(await bare.locator('path.map-track').count()).toBe(1);
      expect(await bare.locator('path.map-area').count()).toBe(2);
    } finally {
      tiles.failing = false;
    }
    await page.goto(detectionUrl);
    await page.getByRole('region', { name: /^Маршрут .*точек трека/ }).locator('img.leaflet-tile-loaded').first().waitFor();
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
    const map = card.getByRole('region', { name: /^Рисование границы/ });
    const box = (await map.boundingBox())!;
    for (const [fx, fy] of [[0.3, 0.3], [0.7, 0.3], [0.7, 0.7], [0.3, 0.7]]) {
      await page.mouse.click(box.x + box.width * fx!, box.y + box.height * fy!);
      await page.waitForTimeout(350); // Leaflet takes two quick clicks for a double click
    }
    await card.getByRole('region', { name: 'Рисование границы: вершин 4' }).waitFor();
    expect(await card.getByRole('button', { name: /^Вершина \d$/ }).count(), 'the vertices are handles').toBe(4);
    await card.getByRole('button', { name: 'Сохранить границу' }).click();
    await card.getByRole('button', { name: 'Нарисовать заново' }).waitFor(); // saved: the drawing closed
    await card.getByText('многоугольник; вершин: 4').waitFor();
    const saved = card.getByRole('region', { name: /^Граница объекта «/ });
    expect(await saved.locator('path.map-boundary').count(), 'the saved boundary is drawn on the map').toBe(1);
    await shot(page, 'telemetry-boundary');
    const siteId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = () =>
      page.evaluate(async (id) => {
        const r = await fetch(`/api/sites/${id}/boundary`);
        return ((await r.json()) as { boundary: { coordinates: number[][][] } | null }).boundary!.coordinates[0]!;
      }, siteId);
    const drawnRing = await stored();
    expect(drawnRing).toHaveLength(5); // closed: the first vertex again at the end
    // Dragging a vertex with the mouse moves it; saved, the boundary has it where it was dropped.
    await card.getByRole('button', { name: 'Изменить' }).click();
    await card.getByRole('region', { name: 'Рисование границы: вершин 4' }).waitFor();
    const handle = (await card.getByRole('button', { name: 'Вершина 1' }).boundingBox())!;
    const [hx, hy] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
    await page.mouse.move(hx, hy);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(hx + 5 * i, hy + 4 * i); // 40 px right, 32 px down
    await page.mouse.up();
    await expect.poll(async () => {
      const b = (await card.getByRole('button', { name: 'Вершина 1' }).boundingBox())!;
      return Math.round(b.x + b.width / 2 - hx);
    }).toBe(40);
    await card.getByRole('region', { name: 'Рисование границы: вершин 4' }).waitFor(); // a drag adds no vertex
    await card.getByRole('button', { name: 'Сохранить границу' }).click();
    await card.getByRole('button', { name: 'Нарисовать заново' }).waitFor();
    await expect.poll(async () => JSON.stringify(await stored())).not.toBe(JSON.stringify(drawnRing));
    const dragged = await stored();
    expect(dragged).toHaveLength(5);
    const moved = dragged.filter((p, i) => p[0] !== drawnRing[i]![0] || p[1] !== drawnRing[i]![1]);
    // The first vertex (also closing the ring) moved east and south; the other three stayed.
    expect(moved).toHaveLength(2);
    expect(dragged.slice(1, 4)).toEqual(drawnRing.slice(1, 4));
    expect(dragged[0]![0]).toBeGreaterThan(drawnRing[0]![0]!);
    expect(dragged[0]![1]).toBeLessThan(drawnRing[0]![1]!);
    // Editing: the same contour, one vertex more.
    await card.getByRole('button', { name: 'Изменить' }).click();
    await card.getByRole('region', { name: 'Рисование границы: вершин 4' }).waitFor();
    const box2 = (await card.getByRole('region', { name: /^Рисование границы/ }).boundingBox())!;
    await page.mouse.click(box2.x + 8, box2.y + box2.height * 0.5); // left of the contour, between its first and last vertex
    await card.getByRole('region', { name: 'Рисование границы: вершин 5' }).waitFor();
    await card.getByRole('button', { name: 'Сохранить границу' }).click();
    await card.getByText('многоугольник; вершин: 5').waitFor();
    await page.getByRole('tab', { name: 'История изменений' }).click();
    await page.getByRole('table', { name: 'История изменений' }).getByText('Граница').first().waitFor();
    await context.close();
  });
});
