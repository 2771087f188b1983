import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, Client, signedIn } from '../../../test/helpers/http.js';
import { seedDemo, DEMO_PASSWORD } from '../demo/seed.js';
import { JOBS } from '../index.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { buildServer, type App } from '../../platform/http/server.js';
import { ROUTES } from '../index.js';
import { RESET_LIMITS } from './password-reset.js';

let ctx: TestContext;
let app: App;
let smtp: SMTPServer;
const inbox: ParsedMail[] = [];
/** Every JSON log line the app wrote. */
const logLines: string[] = [];

async function deliver(c: TestContext = ctx): Promise<void> {
  await runJobsOnce(c, JOBS);
}

const letter = (m: ParsedMail) => ({
  link: m.text!.match(/(http:\/\/ossig\.test\S+token=[\w-]+)/)?.[1] ?? null,
  token: m.text!.match(/token=([\w-]+)/)?.[1] ?? null,
  code: m.text!.match(/код: (\d{6})/)?.[1] ?? null,
});

/** What could show a secret to someone other than the letter's reader: every page of the API the operator sees, the log, the stored messages. */
async function visibleEverywhere(): Promise<string> {
  const op = await signedIn(app, 'operator@ossig.test');
  const outbox = await op.get('/api/outbox?limit=200');
  expect(outbox.status).toBe(200);
  const stored = await ctx.db.selectFrom('mail_messages').select(['subject', 'body_text', 'body_html', 'last_error']).execute();
  return [outbox.text, JSON.stringify(stored), logLines.join('\n')].join('\n');
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, cb) {
      simpleParser(stream).then((m) => {
        inbox.push(m);
        cb();
      }, cb);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const port = (smtp.server.address() as { port: number }).port;
  // A demo stand (the outbox page exists) whose mail really goes out over SMTP, behind a proxy on loopback.
  ctx = await createTestContext({ demo: true }, { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'http://ossig.test', TRUST_PROXY: '127.0.0.1' });
  await seedDemo(ctx, { trips: 10 });
  app = await buildServer(ctx, ROUTES, { logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } } });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe('mail through SMTP', () => {
  it('a sign-in from a new browser sends «Предупреждение о входе» with time, IP, browser and a link that ends that session', async () => {
    await signedIn(app, 'producer@ossig.test'); // first device: nothing to compare with
    const c = new Client(app, { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/141.0 Safari/537.36', 'x-forwarded-for': '203.0.113.7' });
    await c.login('producer@ossig.test');
    // The demo's own mail (e.g. notices of its permit applications) waits in the outbox; this is the mail the sign-in caused.
    const queued = await ctx.db.selectFrom('mail_messages').selectAll().where('status', '<>', 'outbox').execute();
    expect(queued.map((m) => m.status)).toEqual(['queued']);
    // The stored message holds no link; its secret waits apart for the send job.
    expect(queued[0].body_text).not.toMatch(/token=/);
    expect(await ctx.db.selectFrom('mail_secrets').select('message_id').execute()).toHaveLength(1);
    await deliver();
    expect(inbox).toHaveLength(1);
    const m = inbox[0];
    expect(m.subject).toBe('Предупреждение о входе в ОССиГ');
    expect(m.to && 'text' in m.to ? m.to.text : '').toContain('producer@ossig.test');
    expect(m.text).toContain('IP-адрес: 203.0.113.7');
    expect(m.text).toContain('Chrome 141, Windows');
    expect(m.text).toMatch(/Время: \d\d\.\d\d\.\d{4}/);
    const link = m.text!.match(/http:\/\/ossig\.test(\/api\/auth\/sessions\/end\?token=\S+)/)![1];
    expect((await ctx.db.selectFrom('mail_messages').select('status').where('id', '=', queued[0].id).executeTakeFirstOrThrow()).status).toBe('sent');
    // Sent: the secret is gone from the database.
    expect(await ctx.db.selectFrom('mail_secrets').select('message_id').execute()).toHaveLength(0);
    const everywhere = await visibleEverywhere();
    expect(everywhere).not.toContain(link.split('token=')[1]);
    expect(everywhere).toContain('завершите этот сеанс по ссылке: «ссылка скрыта»');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const end = await new Client(app).get(link);
    expect(end.status).toBe(200);
    expect(end.text).toContain('Сеанс завершён');
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(app).get(link)).status).toBe(404);
    // The link was used in a request, but the log shows it without its token.
    expect(logLines.join('\n')).not.toContain(link.split('token=')[1]);
    expect(logLines.join('\n')).toContain('/api/auth/sessions/end?token=%5B%D1%81%D0%BA%D1%80%D1%8B%D1%82%D0%BE%5D');
    // The same device again: no new warning.
    await c.login('producer@ossig.test');
    await deliver();
    expect(inbox).toHaveLength(1);
  });

  it('password recovery by link and by code; the answer does not reveal whether the login exists; a reset ends every session and revokes API tokens', async () => {
    const anon = new Client(app, { 'x-forwarded-for': '198.51.100.1' });
    const carrier = await signedIn(app, 'carrier@ossig.test');
    const token = await carrier.post('/api/tokens', { name: 'Диспетчерская' });
    expect(token.status).toBe(201);
    const machine = new Client(app, { authorization: `Bearer ${token.body.token}` });
    expect((await machine.get('/api/vehicles')).status).toBe(200);

    const counts = async () => ({
      resets: (await ctx.db.selectFrom('password_resets').select('id').execute()).length,
      mails: (await ctx.db.selectFrom('mail_messages').select('id').execute()).length,
      jobs: Number((await ctx.pool.query(`select count(*) from jobs where name = 'auth.password_reset_request'`)).rows[0].count),
    });
    const before = await counts();
    const unknown = await anon.post('/api/auth/password/forgot', { login: 'nobody@ossig.test' });
    const afterUnknown = await counts();
    const known = await anon.post('/api/auth/password/forgot', { login: 'carrier@ossig.test' });
    const afterKnown = await counts();
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    // The request itself does the same for both: one job, nothing else (so it also takes the same time).
    expect(afterUnknown).toEqual({ ...before, jobs: before.jobs + 1 });
    expect(afterKnown).toEqual({ ...afterUnknown, jobs: afterUnknown.jobs + 1 });
    await deliver();
    const mail = inbox.at(-1)!;
    expect(mail.subject).toBe('Восстановление пароля ОССиГ');
    const { token: resetToken, code } = letter(mail);
    expect(resetToken).toBeTruthy();
    expect(code).toMatch(/^\d{6}$/);
    const everywhere = await visibleEverywhere();
    expect(everywhere).not.toContain(resetToken!);
    expect(everywhere).not.toMatch(new RegExp(`код: ${code}`));
    expect(everywhere).toContain('код: «код скрыт»');

    const weak = await anon.post('/api/auth/password/reset', { token: resetToken, newPassword: 'weakpass' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].field).toBe('newPassword');
    expect((await anon.post('/api/auth/password/reset', { login: 'carrier@ossig.test', code: code === '000000' ? '111111' : '000000', newPassword: 'Recovered2026' })).status).toBe(400);
    expect((await anon.post('/api/auth/password/reset', { token: resetToken, newPassword: 'Recovered2026' })).status).toBe(204);
    expect((await anon.post('/api/auth/password/reset', { token: resetToken, newPassword: 'Recovered2027' })).status).toBe(400);
    // Whoever held the account before holds nothing now.
    expect((await carrier.get('/api/auth/me')).status).toBe(401);
    expect((await machine.get('/api/vehicles')).status).toBe(401);
    const audit = await ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'auth.password_reset').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ tokensRevoked: 1 });
    expect((await anon.post('/api/auth/login', { login: 'carrier@ossig.test', password: 'Recovered2026' })).status).toBe(200);
    // By code.
    await anon.post('/api/auth/password/forgot', { login: 'carrier@ossig.test' });
    await deliver();
    const code2 = letter(inbox.at(-1)!).code!;
    expect((await anon.post('/api/auth/password/reset', { login: 'carrier@ossig.test', code: code2, newPassword: 'ByCode2026x' })).status).toBe(204);
    expect((await anon.post('/api/auth/login', { login: 'carrier@ossig.test', password: 'ByCode2026x' })).status).toBe(200);
    expect(await ctx.db.selectFrom('mail_secrets').select('message_id').execute()).toHaveLength(0);
  });

  it('one live code per account: asking again replaces the link and code but keeps the wrong guesses and the deadline', async () => {
    const anon = new Client(app, { 'x-forwarded-for': '198.51.100.2' });
    const login = 'facility@ossig.test';
    const wrong = (c: string) => (c === '000000' ? '111111' : '000000');
    await anon.post('/api/auth/password/forgot', { login });
    await deliver();
    const first = letter(inbox.at(-1)!);
    const row1 = await ctx.db.selectFrom('password_resets').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i++) expect((await anon.post('/api/auth/password/reset', { login, code: wrong(first.code!), newPassword: 'Guessing2026' })).status).toBe(400);
    await anon.post('/api/auth/password/forgot', { login });
    await deliver();
    const second = letter(inbox.at(-1)!);
    expect(second.token).not.toBe(first.token);
    expect(inbox.at(-1)!.text).toContain('Ссылка и код из предыдущего письма больше не действуют');
    const row2 = await ctx.db.selectFrom('password_resets').selectAll().where('person_id', '=', row1.person_id).where('used_at', 'is', null).execute();
    expect(row2).toHaveLength(1);
    expect(row2[0].id).toBe(row1.id);
    expect(row2[0].attempts).toBe(3);
    expect(new Date(row2[0].expires_at).getTime()).toBe(new Date(row1.expires_at).getTime());
    // The first letter no longer works.
    expect((await anon.post('/api/auth/password/reset', { token: first.token, newPassword: 'Guessing2026' })).status).toBe(400);
    // Two more wrong guesses use the code up: even the right one is refused then.
    for (let i = 0; i < 2; i++) await anon.post('/api/auth/password/reset', { login, code: wrong(second.code!), newPassword: 'Guessing2026' });
    expect((await anon.post('/api/auth/password/reset', { login, code: second.code, newPassword: 'Guessing2026' })).status).toBe(400);
    // A third letter within the hour is sent; a fourth is not (limit per account).
    const sent = inbox.length;
    await anon.post('/api/auth/password/forgot', { login });
    await anon.post('/api/auth/password/forgot', { login });
    await deliver();
    expect(inbox.length - sent).toBe(RESET_LIMITS.requestsPerAccount - 2);
    expect(await ctx.db.selectFrom('audit_events').select('id').where('action', '=', 'auth.password_reset_throttled').execute()).toHaveLength(1);
  });

  it('wrong codes are limited per account across codes and addresses, and «forgot» per address', async () => {
    const login = 'facility2@ossig.test';
    let status = 0;
    for (let i = 0; i < RESET_LIMITS.failuresPerAccount; i++) {
      status = (await new Client(app, { 'x-forwarded-for': `198.51.100.${100 + i}` }).post('/api/auth/password/reset', { login, code: '123456', newPassword: 'Guessing2026' })).status;
    }
    expect(status).toBe(400);
    const held = await new Client(app, { 'x-forwarded-for': '198.51.100.99' }).post('/api/auth/password/reset', { login, code: '123456', newPassword: 'Guessing2026' });
    expect(held.status).toBe(429);
    expect(held.body.code).toBe('too_many_requests');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    // An unknown login is held back the same way (nothing tells which logins exist).
    for (let i = 0; i < RESET_LIMITS.failuresPerAccount; i++) {
      await new Client(app, { 'x-forwarded-for': `198.51.101.${i}` }).post('/api/auth/password/reset', { login: 'ghost@ossig.test', code: '123456', newPassword: 'Guessing2026' });
    }
    expect((await new Client(app, { 'x-forwarded-for': '198.51.101.99' }).post('/api/auth/password/reset', { login: 'ghost@ossig.test', code: '123456', newPassword: 'Guessing2026' })).status).toBe(429);
    // «Forgot» from one address.
    const office = new Client(app, { 'x-forwarded-for': '198.51.102.1' });
    for (let i = 0; i < RESET_LIMITS.requestsPerAddress; i++) expect((await office.post('/api/auth/password/forgot', { login: `someone${i}@ossig.test` })).status).toBe(202);
    const refused = await office.post('/api/auth/password/forgot', { login: 'someone@ossig.test' });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeTruthy();
    await deliver();
  });

  it('the operator reads the outbox with every secret hidden; others may not', async () => {
    const op = await signedIn(app, 'operator@ossig.test');
    const res = await op.get('/api/outbox');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(3);
    for (const m of res.body.items) expect(m.text).not.toMatch(/token=|код: \d{6}/);
    expect((await (await signedIn(app, 'facility@ossig.test')).get('/api/outbox')).status).toBe(403);
    // No log line holds a password, a session cookie or a bearer token.
    const log = logLines.join('\n');
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toContain('Recovered2026');
    expect(log).not.toMatch(/ossig_session=|ossig_[A-Za-z0-9_-]{40}/);
  });
});

