/** The demo outbox's one read: the newest messages, every secret hidden. */
import type { AppContext } from '../../platform/context.js';
import { shownText } from '../../platform/mail/outbox.js';

export async function listOutbox(ctx: AppContext, limit: number) {
  const rows = await ctx.db
    .selectFrom('mail_messages')
    .select(['id', 'to_address', 'subject', 'body_text', 'status', 'created_at', 'sent_at'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return {
    mode: ctx.mailer.mode,
    items: rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      text: shownText(r.body_text),
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    })),
  };
}
