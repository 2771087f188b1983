/**
 * Seed 000 in a real browser: the producer orders «сведения о результатах
 * перемещения ОСС» through «Госуслуги и функции» → «Возможности», fills the
 * task's form (site, period, permits), watches the progress, opens the
 * notification task, downloads the signed PDF and confirms the task; the
 * statement stays in the site's card.
 */
import { describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';
import { STATEMENT_READY_TASK as READY_TASK, openTask, orderStatement } from './steps.js';

/** `YYYY-MM-DD` of Moscow today, shifted by days, as `dd.mm.yyyy`. */
function moscowDate(shiftDays: number): string {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(Date.now() + shiftDays * 86_400_000));
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

describe('statement flow (seed 000)', () => {
  const env = useBrowserServer({ trips: 400 });

  it('orders a statement, downloads the signed PDF and confirms the notification', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'producer@ossig.test');

    // 1–3. «Госуслуги и функции» → «Возможности» → the function → «Подтвердить»; the task's form:
    // the site, the period, the permits with movement in it and the plain notice about trips not formed yet.
    const statementId = await orderStatement(page, {
      site: /Профсоюзная/,
      from: moscowDate(-60),
      to: moscowDate(0),
      beforeSubmit: async () => {
        const notice = page.getByRole('status').filter({ hasText: 'ещё не' });
        await expect(notice.textContent()).resolves.toMatch(/время формирования рейса — 27 часов после его завершения; (они|он) сформиру/);
        await shot(page, 'browser-statement-2-form');
      },
    });

    // 4. Progress; the page may be closed.
    await page.getByText('Страницу можно закрыть').or(page.getByText('Сведения сформированы')).first().waitFor();
    await shot(page, 'browser-statement-3-progress');
    await page.getByText(/Сведения сформированы/).waitFor({ timeout: 150_000 });

    // 5. The notification task: download the files, «Подтвердить».
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Рабочий стол' }).click();
    await openTask(page, READY_TASK);
    await page.getByRole('heading', { name: READY_TASK, level: 1 }).waitFor();
    await page.getByRole('link', { name: /Скачать PDF/ }).waitFor();
    await shot(page, 'browser-statement-4-ready');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Скачать PDF/ }).click()]);
    const pdfBytes = await bytesOf(pdf);
    expect(pdfBytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

    const [sig] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Скачать подпись PDF/ }).click()]);
    const sigBytes = await bytesOf(sig);
    expect(sigBytes.length).toBeGreaterThan(100);
    expect(sigBytes[0]).toBe(0x30); // DER SEQUENCE

    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByText('Задача выполнена').waitFor();
    await page.goto('/services?tab=tasks');
    await page.getByRole('heading', { name: 'Мои задачи' }).waitFor();
    await expect(page.getByRole('list', { name: 'Мои задачи' }).getByRole('link', { name: READY_TASK }).count()).resolves.toBe(0);

    // 6. The statement stays in the site's card.
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Объекты' }).click();
    await page.getByRole('table', { name: 'Объекты образования ОСС' }).getByRole('link', { name: /Профсоюзная/ }).click();
    await page.getByRole('tab', { name: 'Сведения о результатах перемещения ОСС' }).click();
    const statements = page.getByRole('table', { name: 'Сформированные сведения' });
    await statements.waitFor();
    await expect(statements.locator(`a[href="/api/statements/${statementId}/files/pdf"]`).count()).resolves.toBe(1);
    await shot(page, 'browser-statement-5-site-card');
    await context.close();
  });
});
