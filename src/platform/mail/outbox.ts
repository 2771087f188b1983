/**
 * The mail outbox: `enqueueMail(trx, …)` writes the message and enqueues the
 * job `mail.send` in the caller's transaction, so a message exists if and
 * only if the change that causes it committed. The job sends it through SMTP
 * when the mailer is in smtp mode, else leaves it in the outbox (status
 * 'outbox').
 *
 * Secrets (a password-reset link and code, the link that ends a session) are
 * never part of the stored message: the body is composed with `mailText`,
 * which puts a placeholder where each secret goes and keeps the values apart
 * in `mail_secrets`. Only the send job reads them, to put them into the
 * letter it hands to SMTP, and it deletes them in the same step — as it does
 * when the message stays in the local outbox, fails for good, or its secrets
 * expire first. Whatever shows a message (the demo outbox) uses `shownText`,
 * where each placeholder reads «ссылка скрыта» / «код скрыт».
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { defineJob, enqueue } from '../jobs/index.js';
import type { MailMessage } from './index.js';
import { createSmsSender } from './sms.js';

/** A secret in a message: a link or a code. */
export interface MailSecret {
  readonly kind: 'link' | 'code';
  readonly value: string;
}

export const secretLink = (url: string): MailSecret => ({ kind: 'link', value: url });
export const secretCode = (code: string): MailSecret => ({ kind: 'code', value: code });

/** A body whose secrets are placeholders, and the secrets by placeholder name. */
export interface MailBody {
  readonly text: string;
  readonly secrets: Readonly<Record<string, string>>;
}

// Placeholders are delimited by private-use characters, which are stripped from everything else
// put into a body, so no text from a user (a name, an organization) can forge one.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(link|code)-(\d+)\uE001/g;
const DELIMITERS = /[\uE000\uE001]/g;

export const HIDDEN: Record<MailSecret['kind'], string> = { link: '«ссылка скрыта»', code: '«код скрыт»' };

const isSecret = (v: unknown): v is MailSecret =>
  typeof v === 'object' && v !== null && 'kind' in v && 'value' in v && ((v as MailSecret).kind === 'link' || (v as MailSecret).kind === 'code');

/** Tagged template for a message body: `mailText\`перейдите по ссылке ${secretLink(url)}\``. */
export function mailText(strings: TemplateStringsArray, ...values: unknown[]): MailBody {
  let text = '';
  const secrets: Record<string, string> = {};
  strings.forEach((s, i) => {
    text += s.replace(DELIMITERS, '');
    if (i >= values.length) return;
    const v = values[i];
    if (isSecret(v)) {
      const name = `${v.kind}-${Object.keys(secrets).length + 1}`;
      secrets[name] = v.value;
      text += `${OPEN}${name}${CLOSE}`;
    } else {
      text += String(v).replace(DELIMITERS, '');
    }
  });
  return { text, secrets };
}

