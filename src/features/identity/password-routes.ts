/** Changing one's password, and recovering a forgotten one by a link or code sent by e-mail. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { personOf } from '../../platform/http/auth.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { changePassword, requestPasswordReset, resetPassword } from './password-reset.js';

export const passwordRoutes: RoutesPlugin = (app, ctx) => {
  app.post(
    '/api/auth/password',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Безопасность'],
        summary: 'Сменить пароль (остальные сеансы завершаются)',
        description: 'Пароль: не короче 8 символов, заглавные и строчные латинские буквы и цифры.',
        body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const person = personOf(req);
      await changePassword(ctx, { personId: person.personId, sessionId: person.sessionId, ...req.body, ...requestMeta(req) });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password/forgot',
    {
      config: { access: { public: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Восстановление пароля: ссылка и код на электронную почту',
        description: 'Ответ одинаков, есть такой логин или нет.',
        body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 202: Type.Object({ message: Type.String() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      await requestPasswordReset(ctx, req.body.login, requestMeta(req));
      return reply.status(202).send({
        message: 'Если такая учётная запись есть и у неё указана электронная почта, мы отправили на неё ссылку и код для восстановления пароля. Они действуют 30 минут.',
      });
    },
  );

  app.post(
    '/api/auth/password/reset',
    {
      config: { access: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Задать новый пароль по ссылке (token) или по логину и коду из письма',
        body: Type.Object({
          token: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
          login: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          code: Type.Optional(Type.String({ minLength: 6, maxLength: 6 })),
          newPassword: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await resetPassword(ctx, { ...req.body, ...requestMeta(req) });
      return reply.status(204).send(null);
    },
  );
};
