/**
 * Cross-site request forgery: a page on another site must not make a signed-in
 * person's browser change anything here. Every unsafe request (not GET, HEAD
 * or OPTIONS) that a browser could send with our session cookie — one that
 * carries the cookie, and every sign-in request (which would set it) — must
 * come from our own origin: `PUBLIC_URL`'s, or the host the request was sent
 * to. Browsers name the origin of such requests in `Origin` (and in
 * `Sec-Fetch-Site`); a foreign or opaque («null») origin gets 403
 * `cross_site_request`. A request without either header does not come from a
 * browser page and is let through; requests with `Authorization: Bearer`
 * carry no ambient credential and are not checked. `SameSite=Lax` stays as a
 * second wall.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { SESSION_COOKIE } from './auth.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Whether the request is a browser's, from a foreign origin, that could ride on our cookie. */
export function isCrossSite(req: FastifyRequest, publicOrigin: string | null): boolean {
  if (SAFE.has(req.method)) return false;
  if (req.headers.authorization?.startsWith('Bearer ')) return false;
  const url = req.url;
  const cookieAuthenticated = req.cookies?.[SESSION_COOKIE] !== undefined;
  const signsIn = url.startsWith('/api/auth/');
  if (!cookieAuthenticated && !signsIn) return false;
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '') {
    if (origin === 'null') return true;
    if (publicOrigin && origin === publicOrigin) return false;
    const host = (req.host ?? req.headers.host ?? '').toLowerCase();
    return hostOf(origin) !== host;
  }
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return !(site === 'same-origin' || site === 'none');
  return false;
}

/** A preValidation hook that refuses cross-site unsafe requests. */
export function csrfGuard(publicUrl: string) {
  const publicOrigin = originOf(publicUrl);
  return async (req: FastifyRequest): Promise<void> => {
    if (isCrossSite(req, publicOrigin)) {
      throw new AppError(
        'cross_site_request',
        'Запрос пришёл со страницы другого сайта и отклонён. Откройте ОССиГ по его адресу и повторите действие там',
      );
    }
  };
}
