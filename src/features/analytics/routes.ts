/** Analytics: the dashboard of an organization (the operator's: the city's) from the trip totals, and its XLSX. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { forbidden } from '../../platform/http/errors.js';
import { IsoDate, ListTotal, Nullable, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { sendFile } from '../../platform/files/send.js';
import { dashboard } from './dashboard.js';
import { TABLE_KEYS, dashboardCsv, dashboardXlsx } from './export.js';
import { operatorOverview } from './overview.js';

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

const Overview = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  organizations: Type.Object({ producers: Type.Integer(), carriers: Type.Integer(), facilities: Type.Integer(), suspended: Type.Integer() }),
  registers: Type.Object(
    { trips: ListTotal, sites: ListTotal, permits: ListTotal, vehicles: ListTotal },
    { description: 'Оценка планировщика PostgreSQL (exact = false): без просмотра всей истории' },
  ),
  trips24h: ListTotal,
  days: Type.Array(Type.Object({ day: IsoDate, trips: Type.Integer(), volume: Decimal, acceptedVolume: Decimal }), { description: 'Последние 14 дней (по дате выгрузки, Москва), по итогам рейсов' }),
  waiting: Type.Object({
    applications: ListTotal,
    telemetryReviews: ListTotal,
    unknownTerminals: ListTotal,
    statementsInProgress: ListTotal,
    mailQueued: ListTotal,
  }),
  jobs: Type.Object({
    workers: Type.Integer(),
    ready: Type.Integer(),
    running: Type.Integer(),
    parked: Type.Integer(),
    oldestReadySeconds: Nullable(Type.Integer()),
    failedDay: ListTotal,
  }),
});

export const analyticsRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/operator/overview',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: TAGS,
        summary: 'Обзор города для информационного оператора: реестры, рейсы за сутки и 14 дней, очереди, фоновые задачи',
        description:
          'Ничего не считает по всей истории: размеры реестров — оценка (exact = false), рейсы за 14 дней — по итогам рейсов, очереди — точные до 1000, дальше «более 1000».',
        response: { 200: Overview, ...errorResponses },
      },
    },
    async () => operatorOverview(ctx),
  );

  app.get(
    '/api/analytics',
    {
      config: { access: { right: 'read', orgRoles: ['producer', 'carrier', 'facility', 'operator'] } },
      schema: {
        tags: TAGS,
        summary: 'Аналитика: объёмы по месяцам, кодам ФККО, объектам приёма и перевозчикам, приёмка, использование разрешений (оператору — по округам и организациям)',
        description: 'Считается по помесячным итогам рейсов (trip_month_totals) в пределах видимости организации.',
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

  app.get(
    '/api/analytics/csv',
    {
      config: { access: { right: 'read', orgRoles: ['producer', 'carrier', 'facility', 'operator'] } },
      schema: {
        tags: TAGS,
        summary: 'Одна таблица аналитики в CSV («;», UTF-8 с BOM, десятичная запятая — как открывает Excel)',
        description: 'table: months, codes, facilities, carriers, permits; оператору также districts и organizations.',
        querystring: Type.Object({ ...Query.properties, table: Type.Union(TABLE_KEYS.map((k) => Type.Literal(k))) }),
        response: { 200: Type.Any({ description: 'Файл CSV' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const f = await dashboardCsv(ctx, actorOf(req), req.query, req.query.table);
      if (!f) throw forbidden('Эта таблица — только для оператора');
      return sendFile(reply, f, { name: f.name, type: f.type, asciiName: f.asciiName });
    },
  );
};
