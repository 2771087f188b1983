/**
 * Throttling of sign-in: failures are counted per login and per IP address in
 * the database (table login_throttle), whether or not the login exists, so
 * the answer never tells. After LOGIN_LIMIT failures within WINDOW a login is
 * locked for LOCK; an IP address after IP_LIMIT.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { normalizeLogin } from './sessions.js';

export const THROTTLE = { loginLimit: 5, ipLimit: 50, windowMinutes: 15, lockMinutes: 15 } as const;

export function throttleKeys(login: string, ip: string | null): string[] {
  const keys = [`login:${normalizeLogin(login).value}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

/** Throws `account_locked` (429, with retryAfter seconds) when any key is locked now. */
export async function assertNotLocked(ctx: AppContext, keys: string[]): Promise<void> {
  const now = ctx.now();
  const row = await ctx.db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.max('locked_until').as('until'))
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .executeTakeFirst();
  if (row?.until) {
    const seconds = Math.max(1, Math.ceil((new Date(row.until).getTime() - now.getTime()) / 1000));
    throw lockedError(seconds);
  }
}

export function lockedError(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'account_locked',
    `Слишком много неудачных попыток входа. Вход временно заблокирован, повторите через ${minutes} мин. или восстановите пароль`,
    undefined,
    { retryAfter: seconds },
  );
}

/** Counts a failure for every key; returns the lock in seconds if this failure locked one. */
export async function recordFailure(ctx: AppContext, keys: string[]): Promise<number | null> {
  const now = ctx.now();
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockMinutes * 60_000);
  let locked: number | null = null;
  for (const key of keys) {
    const limit = key.startsWith('ip:') ? THROTTLE.ipLimit : THROTTLE.loginLimit;
    const row = await sql<{ failures: number; locked_until: Date | null }>`
      insert into login_throttle as t (key, failures, window_started_at, locked_until)
      values (${key}, 1, ${now}, ${limit <= 1 ? lockUntil : null})
      on conflict (key) do update set
        failures = case when t.window_started_at < ${windowStart} then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < ${windowStart} then ${now}::timestamptz else t.window_started_at end,
        locked_until = case
          when (case when t.window_started_at < ${windowStart} then 1 else t.failures + 1 end) >= ${limit} then ${lockUntil}::timestamptz
          else t.locked_until end
      returning failures, locked_until`.execute(ctx.db);
    const r = row.rows[0];
    if (r?.locked_until && new Date(r.locked_until) > now && r.failures >= limit) locked = THROTTLE.lockMinutes * 60;
  }
  return locked;
}

/** A successful sign-in clears the login's count (not the IP's). */
export async function recordSuccess(ctx: AppContext, login: string): Promise<void> {
  await ctx.db.deleteFrom('login_throttle').where('key', '=', `login:${normalizeLogin(login).value}`).execute();
}
