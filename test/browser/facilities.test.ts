/**
 * The receiving facilities' register and the operator's registers in a real
 * browser: the facility organization sees its facility's card (codes,
 * permits, history) on a phone (390×844, no sideways scrolling); the operator
 * finds the facility in «Реестры» at 1440×900 and suspends it with a reason;
 * the facility organization then sees why on the card; the facility
 * organization takes a facility nothing names off the register («Снять с
 * учёта») and finds it under «Архив»; the operator revokes a permit from its
 * page with a reason and everyone sees when and why.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';
import { noSidewaysScroll, openSection } from './steps.js';

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

  it('the facility organization takes a facility nothing names off the register and finds it under «Архив»', async () => {
    const db = env.server.ctx.db;
    const org = await db.selectFrom('organizations').select('id').where('email', '=', 'info@facility.ossig.test').executeTakeFirstOrThrow();
    await db
      .insertInto('facilities')
      .values({
        organization_id: org.id,
        number: sql<string>`'ОП-' || lpad(nextval('facility_number_seq')::text, 6, '0')`,
        name: 'Площадка временного накопления «Южная»',
        address: 'г. Москва, пос. Сосенское, вл. 9',
        kind: 'processing',
        daily_capacity_t: '300',
      })
      .execute();
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'facility@ossig.test');
    await openSection(page, 'Объекты приёма');
    await page.getByRole('link', { name: 'Площадка временного накопления «Южная»' }).click();
    await page.getByRole('heading', { name: 'Площадка временного накопления «Южная»' }).waitFor();
    await page.getByRole('button', { name: 'Снять с учёта' }).click();
    const dialog = page.getByRole('dialog', { name: 'Снять объект приёма с учёта' });
    await dialog.getByLabel('Причина').fill('Площадка закрыта');
    await dialog.getByRole('button', { name: 'Снять с учёта' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Объект приёма снят с учёта \d\d\.\d\d\.\d{4}/).waitFor();
    await expect(page.getByRole('button', { name: 'Изменить' }).count()).resolves.toBe(0);
    await page.getByRole('region', { name: 'История изменений' }).getByText('Площадка закрыта').waitFor();
    await shot(page, 'registers-facility-archived');
    await openSection(page, 'Объекты приёма');
    await page.getByRole('link', { name: NAME }).waitFor();
    await expect(page.getByRole('link', { name: 'Площадка временного накопления «Южная»' }).count()).resolves.toBe(0);
    await page.getByRole('radiogroup', { name: 'Какие объекты показать' }).getByText('Архив', { exact: true }).click();
    await page.getByRole('link', { name: 'Площадка временного накопления «Южная»' }).waitFor();
    await context.close();
  });

  it('the operator revokes a permit from its page with a reason; the producer sees when and why', async () => {
    const db = env.server.ctx.db;
    const permit = await db
      .selectFrom('permits as p')
      .innerJoin('organizations as o', 'o.id', 'p.producer_id')
      .select(['p.id', 'p.number'])
      .where('o.email', '=', 'info@producer.ossig.test')
      .where('p.status', '=', 'active')
      .orderBy('p.number')
      .executeTakeFirstOrThrow();
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'operator@ossig.test');
    await page.goto(`/permits/${permit.id}`);
    await page.getByRole('heading', { name: `Разрешение № ${permit.number}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Аннулировать разрешение' }).click();
    const dialog = page.getByRole('dialog', { name: `Аннулировать разрешение № ${permit.number}` });
    await dialog.getByLabel('Причина').fill('Нет');
    await dialog.getByRole('button', { name: 'Аннулировать' }).click();
    await dialog.getByRole('alert').filter({ hasText: /^Причина: / }).waitFor();
    await dialog.getByLabel('Причина').fill('Предписание ОАТИ: работы приостановлены');
    await dialog.getByRole('button', { name: 'Аннулировать' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Разрешение аннулировано оператором').waitFor();
    await expect(page.getByRole('button', { name: 'Аннулировать разрешение' }).count()).resolves.toBe(0);
    await shot(page, 'permit-revoked-operator');
    await context.close();

    const producer = await newPage(env.browser, env.server.url);
    await signIn(producer.page, 'producer@ossig.test');
    await producer.page.goto(`/permits/${permit.id}`);
    await producer.page.getByText(/Причина: Предписание ОАТИ: работы приостановлены/).waitFor();
    await expect(producer.page.getByRole('button', { name: 'Аннулировать разрешение' }).count()).resolves.toBe(0);
    await producer.context.close();
  });
});
