/** The cabinet's desktop: the person's tasks («Мои задачи») and notifications. */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { notFound } from '../../platform/http/errors.js';

export const Task = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  status: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const Notification = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A `tasks` row as the API shows it. */
export const taskDto = (t: { id: string; kind: string; title: string; status: string; payload: Record<string, unknown>; created_at: Date; closed_at: Date | null }) => ({
  id: t.id,
  kind: t.kind,
  title: t.title,
  status: t.status,
  payload: t.payload,
  createdAt: iso(t.created_at)!,
  closedAt: iso(t.closed_at),
});

export const desktopRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/tasks',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Рабочий стол'],
        summary: 'Мои задачи в организации',
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('all')])) }),
        response: { 200: Type.Object({ items: Type.Array(Task) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      let q = ctx.db
        .selectFrom('tasks')
        .selectAll()
        .where('organization_id', '=', actor.organizationId)
        .where((eb) => eb.or([eb('person_id', '=', actor.personId), eb('person_id', 'is', null)]));
      const status = req.query.status ?? 'open';
      if (status !== 'all') q = q.where('status', '=', status);
      const rows = await q.orderBy('created_at', 'desc').limit(200).execute();
      return { items: rows.map(taskDto) };
    },
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { access: { right: 'read' } },
      schema: { tags: ['Рабочий стол'], summary: 'Задача', params: IdParams, response: { 200: Task, ...errorResponses } },
    },
    async (req) => {
      const actor = actorOf(req);
      const t = await ctx.db
        .selectFrom('tasks')
        .selectAll()
        .where('id', '=', req.params.id)
        .where('organization_id', '=', actor.organizationId)
        .where((eb) => eb.or([eb('person_id', '=', actor.personId), eb('person_id', 'is', null)]))
        .executeTakeFirst();
      if (!t) throw notFound('Задача не найдена');
      return taskDto(t);
    },
  );

  app.get(
    '/api/notifications',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Рабочий стол'],
        summary: 'Уведомления',
        response: { 200: Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const base = ctx.db
        .selectFrom('notifications')
        .where((eb) =>
          eb.or([
            eb.and([eb('organization_id', '=', actor.organizationId), eb.or([eb('person_id', 'is', null), eb('person_id', '=', actor.personId)])]),
            eb.and([eb('organization_id', 'is', null), eb('person_id', '=', actor.personId)]),
          ]),
        );
      const [rows, unread] = await Promise.all([
        base.selectAll().orderBy('created_at', 'desc').limit(100).execute(),
        base.select(sql<number>`count(*)::int`.as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: iso(n.created_at)!, read: n.read_at !== null })),
        unread: unread.n,
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: { right: 'read' } },
      schema: { tags: ['Рабочий стол'], summary: 'Отметить уведомление прочитанным', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const res = await ctx.db
        .updateTable('notifications')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('id', '=', req.params.id)
        .where((eb) =>
          eb.or([
            eb.and([eb('organization_id', '=', actor.organizationId), eb.or([eb('person_id', 'is', null), eb('person_id', '=', actor.personId)])]),
            eb.and([eb('organization_id', 'is', null), eb('person_id', '=', actor.personId)]),
          ]),
        )
        .executeTakeFirst();
      if (!res.numUpdatedRows) throw notFound('Уведомление не найдено');
      return reply.status(204).send(null);
    },
  );
};
