/**
 * Password change and recovery (seed 003): recovery by a one-time link or a
 * six-digit code sent by e-mail.
 *
 * «Forgot» answers the same, in the same time, whether or not the login
 * exists: the request only counts itself against its address and enqueues
 * the job `auth.password_reset_request`, which looks the login up and writes
 * the letter. An account has at most one live code: a new request while it
 * lives replaces its link and code (the earlier letter stops working) but
 * keeps its deadline and the wrong guesses already made. Requests are limited
 * per account and per address, wrong codes per code, per account and per
 * address (growing delays, see throttle.ts). A new password ends every
 * session and revokes every API token of the person.
 */
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { defineJob, enqueue } from '../../platform/jobs/index.js';
import { enqueueMail, mailText, secretCode, secretLink } from '../../platform/mail/outbox.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { findPersonByLogin } from './sessions.js';
import { moscowTime } from './open-session.js';
import { accountKeyOf, recordFailure, waitSeconds, waitText, type ThrottleKey } from './throttle.js';

export const RESET_TTL_MINUTES = 30;

export const RESET_LIMITS = {
  /** Wrong codes before a code is void. */
  attemptsPerCode: 5,
  /** Wrong codes (and links) of one account, from anywhere, before delays. */
  failuresPerAccount: 10,
  /** Wrong codes and links from one address, for any account, before delays. */
  failuresPerAddress: 20,
  /** Letters sent to one account before further requests wait. */
  requestsPerAccount: 3,
  /** «Forgot» requests from one address before it waits. */
  requestsPerAddress: 10,
} as const;

const sha = (s: string): Buffer => crypto.createHash('sha256').update(s).digest();

interface Meta {
  ip: string | null;
  userAgent: string | null;
}

const addressKeys = {
  requests: (ip: string | null): ThrottleKey => ({ key: `forgot-ip:${ip ?? '-'}`, limit: RESET_LIMITS.requestsPerAddress }),
  failures: (ip: string | null): ThrottleKey => ({ key: `reset-ip:${ip ?? '-'}`, limit: RESET_LIMITS.failuresPerAddress }),
};
const accountKeys = {
  requests: (personId: string): ThrottleKey => ({ key: `forgot-account:${personId}`, limit: RESET_LIMITS.requestsPerAccount }),
  failures: (account: string): ThrottleKey => ({ key: `reset-account:${account}`, limit: RESET_LIMITS.failuresPerAccount }),
};

function tooMany(seconds: number, what: string): AppError {
  return new AppError('too_many_requests', `${what}. Повторите через ${waitText(seconds)}`, undefined, { retryAfter: seconds });
}

/** «Forgot»: the same work for any login — count the address, enqueue the job. */
export async function requestPasswordReset(ctx: AppContext, login: string, meta: Meta): Promise<void> {
  const key = addressKeys.requests(meta.ip);
  const wait = await waitSeconds(ctx, [key]);
  if (wait) throw tooMany(wait, 'Слишком много запросов восстановления пароля с вашего адреса');
  await recordFailure(ctx, [key]);
  await ctx.db.transaction().execute((trx) => enqueue(trx, passwordResetRequestJob, { login: login.slice(0, 200), ...meta }));
}

export const passwordResetRequestJob = defineJob<{ login: string } & Meta>({
  name: 'auth.password_reset_request',
  maxAttempts: 5,
  parse(payload) {
    const p = payload as { login?: unknown; ip?: unknown; userAgent?: unknown };
    if (typeof p?.login !== 'string') throw new Error('auth.password_reset_request: payload.login expected');
    return { login: p.login, ip: typeof p.ip === 'string' ? p.ip : null, userAgent: typeof p.userAgent === 'string' ? p.userAgent : null };
  },
  run: (ctx, p) => issuePasswordReset(ctx, p.login, p),
});

