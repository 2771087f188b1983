/** API tokens: made in the cabinet, used as Bearer by a carrier's system, revoked, scoped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, Client, signedIn } from '../../../test/helpers/http.js';
import { makeOrganization, makePerson, makeTrips, makeWorld, type World } from '../../../test/factories.js';
import { verifyAuditChain } from '../../platform/audit.js';
import type { App } from '../../platform/http/server.js';

let ctx: TestContext;
let app: App;
let w: World;
let otherHead: string;
let trustedPerson: string;

beforeAll(async () => {
  ctx = await createTestContext();
  // A carrier with trips, its trusted person (standard access), and another organization's head.
  w = await makeWorld(ctx);
  await makeTrips(ctx, w, { count: 3 });
  trustedPerson = (await makePerson(ctx, { organizationId: w.carrier.id, role: 'trusted' })).email;
  otherHead = (await makePerson(ctx, { organizationId: (await makeOrganization(ctx, { roles: ['producer'] })).id })).email;
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('API tokens', () => {
  it('a carrier makes a token, its system lists and records trips with it, then it is revoked', async () => {
    const head = await signedIn(app, w.carrier.head.email);
    const made = await head.post('/api/tokens', { name: 'Диспетчерская система' });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^ossig_[\w-]{40,}$/);
    const stored = await ctx.db.selectFrom('api_tokens').select('token_hash').where('id', '=', made.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash.toString('utf8')).not.toContain(made.body.token);

    const machine = new Client(app, { authorization: `Bearer ${made.body.token}` });
    const trips = await machine.get('/api/trips?pageSize=1');
    expect(trips.status).toBe(200);
    expect(trips.body.total.value).toBeGreaterThan(0);
    const batch = await machine.post('/api/trips', { trips: [{ plate: 'А001АА77' }] });
    expect(batch.status).toBe(200);
    expect(batch.body.results[0].status).toBe('rejected');
    // A token cannot make more tokens.
    expect((await machine.post('/api/tokens', { name: 'ещё один' })).status).toBe(403);

    expect((await head.get('/api/tokens')).body.items.map((t: any) => t.name)).toEqual(['Диспетчерская система']);
    expect((await head.request('DELETE', `/api/tokens/${made.body.id}`)).status).toBe(204);
    const after = await machine.get('/api/trips');
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/отозван/);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('a wrong token is refused; another organization cannot see or revoke the token', async () => {
    expect((await new Client(app, { authorization: 'Bearer ossig_nonsense' }).get('/api/sites')).status).toBe(401);
    const head = await signedIn(app, w.carrier.head.email);
    const made = await head.post('/api/tokens', { name: 'Учёт рейсов' });
    const other = await signedIn(app, otherHead);
    expect((await other.get('/api/tokens')).body.items).toEqual([]);
    expect((await other.request('DELETE', `/api/tokens/${made.body.id}`)).status).toBe(404);
    const trusted = await signedIn(app, trustedPerson);
    expect((await trusted.post('/api/tokens', { name: 'x' })).status).toBe(403);
  });

  it('a removed member’s token stops working with the membership', async () => {
    const head = await signedIn(app, w.carrier.head.email);
    const made = await head.post('/api/tokens', { name: 'Старая интеграция' });
    const machine = new Client(app, { authorization: `Bearer ${made.body.token}` });
    expect((await machine.get('/api/vehicles')).status).toBe(200);
    const person = await ctx.db.selectFrom('persons').select('id').where('email', '=', w.carrier.head.email).executeTakeFirstOrThrow();
    await ctx.db.updateTable('memberships').set({ revoked_at: new Date() }).where('person_id', '=', person.id).execute();
    expect((await machine.get('/api/vehicles')).status).toBe(403);
  });
});
