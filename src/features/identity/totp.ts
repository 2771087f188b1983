/**
 * Second factor: TOTP (RFC 6238, 6 digits, 30 s, SHA-1 — what authenticator
 * apps expect) with ten one-time recovery codes. A code is accepted once
 * (the last accepted time step is kept).
 */
import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import { AppError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { verifyPassword } from './password.js';

const PERIOD = 30;

function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: 'ОССиГ', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** The current code for a secret (tests, and the CLI of a person without a phone). */
export function totpCode(secretBase32: string, at: Date = new Date()): string {
  return totpOf(secretBase32, 'x').generate({ timestamp: at.getTime() });
}

const hashCode = (code: string): Buffer => crypto.createHash('sha256').update(code.toLowerCase().replace(/[^0-9a-z]/g, '')).digest();

export async function totpEnabled(db: Db | Transaction<Database>, personId: string): Promise<boolean> {
  const row = await db.selectFrom('person_totp').select('enabled_at').where('person_id', '=', personId).executeTakeFirst();
  return !!row?.enabled_at;
}

/** Starts (or restarts) enrolment: a new secret, pending until confirmed with a code. */
export async function setupTotp(ctx: AppContext, personId: string): Promise<{ secret: string; uri: string }> {
  const person = await ctx.db.selectFrom('persons').select(['email', 'phone', 'full_name']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (await totpEnabled(ctx.db, personId)) throw new AppError('conflict', 'Второй фактор уже включён; чтобы сменить приложение, сначала отключите его');
  const secret = new Secret({ size: 20 }).base32;
  await ctx.db
    .insertInto('person_totp')
    .values({ person_id: personId, secret, enabled_at: null, last_step: null })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ secret, enabled_at: null, last_step: null }))
    .execute();
  const label = person.email ?? person.phone ?? person.full_name;
  return { secret, uri: totpOf(secret, label).toString() };
}

/** Checks a 6-digit code against a secret; returns the matched time step or null. */
function matchStep(secret: string, code: string, at: Date): number | null {
  const delta = totpOf(secret, 'x').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / PERIOD) + delta;
}

export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const b = crypto.randomBytes(8);
    const s = Array.from(b, (x) => alphabet[x % alphabet.length]).join('');
    return `${s.slice(0, 4)}-${s.slice(4)}`;
  });
}

/** Confirms enrolment with a code from the app; returns the recovery codes (shown once). */
export async function enableTotp(
  ctx: AppContext,
  o: { personId: string; code: string; sessionId: string | null; ip: string | null; userAgent: string | null },
): Promise<string[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('person_totp').selectAll().where('person_id', '=', o.personId).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('conflict', 'Сначала получите ключ для приложения (шаг «Подключить»)');
    if (row.enabled_at) throw new AppError('conflict', 'Второй фактор уже включён');
    const step = matchStep(row.secret, o.code.trim(), ctx.now());
    if (step === null) throw new AppError('second_factor_invalid', 'Код: неверный или устаревший код из приложения', [{ field: 'code', message: 'Код: неверный или устаревший код из приложения' }]);
    await trx.updateTable('person_totp').set({ enabled_at: ctx.now(), last_step: step }).where('person_id', '=', o.personId).execute();
    await trx.deleteFrom('recovery_codes').where('person_id', '=', o.personId).execute();
    const codes = newRecoveryCodes();
    await trx.insertInto('recovery_codes').values(codes.map((c) => ({ person_id: o.personId, code_hash: hashCode(c) }))).execute();
    // The session that proved the code is now a strong one.
    if (o.sessionId) await trx.withTables<{ sessions: { strong: boolean; id: string } }>().updateTable('sessions').set({ strong: true }).where('id', '=', o.sessionId).execute();
    await audit(trx, { action: 'auth.second_factor_enabled', personId: o.personId, ip: o.ip, userAgent: o.userAgent });
    return codes;
  });
}

/** Turns the second factor off: the password (when the person has one) and a current code prove it is them. */
export async function disableTotp(ctx: AppContext, o: { personId: string; password: string; code: string; ip: string | null; userAgent: string | null }): Promise<void> {
  const person = await ctx.db.selectFrom('persons').select('password_hash').where('id', '=', o.personId).executeTakeFirstOrThrow();
  if (person.password_hash && !(await verifyPassword(person.password_hash, o.password))) {
    throw new AppError('validation', 'Пароль: указан неверно', [{ field: 'password', message: 'Пароль: указан неверно' }]);
  }
  const ok = await ctx.db.transaction().execute((trx) => consumeSecondFactor(trx, o.personId, o.code, ctx.now()));
  if (!ok) throw new AppError('second_factor_invalid', 'Код: неверный или устаревший', [{ field: 'code', message: 'Код: неверный или устаревший' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('person_totp').where('person_id', '=', o.personId).execute();
    await trx.deleteFrom('recovery_codes').where('person_id', '=', o.personId).execute();
    await audit(trx, { action: 'auth.second_factor_disabled', personId: o.personId, ip: o.ip, userAgent: o.userAgent });
  });
}

/**
 * Checks a second-factor code (6 digits from the app, or a recovery code) and
 * consumes it. Returns how it was proved, or null when wrong or already used.
 */
export async function consumeSecondFactor(trx: Transaction<Database>, personId: string, code: string, at: Date): Promise<'totp' | 'recovery_code' | null> {
  const c = code.trim();
  if (/^\d{6}$/.test(c)) {
    const row = await trx.selectFrom('person_totp').selectAll().where('person_id', '=', personId).forUpdate().executeTakeFirst();
    if (!row?.enabled_at) return null;
    const step = matchStep(row.secret, c, at);
    if (step === null || (row.last_step !== null && step <= Number(row.last_step))) return null;
    await trx.updateTable('person_totp').set({ last_step: step }).where('person_id', '=', personId).execute();
    return 'totp';
  }
  const used = await trx
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('person_id', '=', personId)
    .where('code_hash', '=', hashCode(c))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used ? 'recovery_code' : null;
}

export async function recoveryCodesLeft(ctx: AppContext, personId: string): Promise<number> {
  const r = await ctx.db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId).where('used_at', 'is', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}
