import { Type } from '@sinclair/typebox';
import { MovementByStateSchema } from '../movement.js';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, Page, Paging, Uuid, IsoDate, errorResponses } from '../../platform/http/schemas.js';
import { listSites, getSite } from './queries.js';
import { permitsWithMovement } from '../permits/queries.js';

const SiteSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  cadastralNumbers: Type.Array(Type.String(), { description: 'Кадастровые номера' }),
  producerId: Uuid,
  producerName: Type.String(),
  permitCount: Type.Integer(),
});

const PermitBrief = Type.Object({
  id: Uuid,
  number: Type.String(),
  validFrom: IsoDate,
  validTo: IsoDate,
  status: Type.String(),
});

const SiteCard = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  cadastralNumbers: Type.Array(Type.String(), { description: 'Кадастровые номера' }),
  producerId: Uuid,
  producerName: Type.String(),
  producerInn: Type.String(),
  producerOgrn: Type.Union([Type.String(), Type.Null()]),
  permits: Type.Array(PermitBrief),
});

export const PermitMovement = Type.Object({
  id: Uuid,
  number: Type.String(),
  validFrom: IsoDate,
  validTo: IsoDate,
  status: Type.String(),
  formedTrips: Type.Integer({ description: 'Сформированные рейсы периода (все: принятые, ожидающие решения и отклонённые)' }),
  formedVolume: Type.String({ description: 'Перемещено: объём сформированных рейсов, принятых объектом приёма, м³' }),
  formedMass: Type.String({ description: 'Перемещено: масса сформированных рейсов, принятых объектом приёма (по весам, где указана), т' }),
  movement: MovementByStateSchema,
  pendingTrips: Type.Integer({ description: 'Рейсы периода, ещё не сформированные' }),
  pendingFormedFrom: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Когда сформируется первый из несформированных рейсов',
  }),
  pendingFormedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Когда сформируется последний из несформированных рейсов',
  }),
});

export const siteRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/sites',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Объекты'],
        summary: 'Объекты образования ОСС, доступные организации',
        querystring: Type.Object(Paging),
        response: { 200: Page(SiteSummary), ...errorResponses },
      },
    },
    async (req) => listSites(ctx.db, actorOf(req), req.query.page ?? 1, req.query.pageSize ?? 50),
  );

  app.get(
    '/api/sites/:id',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Объекты'],
        summary: 'Карточка объекта образования ОСС',
        params: IdParams,
        response: { 200: SiteCard, ...errorResponses },
      },
    },
    async (req) => getSite(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/sites/:id/permits',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Объекты'],
        summary: 'Разрешения объекта, по которым было перемещение в периоде',
        description:
          'Для каждого разрешения — число сформированных рейсов периода; перемещённый (принятый объектами приёма) объём и масса, отдельно — ожидающие решения и отклонённые; сколько рейсов ещё не сформировано и когда они сформируются (через 27 часов после завершения).',
        params: IdParams,
        querystring: Type.Object({ from: IsoDate, to: IsoDate }),
        response: { 200: Type.Object({ from: IsoDate, to: IsoDate, formationHours: Type.Integer(), items: Type.Array(PermitMovement) }), ...errorResponses },
      },
    },
    async (req) => {
      const items = await permitsWithMovement(ctx, actorOf(req), req.params.id, req.query.from, req.query.to);
      return { from: req.query.from, to: req.query.to, formationHours: ctx.config.tripFormationHours, items };
    },
  );
};