/** Looks the login up and sends the letter (or replaces the live code's link and code). */
export async function issuePasswordReset(ctx: AppContext, login: string, meta: Meta): Promise<void> {
  const person = await findPersonByLogin(ctx, login);
  if (!person?.email) {
    await ctx.db.transaction().execute((trx) => audit(trx, { action: 'auth.password_reset_unknown', ...meta, details: { login: login.slice(0, 100) } }));
    return;
  }
  const limit = accountKeys.requests(person.id);
  if (await waitSeconds(ctx, [limit])) {
    await ctx.db.transaction().execute((trx) => audit(trx, { action: 'auth.password_reset_throttled', personId: person.id, ...meta }));
    return;
  }
  await recordFailure(ctx, [limit]);
  const now = ctx.now();
  const token = crypto.randomBytes(24).toString('base64url');
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.transaction().execute(async (trx) => {
    // One request of a person at a time, so two cannot both find «no live code».
    await trx.selectFrom('persons').select('id').where('id', '=', person.id).forUpdate().executeTakeFirst();
    const live = await liveReset(trx, person.id, now);
    let expiresAt: Date;
    if (live) {
      // The live code is replaced, not renewed: same deadline, the wrong guesses still count.
      expiresAt = new Date(live.expires_at);
      await trx.updateTable('password_resets').set({ token_hash: sha(token), code_hash: sha(`${person.id}:${code}`) }).where('id', '=', live.id).execute();
    } else {
      expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES * 60_000);
      await trx.updateTable('password_resets').set({ used_at: now }).where('person_id', '=', person.id).where('used_at', 'is', null).execute();
      await trx
        .insertInto('password_resets')
        .values({ person_id: person.id, token_hash: sha(token), code_hash: sha(`${person.id}:${code}`), expires_at: expiresAt })
        .execute();
    }
    await enqueueMail(trx, {
      personId: person.id,
      to: person.email!,
      subject: 'Восстановление пароля ОССиГ',
      secretsExpireAt: expiresAt,
      text: mailText`Здравствуйте, ${person.full_name}!

Кто-то (возможно, вы) запросил восстановление пароля от вашей учётной записи ОССиГ.
Чтобы задать новый пароль, перейдите по ссылке: ${secretLink(`${ctx.config.publicUrl}/password/reset?token=${token}`)}
или введите на странице восстановления пароля код: ${secretCode(code)}
Ссылка и код действуют до ${moscowTime(expiresAt)} и могут быть использованы один раз.${live ? '\nСсылка и код из предыдущего письма больше не действуют.' : ''}

Если вы не запрашивали восстановление, просто проигнорируйте это письмо: пароль останется прежним.`,
    });
    await audit(trx, { action: live ? 'auth.password_reset_resent' : 'auth.password_reset_requested', personId: person.id, ...meta });
  });
}

function liveReset(trx: Transaction<Database>, personId: string, now: Date) {
  return trx
    .selectFrom('password_resets')
    .selectAll()
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('attempts', '<', RESET_LIMITS.attemptsPerCode)
    .orderBy('created_at', 'desc')
    .forUpdate()
    .executeTakeFirst();
}

const RESET_INVALID = 'Ссылка или код восстановления недействительны или устарели. Запросите восстановление пароля ещё раз';

