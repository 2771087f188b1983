/**
 * HTTP of the register of receiving facilities (объекты приёма): the facility
 * organization's own (keyset pages by name), creating (Idempotency-Key),
 * editing with the version, archiving (снять с учёта), the card and history; the operator's suspension
 * and restoration of a facility's access with a reason.
 */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { idempotentRequest } from '../../platform/http/idempotency.js';
import { archiveRecord, createRecord, editRecord } from '../registers/requests.js';
import { IdParams, IsoDate, Nullable, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { ArchiveBody, Conflict, Enum, KeyHeader, KeysetPage, KeysetQuery, OptText, ReasonBody, editSchema, historySchema } from '../registers/schemas.js';
import { FACILITY_KIND_LABELS, REGISTER_STATUS_LABELS } from '../registers/labels.js';
import { facilityHistory, getFacility, listFacilities } from './queries.js';
import { archiveFacility, createFacility, editFacility, setFacilityStatus } from './register-facility.js';
import { MAX_WASTE_CODES } from './facility-input.js';

const TAG = 'Объекты приёма';
const Kind = Enum(FACILITY_KIND_LABELS, 'Вид деятельности: переработка, утилизация, обезвреживание, размещение');
const Status = Enum(REGISTER_STATUS_LABELS, 'active — действует, suspended — доступ приостановлен оператором');
const Quantity = Type.Optional(Nullable(Type.String({ maxLength: 20 })));

export const FacilityRow = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'Номер в реестре, «ОП-000001»' }),
  name: Type.String(),
  address: Type.String(),
  kind: Kind,
  dailyCapacityT: Nullable(Type.String({ description: 'Мощность, т в сутки' })),
  dailyCapacityM3: Nullable(Type.String({ description: 'Мощность, м³ в сутки' })),
  workingHours: Nullable(Type.String()),
  licenceNumber: Nullable(Type.String()),
  wasteCodes: Type.Array(Type.String(), { description: 'Принимаемые коды ФККО (11 цифр)' }),
  status: Status,
  statusReason: Nullable(Type.String()),
  organizationId: Uuid,
  organizationName: Type.String(),
  organizationInn: Type.String(),
  organizationSuspended: Type.Boolean({ description: 'Доступ организации-владельца приостановлен' }),
});

const FacilityCard = Type.Object({
  id: Uuid,
  number: Type.String(),
  name: Type.String(),
  address: Type.String(),
  kind: Kind,
  dailyCapacityT: Nullable(Type.String()),
  dailyCapacityM3: Nullable(Type.String()),
  workingHours: Nullable(Type.String()),
  licenceNumber: Nullable(Type.String()),
  licenceIssuedOn: Nullable(IsoDate),
  licenceValidUntil: Nullable(IsoDate),
  status: Status,
  statusReason: Nullable(Type.String()),
  statusChangedAt: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
  organizationId: Uuid,
  organizationName: Type.String(),
  organizationInn: Type.String(),
  organizationStatus: Status,
  organizationStatusReason: Nullable(Type.String()),
  wasteTypes: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  permits: Type.Array(Type.Object({ id: Uuid, number: Type.String(), validFrom: IsoDate, validTo: IsoDate, status: Type.String() }), { description: 'Действующие разрешения, в которых указан объект' }),
  editable: Type.Boolean({ description: 'Может ли пользователь изменять сведения об объекте' }),
  canSuspend: Type.Boolean({ description: 'Может ли пользователь (оператор) приостановить или восстановить доступ объекта' }),
});

const FieldsBody = {
  name: OptText(500),
  address: OptText(1000),
  kind: Type.Optional(Nullable(Kind)),
  wasteCodes: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: MAX_WASTE_CODES, description: 'Принимаемые коды ФККО из каталога, например «8 22 201 01 21 5»' })),
  dailyCapacityT: Quantity,
  dailyCapacityM3: Quantity,
  workingHours: OptText(200),
  licenceNumber: OptText(100),
  licenceIssuedOn: OptText(10),
  licenceValidUntil: OptText(10),
};

