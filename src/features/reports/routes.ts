import fs from 'node:fs';
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { IdParams, IsoDate, Nullable, ProblemSchema, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { sendFile } from '../../platform/files/index.js';
import { receiveUpload } from '../uploads/receive-file.js';
import { REPORT_KINDS, type ReportKind } from './definitions.js';
import { createReport, getReport, listReports, openCorrection, saveReport, submitReport } from './reports.js';
import { attachReportFile, openReportFile, openVersionFile, removeReportFile } from './files.js';
import { filers, returnReport, totals } from './operator.js';
import { exportTp2 } from './export-tp2.js';
import { Readable } from 'node:stream';

const TAG = 'Отчётность';

const Kind = Type.Union(REPORT_KINDS.map((k) => Type.Literal(k)), { description: 'Вид отчёта: facility_monthly — ежемесячный отчёт объекта приёма; permit_closing — итоговый по разрешению; tp2_waste — 2-ТП (отходы)' });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('correction')]);
const Values = Type.Record(Type.String(), Nullable(Type.String({ maxLength: 40 })), { description: 'Значения по полям отчёта (десятичные строки; null — не заполнено)' });
const Source = Type.Union([Type.Literal('prefilled'), Type.Literal('changed'), Type.Literal('entered'), Type.Literal('empty')]);
const FileSchema = Type.Object({ id: Uuid, name: Type.String(), type: Type.String(), bytes: Type.Integer(), version: Nullable(Type.Integer()), uploadedAt: Type.String({ format: 'date-time' }) });
const FieldErrors = Type.Array(Type.Object({ field: Type.String(), message: Type.String() }));
const Conflict = { 409: ProblemSchema };

const Card = Type.Object({
  id: Uuid,
  kind: Kind,
  kindTitle: Type.String(),
  title: Type.String(),
  definitionVersion: Type.Integer({ description: 'Версия определения отчёта (формы), по которой он заполнен' }),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  periodText: Type.String(),
  deadline: IsoDate,
  overdue: Type.Boolean({ description: 'Срок подачи прошёл, а отчёт ещё не подан' }),
  status: Status,
  statusLabel: Type.String(),
  number: Nullable(Type.String({ description: 'Регистрационный номер (с первой подачи)' })),
  filedVersion: Type.Integer({ description: 'Сколько версий подано (0 — ещё не подан)' }),
  revision: Type.Integer({ description: 'Редакция рабочей копии: сохранение называет её (оптимистическая блокировка)' }),
  organization: Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() }),
  subject: Nullable(Type.Object({ id: Uuid, name: Type.String(), address: Nullable(Type.String()) })),
  columns: Type.Array(
    Type.Object({ key: Type.String(), label: Type.String(), unit: Type.String(), prefill: Nullable(Type.String()), readOnly: Type.Boolean(), required: Type.Boolean() }),
  ),
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      hazardClass: Type.Integer(),
      facilityId: Nullable(Uuid),
      facilityName: Nullable(Type.String()),
      values: Values,
      prefilled: Values,
      sources: Type.Record(Type.String(), Source, { description: 'Откуда значение: prefilled — заполнено системой, changed — изменено человеком, entered — введено, empty — пусто' }),
    }),
  ),
  basis: Type.Array(Type.String(), { description: 'Как система заполнила сведения' }),
  errors: FieldErrors,
  returnReason: Nullable(Type.String()),
  returnedAt: Nullable(Type.String({ format: 'date-time' })),
  files: Type.Array(FileSchema),
  versions: Type.Array(
    Type.Object({
      id: Uuid,
      version: Type.Integer(),
      submittedAt: Type.String({ format: 'date-time' }),
      submittedBy: Nullable(Type.String()),
      late: Type.Boolean(),
      rows: Type.Array(Type.Object({ code: Type.String(), facilityId: Nullable(Uuid), values: Values })),
      pdf: Nullable(Type.Object({ url: Type.String(), signatureUrl: Type.String(), code: Type.String(), verifyUrl: Type.String() })),
    }),
  ),
  can: Type.Object({ edit: Type.Boolean(), submit: Type.Boolean(), correct: Type.Boolean(), correctionNeedsConsent: Type.Boolean() }),
});

const Due = Type.Object({
  kind: Kind,
  kindTitle: Type.String(),
  period: Type.String(),
  periodText: Type.String(),
  subjectId: Nullable(Uuid),
  subjectName: Nullable(Type.String()),
  deadline: IsoDate,
  overdue: Type.Boolean(),
  reportId: Nullable(Uuid),
});

