/**
 * Confirming a person's e-mail or phone with a code (seed 003: both are
 * sign-in logins and where notices and recovery codes go, so neither is taken
 * on trust). The code goes by e-mail or SMS through the mail outbox, as a
 * secret kept apart from the stored message (`secretCode`): no page, log or
 * API answer ever holds it. The new value becomes the person's only when the
 * code is entered; until then the old one stays in force.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { enqueueMail, mailText, secretCode } from '../../platform/mail/outbox.js';
import { checkPhone, identifierErrorMessage } from '../../domain/identifiers.js';
import { auditOwnProfile, getMyProfile, type MyProfile } from './my-profile.js';

export type Channel = 'email' | 'phone';

export const CONTACT_LIMITS = {
  /** How long a code works. */
  lifeMs: 15 * 60_000,
  /** Wrong codes before the code is spent. */
  attempts: 5,
  /** Codes a person may ask for per channel in an hour. */
  perHour: 5,
};

const LABEL: Record<Channel, string> = { email: 'Электронная почта', phone: 'Телефон' };

const hash = (personId: string, channel: Channel, code: string) => crypto.createHash('sha256').update(`${personId}:${channel}:${code}`).digest();

interface Meta {
  ip?: string | null;
  userAgent?: string | null;
}

function normalize(channel: Channel, raw: string): string {
  const t = raw.trim();
  if (channel === 'phone') {
    const r = checkPhone(t);
    if (!r.ok) throw invalid({ field: 'phone', message: identifierErrorMessage('phone', r.error) });
    return r.value;
  }
  if (t === '') throw invalid({ field: 'email', message: 'Электронная почта: обязательное поле' });
  if (t.length > 200 || !/^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$/.test(t)) throw invalid({ field: 'email', message: 'Электронная почта: адрес вида name@example.ru' });
  return t;
}

async function takenByAnother(ctx: AppContext, personId: string, channel: Channel, value: string): Promise<boolean> {
  const q = ctx.db.selectFrom('persons').select('id').where('id', '<>', personId).where('deleted_at', 'is', null);
  const row = await (channel === 'email' ? q.where(sql`lower(email)`, '=', value.toLowerCase()) : q.where('phone', '=', value)).executeTakeFirst();
  return !!row;
}

const takenError = (channel: Channel) =>
  invalid({ field: channel, message: `${LABEL[channel]}: ${channel === 'email' ? 'адрес уже указан' : 'номер уже указан'} в другой учётной записи` });

/** Sends a code to the new (or the current, unconfirmed) e-mail or phone. */
export async function requestContactCode(ctx: AppContext, o: { personId: string; channel: Channel; value: string } & Meta): Promise<{ sentTo: string; expiresAt: string }> {
  const value = normalize(o.channel, o.value);
  if (await takenByAnother(ctx, o.personId, o.channel, value)) throw takenError(o.channel);
  const now = ctx.now();
  const recent = await ctx.db
    .selectFrom('contact_confirmations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('person_id', '=', o.personId)
    .where('channel', '=', o.channel)
    .where('created_at', '>', new Date(now.getTime() - 3_600_000))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= CONTACT_LIMITS.perHour) {
    throw new AppError('too_many_requests', `Слишком много кодов за час: следующий можно запросить позже. Введите код из последнего ${o.channel === 'email' ? 'письма' : 'СМС'}.`);
  }
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CONTACT_LIMITS.lifeMs);
  const person = await ctx.db.selectFrom('persons').select('full_name').where('id', '=', o.personId).executeTakeFirstOrThrow();
  await ctx.db.transaction().execute(async (trx) => {
    // A new code replaces the previous one.
    await trx.updateTable('contact_confirmations').set({ expires_at: now }).where('person_id', '=', o.personId).where('channel', '=', o.channel).where('confirmed_at', 'is', null).where('expires_at', '>', now).execute();
    await trx.insertInto('contact_confirmations').values({ person_id: o.personId, channel: o.channel, value, code_hash: hash(o.personId, o.channel, code), created_at: now, expires_at: expiresAt }).execute();
    if (o.channel === 'email') {
      await enqueueMail(trx, {
        personId: o.personId,
        to: value,
        subject: 'Код подтверждения электронной почты в ОССиГ',
        text: mailText`Здравствуйте, ${person.full_name}!

Чтобы подтвердить этот адрес электронной почты в личном кабинете ОССиГ, введите в профиле код: ${secretCode(code)}
Код действует 15 минут. Никому его не сообщайте.

Если вы не указывали этот адрес, ничего делать не нужно.

ОССиГ`,
        secretsExpireAt: expiresAt,
      });
    } else {
      await enqueueMail(trx, {
        personId: o.personId,
        channel: 'sms',
        to: value,
        subject: 'СМС: код подтверждения телефона',
        text: mailText`ОССиГ: код подтверждения телефона ${secretCode(code)}. Действует 15 минут. Никому не сообщайте.`,
        secretsExpireAt: expiresAt,
      });
    }
    await auditOwnProfile(trx, o, 'profile.contact_code_sent', { channel: o.channel });
  });
  return { sentTo: value, expiresAt: expiresAt.toISOString() };
}

