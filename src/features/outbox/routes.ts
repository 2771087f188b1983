/**
 * «Исходящая почта» of a demo stand: the operator reads what the system sent
 * or keeps in the local outbox. The route exists only in demo mode (DEMO),
 * and even there no secret is shown: links and codes read «ссылка скрыта» /
 * «код скрыт» (their values never reach the message table, see
 * platform/mail/outbox.ts).
 */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { Uuid, errorResponses } from '../../platform/http/schemas.js';
import { shownText } from '../../platform/mail/outbox.js';

export const outboxRoutes: RoutesPlugin = (app, ctx) => {
  if (!ctx.config.demo) return;
  app.get(
    '/api/outbox',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: ['Служебное'],
        summary: 'Исходящая почта системы (только на демо-стенде; ссылки и коды скрыты)',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
        response: {
          200: Type.Object({
            mode: Type.String(),
            items: Type.Array(
              Type.Object({
                id: Uuid,
                to: Type.String(),
                subject: Type.String(),
                text: Type.String({ description: 'Текст письма; ссылки и коды из него скрыты' }),
                status: Type.String(),
                createdAt: Type.String({ format: 'date-time' }),
                sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const rows = await ctx.db
        .selectFrom('mail_messages')
        .select(['id', 'to_address', 'subject', 'body_text', 'status', 'created_at', 'sent_at'])
        .orderBy('created_at', 'desc')
        .limit(req.query.limit ?? 50)
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
    },
  );
};
