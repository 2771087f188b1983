/**
 * Sign-in through an external OpenID Connect provider (the way ЕСИА/Госуслуги
 * works): authorization code flow with PKCE (S256), state and nonce.
 *
 * Where the flow's secrets live: `GET /api/auth/oidc/start` writes one row to
 * `auth_challenges` (kind `oidc`): the SHA-256 of `state` as `secret_hash`, and
 * the `nonce` and PKCE `code_verifier` in `payload`; it lives 10 minutes and is
 * consumed once. The browser gets the `state` in an httpOnly cookie
 * `ossig_oidc` (path /api/auth/oidc, SameSite=Lax, 10 minutes): the callback
 * is accepted only in the browser that started the flow (login CSRF), only
 * once (replay), and only before it expires.
 *
 * Mapping: the provider's person is matched to ours by СНИЛС (claim `snils`,
 * from the ID token or UserInfo), otherwise by e-mail only when the provider
 * says `email_verified: true`. An unknown person is refused (403) — nobody is
 * created: people join ОССиГ through an organization (e-signature sign-in of
 * the head, an invitation of a trusted person by СНИЛС, registration), and an
 * external account alone says nothing about which organization they act for.
 *
 * Errors: a browser (Accept: text/html) is redirected to `/login?error=<code>`
 * (the sign-in page shows `OIDC_ERROR_MESSAGES[code]` from ./texts.ts); an API client
 * (Accept: application/json) gets problem+json with the same Russian text.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import * as oidc from 'openid-client';
import type { ProblemCode } from '../../platform/http/errors.js';
import type { RequestMeta } from '../../platform/http/request-meta.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { checkSnils } from '../../domain/identifiers.js';
import { openSession } from './open-session.js';
import { OIDC_ERROR_MESSAGES, type OidcErrorCode } from './texts.js';

export const OIDC_COOKIE = 'ossig_oidc';
export const OIDC_TTL_SECONDS = 600;
export const OIDC_COOKIE_PATH = '/api/auth/oidc';
const sha = (s: string): Buffer => crypto.createHash('sha256').update(s).digest();

export const PROBLEM_OF: Record<OidcErrorCode, ProblemCode> = {
  oidc_disabled: 'not_found',
  oidc_unavailable: 'unavailable',
  oidc_state: 'external_login_failed',
  oidc_replayed: 'external_login_failed',
  oidc_denied: 'external_login_failed',
  oidc_failed: 'external_login_failed',
  oidc_unknown_person: 'forbidden',
  oidc_mismatch: 'forbidden',
};

export class OidcFailure extends Error {
  constructor(
    readonly reason: OidcErrorCode,
    readonly internal?: string,
  ) {
    super(OIDC_ERROR_MESSAGES[reason]);
  }
}

export function oidcEnabled(ctx: AppContext): boolean {
  return !!(ctx.config.oidc.issuer && ctx.config.oidc.clientId);
}

/** A name for the button: «Госуслуги (ЕСИА)» for gosuslugi.ru, otherwise the provider's host. */
export function providerName(ctx: AppContext): string | null {
  if (!ctx.config.oidc.issuer) return null;
  const host = new URL(ctx.config.oidc.issuer).host;
  return /(^|\.)gosuslugi\.ru$/i.test(host) || /esia/i.test(host) ? 'Госуслуги (ЕСИА)' : `OpenID Connect (${host})`;
}

export const redirectUri = (ctx: AppContext): string => `${ctx.config.publicUrl}/api/auth/oidc/callback`;

