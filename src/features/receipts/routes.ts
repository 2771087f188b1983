/** Facilities' receipts: the trips delivered to the facility, confirm / reject, decisions from a file. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IsoDate, KeysetPage, KeysetPaging, errorResponses, uploadErrorResponses } from '../../platform/http/schemas.js';
import { receiveUpload } from '../uploads/receive-file.js';
import { decideOne, listReceipts } from './receipts.js';
import { uploadReceipts } from './upload-receipts.js';

const Status = Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('rejected')], {
  description: 'pending — ожидает приёма, confirmed — принят, rejected — отклонён',
});
const ReceiptRow = Type.Object({
  id: Type.Integer(),
  permitNumber: Type.String(),
  siteName: Type.String(),
  plate: Type.String(),
  carrierName: Type.String(),
  wasteCode: Type.String(),
  wasteName: Type.String(),
  loadedAt: Type.String({ format: 'date-time' }),
  unloadedAt: Type.String({ format: 'date-time' }),
  volume: Type.String(),
  mass: Type.String({ description: 'Масса по данным перевозчика, т' }),
  receiptStatus: Status,
  receiptStatusText: Type.String(),
  receivedMass: Type.Union([Type.String(), Type.Null()], { description: 'Масса по весам объекта, т' }),
  receiptReason: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const Decision = Type.Object({
  tripId: Type.Integer(),
  receiptStatus: Status,
  receivedMass: Type.Union([Type.String(), Type.Null()]),
  receiptReason: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  unchanged: Type.Boolean({ description: 'Такое же решение уже было принято: ничего не изменилось' }),
});
const TripParams = Type.Object({ tripId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Номер рейса' }) });
const FieldErr = Type.Object({ field: Type.String(), message: Type.String() });

export const receiptRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/receipts',
    {
      config: { access: { right: 'read', orgRoles: ['facility'] } },
      schema: {
        tags: ['Приём рейсов'],
        summary: 'Рейсы, доставленные на объект приёма (фильтр по статусу и периоду выгрузки; постранично)',
        querystring: Type.Object({ status: Type.Optional(Status), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), ...KeysetPaging }),
        response: { 200: KeysetPage(ReceiptRow), ...errorResponses },
      },
    },
    async (req) => listReceipts(ctx, actorOf(req), { ...req.query, pageSize: req.query.pageSize ?? 50 }),
  );

  app.post(
    '/api/receipts/:tripId/confirm',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: ['Приём рейсов'],
        summary: 'Подтвердить приём рейса с массой по весам',
        params: TripParams,
        body: Type.Object({ mass: Type.Union([Type.String(), Type.Number()], { description: 'Масса по весам, т (до 0,001)' }) }),
        response: { 200: Decision, 409: errorResponses[404], ...errorResponses },
      },
    },
    async (req) => decideOne(ctx, actorOf(req), req.params.tripId, { kind: 'confirm', mass: req.body.mass }),
  );

  app.post(
    '/api/receipts/:tripId/reject',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: ['Приём рейсов'],
        summary: 'Отклонить рейс с указанием причины',
        params: TripParams,
        body: Type.Object({ reason: Type.String({ description: 'Причина отказа' }) }),
        response: { 200: Decision, 409: errorResponses[404], ...errorResponses },
      },
    },
    async (req) => decideOne(ctx, actorOf(req), req.params.tripId, { kind: 'reject', reason: req.body.reason }),
  );

  app.post(
    '/api/receipts/upload',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: ['Приём рейсов'],
        summary: 'Решения о приёме из файла (XLSX или CSV: «Номер рейса», «Решение», «Масса, т», «Причина»)',
        description:
          'Обрабатывается сразу (до 10 000 строк). Ответ перечисляет по каждой строке, применено ли решение и почему нет. Форма и ограничения — как у POST /api/uploads (413, 408, при перегрузке 503 с Retry-After).',
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Object({
            rows: Type.Integer(),
            applied: Type.Integer(),
            unchanged: Type.Integer(),
            errors: Type.Integer(),
            results: Type.Array(
              Type.Object({
                row: Type.Integer(),
                tripId: Type.Union([Type.Integer(), Type.Null()]),
                outcome: Type.Union(['confirmed', 'rejected', 'unchanged', 'error'].map((s) => Type.Literal(s))),
                errors: Type.Array(FieldErr),
              }),
            ),
          }),
          ...uploadErrorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return receiveUpload(ctx, req, reply, (file) => uploadReceipts(ctx, actor, file));
    },
  );
};
