/**
 * The head's list of trusted persons (seed 003) shows every trusted person
 * with access — also a membership made without an invitation (the demo's
 * trusted@ossig.test) — with term, level and removal; an invitation e-mails a
 * registered person; a СНИЛС that no one has is said so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, Client, type Client as C } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { formatSnils, makeValidSnils } from '../../domain/identifiers.js';
import { hashPassword } from '../identity/password.js';

let ctx: TestContext;
let app: App;
let head: C;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 20 });
  app = await buildTestApp(ctx);
  head = await signedIn(app, 'producer@ossig.test');
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('trusted persons', () => {
  it('lists a trusted membership made without an invitation, with term and level, and removes it', async () => {
    const list = await head.get('/api/organization/trusted');
    expect(list.status).toBe(200);
    const trusted = await ctx.db.selectFrom('persons').select(['id', 'snils', 'full_name']).where('email', '=', 'trusted@ossig.test').executeTakeFirstOrThrow();
    const row = list.body.items.find((r: { snils: string }) => r.snils === trusted.snils);
    expect(row).toMatchObject({ fullName: trusted.full_name, access: 'standard', status: 'active' });
    expect(Date.parse(row.validUntil)).toBeGreaterThan(Date.now());

    // Another organization's head cannot remove it (404), this one can; the person then loses access.
    const other = await signedIn(app, 'producer2@ossig.test');
    expect((await other.request('DELETE', `/api/organization/trusted/${row.id}`)).status).toBe(404);
    const person = await signedIn(app, 'trusted@ossig.test');
    expect((await person.get('/api/auth/me')).body.organizations.length).toBeGreaterThan(0);
    expect((await head.request('DELETE', `/api/organization/trusted/${row.id}`)).status).toBe(204);
    const after = await head.get('/api/organization/trusted');
    expect(after.body.items.find((r: { id: string }) => r.id === row.id)).toBeUndefined();
    expect((await new Client(app).login('trusted@ossig.test')).body.organizations).toEqual([]);
  });

  it('an invitation e-mails a registered person; a СНИЛС no one has is said so', async () => {
    const snils = makeValidSnils(77_123);
    await ctx.db.insertInto('persons').values({ full_name: 'Орлова Анна Сергеевна', email: 'orlova@ossig.test', phone: null, snils, password_hash: await hashPassword('Orlova2026pass') }).execute();
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const known = await head.post('/api/organization/trusted', { snils: formatSnils(snils), access: 'full', validUntil: until });
    expect(known.status).toBe(201);
    expect(known.body).toMatchObject({ registered: true, emailed: true });
    const mail = await ctx.db.selectFrom('mail_messages').select(['to_address', 'subject']).where('to_address', '=', 'orlova@ossig.test').executeTakeFirstOrThrow();
    expect(mail.subject).toMatch(/^Приглашение стать доверенным лицом: /);

    const unknown = await head.post('/api/organization/trusted', { snils: formatSnils(makeValidSnils(88_001)), access: 'standard', validUntil: until });
    expect(unknown.status).toBe(201);
    expect(unknown.body).toMatchObject({ registered: false, emailed: false });
  });
});
