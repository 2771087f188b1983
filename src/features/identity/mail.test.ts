import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, Client, signedIn } from '../../../test/helpers/http.js';
import { seedDemo, DEMO_PASSWORD } from '../demo/seed.js';
import { JOBS } from '../index.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import type { App } from '../../platform/http/server.js';

let ctx: TestContext;
let app: App;
let smtp: SMTPServer;
const inbox: ParsedMail[] = [];

async function deliver(): Promise<void> {
  await runJobsOnce(ctx, JOBS);
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
  ctx = await createTestContext({}, { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'http://ossig.test' });
  await seedDemo(ctx, { trips: 10 });
  app = await buildTestApp(ctx);
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
    const queued = await ctx.db.selectFrom('mail_messages').selectAll().execute();
    expect(queued.map((m) => m.status)).toEqual(['queued']);
    await deliver();
    expect(inbox).toHaveLength(1);
    const m = inbox[0];
    expect(m.subject).toBe('Предупреждение о входе в ОССиГ');
    expect(m.to && 'text' in m.to ? m.to.text : '').toContain('producer@ossig.test');
    expect(m.text).toContain('IP-адрес: 203.0.113.7');
    expect(m.text).toContain('Chrome 141, Windows');
    expect(m.text).toMatch(/Время: \d\d\.\d\d\.\d{4}/);
    const link = m.text!.match(/http:\/\/ossig\.test(\/api\/auth\/sessions\/end\?token=\S+)/)![1];
    expect((await ctx.db.selectFrom('mail_messages').select('status').executeTakeFirstOrThrow()).status).toBe('sent');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const end = await new Client(app).get(link);
    expect(end.status).toBe(200);
    expect(end.text).toContain('Сеанс завершён');
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(app).get(link)).status).toBe(404);
    // The same device again: no new warning.
    await c.login('producer@ossig.test');
    await deliver();
    expect(inbox).toHaveLength(1);
  });

  it('password recovery by link and by code; the answer does not reveal whether the login exists', async () => {
    const anon = new Client(app);
    const unknown = await anon.post('/api/auth/password/forgot', { login: 'nobody@ossig.test' });
    const known = await anon.post('/api/auth/password/forgot', { login: 'carrier@ossig.test' });
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    await deliver();
    const mail = inbox.at(-1)!;
    expect(mail.subject).toBe('Восстановление пароля ОССиГ');
    const token = mail.text!.match(/token=([\w-]+)/)![1];
    const code = mail.text!.match(/код (\d{6})/)![1];
    const weak = await anon.post('/api/auth/password/reset', { token, newPassword: 'weakpass' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].field).toBe('newPassword');
    expect((await anon.post('/api/auth/password/reset', { login: 'carrier@ossig.test', code: code === '000000' ? '111111' : '000000', newPassword: 'Recovered2026' })).status).toBe(400);
    expect((await anon.post('/api/auth/password/reset', { token, newPassword: 'Recovered2026' })).status).toBe(204);
    expect((await anon.post('/api/auth/password/reset', { token, newPassword: 'Recovered2027' })).status).toBe(400);
    expect((await anon.post('/api/auth/login', { login: 'carrier@ossig.test', password: 'Recovered2026' })).status).toBe(200);
    // By code.
    await anon.post('/api/auth/password/forgot', { login: 'carrier@ossig.test' });
    await deliver();
    const code2 = inbox.at(-1)!.text!.match(/код (\d{6})/)![1];
    expect((await anon.post('/api/auth/password/reset', { login: 'carrier@ossig.test', code: code2, newPassword: 'ByCode2026x' })).status).toBe(204);
    expect((await anon.post('/api/auth/login', { login: 'carrier@ossig.test', password: 'ByCode2026x' })).status).toBe(200);
  });

  it('the operator reads the outbox; others may not', async () => {
    const op = await signedIn(app, 'operator@ossig.test');
    const res = await op.get('/api/outbox');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(3);
    expect((await (await signedIn(app, 'facility@ossig.test')).get('/api/outbox')).status).toBe(403);
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
