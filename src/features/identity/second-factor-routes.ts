/** The second factor (TOTP app and recovery codes): state, setup, enable, disable. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { personOf } from '../../platform/http/auth.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { Code } from './http.js';
import { disableTotp, enableTotp, recoveryCodesLeft, setupTotp, totpEnabled } from './totp.js';

export const secondFactorRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/auth/second-factor',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Безопасность'],
        summary: 'Состояние второго фактора',
        response: { 200: Type.Object({ enabled: Type.Boolean(), recoveryCodesLeft: Type.Integer() }), ...errorResponses },
      },
    },
    async (req) => {
      const p = personOf(req);
      return { enabled: await totpEnabled(ctx.db, p.personId), recoveryCodesLeft: await recoveryCodesLeft(ctx, p.personId) };
    },
  );

  app.post(
    '/api/auth/second-factor/setup',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Безопасность'],
        summary: 'Подключить приложение-аутентификатор: ключ и адрес otpauth:// для QR-кода',
        response: { 200: Type.Object({ secret: Type.String(), uri: Type.String() }), ...errorResponses },
      },
    },
    async (req) => setupTotp(ctx, personOf(req).personId),
  );

  app.post(
    '/api/auth/second-factor/enable',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Безопасность'],
        summary: 'Включить второй фактор кодом из приложения; ответ — резервные коды (показываются один раз)',
        body: Type.Object({ code: Type.String({ minLength: 6, maxLength: 6, pattern: '^\\d{6}$' }) }),
        response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }), ...errorResponses },
      },
    },
    async (req) => {
      const p = personOf(req);
      const recoveryCodes = await enableTotp(ctx, { personId: p.personId, code: req.body.code, sessionId: p.sessionId, ...requestMeta(req) });
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/auth/second-factor/disable',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Безопасность'],
        summary: 'Отключить второй фактор (нужен пароль и код)',
        body: Type.Object({ password: Type.String({ maxLength: 200 }), code: Code }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await disableTotp(ctx, { personId: personOf(req).personId, ...req.body, ...requestMeta(req) });
      return reply.status(204).send(null);
    },
  );
};
