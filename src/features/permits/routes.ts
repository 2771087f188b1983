import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, IsoDate, Page, Paging, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { getPermit, listPermits } from './queries.js';

const PermitRow = Type.Object({
  id: Uuid,
  number: Type.String(),
  siteId: Uuid,
  siteName: Type.String(),
  validFrom: IsoDate,
  validTo: IsoDate,
  status: Type.String(),
});

const Org = Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() });

const PermitCard = Type.Intersect([
  PermitRow,
  Type.Object({
    wasteTypes: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        hazardClass: Type.Integer(),
        permittedVolume: Type.String(),
        movedVolume: Type.String({ description: 'Перемещено: объём грузов, принятых объектами приёма, м³ — по рейсам, которые видит организация (перевозчик — только по своим)' }),
        awaitingVolume: Type.String({ description: 'Ожидают решения объекта приёма, м³ (в перемещённые не входят)' }),
        rejectedVolume: Type.String({ description: 'Отклонены объектами приёма, м³ (не перемещены)' }),
        movedTrips: Type.Integer(),
        awaitingTrips: Type.Integer(),
        rejectedTrips: Type.Integer(),
        overLimit: Type.Boolean({ description: 'Перемещённый (принятый) объём больше разрешённого — по всем рейсам разрешения' }),
      }),
    ),
    carriers: Type.Array(Org),
    facilities: Type.Array(Type.Intersect([Org, Type.Object({ address: Type.Union([Type.String(), Type.Null()]) })])),
  }),
]);

export const permitRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/permits',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Разрешения'],
        summary: 'Разрешения на перемещение ОСС, доступные организации',
        querystring: Type.Object({ siteId: Type.Optional(Uuid), ...Paging }),
        response: { 200: Page(PermitRow), ...errorResponses },
      },
    },
    async (req) => listPermits(ctx.db, actorOf(req), req.query.siteId, req.query.page ?? 1, req.query.pageSize ?? 50),
  );

  app.get(
    '/api/permits/:id',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Разрешения'],
        summary: 'Разрешение: виды отходов и использование разрешённых объёмов, перевозчики, объекты приёма',
        params: IdParams,
        response: { 200: PermitCard, ...errorResponses },
      },
    },
    async (req) => getPermit(ctx.db, actorOf(req), req.params.id),
  );
};
