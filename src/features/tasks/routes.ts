/** «Мои задачи»: the person's tasks in the acting organization. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, errorResponses } from '../../platform/http/schemas.js';
import { TaskSchema } from './schemas.js';
import { notFound } from '../../platform/http/errors.js';
import { confirmTask, getTask, listTasks, taskDto } from './tasks.js';

export const taskRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/tasks',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Рабочий стол'],
        summary: 'Мои задачи в организации',
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('all')])) }),
        response: { 200: Type.Object({ items: Type.Array(TaskSchema) }), ...errorResponses },
      },
    },
    async (req) => ({ items: (await listTasks(ctx.db, actorOf(req), req.query.status ?? 'open')).map(taskDto) }),
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { access: { right: 'read' } },
      schema: { tags: ['Рабочий стол'], summary: 'Задача', params: IdParams, response: { 200: TaskSchema, ...errorResponses } },
    },
    async (req) => {
      const t = await getTask(ctx.db, actorOf(req), req.params.id);
      if (!t) throw notFound('Задача не найдена');
      return taskDto(t);
    },
  );

  app.post(
    '/api/tasks/:id/confirm',
    {
      config: { access: { right: 'read' } },
      schema: { tags: ['Рабочий стол'], summary: 'Подтвердить задачу (закрыть её)', params: IdParams, response: { 200: TaskSchema, ...errorResponses } },
    },
    async (req) => {
      const t = await confirmTask(ctx.db, actorOf(req), req.params.id, ctx.now());
      if (!t) throw notFound('Задача не найдена');
      return taskDto(t);
    },
  );
};
