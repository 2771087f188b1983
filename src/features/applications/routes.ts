/**
 * HTTP of permit applications: the applicant's drafts, «Мои заявки», the
 * files and the thread; the operator's queue and decisions. Submitting and
 * every decision accept `Idempotency-Key` (a retried request is answered
 * once, as the first time).
 */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { invalid } from '../../platform/http/errors.js';
import { IdParams, IsoDate, ProblemSchema, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { idempotentRequest, sendIdempotent } from '../../platform/http/idempotency.js';
import { sendFile } from '../../platform/files/index.js';
import { createDraft, saveDraft } from './draft.js';
import { applicationHistory, getApplicationCard, listMyApplications, operatorQueue, operatorSpecialists, type ApplicationCard } from './queries.js';
import { assignSpecialist, decideApplication, requestInfo, submitApplication, withdrawApplication } from './transitions.js';
import { addAttachment, adoptDocument, attachableApplication, checkAttachmentKind, cleanFileName, discardStored, openApplicationFile, removeAttachment, storeDocument, type StoredDocument } from './attachments.js';
import { receiveUpload } from '../uploads/receive-file.js';
import { checkMessageText, listMessages, markThreadRead, MAX_MESSAGE_FILES, postMessage, threadFor } from './messages.js';
import { facilityOptions, lookupCarrier, referenceData } from './options.js';
import { ApplicationCardSchema, CursorPage, FileSchema, HistoryRow, KindSchema, MessageSchema, MyApplicationRow, PatchBody, QueueRow, StatusSchema } from './schemas.js';
import { DISTRICT_CODES } from './reasons.js';
import { requestMeta } from '../../platform/http/request-meta.js';

const TAG = 'Заявления на разрешение';
const OPS = 'Рассмотрение заявлений (оператор)';
const KeyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String()) });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 }));
const Conflict = { 409: ProblemSchema };

