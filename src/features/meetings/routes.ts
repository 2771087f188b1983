/**
 * HTTP of owners' general meetings («Проведение общего собрания собственников»):
 * houses, meetings and their six stages, the register of owners, templates.
 * Only for organizations with the role «управляющая организация»; to others
 * these routes do not exist (404).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf, type Actor, type RouteAccess } from '../../platform/http/auth.js';
import { IdParams, Nullable, Uuid, errorResponses, uploadErrorResponses } from '../../platform/http/schemas.js';
import { sendFile } from '../../platform/files/index.js';
import { receiveUpload } from '../uploads/receive-file.js';
import { completeMeeting, createHouse, createMeeting, listHouses, markStage, meetingOf, saveNotice, updateHouse } from './meetings.js';
import { ballotsView, houseView, importsView, meetingListView, meetingView, registerView, templateView } from './view.js';
import { addPremise, deletePremise, importRegister, registerTemplate, replacePremise } from './register.js';
import { importResultFile } from './import-files.js';
import { importVotes, votesTemplate } from './votes-import.js';
import { MEETING_STAGES } from './texts.js';
import { inTransaction } from './guard.js';
import { deleteTemplate, listTemplates, saveTemplate } from './templates.js';
import { meetingDocumentFile, orderMeetingDocument } from './documents.js';
import { confirmGisRights, gisCompanies, uploadToGis } from './gis.js';
import { attachScan, openScan, removeScan } from './scan.js';
import { assertCounting, choicesByItem, countView, recordBallot, withdrawBallot } from './voting.js';

const READ: RouteAccess = { right: 'read', orgRoles: ['managing'], otherRoles: 'not_found' };
const DRAFT: RouteAccess = { right: 'draft', orgRoles: ['managing'], otherRoles: 'not_found' };
const SUBMIT: RouteAccess = { right: 'submit', orgRoles: ['managing'], otherRoles: 'not_found' };
const TAGS = ['Общие собрания собственников'];

const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Kind = lit(['annual', 'extraordinary'] as const);
const Form = lit(['in_person', 'absentee', 'mixed'] as const);
const Majority = lit(['participants', 'more_than_half_all', 'two_thirds_all', 'all'] as const);
const StageKey = lit(MEETING_STAGES.map((s) => s.key));
const MeetingStatus = lit(['in_progress', 'completed'] as const);
const GisStatus = lit(['none', 'sending', 'loaded', 'error'] as const);
const OwnerKind = lit(['person', 'legal', 'city'] as const);
const Ownership = lit(['sole', 'shared', 'joint'] as const);
const PremiseKind = lit(['residential', 'non_residential'] as const);
const Choice = lit(['for', 'against', 'abstain'] as const);
const PageQuery = (maxPageSize: number) => ({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: maxPageSize })) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DateTime = Type.String({ format: 'date-time' });
const Text = (max: number) => Type.String({ maxLength: max });

const House = Type.Object({ id: Uuid, address: Type.String(), cadastralNumber: Type.String(), totalArea: Type.String() });
const HouseBody = Type.Object({
  address: Text(500),
  cadastralNumber: Text(40),
  totalArea: Type.String({ maxLength: 30, description: 'Общая площадь помещений дома, м² (до 0,01)' }),
});

const Stage = Type.Object({ n: Type.Integer(), key: StageKey, title: Type.String(), done: Type.Boolean(), doneAt: Nullable(DateTime), available: Type.Boolean() });

const DocState = Type.Object({
  status: lit(['none', 'queued', 'ready', 'failed'] as const),
  error: Nullable(Type.String()),
  ready: Type.Boolean(),
  code: Nullable(Type.String({ description: 'Код проверки документа в реестре выданных документов' })),
  verifyUrl: Nullable(Type.String()),
  bytes: Nullable(Type.Integer()),
});

const Meeting = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: MeetingStatus,
  house: House,
  kind: Kind,
  form: Form,
  electronic: Type.Boolean(),
  initiators: Type.String(),
  startsAt: Nullable(DateTime),
  endsAt: Nullable(DateTime),
  place: Type.String(),
  ballotsPlace: Type.String(),
  materialsPlace: Type.String(),
  items: Type.Array(Type.Object({ id: Uuid, position: Type.Integer(), title: Type.String(), proposal: Type.String(), majority: Majority })),
  stages: Type.Array(Stage),
  notice: Type.Object({ ready: Type.Boolean() }),
  documents: Type.Object({ notice: DocState, ballots: DocState, protocol: DocState }),
  protocol: Type.Object({
    number: Nullable(Type.String()),
    date: Nullable(Type.String()),
    chair: Type.String(),
    secretary: Type.String(),
    counters: Type.String(),
    ready: Type.Boolean(),
    docx: Type.Boolean({ description: 'Есть протокол в формате DOCX (для печати и подписи)' }),
    scan: Nullable(Type.Object({ name: Type.String(), type: Type.String(), bytes: Type.Integer() })),
  }),
  gis: Type.Object({
    status: GisStatus,
    error: Nullable(Type.String()),
    messageGuid: Nullable(Type.String()),
    protocolGuid: Nullable(Type.String()),
    company: Nullable(Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() })),
    rightsConfirmedAt: Nullable(DateTime),
    sentAt: Nullable(DateTime),
    stateAt: Nullable(DateTime),
    simulator: Type.Boolean({ description: 'Обмен идёт с симулятором ГИС ЖКХ, а не с настоящей ГИС ЖКХ' }),
    fiasHouseGuid: Nullable(Type.String()),
  }),
  completedAt: Nullable(DateTime),
  createdAt: DateTime,
});

const MeetingListItem = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: MeetingStatus,
  kind: Kind,
  form: Form,
  address: Type.String(),
  cadastralNumber: Type.String(),
  startsAt: Nullable(DateTime),
  endsAt: Nullable(DateTime),
  stagesDone: Type.Integer(),
  gisStatus: GisStatus,
  completedAt: Nullable(DateTime),
});

const NoticeBody = Type.Object({
  kind: Kind,
  form: Form,
  electronic: Type.Boolean(),
  initiators: Text(2000),
  startsAt: Nullable(DateTime),
  endsAt: Nullable(DateTime),
  place: Text(500),
  ballotsPlace: Text(500),
  materialsPlace: Text(500),
  items: Type.Array(Type.Object({ title: Text(2000), proposal: Type.Optional(Text(4000)), majority: Majority }), { maxItems: 100 }),
});

const Owner = Type.Object({
  id: Uuid,
  name: Type.String(),
  ownerKind: OwnerKind,
  ownership: Ownership,
  share: Type.String({ description: 'Доля: 1 или дробь, например 1/2' }),
  inn: Nullable(Type.String()),
  titleDocument: Type.String(),
  voted: Type.Boolean(),
});
const Premise = Type.Object({
  id: Uuid,
  number: Type.String(),
  kind: PremiseKind,
  area: Type.String(),
  cadastralNumber: Nullable(Type.String()),
  owners: Type.Array(Owner),
});
const PremiseBody = Type.Object({
  number: Text(50),
  kind: PremiseKind,
  area: Type.String({ maxLength: 30 }),
  cadastralNumber: Type.Optional(Nullable(Text(40))),
  owners: Type.Array(
    Type.Object({
      name: Text(1000),
      ownerKind: OwnerKind,
      ownership: Ownership,
      share: Type.String({ maxLength: 20 }),
      inn: Type.Optional(Nullable(Text(20))),
      titleDocument: Type.Optional(Text(500)),
    }),
    { maxItems: 200 },
  ),
});
const RegisterCheck = Type.Object({ premises: Type.Integer(), owners: Type.Integer(), houseArea: Type.String(), registerArea: Type.String(), errors: Type.Array(Type.String()) });
const ImportInfo = Type.Object({ id: Uuid, fileName: Type.String(), rows: Type.Integer(), accepted: Type.Integer(), refused: Type.Integer(), createdAt: DateTime });
const Template = Type.Object({ id: Uuid, name: Type.String(), body: Type.String(), updatedAt: DateTime });
const TemplateBody = Type.Object({ name: Text(200), body: Text(20000) });
const PremiseParams = Type.Object({ id: Uuid, premiseId: Uuid });


export const meetingRoutes: RoutesPlugin = (app, ctx) => {
  const tx = <T>(fn: Parameters<typeof inTransaction<T>>[1]) => inTransaction(ctx.db, fn);
  /** Runs one step on the meeting `:id` in a transaction, then answers the meeting as it now is. */
  const stepThenView = async (req: FastifyRequest & { params: { id: string } }, step: (trx: Parameters<Parameters<typeof inTransaction>[1]>[0], actor: Actor) => Promise<unknown>) => {
    const actor = actorOf(req);
    await tx((trx) => step(trx, actor));
    return meetingView(ctx, actor, req.params.id);
  };

  app.get('/api/houses', { config: { access: READ }, schema: { tags: TAGS, summary: 'Дома организации', response: { 200: Type.Object({ items: Type.Array(House) }), ...errorResponses } } }, async (req) => ({
    items: (await listHouses(ctx.db, actorOf(req))).map(houseView),
  }));

  app.post('/api/houses', { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Добавить дом (адрес, кадастровый номер, общая площадь помещений)', body: HouseBody, response: { 201: House, ...errorResponses } } }, async (req, reply) => {
    const actor = actorOf(req);
    const h = await tx((trx) => createHouse(trx, actor, req.body));
    return reply.code(201).send(houseView(h));
  });

  app.put('/api/houses/:id', { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Изменить дом', params: IdParams, body: HouseBody, response: { 200: House, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    return houseView(await tx((trx) => updateHouse(trx, actor, req.params.id, req.body)));
  });

  app.get(
    '/api/meetings',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Собрания: проводимые, проведённые или все',
        querystring: Type.Object({ status: Type.Optional(lit(['in_progress', 'completed', 'all'] as const)) }),
        response: { 200: Type.Object({ items: Type.Array(MeetingListItem) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await meetingListView(ctx.db, actorOf(req), req.query.status ?? 'in_progress') }),
  );

  app.post(
    '/api/meetings',
    {
      config: { access: DRAFT },
      schema: {
        tags: TAGS,
        summary: 'Начать подготовку собрания по дому (в «Моих задачах» появится задача)',
        body: Type.Object({ houseId: Uuid, kind: Type.Optional(Kind), form: Type.Optional(Form) }),
        response: { 201: Type.Object({ id: Uuid, number: Type.String() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((trx) => createMeeting(trx, { ctx, actor, input: req.body })));
    },
  );

  app.get('/api/meetings/:id', { config: { access: READ }, schema: { tags: TAGS, summary: 'Собрание: данные и этапы с отметками о выполнении', params: IdParams, response: { 200: Meeting, ...errorResponses } } }, async (req) =>
    meetingView(ctx, actorOf(req), req.params.id),
  );

  app.put(
    '/api/meetings/:id/notice',
    { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Этап 1: сообщение о проведении собрания и повестка дня', params: IdParams, body: NoticeBody, response: { 200: Meeting, ...errorResponses } } },
    async (req) => stepThenView(req, (trx, actor) => saveNotice(trx, { ctx, actor, id: req.params.id, input: req.body })),
  );

  app.post(
    '/api/meetings/:id/stages/:stage',
    {
      config: { access: SUBMIT },
      schema: {
        tags: TAGS,
        summary: 'Отметить этап выполненным или снять отметку',
        description: 'Этап отмечается после предыдущего и когда его данные полны (иначе 409 с перечнем недостающего в `blockers`). Отметку снимают, пока следующий этап не отмечен.',
        params: Type.Object({ id: Uuid, stage: StageKey }),
        body: Type.Object({ done: Type.Boolean() }),
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => stepThenView(req, (trx, actor) => markStage(trx, { ctx, actor, id: req.params.id, stage: req.params.stage, done: req.body.done })),
  );

  app.post(
    '/api/meetings/:id/complete',
    { config: { access: SUBMIT }, schema: { tags: TAGS, summary: '«Собрание проведено»: после загрузки протокола в ГИС ЖКХ', params: IdParams, response: { 200: Meeting, ...errorResponses } } },
    async (req) => stepThenView(req, (trx, actor) => completeMeeting(trx, { ctx, actor, id: req.params.id })),
  );

  // --- Documents: the notice, the ballots, the protocol ----------------------------------

  app.post(
    '/api/meetings/:id/documents/:doc',
    {
      config: { access: DRAFT },
      schema: {
        tags: TAGS,
        summary: 'Сформировать сообщение о собрании или бюллетени (PDF с подписью, в фоне)',
        description:
          'Документ формируется в фоне: статус в `documents` собрания (queued → ready или failed с причиной). Каждое формирование — новая запись реестра выданных документов со своим кодом проверки. Для сообщения можно указать `templateId` — шаблон организации («Шаблоны сообщений»): его текст с подстановками ({адрес}, {дата}, {время}, {место}, {инициаторы}, {повестка}) печатается вместо обращения по умолчанию.',
        params: Type.Object({ id: Uuid, doc: lit(['notice', 'ballots'] as const) }),
        body: Type.Optional(Type.Object({ templateId: Type.Optional(Uuid) })),
        response: { 202: Meeting, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(202).send(await stepThenView(req, (trx, actor) => orderMeetingDocument(trx, { ctx, actor, id: req.params.id, doc: req.params.doc, templateId: req.body?.templateId }))),
  );

  app.post(
    '/api/meetings/:id/protocol',
    {
      config: { access: SUBMIT },
      schema: {
        tags: TAGS,
        summary: 'Этап 5: сформировать протокол собрания (PDF, подписанный электронной подписью, в фоне)',
        description: 'После этапа подсчёта голосов. Председатель и секретарь обязательны. Протокол, сформированный заново, аннулирует прежний в реестре выданных документов.',
        params: IdParams,
        body: Type.Object({ chair: Text(300), secretary: Text(300), counters: Text(1000) }),
        response: { 202: Meeting, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(202).send(await stepThenView(req, (trx, actor) => orderMeetingDocument(trx, { ctx, actor, id: req.params.id, doc: 'protocol', protocol: req.body }))),
  );

  app.get(
    '/api/meetings/:id/documents/:doc/:file',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Файл документа собрания: PDF, его открепленная подпись (.sig, CMS DER) или — для протокола — DOCX для печати и подписи',
        params: Type.Object({ id: Uuid, doc: lit(['notice', 'ballots', 'protocol'] as const), file: lit(['pdf', 'sig', 'docx'] as const) }),
      },
    },
    async (req, reply) => {
      const d = await meetingDocumentFile(ctx, actorOf(req), req.params.id, req.params.doc, req.params.file);
      return sendFile(reply, d.file, d);
    },
  );

  // --- Stage 6: ГИС ЖКХ (through its simulator) ------------------------------------------

  app.post(
    '/api/meetings/:id/gis/rights',
    {
      config: { access: SUBMIT },
      schema: {
        tags: TAGS,
        summary: 'Этап 6: «Выбор компании» и «Подтвердить» — права доступа к ГИС ЖКХ от имени выбранной управляющей организации (симулятор ГИС ЖКХ)',
        description: 'Компания — одна из управляющих организаций, за которые действует пользователь (GET …/gis/companies); без `companyId` — организация, за которую он действует сейчас.',
        params: IdParams,
        body: Type.Optional(Type.Object({ companyId: Type.Optional(Uuid) })),
        response: { 200: Meeting, ...errorResponses },
      },
    },
    async (req) => stepThenView(req, (trx, actor) => confirmGisRights(trx, { ctx, actor, id: req.params.id, companyId: req.body?.companyId })),
  );

  app.get(
    '/api/meetings/:id/gis/companies',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Этап 6: «Выбор компании» — управляющие организации, от имени которых пользователь вправе загрузить протокол (с ИНН)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), inn: Type.String(), current: Type.Boolean() })) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await meetingOf(ctx.db, actor, req.params.id);
      return { items: await gisCompanies(ctx.db, actor) };
    },
  );

  app.post(
    '/api/meetings/:id/protocol/scan',
    {
      config: { access: SUBMIT },
      schema: {
        tags: TAGS,
        summary: 'Этап 6: приложить подписанный организацией скан протокола (multipart, поле «file»; PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG, JPG, TIFF до 50 МБ; тип определяется по содержимому)',
        description: 'После того как протокол сформирован и до отправки в ГИС ЖКХ; новый файл заменяет прежний. Скан отправляется в ГИС ЖКХ вместе с протоколом.',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: Meeting, ...uploadErrorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const m = await meetingOf(ctx.db, actor, req.params.id);
      await receiveUpload(ctx, req, reply, (file) => attachScan(ctx, actor, m.id, file));
      return meetingView(ctx, actor, m.id);
    },
  );

  app.delete(
    '/api/meetings/:id/protocol/scan',
    { config: { access: SUBMIT }, schema: { tags: TAGS, summary: 'Этап 6: «Удалить файл» — убрать приложенный скан протокола', params: IdParams, response: { 200: Meeting, ...errorResponses } } },
    async (req) => {
      const actor = actorOf(req);
      await removeScan(ctx, actor, req.params.id);
      return meetingView(ctx, actor, req.params.id);
    },
  );

  app.get(
    '/api/meetings/:id/protocol/scan',
    { config: { access: READ }, schema: { tags: TAGS, summary: 'Скачать приложенный скан протокола', params: IdParams } },
    async (req, reply) => {
      const f = await openScan(ctx, actorOf(req), req.params.id);
      return sendFile(reply, f.file, { name: f.name, type: f.type });
    },
  );

  app.post(
    '/api/meetings/:id/gis/upload',
    {
      config: { access: SUBMIT },
      schema: {
        tags: TAGS,
        summary: 'Этап 6: загрузить протокол в ГИС ЖКХ (асинхронно; здесь — в симулятор ГИС ЖКХ)',
        description:
          'Статус в `gis.status`: sending («В процессе загрузки») → loaded («Загружен», с GUID протокола в ГИС ЖКХ) или error (с причиной). Запрос повторяется с тем же транспортным GUID, поэтому ГИС ЖКХ видит одно сообщение.',
        params: IdParams,
        body: Type.Object({ fiasHouseGuid: Type.Optional(Nullable(Type.String({ maxLength: 60, description: 'Код дома по ФИАС (GUID), если известен' }))) }),
        response: { 202: Meeting, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(202).send(await stepThenView(req, (trx, actor) => uploadToGis(trx, { ctx, actor, id: req.params.id, fiasHouseGuid: req.body.fiasHouseGuid }))),
  );

  // --- Stage 4: counting votes ----------------------------------------------------------

  app.get(
    '/api/meetings/:id/count',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Этап 4: итоги голосования — кворум и результаты по каждому вопросу (точный подсчёт по долям площади)',
        description: 'Голоса в м² (площадь помещения × доля), с точностью до 0,01; проценты до 0,01 — от голосов принявших участие для правила «большинство участвующих», иначе от общего числа голосов. Кворум — более 50 % всех голосов (ч. 3 ст. 45 ЖК РФ).',
        params: IdParams,
        response: {
          200: Type.Object({
            totalVotes: Type.String(),
            participatingVotes: Type.String(),
            participatingPercent: Type.String(),
            participants: Type.Integer(),
            owners: Type.Integer(),
            quorum: Type.Boolean(),
            items: Type.Array(
              Type.Object({
                id: Uuid,
                position: Type.Integer(),
                title: Type.String(),
                majority: Majority,
                for: Type.String(),
                against: Type.String(),
                abstain: Type.String(),
                forPercent: Type.String(),
                againstPercent: Type.String(),
                abstainPercent: Type.String(),
                accepted: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const m = await meetingOf(ctx.db, actorOf(req), req.params.id);
      return countView(ctx.db, m.id);
    },
  );

  app.get(
    '/api/meetings/:id/ballots',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Этап 4: собственники с помещением, долей, числом голосов и внесённым решением',
        params: IdParams,
        querystring: Type.Object({
          ...PageQuery(200),
          q: Type.Optional(Type.String({ maxLength: 200, description: 'Номер помещения или часть имени собственника' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ownerId: Uuid,
                name: Type.String(),
                ownerKind: OwnerKind,
                premise: Type.String(),
                area: Type.String(),
                share: Type.String(),
                votes: Type.String(),
                voted: Type.Boolean(),
                votedAt: Nullable(DateTime),
                choices: Type.Record(Type.String(), Choice),
              }),
            ),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ballotsView(ctx.db, actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/meetings/:id/ballots',
    {
      config: { access: DRAFT },
      schema: {
        tags: TAGS,
        summary: 'Этап 4: внести решение собственника (бюллетень) по вопросам повестки дня',
        description:
          'Только собственник из реестра собрания и только один раз: повторное решение того же собственника отклоняется (422, поле `ownerId`), если не указано `replace: true` (исправление ошибки ввода). Вопрос без отметки по бюллетеню не учитывается.',
        params: IdParams,
        body: Type.Object({
          ownerId: Uuid,
          choices: Type.Array(Type.Object({ itemId: Uuid, choice: Choice }), { maxItems: 100 }),
          replace: Type.Optional(Type.Boolean()),
        }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const choices = choicesByItem(req.body.choices);
      await tx((trx) => recordBallot(trx, { ctx, actor, id: req.params.id, ownerId: req.body.ownerId, choices, replace: req.body.replace }));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/meetings/:id/ballots/:ownerId',
    { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Этап 4: отменить внесённое решение собственника (ошибка ввода)', params: Type.Object({ id: Uuid, ownerId: Uuid }), response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await tx((trx) => withdrawBallot(trx, { ctx, actor, id: req.params.id, ownerId: req.params.ownerId }));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/meetings/:id/votes/template',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Этап 4: файл решений собственников для заполнения (XLSX): каждый собственник из реестра — строка, каждый вопрос повестки дня — столбец',
        description: 'Строки — собственники в порядке бюллетеней (номер помещения, собственник, доля и число голосов для справки) с уже внесёнными решениями; столбцы «Вопрос N» — решение «За», «Против» или «Воздержался». Лист «Повестка дня» — вопросы и правила принятия решений.',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const t = await votesTemplate(ctx, actorOf(req), req.params.id);
      return sendFile(reply, { stream: Readable.from([t.buf]), bytes: t.buf.length }, { name: t.name, type: XLSX });
    },
  );

  app.post(
    '/api/meetings/:id/votes/import',
    {
      config: { access: DRAFT },
      schema: {
        tags: TAGS,
        summary: 'Этап 4: загрузить решения собственников из файла (XLSX или CSV), с файлом результата по строкам',
        description:
          'Одна строка — решение одного собственника (бюллетень): «Номер помещения» и «Собственник» как в реестре, в столбцах «Вопрос N» — «за», «против» или «воздержался» (регистр и «ё» не важны; пустая ячейка — решения по вопросу нет). Каждое решение проверяется как внесённое вручную (POST …/ballots). Строка без решений ничего не меняет; решение собственника, уже внесённое, заменяется решением из файла (`replaced`), такое же — `unchanged`, поэтому повторная загрузка того же файла ничего не добавляет. Собственник, указанный в файле дважды, отклоняется в обеих строках. Только на этапе подсчёта голосов (иначе 409). Форма и ограничения — как у POST /api/uploads.',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Object({
            id: Uuid,
            rows: Type.Integer(),
            recorded: Type.Integer({ description: 'Решений внесено впервые' }),
            replaced: Type.Integer({ description: 'Решений, внесённых ранее и заменённых решением из файла' }),
            unchanged: Type.Integer({ description: 'Строк с тем же решением, что уже внесено' }),
            skipped: Type.Integer({ description: 'Строк без единого решения' }),
            refused: Type.Integer(),
            results: Type.Array(
              Type.Object({
                row: Type.Integer(),
                premise: Type.String(),
                owner: Type.String(),
                status: lit(['recorded', 'replaced', 'unchanged', 'skipped', 'refused'] as const),
                errors: Type.Array(Type.String(), { description: 'Причины отклонения; у других строк — пояснение' }),
              }),
            ),
          }),
          ...uploadErrorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const m = await meetingOf(ctx.db, actor, req.params.id);
      assertCounting(m);
      return receiveUpload(ctx, req, reply, (file) => importVotes(ctx, actor, m.id, file));
    },
  );

  app.get(
    '/api/meetings/:id/votes/imports',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Этап 4: загрузки решений собственников из файла (последние 20, новые первыми)',
        description: '`accepted` — строки, не отклонённые при загрузке (решения внесённые, заменённые, без изменений и строки без решений); `refused` — отклонённые. Файл результата — GET …/votes/imports/{importId}/result.',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(ImportInfo) }), ...errorResponses },
      },
    },
    async (req) => importsView(ctx.db, actorOf(req), req.params.id, 'votes'),
  );

  app.get(
    '/api/meetings/:id/votes/imports/:importId/result',
    { config: { access: READ }, schema: { tags: TAGS, summary: 'Файл результата загрузки решений собственников (XLSX: каждая строка с результатом и причиной)', params: Type.Object({ id: Uuid, importId: Uuid }) } },
    async (req, reply) => {
      const d = await importResultFile(ctx, actorOf(req), req.params.id, req.params.importId, 'votes');
      return sendFile(reply, d.file, d);
    },
  );

  // --- Stage 2: the register of owners -------------------------------------------------

  app.get(
    '/api/meetings/:id/register',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Этап 2: реестр собственников (помещения с собственниками) и его проверка',
        params: IdParams,
        querystring: Type.Object(PageQuery(500)),
        response: { 200: Type.Object({ items: Type.Array(Premise), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), check: RegisterCheck }), ...errorResponses },
      },
    },
    async (req) => registerView(ctx.db, actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/meetings/:id/premises',
    { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Добавить помещение с собственниками', params: IdParams, body: PremiseBody, response: { 201: Type.Object({ id: Uuid }), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send({ id: await tx((trx) => addPremise(trx, actor, req.params.id, req.body)) });
    },
  );

  app.put(
    '/api/meetings/:id/premises/:premiseId',
    { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Изменить помещение и его собственников', params: PremiseParams, body: PremiseBody, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await tx((trx) => replacePremise(trx, actor, req.params.id, req.params.premiseId, req.body));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/meetings/:id/premises/:premiseId',
    { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Удалить помещение из реестра', params: PremiseParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await tx((trx) => deletePremise(trx, actor, req.params.id, req.params.premiseId));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/meetings/:id/register/import',
    {
      config: { access: DRAFT },
      schema: {
        tags: TAGS,
        summary: 'Загрузить реестр собственников из файла (XLSX или CSV), с файлом результата по строкам',
        description:
          'Одна строка — один собственник; столбцы как в шаблоне (GET /api/meetings/register-template). Реестр собрания заменяется строками, прошедшими проверку; по остальным ответ и файл результата называют строку, столбец и причину. Форма и ограничения — как у POST /api/uploads.',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Object({
            id: Uuid,
            rows: Type.Integer(),
            accepted: Type.Integer(),
            refused: Type.Integer(),
            results: Type.Array(Type.Object({ row: Type.Integer(), premise: Type.String(), accepted: Type.Boolean(), errors: Type.Array(Type.String()) })),
            check: RegisterCheck,
          }),
          ...uploadErrorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const m = await meetingOf(ctx.db, actor, req.params.id);
      return receiveUpload(ctx, req, reply, (file) => importRegister(ctx, actor, m.id, file));
    },
  );

  app.get(
    '/api/meetings/:id/register/imports',
    { config: { access: READ }, schema: { tags: TAGS, summary: 'Загрузки реестра собрания (последние 20, новые первыми)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(ImportInfo) }), ...errorResponses } } },
    async (req) => importsView(ctx.db, actorOf(req), req.params.id, 'register'),
  );

  app.get(
    '/api/meetings/:id/register/imports/:importId/result',
    { config: { access: READ }, schema: { tags: TAGS, summary: 'Файл результата загрузки реестра (XLSX: каждая строка с результатом и причиной)', params: Type.Object({ id: Uuid, importId: Uuid }) } },
    async (req, reply) => {
      const d = await importResultFile(ctx, actorOf(req), req.params.id, req.params.importId, 'register');
      return sendFile(reply, d.file, d);
    },
  );

  app.get('/api/meetings/register-template', { config: { access: READ }, schema: { tags: TAGS, summary: 'Шаблон реестра собственников (XLSX)' } }, async (_req, reply) => {
    const buf = await registerTemplate();
    return sendFile(reply, { stream: Readable.from([buf]), bytes: buf.length }, { name: 'Шаблон реестра собственников.xlsx', type: XLSX });
  });

  // --- Message templates («Шаблоны сообщений») ------------------------------------------

  app.get('/api/meeting-templates', { config: { access: READ }, schema: { tags: TAGS, summary: 'Шаблоны сообщений организации', response: { 200: Type.Object({ items: Type.Array(Template) }), ...errorResponses } } }, async (req) => ({
    items: (await listTemplates(ctx.db, actorOf(req))).map(templateView),
  }));

  app.post('/api/meeting-templates', { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Добавить шаблон сообщения', body: TemplateBody, response: { 201: Template, ...errorResponses } } }, async (req, reply) => {
    const actor = actorOf(req);
    const t = await tx((trx) => saveTemplate(trx, actor, null, req.body));
    return reply.code(201).send(templateView(t));
  });

  app.put('/api/meeting-templates/:id', { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Изменить шаблон сообщения', params: IdParams, body: TemplateBody, response: { 200: Template, ...errorResponses } } }, async (req) => {
    const actor = actorOf(req);
    const t = await tx((trx) => saveTemplate(trx, actor, req.params.id, req.body));
    return templateView(t);
  });

  app.delete('/api/meeting-templates/:id', { config: { access: DRAFT }, schema: { tags: TAGS, summary: 'Удалить шаблон сообщения', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (req, reply) => {
    const actor = actorOf(req);
    await tx((trx) => deleteTemplate(trx, actor, req.params.id));
    return reply.code(204).send(null);
  });
};

export type NoticeBodyT = Static<typeof NoticeBody>;
