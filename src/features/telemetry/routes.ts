/**
 * Telemetry in the cabinet: unknown terminals (operator), the review list, trips seen on the tracks with
 * their route for the map, declared trips against the tracks, and the boundaries of sites and facility
 * objects (read by whoever sees the entry, set by its owner).
 */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { KeysetPage, KeysetPaging, ListTotal, Nullable, ProblemSchema, errorResponses } from '../../platform/http/schemas.js';
import { listUnknownTerminals } from './queries.js';
import { dismissReview, listReviews } from './reviews.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, Uuid } from '../../platform/http/schemas.js';
import { idempotentRequest } from '../../platform/http/idempotency.js';
import { getDetectionTrack, listDeclaredChecks, listDetections } from './detections.js';
import { readBoundary, saveBoundary, type BoundaryEntity } from './boundaries.js';

const Review = Type.Object({
  id: Type.Integer(),
  detectionId: Type.Integer({ description: 'Рейс по данным трекера (GET /api/telemetry/detections/{id}: трек на карте)' }),
  reasonCode: Type.String({ description: 'dump_outside, no_permit, ambiguous_permit, rejected, facility_differs, no_volume, late_points (точки с опозданием меняют уже сформированный рейс)' }),
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

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[долгота, широта], WGS 84' });
const BoundarySchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position)) }),
    Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Type.Array(Position))) }),
  ],
  { description: 'GeoJSON Polygon или MultiPolygon (WGS 84)' },
);

const Detection = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('trip'), Type.Literal('dump_outside')], { description: 'trip — кузов поднят на объекте приёма; dump_outside — вне объектов приёма' }),
  outcome: Type.Union([Type.Literal('recorded'), Type.Literal('linked'), Type.Literal('review')], {
    description: 'recorded — рейс сформирован по данным трекера; linked — подтверждён заявленный перевозчиком рейс; review — случай на проверке',
  }),
  carrierName: Type.String(),
  plate: Type.String(),
  siteName: Type.String(),
  facilityName: Nullable(Type.String()),
  loadedAt: Type.String({ format: 'date-time', description: 'Выезд с объекта образования' }),
  unloadedAt: Type.String({ format: 'date-time', description: 'Подъём кузова' }),
  distanceKm: Nullable(Type.Number()),
  tripId: Nullable(Type.Integer()),
  tripSource: Nullable(Type.String({ description: 'Источник связанного рейса: telemetry — сформирован по трекеру; api, upload — заявлен перевозчиком' })),
  openReviews: Type.Integer({ description: 'Открытых случаев на проверке' }),
  reasons: Type.Array(Type.String(), { description: 'Причины постановки на проверку' }),
});

const DetectionTrack = Type.Intersect([
  Detection,
  Type.Object({
    track: Type.Array(Type.Object({ longitude: Type.Number(), latitude: Type.Number(), at: Type.String({ format: 'date-time' }), bodyRaised: Nullable(Type.Boolean()) })),
    unloadLatitude: Type.Number(),
    unloadLongitude: Type.Number(),
    siteBoundary: Nullable(BoundarySchema),
    facilityBoundary: Nullable(BoundarySchema),
  }),
]);

const DeclaredCheck = Type.Union([Type.Literal('confirmed'), Type.Literal('unsupported'), Type.Literal('no_data')]);

const BoundaryView = Type.Object({
  id: Uuid,
  name: Type.String(),
  boundary: Nullable(BoundarySchema),
  version: Type.Integer(),
  editable: Type.Boolean({ description: 'Может ли пользователь менять границу' }),
});

const BoundaryBody = Type.Object(
  {
    boundary: Type.Union([Type.Null(), Type.Object({}, { additionalProperties: true })], {
      description: 'GeoJSON Polygon или MultiPolygon (также Feature или FeatureCollection из одного объекта) в WGS 84; null — убрать границу',
    }),
  },
  { additionalProperties: false },
);

