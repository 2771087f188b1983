/**
 * The security headers of every answer (Helmet's: CSP, HSTS where HTTPS, X-Content-Type-Options…).
 * Our policy depends only on the configuration, so Helmet is run once at start on a recording response
 * and each request gets the recorded headers — @fastify/helmet built Helmet's middleware anew for every
 * request (its options parsed, the CSP string made again), a visible part of a small request's CPU.
 */
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaders {
  set: ReadonlyArray<readonly [string, string | number | readonly string[]]>;
  removed: readonly string[];
}

/** What Helmet does to a response under `options`: the headers it sets and those it removes. */
export function securityHeaders(options: HelmetOptions): SecurityHeaders {
  const set = new Map<string, string | number | readonly string[]>();
  const removed: string[] = [];
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name, value);
      return res;
    },
    removeHeader(name: string) {
      set.delete(name);
      removed.push(name);
    },
  };
  let failed: unknown = null;
  helmet(options)({} as never, res as never, (err?: unknown) => {
    if (err) failed = err;
  });
  if (failed) throw failed;
  return { set: [...set], removed };
}

/** An onRequest hook that gives every answer the headers (on the raw response, as Helmet did). */
export function installSecurityHeaders(app: FastifyInstance<any, any, any, any, any>, options: HelmetOptions): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    const raw = reply.raw;
    for (const name of headers.removed) raw.removeHeader(name);
    for (const [name, value] of headers.set) raw.setHeader(name, value as string);
    done();
  });
}
