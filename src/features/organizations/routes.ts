import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf, personOf } from '../../platform/http/auth.js';
import { IdParams, Nullable, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { getProfile, refreshFromRegister, setSecondFactorPolicy, updateProfileByHand } from './profile.js';
import { acceptInvitation, inviteTrustedPerson, listTrusted, myInvitations, removeTrusted } from './trusted.js';
import { requestMeta } from '../../platform/http/request-meta.js';


const Source = Type.Union([Type.Literal('register'), Type.Literal('certificate'), Type.Literal('manual')], {
  description: 'register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата электронной подписи, manual — введено вручную',
});

const Profile = Type.Object({
  id: Uuid,
  kind: Type.String(),
  inn: Type.String(),
  ogrn: Nullable(Type.String()),
  kpp: Nullable(Type.String()),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  bank: Nullable(
    Type.Object(
      { account: Type.String(), bik: Type.String(), corrAccount: Nullable(Type.String()), name: Type.String() },
      { description: 'Банковские реквизиты: расчётный счёт, БИК, корреспондентский счёт, наименование банка (печатаются в счёте на оплату)' },
    ),
  ),
  roles: Type.Array(Type.String()),
  requireSecondFactor: Type.Boolean(),
  profileSource: Type.String({ description: 'register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата, manual — заполнено вручную' }),
  fieldSources: Type.Object(
    { name: Source, shortName: Source, inn: Source, ogrn: Source, kpp: Source, address: Source },
    { description: 'Откуда каждое из сведений, которые печатаются в документах' },
  ),
  registerCheckedAt: Nullable(Type.String({ format: 'date-time' })),
  detailsChangedAt: Nullable(Type.String({ format: 'date-time' })),
  history: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      action: Type.String(),
      by: Nullable(Type.String()),
      source: Nullable(Type.String({ description: 'введено вручную, ЕГРЮЛ (…)' })),
      changes: Type.Array(Type.Object({ field: Type.String(), before: Nullable(Type.String()), after: Nullable(Type.String()) })),
    }),
    { description: 'Последние изменения сведений об организации' },
  ),
});

const TrustedRow = Type.Object({
  id: Uuid,
  snils: Type.String(),
  fullName: Nullable(Type.String()),
  access: Type.String(),
  validUntil: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('expired'), Type.Literal('removed')]),
});

export const organizationRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/organization',
    {
      config: { access: { right: 'read' } },
      schema: { tags: ['Организация'], summary: 'Профиль организации, от имени которой вы действуете', response: { 200: Profile, ...errorResponses } },
    },
    async (req) => getProfile(ctx, actorOf(req).organizationId),
  );

  app.patch(
    '/api/organization',
    {
      config: { access: { right: 'manage' } },
      schema: {
        tags: ['Организация'],
        summary: 'Заполнить профиль организации вручную (когда реестр не ответил) или дополнить его, в том числе банковскими реквизитами',
        description:
          'Изменение проверяется (без управляющих и невидимых символов, разумной длины), записывается в журнал аудита и историю изменений, а в профиле и в документах, заказанных после него, отмечается как введённое вручную. Уже заказанные документы печатают сведения на момент заказа.',
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 2000 })),
            shortName: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
            kpp: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
            address: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
            email: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
            phone: Type.Optional(Nullable(Type.String({ maxLength: 60, description: 'Российский номер; сохраняется как +7XXXXXXXXXX' }))),
            bankAccount: Type.Optional(Nullable(Type.String({ maxLength: 60, description: 'Расчётный счёт, 20 цифр; контрольный ключ проверяется по БИК' }))),
            bik: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'БИК банка, 9 цифр' }))),
            corrAccount: Type.Optional(Nullable(Type.String({ maxLength: 60, description: 'Корреспондентский счёт банка, 20 цифр (30101…)' }))),
            bankName: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: 'Наименование банка' }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (req) => updateProfileByHand(ctx, { actor: actorOf(req), patch: req.body, ...requestMeta(req) }),
  );

  app.post(
    '/api/organization/register-lookup',
    {
      config: { access: { right: 'manage' } },
      schema: {
        tags: ['Организация'],
        summary: 'Заполнить профиль из ЕГРЮЛ/ЕГРИП ещё раз',
        response: { 200: Type.Object({ found: Type.Boolean(), reason: Type.Optional(Type.String()), profile: Profile }), ...errorResponses },
      },
    },
    async (req) => refreshFromRegister(ctx, { actor: actorOf(req), ...requestMeta(req) }),
  );

  app.put(
    '/api/organization/security',
    {
      config: { access: { right: 'manage' } },
      schema: {
        tags: ['Организация'],
        summary: 'Требовать второй фактор от всех, кто действует от имени организации',
        body: Type.Object({ requireSecondFactor: Type.Boolean() }),
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (req) => setSecondFactorPolicy(ctx, { actor: actorOf(req), requireSecondFactor: req.body.requireSecondFactor, ...requestMeta(req) }),
  );

  app.get(
    '/api/organization/trusted',
    {
      config: { access: { right: 'manage' } },
      schema: { tags: ['Доверенные лица'], summary: 'Доверенные лица и приглашения', response: { 200: Type.Object({ items: Type.Array(TrustedRow) }), ...errorResponses } },
    },
    async (req) => ({ items: await listTrusted(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/organization/trusted',
    {
      config: { access: { right: 'manage' } },
      schema: {
        tags: ['Доверенные лица'],
        summary: 'Пригласить доверенное лицо по СНИЛС на срок со стандартным или полным доступом',
        description: 'Стандартный доступ: заполнять и сохранять черновики, смотреть статусы. Полный: также подавать документы от имени организации. Приглашать может только руководитель.',
        body: Type.Object({
          snils: Type.String({ minLength: 1, maxLength: 20 }),
          access: Type.Union([Type.Literal('standard'), Type.Literal('full')]),
          validUntil: Type.String({ minLength: 10, maxLength: 40, description: 'Дата ГГГГ-ММ-ДД (включительно, МСК) или момент ISO 8601' }),
        }),
        response: {
          201: Type.Object({
            id: Uuid,
            registered: Type.Boolean({ description: 'Есть ли в системе пользователь с этим СНИЛС (если нет — приглашение дождётся его регистрации)' }),
            emailed: Type.Boolean({ description: 'Приглашённому отправлено письмо' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const out = await inviteTrustedPerson(ctx, { actor: actorOf(req), ...req.body, ...requestMeta(req) });
      return reply.status(201).send(out);
    },
  );

  app.delete(
    '/api/organization/trusted/:id',
    {
      config: { access: { right: 'manage' } },
      schema: { tags: ['Доверенные лица'], summary: 'Удалить доверенное лицо (или отозвать приглашение)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      await removeTrusted(ctx, { actor: actorOf(req), id: req.params.id, ...requestMeta(req) });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/invitations',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Доверенные лица'],
        summary: 'Приглашения стать доверенным лицом, адресованные мне (по СНИЛС)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                organization: Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() }),
                invitedBy: Type.String(),
                access: Type.String(),
                validUntil: Type.String({ format: 'date-time' }),
                createdAt: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({ items: await myInvitations(ctx, personOf(req).personId) }),
  );

  app.post(
    '/api/invitations/:id/accept',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Доверенные лица'],
        summary: 'Принять приглашение: организация появится в «Сменить профиль»',
        params: IdParams,
        response: { 200: Type.Object({ organizationId: Uuid }), ...errorResponses },
      },
    },
    async (req) => acceptInvitation(ctx, { personId: personOf(req).personId, id: req.params.id, ...requestMeta(req) }),
  );

};
