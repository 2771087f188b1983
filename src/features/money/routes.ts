/** Money for waste handling: tariffs, VAT rates, charges, acts of services, invoices, payments. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, IsoDate, Nullable, ProblemSchema, errorResponses } from '../../platform/http/schemas.js';
import { addVatRate, changeTariffPeriod, createTariff, deleteTariff, listTariffs, listVatRates } from './tariffs.js';

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
    async (req) => ctx.db.transaction().execute((trx) => createTariff(trx, { ctx, actor: actorOf(req), input: req.body })),
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
    async (req) => ctx.db.transaction().execute((trx) => changeTariffPeriod(trx, { ctx, actor: actorOf(req), id: req.params.id, input: req.body })),
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
    async (req) => ctx.db.transaction().execute((trx) => deleteTariff(trx, { actor: actorOf(req), id: req.params.id })),
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
    async (req) => ({ items: await ctx.db.transaction().execute((trx) => addVatRate(trx, { actor: actorOf(req), input: req.body })) }),
  );
};
