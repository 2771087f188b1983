/** What the identity routes share: the «who am I» answer's schema and the session cookie. */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../../platform/http/auth.js';
import { Uuid } from '../../platform/http/schemas.js';
import type { AppContext } from '../../platform/context.js';

const Membership = Type.Object({
  id: Uuid,
  name: Type.String(),
  inn: Type.String(),
  roles: Type.Array(Type.String()),
  role: Type.String(),
  access: Type.String(),
  validUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  suspended: Type.Boolean({ description: 'Доступ организации приостановлен оператором: действовать от её имени нельзя, только просматривать' }),
  suspendedReason: Type.Union([Type.String(), Type.Null()], { description: 'Причина приостановления' }),
});

export const Me = Type.Object({
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
  map: Type.Object(
    {
      tileUrl: Type.String({ description: 'Шаблон адреса плиток подложки карты ({z}/{x}/{y}, может быть {s})' }),
      attribution: Type.String({ description: 'Подпись правообладателя подложки (HTML)' }),
      subdomains: Type.Array(Type.String(), { description: 'Поддомены для {s}' }),
      maxZoom: Type.Integer(),
    },
    { description: 'Подложка карты треков и границ (MAP_TILE_URL, MAP_TILE_ATTRIBUTION); трек и границы видны и без неё' },
  ),
});

/** A second-factor code as typed: 6 digits from the app, or a recovery code. */
export const Code = Type.String({ minLength: 6, maxLength: 20, description: '6 цифр из приложения или резервный код' });

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
