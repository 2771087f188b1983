/** Analytics: the dashboard of an organization (the operator's: the city's) from the trip totals, and its XLSX. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { Nullable, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { sendFile } from '../../platform/files/send.js';
import { dashboard } from './dashboard.js';
import { dashboardXlsx } from './export.js';

const TAGS = ['Аналитика'];
const Decimal = Type.String({ pattern: '^-?\\d+\\.\\d+$' });
const Query = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 7, description: 'Первый месяц, ГГГГ-ММ (по умолчанию — 11 месяцев до последнего)' })),
  to: Type.Optional(Type.String({ maxLength: 7, description: 'Последний месяц, ГГГГ-ММ (по умолчанию — текущий)' })),
  wasteCode: Type.Optional(Type.String({ maxLength: 20, description: 'Код ФККО' })),
  facilityId: Type.Optional(Uuid),
});
const Named = { id: Uuid, name: Type.String(), trips: Type.Integer(), volume: Decimal };
const Dashboard = Type.Object({
  from: Type.String(),
  to: Type.String(),
  wasteCode: Nullable(Type.String()),
  facilityId: Nullable(Uuid),
  totals: Type.Object({
    trips: Type.Integer(),
    volume: Decimal,
    mass: Decimal,
    accepted: Type.Object({ trips: Type.Integer(), volume: Decimal }),
    awaiting: Type.Object({ trips: Type.Integer(), volume: Decimal }),
    rejected: Type.Object({ trips: Type.Integer(), volume: Decimal }),
  }),
  byMonth: Type.Array(Type.Object({ month: Type.String(), trips: Type.Integer(), volume: Decimal, acceptedVolume: Decimal, acceptedTrips: Type.Integer(), awaitingTrips: Type.Integer(), rejectedTrips: Type.Integer() })),
  byCode: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), trips: Type.Integer(), volume: Decimal, acceptedVolume: Decimal, mass: Decimal })),
  byFacility: Type.Array(Type.Object({ ...Named, acceptedVolume: Decimal })),
  byCarrier: Type.Array(Type.Object(Named)),
  permits: Type.Array(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      code: Type.String(),
      permitted: Decimal,
      accepted: Decimal,
      share: Decimal,
      state: Type.Union([Type.Literal('ok'), Type.Literal('near'), Type.Literal('over')], { description: 'ok; near — 90 % и больше; over — 100 % и больше' }),
    }),
  ),
  byDistrict: Nullable(Type.Array(Type.Object({ district: Type.String(), trips: Type.Integer(), volume: Decimal }), { description: 'Только оператору' })),
  byOrganization: Nullable(Type.Array(Type.Object({ ...Named, inn: Type.String() }), { description: 'Только оператору: по отходопроизводителям' })),
});

export const analyticsRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/analytics',
    {
      config: { access: { right: 'read', orgRoles: ['producer', 'carrier', 'facility', 'operator'] } },
      schema: {
        tags: TAGS,
        summary: 'Аналитика: объёмы по месяцам, кодам ФККО, объектам приёма и перевозчикам, приёмка, использование разрешений (оператору — по округам и организациям)',
        description: 'Считается по итогам рейсов (trip_totals) в пределах видимости организации.',
        querystring: Query,
        response: { 200: Dashboard, ...errorResponses },
      },
    },
    async (req) => dashboard(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/analytics/xlsx',
    {
      config: { access: { right: 'read', orgRoles: ['producer', 'carrier', 'facility', 'operator'] } },
      schema: { tags: TAGS, summary: 'Аналитика в XLSX (лист на каждую таблицу)', querystring: Query, response: { 200: Type.Any({ description: 'Файл XLSX' }), ...errorResponses } },
    },
    async (req, reply) => {
      const f = await dashboardXlsx(ctx, actorOf(req), req.query);
      return sendFile(reply, f, { name: f.name, type: f.type, asciiName: f.asciiName });
    },
  );
};
