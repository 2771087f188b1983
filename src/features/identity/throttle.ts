/**
 * Throttling of guesses: sign-in passwords and second-factor codes, password
 * reset requests and reset codes. Failures are counted in the database (table
 * `login_throttle`) per key, whether or not the login exists, so the answer
 * never tells. After a key's `limit` failures each further one makes it wait
 * a growing delay (1, 2, 4 … minutes, at most an hour); its count starts
 * again after a day without failures.
 *
 * Sign-in keys, so that nobody elsewhere can lock the owner out and one
 * address cannot shut out everyone behind it:
 *  - one account from one address (`pair:`): delays after 5 failures;
 *  - one account from every address (`account:`): delays after 20 failures,
 *    applied only to devices the person has not signed in from before —
 *    the owner on a known device is never held up by someone else's guesses.
 * The address as a whole is limited per minute by the route's rate limit.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { normalizeLogin } from './sessions.js';
import { deviceFingerprint } from './devices.js';

export const THROTTLE = {
  pairLimit: 5,
  accountLimit: 20,
  baseDelaySeconds: 60,
  maxDelaySeconds: 3600,
  forgetAfterHours: 24,
} as const;

export interface ThrottleKey {
  key: string;
  /** Failures allowed before delays begin. */
  limit: number;
}

/** Seconds to wait after `failures` failures of a key with `limit`. */
export function delayAfter(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(THROTTLE.maxDelaySeconds, THROTTLE.baseDelaySeconds * 2 ** Math.min(failures - limit, 20));
}

/** Whom a sign-in guess is about: the person when the login exists, else the login as typed (same behaviour, so nothing tells). */
export const accountKeyOf = (login: string, personId: string | null | undefined): string =>
  personId ? personId : `login:${normalizeLogin(login).value}`;

/**
 * The keys of a sign-in attempt. `knownDevice`: the person has signed in
 * from this browser and address before — then the account-wide count does
 * not hold the attempt up (it still counts its failures).
 */
export function signInKeys(account: string, ip: string | null, knownDevice: boolean): { pair: ThrottleKey; check: ThrottleKey[]; count: ThrottleKey[] } {
  const pair = { key: `pair:${account}|${ip ?? '-'}`, limit: THROTTLE.pairLimit };
  const whole = { key: `account:${account}`, limit: THROTTLE.accountLimit };
  return { pair, check: knownDevice ? [pair] : [pair, whole], count: [pair, whole] };
}

/** Whether the person has signed in from this browser and address before (the same query for unknown logins). */
export async function isKnownDevice(ctx: AppContext, personId: string | null | undefined, meta: { ip: string | null; userAgent: string | null }): Promise<boolean> {
  const { fingerprint } = deviceFingerprint(meta.userAgent, meta.ip);
  const row = await ctx.db
    .selectFrom('known_devices')
    .select('fingerprint')
    .where('person_id', '=', personId ?? '00000000-0000-0000-0000-000000000000')
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
  return row !== undefined;
}

/** Seconds until every key is free again (0 when none waits). */
export async function waitSeconds(ctx: AppContext, keys: readonly ThrottleKey[]): Promise<number> {
  if (!keys.length) return 0;
  const now = ctx.now();
  const row = await ctx.db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.max('locked_until').as('until'))
    .where('key', 'in', keys.map((k) => k.key))
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row?.until ? Math.max(1, Math.ceil((new Date(row.until).getTime() - now.getTime()) / 1000)) : 0;
}

/** Throws `account_locked` (429, with retryAfter seconds) when any key must wait. */
export async function assertNotLocked(ctx: AppContext, keys: readonly ThrottleKey[]): Promise<void> {
  const seconds = await waitSeconds(ctx, keys);
  if (seconds) throw lockedError(seconds);
}

export function lockedError(seconds: number): AppError {
  return new AppError(
    'account_locked',
    `Слишком много неудачных попыток входа. Повторите через ${waitText(seconds)} или восстановите пароль`,
    undefined,
    { retryAfter: seconds },
  );
}

export const waitText = (seconds: number): string => (seconds < 60 ? `${seconds} с` : `${Math.ceil(seconds / 60)} мин.`);

/** Counts a failure for every key; returns the longest wait it caused, in seconds (0 if none). */
export async function recordFailure(ctx: AppContext, keys: readonly ThrottleKey[]): Promise<number> {
  const now = ctx.now();
  const forgetBefore = new Date(now.getTime() - THROTTLE.forgetAfterHours * 3_600_000);
  let longest = 0;
  for (const { key, limit } of keys) {
    const row = await sql<{ failures: number }>`
      insert into login_throttle as t (key, failures, window_started_at, last_failure_at)
      values (${key}, 1, ${now}, ${now})
      on conflict (key) do update set
        failures = case when coalesce(t.last_failure_at, t.window_started_at) < ${forgetBefore} then 1 else t.failures + 1 end,
        window_started_at = case when coalesce(t.last_failure_at, t.window_started_at) < ${forgetBefore} then ${now}::timestamptz else t.window_started_at end,
        last_failure_at = ${now}
      returning failures`.execute(ctx.db);
    const failures = row.rows[0]?.failures ?? 1;
    const delay = delayAfter(failures, limit);
    if (delay > 0) {
      await ctx.db.updateTable('login_throttle').set({ locked_until: new Date(now.getTime() + delay * 1000) }).where('key', '=', key).execute();
      longest = Math.max(longest, delay);
    }
  }
  return longest;
}

/** A success clears the count of these keys (a sign-in: the pair, not the account-wide count). */
export async function clearKeys(ctx: AppContext, keys: readonly ThrottleKey[]): Promise<void> {
  if (keys.length) await ctx.db.deleteFrom('login_throttle').where('key', 'in', keys.map((k) => k.key)).execute();
}