export const facilityRoutes: RoutesPlugin = (app, ctx) => {

  app.get(
    '/api/facilities',
    {
      config: { access: { right: 'read', orgRoles: ['facility'] } },
      schema: {
        tags: [TAG],
        summary: 'Объекты приёма организации (реестр)',
        description:
          'Страницы по наименованию: nextCursor передайте в after. q ищет по наименованию, адресу, номеру в реестре и коду ФККО. Без archived — объекты на учёте; archived=true — снятые с учёта.',
        querystring: Type.Object({ ...KeysetQuery, status: Type.Optional(Status), archived: Type.Optional(Type.Boolean()) }),
        response: { 200: KeysetPage(FacilityRow), ...errorResponses },
      },
    },
    async (req) => listFacilities(ctx.db, actorOf(req), { q: req.query.q, after: req.query.after, limit: req.query.limit, status: req.query.status, archived: req.query.archived }),
  );

  app.post(
    '/api/facilities',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: [TAG],
        summary: 'Внести объект приёма в реестр',
        description:
          'Коды ФККО проверяются по каталогу. Лицензия (номер и дата выдачи) обязательна, если объект принимает отходы I–IV класса опасности. Нужна мощность в тоннах или м³ в сутки. Принимает Idempotency-Key.',
        headers: KeyHeader,
        body: Type.Object(FieldsBody, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Uuid, number: Type.String(), version: Type.Integer() }), ...errorResponses },
      },
    },
    async (req, reply) => createRecord(ctx, req, reply, '/api/facilities', createFacility),
  );

  app.get(
    '/api/facilities/:id',
    {
      config: { access: { right: 'read', orgRoles: ['facility', 'operator'] } },
      schema: { tags: [TAG], summary: 'Карточка объекта приёма', params: IdParams, response: { 200: FacilityCard, ...errorResponses } },
    },
    async (req) => getFacility(ctx.db, actorOf(req), req.params.id, ctx.now()),
  );

  app.patch(
    '/api/facilities/:id',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: editSchema(TAG, 'Изменить сведения об объекте приёма', 'version — версия, на которой сделано изменение (иначе 409 register_version_conflict). Не указанные поля не меняются.', FieldsBody),
    },
    async (req) => editRecord(ctx, req, editFacility),
  );

  app.post(
    '/api/facilities/:id/archive',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: [TAG],
        summary: 'Снять объект приёма с учёта (в архив)',
        description:
          'Недоступно, пока объект указан в действующем разрешении или выбран в заявлении на рассмотрении (409 register_in_use). version — версия карточки (иначе 409 register_version_conflict). Принимает Idempotency-Key.',
        params: IdParams,
        headers: KeyHeader,
        body: ArchiveBody,
        response: { 200: Type.Object({ id: Uuid, version: Type.Integer() }), ...Conflict, ...errorResponses },
      },
    },
    async (req) => archiveRecord(ctx, req, archiveFacility),
  );

  app.get(
    '/api/facilities/:id/history',
    {
      config: { access: { right: 'read', orgRoles: ['facility', 'operator'] } },
      schema: historySchema(TAG, 'История изменений объекта приёма'),
    },
    async (req) => ({ items: await facilityHistory(ctx.db, actorOf(req), req.params.id) }),
  );

  app.get(
    '/api/operator/facilities',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: ['Реестры (оператор)'],
        summary: 'Реестр объектов приёма (все организации)',
        description: 'Страницы по наименованию: nextCursor передайте в after. q — наименование, адрес, номер, код ФККО, наименование или ИНН организации.',
        querystring: Type.Object({ ...KeysetQuery, status: Type.Optional(Status) }),
        response: { 200: KeysetPage(FacilityRow), ...errorResponses },
      },
    },
    async (req) => listFacilities(ctx.db, actorOf(req), { q: req.query.q, after: req.query.after, limit: req.query.limit, status: req.query.status, allOrganizations: true }),
  );

  for (const [path, status, summary] of [
    ['suspend', 'suspended', 'Приостановить доступ объекта приёма (действие оператора, с причиной): новые рейсы на него не принимаются'],
    ['restore', 'active', 'Восстановить доступ объекта приёма (действие оператора, с причиной)'],
  ] as const) {
    app.post(
      `/api/operator/facilities/:id/${path}`,
      {
        config: { access: { right: 'submit', orgRoles: ['operator'] } },
        schema: {
          tags: ['Реестры (оператор)'],
          summary,
          params: IdParams,
          headers: KeyHeader,
          body: ReasonBody,
          response: { 200: Type.Object({ id: Uuid, version: Type.Integer(), status: Status }), ...Conflict, ...errorResponses },
        },
      },
      async (req) => (await idempotentRequest(ctx.db, req, 200, (trx) => setFacilityStatus(trx, { ctx, actor: actorOf(req), id: req.params.id, status, reason: req.body.reason, ...requestMeta(req) }))).body,
    );
  }
};
