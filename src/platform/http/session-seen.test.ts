/**
 * A session's «last seen» is kept to the minute: requests within a minute do not write the session's
 * row (a write per request queued every request of one session on it), a request after a minute does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, Client } from '../../../test/helpers/http.js';
import { makeOrganization, makePerson } from '../../../test/factories.js';
import type { App } from './server.js';

let ctx: TestContext;
let app: App;
beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const seen = async (personId: string) =>
  (await sql<{ at: string; xmin: string }>`select last_seen_at::text as at, xmin::text from sessions where person_id = ${personId} and ended_at is null`.execute(ctx.db)).rows[0]!;

describe('a session’s last seen', () => {
  it('is not written again within a minute, and is after one', async () => {
    const org = await makeOrganization(ctx, { roles: ['producer'] });
    const person = await makePerson(ctx, { organizationId: org.id });
    const c = new Client(app);
    await c.login(person.email);
    const first = await seen(person.id);
    for (let i = 0; i < 3; i++) expect((await c.get('/api/auth/me')).status).toBe(200);
    // The same row version: no update happened.
    expect(await seen(person.id)).toEqual(first);
    await sql`update sessions set last_seen_at = now() - interval '2 minutes' where person_id = ${person.id}`.execute(ctx.db);
    const old = await seen(person.id);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const after = await seen(person.id);
    expect(new Date(after.at).getTime()).toBeGreaterThan(new Date(old.at).getTime() + 60_000);
  });
});
