import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf, personOf } from '../../platform/http/auth.js';
import { invalid, type FieldError } from '../../platform/http/errors.js';
import { IdParams, Nullable, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { checkKpp, checkPhone, identifierErrorMessage } from '../../domain/identifiers.js';
import { withIdentityColumns } from '../identity/sessions.js';
import { registerFromConfig } from './register.js';
import { acceptInvitation, inviteTrustedPerson, listTrusted, myInvitations, removeTrusted } from './trusted.js';

const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({ ip: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null });

/** An optional text field of the profile: blank means «clear it». */
const blankToNull = (v: string | null | undefined): string | null | undefined => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

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
  roles: Type.Array(Type.String()),
  requireSecondFactor: Type.Boolean(),
  profileSource: Type.String({ description: 'register — из ЕГРЮЛ/ЕГРИП, certificate — из сертификата, manual — заполнено вручную' }),
});

async function profile(ctx: AppContext, id: string) {
  const o = await withIdentityColumns(ctx.db).selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return {
    id: o.id,
    kind: o.kind,
    inn: o.inn,
    ogrn: o.ogrn,
    kpp: o.kpp,
    name: o.name,
    shortName: o.short_name,
    address: o.address,
    email: o.email,
    phone: o.phone,
    roles: o.roles,
    requireSecondFactor: o.require_second_factor,
    profileSource: o.profile_source,
  };
}

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
    async (req) => profile(ctx, actorOf(req).organizationId),
  );

  app.patch(
    '/api/organization',
    {
      config: { access: { right: 'manage' } },
      schema: {
        tags: ['Организация'],
        summary: 'Заполнить профиль организации вручную (когда реестр не ответил) или дополнить его',
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
            shortName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            kpp: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
            address: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
            email: Type.Optional(Nullable(Type.String({ maxLength: 200, pattern: '^[^@\\s]+@[^@\\s]+$' }))),
            phone: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'Российский номер; сохраняется как +7XXXXXXXXXX' }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const b = req.body;
      const errors: FieldError[] = [];
      const name = b.name?.trim();
      if (name === '') errors.push({ field: 'name', message: 'Наименование: не может быть пустым' });
      let kpp = blankToNull(b.kpp);
      if (kpp) {
        const r = checkKpp(kpp);
        if (!r.ok) errors.push({ field: 'kpp', message: identifierErrorMessage('kpp', r.error) });
        else kpp = r.value;
      }
      const org = await ctx.db.selectFrom('organizations').select('kind').where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
      if (kpp && org.kind === 'individual') errors.push({ field: 'kpp', message: 'КПП: у индивидуального предпринимателя КПП нет' });
      let phone = blankToNull(b.phone);
      if (phone) {
        const r = checkPhone(phone);
        if (!r.ok) errors.push({ field: 'phone', message: identifierErrorMessage('phone', r.error) });
        else phone = r.value;
      }
      if (errors.length) throw invalid(errors);
      const shortName = blankToNull(b.shortName);
      const address = blankToNull(b.address);
      const email = blankToNull(b.email);
      const set = {
        ...(name !== undefined ? { name } : {}),
        ...(shortName !== undefined ? { short_name: shortName } : {}),
        ...(kpp !== undefined ? { kpp } : {}),
        ...(address !== undefined ? { address } : {}),
        ...(email !== undefined ? { email } : {}),
        ...(phone !== undefined ? { phone } : {}),
      };
      if (Object.keys(set).length) {
        await ctx.db.transaction().execute(async (trx) => {
          await withIdentityColumns(trx).updateTable('organizations').set({ ...set, profile_source: 'manual' }).where('id', '=', actor.organizationId).execute();
          await audit(trx, { action: 'organization.profile_updated', personId: actor.personId, organizationId: actor.organizationId, details: { fields: Object.keys(set) }, ...meta(req) });
        });
      }
      return profile(ctx, actor.organizationId);
    },
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
    async (req) => {
      const actor = actorOf(req);
      const register = registerFromConfig(ctx.config);
      const org = await ctx.db.selectFrom('organizations').select(['inn']).where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
      if (!register) return { found: false, reason: 'Сервис реестра не настроен: заполните профиль вручную', profile: await profile(ctx, actor.organizationId) };
      const { record, failure } = await register.lookupDetailed(org.inn);
      if (!record) {
        const reason = failure === 'not_found' ? 'Организация не найдена в реестре' : 'Реестр сейчас недоступен: заполните профиль вручную или повторите позже';
        return { found: false, reason, profile: await profile(ctx, actor.organizationId) };
      }
      await ctx.db.transaction().execute(async (trx) => {
        await withIdentityColumns(trx)
          .updateTable('organizations')
          .set({ name: record.name, short_name: record.shortName, kpp: record.kpp, address: record.address, profile_source: 'register', profile_checked_at: ctx.now() })
          .where('id', '=', actor.organizationId)
          .execute();
        await audit(trx, { action: 'organization.profile_from_register', personId: actor.personId, organizationId: actor.organizationId, details: { register: register.name }, ...meta(req) });
      });
      return { found: true, profile: await profile(ctx, actor.organizationId) };
    },
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
    async (req) => {
      const actor = actorOf(req);
      await ctx.db.transaction().execute(async (trx) => {
        await withIdentityColumns(trx).updateTable('organizations').set({ require_second_factor: req.body.requireSecondFactor }).where('id', '=', actor.organizationId).execute();
        await audit(trx, {
          action: 'organization.second_factor_policy',
          personId: actor.personId,
          organizationId: actor.organizationId,
          details: { requireSecondFactor: req.body.requireSecondFactor },
          ...meta(req),
        });
      });
      return profile(ctx, actor.organizationId);
    },
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
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const out = await inviteTrustedPerson(ctx, { actor: actorOf(req), ...req.body, ...meta(req) });
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
      await removeTrusted(ctx, { actor: actorOf(req), id: req.params.id, ...meta(req) });
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
    async (req) => acceptInvitation(ctx, { personId: personOf(req).personId, id: req.params.id, ...meta(req) }),
  );

};