/** Enters the code: the value it was sent to becomes the person's e-mail or phone, confirmed. */
export async function confirmContact(ctx: AppContext, o: { personId: string; channel: Channel; code: string } & Meta): Promise<MyProfile> {
  const now = ctx.now();
  const code = o.code.replace(/\s+/g, '');
  // Two people confirming the same address at once: the second meets the unique index, and is told the address is taken.
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('contact_confirmations')
      .selectAll()
      .where('person_id', '=', o.personId)
      .where('channel', '=', o.channel)
      .where('confirmed_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { error: 'Код: срок действия истёк или код не запрашивался — запросите новый код' };
    if (row.attempts >= CONTACT_LIMITS.attempts) return { error: 'Код: слишком много неверных попыток — запросите новый код' };
    if (!/^\d{6}$/.test(code) || !crypto.timingSafeEqual(hash(o.personId, o.channel, code), row.code_hash)) {
      await trx.updateTable('contact_confirmations').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
      const left = CONTACT_LIMITS.attempts - row.attempts - 1;
      return { error: left > 0 ? `Код: неверный код (осталось попыток: ${left})` : 'Код: неверный код — попытки исчерпаны, запросите новый код' };
    }
    if (await takenByAnother(ctx, o.personId, o.channel, row.value)) return { taken: true as const };
    const before = await trx.selectFrom('persons').select(['email', 'phone', 'full_name']).where('id', '=', o.personId).executeTakeFirstOrThrow();
    await trx.updateTable('contact_confirmations').set({ confirmed_at: now }).where('id', '=', row.id).execute();
    await trx.updateTable('persons').set(o.channel === 'email' ? { email: row.value } : { phone: row.value }).where('id', '=', o.personId).execute();
    const old = o.channel === 'email' ? before.email : before.phone;
    // The old address learns of the change (someone else at the keyboard would be noticed).
    if (o.channel === 'email' && before.email && before.email.toLowerCase() !== row.value.toLowerCase()) {
      await enqueueMail(trx, {
        personId: o.personId,
        to: before.email,
        subject: 'Адрес электронной почты в ОССиГ изменён',
        text: `Здравствуйте, ${before.full_name}!\n\nВ вашем профиле ОССиГ указан новый адрес электронной почты. Письма и вход по адресу теперь идут на него.\nЕсли это были не вы, смените пароль в разделе «Безопасность» и обратитесь в поддержку.\n\nОССиГ`,
      });
    }
    await auditOwnProfile(trx, o, `profile.${o.channel}_confirmed`, { changed: old !== row.value });
    return { ok: true as const };
  }).catch((e: { code?: string }) => {
    if (e.code === '23505') return { taken: true as const };
    throw e;
  });
  if ('error' in outcome) throw invalid({ field: 'code', message: outcome.error! });
  if ('taken' in outcome) throw takenError(o.channel);
  return getMyProfile(ctx, o.personId);
}
