import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IsoDate, KeysetPage, KeysetPaging, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { checkKey, idempotent, sendIdempotent } from '../../platform/http/idempotency.js';
import { audit } from '../../platform/audit.js';
import { MAX_TRIPS_PER_BATCH, recordTrips, type RecordResult } from './record-trips.js';
import { listTrips } from './queries.js';

export const TripRow = Type.Object({
  id: Type.Integer(),
  permitId: Uuid,
  permitNumber: Type.String(),
  permitVersion: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Версия разрешения, по которой рейс проверен при записи (действовавшая в момент погрузки); null — рейс записан без такой проверки',
  }),
  siteId: Uuid,
  siteName: Type.String(),
  plate: Type.String(),
  carrierName: Type.String(),
  facilityName: Type.String(),
  wasteCode: Type.String(),
  wasteName: Type.String(),
  loadedAt: Type.String({ format: 'date-time' }),
  unloadedAt: Type.String({ format: 'date-time' }),
  volume: Type.String(),
  mass: Type.String(),
  receiptStatus: Type.String(),
  receivedMass: Type.Union([Type.String(), Type.Null()]),
  receiptReason: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  formed: Type.Boolean({ description: 'Рейс сформирован (прошло 27 часов после завершения)' }),
  formedAt: Type.String({ format: 'date-time' }),
  source: Type.String({ description: 'Как рейс поступил: telemetry — сформирован по данным трекера; api, upload — заявлен перевозчиком' }),
  trackId: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Рейс по данным трекера, которым этот рейс сформирован или подтверждён (GET /api/telemetry/detections/{id}: трек на карте); null — трека нет или он не виден',
  }),
});

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Null()]);
const TripIn = Type.Object(
  {
    externalId: Type.Optional(Scalar),
    permitNumber: Type.Optional(Scalar),
    plate: Type.Optional(Scalar),
    wasteCode: Type.Optional(Scalar),
    facilityInn: Type.Optional(Scalar),
    loadedAt: Type.Optional(Scalar),
    unloadedAt: Type.Optional(Scalar),
    volume: Type.Optional(Scalar),
    mass: Type.Optional(Scalar),
  },
  {
    description:
      'Рейс: номер разрешения, госномер ТС, код ФККО, ИНН объекта приёма, время погрузки и выгрузки (ISO 8601 с часовым поясом), объём м³, масса т. Каждый рейс проверяется отдельно.',
  },
);

const FieldErr = Type.Object({ field: Type.String(), message: Type.String() });
const BatchResult = Type.Object({
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  duplicates: Type.Integer(),
  results: Type.Array(
    Type.Object({
      index: Type.Integer(),
      status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('duplicate')]),
      id: Type.Optional(Type.Integer()),
      errors: Type.Optional(Type.Array(FieldErr)),
    }),
  ),
});

export const tripRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/trips',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Рейсы'],
        summary: 'Рейсы (фильтр по объекту, разрешению, ТС, периоду; страницы по курсору)',
        description:
          'Новые сверху (по времени выгрузки). Следующая страница — с after = nextCursor. total — точное число, когда его дают итоги (объект, разрешение, объект приёма, период, приёмка, все свои рейсы организации без периода), иначе «более 1000» или оценка (exact = false).',
        querystring: Type.Object({
          siteId: Type.Optional(Uuid),
          permitId: Type.Optional(Uuid),
          vehicleId: Type.Optional(Uuid),
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          formed: Type.Optional(Type.Boolean()),
          receiptStatus: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('rejected')])),
          ...KeysetPaging,
        }),
        response: { 200: KeysetPage(TripRow), ...errorResponses },
      },
    },
    async (req) => listTrips(ctx, actorOf(req), { ...req.query, pageSize: req.query.pageSize ?? 50 }),
  );

  app.post(
    '/api/trips',
    {
      config: { access: { right: 'submit', orgRoles: ['carrier'] } },
      schema: {
        tags: ['Рейсы'],
        summary: 'Записать пакет рейсов (до 10 000), с ключом идемпотентности',
        description:
          'Каждый рейс проверяется по версии разрешения, действовавшей в момент погрузки: разрешение выдано и не аннулировано к этому моменту, дата погрузки (по московскому времени) в сроке действия, перевозчик, вид отходов и объект приёма для него указаны в этой версии; ТС числится за перевозчиком, госномер верен, объём и масса положительны, время выгрузки позже погрузки. Ответ перечисляет по каждому рейсу, принят он или нет и почему. Повтор с тем же Idempotency-Key возвращает тот же ответ.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: Type.Object({ trips: Type.Array(TripIn, { minItems: 1, maxItems: MAX_TRIPS_PER_BATCH }) }),
        response: { 200: BatchResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const key = checkKey(req.headers['idempotency-key'] as string | undefined);
      const out = await idempotent<RecordResult>(
        ctx.db,
        { organizationId: actor.organizationId, key, body: req.body, status: 200 },
        async (trx) => {
          const result = await recordTrips(trx, { carrierId: actor.organizationId, trips: req.body.trips, source: 'api', now: ctx.now() });
          await audit(trx, {
            action: 'trips.recorded',
            personId: actor.personId,
            organizationId: actor.organizationId,
            ip: req.ip,
            userAgent: req.headers['user-agent'] ?? null,
            details: { accepted: result.accepted, rejected: result.rejected, duplicates: result.duplicates },
          });
          return result;
        },
      );
      return sendIdempotent(reply, out);
    },
  );
};
