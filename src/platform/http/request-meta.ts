import type { FastifyRequest } from 'fastify';

/** Where a request came from, as the audit log and sessions record it (the user agent cut to 500 characters). */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip ?? null,
  userAgent: (req.headers['user-agent'] as string | undefined)?.slice(0, 500) ?? null,
});
