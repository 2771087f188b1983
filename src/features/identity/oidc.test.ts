/**
 * Sign-in through an external OpenID Connect provider, against a real
 * provider process (`oidc-provider`) listening on 127.0.0.1: a confidential
 * client with PKCE required, accounts with `snils` / `email` claims, and a
 * tiny interaction endpoint that completes login and consent for the account
 * the test names. The browser is played with fetch (provider) and app.inject
 * (ОССиГ), each with its own cookies.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-ignore — oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp } from '../../../test/helpers/http.js';
import { seedDemo } from '../demo/seed.js';
import type { App } from '../../platform/http/server.js';
import { makeValidSnils, formatSnils } from '../../domain/identifiers.js';
import { OIDC_COOKIE } from './oidc.js';

const PUBLIC_URL = 'http://ossig.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT_ID = 'ossig';
const CLIENT_SECRET = 'a-long-test-client-secret-0123456789';

let ctx: TestContext;
let app: App;
let provider: any;
let server: http.Server;
let issuer = '';
/** Accounts of the provider: sub → claims. */
const accounts = new Map<string, Record<string, unknown>>();
/** Who «signs in» at the provider in the next interaction. */
let loginAs = '';

beforeAll(async () => {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const jwk = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'snils'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], snils: ['snils'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) =>
      accounts.has(sub) ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) } : undefined,
    jwks: { keys: [{ ...jwk, use: 'sig', alg: 'RS256', kid: 'test-key' }] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  const providerHandler = provider.callback();
  handler = (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return providerHandler(req, res);
    // The provider's login and consent pages, answered at once for `loginAs`.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: loginAs } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    })().catch((e) => {
      res.writeHead(500).end(String(e));
    });
  };

  ctx = await createTestContext({}, { PUBLIC_URL, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET });
  await seedDemo(ctx, { trips: 0 });
  app = await buildTestApp(ctx);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
  server?.close();
});

/** A browser: a cookie jar for the provider (fetch) and one for ОССиГ (inject). */
class Browser {
  providerCookies = new Map<string, string>();
  ossigCookies = new Map<string, string>();

  private static remember(jar: Map<string, string>, setCookies: string[]) {
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]) <= new Date()) || attrs.some((a) => /^\s*max-age=0/i.test(a));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
  private static header(jar: Map<string, string>) {
    return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async ossig(url: string, headers: Record<string, string> = {}) {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: Browser.header(this.ossigCookies), accept: 'text/html', ...headers } });
    const set = res.headers['set-cookie'];
    Browser.remember(this.ossigCookies, Array.isArray(set) ? set : set ? [set] : []);
    return res;
  }

  /** Starts at ОССиГ and follows the provider until it redirects back; returns the callback URL (path + query). */
  async toProvider(): Promise<string> {
    const start = await this.ossig('/api/auth/oidc/start');
    expect(start.statusCode).toBe(302);
    let location = String(start.headers.location);
    expect(location.startsWith(`${issuer}/`)).toBe(true);
    for (let hop = 0; hop < 20; hop++) {
      if (location.startsWith(REDIRECT_URI)) return location.slice(PUBLIC_URL.length);
      const res = await fetch(new URL(location, issuer), { redirect: 'manual', headers: { cookie: Browser.header(this.providerCookies) } });
      Browser.remember(this.providerCookies, res.headers.getSetCookie());
      const next = res.headers.get('location');
      if (!next) throw new Error(`provider stopped at ${location}: ${res.status} ${await res.text()}`);
      location = new URL(next, location).href;
    }
    throw new Error('too many redirects at the provider');
  }
}

async function counts() {
  const r = await sql<{ persons: number; sessions: number; devices: number; memberships: number; orgs: number }>`
    select (select count(*) from persons)::int as persons, (select count(*) from sessions)::int as sessions,
           (select count(*) from known_devices)::int as devices, (select count(*) from memberships)::int as memberships,
           (select count(*) from organizations)::int as orgs`.execute(ctx.db);
  return r.rows[0];
}

