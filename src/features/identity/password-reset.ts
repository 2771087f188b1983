/**
 * Password change and recovery (seed 003): recovery by a one-time link or a
 * six-digit code sent by e-mail. The answer to «forgot» is the same whether
 * or not the login exists. A new password ends every other session.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { findPersonByLogin } from './sessions.js';
import { moscowTime } from './open-session.js';

export const RESET_TTL_MINUTES = 30;
const MAX_CODE_ATTEMPTS = 5;

const sha = (s: string): Buffer => crypto.createHash('sha256').update(s).digest();

interface Meta {
  ip: string | null;
  userAgent: string | null;
}

export async function requestPasswordReset(ctx: AppContext, login: string, meta: Meta): Promise<void> {
  const person = await findPersonByLogin(ctx, login);
  if (!person?.email) {
    await ctx.db.transaction().execute((trx) => audit(trx, { action: 'auth.password_reset_unknown', ...meta, details: { login: login.slice(0, 100) } }));
    return;
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(ctx.now().getTime() + RESET_TTL_MINUTES * 60_000);
  await ctx.db.transaction().execute(async (trx) => {
    // A new request replaces the earlier ones.
    await trx.updateTable('password_resets').set({ used_at: ctx.now() }).where('person_id', '=', person.id).where('used_at', 'is', null).execute();
    await trx
      .insertInto('password_resets')
      .values({ person_id: person.id, token_hash: sha(token), code_hash: sha(`${person.id}:${code}`), expires_at: expiresAt })
      .execute();
    await enqueueMail(trx, {
      personId: person.id,
      to: person.email!,
      subject: 'Восстановление пароля ОССиГ',
      text: [
        `Здравствуйте, ${person.full_name}!`,
        '',
        'Кто-то (возможно, вы) запросил восстановление пароля от вашей учётной записи ОССиГ.',
        `Чтобы задать новый пароль, перейдите по ссылке: ${ctx.config.publicUrl}/password/reset?token=${token}`,
        `или введите код ${code} на странице восстановления пароля.`,
        `Ссылка и код действуют до ${moscowTime(expiresAt)} и могут быть использованы один раз.`,
        '',
        'Если вы не запрашивали восстановление, просто проигнорируйте это письмо: пароль останется прежним.',
      ].join('\n'),
    });
    await audit(trx, { action: 'auth.password_reset_requested', personId: person.id, ...meta });
  });
}

/** Sets a new password by the link's token, or by the login and the code from the e-mail. */
export async function resetPassword(
  ctx: AppContext,
  o: { token?: string; login?: string; code?: string; newPassword: string } & Meta,
): Promise<void> {
  const policy = checkPasswordPolicy(o.newPassword);
  if (policy) throw invalid({ field: 'newPassword', message: policy.replace(/^Пароль/, 'Новый пароль') });
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    let reset;
    if (o.token) {
      reset = await trx.selectFrom('password_resets').selectAll().where('token_hash', '=', sha(o.token)).forUpdate().executeTakeFirst();
    } else if (o.login && o.code) {
      const person = await findPersonByLogin(ctx, o.login);
      reset = person
        ? await trx
            .selectFrom('password_resets')
            .selectAll()
            .where('person_id', '=', person.id)
            .where('used_at', 'is', null)
            .orderBy('created_at', 'desc')
            .forUpdate()
            .executeTakeFirst()
        : undefined;
      if (reset && !sha(`${reset.person_id}:${o.code.trim()}`).equals(reset.code_hash)) {
        await trx.updateTable('password_resets').set({ attempts: reset.attempts + 1, ...(reset.attempts + 1 >= MAX_CODE_ATTEMPTS ? { used_at: now } : {}) }).where('id', '=', reset.id).execute();
        reset = undefined;
      }
    } else {
      throw invalid({ field: 'code', message: 'Код: укажите код из письма или перейдите по ссылке из письма' });
    }
    if (!reset || reset.used_at || new Date(reset.expires_at) <= now || reset.attempts >= MAX_CODE_ATTEMPTS) {
      return 'invalid' as const;
    }
    await trx.updateTable('password_resets').set({ used_at: now }).where('id', '=', reset.id).execute();
    await trx.updateTable('persons').set({ password_hash: await hashPassword(o.newPassword) }).where('id', '=', reset.person_id).execute();
    await trx.updateTable('sessions').set({ ended_at: now }).where('person_id', '=', reset.person_id).where('ended_at', 'is', null).execute();
    await trx.deleteFrom('login_throttle').where('key', 'in', await loginKeysOf(trx, reset.person_id)).execute();
    await audit(trx, { action: 'auth.password_reset', personId: reset.person_id, ip: o.ip, userAgent: o.userAgent });
    return 'ok' as const;
  }).then((r) => {
    // Wrong codes are counted in the transaction above, so it commits; the error is raised after.
    if (r === 'invalid') throw new AppError('reset_invalid', 'Ссылка или код восстановления недействительны или устарели. Запросите восстановление пароля ещё раз');
  });
}

async function loginKeysOf(trx: any, personId: string): Promise<string[]> {
  const p = await trx.selectFrom('persons').select(['email', 'phone', 'snils']).where('id', '=', personId).executeTakeFirst();
  const keys = ['login:-'];
  if (p?.email) keys.push(`login:${p.email.toLowerCase()}`);
  if (p?.phone) keys.push(`login:${p.phone}`);
  if (p?.snils) keys.push(`login:${p.snils}`);
  return keys;
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
