/** Money: payments received by a facility (by hand, from a 1C bank statement), their matching, and the reconciliation act. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, IsoDate, KeysetPage, KeysetPaging, ListTotal, Nullable, ProblemSchema, Uuid, errorResponses, uploadErrorResponses } from '../../platform/http/schemas.js';
import { sendFile } from '../../platform/files/send.js';
import { receiveUpload } from '../uploads/receive-file.js';
import { inTransaction } from './tx.js';
import { importBankStatement, listPayments, recordPayment, setPaymentMatch } from './payments.js';
import { counterparties, reconciliation, reconciliationPdf, reconciliationXlsx } from './reconciliation.js';

const TAGS = ['Расчёты за обращение с ОСС'];
const Rubles = Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'Сумма, ₽ (точное десятичное, копейки)' });
const MatchT = Type.Union(['auto', 'manual', 'unmatched', 'ignored'].map((x) => Type.Literal(x)), {
  description: 'auto — сопоставлен автоматически, manual — вручную, unmatched — ждёт сопоставления, ignored — не относится к счетам',
});
const Payment = Type.Object({
  id: Uuid,
  source: Type.Union([Type.Literal('manual'), Type.Literal('bank')]),
  docNumber: Type.String(),
  docDate: IsoDate,
  payerInn: Nullable(Type.String()),
  payerName: Nullable(Type.String()),
  payerId: Nullable(Uuid),
  amount: Rubles,
  purpose: Type.String(),
  match: MatchT,
  matchNote: Nullable(Type.String()),
  invoice: Nullable(Type.Object({ id: Uuid, number: Type.String() })),
});
const ReconLine = Type.Object({ date: IsoDate, kind: Type.Union([Type.Literal('invoice'), Type.Literal('payment')]), document: Type.String(), debit: Rubles, credit: Rubles });
const Reconciliation = Type.Object({
  from: IsoDate,
  to: IsoDate,
  facility: Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() }),
  payer: Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() }),
  opening: Rubles,
  lines: Type.Array(ReconLine),
  debit: Rubles,
  credit: Rubles,
  closing: Rubles,
  closingText: Type.String(),
});
const ReconQuery = Type.Object({ counterpartyId: Uuid, from: IsoDate, to: IsoDate });

export const paymentRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/payments',
    {
      config: { access: { right: 'read', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Платежи, поступившие объекту приёма (вручную и из банковских выписок), с сопоставлением счетам',
        description: 'Новые сверху (по дате документа). Следующая страница — с after = nextCursor; total и unmatched точны до 1000, дальше «более 1000».',
        querystring: Type.Object({ match: Type.Optional(MatchT), importId: Type.Optional(Type.String({ format: 'uuid', description: 'Только поступления из этой выписки (результат загрузки по строкам)' })), ...KeysetPaging }),
        response: { 200: Type.Intersect([KeysetPage(Payment), Type.Object({ unmatched: ListTotal })]), ...errorResponses },
      },
    },
    async (req) => listPayments(ctx, actorOf(req), { match: req.query.match as never, importId: req.query.importId, after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.post(
    '/api/payments',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Записать платёж вручную (к указанному счёту или с автоматическим сопоставлением)',
        body: Type.Object({
          payerInn: Type.String({ maxLength: 20, description: 'ИНН плательщика' }),
          payerName: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          amount: Type.Union([Type.String({ maxLength: 40 }), Type.Number()], { description: 'Сумма, ₽' }),
          paidOn: IsoDate,
          docNumber: Type.String({ maxLength: 40, description: 'Номер платёжного документа' }),
          purpose: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
          invoiceId: Type.Optional(Nullable(Uuid)),
        }),
        response: { 200: Payment, 409: ProblemSchema, ...errorResponses },
      },
    },
    async (req) => inTransaction(ctx, (trx) => recordPayment(trx, { ctx, actor: actorOf(req), input: req.body })),
  );

  app.put(
    '/api/payments/:id/match',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Сопоставить платёж со счётом (invoiceId), отменить сопоставление (null) или отметить «не относится к счетам» (ignore)',
        params: IdParams,
        body: Type.Object({ invoiceId: Type.Optional(Nullable(Uuid)), ignore: Type.Optional(Nullable(Type.Boolean())) }),
        response: { 200: Payment, 409: ProblemSchema, ...errorResponses },
      },
    },
    async (req) => inTransaction(ctx, (trx) => setPaymentMatch(trx, { actor: actorOf(req), id: req.params.id, input: req.body })),
  );

  app.post(
    '/api/payments/bank-statement',
    {
      config: { access: { right: 'submit', orgRoles: ['facility'] } },
      schema: {
        tags: TAGS,
        summary: 'Загрузить банковскую выписку 1С «ClientBankExchange» (Windows-1251 или DOS): поступления сопоставляются со счетами',
        description: 'Повторная загрузка той же выписки ничего не меняет: документ банка — номер, дата и счёт плательщика. Форма и ограничения — как у POST /api/uploads.',
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Object({
            id: Uuid,
            fileName: Type.String(),
            encoding: Type.String(),
            account: Nullable(Type.String()),
            from: Nullable(IsoDate),
            to: Nullable(IsoDate),
            documents: Type.Integer({ description: 'Документов в выписке' }),
            added: Type.Integer({ description: 'Новых поступлений' }),
            duplicates: Type.Integer({ description: 'Уже загруженных раньше' }),
            outgoing: Type.Integer({ description: 'Списаний и чужих документов (пропущены)' }),
            matched: Type.Integer(),
            unmatched: Type.Integer(),
          }),
          ...uploadErrorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return receiveUpload(ctx, req, reply, (file) => importBankStatement(ctx, actor, file));
    },
  );

  app.get(
    '/api/reconciliation',
    {
      config: { access: { right: 'read', orgRoles: ['facility', 'producer', 'carrier'] } },
      schema: {
        tags: TAGS,
        summary: 'Акт сверки взаимных расчётов за период с контрагентом (объект приёма ↔ заказчик)',
        querystring: ReconQuery,
        response: { 200: Reconciliation, ...errorResponses },
      },
    },
    async (req) => reconciliation(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/reconciliation/counterparties',
    {
      config: { access: { right: 'read', orgRoles: ['facility', 'producer', 'carrier'] } },
      schema: {
        tags: TAGS,
        summary: 'С кем есть расчёты: организации, с которыми у вашей есть счета или платежи (для акта сверки)',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() })) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await counterparties(ctx, actorOf(req)) }),
  );

  app.get(
    '/api/reconciliation/xlsx',
    {
      config: { access: { right: 'read', orgRoles: ['facility', 'producer', 'carrier'] } },
      schema: { tags: TAGS, summary: 'Акт сверки в XLSX', querystring: ReconQuery, response: { 200: Type.Any({ description: 'Файл XLSX' }), ...errorResponses } },
    },
    async (req, reply) => {
      const f = await reconciliationXlsx(ctx, actorOf(req), req.query);
      return sendFile(reply, f, { name: f.name, type: f.type, asciiName: f.asciiName });
    },
  );

  app.get(
    '/api/reconciliation/pdf',
    {
      config: { access: { right: 'read', orgRoles: ['facility', 'producer', 'carrier'] } },
      schema: {
        tags: TAGS,
        summary: 'Акт сверки в PDF: таблица, обороты, сальдо и места для подписей сторон',
        querystring: ReconQuery,
        response: { 200: Type.Any({ description: 'Файл PDF' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const f = await reconciliationPdf(ctx, actorOf(req), req.query);
      return sendFile(reply, f, { name: f.name, type: f.type, asciiName: f.asciiName });
    },
  );
};
