/** Secrets of outgoing mail: composed apart, filled only for sending, hidden wherever a message is shown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { enqueueMail, filledText, mailText, secretCode, secretLink, shownText } from './outbox.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('mail secrets', () => {
  it('keeps secrets out of the text, fills them for sending, hides them for showing', () => {
    const body = mailText`Здравствуйте, ${'Иван'}! Ссылка: ${secretLink('https://ossig.example/reset?token=abc123')} код: ${secretCode('042917')}.`;
    expect(body.text).not.toContain('abc123');
    expect(body.text).not.toContain('042917');
    expect(Object.values(body.secrets)).toEqual(['https://ossig.example/reset?token=abc123', '042917']);
    expect(filledText(body.text, body.secrets)).toBe('Здравствуйте, Иван! Ссылка: https://ossig.example/reset?token=abc123 код: 042917.');
    expect(shownText(body.text)).toBe('Здравствуйте, Иван! Ссылка: «ссылка скрыта» код: «код скрыт».');
    // A secret that is gone (wiped, expired) is never sent as an empty hole.
    expect(filledText(body.text, {})).toBeNull();
  });

  it('a name cannot forge a placeholder that would pull a secret into the shown text', () => {
    const forged = '\uE000link-1\uE001';
    const body = mailText`Здравствуйте, ${forged}! ${secretLink('https://x.example/?token=s3cret')}`;
    expect(shownText(body.text)).toBe('Здравствуйте, link-1! «ссылка скрыта»');
  });

  it('hides links with tokens written before secrets were kept apart', () => {
    expect(shownText('Перейдите: http://localhost:3000/password/reset?token=Zx_9-q и всё')).toBe('Перейдите: «ссылка скрыта» и всё');
  });

  it('refuses a message with a token link in plain text', async () => {
    await expect(
      ctx.db.transaction().execute((trx) => enqueueMail(trx, { to: 'a@b.c', subject: 'x', text: 'Ссылка: https://ossig.example/api/auth/sessions/end?token=abc' })),
    ).rejects.toThrow(/secretLink/);
    expect(await ctx.db.selectFrom('mail_messages').select('id').execute()).toHaveLength(0);
  });
});
