/**
 * Identity in a real browser:
 *  1. «Вход по электронной подписи» of an organization not yet in the system:
 *     the challenge is read from the page, signed with the test's key and
 *     certificate (issued by a CA the server trusts), pasted — and the new
 *     organization's cabinet opens with its name.
 *  2. The head invites an existing person (no memberships) by СНИЛС with
 *     standard access; that person accepts, switches profile to the
 *     organization, and ordering a statement is refused with the Russian 403.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from './server.js';
import { launchBrowser, newPage, shot, signIn } from './browser.js';
import { cmsToPem, createCertificateAuthority, issueEndEntityCertificate, signAttached } from '../../src/platform/signing/index.js';
import { formatSnils, makeValidInnLegal, makeValidOgrn, makeValidSnils } from '../../src/domain/identifiers.js';
import { hashPassword } from '../../src/features/identity/password.js';
import { RIGHT_DENIED_MESSAGES } from '../../src/platform/http/auth.js';
import { totpCode } from '../../src/features/identity/totp.js';
import { Secret, TOTP } from 'otpauth';
import { sql } from 'kysely';

const NEW_ORG = { name: 'ООО «Бетон-Сервис Тест»', inn: makeValidInnLegal(4321), ogrn: makeValidOgrn(4321), snils: makeValidSnils(43210) };
const INVITEE = { email: 'invitee@ossig.test', name: 'Смирнова Ольга Игоревна', snils: makeValidSnils(55_501), password: 'Invitee2026pass' };

describe('identity in the browser', () => {
  let server: BrowserServer;
  let browser: Browser;
  let pkiDir: string;
  let signer: { certPem: string; keyPem: string };

  beforeAll(async () => {
    pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-browser-pki-'));
    const ca = createCertificateAuthority({ subject: { country: 'RU', organization: 'Тестовый УЦ', commonName: 'Тестовый УЦ браузерных тестов', innLe: makeValidInnLegal(991), ogrn: makeValidOgrn(991) } });
    const caPath = path.join(pkiDir, 'ca.pem');
    fs.writeFileSync(caPath, ca.certPem);
    signer = issueEndEntityCertificate({
      ca: { certPem: ca.certPem, keyPem: ca.keyPem },
      subject: {
        country: 'RU', organization: NEW_ORG.name, title: 'Генеральный директор', commonName: 'Лебедев Кирилл Андреевич',
        surname: 'Лебедев', givenName: 'Кирилл Андреевич', innLe: NEW_ORG.inn, ogrn: NEW_ORG.ogrn, snils: NEW_ORG.snils,
      },
    });
    server = await startBrowserServer({ trips: 200, worker: false, config: { trustedCaPaths: [caPath] } });
    await server.ctx.db
      .insertInto('persons')
      .values({ full_name: INVITEE.name, email: INVITEE.email, phone: null, snils: INVITEE.snils, password_hash: await hashPassword(INVITEE.password) })
      .execute();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (pkiDir) fs.rmSync(pkiDir, { recursive: true, force: true });
  });

  it('signs in with an e-signature and creates the new organization’s cabinet', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/');
    await page.getByRole('link', { name: 'Вход по электронной подписи' }).click();
    await page.getByRole('heading', { name: 'Вход по электронной подписи' }).waitFor();
    const challenge = (await page.getByTestId('certificate-challenge').textContent())!.trim();
    expect(challenge).toMatch(/^ossig-login:/);
    await page.getByRole('tab', { name: 'Подпись из программы' }).click();
    await expect(page.getByTestId('sign-command').textContent()).resolves.toBe(
      `npm run sign-challenge -- --key key.pem --cert cert.pem --challenge "${challenge}"`,
    );
    // What `npm run sign-challenge` does: a CMS signature (ГОСТ Р 34.10-2012) of the challenge, in PEM.
    const pem = cmsToPem(signAttached({ data: Buffer.from(challenge, 'utf8'), keyPem: signer.keyPem, certPem: signer.certPem }));
    await page.getByLabel('Подпись', { exact: true }).fill(pem);
    await shot(page, 'browser-certificate-login');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await page.getByRole('heading', { name: 'Рабочий стол' }).waitFor();
    await expect(page.getByTestId('acting-organization').textContent()).resolves.toBe(NEW_ORG.name);
    await expect(page.getByText('Кабинет организации создан').isVisible()).resolves.toBe(true);
    await shot(page, 'browser-certificate-new-org');

    const org = await server.ctx.db.selectFrom('organizations').select(['id', 'name', 'ogrn']).where('inn', '=', NEW_ORG.inn).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: NEW_ORG.name, ogrn: NEW_ORG.ogrn });
    const head = await server.ctx.db
      .selectFrom('memberships as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(['m.role', 'p.snils'])
      .where('m.organization_id', '=', org.id)
      .execute();
    expect(head).toEqual([{ role: 'head', snils: NEW_ORG.snils }]);
    await context.close();
  });

  it('the head invites a person by СНИЛС; the person accepts, switches profile, and may not order a statement', async () => {
    // The head invites.
    const head = await newPage(browser, server.url);
    await signIn(head.page, 'producer@ossig.test');
    await head.page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Доверенные лица' }).click();
    await head.page.getByRole('heading', { name: 'Пригласить доверенное лицо' }).waitFor();
    await head.page.getByLabel('СНИЛС').fill(formatSnils(INVITEE.snils));
    await head.page.getByLabel(/^Стандартный/).check();
    await head.page.getByRole('button', { name: 'Пригласить', exact: true }).click();
    const row = head.page.getByRole('row').filter({ hasText: formatSnils(INVITEE.snils) }).filter({ hasText: 'приглашён' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('стандартный');
    await expect(head.page.getByTestId('invite-result').textContent()).resolves.toMatch(/Приглашение отправлено.*получит письмо/);
    await shot(head.page, 'browser-trusted-invited');
    // A СНИЛС no one has: the head is told so and what happens next.
    await head.page.getByLabel('СНИЛС').fill(formatSnils(makeValidSnils(66_601)));
    await head.page.getByRole('button', { name: 'Пригласить', exact: true }).click();
    await expect
      .poll(() => head.page.getByTestId('invite-result').textContent())
      .toMatch(/Пользователя с таким СНИЛС пока нет.*когда человек зарегистрируется с этим СНИЛС/);
    await head.context.close();

    // The invited person accepts and switches to the organization.
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, INVITEE.email, INVITEE.password);
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Доверенные лица' }).click();
    const invitation = page.getByTestId('invitation').filter({ hasText: 'СтройМонолит' });
    await invitation.waitFor();
    await invitation.getByRole('button', { name: /Принять/ }).click();
    await page.getByText('Приглашение принято').waitFor();
    await page.getByRole('button', { name: 'Сменить профиль' }).click();
    await page.getByRole('menuitem', { name: /СтройМонолит/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="acting-organization"]')?.textContent?.includes('СтройМонолит'));
    await shot(page, 'browser-trusted-switched');

    // Standard access: reading works, ordering a statement is refused.
    const producerId = (await server.ctx.db.selectFrom('organizations').select('id').where('name', 'like', '%СтройМонолит%').executeTakeFirstOrThrow()).id;
    const permit = await server.ctx.db.selectFrom('permits').select(['id', 'site_id']).where('producer_id', '=', producerId).executeTakeFirstOrThrow();
    const answers = await page.evaluate(
      async ({ siteId, permitId }) => {
        const read = await fetch('/api/sites', { headers: { accept: 'application/json' } });
        const order = await fetch('/api/statements', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ siteId, from: '2026-01-01', to: '2026-01-31', permitIds: [permitId] }),
        });
        return { read: read.status, order: order.status, problem: await order.json() };
      },
      { siteId: permit.site_id, permitId: permit.id },
    );
    expect(answers.read).toBe(200);
    expect(answers.order).toBe(403);
    expect(answers.problem).toMatchObject({ code: 'forbidden', detail: RIGHT_DENIED_MESSAGES.submit });
    await context.close();
  });

  it('«Безопасность»: a second factor from the QR page, recovery codes shown once, the sessions list', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'producer2@ossig.test');
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Безопасность' }).click();
    await page.getByRole('heading', { name: 'Безопасность' }).waitFor();
    await expect(page.getByText(/Не короче 8 символов/).first().isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Подключить' }).click();
    await page.getByRole('img', { name: 'QR-код для приложения-аутентификатора' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('2. Код из приложения').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    await expect(codes.textContent()).resolves.toMatch(/Резервные коды/);
    await shot(page, 'browser-security');
    const sessions = page.getByRole('region', { name: 'Активные сеансы' });
    await expect(sessions.getByText('этот сеанс').isVisible()).resolves.toBe(true);
    const recoveryCode = (await codes.locator('code').first().textContent())!.trim();

    // Signing in again: the password, then the code step (not a white page); the code computed here with otpauth.
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.goto('/');
    await page.getByLabel('Логин').fill('producer2@ossig.test');
    await page.getByLabel('Пароль').fill('Demo2026pass');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { name: 'Подтверждение входа' }).waitFor();
    await page.getByLabel('Код из приложения').fill('000000');
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByText('Код: неверный, устаревший или уже использованный код').waitFor();
    await shot(page, 'browser-second-factor-step');
    // The enrolment used the current step's code; the next step's code is still inside the accepted window.
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    await page.getByLabel('Код из приложения').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByRole('heading', { name: 'Рабочий стол' }).waitFor();
    await expect(page.getByTestId('person-name').textContent()).resolves.toBeTruthy();

    // And with a recovery code instead of the app.
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.goto('/');
    await page.getByLabel('Логин').fill('producer2@ossig.test');
    await page.getByLabel('Пароль').fill('Demo2026pass');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { name: 'Подтверждение входа' }).waitFor();
    await page.getByRole('button', { name: /Войти с резервным кодом/ }).click();
    await page.getByLabel('Резервный код').fill(recoveryCode);
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByRole('heading', { name: 'Рабочий стол' }).waitFor();
    const methods = await sql<{ auth_method: string }>`select s.auth_method from sessions s join persons p on p.id = s.person_id
      where p.email = 'producer2@ossig.test' order by s.created_at desc limit 2`.execute(server.ctx.db);
    expect(methods.rows.map((m) => m.auth_method)).toEqual(['recovery_code', 'totp']);
    await context.close();
  });
  it('password change: Cyrillic refused with a clear message; after the change the sessions list shows only this session', async () => {
    const other = await newPage(browser, server.url);
    await signIn(other.page, INVITEE.email, INVITEE.password);
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, INVITEE.email, INVITEE.password);
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Безопасность' }).click();
    const sessions = page.getByRole('region', { name: 'Активные сеансы' });
    await expect.poll(() => sessions.locator('tbody tr').count()).toBeGreaterThan(1);
    const form = page.getByRole('region', { name: 'Пароль' });
    await form.getByLabel('Текущий пароль').fill(INVITEE.password);
    await form.getByLabel('Новый пароль').fill('Пароль2026Ok');
    await form.getByRole('button', { name: 'Сохранить пароль' }).click();
    await form.getByText('Пароль: русские буквы не допускаются').waitFor();
    await form.getByLabel('Новый пароль').fill('Changed2026pass');
    await form.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Пароль изменён').waitFor();
    // Without reloading: the other session is gone from the list.
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(1);
    await expect(sessions.getByText('этот сеанс').isVisible()).resolves.toBe(true);
    INVITEE.password = 'Changed2026pass';
    await other.context.close();
    await context.close();
  });
});
