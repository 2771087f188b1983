/**
 * Logs: structured JSON (pino, through Fastify) at LOG_LEVEL, `info` by
 * default — one line per request received and answered, each with its
 * request id; every 5xx with its error and stack (server.ts). No password,
 * token, cookie, Authorization header or key reaches a log line: headers are
 * not logged, known secret fields are censored wherever they appear at the
 * top two levels, and the values of secret query parameters (the link that
 * ends a session, an OpenID Connect code) are hidden in every logged URL.
 */
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.js';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CENSORED = '[скрыто]';

/** Field names whose values are secrets wherever they occur. */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'challengeToken',
  'secret',
  'signature',
  'authorization',
  'cookie',
  'set-cookie',
  'key',
  'privateKey',
  'nonce',
];

const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((k) => [`["${k}"]`, `*["${k}"]`, `*.*["${k}"]`]),
  'req.headers',
  'res.headers',
  'headers',
];

const SECRET_QUERY = /^(token|code|state|nonce|password|secret|key|challengeToken|session_state|id_token|access_token)$/i;

/** A URL with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // leave undecodable names as they are
      }
      return eq >= 0 && SECRET_QUERY.test(decoded) ? `${name}=${encodeURIComponent(CENSORED)}` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

/** A request id: the caller's X-Request-Id when it is a plain short token, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const v = Array.isArray(given) ? given[0] : given;
  return v && /^[A-Za-z0-9._:-]{8,100}$/.test(v) ? v : crypto.randomUUID();
}

export interface LogOptions {
  /** false: no logging at all (most tests). */
  enabled?: boolean;
  /** Where JSON lines go instead of stdout (tests capture them). */
  stream?: { write(line: string): void };
  level?: string;
}

/** Fastify's `logger` option from the configuration. */
export function loggerOptions(config: Config, opts: LogOptions = {}) {
  const level = opts.level ?? config.logLevel;
  if (opts.enabled === false || level === 'silent') return false as const;
  return {
    level,
    ...(opts.stream ? { stream: opts.stream } : {}),
    redact: { paths: REDACT_PATHS, censor: CENSORED },
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, url: redactUrl(req.url), remoteAddress: req.ip, userAgent: req.headers?.['user-agent'] };
      },
    },
  };
}