/** Sets a new password by the link's token, or by the login and the code from the e-mail. */
export async function resetPassword(
  ctx: AppContext,
  o: { token?: string; login?: string; code?: string; newPassword: string } & Meta,
): Promise<void> {
  const policy = checkPasswordPolicy(o.newPassword);
  if (policy) throw invalid({ field: 'newPassword', message: policy.replace(/^Пароль/, 'Новый пароль') });
  if (!o.token && !(o.login && o.code)) {
    throw invalid({ field: 'code', message: 'Код: укажите логин и код из письма или перейдите по ссылке из письма' });
  }
  const now = ctx.now();
  const person = o.token ? undefined : await findPersonByLogin(ctx, o.login!);
  const keys = [addressKeys.failures(o.ip), ...(o.token ? [] : [accountKeys.failures(accountKeyOf(o.login!, person?.id))])];
  const wait = await waitSeconds(ctx, keys);
  if (wait) throw tooMany(wait, 'Слишком много неверных кодов восстановления');
  const hash = await hashPassword(o.newPassword);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    let reset;
    if (o.token) {
      reset = await trx.selectFrom('password_resets').selectAll().where('token_hash', '=', sha(o.token)).forUpdate().executeTakeFirst();
      if (reset && (reset.used_at || new Date(reset.expires_at) <= now || reset.attempts >= RESET_LIMITS.attemptsPerCode)) reset = undefined;
    } else {
      reset = person ? await liveReset(trx, person.id, now) : undefined;
      if (reset && !crypto.timingSafeEqual(sha(`${reset.person_id}:${o.code!.trim()}`), reset.code_hash)) {
        const attempts = reset.attempts + 1;
        // Wrong codes are counted in this transaction, so it commits; the error is raised after.
        await trx
          .updateTable('password_resets')
          .set({ attempts, ...(attempts >= RESET_LIMITS.attemptsPerCode ? { used_at: now } : {}) })
          .where('id', '=', reset.id)
          .execute();
        reset = undefined;
      }
    }
    if (!reset) return 'invalid' as const;
    const personId = reset.person_id;
    await trx.updateTable('password_resets').set({ used_at: now }).where('person_id', '=', personId).where('used_at', 'is', null).execute();
    await trx.updateTable('persons').set({ password_hash: hash }).where('id', '=', personId).execute();
    // Whoever held the account before the reset holds nothing now: no session, no API token.
    const sessions = await trx.updateTable('sessions').set({ ended_at: now }).where('person_id', '=', personId).where('ended_at', 'is', null).executeTakeFirst();
    const tokens = await trx.updateTable('api_tokens').set({ revoked_at: now }).where('person_id', '=', personId).where('revoked_at', 'is', null).executeTakeFirst();
    await clearThrottleOf(trx, personId);
    await audit(trx, {
      action: 'auth.password_reset',
      personId,
      ip: o.ip,
      userAgent: o.userAgent,
      details: { sessionsEnded: Number(sessions.numUpdatedRows), tokensRevoked: Number(tokens.numUpdatedRows) },
    });
    return 'ok' as const;
  });
  if (outcome === 'invalid') {
    await recordFailure(ctx, keys);
    throw new AppError('reset_invalid', RESET_INVALID);
  }
}

/** After a reset the person starts clean: sign-in and reset counts of their account are forgotten. */
async function clearThrottleOf(trx: Transaction<Database>, personId: string): Promise<void> {
  await trx
    .deleteFrom('login_throttle')
    .where((eb) =>
      eb.or([
        eb('key', 'in', [`account:${personId}`, `reset-account:${personId}`]),
        eb('key', 'like', `pair:${personId}|%`),
      ]),
    )
    .execute();
}

/** Changes the password of a signed-in person; other sessions end. */
export async function changePassword(
  ctx: AppContext,
  o: { personId: string; sessionId: string | null; currentPassword: string; newPassword: string } & Meta,
): Promise<void> {
  const person = await ctx.db.selectFrom('persons').select(['password_hash']).where('id', '=', o.personId).executeTakeFirstOrThrow();
  if (person.password_hash && !(await verifyPassword(person.password_hash, o.currentPassword))) {
    throw invalid({ field: 'currentPassword', message: 'Текущий пароль: указан неверно' });
  }
  const policy = checkPasswordPolicy(o.newPassword);
  if (policy) throw invalid({ field: 'newPassword', message: policy.replace(/^Пароль/, 'Новый пароль') });
  if (o.newPassword === o.currentPassword) throw invalid({ field: 'newPassword', message: 'Новый пароль: совпадает с текущим' });
  const hash = await hashPassword(o.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('persons').set({ password_hash: hash }).where('id', '=', o.personId).execute();
    let q = trx.updateTable('sessions').set({ ended_at: ctx.now() }).where('person_id', '=', o.personId).where('ended_at', 'is', null);
    if (o.sessionId) q = q.where('id', '<>', o.sessionId);
    await q.execute();
    await audit(trx, { action: 'auth.password_changed', personId: o.personId, ip: o.ip, userAgent: o.userAgent });
  });
}
