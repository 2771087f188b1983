/** The cabinet's notifications. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { notFound } from '../../platform/http/errors.js';
import { listNotifications, markRead, type NotificationRow } from './queries.js';

const NotificationSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});

const dto = (n: NotificationRow) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: new Date(n.created_at).toISOString(), read: n.read_at !== null });

export const notificationRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/notifications',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Рабочий стол'],
        summary: 'Уведомления',
        response: { 200: Type.Object({ items: Type.Array(NotificationSchema), unread: Type.Integer() }), ...errorResponses },
      },
    },
    async (req) => {
      const { items, unread } = await listNotifications(ctx.db, actorOf(req));
      return { items: items.map(dto), unread };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: { right: 'read' } },
      schema: { tags: ['Рабочий стол'], summary: 'Отметить уведомление прочитанным', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      if (!(await markRead(ctx.db, actorOf(req), req.params.id))) throw notFound('Уведомление не найдено');
      return reply.status(204).send(null);
    },
  );
};
