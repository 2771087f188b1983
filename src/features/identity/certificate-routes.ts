/** Sign-in with an e-signature: a challenge to sign, then the signed challenge. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { Uuid, errorResponses } from '../../platform/http/schemas.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { Me, setSessionCookie } from './http.js';
import { me } from './me.js';
import { issueCertificateChallenge, signInWithCertificate } from './certificate-login.js';

export const certificateRoutes: RoutesPlugin = (app, ctx) => {
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
      const session = await signInWithCertificate(ctx, req.body, requestMeta(req));
      setSessionCookie(ctx, reply, session.token, session.expiresAt);
      return { ...(await me(ctx, session.personId, session.organizationId)), createdOrganization: session.createdOrganization, profileFromRegister: session.profileFromRegister };
    },
  );
};
