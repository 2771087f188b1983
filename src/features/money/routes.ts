/** Money for waste handling: tariffs, VAT rates, charges, acts of services, invoices, payments. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, IsoDate, KeysetPage, KeysetPaging, Nullable, ProblemSchema, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { sendFile } from '../../platform/files/send.js';
import { inTransaction } from './tx.js';
import { orderActs } from './order-acts.js';
import { getAct, getInvoice, listActs, listCharges, listInvoices, openActFile, openInvoiceFile } from './queries.js';
import { kopToRubles } from '../../domain/money.js';
import { addVatRate, changeTariffPeriod, createTariff, deleteTariff, listApplicableTariffs, listTariffs, listVatRates } from './tariffs.js';

const TAGS = ['Расчёты за обращение с ОСС'];
const Unit = Type.Union([Type.Literal('m3'), Type.Literal('t')], { description: 'm3 — за м³, t — за т' });
const Rubles = Type.String({ pattern: '^\\d+\\.\\d{2}$', description: 'Сумма, ₽ (точное десятичное, копейки)' });
const RublesInput = Type.Union([Type.String({ maxLength: 40 }), Type.Number()], { description: 'Сумма, ₽: «1234,56» или 1234.56 (не более 2 знаков после запятой)' });
const Tariff = Type.Object({
  id: Type.String({ format: 'uuid' }),
  wasteCode: Type.String(),
  wasteName: Type.String(),
  unit: Unit,
  price: Rubles,
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  current: Type.Boolean({ description: 'Действует сегодня' }),
  charges: Type.Integer({ description: 'Рейсов с начислением по тарифу' }),
  billed: Type.Integer({ description: 'Из них включено в акты' }),
});
const VatRate = Type.Object({ validFrom: IsoDate, validTo: Nullable(IsoDate), rate: Type.String(), label: Type.String(), note: Nullable(Type.String()) });
const conflict = { 409: ProblemSchema };
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Месяц ГГГГ-ММ' });
const MONEY_ROLES = ['facility', 'producer', 'carrier'] as const;
const Org = Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() });
const Charge = Type.Object({
  tripId: Type.Integer(),
  unloadedAt: Type.String({ format: 'date-time' }),
  permitNumber: Type.String(),
  wasteCode: Type.String(),
  status: Type.Union([Type.Literal('priced'), Type.Literal('no_tariff')], { description: 'priced — начислено по тарифу, no_tariff — тарифа на дату выгрузки нет' }),
  unit: Nullable(Unit),
  quantity: Nullable(Type.String()),
  price: Nullable(Rubles),
  amount: Nullable(Type.String({ description: 'Сумма без НДС, ₽' })),
  vatRate: Nullable(Type.String()),
  actId: Nullable(Uuid),
  actNumber: Nullable(Type.String()),
  facility: Type.String(),
  payer: Type.String(),
});
const ActFileKind = Type.Union([Type.Literal('pdf'), Type.Literal('xlsx'), Type.Literal('pdf.sig'), Type.Literal('xlsx.sig')]);
const Act = Type.Object({
  id: Uuid,
  number: Type.String(),
  month: Type.String(),
  monthText: Type.String(),
  seq: Type.Integer({ description: '1 — основной акт за месяц, 2… — дополнительные' }),
  status: Type.Union([Type.Literal('queued'), Type.Literal('ready'), Type.Literal('failed')]),
  failure: Nullable(Type.String()),
  facility: Org,
  payer: Org,
  loads: Type.Integer(),
  net: Rubles,
  vat: Rubles,
  total: Rubles,
  code: Nullable(Type.String({ description: 'Код проверки в реестре документов' })),
  createdAt: Type.String({ format: 'date-time' }),
  invoice: Nullable(Type.Object({ id: Uuid, number: Type.String() })),
  files: Type.Array(Type.Object({ kind: ActFileKind, bytes: Nullable(Type.Integer()) })),
});
const InvoiceStateT = Type.Union(['open', 'partly_paid', 'paid', 'overdue'].map((x) => Type.Literal(x)), { description: 'open — ожидает оплаты, partly_paid — оплачен частично, paid — оплачен, overdue — просрочен' });
const Invoice = Type.Object({
  id: Uuid,
  number: Type.String(),
  issuedOn: IsoDate,
  dueOn: IsoDate,
  net: Rubles,
  vat: Rubles,
  total: Rubles,
  paid: Rubles,
  due: Rubles,
  state: InvoiceStateT,
  stateText: Type.String(),
  act: Type.Object({ id: Uuid, number: Type.String(), month: Type.String() }),
  facility: Org,
  payer: Org,
  fileStatus: Type.Union([Type.Literal('queued'), Type.Literal('ready'), Type.Literal('failed')], { description: 'Подписанный PDF счёта: queued — формируется, ready — готов, failed — не сформирован' }),
  code: Nullable(Type.String({ description: 'Код проверки счёта в реестре документов' })),
});
const InvoiceFileKind = Type.Union([Type.Literal('pdf'), Type.Literal('pdf.sig')]);
const InvoicePayment = Type.Object({ id: Uuid, docNumber: Type.String(), docDate: IsoDate, amount: Rubles, source: Type.Union([Type.Literal('manual'), Type.Literal('bank')]), match: Type.Union([Type.Literal('auto'), Type.Literal('manual')]) });

export const moneyRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/tariffs',
    {
      config: { access: { right: 'read', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Тарифы объекта приёма (по кодам ФККО, за м³ или за т, без НДС)',
        querystring: Type.Object({ wasteCode: Type.Optional(Type.String({ pattern: '^[\\d ]{11,14}$' })), at: Type.Optional(IsoDate) }),
        response: { 200: Type.Object({ items: Type.Array(Tariff) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listTariffs(ctx, actorOf(req), req.query) }),
  );

  app.get(
    '/api/tariffs/applicable',
    {
      config: { access: { right: 'read', orgRoles: ['producer', 'carrier'] } },
      schema: {
        tags: TAGS,
        summary: 'Тарифы, которые применяются к организации: объектов приёма из её разрешений, по кодам ФККО разрешений (действующие и будущие)',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ facility: Org, wasteCode: Type.String(), wasteName: Type.String(), unit: Unit, price: Rubles, validFrom: IsoDate, validTo: Nullable(IsoDate), current: Type.Boolean() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({ items: await listApplicableTariffs(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/tariffs',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Установить тариф: код ФККО, единица, цена без НДС, срок действия',
        description: 'Периоды тарифов одного кода и единицы не пересекаются (409 tariff_overlap). Начисления, ещё не включённые в акты, пересчитываются.',
        body: Type.Object({
          wasteCode: Type.String({ maxLength: 20, description: 'Код ФККО (11 цифр)' }),
          unit: Type.String({ maxLength: 4, description: 'm3 или t' }),
          price: RublesInput,
          validFrom: IsoDate,
          validTo: Type.Optional(Nullable(IsoDate)),
        }),
        response: { 200: Tariff, ...conflict, ...errorResponses },
      },
    },
    async (req) => inTransaction(ctx, (trx) => createTariff(trx, { ctx, actor: actorOf(req), input: req.body })),
  );

  app.put(
    '/api/tariffs/:id/period',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Изменить срок действия тарифа (например, завершить его)',
        params: IdParams,
        body: Type.Object({ validFrom: IsoDate, validTo: Type.Optional(Nullable(IsoDate)) }),
        response: { 200: Tariff, ...conflict, ...errorResponses },
      },
    },
    async (req) => inTransaction(ctx, (trx) => changeTariffPeriod(trx, { ctx, actor: actorOf(req), id: req.params.id, input: req.body })),
  );

  app.delete(
    '/api/tariffs/:id',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Удалить ошибочно введённый тариф (пока по нему нет актов)',
        params: IdParams,
        response: { 200: Type.Object({ deleted: Type.Boolean(), repriced: Type.Integer() }), ...conflict, ...errorResponses },
      },
    },
    async (req) => inTransaction(ctx, (trx) => deleteTariff(trx, { actor: actorOf(req), id: req.params.id })),
  );

  app.get(
    '/api/vat-rates',
    {
      config: { access: { right: 'read' } },
      schema: { tags: TAGS, summary: 'Ставки НДС и сроки их действия', response: { 200: Type.Object({ items: Type.Array(VatRate) }), ...errorResponses } },
    },
    async () => ({ items: await listVatRates(ctx.db) }),
  );

  app.post(
    '/api/vat-rates',
    {
      config: { access: { right: 'submit', orgRoles: ['operator'] } },
      schema: {
        tags: TAGS,
        summary: 'Ставка НДС с даты (оператор): действует до даты следующей ставки',
        body: Type.Object({ validFrom: IsoDate, rate: Type.String({ maxLength: 10, description: 'Ставка, %: «22» или «22,00»' }), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }),
        response: { 200: Type.Object({ items: Type.Array(VatRate) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await inTransaction(ctx, (trx) => addVatRate(trx, { actor: actorOf(req), input: req.body })) }),
  );

  app.get(
    '/api/charges',
    {
      config: { access: { right: 'read', orgRoles: [...MONEY_ROLES] } },
      schema: {
        tags: TAGS,
        summary: 'Начисления за принятые рейсы (объекту — по его тарифам; плательщику — его), в т.ч. рейсы без тарифа',
        description: 'Новые сверху (по дню выгрузки, затем по рейсу). Следующая страница — с after = nextCursor; total и summary — точные по всем начислениям под условиями.',
        querystring: Type.Object({ month: Type.Optional(Month), status: Type.Optional(Type.Union([Type.Literal('priced'), Type.Literal('no_tariff')])), billed: Type.Optional(Type.Boolean()), ...KeysetPaging }),
        response: { 200: Type.Intersect([KeysetPage(Charge), Type.Object({ summary: Type.Object({ priced: Type.Integer(), withoutTariff: Type.Integer(), amount: Rubles }) })]), ...errorResponses },
      },
    },
    async (req) => listCharges(ctx, actorOf(req), { ...req.query, pageSize: req.query.pageSize ?? 50 }),
  );

  app.post(
    '/api/acts',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Составить акты оказанных услуг за закончившийся месяц (по акту и счёту на каждого плательщика)',
        description: 'Файлы акта (PDF и XLSX с подписью) формируются в фоне. Рейсы без тарифа в акт не входят: их число — в ответе.',
        body: Type.Object({ month: Type.String({ maxLength: 7, description: 'Месяц ГГГГ-ММ' }), payerId: Type.Optional(Nullable(Uuid)) }),
        response: {
          202: Type.Object({
            acts: Type.Array(Type.Object({ id: Uuid, number: Type.String(), payerId: Uuid, loads: Type.Integer(), net: Rubles, vat: Rubles, total: Rubles })),
            withoutTariff: Type.Integer({ description: 'Принятых рейсов месяца без тарифа (не включены)' }),
          }),
          ...conflict,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const out = await inTransaction(ctx, (trx) => orderActs(trx, { ctx, actor: actorOf(req), input: req.body }));
      return reply.code(202).send({
        acts: out.acts.map((a) => ({ id: a.id, number: a.number, payerId: a.payerId, loads: a.loads, net: kopToRubles(a.netKop), vat: kopToRubles(a.vatKop), total: kopToRubles(a.totalKop) })),
        withoutTariff: out.withoutTariff,
      });
    },
  );

  app.get(
    '/api/acts',
    {
      config: { access: { right: 'read', orgRoles: [...MONEY_ROLES] } },
      schema: {
        tags: TAGS,
        summary: 'Акты оказанных услуг: составленные объектом приёма или выставленные организации',
        description: 'Новые сверху (по месяцу, затем по времени составления). Следующая страница — с after = nextCursor; total точен до 1000, дальше «более 1000».',
        querystring: Type.Object({ month: Type.Optional(Month), ...KeysetPaging }),
        response: { 200: KeysetPage(Act), ...errorResponses },
      },
    },
    async (req) => listActs(ctx, actorOf(req), { month: req.query.month, after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.get(
    '/api/acts/:id',
    {
      config: { access: { right: 'read', orgRoles: [...MONEY_ROLES] } },
      schema: { tags: TAGS, summary: 'Акт оказанных услуг', params: IdParams, response: { 200: Act, ...errorResponses } },
    },
    async (req) => getAct(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/acts/:id/files/:kind',
    {
      config: { access: { right: 'read', orgRoles: [...MONEY_ROLES] } },
      schema: {
        tags: TAGS,
        summary: 'Файл акта: PDF, XLSX или их подписи (.sig, CMS DER)',
        params: Type.Object({ id: Uuid, kind: ActFileKind }),
        response: { 200: Type.Any({ description: 'Файл' }), ...conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const f = await openActFile(ctx, actorOf(req), req.params.id, req.params.kind);
      return sendFile(reply, f, { name: f.name, type: f.type, asciiName: f.asciiName });
    },
  );

  app.get(
    '/api/invoices',
    {
      config: { access: { right: 'read', orgRoles: [...MONEY_ROLES] } },
      schema: {
        tags: TAGS,
        summary: 'Счета: выставленные объектом приёма (owed — что ему должны) или организации (owing — что она должна и оплатила)',
        description: 'Новые сверху (по дате счёта). Следующая страница — с after = nextCursor; total и summary — точные по всем счетам под условиями.',
        querystring: Type.Object({ side: Type.Optional(Type.Union([Type.Literal('owed'), Type.Literal('owing')])), state: Type.Optional(InvoiceStateT), ...KeysetPaging }),
        response: {
          200: Type.Intersect([KeysetPage(Invoice), Type.Object({ summary: Type.Object({ invoiced: Rubles, paid: Rubles, due: Rubles, overdue: Rubles, overdueInvoices: Type.Integer() }) })]),
          ...errorResponses,
        },
      },
    },
    async (req) => listInvoices(ctx, actorOf(req), { side: req.query.side, state: req.query.state as never, after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.get(
    '/api/invoices/:id',
    {
      config: { access: { right: 'read', orgRoles: [...MONEY_ROLES] } },
      schema: { tags: TAGS, summary: 'Счёт с платежами по нему', params: IdParams, response: { 200: Type.Intersect([Invoice, Type.Object({ payments: Type.Array(InvoicePayment) })]), ...errorResponses } },
    },
    async (req) => getInvoice(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/invoices/:id/files/:kind',
    {
      config: { access: { right: 'read', orgRoles: [...MONEY_ROLES] } },
      schema: {
        tags: TAGS,
        summary: 'Счёт на оплату: подписанный PDF или его подпись (.sig, CMS DER)',
        params: Type.Object({ id: Uuid, kind: InvoiceFileKind }),
        response: { 200: Type.Any({ description: 'Файл' }), ...conflict, ...errorResponses },
      },
    },
    async (req, reply) => {
      const f = await openInvoiceFile(ctx, actorOf(req), req.params.id, req.params.kind);
      return sendFile(reply, f, { name: f.name, type: f.type, asciiName: f.asciiName });
    },
  );
};
