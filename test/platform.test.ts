/** The HTTP platform: health, OpenAPI, problem+json, every route declares its access. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/db.js';
import { buildTestApp, Client, signedIn } from './helpers/http.js';
import { seedDemo } from '../src/features/demo/seed.js';
import { verifyAuditChain } from '../src/platform/audit.js';
import type { App } from '../src/platform/http/server.js';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 20 });
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('platform', () => {
  it('reports health', async () => {
    const res = await new Client(app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'postgresql' });
  });

  it('publishes an OpenAPI 3 document of every route', async () => {
    const res = await new Client(app).get('/api/openapi.json');
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/sites', '/api/sites/{id}', '/api/sites/{id}/permits', '/api/trips', '/api/auth/login', '/api/fkko']) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
  });

  it('answers unknown API paths and wrong credentials with Russian problem+json', async () => {
    const c = new Client(app);
    const missing = await c.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    const bad = await c.post('/api/auth/login', { login: 'producer@ossig.test', password: 'Wrong2026pass' });
    expect(bad.status).toBe(401);
    expect(bad.body.detail).toBe('Неверный логин или пароль');
    const unknown = await c.post('/api/auth/login', { login: 'nobody@ossig.test', password: 'Wrong2026pass' });
    expect(unknown.body.detail).toBe(bad.body.detail);
    const empty = await c.post('/api/auth/login', { login: '' });
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: any) => e.field).sort()).toEqual(['login', 'password']);
    expect(empty.body.errors.find((e: any) => e.field === 'password').message).toBe('Пароль: обязательное поле');
  });

  it('refuses to register an API route that does not declare its access', async () => {
    const { buildServer } = await import('../src/platform/http/server.js');
    await expect(
      buildServer(ctx, [(a) => void a.get('/api/leaky', async () => ({ secret: true }))], { logger: false }),
    ).rejects.toThrow(/config\.access/);
  });

  it('lists the ФККО catalogue with hazard classes from the last digit', async () => {
    const res = await new Client(app).get('/api/fkko?q=бетон');
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const w of res.body.items) expect(w.hazardClass).toBe(Number(w.code.at(-1)));
  });

  it('signs in by e-mail, phone or СНИЛС, switches profile only to own organizations, and audits it in a verifiable chain', async () => {
    const person = await ctx.db.selectFrom('persons').select(['phone', 'snils']).where('email', '=', 'producer@ossig.test').executeTakeFirstOrThrow();
    const byPhone = new Client(app);
    await byPhone.login(person.phone!.replace('+7', '8 '));
    const bySnils = new Client(app);
    const snils = person.snils!;
    await bySnils.login(`${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`);
    const other = await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@producer2.ossig.test').executeTakeFirstOrThrow();
    const sw = await bySnils.post('/api/auth/switch', { organizationId: other.id });
    expect(sw.status).toBe(404);
    const chain = await verifyAuditChain(ctx.db);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThan(1);
    const producer = await signedIn(app, 'producer@ossig.test');
    expect((await producer.get('/api/tasks')).status).toBe(200);
  });

  it('keeps the audit log append-only', async () => {
    await expect(ctx.db.updateTable('audit_events').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(ctx.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
  });
});
