/**
 * Routes of the sign-in through ЕСИА / OpenID Connect (the flow and its
 * secrets: ./oidc.ts). Errors: a browser (Accept: text/html) is redirected to
 * `/login?error=<code>`; an API client (Accept: application/json) gets
 * problem+json with the same Russian text.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { sendProblem } from '../../platform/http/server.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import type { AppContext } from '../../platform/context.js';
import { setSessionCookie } from './http.js';
import { OIDC_COOKIE, OIDC_COOKIE_PATH, OIDC_TTL_SECONDS, OidcFailure, PROBLEM_OF, beginOidcFlow, completeOidcFlow, oidcEnabled, providerName } from './oidc.js';
import { OIDC_ERROR_MESSAGES, type OidcErrorCode } from './texts.js';

const wantsJson = (req: FastifyRequest): boolean => {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
};

function clearFlowCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: ctx.config.cookieSecure });
}

function fail(req: FastifyRequest, reply: FastifyReply, reason: OidcErrorCode): FastifyReply {
  if (wantsJson(req)) {
    return sendProblem(reply, new AppError(PROBLEM_OF[reason], OIDC_ERROR_MESSAGES[reason], undefined, { reason }).toProblem(req.url.split('?')[0]));
  }
  return reply.redirect(`/login?error=${reason}`, 302);
}

const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2000 })),
    state: Type.Optional(Type.String({ maxLength: 500 })),
    iss: Type.Optional(Type.String({ maxLength: 500 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: true },
);

export const oidcRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/auth/oidc/config',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Вход'],
        summary: 'Вход через ЕСИА / OpenID Connect: включён ли и как называется провайдер',
        response: { 200: Type.Object({ enabled: Type.Boolean(), providerName: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async () => ({ enabled: oidcEnabled(ctx), providerName: oidcEnabled(ctx) ? providerName(ctx) : null }),
  );

  app.get(
    '/api/auth/oidc/start',
    {
      config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Вход через ЕСИА / OpenID Connect, шаг 1: переход к провайдеру',
        description:
          'Отвечает 302 на страницу входа провайдера (код авторизации, PKCE S256, state, nonce). state, nonce и code_verifier хранятся на сервере 10 минут; браузер получает cookie ossig_oidc.',
        response: { 302: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      if (!oidcEnabled(ctx)) return fail(req, reply, 'oidc_disabled');
      let flow: { url: URL; state: string };
      try {
        flow = await beginOidcFlow(ctx);
      } catch (e) {
        if (!(e instanceof OidcFailure)) throw e;
        req.log.warn({ err: e }, 'oidc discovery failed');
        return fail(req, reply, 'oidc_unavailable');
      }
      reply.setCookie(OIDC_COOKIE, flow.state, {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.cookieSecure,
        maxAge: OIDC_TTL_SECONDS,
      });
      return reply.redirect(flow.url.href, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Вход через ЕСИА / OpenID Connect, шаг 2: возврат от провайдера',
        description:
          'Проверяет state (и cookie ossig_oidc этого браузера), обменивает код на токены (PKCE), проверяет ID-токен и nonce, находит человека по СНИЛС или подтверждённой электронной почте и открывает сеанс; затем 302 на «/». Ошибка: 302 на /login?error=<код> (или problem+json при Accept: application/json).',
        querystring: CallbackQuery,
        response: { 302: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const cookieState = req.cookies?.[OIDC_COOKIE];
      clearFlowCookie(ctx, reply);
      if (!oidcEnabled(ctx)) return fail(req, reply, 'oidc_disabled');
      const out = await completeOidcFlow(ctx, { query: req.query, cookieState, meta: requestMeta(req), warn: (err, message) => req.log.warn({ err }, message) });
      if ('failure' in out) return fail(req, reply, out.failure);
      setSessionCookie(ctx, reply, out.session.token, out.session.expiresAt);
      return reply.redirect('/', 302);
    },
  );
};
