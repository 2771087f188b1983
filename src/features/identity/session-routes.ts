/** Sign-in with a password (and its second step), sign-out, «who am I», switching the organization, and one's own sessions. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { personOf } from '../../platform/http/auth.js';
import { IdParams, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { Code, Me, clearSessionCookie, setSessionCookie } from './http.js';
import { me } from './me.js';
import { completeSecondFactor, signInWithPassword } from './sign-in.js';
import { endMySession, endSessionByLink, listMySessions, signOut, switchOrganization } from './my-sessions.js';

const SecondFactorNeeded = Type.Object({
  secondFactorRequired: Type.Literal(true),
  challengeToken: Type.String({ description: 'Передайте в POST /api/auth/login/second-factor вместе с кодом' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

const SessionRow = Type.Object({
  id: Uuid,
  current: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  device: Type.Union([Type.String(), Type.Null()]),
  method: Type.String(),
});

export const sessionRoutes: RoutesPlugin = (app, ctx) => {
  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Вход по логину (e-mail, телефон или СНИЛС) и паролю',
        description:
          'Неверный логин и неверный пароль дают один и тот же ответ. После 5 неудачных попыток с одного адреса вход по этому логину с этого адреса откладывается на растущий срок (1, 2, 4… минут, не больше часа; 429 account_locked, заголовок Retry-After); после 20 неудачных попыток отовсюду — так же для устройств, с которых человек ещё не входил. Если у человека включён второй фактор, ответ содержит challengeToken для POST /api/auth/login/second-factor.',
        body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Type.Union([Me, SecondFactorNeeded]), 429: errorResponses[401], ...errorResponses },
      },
    },
    async (req, reply) => {
      const out = await signInWithPassword(ctx, { ...req.body, meta: requestMeta(req) });
      if ('secondFactor' in out) return { secondFactorRequired: true as const, challengeToken: out.secondFactor.challengeToken, expiresAt: out.secondFactor.expiresAt.toISOString() };
      setSessionCookie(ctx, reply, out.session.token, out.session.expiresAt);
      return me(ctx, out.session.personId, out.session.organizationId);
    },
  );

  app.post(
    '/api/auth/login/second-factor',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Второй шаг входа: код из приложения (TOTP) или резервный код',
        body: Type.Object({ challengeToken: Type.String({ minLength: 10, maxLength: 200 }), code: Code }),
        response: { 200: Me, ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await completeSecondFactor(ctx, { ...req.body, meta: requestMeta(req) });
      setSessionCookie(ctx, reply, session.token, session.expiresAt);
      return me(ctx, session.personId, session.organizationId);
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
      if (person.sessionId) await signOut(ctx, { personId: person.personId, sessionId: person.sessionId, meta: requestMeta(req) });
      clearSessionCookie(reply);
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
        description:
          'Организация запоминается в сеансе. Клиенты API могут вместо этого называть организацию в каждом запросе заголовком X-Organization-Id (проверяется по действующему участию).',
        body: Type.Object({ organizationId: Uuid }),
        response: { 200: Me, ...errorResponses },
      },
    },
    async (req) => {
      const person = personOf(req);
      await switchOrganization(ctx, { personId: person.personId, sessionId: person.sessionId, from: person.organizationId, organizationId: req.body.organizationId, meta: requestMeta(req) });
      return me(ctx, person.personId, req.body.organizationId);
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      config: { access: { person: true } },
      schema: { tags: ['Безопасность'], summary: 'Мои активные сеансы', response: { 200: Type.Object({ items: Type.Array(SessionRow) }), ...errorResponses } },
    },
    async (req) => {
      const person = personOf(req);
      return { items: await listMySessions(ctx, person.personId, person.sessionId) };
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: { person: true } },
      schema: { tags: ['Безопасность'], summary: 'Завершить сеанс', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      await endMySession(ctx, { personId: personOf(req).personId, id: req.params.id, meta: requestMeta(req) });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/sessions/end',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Безопасность'],
        summary: 'Завершить сеанс по одноразовой ссылке из письма «Предупреждение о входе»',
        querystring: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }),
      },
    },
    async (req, reply) => {
      const ended = await endSessionByLink(ctx, req.query.token, requestMeta(req));
      const title = ended ? 'Сеанс завершён' : 'Ссылка недействительна';
      const text = ended
        ? 'Сеанс, о котором говорилось в письме, завершён. Если вход выполняли не вы, смените пароль в разделе «Безопасность».'
        : 'Ссылка уже использована или неверна. Активные сеансы можно посмотреть и завершить в разделе «Безопасность».';
      return reply
        .status(ended ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(`<!doctype html><html lang="ru"><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>${title}</h1><p>${text}</p><p><a href="/">Перейти в ОССиГ</a></p></body></html>`);
    },
  );
};
