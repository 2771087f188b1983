/** The cabinet in a real browser: sign-in, the site card with its trips. */
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';
import { OIDC_ERROR_MESSAGES } from '../../src/features/identity/texts.js';

describe('web cabinet', () => {
  const env = useBrowserServer({ trips: 400 });

  it('refuses a wrong password with a clear Russian message', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await page.goto('/');
    await page.getByLabel('Логин').fill('producer@ossig.test');
    await page.getByLabel('Пароль').fill('wrong-Password1');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль' }).textContent()).resolves.toContain('Неверный логин или пароль');
    await shot(page, 'browser-login-error');
    await context.close();
  });

  it('after a failed external sign-in shows the server’s own message for its code, and nothing for an unknown code', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await page.goto('/login?error=oidc_unknown_person');
    const alert = page.getByRole('alert').filter({ hasText: 'Вход через внешнего провайдера не выполнен' });
    await expect(alert.textContent()).resolves.toContain(OIDC_ERROR_MESSAGES.oidc_unknown_person);
    // A code that is not ours — even one that names an Object property — shows no message.
    for (const code of ['constructor', 'oidc_nonsense']) {
      await page.goto(`/login?error=${code}`);
      await page.getByRole('button', { name: 'Войти' }).waitFor();
      await expect(page.getByRole('alert').count()).resolves.toBe(0);
    }
    await context.close();
  });

  it('signs in as the producer, opens a site card and sees its trips', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'producer@ossig.test');
    await expect(page.getByTestId('acting-organization').textContent()).resolves.toContain('СтройМонолит');
    await expect(page.getByRole('heading', { name: 'Мои задачи' }).isVisible()).resolves.toBe(true);
    await shot(page, 'browser-desktop');

    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Объекты' }).click();
    const table = page.getByRole('table', { name: 'Объекты образования ОСС' });
    await table.waitFor();
    const siteLink = table.getByRole('link').first();
    const siteName = (await siteLink.textContent())!.trim();
    await siteLink.click();
    await page.getByRole('heading', { name: siteName }).waitFor();
    await expect(page.getByText('Кадастровые номера').first().isVisible()).resolves.toBe(true);
    // Permits with utilization.
    await page.getByRole('table', { name: /Использование разрешённых объёмов/ }).first().waitFor();
    await shot(page, 'browser-site-card');

    await page.getByRole('tab', { name: 'Рейсы' }).click();
    const trips = page.getByRole('table', { name: 'Рейсы' });
    await trips.waitFor();
    const rows = trips.locator('tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThan(0);
    const total = await page.getByText(/Всего рейсов:/).textContent();
    expect(Number(total!.replace(/\D/g, ''))).toBeGreaterThan(0);
    // Every row is either formed or says when it will be.
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toMatch(/Сформирован|сформируется\s*\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await shot(page, 'browser-site-trips');

    // The next page of trips.
    const before = await rows.first().textContent();
    await page.getByRole('button', { name: 'Далее' }).first().click();
    await expect.poll(() => rows.first().textContent()).not.toBe(before);

    await page.getByRole('tab', { name: 'Сведения о результатах перемещения ОСС' }).click();
    await page.getByRole('region', { name: 'Сведения о результатах перемещения ОСС' }).waitFor();
    await shot(page, 'browser-site-statements');
    await context.close();
  });

  it('answers an address that leads nowhere with «Страница не найдена» and a way back, not a load error', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'producer@ossig.test');
    await page.goto('/trips/no-such-page');
    await page.getByRole('heading', { name: 'Страница не найдена' }).waitFor();
    await expect(page.getByText('Не удалось загрузить данные').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'На рабочий стол', exact: true }).click();
    await page.getByRole('heading', { name: 'Мои задачи' }).waitFor();
    await context.close();
  });

  it('switches the acting organization with «Сменить профиль»', async () => {
    // The producer's head is also a trusted person of another producer.
    const person = await env.server.ctx.db.selectFrom('persons').select('id').where('email', '=', 'producer@ossig.test').executeTakeFirstOrThrow();
    const other = await env.server.ctx.db.selectFrom('organizations').select(['id', 'name']).where('name', 'like', '%ГлавСтрой-Сити%').executeTakeFirstOrThrow();
    await env.server.ctx.db
      .insertInto('memberships')
      .values({ person_id: person.id, organization_id: other.id, role: 'trusted', access: 'full', valid_until: new Date(Date.now() + 30 * 86_400_000) })
      .execute();

    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'producer@ossig.test');
    await page.getByRole('button', { name: 'Сменить профиль' }).click();
    await page.getByRole('menuitem', { name: /ГлавСтрой-Сити/ }).waitFor();
    await shot(page, 'browser-switch-menu');
    await page.getByRole('menuitem', { name: /ГлавСтрой-Сити/ }).click();
    await expect.poll(() => page.getByTestId('acting-organization').textContent()).toContain('ГлавСтрой-Сити');

    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Объекты' }).click();
    const table = page.getByRole('table', { name: 'Объекты образования ОСС' });
    await table.getByRole('link', { name: /школы № 1514/ }).waitFor();
    await expect(table.getByRole('link', { name: /Профсоюзная/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await context.close();
  });
});
