/**
 * The HTTP server: Fastify with TypeBox schemas on every route, OpenAPI at
 * /api/openapi.json and /api/docs, problem+json errors, access checks from
 * each route's `config.access`, and the web cabinet from web/dist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { pgRateLimitStore } from './rate-limit-store.js';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../context.js';
import { mapTileSource } from '../config.js';
import { AppError, ajvToFieldErrors, type Problem } from './errors.js';
import { authorize } from './auth.js';
import { problemComponent } from './schemas.js';
import { isDatabaseUnavailable } from '../db/errors.js';
import { isStorageUnavailable } from '../files/store.js';
import { queueHealth } from '../jobs/index.js';
import { csrfGuard } from './csrf.js';
import { installSecurityHeaders } from './security-headers.js';
import { installInputGuard } from './input-guard.js';
import { loggerOptions, requestIdOf, type LogOptions } from './logging.js';

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

/** A feature's routes: a function that registers them on the app. */
export type RoutesPlugin = (app: App, ctx: AppContext) => void | Promise<void>;

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Largest JSON body (10,000 trips in one request fit). */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;

export interface ServerOptions {
  /** false: no logging (most tests); a stream or level to capture the JSON log lines (tests). */
  logger?: boolean | Omit<LogOptions, 'enabled'>;
}

export async function buildServer(ctx: AppContext, features: readonly RoutesPlugin[], opts: ServerOptions = {}): Promise<App> {
  const log: LogOptions = typeof opts.logger === 'object' ? opts.logger : { enabled: opts.logger !== false };
  const trustProxy = ctx.config.trustProxy;
  const app = Fastify({
    logger: loggerOptions(ctx.config, log) as FastifyServerOptions['logger'],
    bodyLimit: MAX_JSON_BYTES,
    // Forwarded headers (client address, scheme, host) only from the configured proxies (TRUST_PROXY).
    trustProxy: trustProxy === false ? false : typeof trustProxy === 'number' ? (_addr: string, hop: number) => hop < trustProxy : [...trustProxy],
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true } },
    genReqId: requestIdOf,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every answer names its request, so a user can quote it and support can find it in the log.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });
  installInputGuard(app, MAX_JSON_BYTES);

  app.decorateRequest('actor', null);
  app.decorateRequest('person', null);

  await app.register(cookie);
  app.addHook('onRequest', csrfGuard(ctx.config.publicUrl));
  // HSTS and upgrade-insecure-requests only where the service is reached over HTTPS: over plain HTTP
  // they would break the site (a browser remembers HSTS for a year) and prove nothing.
  const https = ctx.config.publicUrl.startsWith('https:');
  installSecurityHeaders(app, {
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', mapTileSource(ctx.config.map)],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // Counted in PostgreSQL: every web process on the database shares the limits.
  await app.register(rateLimit, { global: false, store: pgRateLimitStore(ctx.pool) as never });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ОССиГ API',
        description:
          'API системы учёта перемещения отходов строительства и сноса и грунтов. Ошибки — application/problem+json (RFC 9457).',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ossig_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    // Shared schemas (`Problem`) appear under their own name in components.schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  app.addSchema(problemComponent());
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    if (!route.config?.access) {
      throw new Error(`Маршрут ${route.method} ${url} не указывает config.access`);
    }
  });

  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    const { person, actor } = await authorize(ctx.db, req, access);
    req.person = person;
    req.actor = actor;
  });

  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const problem = toProblem(err, req);
    if (problem.status >= 500) req.log.error({ err, problem: problem.code }, 'request failed');
    else if (isDataException(err)) req.log.error({ err, problem: problem.code }, 'value reached the database unvalidated');
    return sendProblem(reply, problem);
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      return sendProblem(reply, new AppError('not_found', 'Такого адреса нет').toProblem(req.url));
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: { tags: ['Служебное'], summary: 'Состояние сервиса' },
    },
    async (_req, reply) => {
      try {
        await ctx.pool.query('select 1');
      } catch {
        return sendProblem(reply, new AppError('unavailable', 'База данных недоступна').toProblem());
      }
      return { status: 'ok', database: 'postgresql', embedded: ctx.config.databaseUrl === null, role: ctx.config.role };
    },
  );

  app.get(
    '/api/health/ready',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Служебное'],
        summary: 'Готовность: база данных и очередь фоновых задач (503, пока база недоступна)',
      },
    },
    async (_req, reply) => {
      try {
        const queue = await queueHealth(ctx.db, ctx.config.jobs.leaseSeconds);
        return { status: 'ready', database: 'ok', queue };
      } catch {
        return sendProblem(reply, new AppError('unavailable', 'База данных или очередь задач недоступна', undefined, { retryAfter: 5 }).toProblem());
      }
    },
  );

  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());

  for (const feature of features) await feature(app, ctx);

  if (fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  return app;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.status === 503) reply.header('Retry-After', String(problem.retryAfter ?? 5));
  else if (problem.status === 429 && typeof problem.retryAfter === 'number') reply.header('Retry-After', String(problem.retryAfter));
  problem.requestId = reply.request.id;
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

