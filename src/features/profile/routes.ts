/** The personal profile: only the person of the session reads and changes it. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { personOf } from '../../platform/http/auth.js';
import { Nullable, errorResponses } from '../../platform/http/schemas.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { getMyProfile, updateMyProfile } from './my-profile.js';
import { confirmContact, requestContactCode, type Channel } from './contacts.js';

const Pending = Nullable(
  Type.Object({ value: Type.String({ description: 'Куда отправлен код' }), expiresAt: Type.String({ format: 'date-time' }) }, { description: 'Код отправлен и ещё не введён' }),
);

const MyProfile = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fullName: Type.String(),
  snils: Nullable(Type.String({ description: 'СНИЛС в виде 123-456-789 01 — его сообщают руководителю, который приглашает доверенным лицом' })),
  snilsConfirmed: Type.Boolean({ description: 'СНИЛС получен из сертификата электронной подписи при входе (не меняется в профиле)' }),
  email: Nullable(Type.String()),
  emailConfirmed: Type.Boolean(),
  emailPending: Pending,
  phone: Nullable(Type.String()),
  phoneConfirmed: Type.Boolean(),
  phonePending: Pending,
  signIn: Type.Object(
    {
      password: Type.Boolean(),
      secondFactor: Type.Boolean(),
      recoveryCodesLeft: Type.Integer(),
      certificates: Type.Array(
        Type.Object({
          serialNumber: Type.String(),
          issuer: Nullable(Type.String()),
          firstUsedAt: Type.String({ format: 'date-time' }),
          lastUsedAt: Type.String({ format: 'date-time' }),
        }),
        { description: 'Сертификаты электронной подписи, с которыми вы входили' },
      ),
      oidc: Type.Boolean({ description: 'Входили через внешнего провайдера (ЕСИА/OpenID Connect)' }),
    },
    { description: 'Способы входа' },
  ),
});

const Sent = Type.Object({ sentTo: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });

export const profileRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/profile',
    {
      config: { access: { person: true } },
      schema: { tags: ['Профиль'], summary: 'Личный профиль: ФИО, СНИЛС, почта и телефон, способы входа', response: { 200: MyProfile, ...errorResponses } },
    },
    async (req) => getMyProfile(ctx, personOf(req).personId),
  );

  app.patch(
    '/api/profile',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Профиль'],
        summary: 'Изменить ФИО или СНИЛС',
        description: 'СНИЛС проверяется по контрольному числу; СНИЛС из сертификата электронной подписи не меняется. Почта и телефон меняются только с кодом подтверждения.',
        body: Type.Object(
          {
            fullName: Type.Optional(Type.String({ maxLength: 1000 })),
            snils: Type.Optional(Nullable(Type.String({ maxLength: 40, description: '11 цифр, можно в виде 123-456-789 01; пусто — убрать' }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: MyProfile, ...errorResponses },
      },
    },
    async (req) => updateMyProfile(ctx, { personId: personOf(req).personId, patch: req.body, ...requestMeta(req) }),
  );

  const channels: { channel: Channel; path: string; field: 'email' | 'phone'; what: string }[] = [
    { channel: 'email', path: 'email', field: 'email', what: 'адрес электронной почты' },
    { channel: 'phone', path: 'phone', field: 'phone', what: 'номер телефона' },
  ];
  for (const c of channels) {
    app.post(
      `/api/profile/${c.path}`,
      {
        config: { access: { person: true } },
        schema: {
          tags: ['Профиль'],
          summary: `Указать ${c.what}: отправить на него код подтверждения`,
          description: `Код приходит ${c.channel === 'email' ? 'письмом' : 'в СМС'} и действует 15 минут; до его ввода в профиле остаётся прежнее значение. Код не возвращается в ответе и не показывается нигде, кроме самого ${c.channel === 'email' ? 'письма' : 'СМС'}.`,
          body: c.channel === 'email'
            ? Type.Object({ email: Type.String({ maxLength: 400 }) }, { additionalProperties: false })
            : Type.Object({ phone: Type.String({ maxLength: 60 }) }, { additionalProperties: false }),
          response: { 200: Sent, ...errorResponses },
        },
      },
      async (req) => {
        const body = req.body as Record<string, string>;
        return requestContactCode(ctx, { personId: personOf(req).personId, channel: c.channel, value: body[c.field]!, ...requestMeta(req) });
      },
    );
    app.post(
      `/api/profile/${c.path}/confirm`,
      {
        config: { access: { person: true } },
        schema: {
          tags: ['Профиль'],
          summary: `Подтвердить ${c.what} кодом`,
          body: Type.Object({ code: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
          response: { 200: MyProfile, ...errorResponses },
        },
      },
      async (req) => confirmContact(ctx, { personId: personOf(req).personId, channel: c.channel, code: req.body.code, ...requestMeta(req) }),
    );
  }
};
