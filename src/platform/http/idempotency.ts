/**
 * Idempotent writes: a request with an `Idempotency-Key` is executed once per
 * organization; a replay with the same body gets the stored answer, a replay
 * with a different body gets 422. The stored answer is written in the same
 * transaction as the change, so a crash leaves either both or neither.
 */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/pool.js';
import { AppError, invalid } from './errors.js';
import { actorOf } from './auth.js';

export function requestHash(body: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
}

export function checkKey(key: string | undefined): string | null {
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw invalid({ field: 'Idempotency-Key', message: 'Idempotency-Key: от 1 до 200 печатных символов ASCII' });
  }
  return key;
}

export async function idempotent<T>(
  db: Db,
  opts: { organizationId: string; key: string | null; body: unknown; status: number },
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  const hash = requestHash(opts.body);
  const replay = async () => {
    if (!opts.key) return null;
    const row = await db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response'])
      .where('organization_id', '=', opts.organizationId)
      .where('key', '=', opts.key)
      .executeTakeFirst();
    if (!row) return null;
    if (row.request_hash !== hash) {
      throw new AppError('idempotency_mismatch', 'Этот Idempotency-Key уже использован с другим телом запроса; используйте новый ключ', [
        { field: 'Idempotency-Key', message: 'Idempotency-Key: уже использован с другим телом запроса' },
      ]);
    }
    return { status: row.status_code, body: row.response as T, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const body = await db.transaction().execute(async (trx) => {
      const result = await fn(trx);
      if (opts.key) {
        await trx
          .insertInto('idempotency_keys')
          .values({ organization_id: opts.organizationId, key: opts.key, request_hash: hash, status_code: opts.status, response: JSON.stringify(result) })
          .execute();
      }
      return result;
    });
    return { status: opts.status, body, replayed: false };
  } catch (e) {
    // A concurrent request with the same key committed first: answer as it did.
    if ((e as { code?: string }).code === '23505' && opts.key) {
      const other = await replay();
      if (other) return other;
    }
    throw e;
  }
}

/**
 * `idempotent` for a route's request: the acting organization, the `Idempotency-Key` header (checked), and the
 * URL with the body as what a replay must repeat.
 */
export function idempotentRequest<T>(
  db: Db,
  req: FastifyRequest,
  status: number,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  const key = checkKey(req.headers['idempotency-key'] as string | undefined);
  return idempotent<T>(db, { organizationId: actorOf(req).organizationId, key, body: { url: req.url, body: req.body ?? null }, status }, fn);
}

/** Sends the answer of an idempotent write: `Idempotent-Replayed: true` when it is a replay, `Location` when given. */
export function sendIdempotent<T>(reply: FastifyReply, out: { status: number; body: T; replayed: boolean }, location?: string): FastifyReply {
  if (out.replayed) reply.header('Idempotent-Replayed', 'true');
  if (location) reply.header('Location', location);
  return reply.status(out.status).send(out.body);
}
