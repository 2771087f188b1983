/** The cabinet's notifications. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf, personOf } from '../../platform/http/auth.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { IdParams, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { notFound } from '../../platform/http/errors.js';
import { listNotifications, markRead, type NotificationRow } from './queries.js';
import { emailSettings, setEmailSettings } from './settings.js';
import { EMAIL_EVENT_KEYS } from './events.js';

const NotificationSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});

const dto = (n: NotificationRow) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: new Date(n.created_at).toISOString(), read: n.read_at !== null });

const EmailSetting = Type.Object({
  event: Type.String({ description: 'Событие: statement.ready, upload.processed, application.status…' }),
  label: Type.String(),
  roles: Type.Array(Type.String(), { description: 'Роли организаций, которых касается событие' }),
  email: Type.Boolean({ description: 'Присылать ли письмо (уведомление в кабинете остаётся всегда)' }),
});
const EmailSettings = Type.Object({ items: Type.Array(EmailSetting) });

export const notificationRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/notifications/settings',
    {
      config: { access: { person: true } },
      schema: { tags: ['Профиль'], summary: 'Какие уведомления присылать по электронной почте', response: { 200: EmailSettings, ...errorResponses } },
    },
    async (req) => ({ items: await emailSettings(ctx.db, personOf(req).personId) }),
  );

  app.put(
    '/api/notifications/settings',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Профиль'],
        summary: 'Выбрать, какие уведомления присылать по электронной почте',
        description: 'Меняются только названные события. Выключенное событие не приходит письмом, но остаётся в уведомлениях кабинета.',
        body: Type.Object(
          {
            settings: Type.Array(
              Type.Object({ event: Type.Union(EMAIL_EVENT_KEYS.map((k) => Type.Literal(k))), email: Type.Boolean() }, { additionalProperties: false }),
              { maxItems: 50 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: EmailSettings, ...errorResponses },
      },
    },
    async (req) => ({ items: await setEmailSettings(ctx.db, { personId: personOf(req).personId, settings: req.body.settings, ...requestMeta(req) }) }),
  );

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