function toProblem(err: FastifyError | AppError | Error, req: FastifyRequest): Problem {
  if (err instanceof AppError) return err.toProblem(req.url);
  const fe = err as FastifyError & { validationContext?: string };
  if (fe.validation) {
    const errors = ajvToFieldErrors(fe.validation as any, fe.validationContext ?? 'body');
    return new AppError('validation', errors.map((e) => e.message).join('; '), errors).toProblem(req.url);
  }
  const multipart = multipartProblem(fe);
  if (multipart) return multipart.toProblem(req.url);
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', 'Проверьте синтаксис JSON в теле запроса').toProblem(req.url);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large', 'Размер файла или запроса не должен превышать 50 МБ').toProblem(req.url);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('unsupported_media_type', `Тип содержимого «${req.headers['content-type'] ?? ''}» не поддерживается`).toProblem(req.url);
  }
  if (fe.statusCode === 429) {
    return new AppError('too_many_requests', 'Слишком много запросов, повторите позже').toProblem(req.url);
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('bad_request', 'Запрос не может быть обработан').toProblem(req.url);
  }
  // Before the database's check: a storage failure may carry a network error (ECONNREFUSED) as its cause.
  if (isStorageUnavailable(err)) {
    return new AppError('unavailable', 'Хранилище файлов временно недоступно. Повторите попытку через минуту — ничего не потеряно', undefined, {
      retryAfter: 30,
    }).toProblem(req.url);
  }
  if (isDatabaseUnavailable(err)) {
    return new AppError('unavailable', 'Сервис временно недоступен: нет связи с базой данных. Повторите попытку через несколько секунд — ничего не потеряно', undefined, {
      retryAfter: 5,
    }).toProblem(req.url);
  }
  if (isDataException(err)) {
    // PostgreSQL refused a value (wrong format, out of range): the client's fault, but one our
    // validation should have caught first — so it is also logged as an error (see the handler).
    return new AppError('bad_request', 'Значение в запросе не подходит по формату или диапазону').toProblem(req.url);
  }
  return new AppError('internal', 'Произошла ошибка. Мы уже знаем о ней; повторите попытку позже').toProblem(req.url);
}

/** PostgreSQL's class 22 (data exception): a value of the wrong format or out of range. */
function isDataException(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Errors of a multipart/form-data body (limits, a missing boundary, a torn body) as clear 4xx answers. */
function multipartProblem(err: FastifyError): AppError | null {
  switch (err.code) {
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_FILES_LIMIT':
      return new AppError('payload_too_large', 'Форма: слишком много полей или файлов — отправьте только поля, названные в описании запроса', [
        { field: 'form', message: 'Форма: слишком много полей или файлов' },
      ]);
    case 'FST_PROTO_VIOLATION':
      return new AppError('multipart_invalid', 'Форма: недопустимое имя поля', [{ field: 'form', message: 'Форма: недопустимое имя поля' }]);
    case 'ERR_STREAM_PREMATURE_CLOSE':
      // The body ended in the middle of a part (the client cut it off or sent it torn).
      return new AppError('multipart_invalid', 'Форма: тело запроса оборвано на середине — отправьте его ещё раз', [{ field: 'form', message: 'Форма: тело запроса оборвано' }]);
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError('multipart_invalid', 'Форма: поле, объявленное как JSON, не является корректным JSON', [{ field: 'form', message: 'Форма: поле не является корректным JSON' }]);
  }
  const m = /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed part header|Multipart: .*)$/.exec(err.message ?? '');
  if (!m || err.code) return null;
  const detail = m[1] === 'Multipart: Boundary not found'
    ? 'Заголовок Content-Type: у multipart/form-data нет параметра boundary'
    : 'Форма: тело multipart/form-data оборвано или повреждено';
  return new AppError('multipart_invalid', detail, [{ field: m[1] === 'Multipart: Boundary not found' ? 'Content-Type' : 'form', message: detail }]);
}
