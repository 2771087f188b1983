/** HTTP of statements, their signatures and the public verification page. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, IsoDate, KeysetPage, KeysetPaging, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { checkKey, idempotent, sendIdempotent } from '../../platform/http/idempotency.js';
import { TaskSchema } from '../tasks/schemas.js';
import { taskDto } from '../tasks/tasks.js';
import { orderStatement, startStatementForm, type OrderedStatement } from './order-statement.js';
import { getStatement, listSiteStatements, openStatementFile } from './view.js';
import { statementStore } from './files.js';
import { sendStored } from '../../platform/files/index.js';
import { AppError } from '../../platform/http/errors.js';

const Status = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('ready'), Type.Literal('failed')]);
const FileKind = Type.Union([Type.Literal('pdf'), Type.Literal('xlsx'), Type.Literal('pdf.sig'), Type.Literal('xlsx.sig')]);

const Statement = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'Номер сведений, например СП-2026-000001' }),
  siteId: Uuid,
  siteName: Type.String(),
  from: IsoDate,
  to: IsoDate,
  permits: Type.Array(Type.Object({ id: Uuid, number: Type.String() })),
  status: Status,
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Причина, если формирование не удалось' }),
  attempts: Type.Integer(),
  orderedAt: Type.String({ format: 'date-time' }),
  orderedBy: Type.String(),
  formationCutoff: Type.String({ format: 'date-time', description: 'В сведения вошли рейсы, завершённые не позже этого момента' }),
  readyAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  tripCount: Type.Union([Type.Integer(), Type.Null()]),
  files: Type.Union([
    Type.Array(Type.Object({ kind: FileKind, url: Type.String(), fileName: Type.String(), bytes: Type.Integer() })),
    Type.Null(),
  ]),
});

export const statementRoutes: RoutesPlugin = (app, ctx) => {
  app.post(
    '/api/services/statement/start',
    {
      config: { access: { right: 'draft', orgRoles: ['producer'] } },
      schema: {
        tags: ['Сведения'],
        summary: 'Госуслуга «Формирование сведений о результатах перемещения ОСС»: создать задачу в «Моих задачах»',
        description: 'Если у пользователя уже есть открытая задача формирования сведений, возвращается она.',
        response: { 200: TaskSchema, ...errorResponses },
      },
    },
    async (req) => taskDto(await startStatementForm(ctx, actorOf(req))),
  );

  app.post(
    '/api/statements',
    {
      config: { access: { right: 'submit', orgRoles: ['producer'] } },
      schema: {
        tags: ['Сведения'],
        summary: 'Заказать сведения о результатах перемещения ОСС',
        description:
          'Сведения формируются в фоне по объекту, периоду (даты включительно, время московское) и выбранным разрешениям. В них входят рейсы, сформированные к моменту заказа; рейсы, записанные позже, документ не меняют. Принимает Idempotency-Key.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: Type.Object({
          siteId: Uuid,
          from: IsoDate,
          to: IsoDate,
          permitIds: Type.Array(Uuid, { maxItems: 200 }),
          taskId: Type.Optional(Uuid),
        }),
        response: { 202: Type.Object({ id: Uuid, number: Type.String(), status: Type.Literal('queued') }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const key = checkKey(req.headers['idempotency-key'] as string | undefined);
      const out = await idempotent<OrderedStatement>(ctx.db, { organizationId: actor.organizationId, key, body: req.body, status: 202 }, (trx) =>
        orderStatement(trx, { ctx, actor, input: req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
      );
      return sendIdempotent(reply, out, `/api/statements/${out.body.id}`);
    },
  );

  app.get(
    '/api/statements/:id',
    {
      config: { access: { right: 'read' } },
      schema: { tags: ['Сведения'], summary: 'Сведения: состояние формирования и файлы', params: IdParams, response: { 200: Statement, ...errorResponses } },
    },
    async (req) => getStatement(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/sites/:id/statements',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Сведения'],
        summary: 'Сведения о результатах перемещения ОСС по объекту',
        params: IdParams,
        description: 'Новые сверху. Следующая страница — с after = nextCursor; total точен до 1000, дальше «более 1000».',
        querystring: Type.Object(KeysetPaging),
        response: { 200: KeysetPage(Statement), ...errorResponses },
      },
    },
    async (req) => listSiteStatements(ctx, actorOf(req), req.params.id, { after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.get(
    '/api/statements/:id/files/:kind',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Сведения'],
        summary: 'Файл сведений: PDF, XLSX или их подписи (.sig, CMS DER)',
        params: Type.Object({ id: Uuid, kind: FileKind }),
        response: { 200: Type.Any({ description: 'Файл' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const f = await openStatementFile(ctx, actorOf(req), req.params.id, req.params.kind);
      const sent = await sendStored(reply, statementStore(ctx), f.key, { name: f.name, asciiName: f.asciiName, type: f.type, cacheControl: 'private, max-age=3600' });
      if (!sent) throw new AppError('unavailable', 'Файл временно недоступен: хранилище файлов не отвечает');
      return sent;
    },
  );

};
