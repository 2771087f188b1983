/**
 * «Профиль» and «Профиль организации» in a real browser, on a desktop and on a
 * phone: the person sees their СНИЛС, a wrong one is refused with the field's
 * Russian message, a new e-mail is confirmed with the code from the letter
 * (read where only the send job reads it: the page never shows it), an event
 * is switched off; the head completes the organization's profile, which
 * marks the detail as typed by hand; a trusted person only reads it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';

/** Nothing wider than the screen (the page does not scroll sideways): the elements reaching past its right edge, if any. */
async function fitsWidth(page: Page): Promise<true | string[]> {
  await page.waitForTimeout(300); // the layout settles after a resize (the navigation collapses)
  const wide = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= vw + 1) return [];
    return Array.from(document.body.querySelectorAll('*'))
      .filter((e) => e.getBoundingClientRect().right > vw + 1)
      .slice(-5)
      .map((e) => `<${e.tagName.toLowerCase()} class="${String(e.className).slice(0, 80)}"> ${Math.round(e.getBoundingClientRect().right)}`);
  });
  return wide.length ? wide : true;
}

describe('the profiles in the browser', () => {
  const env = useBrowserServer({ trips: 20, worker: false, config: { demo: true } });
  /** The producer's login: the confirmed new e-mail becomes it. */
  let producerLogin = 'producer@ossig.test';

  for (const size of [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    it(`«Профиль» on a ${size.name}: СНИЛС, a wrong СНИЛС refused, e-mail confirmed by the code, an event switched off`, async () => {
      const { context, page } = await newPage(env.browser, env.server.url);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, producerLogin);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/profile');
      await page.getByRole('heading', { name: 'Профиль', exact: true }).waitFor();
      const person = await env.server.ctx.db.selectFrom('persons').select(['id', 'snils']).where('email', '=', producerLogin).executeTakeFirstOrThrow();
      const shown = await page.getByTestId('profile-snils').textContent();
      expect(shown?.replace(/\D/g, '')).toBe(person.snils);
      expect(await fitsWidth(page)).toBe(true);

      // A СНИЛС with a wrong control number: the field says so in Russian.
      const snilsInput = page.getByLabel('СНИЛС');
      if (await snilsInput.isEnabled()) {
        await snilsInput.fill('112-233-445 96');
        await page.getByRole('button', { name: 'Сохранить' }).first().click();
        await page.getByText('СНИЛС: неверное контрольное число').waitFor();
      }

      // A new e-mail: the code comes by letter; the page shows where it went, never the code.
      const address = `producer.${size.name}@ossig.test`;
      const emailCard = page.getByRole('region', { name: 'Электронная почта' });
      await emailCard.getByLabel('Новый адрес').fill(address);
      await emailCard.getByRole('button', { name: 'Отправить код' }).click();
      await emailCard.getByText(`Код отправлен (письмо) на ${address}`, { exact: false }).waitFor();
      const message = await env.server.ctx.db.selectFrom('mail_messages').select('id').where('to_address', '=', address).executeTakeFirstOrThrow();
      const secrets = await env.server.ctx.db.selectFrom('mail_secrets').select('secrets').where('message_id', '=', message.id).executeTakeFirstOrThrow();
      const code = Object.values(secrets.secrets)[0]!;
      expect(await page.content()).not.toContain(code);
      await emailCard.getByLabel('Код из сообщения').fill(code);
      await emailCard.getByRole('button', { name: 'Подтвердить' }).click();
      await emailCard.getByText(address, { exact: true }).waitFor();
      await emailCard.getByText('подтверждён', { exact: true }).waitFor();
      producerLogin = address;
      expect(await fitsWidth(page)).toBe(true);

      // An event switched off: stored at once.
      const box = page.getByRole('checkbox', { name: /Сведения о результатах перемещения ОСС сформированы/ });
      // The box follows the server's answer (it is not ticked off before the choice is stored).
      if (await box.isChecked()) await box.click();
      await expect
        .poll(async () => (await env.server.ctx.db.selectFrom('notification_settings').select('email').where('person_id', '=', person.id).where('event', '=', 'statement.ready').executeTakeFirst())?.email)
        .toBe(false);
      await shot(page, `profile-${size.name}`);

      // Sign-in methods lead to «Безопасность».
      await page.getByRole('link', { name: 'в разделе «Безопасность»' }).click();
      await page.getByRole('heading', { name: 'Безопасность' }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('«Профиль организации»: the head completes it (marked as typed by hand); a trusted person only reads it', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    await signIn(page, producerLogin);
    await page.goto('/organization');
    await page.getByRole('heading', { name: 'Профиль организации' }).waitFor();
    await page.getByLabel('Телефон').fill('+7 495 123-45-67');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const details = page.getByRole('region', { name: 'Сведения об организации' });
    await details.getByText('+74951234567').waitFor();
    // Bank details: a wrong key digit is shown under its field; fixed, they are saved and shown.
    await page.getByLabel('Расчётный счёт').fill('40702810038000000001');
    await page.getByLabel('БИК').fill('044525225');
    await page.getByLabel('Корреспондентский счёт').fill('30101810400000000225');
    await page.getByLabel('Наименование банка').fill('ПАО Сбербанк');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Расчётный счёт: неверный контрольный ключ для БИК 044525225: проверьте номер счёта и БИК').waitFor();
    await page.getByLabel('Расчётный счёт').fill('40702810938000000001');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await details.getByText('40702810938000000001').waitFor();
    await details.getByText('ПАО Сбербанк').waitFor();
    await page.getByLabel('КПП').fill('12');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText(/^КПП: /).first().waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'organization-phone');
    await context.close();

    const trusted = await newPage(env.browser, env.server.url);
    await signIn(trusted.page, 'trusted@ossig.test');
    await trusted.page.goto('/organization');
    await trusted.page.getByText('Изменять профиль организации может только её руководитель.').waitFor();
    expect(await trusted.page.getByRole('button', { name: 'Сохранить' }).count()).toBe(0);
    await trusted.context.close();
  });
});
