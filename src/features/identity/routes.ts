import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { SESSION_COOKIE, hashToken, personOf } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { IdParams, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { verifyPassword } from './password.js';
import { findPersonByLogin, liveMemberships, withIdentityColumns } from './sessions.js';
import { accountKeyOf, clearKeys, isKnownDevice, lockedError, recordFailure, signInKeys, waitSeconds } from './throttle.js';
import { openSession } from './open-session.js';
import { consumeSecondFactor, disableTotp, enableTotp, recoveryCodesLeft, setupTotp, totpEnabled } from './totp.js';
import { changePassword, requestPasswordReset, resetPassword } from './password-reset.js';
import { issueCertificateChallenge, signInWithCertificate } from './certificate-login.js';
import { DELETION_NOTICE, deleteAccount } from './delete-account.js';
import crypto from 'node:crypto';

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
  person: Type.Object({
    id: Uuid,
    fullName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    hasPassword: Type.Boolean(),
    secondFactor: Type.Boolean({ description: 'Включён второй фактор (TOTP)' }),
  }),
  organizationId: Type.Union([Uuid, Type.Null()]),
  organizations: Type.Array(Membership),
  demo: Type.Boolean({ description: 'Демо-стенд: есть страница исходящей почты (GET /api/outbox)' }),
});