export const telemetryRoutes: RoutesPlugin = (app, ctx) => {
  const boundaryRoutes = (entity: BoundaryEntity, base: string, tag: string, orgRoles: ['producer'] | ['facility'], readRoles?: Array<'facility' | 'operator'>) => {
    app.get(
      `${base}/:id/boundary`,
      {
        config: { access: { right: 'read', ...(readRoles ? { orgRoles: readRoles } : {}) } },
        schema: {
          tags: [tag],
          summary: 'Граница объекта (геозона для рейсов по данным трекеров)',
          params: IdParams,
          response: { 200: BoundaryView, ...errorResponses },
        },
      },
      async (req) => readBoundary(ctx, actorOf(req), entity, req.params.id),
    );
    app.put(
      `${base}/:id/boundary`,
      {
        config: { access: { right: 'submit', orgRoles } },
        schema: {
          tags: [tag],
          summary: 'Задать границу объекта (нарисованную или из файла GeoJSON) или убрать её',
          description:
            'Принимает Polygon или MultiPolygon в WGS 84 (или Feature / FeatureCollection из одного объекта): контуры замкнуты, не менее 4 точек, долгота −180…180, широта −90…90. Изменение попадает в историю объекта. Принимает Idempotency-Key.',
          params: IdParams,
          body: BoundaryBody,
          response: { 200: Type.Object({ id: Uuid, version: Type.Integer(), boundary: Nullable(BoundarySchema) }), ...errorResponses },
        },
      },
      async (req) =>
        (
          await idempotentRequest(ctx.db, req, 200, (trx) =>
            saveBoundary(trx, { ctx, actor: actorOf(req), entity, id: req.params.id, boundary: req.body.boundary, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null }),
          )
        ).body,
    );
  };
  boundaryRoutes('site', '/api/sites', 'Объекты', ['producer']);
  boundaryRoutes('facility', '/api/facilities', 'Объекты приёма', ['facility'], ['facility', 'operator']);

  app.get(
    '/api/telemetry/detections',
    {
      config: { access: { right: 'read', orgRoles: ['carrier', 'operator', 'producer', 'facility'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Рейсы по данным трекеров и что с ними стало: сформирован, подтверждён заявленный, на проверке',
        description:
          'Перевозчик видит рейсы своих ТС, образователь — со своих объектов, объект приёма — на свои объекты, оператор — все. Последние (по подъёму кузова) сверху; следующая страница — с after = nextCursor; total точен до 1000, дальше «более 1000».',
        querystring: Type.Object({ ...KeysetPaging, outcome: Type.Optional(Type.Union([Type.Literal('recorded'), Type.Literal('linked'), Type.Literal('review')])) }),
        response: { 200: KeysetPage(Detection), ...errorResponses },
      },
    },
    async (req) => listDetections(ctx, actorOf(req), { outcome: req.query.outcome, after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.get(
    '/api/telemetry/detections/:id',
    {
      config: { access: { right: 'read', orgRoles: ['carrier', 'operator', 'producer', 'facility'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Рейс по данным трекера: трек (для карты) и границы объекта образования и объекта приёма',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 200: DetectionTrack, ...errorResponses },
      },
    },
    async (req) => getDetectionTrack(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/telemetry/declared',
    {
      config: { access: { right: 'read', orgRoles: ['carrier', 'operator', 'producer', 'facility'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Заявленные рейсы, сверенные с треками: подтверждены, не подтверждены треком, нет данных трекера',
        description: 'Последние сверху; следующая страница — с after = nextCursor. total и counts точны до 1000, дальше «более 1000».',
        querystring: Type.Object({ ...KeysetPaging, check: Type.Optional(DeclaredCheck) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                check: DeclaredCheck,
                plate: Type.String(),
                siteName: Type.String(),
                facilityName: Type.String(),
                loadedAt: Type.String({ format: 'date-time' }),
                unloadedAt: Type.String({ format: 'date-time' }),
              }),
            ),
            nextCursor: Nullable(Type.String({ description: 'Курсор следующей страницы; null — страница последняя' })),
            total: ListTotal,
            counts: Type.Object({ confirmed: ListTotal, unsupported: ListTotal, no_data: ListTotal }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => listDeclaredChecks(ctx, actorOf(req), { check: req.query.check ?? 'unsupported', after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.get(
    '/api/telemetry/unknown-terminals',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Неизвестные терминалы: присылают данные, но не указаны ни у одного транспортного средства (данные сохранены)',
        description: 'Последние сверху. Следующая страница — с after = nextCursor; total точен до 1000, дальше «более 1000».',
        querystring: Type.Object({ ...KeysetPaging }),
        response: { 200: KeysetPage(UnknownTerminal), ...errorResponses },
      },
    },
    async (req) => listUnknownTerminals(ctx, { after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.get(
    '/api/telemetry/reviews',
    {
      config: { access: { right: 'read', orgRoles: ['carrier', 'operator'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Случаи на проверку: рейсы по данным трекеров, которые не удалось сформировать или которые расходятся с заявленными (перевозчик видит свои ТС)',
        description: 'Новые сверху. Следующая страница — с after = nextCursor; total точен до 1000, дальше «более 1000».',
        querystring: Type.Object({ ...KeysetPaging, status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('dismissed')])) }),
        response: { 200: KeysetPage(Review), ...errorResponses },
      },
    },
    async (req) => listReviews(ctx, actorOf(req), { status: req.query.status, after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
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