describe('mail kept in the local outbox (no SMTP)', () => {
  it('keeps no secret at all, and has no outbox page outside a demo', async () => {
    const local = await createTestContext({ demo: false });
    try {
      await seedDemo(local, { trips: 0 });
      const localApp = await buildTestApp(local);
      await new Client(localApp).post('/api/auth/password/forgot', { login: 'producer@ossig.test' });
      await deliver(local);
      // The newest message: the demo's own mail (notices of its permit applications) came before it.
      const msg = await local.db.selectFrom('mail_messages').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(msg.status).toBe('outbox');
      expect(msg.body_text).not.toMatch(/token=|\d{6}/);
      expect(await local.db.selectFrom('mail_secrets').select('message_id').execute()).toHaveLength(0);
      const op = await signedIn(localApp, 'operator@ossig.test');
      expect((await op.get('/api/outbox')).status).toBe(404);
      expect((await op.get('/api/auth/me')).body.demo).toBe(false);
      await localApp.close();
    } finally {
      await local.close();
    }
  });
});

describe('account deletion', () => {
  it('says what is kept, needs the password, removes personal data and keeps the organization', async () => {
    const c = await signedIn(app, 'facility2@ossig.test');
    const info = await c.get('/api/auth/account/deletion');
    expect(info.body.kept.join(' ')).toMatch(/организации/);
    expect(info.body.removed.join(' ')).toMatch(/СНИЛС/);
    const wrong = await c.post('/api/auth/account/delete', { password: 'Wrong2026x' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe('password');
    const person = await ctx.db.selectFrom('persons').select(['id']).where('email', '=', 'facility2@ossig.test').executeTakeFirstOrThrow();
    const orgsBefore = await ctx.db.selectFrom('organizations').select('id').execute();
    expect((await c.post('/api/auth/account/delete', { password: DEMO_PASSWORD })).status).toBe(204);
    const after = await ctx.db.selectFrom('persons').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ email: null, phone: null, snils: null, password_hash: null, full_name: 'Пользователь удалён' });
    expect(after.deleted_at).not.toBeNull();
    expect((await ctx.db.selectFrom('organizations').select('id').execute()).length).toBe(orgsBefore.length);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(app).post('/api/auth/login', { login: 'facility2@ossig.test', password: DEMO_PASSWORD })).status).toBe(401);
    const ev = await ctx.db.selectFrom('audit_events').select('action').where('person_id', '=', person.id).where('action', '=', 'account.deleted').execute();
    expect(ev).toHaveLength(1);
  });
});