const SecondFactorNeeded = Type.Object({
  secondFactorRequired: Type.Literal(true),
  challengeToken: Type.String({ description: 'Передайте в POST /api/auth/login/second-factor вместе с кодом' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

const SECOND_FACTOR_TTL_SECONDS = 300;
const MAX_SECOND_FACTOR_ATTEMPTS = 5;

export async function me(ctx: AppContext, personId: string, organizationId: string | null) {
  const person = await ctx.db.selectFrom('persons').select(['id', 'full_name', 'email', 'password_hash']).where('id', '=', personId).executeTakeFirstOrThrow();
  const organizations = await liveMemberships(ctx, personId);
  return {
    person: { id: person.id, fullName: person.full_name, email: person.email, hasPassword: !!person.password_hash, secondFactor: await totpEnabled(ctx.db, personId) },
    organizationId: organizations.some((o) => o.id === organizationId) ? organizationId : null,
    organizations: organizations.map((o) => ({ ...o, validUntil: o.validUntil ? new Date(o.validUntil).toISOString() : null })),
    demo: ctx.config.demo,
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

export const metaOf = (req: FastifyRequest) => ({ ip: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined)?.slice(0, 500) ?? null });

/** Throws 429 account_locked with Retry-After. */
function locked(reply: FastifyReply, seconds: number): never {
  reply.header('Retry-After', String(seconds));
  throw lockedError(seconds);
}

const sha = (s: string): Buffer => crypto.createHash('sha256').update(s).digest();
const Code = Type.String({ minLength: 6, maxLength: 20, description: '6 цифр из приложения или резервный код' });

export const identityRoutes: RoutesPlugin = (app, ctx) => {
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
      const meta = metaOf(req);
      const person = await findPersonByLogin(ctx, req.body.login);
      const keys = signInKeys(accountKeyOf(req.body.login, person?.id), meta.ip, await isKnownDevice(ctx, person?.id, meta));
      const wait = await waitSeconds(ctx, keys.check);
      if (wait) {
        await ctx.db.transaction().execute((trx) =>
          audit(trx, { action: 'auth.login_locked', personId: person?.id ?? null, ...meta, details: { login: req.body.login.slice(0, 100) } }),
        );
        locked(reply, wait);
      }
      const ok = await verifyPassword(person?.password_hash ?? null, req.body.password);
      if (!person || !ok) {
        await recordFailure(ctx, keys.count);
        const lock = await waitSeconds(ctx, keys.check);
        await ctx.db.transaction().execute((trx) =>
          audit(trx, { action: 'auth.login_failed', personId: person?.id ?? null, ...meta, details: { login: req.body.login.slice(0, 100), locked: lock > 0 } }),
        );
        if (lock) locked(reply, lock);
        throw new AppError('invalid_credentials', 'Неверный логин или пароль');
      }
      if (await totpEnabled(ctx.db, person.id)) {
        const token = crypto.randomBytes(24).toString('base64url');
        const expiresAt = new Date(ctx.now().getTime() + SECOND_FACTOR_TTL_SECONDS * 1000);
        await ctx.db
          .insertInto('auth_challenges')
          .values({ kind: 'second_factor', secret_hash: sha(token), person_id: person.id, payload: JSON.stringify({ login: req.body.login.slice(0, 200) }), expires_at: expiresAt })
          .execute();
        return { secondFactorRequired: true as const, challengeToken: token, expiresAt: expiresAt.toISOString() };
      }
      await clearKeys(ctx, [keys.pair]);
      const session = await openSession(ctx, { personId: person.id, method: 'password', strong: false, meta });
      setSessionCookie(ctx, reply, session.token, session.expiresAt);
      return me(ctx, person.id, session.organizationId);
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
      const meta = metaOf(req);
      const ch = await ctx.db
        .selectFrom('auth_challenges')
        .selectAll()
        .where('secret_hash', '=', sha(req.body.challengeToken))
        .where('kind', '=', 'second_factor')
        .executeTakeFirst();
      if (!ch || !ch.person_id || ch.used_at || new Date(ch.expires_at) <= ctx.now() || ch.attempts >= MAX_SECOND_FACTOR_ATTEMPTS) {
        throw new AppError('challenge_expired', 'Время на ввод кода истекло или попытки исчерпаны: войдите заново');
      }
      const login = String((ch.payload as { login?: string }).login ?? '');
      const keys = signInKeys(accountKeyOf(login, ch.person_id), meta.ip, await isKnownDevice(ctx, ch.person_id, meta));
      const wait = await waitSeconds(ctx, keys.check);
      if (wait) locked(reply, wait);
      const personId = ch.person_id;
      let method: 'totp' | 'recovery_code' | null = null;
      try {
        const session = await openSession(ctx, {
          personId,
          method: 'totp',
          strong: true,
          meta,
          within: async (trx) => {
            const used = await trx.updateTable('auth_challenges').set({ used_at: ctx.now() }).where('id', '=', ch.id).where('used_at', 'is', null).returning('id').executeTakeFirst();
            if (!used) throw new AppError('challenge_expired', 'Код уже был введён: войдите заново');
            method = await consumeSecondFactor(trx, personId, req.body.code, ctx.now());
            if (!method) throw new AppError('second_factor_invalid', 'Код: неверный, устаревший или уже использованный код', [{ field: 'code', message: 'Код: неверный, устаревший или уже использованный код' }]);
          },
        });
        await clearKeys(ctx, [keys.pair]);
        setSessionCookie(ctx, reply, session.token, session.expiresAt);
        if (method === 'recovery_code') {
          await withIdentityColumns(ctx.db).updateTable('sessions').set({ auth_method: 'recovery_code' }).where('id', '=', session.sessionId).execute();
        }
        return me(ctx, personId, session.organizationId);
      } catch (e) {
        if (e instanceof AppError && e.code === 'second_factor_invalid') {
          await ctx.db.updateTable('auth_challenges').set({ attempts: ch.attempts + 1 }).where('id', '=', ch.id).execute();
          await recordFailure(ctx, keys.count);
          await ctx.db.transaction().execute((trx) => audit(trx, { action: 'auth.second_factor_failed', personId, ...meta }));
          const lock = await waitSeconds(ctx, keys.check);
          if (lock) locked(reply, lock);
        }
        throw e;
      }
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
        const sessionId = person.sessionId;
        await ctx.db.transaction().execute(async (trx) => {
          await trx.updateTable('sessions').set({ ended_at: ctx.now() }).where('id', '=', sessionId).execute();
          await audit(trx, { action: 'auth.logout', personId: person.personId, subjectType: 'session', subjectId: sessionId, ...metaOf(req) });
        });
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
        description:
          'Организация запоминается в сеансе. Клиенты API могут вместо этого называть организацию в каждом запросе заголовком X-Organization-Id (проверяется по действующему участию).',
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
          details: { from: person.organizationId },
          ...metaOf(req),
        });
      });
      return me(ctx, person.personId, req.body.organizationId);
    },
  );

  // ---------------------------------------------------------------- sessions

  const SessionRow = Type.Object({
    id: Uuid,
    current: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    lastSeenAt: Type.String({ format: 'date-time' }),
    ip: Type.Union([Type.String(), Type.Null()]),
    device: Type.Union([Type.String(), Type.Null()]),
    method: Type.String(),
  });

  app.get(
    '/api/auth/sessions',
    {
      config: { access: { person: true } },
      schema: { tags: ['Безопасность'], summary: 'Мои активные сеансы', response: { 200: Type.Object({ items: Type.Array(SessionRow) }), ...errorResponses } },
    },
    async (req) => {
      const person = personOf(req);
      const rows = await withIdentityColumns(ctx.db)
        .selectFrom('sessions')
        .select(['id', 'created_at', 'last_seen_at', 'ip', 'device', 'auth_method'])
        .where('person_id', '=', person.personId)
        .where('ended_at', 'is', null)
        .where('expires_at', '>', ctx.now())
        .orderBy('last_seen_at', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          current: r.id === person.sessionId,
          createdAt: new Date(r.created_at).toISOString(),
          lastSeenAt: new Date(r.last_seen_at).toISOString(),
          ip: r.ip,
          device: r.device,
          method: r.auth_method,
        })),
      };
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: { person: true } },
      schema: { tags: ['Безопасность'], summary: 'Завершить сеанс', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      const person = personOf(req);
      const ended = await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('sessions')
          .set({ ended_at: ctx.now() })
          .where('id', '=', req.params.id)
          .where('person_id', '=', person.personId)
          .where('ended_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (row) await audit(trx, { action: 'auth.session_ended', personId: person.personId, subjectType: 'session', subjectId: row.id, ...metaOf(req) });
        return row;
      });
      if (!ended) throw new AppError('not_found', 'Сеанс не найден');
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
      const meta = metaOf(req);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const s = await withIdentityColumns(trx)
          .updateTable('sessions')
          .set({ ended_at: ctx.now(), end_token_hash: null })
          .where('end_token_hash', '=', hashToken(req.query.token))
          .returning(['id', 'person_id'])
          .executeTakeFirst();
        if (s) await audit(trx, { action: 'auth.session_ended_by_link', personId: s.person_id, subjectType: 'session', subjectId: s.id, ...meta });
        return s;
      });
      const title = row ? 'Сеанс завершён' : 'Ссылка недействительна';
      const text = row
        ? 'Сеанс, о котором говорилось в письме, завершён. Если вход выполняли не вы, смените пароль в разделе «Безопасность».'
        : 'Ссылка уже использована или неверна. Активные сеансы можно посмотреть и завершить в разделе «Безопасность».';
      return reply
        .status(row ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(`<!doctype html><html lang="ru"><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>${title}</h1><p>${text}</p><p><a href="/">Перейти в ОССиГ</a></p></body></html>`);
    },
  );

  // ---------------------------------------------------------------- password

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
      await changePassword(ctx, { personId: person.personId, sessionId: person.sessionId, ...req.body, ...metaOf(req) });
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
      await requestPasswordReset(ctx, req.body.login, metaOf(req));
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
      await resetPassword(ctx, { ...req.body, ...metaOf(req) });
      return reply.status(204).send(null);
    },
  );

  // ---------------------------------------------------------------- second factor

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
      const recoveryCodes = await enableTotp(ctx, { personId: p.personId, code: req.body.code, sessionId: p.sessionId, ...metaOf(req) });
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
      const p = personOf(req);
      const person = await ctx.db.selectFrom('persons').select('password_hash').where('id', '=', p.personId).executeTakeFirstOrThrow();
      if (person.password_hash && !(await verifyPassword(person.password_hash, req.body.password))) {
        throw new AppError('validation', 'Пароль: указан неверно', [{ field: 'password', message: 'Пароль: указан неверно' }]);
      }
      const ok = await ctx.db.transaction().execute((trx) => consumeSecondFactor(trx, p.personId, req.body.code, ctx.now()));
      if (!ok) throw new AppError('second_factor_invalid', 'Код: неверный или устаревший', [{ field: 'code', message: 'Код: неверный или устаревший' }]);
      await disableTotp(ctx, { personId: p.personId, ...metaOf(req) });
      return reply.status(204).send(null);
    },
  );

  // ---------------------------------------------------------------- e-signature

  app.post(
    '/api/auth/certificate/challenge',
    {
      config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Вход по электронной подписи, шаг 1: получить запрос на подпись',
        description: 'Запрос действует 5 минут и принимается один раз. Подпишите его (CMS, ГОСТ Р 34.10-2012): `npm run sign-challenge -- --key key.pem --cert cert.pem --challenge "<challenge>"`.',
        response: { 200: Type.Object({ challengeId: Uuid, challenge: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }), ...errorResponses },
      },
    },
    async () => issueCertificateChallenge(ctx),
  );

  app.post(
    '/api/auth/certificate/login',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['Вход'],
        summary: 'Вход по электронной подписи, шаг 2: подписанный запрос',
        description:
          'signature — подпись CMS (присоединённая или отсоединённая) в PEM или base64. Проверяются подпись, срок действия сертификата и цепочка до доверенных удостоверяющих центров; из сертификата читаются ИНН ЮЛ / ИНН, ОГРН / ОГРНИП и СНИЛС. При первом входе организация создаётся, профиль заполняется из ЕГРЮЛ/ЕГРИП.',
        body: Type.Object({ challengeId: Uuid, signature: Type.String({ minLength: 10, maxLength: 200_000 }) }),
        response: {
          200: Type.Composite([Me, Type.Object({ createdOrganization: Type.Boolean(), profileFromRegister: Type.Boolean() })]),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const session = await signInWithCertificate(ctx, req.body, metaOf(req));
      setSessionCookie(ctx, reply, session.token, session.expiresAt);
      return { ...(await me(ctx, session.personId, session.organizationId)), createdOrganization: session.createdOrganization, profileFromRegister: session.profileFromRegister };
    },
  );

  // ---------------------------------------------------------------- account deletion

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
    async (req) => {
      const p = await ctx.db.selectFrom('persons').select('password_hash').where('id', '=', personOf(req).personId).executeTakeFirstOrThrow();
      return { removed: [...DELETION_NOTICE.removed], kept: [...DELETION_NOTICE.kept], irreversible: DELETION_NOTICE.irreversible, needsPassword: !!p.password_hash };
    },
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
      await deleteAccount(ctx, { personId: personOf(req).personId, ...req.body, ...metaOf(req) });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
