import { Type } from '@sinclair/typebox';
import { MovementByStateSchema } from '../movement.js';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { archiveRecord, createRecord, editRecord } from '../registers/requests.js';
import { IdParams, Nullable, KeysetPage, KeysetPaging, Uuid, IsoDate, errorResponses } from '../../platform/http/schemas.js';
import { listSites, getSite, siteHistory } from './queries.js';
import { permitsWithMovement } from '../permits/queries.js';
import { archiveSite, createSite, editSite } from './register-site.js';
import { ArchiveBody, Conflict, Enum, KeyHeader, OptText, editSchema, historySchema } from '../registers/schemas.js';
import { MAX_CADASTRAL_NUMBERS } from './site-input.js';
import { WORKS_DOCUMENT_LABELS, WORKS_KIND_LABELS } from '../registers/labels.js';

const TAG = 'Объекты';
const WorksKind = Enum(WORKS_KIND_LABELS, 'Вид работ');
const WorksDocumentKind = Enum(WORKS_DOCUMENT_LABELS, 'Вид разрешительного документа');

const SiteSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  cadastralNumbers: Type.Array(Type.String(), { description: 'Кадастровые номера' }),
  worksKind: WorksKind,
  plannedFrom: Nullable(IsoDate),
  plannedTo: Nullable(IsoDate),
  archived: Type.Boolean(),
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
  worksKind: WorksKind,
  worksDocumentKind: Nullable(WorksDocumentKind),
  worksDocumentNumber: Nullable(Type.String()),
  worksDocumentDate: Nullable(IsoDate),
  plannedFrom: Nullable(IsoDate),
  plannedTo: Nullable(IsoDate),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  archivedAt: Nullable(Type.String({ format: 'date-time' })),
  editable: Type.Boolean({ description: 'Может ли пользователь изменять и снимать с учёта этот объект' }),
  producerId: Uuid,
  producerName: Type.String(),
  producerInn: Type.String(),
  producerOgrn: Type.Union([Type.String(), Type.Null()]),
  permits: Type.Array(PermitBrief),
});

const SiteFieldsBody = {
  name: OptText(500),
  address: OptText(1000),
  cadastralNumbers: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: MAX_CADASTRAL_NUMBERS, description: 'Кадастровые номера, вида 77:01:0001001:1234' })),
  worksKind: Type.Optional(Nullable(WorksKind)),
  worksDocumentKind: Type.Optional(Nullable(WorksDocumentKind)),
  worksDocumentNumber: OptText(100),
  worksDocumentDate: OptText(10),
  plannedFrom: OptText(10),
  plannedTo: OptText(10),
};

const Saved = Type.Object({ id: Uuid, version: Type.Integer() });

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
        tags: [TAG],
        summary: 'Объекты образования ОСС, доступные организации',
        description:
          'Без archived — действующие объекты; archived=true — снятые с учёта. q ищет по наименованию, адресу и кадастровому номеру. По наименованию; следующая страница — с after = nextCursor; total точен до 1000, дальше «более 1000».',
        querystring: Type.Object({ ...KeysetPaging, archived: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: KeysetPage(SiteSummary), ...errorResponses },
      },
    },
    async (req) => listSites(ctx.db, actorOf(req), { after: req.query.after, pageSize: req.query.pageSize ?? 50, archived: req.query.archived, q: req.query.q }),
  );

  app.post(
    '/api/sites',
    {
      config: { access: { right: 'submit', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Внести объект образования ОСС в реестр',
        description:
          'Наименование, адрес, кадастровые номера, вид работ, разрешительный документ (вид, номер, дата) и плановые сроки работ обязательны. Принимает Idempotency-Key.',
        headers: KeyHeader,
        body: Type.Object(SiteFieldsBody, { additionalProperties: false }),
        response: { 201: Saved, ...errorResponses },
      },
    },
    async (req, reply) => createRecord(ctx, req, reply, '/api/sites', createSite),
  );

  app.get(
    '/api/sites/:id',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
        summary: 'Карточка объекта образования ОСС',
        params: IdParams,
        response: { 200: SiteCard, ...errorResponses },
      },
    },
    async (req) => getSite(ctx.db, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/sites/:id',
    {
      config: { access: { right: 'submit', orgRoles: ['producer'] } },
      schema: editSchema(
        TAG,
        'Изменить объект образования ОСС',
        'version — версия, на которой сделано изменение; если объект уже изменён, ответ 409 register_version_conflict. Не указанные поля не меняются.',
        SiteFieldsBody,
      ),
    },
    async (req) => editRecord(ctx, req, editSite),
  );

  app.post(
    '/api/sites/:id/archive',
    {
      config: { access: { right: 'submit', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Снять объект образования ОСС с учёта (в архив)',
        description: 'Недоступно, пока по объекту действует разрешение или есть незавершённое заявление.',
        params: IdParams,
        headers: KeyHeader,
        body: ArchiveBody,
        response: { 200: Saved, ...Conflict, ...errorResponses },
      },
    },
    async (req) => archiveRecord(ctx, req, archiveSite),
  );

  app.get(
    '/api/sites/:id/history',
    {
      config: { access: { right: 'read' } },
      schema: historySchema(TAG, 'История изменений объекта образования ОСС: кто, когда, что изменил'),
    },
    async (req) => ({ items: await siteHistory(ctx.db, actorOf(req), req.params.id) }),
  );

  app.get(
    '/api/sites/:id/permits',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
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