const ListItem = Type.Object({
  id: Uuid,
  kind: Kind,
  kindTitle: Type.String(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  periodText: Type.String(),
  subjectName: Nullable(Type.String()),
  status: Status,
  statusLabel: Type.String(),
  number: Nullable(Type.String()),
  filedVersion: Type.Integer(),
  deadline: IsoDate,
  overdue: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
});

const OperatorQuery = Type.Object({
  kind: Type.Union([Type.Literal('facility_monthly'), Type.Literal('tp2_waste')]),
  period: Type.String({ pattern: '^\\d{4}(-\\d{2})?$', description: 'ГГГГ-ММ (ежемесячные) или ГГГГ (2-ТП)' }),
});

export const reportRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/reports',
    {
      config: { access: { right: 'read' } },
      schema: { tags: [TAG], summary: 'Отчётность организации: отчёты и те, что пора подать', response: { 200: Type.Object({ items: Type.Array(ListItem), due: Type.Array(Due) }), ...errorResponses } },
    },
    async (req) => listReports(ctx, actorOf(req)),
  );

  app.post(
    '/api/reports',
    {
      config: { access: { right: 'draft' } },
      schema: {
        tags: [TAG],
        summary: 'Создать отчёт за период, заполненный по данным системы (если он уже есть — вернуть его)',
        body: Type.Object({
          kind: Kind,
          period: Type.Optional(Type.String({ maxLength: 7, description: 'ГГГГ-ММ (ежемесячный), ГГГГ (2-ТП); для итогового — не нужен' })),
          subjectId: Type.Optional(Uuid),
        }),
        response: { 200: Card, 201: Card, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { card, created } = await createReport(ctx, { actor: actorOf(req), input: req.body as { kind: ReportKind; period?: string; subjectId?: string }, ...requestMeta(req) });
      return reply.status(created ? 201 : 200).send(card);
    },
  );

  app.get(
    '/api/reports/:id',
    {
      config: { access: { right: 'read' } },
      schema: { tags: [TAG], summary: 'Отчёт: сведения, откуда они, ошибки по полям, файлы, поданные версии', params: IdParams, response: { 200: Card, ...errorResponses } },
    },
    async (req) => getReport(ctx, actorOf(req), req.params.id),
  );

  app.put(
    '/api/reports/:id',
    {
      config: { access: { right: 'draft' } },
      schema: {
        tags: [TAG],
        summary: 'Сохранить сведения отчёта (редакция — для оптимистической блокировки)',
        params: IdParams,
        body: Type.Object({
          revision: Type.Integer({ minimum: 0 }),
          rows: Type.Array(Type.Object({ code: Type.String({ maxLength: 20 }), facilityId: Type.Optional(Nullable(Uuid)), values: Values }), { maxItems: 1000 }),
        }),
        response: { 200: Card, ...Conflict, ...errorResponses },
      },
    },
    async (req) => saveReport(ctx, { actor: actorOf(req), id: req.params.id, input: req.body, ...requestMeta(req) }),
  );

  app.post(
    '/api/reports/:id/submit',
    {
      config: { access: { right: 'submit' } },
      schema: {
        tags: [TAG],
        summary: 'Отправить отчёт (после подтверждения): регистрационный номер и подписанный PDF в реестре',
        params: IdParams,
        body: Type.Object({ revision: Type.Integer({ minimum: 0 }), confirm: Type.Boolean({ description: 'Подтверждение отправки: true' }) }),
        response: {
          200: Type.Object({ number: Type.String(), version: Type.Integer(), submittedAt: Type.String({ format: 'date-time' }), late: Type.Boolean(), card: Card }),
          ...Conflict,
          ...errorResponses,
        },
      },
    },
    async (req) => submitReport(ctx, { actor: actorOf(req), id: req.params.id, input: req.body, ...requestMeta(req) }),
  );

  app.post(
    '/api/reports/:id/correction',
    {
      config: { access: { right: 'submit' } },
      schema: { tags: [TAG], summary: 'Начать исправление поданного отчёта (новая версия); после срока — только если оператор вернул отчёт', params: IdParams, response: { 200: Card, ...Conflict, ...errorResponses } },
    },
    async (req) => openCorrection(ctx, { actor: actorOf(req), id: req.params.id, ...requestMeta(req) }),
  );

  app.post(
    '/api/reports/:id/files',
    {
      config: { access: { right: 'draft' } },
      schema: {
        tags: [TAG],
        summary: 'Приложить подтверждающий документ (multipart, поле «file»; PDF или XML до 50 МБ; тип определяется по содержимому)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: FileSchema, 413: ProblemSchema, 415: ProblemSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await getReport(ctx, actor, req.params.id);
      const f = await receiveUpload(ctx, req, reply, (received) =>
        attachReportFile(ctx, { actor, id: req.params.id, fileName: received.fileName, stream: fs.createReadStream(received.path), isTruncated: () => received.truncated, ...requestMeta(req) }),
      );
      return reply.status(201).send(f);
    },
  );

  app.get(
    '/api/reports/:id/files/:fileId',
    {
      config: { access: { right: 'read' } },
      schema: { tags: [TAG], summary: 'Подтверждающий документ отчёта', params: Type.Object({ id: Uuid, fileId: Uuid }) },
    },
    async (req, reply) => {
      const f = await openReportFile(ctx, actorOf(req), req.params.id, req.params.fileId);
      return sendFile(reply, f.file, { name: f.name, type: f.type });
    },
  );

  app.delete(
    '/api/reports/:id/files/:fileId',
    {
      config: { access: { right: 'draft' } },
      schema: { tags: [TAG], summary: 'Удалить документ из рабочей копии отчёта', params: Type.Object({ id: Uuid, fileId: Uuid }), response: { 204: Type.Null(), ...Conflict, ...errorResponses } },
    },
    async (req, reply) => {
      await removeReportFile(ctx, { actor: actorOf(req), id: req.params.id, fileId: req.params.fileId, ...requestMeta(req) });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/reports/:id/versions/:versionId/files/:kind',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
        summary: 'PDF поданной версии отчёта, подписанный информационным оператором, или его подпись (.sig, CMS DER)',
        params: Type.Object({ id: Uuid, versionId: Uuid, kind: Type.Union([Type.Literal('pdf'), Type.Literal('pdf.sig')]) }),
      },
    },
    async (req, reply) => {
      const f = await openVersionFile(ctx, actorOf(req), req.params.id, req.params.versionId, req.params.kind);
      return sendFile(reply, f.file, { name: f.name, type: f.type });
    },
  );

  app.get(
    '/api/reports/:id/export/:format',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
        summary: 'Форма 2-ТП (отходы): выгрузка в XML (по схеме tp2-waste.xsd), XLSX или PDF (табличный вид формы)',
        params: Type.Object({ id: Uuid, format: Type.Union([Type.Literal('xml'), Type.Literal('xlsx'), Type.Literal('pdf')]) }),
      },
    },
    async (req, reply) => {
      const f = await exportTp2(ctx, actorOf(req), req.params.id, req.params.format);
      return sendFile(reply, { stream: Readable.from([f.body]), bytes: f.body.length }, { name: f.name, type: f.type });
    },
  );

  // --- the operator ---------------------------------------------------------------------------------

  app.get(
    '/api/operator/reports',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: [TAG],
        summary: 'Кто подал отчёты за период и кто опаздывает',
        querystring: OperatorQuery,
        response: {
          200: Type.Object({
            kind: Kind,
            kindTitle: Type.String(),
            periodText: Type.String(),
            deadline: IsoDate,
            filed: Type.Integer(),
            late: Type.Integer(),
            items: Type.Array(
              Type.Object({
                organization: Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() }),
                subject: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
                reportId: Nullable(Uuid),
                status: Type.String(),
                statusLabel: Type.String(),
                number: Nullable(Type.String()),
                filedVersion: Type.Integer(),
                submittedAt: Nullable(Type.String({ format: 'date-time' })),
                late: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => filers(ctx, req.query),
  );

  app.get(
    '/api/operator/reports/totals',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: [TAG],
        summary: 'Итоги поданных отчётов за период по кодам ФККО (последние версии)',
        querystring: OperatorQuery,
        response: {
          200: Type.Object({
            kind: Kind,
            periodText: Type.String(),
            columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), unit: Type.String() })),
            rows: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), hazardClass: Type.Integer(), reports: Type.Integer(), values: Values })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => totals(ctx, req.query),
  );

  app.post(
    '/api/operator/reports/:id/return',
    {
      config: { access: { right: 'submit', orgRoles: ['operator'] } },
      schema: {
        tags: [TAG],
        summary: 'Вернуть поданный отчёт на исправление с причиной (согласие на исправление и после срока)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }),
        response: { 200: Card, ...Conflict, ...errorResponses },
      },
    },
    async (req) => returnReport(ctx, { actor: actorOf(req), id: req.params.id, reason: req.body.reason, ...requestMeta(req) }),
  );
};