/** The letter as it goes out: placeholders filled with the secrets (null if a secret is missing). */
export function filledText(text: string, secrets: Readonly<Record<string, string>>): string | null {
  let missing = false;
  const out = text.replace(PLACEHOLDER, (_m, kind: string, n: string) => {
    const v = secrets[`${kind}-${n}`];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? null : out;
}

// A second wall for text written before secrets were kept apart: a link carrying a token or code.
const SECRET_LINK = /https?:\/\/\S*[?&](token|code)=\S+/gi;

/** The message as any page shows it: every secret hidden. */
export function shownText(text: string): string {
  return text
    .replace(PLACEHOLDER, (_m, kind: MailSecret['kind']) => HIDDEN[kind])
    .replace(SECRET_LINK, HIDDEN.link);
}

const hasPlaceholders = (text: string): boolean => new RegExp(PLACEHOLDER.source).test(text);

export interface OutgoingMail extends Omit<MailMessage, 'text'> {
  personId?: string | null;
  text: string | MailBody;
  /** 'sms': `to` is a phone (+7XXXXXXXXXX), the text goes through the SMS gateway (the subject stays in the outbox only). */
  channel?: 'email' | 'sms';
  /** Until when the secrets are worth sending (default: a day). */
  secretsExpireAt?: Date;
}

export const mailSendJob = defineJob<{ id: string }>({
  name: 'mail.send',
  maxAttempts: 8,
  parse(payload) {
    const p = payload as { id?: unknown };
    if (typeof p?.id !== 'string') throw new Error('mail.send: payload.id expected');
    return { id: p.id };
  },
  async run(ctx, { id }, meta) {
    // Secrets that outlived their use are wiped whenever mail is handled.
    await ctx.db.deleteFrom('mail_secrets').where('expires_at', '<=', sql<Date>`now()`).execute();
    const msg = await ctx.db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
    // Already sent, or left in the outbox: running twice does nothing.
    if (!msg || msg.status !== 'queued') return;
    const finish = (set: { status: 'outbox' | 'sent' | 'failed'; last_error?: string | null; attempts?: number; sent_at?: Date }) =>
      ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('mail_messages').set(set).where('id', '=', id).where('status', '=', 'queued').execute();
        await trx.deleteFrom('mail_secrets').where('message_id', '=', id).execute();
      });
    const sms = msg.channel === 'sms' ? createSmsSender(ctx.config) : null;
    if (sms ? sms.mode === 'outbox' : ctx.mailer.mode === 'outbox') {
      // The message never leaves the system, so its secrets are of no use to anyone.
      await finish({ status: 'outbox' });
      return;
    }
    const stored = await ctx.db.selectFrom('mail_secrets').select('secrets').where('message_id', '=', id).executeTakeFirst();
    const secrets = (stored?.secrets ?? {}) as Record<string, string>;
    const text = filledText(msg.body_text, secrets);
    const html = msg.body_html === null ? undefined : filledText(msg.body_html, secrets);
    if (text === null || html === null) {
      await finish({ status: 'failed', last_error: 'Срок действия ссылки или кода истёк до отправки письма', attempts: msg.attempts + 1 });
      return;
    }
    try {
      if (sms) await sms.send({ to: msg.to_address, text });
      else await ctx.mailer.send({ to: msg.to_address, subject: msg.subject, text, html });
    } catch (e) {
      const last = meta.attempt >= meta.maxAttempts;
      const error = String((e as Error).message).slice(0, 500);
      if (last) await finish({ status: 'failed', last_error: error, attempts: msg.attempts + 1 });
      else await ctx.db.updateTable('mail_messages').set({ attempts: msg.attempts + 1, last_error: error }).where('id', '=', id).execute();
      throw e;
    }
    await finish({ status: 'sent', sent_at: new Date(), attempts: msg.attempts + 1, last_error: null });
  },
  async giveUp(ctx, { id }) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('mail_messages').set({ status: 'failed' }).where('id', '=', id).where('status', '=', 'queued').execute();
      await trx.deleteFrom('mail_secrets').where('message_id', '=', id).execute();
    });
  },
});

const DEFAULT_SECRET_LIFE_MS = 24 * 3_600_000;

/** Writes a message to the outbox (its secrets apart) and enqueues its sending, in the caller's transaction. */
export async function enqueueMail(trx: Transaction<Database>, msg: OutgoingMail): Promise<string> {
  const body: MailBody = typeof msg.text === 'string' ? { text: msg.text.replace(DELIMITERS, ''), secrets: {} } : msg.text;
  if (hasPlaceholders(body.text) !== Object.keys(body.secrets).length > 0) throw new Error('enqueueMail: secrets and placeholders disagree');
  // A link that carries a token in plain text would be stored and shown: it must go through secretLink.
  if (new RegExp(SECRET_LINK.source, 'i').test(body.text) || (msg.html && new RegExp(SECRET_LINK.source, 'i').test(msg.html))) {
    throw new Error('enqueueMail: a link with a token or code must be put in the text with secretLink(…)');
  }
  const row = await trx
    .insertInto('mail_messages')
    .values({ person_id: msg.personId ?? null, to_address: msg.to, subject: msg.subject, body_text: body.text, body_html: msg.html ?? null, channel: msg.channel ?? 'email' })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (Object.keys(body.secrets).length) {
    await trx
      .insertInto('mail_secrets')
      .values({
        message_id: row.id,
        secrets: JSON.stringify(body.secrets),
        expires_at: msg.secretsExpireAt ?? new Date(Date.now() + DEFAULT_SECRET_LIFE_MS),
      })
      .execute();
  }
  await enqueue(trx, mailSendJob, { id: row.id }, { jobKey: `mail:${row.id}` });
  return row.id;
}
