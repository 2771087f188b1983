/**
 * Owners' general meetings (issue 15) in a real browser, as manager@ossig.test:
 * on a desktop, the meeting in progress → its stages → «4. Подсчет голосов»:
 * a decision entered for an owner, the live count moves, the stage marked
 * done → «5.»: chair and secretary, «Сформировать протокол», the signed PDF
 * downloaded and read; on a phone, the completed demo meeting → its protocol
 * downloaded, and stage 6 shows «Загружен» from the ГИС ЖКХ simulator.
 */
import { describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { extractText } from 'unpdf';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';

async function textOf(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return (await extractText(new Uint8Array(Buffer.concat(chunks)), { mergePages: true })).text.replace(/\s+/g, ' ');
}

describe('owners’ meetings (issue 15)', () => {
  const env = useBrowserServer({ trips: 0 });

  it('desktop: open the meeting → stages → counting → protocol, downloaded', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'manager@ossig.test');
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Собрания собственников' }).click();
    const card = page.getByRole('list', { name: 'Собрания' }).locator('li').filter({ hasText: 'ул. Вавилова, д. 21' }).first();
    await card.getByRole('link', { name: 'Открыть' }).click();
    const stages = page.getByRole('navigation', { name: 'Этапы ОСС' });
    await stages.waitFor();
    await expect(stages.getByRole('checkbox', { name: /^3\. .*: выполнен$/ }).isChecked()).resolves.toBe(true);
    await stages.getByRole('link', { name: '4. Подсчет голосов' }).click();
    await page.getByRole('heading', { level: 1, name: /4\. Подсчет голосов/ }).waitFor();

    const status = page.getByRole('region', { name: 'Итоги голосования' }).getByRole('status');
    await expect(status.textContent()).resolves.toMatch(/Приняли участие 6 из 13 собственников/);
    await page.getByLabel('Помещение или собственник').fill('Белов');
    const owner = page.getByRole('article', { name: /^Собственник Белов/ });
    await owner.getByRole('button', { name: 'Внести решение' }).click();
    for (const group of await owner.getByRole('radiogroup').all()) await group.getByRole('radio', { name: 'За' }).check();
    await shot(page, 'browser-meetings-1-ballot');
    await owner.getByRole('button', { name: 'Сохранить решение' }).click();
    await owner.getByText(/^Решение внесено/).waitFor();
    await page.getByRole('region', { name: 'Итоги голосования' }).getByText(/Приняли участие 7 из 13 собственников/).waitFor();
    await page.getByRole('button', { name: 'Этап выполнен' }).click();
    await page.getByRole('button', { name: 'Снять отметку о выполнении' }).waitFor();

    await page.getByRole('link', { name: '← К списку этапов ОСС' }).first().click();
    await stages.getByRole('link', { name: '5. Формирование и отправка протокола ОСС' }).click();
    const protocol = page.getByRole('region', { name: 'Протокол' });
    await protocol.getByRole('button', { name: 'Сформировать протокол' }).click();
    await protocol.getByText('Председатель собрания: укажите фамилию, имя и отчество').waitFor();
    await protocol.getByLabel('Председатель собрания').fill('Сидоров Пётр Алексеевич');
    await protocol.getByLabel('Секретарь собрания').fill('Орлова Елена Дмитриевна');
    await protocol.getByRole('button', { name: 'Сформировать протокол' }).click();
    const link = protocol.getByRole('link', { name: 'Скачать протокол (PDF)' });
    await link.waitFor({ timeout: 60_000 });
    await shot(page, 'browser-meetings-2-protocol');
    const [pdf] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = await textOf(pdf);
    expect(text).toMatch(/ПРОТОКОЛ № ПР-\d{4}-\d{6}/);
    expect(text).toContain('Приняли участие: 7 из 13 собственников');
    expect(text).toContain('Председатель собрания: Сидоров Пётр Алексеевич');
    for (let i = 1; i <= 4; i++) expect(text).toMatch(new RegExp(`Решение по вопросу ${i}: РЕШЕНИЕ (НЕ )?ПРИНЯТО`));
    await expect(protocol.getByText(/^Код проверки/).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('phone: the completed meeting, its protocol and the ГИС ЖКХ simulator’s «Загружен»', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'manager@ossig.test');
    await page.goto('/meetings?tab=completed');
    await page.getByRole('list', { name: 'Собрания' }).getByRole('link', { name: 'Открыть' }).first().click();
    await page.getByText('Собрание проведено', { exact: true }).first().waitFor();
    const stages = page.getByRole('navigation', { name: 'Этапы ОСС' });
    await stages.getByRole('link', { name: '5. Формирование и отправка протокола ОСС' }).click();
    const link = page.getByRole('region', { name: 'Протокол' }).getByRole('link', { name: 'Скачать протокол (PDF)' });
    await link.waitFor();
    await shot(page, 'browser-meetings-3-phone-protocol');
    const [pdf] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = await textOf(pdf);
    expect(text).toContain('Установка системы контроля доступа во дворе');
    expect(text).toContain('Приняли участие: 45 из 64 собственников');
    await page.getByRole('link', { name: '← К списку этапов ОСС' }).first().click();
    await stages.getByRole('link', { name: '6. Загрузка протокола ОСС в ГИС ЖКХ' }).click();
    const gis = page.getByRole('region', { name: 'Загрузка протокола в ГИС' });
    await gis.getByText('Загружен', { exact: true }).waitFor();
    await expect(page.getByText(/режиме симулятора/).first().isVisible()).resolves.toBe(true);
    await shot(page, 'browser-meetings-4-phone-gis');
    await context.close();
  });
});
