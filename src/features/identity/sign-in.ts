/**
 * Sign-in with a login and password, and its second step (a TOTP or recovery
 * code) when the person has a second factor. Throttled per login and address
 * (./throttle.ts); every failure is audited; a lock is 429 `account_locked`
 * with Retry-After.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { RequestMeta } from '../../platform/http/request-meta.js';
import { audit } from '../../platform/audit.js';
import { verifyPassword } from './password.js';
import { findPersonByLogin, withIdentityColumns } from './sessions.js';
import { accountKeyOf, clearKeys, isKnownDevice, lockedError, recordFailure, signInKeys, waitSeconds } from './throttle.js';
import { openSession } from './open-session.js';
import { consumeSecondFactor, totpEnabled } from './totp.js';

const SECOND_FACTOR_TTL_SECONDS = 300;
const MAX_SECOND_FACTOR_ATTEMPTS = 5;

const sha = (s: string): Buffer => crypto.createHash('sha256').update(s).digest();

type OpenedSession = Awaited<ReturnType<typeof openSession>>;

export type PasswordSignIn =
  | { secondFactor: { challengeToken: string; expiresAt: Date } }
  | { session: OpenedSession };

/** The first step: a session, or (second factor on) a challenge for `completeSecondFactor`. */
export async function signInWithPassword(ctx: AppContext, o: { login: string; password: string; meta: RequestMeta }): Promise<PasswordSignIn> {
  const { login, meta } = o;
  const person = await findPersonByLogin(ctx, login);
  const keys = signInKeys(accountKeyOf(login, person?.id), meta.ip, await isKnownDevice(ctx, person?.id, meta));
  const wait = await waitSeconds(ctx, keys.check);
  if (wait) {
    await ctx.db.transaction().execute((trx) => audit(trx, { action: 'auth.login_locked', personId: person?.id ?? null, ...meta, details: { login: login.slice(0, 100) } }));
    throw lockedError(wait);
  }
  const ok = await verifyPassword(person?.password_hash ?? null, o.password);
  if (!person || !ok) {
    await recordFailure(ctx, keys.count);
    const lock = await waitSeconds(ctx, keys.check);
    await ctx.db.transaction().execute((trx) =>
      audit(trx, { action: 'auth.login_failed', personId: person?.id ?? null, ...meta, details: { login: login.slice(0, 100), locked: lock > 0 } }),
    );
    if (lock) throw lockedError(lock);
    throw new AppError('invalid_credentials', 'Неверный логин или пароль');
  }
  if (await totpEnabled(ctx.db, person.id)) {
    const challengeToken = crypto.randomBytes(24).toString('base64url');
    const expiresAt = new Date(ctx.now().getTime() + SECOND_FACTOR_TTL_SECONDS * 1000);
    await ctx.db
      .insertInto('auth_challenges')
      .values({ kind: 'second_factor', secret_hash: sha(challengeToken), person_id: person.id, payload: JSON.stringify({ login: login.slice(0, 200) }), expires_at: expiresAt })
      .execute();
    return { secondFactor: { challengeToken, expiresAt } };
  }
  await clearKeys(ctx, [keys.pair]);
  return { session: await openSession(ctx, { personId: person.id, method: 'password', strong: false, meta }) };
}

/** The second step: the challenge of the first and a code; the challenge is used once, and allows five wrong codes. */
export async function completeSecondFactor(ctx: AppContext, o: { challengeToken: string; code: string; meta: RequestMeta }): Promise<OpenedSession> {
  const { meta } = o;
  const ch = await ctx.db.selectFrom('auth_challenges').selectAll().where('secret_hash', '=', sha(o.challengeToken)).where('kind', '=', 'second_factor').executeTakeFirst();
  if (!ch || !ch.person_id || ch.used_at || new Date(ch.expires_at) <= ctx.now() || ch.attempts >= MAX_SECOND_FACTOR_ATTEMPTS) {
    throw new AppError('challenge_expired', 'Время на ввод кода истекло или попытки исчерпаны: войдите заново');
  }
  const login = String((ch.payload as { login?: string }).login ?? '');
  const keys = signInKeys(accountKeyOf(login, ch.person_id), meta.ip, await isKnownDevice(ctx, ch.person_id, meta));
  const wait = await waitSeconds(ctx, keys.check);
  if (wait) throw lockedError(wait);
  const personId = ch.person_id;
  let method: 'totp' | 'recovery_code' | null = null;
  try {
    const session = await openSession(ctx, {
      personId,
      method: 'totp',
      strong: true,
      meta,
      within: async (trx) => {
        const used = await trx.updateTable('auth_challenges').set({ used_at: ctx.now() }).where('id', '=', ch.id).where('used_at', 'is', null).returning('id').executeTakeFirst();
        if (!used) throw new AppError('challenge_expired', 'Код уже был введён: войдите заново');
        method = await consumeSecondFactor(trx, personId, o.code, ctx.now());
        if (!method) throw new AppError('second_factor_invalid', 'Код: неверный, устаревший или уже использованный код', [{ field: 'code', message: 'Код: неверный, устаревший или уже использованный код' }]);
      },
    });
    await clearKeys(ctx, [keys.pair]);
    if (method === 'recovery_code') {
      await withIdentityColumns(ctx.db).updateTable('sessions').set({ auth_method: 'recovery_code' }).where('id', '=', session.sessionId).execute();
    }
    return session;
  } catch (e) {
    if (e instanceof AppError && e.code === 'second_factor_invalid') {
      await ctx.db.updateTable('auth_challenges').set({ attempts: ch.attempts + 1 }).where('id', '=', ch.id).execute();
      await recordFailure(ctx, keys.count);
      await ctx.db.transaction().execute((trx) => audit(trx, { action: 'auth.second_factor_failed', personId, ...meta }));
      const lock = await waitSeconds(ctx, keys.check);
      if (lock) throw lockedError(lock);
    }
    throw e;
  }
}