/** Discovery, once per context (retried after a failure). */
const discovered = new WeakMap<AppContext, Promise<oidc.Configuration>>();
function providerConfig(ctx: AppContext): Promise<oidc.Configuration> {
  let p = discovered.get(ctx);
  if (!p) {
    const { issuer, clientId, clientSecret } = ctx.config.oidc;
    const url = new URL(issuer!);
    p = oidc
      .discovery(
        url,
        clientId!,
        { client_secret: clientSecret ?? undefined, redirect_uris: [redirectUri(ctx)], response_types: ['code'] },
        clientSecret ? oidc.ClientSecretPost(clientSecret) : oidc.None(),
        { execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((e) => {
        discovered.delete(ctx);
        throw new OidcFailure('oidc_unavailable', (e as Error).message);
      });
    discovered.set(ctx, p);
  }
  return p;
}

/** The claims we use, from the ID token and UserInfo. */
interface ExternalPerson {
  sub: string;
  snils: string | null;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

function snilsOf(claims: Record<string, unknown>): string | null {
  for (const key of ['snils', 'urn:esia:snils', 'SNILS']) {
    const v = claims[key];
    if (typeof v === 'string' || typeof v === 'number') {
      const r = checkSnils(String(v));
      if (r.ok) return r.value as string;
    }
  }
  return null;
}

/** The person behind the external account: by СНИЛС, else by verified e-mail. */
async function matchPerson(ctx: AppContext, ext: ExternalPerson): Promise<{ id: string; by: 'snils' | 'email' }> {
  if (ext.snils) {
    const p = await ctx.db.selectFrom('persons').select('id').where('snils', '=', ext.snils).where('deleted_at', 'is', null).executeTakeFirst();
    if (p) return { id: p.id, by: 'snils' };
  }
  if (ext.email && ext.emailVerified) {
    const p = await ctx.db
      .selectFrom('persons')
      .select(['id', 'snils'])
      .where(sql`lower(email)`, '=', ext.email.toLowerCase())
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (p) {
      // The provider vouches for another СНИЛС than ours: the e-mail may have changed hands.
      if (ext.snils && p.snils && p.snils !== ext.snils) throw new OidcFailure('oidc_mismatch');
      return { id: p.id, by: 'email' };
    }
  }
  throw new OidcFailure('oidc_unknown_person');
}

/**
 * The start of a flow: the provider's authorization URL and the `state` for
 * the browser's cookie (state's hash, nonce and PKCE verifier kept 10 minutes).
 * Throws `OidcFailure('oidc_unavailable')` when discovery fails.
 */
export async function beginOidcFlow(ctx: AppContext): Promise<{ url: URL; state: string }> {
  const config = await providerConfig(ctx);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const expiresAt = new Date(ctx.now().getTime() + OIDC_TTL_SECONDS * 1000);
  await ctx.db
    .insertInto('auth_challenges')
    .values({ kind: 'oidc', secret_hash: sha(state), payload: JSON.stringify({ nonce, verifier }), expires_at: expiresAt })
    .execute();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(ctx),
    scope: 'openid email snils',
    response_type: 'code',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  return { url, state };
}

export interface OidcCallback {
  /** The query the provider sent back (code, state, iss, or error). */
  query: { code?: string; state?: string; iss?: string; error?: string; error_description?: string; [k: string]: unknown };
  /** The state from this browser's cookie. */
  cookieState: string | undefined;
  meta: RequestMeta;
  /** Where a failed code exchange is logged (without secrets). */
  warn: (err: unknown, message: string) => void;
}

/**
 * The end of a flow: checks the state against this browser's cookie, consumes
 * the flow once, exchanges the code (PKCE), checks the ID token and nonce,
 * matches the person and opens a session. A failure is audited and returned
 * as its reason.
 */
export async function completeOidcFlow(
  ctx: AppContext,
  o: OidcCallback,
): Promise<{ session: Awaited<ReturnType<typeof openSession>> } | { failure: OidcErrorCode }> {
  const { query: q, cookieState, meta } = o;
  const failed = async (reason: OidcErrorCode, details: Record<string, unknown> = {}, personId: string | null = null) => {
    await ctx.db.transaction().execute((trx) => audit(trx, { action: 'auth.oidc_failed', personId, ...meta, details: { reason, ...details } }));
    return { failure: reason };
  };
  const state = q.state ?? '';
  // The state must be the one this browser was given at the start.
  const sameBrowser = !!state && !!cookieState && cookieState.length === state.length && crypto.timingSafeEqual(Buffer.from(cookieState), Buffer.from(state));
  if (!sameBrowser) return failed('oidc_state', { cookie: !!cookieState, state: !!state });

  // Consume the flow once, before anything else: a replayed or late callback stops here.
  const ch = await ctx.db
    .updateTable('auth_challenges')
    .set({ used_at: ctx.now() })
    .where('secret_hash', '=', sha(state))
    .where('kind', '=', 'oidc')
    .where('used_at', 'is', null)
    .where('expires_at', '>', ctx.now())
    .returning(['id', 'payload'])
    .executeTakeFirst();
  if (!ch) {
    const known = await ctx.db.selectFrom('auth_challenges').select(['used_at']).where('secret_hash', '=', sha(state)).where('kind', '=', 'oidc').executeTakeFirst();
    return failed(known?.used_at ? 'oidc_replayed' : 'oidc_state');
  }
  if (q.error) return failed('oidc_denied', { error: q.error.slice(0, 100), description: q.error_description?.slice(0, 300) ?? null });
  const { nonce, verifier } = ch.payload as { nonce: string; verifier: string };

  let ext: ExternalPerson;
  try {
    const config = await providerConfig(ctx);
    const current = new URL(redirectUri(ctx));
    for (const [k, v] of Object.entries(q)) if (typeof v === 'string') current.searchParams.set(k, v);
    const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
    let claims: Record<string, unknown> = { ...idClaims };
    if (config.serverMetadata().userinfo_endpoint) {
      const info = (await oidc.fetchUserInfo(config, tokens.access_token, String(idClaims.sub))) as Record<string, unknown>;
      claims = { ...info, ...idClaims };
    }
    ext = {
      sub: String(idClaims.sub),
      snils: snilsOf(claims),
      email: typeof claims.email === 'string' ? claims.email : null,
      emailVerified: claims.email_verified === true || claims.email_verified === 'true',
      name: typeof claims.name === 'string' ? claims.name : null,
    };
  } catch (e) {
    const reason: OidcErrorCode = e instanceof OidcFailure ? e.reason : 'oidc_failed';
    o.warn(e, 'oidc code exchange failed');
    return failed(reason, { error: (e as Error).message.slice(0, 300), code: (e as { code?: string }).code ?? null });
  }

  let person: { id: string; by: 'snils' | 'email' };
  try {
    person = await matchPerson(ctx, ext);
  } catch (e) {
    if (!(e instanceof OidcFailure)) throw e;
    return failed(e.reason, { issuer: ctx.config.oidc.issuer, sub: ext.sub, snils: !!ext.snils, email: ext.email ? { verified: ext.emailVerified } : null });
  }
  const session = await openSession(ctx, {
    personId: person.id,
    method: 'oidc',
    strong: false,
    meta,
    details: { issuer: ctx.config.oidc.issuer, sub: ext.sub, matchedBy: person.by },
  });
  return { session };
}
