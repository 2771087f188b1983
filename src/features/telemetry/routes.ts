/** Telemetry for the operator: terminals that send data while no vehicle names them. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { Nullable, Page, Paging, ProblemSchema, errorResponses } from '../../platform/http/schemas.js';
import { listUnknownTerminals } from './queries.js';
import { dismissReview, listReviews } from './reviews.js';
import { actorOf } from '../../platform/http/auth.js';

const Review = Type.Object({
  id: Type.Integer(),
  reasonCode: Type.String({ description: 'dump_outside, no_permit, ambiguous_permit, rejected, facility_differs, no_volume' }),
  reason: Type.String({ description: 'Причина, по-русски' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('dismissed')]),
  kind: Type.Union([Type.Literal('trip'), Type.Literal('dump_outside')], { description: 'trip — кузов поднят на объекте приёма; dump_outside — вне объектов приёма' }),
  carrierName: Type.String(),
  plate: Type.String(),
  siteName: Type.String({ description: 'Объект образования, где ТС загрузилось' }),
  facilityName: Nullable(Type.String()),
  loadedAt: Type.String({ format: 'date-time', description: 'Выезд с объекта образования' }),
  unloadedAt: Type.String({ format: 'date-time', description: 'Подъём кузова' }),
  latitude: Type.Number({ description: 'Где поднят кузов' }),
  longitude: Type.Number(),
  distanceKm: Nullable(Type.Number()),
  tripId: Nullable(Type.Integer({ description: 'Рейс, с которым связан случай' })),
  createdAt: Type.String({ format: 'date-time' }),
  dismissedAt: Nullable(Type.String({ format: 'date-time' })),
  dismissReason: Nullable(Type.String()),
});

const UnknownTerminal = Type.Object({
  terminal: Type.String({ description: 'Номер терминала (идентификатор EGTS или IMEI)' }),
  protocol: Type.String({ description: 'egts или wialon' }),
  firstSeen: Type.String({ format: 'date-time' }),
  lastSeen: Type.String({ format: 'date-time' }),
  points: Type.Integer({ description: 'Сколько точек принято и хранится' }),
  lastLatitude: Nullable(Type.Number()),
  lastLongitude: Nullable(Type.Number()),
});

export const telemetryRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/telemetry/unknown-terminals',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Неизвестные терминалы: присылают данные, но не указаны ни у одного транспортного средства (данные сохранены)',
        querystring: Type.Object({ ...Paging }),
        response: { 200: Page(UnknownTerminal), ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 50;
      const r = await listUnknownTerminals(ctx, { limit: pageSize, offset: (page - 1) * pageSize });
      return { ...r, page, pageSize };
    },
  );

  app.get(
    '/api/telemetry/reviews',
    {
      config: { access: { right: 'read', orgRoles: ['carrier', 'operator'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Случаи на проверку: рейсы по данным трекеров, которые не удалось сформировать или которые расходятся с заявленными (перевозчик видит свои ТС)',
        querystring: Type.Object({ ...Paging, status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('dismissed')])) }),
        response: { 200: Page(Review), ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 50;
      const r = await listReviews(ctx, actorOf(req), { status: req.query.status, limit: pageSize, offset: (page - 1) * pageSize });
      return { ...r, page, pageSize };
    },
  );

  app.post(
    '/api/telemetry/reviews/:id/dismiss',
    {
      config: { access: { right: 'submit', orgRoles: ['operator'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Закрыть случай с указанием причины (оператор)',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Причина' }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Type.Integer(), status: Type.Literal('dismissed'), dismissedAt: Type.String({ format: 'date-time' }) }),
          ...errorResponses,
          409: ProblemSchema,
        },
      },
    },
    async (req) => dismissReview(ctx, actorOf(req), req.params.id, req.body.reason),
  );
};
