/**
 * The HTTP platform under attack: bad characters and broken bodies get a
 * clear 4xx naming the field; another site cannot ride on a signed-in
 * person's cookie; forwarded headers count only from configured proxies;
 * HSTS only over https; logs carry a request id and every 5xx with its stack,
 * and never a secret; carriers see only what is theirs in permit totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from './helpers/db.js';
import { buildTestApp, Client, signedIn } from './helpers/http.js';
import { seedDemo, DEMO_PASSWORD } from '../src/features/demo/seed.js';
import { ROUTES } from '../src/features/index.js';
import { buildServer, type App } from '../src/platform/http/server.js';
import type { Config } from '../src/platform/config.js';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 60 });
  app = await buildTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** The same database and features with other settings. */
async function appWith(config: Partial<Config>, logger: Parameters<typeof buildServer>[2] = { logger: false }): Promise<App> {
  const a = await buildServer({ ...ctx, config: Object.freeze({ ...ctx.config, ...config }) }, ROUTES, logger);
  await a.ready();
  return a;
}

const count = async (table: 'trips' | 'api_tokens' | 'uploads' | 'audit_events') =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(ctx.db)).rows[0].n);

function form(boundary: string, parts: Array<{ name: string; value: string; file?: string }>): string {
  return (
    parts
      .map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.file ? `; filename="${p.file}"` : ''}\r\n\r\n${p.value}\r\n`)
      .join('') + `--${boundary}--\r\n`
  );
}

describe('bad input gets a clear 4xx naming the field', () => {
  it('a NUL byte or a lone surrogate in any JSON string: login, forgot, trips, tokens, organization', async () => {
    const anon = new Client(app);
    const carrier = await signedIn(app, 'carrier@ossig.test');
    const producer = await signedIn(app, 'producer@ossig.test');
    const before = { trips: await count('trips'), tokens: await count('api_tokens') };
    const cases: Array<[Client, string, string, string, string]> = [
      [anon, 'POST', '/api/auth/login', '{"login":"a\\u0000b","password":"x"}', 'login'],
      [anon, 'POST', '/api/auth/login', '{"login":"producer@ossig.test","password":"\\ud800"}', 'password'],
      [anon, 'POST', '/api/auth/password/forgot', '{"login":"a\\u0000"}', 'login'],
      [anon, 'POST', '/api/auth/password/forgot', '{"login":"\\udc00x"}', 'login'],
      [carrier, 'POST', '/api/trips', '{"trips":[{"plate":"А001АА77"},{"externalId":"x\\u0000"}]}', 'trips[1].externalId'],
      [carrier, 'POST', '/api/tokens', '{"name":"a\\u0000b"}', 'name'],
      [carrier, 'POST', '/api/tokens', '{"name":"\\ud83d"}', 'name'],
      [producer, 'PATCH', '/api/organization', '{"address":"г. Москва\\u0000"}', 'address'],
      [producer, 'PATCH', '/api/organization', '{"name":"ООО \\u001b[31m«Ромашка»"}', 'name'],
      [producer, 'PATCH', '/api/organization', '{"shortName":"\\udfff"}', 'shortName'],
    ];
    for (const [client, method, url, body, field] of cases) {
      const res = await client.request(method, url, body);
      expect(res.status, `${url} ${body}`).toBe(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors[0].field, body).toBe(field);
      expect(res.body.errors[0].message, body).toMatch(/нулевой символ|непарный суррогат|управляющий символ/);
    }
    expect(await count('trips')).toBe(before.trips);
    expect(await count('api_tokens')).toBe(before.tokens);
    // In a query string and a field name too.
    const q = await anon.get('/api/fkko?q=%00');
    expect(q.status).toBe(422);
    expect(q.body.errors[0].field).toBe('q');
    const key = await anon.request('POST', '/api/auth/login', '{"login":"x","password":"y","a\\u0000":1}');
    expect(key.status).toBe(422);
    expect(key.body.detail).toMatch(/Название поля/);
    // Text with emoji, tabs and line breaks is text (an organization's details, printed on documents, are kept on one
    // line: breaks become spaces; direction marks, which could make a printed value read otherwise, are refused — issue 12, M8).
    const ok = await producer.request('PATCH', '/api/organization', { address: 'г. Москва,\tул. Тверская, д. 1 🏗\nстр. 2' });
    expect(ok.status).toBe(200);
    expect(ok.body.address).toBe('г. Москва, ул. Тверская, д. 1 🏗 стр. 2');
    const rtl = await producer.request('PATCH', '/api/organization', { address: 'г. Москва, ул. Тверская\u200f, д. 1' });
    expect(rtl.status).toBe(422);
    expect(rtl.body.errors[0].field).toBe('address');
  });

  it('JSON nested deeper than any schema is refused before it is walked', async () => {
    const deep = `{"login":${'['.repeat(5000)}${']'.repeat(5000)},"password":"x"}`;
    const res = await new Client(app).request('POST', '/api/auth/login', deep);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/вложенность/);
  });

  it('multipart: no boundary, a torn body, and more than 20 fields on the public verify route', async () => {
    const anon = new Client(app);
    const noBoundary = await anon.request('POST', '/api/signatures/verify', 'file=x', { 'content-type': 'multipart/form-data' });
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.body.code).toBe('multipart_invalid');
    expect(noBoundary.body.detail).toMatch(/boundary/);
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    const many = await anon.request('POST', '/api/signatures/verify', form('B0UND', fields), { 'content-type': 'multipart/form-data; boundary=B0UND' });
    expect(many.status).toBe(413);
    expect(many.body.errors[0].field).toBe('form');
    expect(many.body.detail).toMatch(/слишком много полей/);
    const torn = await anon.request('POST', '/api/signatures/verify', `--B0UND\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nabc`, {
      'content-type': 'multipart/form-data; boundary=B0UND',
    });
    expect(torn.status).toBeGreaterThanOrEqual(400);
    expect(torn.status).toBeLessThan(500);
  });

  it('a page size or trip id beyond any real one is a 422, not a database error', async () => {
    const producer = await signedIn(app, 'producer@ossig.test');
    for (const url of ['/api/sites?pageSize=1e300', '/api/permits?pageSize=99999999999999999999', '/api/permits?pageSize=-1', '/api/sites?pageSize=1e400', '/api/sites?pageSize=Infinity', '/api/trips?pageSize=99999999999999999999', '/api/trips?pageSize=1e400']) {
      const res = await producer.get(url);
      expect(res.status, url).toBe(422);
      expect(res.body.errors[0].field).toBe('pageSize');
    }
    const cursor = await producer.get(`/api/trips?after=${Buffer.from('["99999999999999999999999","1"]').toString('base64url')}`);
    expect(cursor.status).toBe(422);
    expect(cursor.body.errors[0].field).toBe('after');
    const facility = await signedIn(app, 'facility@ossig.test');
    for (const id of ['1e400', 'Infinity', '1e308']) {
      const res = await facility.post(`/api/receipts/${id}/reject`, { reason: 'Проверка' });
      expect(res.status, id).toBe(422);
      expect(res.body.errors[0].field).toBe('tripId');
    }
    const carrier = await signedIn(app, 'carrier@ossig.test');
    const huge = await carrier.request('POST', '/api/trips', '{"trips":[{"plate":"А001АА77","volume":1e400}]}');
    expect(huge.status).toBe(422);
    expect(huge.body.errors[0].field).toBe('trips[0].volume');
  });
});

describe('cross-site requests', () => {
  it('a form on another site posting with a carrier’s cookie records nothing; the cabinet (same origin) and bearer clients work', async () => {
    const carrier = await signedIn(app, 'carrier@ossig.test');
    const before = { trips: await count('trips'), uploads: await count('uploads'), tokens: await count('api_tokens') };
    // <form enctype="text/plain"> smuggling JSON, a multipart upload form, and fetch(…, {credentials: 'include'}) from a sibling origin.
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const attempts = [
      await carrier.request('POST', '/api/trips', '{"trips":[{"plate":"А001АА77","x":"="}]}', { ...evil, 'content-type': 'text/plain' }),
      await carrier.request('POST', '/api/uploads', form('EV1L', [{ name: 'file', file: 'trips.csv', value: 'a;b\r\n1;2' }]), {
        ...evil,
        'content-type': 'multipart/form-data; boundary=EV1L',
      }),
      await carrier.post('/api/tokens', { name: 'stolen' }, { origin: 'http://localhost:8080', 'sec-fetch-site': 'same-site' }),
      await carrier.post('/api/tokens', { name: 'stolen' }, { origin: 'null' }),
      await carrier.post('/api/tokens', { name: 'stolen' }, { 'sec-fetch-site': 'cross-site' }),
      // Sign-in CSRF: another site cannot sign the browser into its own account.
      await new Client(app).post('/api/auth/login', { login: 'carrier2@ossig.test', password: DEMO_PASSWORD }, evil),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('cross_site_request');
      expect(res.body.detail).toMatch(/со страницы другого сайта/);
    }
    expect(await count('trips')).toBe(before.trips);
    expect(await count('uploads')).toBe(before.uploads);
    expect(await count('api_tokens')).toBe(before.tokens);
    // The cabinet itself: its own origin (PUBLIC_URL's or the host it was reached at).
    const own = await carrier.post('/api/tokens', { name: 'свой' }, { origin: 'http://localhost', host: 'localhost', 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(201);
    const viaPublicUrl = await carrier.post('/api/tokens', { name: 'по адресу PUBLIC_URL' }, { origin: new URL(ctx.config.publicUrl).origin, host: 'internal:3000' });
    expect(viaPublicUrl.status).toBe(201);
    // A machine client with a bearer token is not a browser; safe methods are never refused.
    const machine = new Client(app, { authorization: `Bearer ${own.body.token}`, origin: 'https://evil.example' });
    expect((await machine.post('/api/trips', { trips: [{ plate: 'А001АА77' }] })).status).toBe(200);
    expect((await carrier.request('GET', '/api/trips?pageSize=1', undefined, evil)).status).toBe(200);
  });
});

describe('forwarded headers', () => {
  it('X-Forwarded-For is ignored unless TRUST_PROXY names the proxy', async () => {
    const spoof = { 'x-forwarded-for': '203.0.113.99' };
    const lastFailureIp = async () =>
      (await ctx.db.selectFrom('audit_events').select('ip').where('action', '=', 'auth.login_failed').orderBy('id', 'desc').executeTakeFirstOrThrow()).ip;
    await new Client(app, spoof).post('/api/auth/login', { login: 'nobody@ossig.test', password: 'Whatever1A' });
    expect(await lastFailureIp()).toBe('127.0.0.1');
    const behindProxy = await appWith({ trustProxy: ['127.0.0.1'] });
    await new Client(behindProxy, spoof).post('/api/auth/login', { login: 'nobody@ossig.test', password: 'Whatever1A' });
    expect(await lastFailureIp()).toBe('203.0.113.99');
    await behindProxy.close();
  });
});

describe('transport security headers', () => {
  it('HSTS and upgrade-insecure-requests only when PUBLIC_URL is https', async () => {
    const plain = await new Client(app).get('/api/health');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(String(plain.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const httpsApp = await appWith({ publicUrl: 'https://ossig.example' });
    const secure = await new Client(httpsApp).get('/api/health');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(secure.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    await httpsApp.close();
  });
});

describe('logs', () => {
  it('JSON lines at info with the request id; a database error is a 500 whose id is in the answer and, with its stack, in the log; no secret is logged', async () => {
    const lines: string[] = [];
    const logged = await appWith({ logLevel: 'info' }, { logger: { stream: { write: (l: string) => void lines.push(l) } } });
    const producer = new Client(logged);
    await producer.login('producer@ossig.test');
    const token = (await producer.post('/api/tokens', { name: 'журнал' })).body.token as string;
    // The server is asked about sites while their table is gone.
    await sql`alter table sites rename to sites_away`.execute(ctx.db);
    let res;
    try {
      res = await producer.get('/api/sites');
    } finally {
      await sql`alter table sites_away rename to sites`.execute(ctx.db);
    }
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal');
    expect(res.body.detail).not.toMatch(/sites|relation|select/);
    const id = res.body.requestId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-request-id']).toBe(id);
    const entries = lines.map((l) => JSON.parse(l));
    const failure = entries.find((e) => e.reqId === id && e.level === 50);
    expect(failure, 'the 500 is logged at error level with its request id').toBeTruthy();
    expect(failure.err.stack).toMatch(/sites/);
    expect(entries.filter((e) => e.reqId === id).map((e) => e.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    // A 4xx carries its id too.
    const missing = await producer.get('/api/sites/00000000-0000-4000-8000-000000000000');
    expect(missing.body.requestId).toBe(missing.headers['x-request-id']);
    // Secrets: the password, the session cookie, the bearer token, a reset link's token.
    await new Client(logged, { authorization: `Bearer ${token}` }).get('/api/trips?pageSize=1');
    await new Client(logged).get('/api/auth/sessions/end?token=SECRETLINKTOKEN123456');
    await new Client(logged).post('/api/auth/password/reset', { token: 'SECRETRESETTOKEN123', newPassword: 'Hidden2026pass' });
    const all = lines.join('\n');
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain('Hidden2026pass');
    expect(all).not.toContain(token);
    expect(all).not.toContain('SECRETLINKTOKEN123456');
    expect(all).not.toContain('SECRETRESETTOKEN123');
    expect(all).not.toMatch(/ossig_session=/);
    expect(all).not.toMatch(/[Aa]uthorization/);
    await logged.close();
  });
});

describe('organization profile', () => {
  it('takes a Russian phone number and stores it as +7XXXXXXXXXX; any other text is refused naming the field', async () => {
    const producer = await signedIn(app, 'producer@ossig.test');
    const ok = await producer.request('PATCH', '/api/organization', { phone: '8 (495) 123-45-67' });
    expect(ok.status).toBe(200);
    expect(ok.body.phone).toBe('+74951234567');
    for (const phone of ['звоните после обеда', '+1 202 555 0143', '+7 916 12']) {
      const bad = await producer.request('PATCH', '/api/organization', { phone });
      expect(bad.status, phone).toBe(422);
      expect(bad.body.errors[0].field).toBe('phone');
      expect(bad.body.errors[0].message).toMatch(/^Телефон: /);
    }
    expect((await producer.request('PATCH', '/api/organization', { phone: null })).body.phone).toBeNull();
    // null and blank clear a field (a null used to be coerced to "" and broke the КПП check with a 500).
    const cleared = await producer.request('PATCH', '/api/organization', { kpp: null, email: null, address: '   ', shortName: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ kpp: null, email: null, address: null, shortName: null });
    expect((await producer.request('PATCH', '/api/organization', { name: '   ' })).body.errors[0].field).toBe('name');
  });
});

describe('permit totals', () => {
  it('a carrier sees only its own trips in a permit’s totals and counts only permits it may see', async () => {
    // A permit naming both carriers, with trips of each.
    const shared = await sql<{ id: string; site_id: string }>`select p.id, p.site_id from permits p
      where (select count(distinct t.carrier_id) from trips t where t.permit_id = p.id) = 2 limit 1`.execute(ctx.db);
    const permit = shared.rows[0];
    expect(permit, 'the demo has a permit with trips of two carriers').toBeTruthy();
    const carrierId = (await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@carrier.ossig.test').executeTakeFirstOrThrow()).id;
    // Moved = accepted by the facility (issue 10: awaiting and rejected loads are not moved).
    const own = await sql<{ volume: string; n: number }>`select coalesce(sum(volume) filter (where receipt_status = 'confirmed' and received_at is not null), 0)::numeric(14,2)::text as volume, count(*)::int as n
      from trips where permit_id = ${permit.id} and carrier_id = ${carrierId}`.execute(ctx.db);
    const all = await sql<{ volume: string }>`select coalesce(sum(volume), 0)::numeric(14,2)::text as volume from trips
      where permit_id = ${permit.id} and receipt_status = 'confirmed' and received_at is not null`.execute(ctx.db);
    expect(own.rows[0].volume).not.toBe(all.rows[0].volume);

    const carrier = await signedIn(app, 'carrier@ossig.test');
    const card = await carrier.get(`/api/permits/${permit.id}`);
    expect(card.status).toBe(200);
    const moved = card.body.wasteTypes.reduce((s: number, w: { movedVolume: string }) => s + Math.round(Number(w.movedVolume) * 100), 0);
    expect(moved).toBe(Math.round(Number(own.rows[0].volume) * 100));
    const producer = await signedIn(app, 'producer@ossig.test');
    const full = (await producer.get(`/api/permits/${permit.id}`)).body.wasteTypes.reduce((s: number, w: { movedVolume: string }) => s + Math.round(Number(w.movedVolume) * 100), 0);
    expect(full).toBe(Math.round(Number(all.rows[0].volume) * 100));

    const range = await sql<{ from: string; to: string }>`select to_char(min(unloaded_at) at time zone 'Europe/Moscow', 'YYYY-MM-DD') as from,
      to_char(max(unloaded_at) at time zone 'Europe/Moscow', 'YYYY-MM-DD') as to from trips where permit_id = ${permit.id}`.execute(ctx.db);
    const movement = await carrier.get(`/api/sites/${permit.site_id}/permits?from=${range.rows[0].from}&to=${range.rows[0].to}`);
    expect(movement.status).toBe(200);
    const row = movement.body.items.find((p: { id: string }) => p.id === permit.id);
    expect(row.formedTrips + row.pendingTrips).toBe(own.rows[0].n);

    const visible = await sql<{ n: number }>`select count(*)::int as n from permits p where p.site_id = ${permit.site_id}
      and exists (select 1 from permit_carriers c where c.permit_id = p.id and c.carrier_id = ${carrierId})`.execute(ctx.db);
    const sites = await carrier.get('/api/sites?pageSize=500');
    expect(sites.body.items.find((s: { id: string }) => s.id === permit.site_id).permitCount).toBe(visible.rows[0].n);
  });
});