async function personByEmail(email: string) {
  return ctx.db.selectFrom('persons').select(['id', 'snils', 'full_name']).where('email', '=', email).executeTakeFirstOrThrow();
}

describe('OpenID Connect sign-in', () => {
  it('says it is enabled', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ enabled: true, providerName: expect.stringContaining('127.0.0.1') });
  });

  it('starts with PKCE S256, state and nonce kept on the server', async () => {
    const b = new Browser();
    const start = await b.ossig('/api/auth/oidc/start');
    expect(start.statusCode).toBe(302);
    const url = new URL(String(start.headers.location));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    const state = url.searchParams.get('state')!;
    expect(b.ossigCookies.get(OIDC_COOKIE)).toBe(state);
    const ch = await ctx.db
      .selectFrom('auth_challenges')
      .select(['payload', 'expires_at'])
      .where('kind', '=', 'oidc')
      .where('secret_hash', '=', crypto.createHash('sha256').update(state).digest())
      .executeTakeFirstOrThrow();
    expect(Object.keys(ch.payload).sort()).toEqual(['nonce', 'verifier']);
    expect(JSON.stringify(ch.payload)).not.toContain(state);
  });

  it('signs in a known person matched by СНИЛС and opens a session like password sign-in', async () => {
    const producer = await personByEmail('producer@ossig.test');
    // The provider formats СНИЛС with dashes (as ЕСИА does) and knows another e-mail.
    accounts.set('esia-1001', { snils: formatSnils(producer.snils!), email: 'someone.else@example.org', email_verified: true });
    loginAs = 'esia-1001';
    const b = new Browser();
    const back = await b.toProvider();
    const cb = await b.ossig(back, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' });
    expect(cb.statusCode).toBe(302);
    expect(cb.headers.location).toBe('/');
    expect(b.ossigCookies.get(OIDC_COOKIE)).toBeUndefined();
    expect(b.ossigCookies.get('ossig_session')).toBeTruthy();

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ossig_session=${b.ossigCookies.get('ossig_session')}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().person.id).toBe(producer.id);
    expect(me.json().organizationId).toBeTruthy();

    const session = await sql<{ auth_method: string; strong: boolean }>`select auth_method, strong from sessions where person_id = ${producer.id} order by created_at desc limit 1`.execute(ctx.db);
    expect(session.rows[0]).toEqual({ auth_method: 'oidc', strong: false });
    const ev = await ctx.db.selectFrom('audit_events').select(['details']).where('action', '=', 'auth.login').where('person_id', '=', producer.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(ev.details).toMatchObject({ method: 'oidc', matchedBy: 'snils', sub: 'esia-1001', issuer });
  });

  it('maps by e-mail only when the provider says it is verified', async () => {
    const carrier = await personByEmail('carrier@ossig.test');
    accounts.set('esia-unverified', { email: 'carrier@ossig.test', email_verified: false });
    loginAs = 'esia-unverified';
    const b1 = new Browser();
    const refused = await b1.ossig(await b1.toProvider());
    expect(refused.statusCode).toBe(302);
    expect(refused.headers.location).toBe('/login?error=oidc_unknown_person');

    accounts.set('esia-verified', { email: 'Carrier@ossig.test', email_verified: true });
    loginAs = 'esia-verified';
    const b2 = new Browser();
    const ok = await b2.ossig(await b2.toProvider());
    expect(ok.statusCode).toBe(302);
    expect(ok.headers.location).toBe('/');
    const ev = await ctx.db.selectFrom('audit_events').select(['details']).where('action', '=', 'auth.login').where('person_id', '=', carrier.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(ev.details).toMatchObject({ method: 'oidc', matchedBy: 'email' });
  });

  it('refuses an unknown person with a Russian 403 and creates nothing', async () => {
    accounts.set('esia-stranger', { snils: makeValidSnils(987_654), email: 'stranger@example.org', email_verified: true, name: 'Незнакомов Пётр' });
    loginAs = 'esia-stranger';
    const before = await counts();
    const b = new Browser();
    const back = await b.toProvider();
    const res = await b.ossig(back, { accept: 'application/json' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'forbidden', reason: 'oidc_unknown_person' });
    expect(res.json().detail).toMatch(/не зарегистрирован в ОССиГ/);
    expect(b.ossigCookies.get('ossig_session')).toBeUndefined();
    expect(await counts()).toEqual(before);
    expect(await ctx.db.selectFrom('persons').select('id').where('email', '=', 'stranger@example.org').executeTakeFirst()).toBeUndefined();
    const ev = await ctx.db.selectFrom('audit_events').select(['details']).where('action', '=', 'auth.oidc_failed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(ev.details).toMatchObject({ reason: 'oidc_unknown_person', sub: 'esia-stranger' });
  });

  it('refuses a tampered state, a callback in another browser, and a replayed callback', async () => {
    const producer = await personByEmail('producer@ossig.test');
    loginAs = 'esia-1001';
    const b = new Browser();
    const back = await b.toProvider();
    const url = new URL(back, PUBLIC_URL);
    const state = url.searchParams.get('state')!;
    const before = await counts();

    // A changed state (cookie still the genuine one).
    const tampered = new URL(url);
    tampered.searchParams.set('state', state.slice(0, -1) + (state.endsWith('A') ? 'B' : 'A'));
    const t = await b.ossig(tampered.pathname + tampered.search, { accept: 'application/json' });
    expect(t.statusCode).toBe(400);
    expect(t.json()).toMatchObject({ code: 'external_login_failed', reason: 'oidc_state' });
    expect(t.json().detail).toMatch(/не относится к этому браузеру/);

    // The genuine answer delivered to another browser (no flow cookie): refused, redirected to the sign-in page.
    const other = new Browser();
    const o = await other.ossig(back);
    expect(o.statusCode).toBe(302);
    expect(o.headers.location).toBe('/login?error=oidc_state');
    expect(await counts()).toEqual(before);

    // The failed attempts did not burn the flow: the genuine browser still signs in (its cookie was cleared; put it back as the browser still had it).
    b.ossigCookies.set(OIDC_COOKIE, state);
    const ok = await b.ossig(back);
    expect(ok.statusCode).toBe(302);
    expect(ok.headers.location).toBe('/');
    const after = await counts();
    expect(after.sessions).toBe(before.sessions + 1);
    expect(after.persons).toBe(before.persons);

    // The same answer again, even with the cookie: refused as replayed, no second session.
    b.ossigCookies.set(OIDC_COOKIE, state);
    const replay = await b.ossig(back, { accept: 'application/json' });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ reason: 'oidc_replayed' });
    expect((await counts()).sessions).toBe(after.sessions);
    const logins = await ctx.db.selectFrom('audit_events').select('id').where('action', '=', 'auth.login').where('person_id', '=', producer.id).execute();
    expect(logins.length).toBeGreaterThanOrEqual(2);
  });

  it('reports a provider error and a forged code clearly', async () => {
    const b = new Browser();
    const start = await b.ossig('/api/auth/oidc/start');
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const denied = await b.ossig(`/api/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(issuer)}`);
    expect(denied.headers.location).toBe('/login?error=oidc_denied');

    const b2 = new Browser();
    const start2 = await b2.ossig('/api/auth/oidc/start');
    const state2 = new URL(String(start2.headers.location)).searchParams.get('state')!;
    const forged = await b2.ossig(`/api/auth/oidc/callback?code=forged-code&state=${state2}&iss=${encodeURIComponent(issuer)}`, { accept: 'application/json' });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'external_login_failed', reason: 'oidc_failed' });
  });

  it('says it is disabled when not configured', async () => {
    const c2 = await createTestContext({}, { PUBLIC_URL });
    const a2 = await buildTestApp(c2);
    try {
      expect((await a2.inject({ method: 'GET', url: '/api/auth/oidc/config' })).json()).toEqual({ enabled: false, providerName: null });
      const s = await a2.inject({ method: 'GET', url: '/api/auth/oidc/start', headers: { accept: 'application/json' } });
      expect(s.statusCode).toBe(404);
    } finally {
      await a2.close();
      await c2.close();
    }
  });
});
