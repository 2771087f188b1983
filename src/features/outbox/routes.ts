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
import { listOutbox } from './queries.js';

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
    async (req) => listOutbox(ctx, req.query.limit ?? 50),
  );
};
