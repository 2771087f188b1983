/** «Доступ по API»: tokens for machine clients (see tokens.ts). */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { IdParams, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { issueToken, listTokens, revokeToken } from './tokens.js';
import { requestMeta } from '../../platform/http/request-meta.js';

const TokenRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  personName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});


export const tokenRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/tokens',
    {
      config: { access: { right: 'submit' } },
      schema: {
        tags: ['Доступ по API'],
        summary: 'Токены доступа по API: свои (руководитель видит все токены организации)',
        response: { 200: Type.Object({ items: Type.Array(TokenRow) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listTokens(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: { right: 'submit' } },
      schema: {
        tags: ['Доступ по API'],
        summary: 'Выпустить токен доступа по API (секрет показывается один раз)',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: Type.Object({ id: Uuid, name: Type.String(), token: Type.String() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await issueToken(ctx, actorOf(req), req.body.name, requestMeta(req))),
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: { right: 'submit' } },
      schema: { tags: ['Доступ по API'], summary: 'Отозвать токен', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      await revokeToken(ctx, actorOf(req), req.params.id, requestMeta(req));
      return reply.status(204).send(null);
    },
  );
};
