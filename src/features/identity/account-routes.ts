/** Deleting one's account: what goes and what stays, then the deletion itself. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { personOf } from '../../platform/http/auth.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { clearSessionCookie } from './http.js';
import { deleteAccount, deletionNotice } from './delete-account.js';

export const accountRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/auth/account/deletion',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Безопасность'],
        summary: 'Что удаляется и что сохраняется при удалении учётной записи',
        response: { 200: Type.Object({ removed: Type.Array(Type.String()), kept: Type.Array(Type.String()), irreversible: Type.String(), needsPassword: Type.Boolean() }), ...errorResponses },
      },
    },
    async (req) => deletionNotice(ctx, personOf(req).personId),
  );

  app.post(
    '/api/auth/account/delete',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Безопасность'],
        summary: 'Удалить учётную запись (подтверждение паролем)',
        body: Type.Object({ password: Type.Optional(Type.String({ maxLength: 200 })), confirm: Type.Optional(Type.String({ maxLength: 20 })) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteAccount(ctx, { personId: personOf(req).personId, ...req.body, ...requestMeta(req) });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
};
