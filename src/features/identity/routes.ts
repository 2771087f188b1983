import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { SESSION_COOKIE, personOf } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { Uuid, errorResponses } from '../../platform/http/schemas.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { verifyPassword } from './password.js';
import { createSession, findPersonByLogin, liveMemberships } from './sessions.js';

const Membership = Type.Object({
  id: Uuid,
  name: Type.String(),
  inn: Type.String(),
  roles: Type.Array(Type.String()),
  role: Type.String(),
  access: Type.String(),
  validUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const Me = Type.Object({
  person: Type.Object({ id: Uuid, fullName: Type.String(), email: Type.Union([Type.String(), Type.Null()]) }),
  organizationId: Type.Union([Uuid, Type.Null()]),
  organizations: Type.Array(Membership),
});

async function me(ctx: AppContext, personId: string, organizationId: string | null) {
  const person = await ctx.db.selectFrom('persons').select(['id', 'full_name', 'email']).where('id', '=', personId).executeTakeFirstOrThrow();
  const organizations = await liveMemberships(ctx, personId);
  return {
    person: { id: person.id, fullName: person.full_name, email: person.email },
    organizationId: organizations.some((o) => o.id === organizationId) ? organizationId : null,
    organizations: organizations.map((o) => ({ ...o, validUntil: o.validUntil ? new Date(o.validUntil).toISOString() : null })),
  };
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    expires: expiresAt,
  });
}

export const identityRoutes: RoutesPlugin = (app, ctx) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Вход по логину (e-mail, телефон или СНИЛС) и паролю',
        body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Me, ...errorResponses },
      },
    },
    async (req, reply) => {
      const person = await findPersonByLogin(ctx, req.body.login);
      const ok = await verifyPassword(person?.password_hash ?? null, req.body.password);
      const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
      if (!person || !ok) {
        await ctx.db.transaction().execute((trx) =>
          audit(trx, { action: 'auth.login_failed', personId: person?.id ?? null, ...meta, details: { login: req.body.login.slice(0, 100) } }),
        );
        throw new AppError('invalid_credentials', 'Неверный логин или пароль');
      }
      const orgs = await liveMemberships(ctx, person.id);
      const session = await createSession(ctx, person.id, orgs[0]?.id ?? null, meta);
      await ctx.db.transaction().execute((trx) =>
        audit(trx, { action: 'auth.login', personId: person.id, organizationId: orgs[0]?.id ?? null, subjectType: 'session', subjectId: session.sessionId, ...meta }),
      );
      setSessionCookie(ctx, reply, session.token, session.expiresAt);
      return me(ctx, person.id, orgs[0]?.id ?? null);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { person: true } },
      schema: { tags: ['Вход'], summary: 'Выход', response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      const person = personOf(req);
      if (person.sessionId) {
        await ctx.db.updateTable('sessions').set({ ended_at: new Date() }).where('id', '=', person.sessionId).execute();
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { person: true } },
      schema: { tags: ['Вход'], summary: 'Кто я и от имени каких организаций могу действовать', response: { 200: Me, ...errorResponses } },
    },
    async (req) => {
      const person = personOf(req);
      return me(ctx, person.personId, person.organizationId);
    },
  );

  app.post(
    '/api/auth/switch',
    {
      config: { access: { person: true } },
      schema: {
        tags: ['Вход'],
        summary: 'Сменить профиль: выбрать организацию, от имени которой действовать',
        body: Type.Object({ organizationId: Uuid }),
        response: { 200: Me, ...errorResponses },
      },
    },
    async (req) => {
      const person = personOf(req);
      const sessionId = person.sessionId;
      if (!sessionId) throw new AppError('forbidden', 'Токен доступа привязан к одной организации');
      const orgs = await liveMemberships(ctx, person.personId);
      if (!orgs.some((o) => o.id === req.body.organizationId)) {
        throw new AppError('not_found', 'Организация не найдена среди ваших профилей');
      }
      await ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('sessions').set({ organization_id: req.body.organizationId }).where('id', '=', sessionId).execute();
        await audit(trx, {
          action: 'auth.switch_organization',
          personId: person.personId,
          organizationId: req.body.organizationId,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
      });
      return me(ctx, person.personId, req.body.organizationId);
    },
  );
};
