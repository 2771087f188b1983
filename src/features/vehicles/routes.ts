/**
 * HTTP of the vehicle register: the carrier's own vehicles (keyset pages by
 * plate), registering (Idempotency-Key), editing with the version, taking a
 * vehicle off the register (which frees its plate), the history; the
 * operator's transfer of a vehicle to another carrier.
 */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { idempotentRequest } from '../../platform/http/idempotency.js';
import { createRecord, editRecord } from '../registers/requests.js';
import { IdParams, IsoDate, Nullable, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { ArchiveBody, Conflict, Enum, KeyHeader, KeysetPage, KeysetQuery, OptText, editSchema, historySchema } from '../registers/schemas.js';
import { OWNERSHIP_LABELS } from '../registers/labels.js';
import { getVehicle, listVehicles, vehicleHistory } from './queries.js';
import { editVehicle, registerVehicle, releaseVehicle, transferVehicle } from './register-vehicle.js';

const TAG = 'Транспортные средства';
const Ownership = Enum(OWNERSHIP_LABELS, 'Основание владения: собственность или аренда (лизинг)');
const Quantity = Type.Optional(Nullable(Type.String({ maxLength: 20 })));

export const VehicleRow = Type.Object({
  id: Uuid,
  plate: Type.String(),
  make: Nullable(Type.String()),
  model: Nullable(Type.String()),
  capacityM3: Nullable(Type.String({ description: 'Объём кузова, м³' })),
  loadCapacityT: Nullable(Type.String({ description: 'Грузоподъёмность, т' })),
  terminalNumber: Nullable(Type.String({ description: 'Номер терминала ГЛОНАСС/GPS' })),
  ownership: Ownership,
  leaseUntil: Nullable(IsoDate),
  archived: Type.Boolean(),
  carrierId: Uuid,
  carrierName: Type.String(),
  carrierInn: Type.String(),
});

const VehicleCard = Type.Object({
  id: Uuid,
  plate: Type.String(),
  make: Nullable(Type.String()),
  model: Nullable(Type.String()),
  capacityM3: Nullable(Type.String()),
  loadCapacityT: Nullable(Type.String()),
  terminalNumber: Nullable(Type.String()),
  ownership: Ownership,
  leaseDocument: Nullable(Type.String()),
  leaseUntil: Nullable(IsoDate),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
  carrierId: Uuid,
  carrierName: Type.String(),
  carrierInn: Type.String(),
  editable: Type.Boolean(),
  transfers: Type.Array(Type.Object({ id: Uuid, at: Type.String({ format: 'date-time' }), fromCarrier: Type.String(), toCarrier: Type.String(), reason: Type.String() })),
});

const FieldsBody = {
  make: OptText(100),
  model: OptText(100),
  capacityM3: Quantity,
  loadCapacityT: Quantity,
  terminalNumber: OptText(40),
  ownership: Type.Optional(Nullable(Ownership)),
  leaseDocument: OptText(200),
  leaseUntil: OptText(10),
};

export const vehicleRoutes: RoutesPlugin = (app, ctx) => {

  app.get(
    '/api/vehicles',
    {
      config: { access: { right: 'read', orgRoles: ['carrier'] } },
      schema: {
        tags: [TAG],
        summary: 'Транспортные средства перевозчика (реестр)',
        description: 'Страницы по госномеру: nextCursor передайте в after. q ищет по госномеру, марке, модели, терминалу. archived=true — снятые с учёта.',
        querystring: Type.Object({ ...KeysetQuery, archived: Type.Optional(Type.Boolean()) }),
        response: { 200: KeysetPage(VehicleRow), ...errorResponses },
      },
    },
    async (req) => listVehicles(ctx.db, actorOf(req), { q: req.query.q, after: req.query.after, limit: req.query.limit, archived: req.query.archived }),
  );

  app.post(
    '/api/vehicles',
    {
      config: { access: { right: 'submit', orgRoles: ['carrier'] } },
      schema: {
        tags: [TAG],
        summary: 'Внести транспортное средство в реестр',
        description:
          'Госномер принадлежит одному перевозчику: номер, числящийся за другим, не принимается (409 plate_taken). Номер, снятый с учёта прежним перевозчиком, переходит к вам — это записывается как передача ТС. Принимает Idempotency-Key.',
        headers: KeyHeader,
        body: Type.Object({ plate: Type.Optional(Nullable(Type.String({ maxLength: 20 }))), ...FieldsBody }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Uuid, version: Type.Integer(), outcome: Type.Union([Type.Literal('created'), Type.Literal('restored'), Type.Literal('transferred')]) }), ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => createRecord(ctx, req, reply, '/api/vehicles', registerVehicle),
  );

  app.get(
    '/api/vehicles/:id',
    {
      config: { access: { right: 'read', orgRoles: ['carrier', 'operator'] } },
      schema: { tags: [TAG], summary: 'Карточка транспортного средства', params: IdParams, response: { 200: VehicleCard, ...errorResponses } },
    },
    async (req) => getVehicle(ctx.db, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/vehicles/:id',
    {
      config: { access: { right: 'submit', orgRoles: ['carrier'] } },
      schema: editSchema(TAG, 'Изменить сведения о транспортном средстве', 'Госномер не меняется. version — версия, на которой сделано изменение (иначе 409 register_version_conflict).', FieldsBody),
    },
    async (req) => editRecord(ctx, req, editVehicle),
  );

  app.post(
    '/api/vehicles/:id/release',
    {
      config: { access: { right: 'submit', orgRoles: ['carrier'] } },
      schema: {
        tags: [TAG],
        summary: 'Снять транспортное средство с учёта (госномер освобождается для другого перевозчика)',
        params: IdParams,
        headers: KeyHeader,
        body: ArchiveBody,
        response: { 200: Type.Object({ id: Uuid, version: Type.Integer() }), ...Conflict, ...errorResponses },
      },
    },
    async (req) =>
      (await idempotentRequest(ctx.db, req, 200, (trx) => releaseVehicle(trx, { ctx, actor: actorOf(req), id: req.params.id, version: req.body.version, reason: req.body.reason?.trim() || null, ...requestMeta(req) }))).body,
  );

  app.get(
    '/api/vehicles/:id/history',
    {
      config: { access: { right: 'read', orgRoles: ['carrier', 'operator'] } },
      schema: historySchema(TAG, 'История изменений транспортного средства'),
    },
    async (req) => ({ items: await vehicleHistory(ctx.db, actorOf(req), req.params.id) }),
  );

  app.get(
    '/api/operator/vehicles',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: ['Реестры (оператор)'],
        summary: 'Реестр транспортных средств (все перевозчики)',
        description: 'Страницы по госномеру: nextCursor передайте в after. q — госномер, марка, модель, терминал, наименование или ИНН перевозчика.',
        querystring: Type.Object({ ...KeysetQuery, archived: Type.Optional(Type.Boolean()) }),
        response: { 200: KeysetPage(VehicleRow), ...errorResponses },
      },
    },
    async (req) => listVehicles(ctx.db, actorOf(req), { q: req.query.q, after: req.query.after, limit: req.query.limit, archived: req.query.archived, allCarriers: true }),
  );

  app.post(
    '/api/operator/vehicles/:id/transfer',
    {
      config: { access: { right: 'submit', orgRoles: ['operator'] } },
      schema: {
        tags: ['Реестры (оператор)'],
        summary: 'Передать транспортное средство другому перевозчику (действие оператора, с причиной)',
        params: IdParams,
        headers: KeyHeader,
        body: Type.Object({ toInn: Type.String({ maxLength: 14 }), reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, version: Type.Integer(), toCarrierId: Uuid, toCarrierName: Type.String() }), ...errorResponses },
      },
    },
    async (req) =>
      (await idempotentRequest(ctx.db, req, 200, (trx) => transferVehicle(trx, { ctx, actor: actorOf(req), id: req.params.id, toInn: req.body.toInn, reason: req.body.reason, ...requestMeta(req) }))).body,
  );
};