export const applicationRoutes: RoutesPlugin = (app, ctx) => {

  app.get(
    '/api/applications/reference',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
        summary: 'Справочники заявлений: статусы, округа, виды документов, основания отказа, срок рассмотрения и производственный календарь',
        response: {
          200: Type.Object({
            statuses: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
            districts: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
            attachmentKinds: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), requiredForPermit: Type.Boolean() })),
            rejectionReasons: Type.Array(Type.Object({ code: Type.String(), text: Type.String() })),
            infoRequestTemplates: Type.Array(Type.Object({ code: Type.String(), text: Type.String() })),
            reviewWorkingDays: Type.Integer(),
            calendar: Type.Array(Type.Object({ year: Type.Integer(), source: Type.String(), provisional: Type.Boolean() })),
          }),
          ...errorResponses,
        },
      },
    },
    async () => referenceData(ctx.config),
  );

  app.get(
    '/api/applications/facility-options',
    {
      config: { access: { right: 'read', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Объекты приёма из реестра, принимающие вид отходов (для строки заявления)',
        querystring: Type.Object({ wasteCode: Type.Optional(Type.String({ maxLength: 20 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                number: Type.String(),
                name: Type.String(),
                address: Type.String(),
                organizationId: Uuid,
                organizationName: Type.String(),
                inn: Type.String(),
                wasteCodes: Type.Array(Type.String()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({ items: await facilityOptions(ctx.db, req.query.wasteCode) }),
  );

  app.get(
    '/api/applications/carrier-lookup',
    {
      config: { access: { right: 'read', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Перевозчик по ИНН: зарегистрирован ли он (если нет — ему будет отправлено приглашение)',
        querystring: Type.Object({ inn: Type.String({ maxLength: 14 }) }),
        response: {
          200: Type.Object({
            inn: Type.String(),
            registered: Type.Boolean(),
            organizationId: Type.Union([Uuid, Type.Null()]),
            name: Type.Union([Type.String(), Type.Null()]),
            isCarrier: Type.Boolean(),
            suspended: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => lookupCarrier(ctx.db, req.query.inn),
  );

  app.post(
    '/api/applications',
    {
      config: { access: { right: 'draft', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Госуслуга «Выдача разрешения на перемещение ОСС»: создать черновик заявления (или заявления о внесении изменений в разрешение)',
        description: 'Черновик появляется в «Моих задачах» создавшего. Для внесения изменений укажите kind=amendment и permitId — черновик заполняется условиями разрешения. Принимает Idempotency-Key.',
        headers: KeyHeader,
        body: Type.Object({ kind: Type.Optional(KindSchema), siteId: Type.Optional(Uuid), permitId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 201: ApplicationCardSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const out = await idempotentRequest<ApplicationCard>(ctx.db, req, 201, (trx) =>
        createDraft(trx, { ctx, actor: actorOf(req), input: { kind: req.body.kind ?? 'permit', siteId: req.body.siteId, permitId: req.body.permitId }, ...requestMeta(req) }),
      );
      return sendIdempotent(reply, out, `/api/applications/${out.body.id}`);
    },
  );

  app.get(
    '/api/applications',
    {
      config: { access: { right: 'read', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: '«Мои заявки»: заявления организации со статусами, новые изменения сначала',
        querystring: Type.Object({ status: Type.Optional(StatusSchema), siteId: Type.Optional(Uuid), cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Limit }),
        response: { 200: CursorPage(MyApplicationRow), ...errorResponses },
      },
    },
    async (req) => listMyApplications(ctx, actorOf(req), { status: req.query.status, siteId: req.query.siteId, cursor: req.query.cursor, limit: req.query.limit ?? 50 }),
  );

  app.get(
    '/api/applications/:id',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
        summary: 'Заявление: сведения, этапы, срок рассмотрения, решение, что не заполнено, доступные действия',
        params: IdParams,
        response: { 200: ApplicationCardSchema, ...errorResponses },
      },
    },
    async (req) => getApplicationCard(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/applications/:id',
    {
      config: { access: { right: 'draft', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Сохранить группу полей черновика (general, lines или carriers) с проверкой версии',
        description:
          'Каждое изменение сохраняется сразу. В теле — version, на которой сделано изменение; если заявление уже изменено (другое окно, другой пользователь), ответ 409 version_conflict с currentVersion и current — заявлением как оно есть.',
        params: IdParams,
        body: PatchBody,
        response: { 200: ApplicationCardSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req) => saveDraft({ ctx, actor: actorOf(req), id: req.params.id, input: req.body, ...requestMeta(req) }),
  );

  app.post(
    '/api/applications/:id/submit',
    {
      config: { access: { right: 'submit', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Подать заявление (из черновика или повторно после «Требуется дополнение»)',
        description: 'Если заявление заполнено не полностью — 422 application_incomplete со списком всего, чего не хватает. Принимает Idempotency-Key.',
        params: IdParams,
        headers: KeyHeader,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
        response: { 200: ApplicationCardSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const out = await idempotentRequest<ApplicationCard>(ctx.db, req, 200, (trx) => submitApplication(trx, { ctx, actor: actorOf(req), id: req.params.id, version: req.body.version, ...requestMeta(req) }));
      return sendIdempotent(reply, out);
    },
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      config: { access: { right: 'submit', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Отозвать заявление',
        params: IdParams,
        headers: KeyHeader,
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 200: ApplicationCardSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const out = await idempotentRequest<ApplicationCard>(ctx.db, req, 200, (trx) => withdrawApplication(trx, { ctx, actor: actorOf(req), id: req.params.id, reason: req.body.reason, ...requestMeta(req) }));
      return sendIdempotent(reply, out);
    },
  );

  app.get(
    '/api/applications/:id/history',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
        summary: 'История заявления: кто, когда, что изменилось',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistoryRow) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await applicationHistory(ctx.db, actorOf(req), req.params.id) }),
  );

  app.post(
    '/api/applications/:id/files',
    {
      config: { access: { right: 'draft', orgRoles: ['producer'] } },
      schema: {
        tags: [TAG],
        summary: 'Приложить файл (multipart, поле «file»; PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG, JPG, TIFF до 50 МБ; тип определяется по содержимому)',
        params: IdParams,
        querystring: Type.Object({ kind: Type.Union([Type.Literal('regulation'), Type.Literal('carrier_contract'), Type.Literal('facility_contract'), Type.Literal('other')]) }),
        consumes: ['multipart/form-data'],
        response: { 201: FileSchema, 413: ProblemSchema, 415: ProblemSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await attachableApplication(ctx, actor, req.params.id);
      const kind = checkAttachmentKind(req.query.kind);
      const file = await receiveUpload(ctx, req, reply, async (received) => {
        const doc = await adoptDocument(ctx, { applicationId: row.id, file: received });
        return addAttachment(ctx, { actor, id: row.id, kind, doc, ...requestMeta(req) });
      });
      return reply.status(201).send(file);
    },
  );

  app.delete(
    '/api/applications/:id/files/:fileId',
    {
      config: { access: { right: 'draft', orgRoles: ['producer'] } },
      schema: { tags: [TAG], summary: 'Удалить приложенный файл', params: Type.Object({ id: Uuid, fileId: Uuid }), response: { 204: Type.Null(), ...Conflict, ...errorResponses } },
    },
    async (req, reply) => {
      await removeAttachment(ctx, { actor: actorOf(req), id: req.params.id, fileId: req.params.fileId, ...requestMeta(req) });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/applications/:id/files/:fileId',
    {
      config: { access: { right: 'read' } },
      schema: { tags: [TAG], summary: 'Скачать файл заявления или сообщения', params: Type.Object({ id: Uuid, fileId: Uuid }) },
    },
    async (req, reply) => {
      const f = await openApplicationFile(ctx, actorOf(req), req.params.id, req.params.fileId);
      return sendFile(reply, f.file, { name: f.name, type: f.type });
    },
  );

  app.get(
    '/api/applications/:id/messages',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
        summary: 'Переписка по заявлению со специалистами оператора',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(MessageSchema), unread: Type.Integer(), lastReadId: Type.Integer() }), ...errorResponses },
      },
    },
    async (req) => listMessages(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/applications/:id/messages',
    {
      config: { access: { right: 'submit' } },
      schema: {
        tags: [TAG],
        summary: 'Написать сообщение (JSON {"text"} или multipart: поле «text» и до 5 файлов «file»)',
        description: 'Сообщение видят заявитель и специалисты оператора; другой стороне приходит уведомление в кабинете и по электронной почте.',
        params: IdParams,
        consumes: ['application/json', 'multipart/form-data'],
        response: { 201: Type.Object({ id: Type.Integer(), createdAt: Type.String({ format: 'date-time' }) }), 413: ProblemSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await threadFor(ctx, actor, req.params.id);
      let text: unknown;
      const files: StoredDocument[] = [];
      try {
        if (req.isMultipart()) {
          for await (const part of req.parts({ limits: { files: MAX_MESSAGE_FILES, fields: 5 } })) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file') {
                part.file.resume();
                continue;
              }
              files.push(await storeDocument(ctx, { applicationId: row.id, fileName: cleanFileName(part.filename), stream: part.file, isTruncated: () => part.file.truncated, label: 'Вложение' }));
            } else if (part.fieldname === 'text') text = part.value;
          }
        } else {
          text = (req.body as { text?: unknown } | null)?.text;
        }
        const body = checkMessageText(text, files.length);
        const m = await postMessage(ctx, { actor, id: row.id, text: body, files, ...requestMeta(req) });
        return reply.status(201).send(m);
      } catch (e) {
        await discardStored(ctx, files);
        if ((e as { code?: string }).code === 'FST_FILES_LIMIT') throw invalid({ field: 'file', message: `Вложение: не более ${MAX_MESSAGE_FILES} файлов в одном сообщении` });
        throw e;
      }
    },
  );

  app.post(
    '/api/applications/:id/messages/read',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: [TAG],
        summary: 'Отметить переписку прочитанной (до сообщения upToId или целиком)',
        params: IdParams,
        body: Type.Object({ upToId: Type.Optional(Type.Integer({ minimum: 0 })) }),
        response: { 200: Type.Object({ lastReadId: Type.Integer() }), ...errorResponses },
      },
    },
    async (req) => markThreadRead(ctx, actorOf(req), req.params.id, req.body.upToId),
  );

  // --- the operator's back office ---------------------------------------------------------------

  app.get(
    '/api/operator/applications',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: [OPS],
        summary: 'Очередь заявлений: фильтры по статусу, сроку, заявителю, округу и специалисту; постраничная выборка по курсору, старые сначала',
        description:
          'age: overdue — срок рассмотрения истёк, due_today — истекает сегодня, due_soon — в ближайшие 2 рабочих дня, in_time — позже. assignee: UUID специалиста, me или none. Черновики оператору не видны.',
        querystring: Type.Object({
          status: Type.Optional(StatusSchema),
          age: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('due_today'), Type.Literal('due_soon'), Type.Literal('in_time')])),
          applicantInn: Type.Optional(Type.String({ pattern: '^(\\d{10}|\\d{12})$' })),
          district: Type.Optional(Type.Union(DISTRICT_CODES.map((d) => Type.Literal(d)))),
          assignee: Type.Optional(Type.Union([Uuid, Type.Literal('me'), Type.Literal('none')])),
          submittedFrom: Type.Optional(IsoDate),
          submittedTo: Type.Optional(IsoDate),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Limit,
        }),
        response: { 200: Type.Intersect([CursorPage(QueueRow), Type.Object({ today: IsoDate })]), ...errorResponses },
      },
    },
    async (req) => operatorQueue(ctx, actorOf(req), { ...req.query, limit: req.query.limit ?? 50 }),
  );

  app.get(
    '/api/operator/specialists',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: [OPS],
        summary: 'Специалисты оператора, которым можно назначить заявление',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String() })) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await operatorSpecialists(ctx.db, actorOf(req)) }),
  );

  app.post(
    '/api/operator/applications/:id/assign',
    {
      config: { access: { right: 'submit', orgRoles: ['operator'] } },
      schema: {
        tags: [OPS],
        summary: 'Назначить специалиста (null — вернуть в общую очередь)',
        params: IdParams,
        body: Type.Object({ assigneeId: Type.Union([Uuid, Type.Null()]) }),
        response: { 200: ApplicationCardSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req) => assignSpecialist({ ctx, actor: actorOf(req), id: req.params.id, assigneeId: req.body.assigneeId, ...requestMeta(req) }),
  );

  app.post(
    '/api/operator/applications/:id/request-info',
    {
      config: { access: { right: 'submit', orgRoles: ['operator'] } },
      schema: {
        tags: [OPS],
        summary: '«Требуется дополнение»: что нужно и к какому сроку',
        description:
          'Срок — дата (dueOn; если она приходится на нерабочий день, срок переносится на ближайший рабочий день) или число рабочих дней (workingDays; по умолчанию 10). Принимает Idempotency-Key.',
        params: IdParams,
        headers: KeyHeader,
        body: Type.Object({
          request: Type.String({ minLength: 1, maxLength: 4000 }),
          dueOn: Type.Optional(IsoDate),
          workingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
        }),
        response: { 200: Type.Intersect([ApplicationCardSchema, Type.Object({ dueMoved: Type.Boolean({ description: 'Срок перенесён с нерабочего дня' }) })]), ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      if (req.body.dueOn && req.body.workingDays) throw invalid({ field: 'dueOn', message: 'Срок: укажите либо дату, либо число рабочих дней' });
      const out = await idempotentRequest<ApplicationCard & { dueMoved: boolean }>(ctx.db, req, 200, (trx) => requestInfo(trx, { ctx, actor: actorOf(req), id: req.params.id, input: req.body, ...requestMeta(req) }));
      return sendIdempotent(reply, out);
    },
  );

  app.post(
    '/api/operator/applications/:id/decision',
    {
      config: { access: { right: 'submit', orgRoles: ['operator'] } },
      schema: {
        tags: [OPS],
        summary: 'Решение: одобрить (выдаётся разрешение или его новая версия) или отклонить (основание из списка и пояснение)',
        description: 'Решение принимается только по заявлению на рассмотрении; иначе 409. Принимает Idempotency-Key.',
        params: IdParams,
        headers: KeyHeader,
        body: Type.Object({
          decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
          reasonCode: Type.Optional(Type.String({ maxLength: 50 })),
          comment: Type.Optional(Type.String({ maxLength: 4000 })),
        }),
        response: { 200: ApplicationCardSchema, ...Conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const out = await idempotentRequest<ApplicationCard>(ctx.db, req, 200, (trx) => decideApplication(trx, { ctx, actor: actorOf(req), id: req.params.id, input: req.body, ...requestMeta(req) }));
      return sendIdempotent(reply, out);
    },
  );

};
