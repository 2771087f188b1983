/**
 * The personal profile and notification settings through HTTP: validation
 * with Russian field names, only the person edits their own profile, contacts
 * change only with the code (which no answer, page or stored message holds),
 * and an event switched off sends no e-mail but still reaches the cabinet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import { makeOrganization, makePerson } from '../../../test/factories.js';
import type { App } from '../../platform/http/server.js';
import { makeValidSnils, formatSnils } from '../../domain/identifiers.js';
import { notify } from '../notifications/notify.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { JOBS } from '../index.js';

let ctx: TestContext;
let app: App;
let me: Client;
let meId: string;
let other: { id: string; email: string };

/** The code of the last message to an address, read where only the send job reads it (the secrets kept apart). */
async function lastCode(to: string): Promise<string> {
  const m = await ctx.db.selectFrom('mail_messages').select(['id', 'body_text', 'channel']).where('to_address', '=', to).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  expect(m.body_text).not.toMatch(/\d{6}/);
  const s = await ctx.db.selectFrom('mail_secrets').select('secrets').where('message_id', '=', m.id).executeTakeFirstOrThrow();
  return Object.values(s.secrets)[0]!;
}

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
  const org = await makeOrganization(ctx, { roles: ['producer'] });
  const p = await makePerson(ctx, { organizationId: org.id, name: 'Иванова Мария Петровна' });
  meId = p.id;
  other = await makePerson(ctx, { organizationId: org.id, role: 'employee' });
  me = await signedIn(app, p.email);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('the personal profile', () => {
  it('shows the name, СНИЛС as 123-456-789 01, contacts and the ways to sign in', async () => {
    const r = await me.get('/api/profile');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ id: meId, fullName: 'Иванова Мария Петровна', emailConfirmed: false, phone: null, signIn: { password: true, secondFactor: false, certificates: [] } });
    expect(r.body.snils).toMatch(/^\d{3}-\d{3}-\d{3} \d{2}$/);
  });

  it('refuses a wrong СНИЛС, an empty name and a СНИЛС of another person, naming the fields in Russian', async () => {
    const bad = await me.request('PATCH', '/api/profile', { fullName: '  ', snils: '112-233-445 96' });
    expect(bad.status).toBe(422);
    expect(String(bad.headers['content-type'])).toContain('application/problem+json');
    const byField = Object.fromEntries(bad.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(byField.fullName).toMatch(/^ФИО: /);
    expect(byField.snils).toBe('СНИЛС: неверное контрольное число');
    const theirs = await ctx.db.selectFrom('persons').select('snils').where('id', '=', other.id).executeTakeFirstOrThrow();
    const taken = await me.request('PATCH', '/api/profile', { snils: theirs.snils });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ field: 'snils' });
    expect(taken.body.errors[0].message).toMatch(/^СНИЛС: уже указан в другой учётной записи/);
  });

  it('changes the name and СНИЛС of the person signed in, and nobody else’s', async () => {
    const snils = makeValidSnils(777_001);
    const r = await me.request('PATCH', '/api/profile', { fullName: 'Иванова  Мария Петровна ', snils: formatSnils(snils) });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ fullName: 'Иванова Мария Петровна', snils: formatSnils(snils) });
    // The other person's row is untouched; there is no route that names another person.
    const them = await signedIn(app, other.email);
    expect((await them.get('/api/profile')).body.id).toBe(other.id);
    const row = await ctx.db.selectFrom('persons').select('snils').where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(row.snils).not.toBe(snils);
    // A person can give their СНИЛС to a head, who finds them by it.
    const audit = await ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'profile.updated').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain(snils);
  });

  it('refuses without a session', async () => {
    const anon = new (me.constructor as typeof Client)(app);
    expect((await anon.get('/api/profile')).status).toBe(401);
    expect((await anon.request('PATCH', '/api/profile', { fullName: 'Кто-то' })).status).toBe(401);
  });
});

