/**
 * The mail outbox: `enqueueMail(trx, …)` writes the message and enqueues the
 * job `mail.send` in the caller's transaction, so a message exists if and
 * only if the change that causes it committed. The job sends it through SMTP
 * when the mailer is in smtp mode, else leaves it in the outbox (status
 * 'outbox'), where the operator reads it (GET /api/outbox).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { defineJob, enqueue } from '../jobs/index.js';
import type { MailMessage } from './index.js';

export interface OutgoingMail extends MailMessage {
  personId?: string | null;
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
    const msg = await ctx.db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
    // Already sent, or left in the outbox: running twice does nothing.
    if (!msg || msg.status !== 'queued') return;
    if (ctx.mailer.mode === 'outbox') {
      await ctx.db.updateTable('mail_messages').set({ status: 'outbox' }).where('id', '=', id).where('status', '=', 'queued').execute();
      return;
    }
    try {
      await ctx.mailer.send({ to: msg.to_address, subject: msg.subject, text: msg.body_text, html: msg.body_html ?? undefined });
    } catch (e) {
      const last = meta.attempt >= meta.maxAttempts;
      await ctx.db
        .updateTable('mail_messages')
        .set({ attempts: msg.attempts + 1, last_error: String((e as Error).message).slice(0, 500), ...(last ? { status: 'failed' as const } : {}) })
        .where('id', '=', id)
        .execute();
      throw e;
    }
    await ctx.db
      .updateTable('mail_messages')
      .set({ status: 'sent', sent_at: new Date(), attempts: msg.attempts + 1, last_error: null })
      .where('id', '=', id)
      .execute();
  },
  async giveUp(ctx, { id }) {
    await ctx.db.updateTable('mail_messages').set({ status: 'failed' }).where('id', '=', id).where('status', '=', 'queued').execute();
  },
});

/** Writes a message to the outbox and enqueues its sending, in the caller's transaction. */
export async function enqueueMail(trx: Transaction<Database>, msg: OutgoingMail): Promise<string> {
  const row = await trx
    .insertInto('mail_messages')
    .values({ person_id: msg.personId ?? null, to_address: msg.to, subject: msg.subject, body_text: msg.text, body_html: msg.html ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueue(trx, mailSendJob, { id: row.id }, { jobKey: `mail:${row.id}` });
  return row.id;
}