describe('e-mail and phone with a code', () => {
  it('a new e-mail becomes the person’s only with the code; the code is in no answer, page or stored text', async () => {
    const ask = await me.post('/api/profile/email', { email: 'maria.new@factory.ossig.test' });
    expect(ask.status, ask.text).toBe(200);
    expect(ask.body.sentTo).toBe('maria.new@factory.ossig.test');
    const code = await lastCode('maria.new@factory.ossig.test');
    expect(ask.text).not.toContain(code);
    const pending = await me.get('/api/profile');
    expect(pending.body.email).not.toBe('maria.new@factory.ossig.test');
    expect(pending.body.emailPending.value).toBe('maria.new@factory.ossig.test');
    expect(pending.text).not.toContain(code);

    const wrong = await me.post('/api/profile/email/confirm', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'code' });
    expect(wrong.body.errors[0].message).toMatch(/^Код: неверный код/);

    const ok = await me.post('/api/profile/email/confirm', { code });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ email: 'maria.new@factory.ossig.test', emailConfirmed: true, emailPending: null });
    // The new address is a login now.
    await expect(signedIn(app, 'maria.new@factory.ossig.test')).resolves.toBeTruthy();
    // A used code does not work twice.
    expect((await me.post('/api/profile/email/confirm', { code })).status).toBe(422);
    // Delivered through the outbox: stored and shown with the code hidden.
    await runJobsOnce(ctx, JOBS);
    const stored = await ctx.db.selectFrom('mail_messages').select(['body_text', 'subject']).where('to_address', '=', 'maria.new@factory.ossig.test').execute();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(await ctx.db.selectFrom('mail_secrets').select('message_id').execute()).toEqual([]);
  });

  it('a phone is checked, confirmed by a code sent as SMS, and refused when it is another person’s', async () => {
    const bad = await me.post('/api/profile/phone', { phone: '12345' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('phone');
    expect(bad.body.errors[0].message).toMatch(/^Телефон: /);
    const badMail = await me.post('/api/profile/email', { email: 'не почта' });
    expect(badMail.body.errors[0]).toEqual({ field: 'email', message: 'Электронная почта: адрес вида name@example.ru' });

    const ask = await me.post('/api/profile/phone', { phone: '8 (916) 123-45-67' });
    expect(ask.status, ask.text).toBe(200);
    expect(ask.body.sentTo).toBe('+79161234567');
    const sms = await ctx.db.selectFrom('mail_messages').select(['channel', 'body_text']).where('to_address', '=', '+79161234567').executeTakeFirstOrThrow();
    expect(sms.channel).toBe('sms');
    const code = await lastCode('+79161234567');
    const ok = await me.post('/api/profile/phone/confirm', { code });
    expect(ok.body).toMatchObject({ phone: '+79161234567', phoneConfirmed: true });

    const them = await signedIn(app, other.email);
    const taken = await them.post('/api/profile/phone', { phone: '+7 916 123 45 67' });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ field: 'phone' });
    // Another person cannot confirm with my code (codes are per person).
    expect((await them.post('/api/profile/phone/confirm', { code })).status).toBe(422);
  });

  it('gives up a code after five wrong tries', async () => {
    await me.post('/api/profile/email', { email: 'maria.third@factory.ossig.test' });
    const code = await lastCode('maria.third@factory.ossig.test');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await me.post('/api/profile/email/confirm', { code: wrong })).status).toBe(422);
    const late = await me.post('/api/profile/email/confirm', { code });
    expect(late.status).toBe(422);
    expect(late.body.errors[0].message).toMatch(/попыток/);
  });
});

describe('the organization profile', () => {
  it('only the head changes it; an employee reads it and is refused the change, with the field named in Russian for the head', async () => {
    const them = await signedIn(app, other.email);
    expect((await them.get('/api/organization')).status).toBe(200);
    const refused = await them.request('PATCH', '/api/organization', { phone: '+7 495 123-45-67' });
    expect(refused.status).toBe(403);
    expect((await them.post('/api/organization/register-lookup')).status).toBe(403);
    const bad = await me.request('PATCH', '/api/organization', { kpp: '12', email: 'нет' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { message: string }) => e.message.split(':')[0]).sort()).toEqual(['КПП', 'Электронная почта']);
    const ok = await me.request('PATCH', '/api/organization', { phone: '8 495 123 45 67' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.phone).toBe('+74951234567');
  });
});

describe('notification settings', () => {
  it('an event switched off sends no e-mail but still appears in the cabinet', async () => {
    const settings = await me.get('/api/notifications/settings');
    expect(settings.status).toBe(200);
    expect(settings.body.items.find((s: { event: string }) => s.event === 'statement.ready')).toMatchObject({ email: true, label: expect.stringMatching(/Сведения/) });

    const bad = await me.request('PUT', '/api/notifications/settings', { settings: [{ event: 'nothing.here', email: false }] });
    expect(bad.status).toBe(422);

    const off = await me.request('PUT', '/api/notifications/settings', { settings: [{ event: 'statement.ready', email: false }] });
    expect(off.status, off.text).toBe(200);
    expect(off.body.items.find((s: { event: string }) => s.event === 'statement.ready').email).toBe(false);
    // Another person's settings are their own.
    const them = await signedIn(app, other.email);
    expect((await them.get('/api/notifications/settings')).body.items.every((s: { email: boolean }) => s.email)).toBe(true);

    const mailsBefore = await ctx.db.selectFrom('mail_messages').select('id').where('person_id', '=', meId).execute();
    const orgId = (await me.get('/api/auth/me')).body.organizationId as string;
    await ctx.db.transaction().execute(async (trx) => {
      await notify(trx, ctx, { organizationId: orgId, personId: meId, title: 'Сведения сформированы', body: 'Готово', link: '/statements/x', email: 'statement.ready' });
      await notify(trx, ctx, { organizationId: orgId, personId: meId, title: 'Загрузка обработана', body: 'Принято 3', link: '/uploads', email: 'upload.processed' });
    });
    const mailsAfter = await ctx.db.selectFrom('mail_messages').select(['id', 'subject']).where('person_id', '=', meId).execute();
    const added = mailsAfter.filter((m) => !mailsBefore.some((b) => b.id === m.id)).map((m) => m.subject);
    expect(added).toEqual(['Загрузка обработана']);
    const cabinet = await me.get('/api/notifications');
    expect(cabinet.body.items.map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining(['Сведения сформированы', 'Загрузка обработана']));
  });
});
