/**
 * The writes every register (sites, vehicles, facilities) answers the same way:
 * creating a record under an Idempotency-Key (201 with its Location),
 * editing it at a version and archiving it (снять с учёта) at a version with an optional reason. A route passes its request and its use-case.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { actorOf, type Actor } from '../../platform/http/auth.js';
import { idempotentRequest, sendIdempotent } from '../../platform/http/idempotency.js';
import { requestMeta, type RequestMeta } from '../../platform/http/request-meta.js';

type Trx = Transaction<Database>;

/** Creates a record once per Idempotency-Key and answers 201 with `Location: <base>/<id>`. */
export async function createRecord<I, R extends { id: string }>(
  ctx: AppContext,
  req: FastifyRequest & { body: I },
  reply: FastifyReply,
  base: string,
  create: (trx: Trx, o: { ctx: AppContext; actor: Actor; input: I } & RequestMeta) => Promise<R>,
): Promise<FastifyReply> {
  const out = await idempotentRequest(ctx.db, req, 201, (trx) => create(trx, { ctx, actor: actorOf(req), input: req.body, ...requestMeta(req) }));
  return sendIdempotent(reply, out, `${base}/${out.body.id}`);
}

/** Edits the record `:id` at the body's `version` with the rest of the body as the fields (once per Idempotency-Key). */
export async function editRecord<B extends { version: number }, R>(
  ctx: AppContext,
  req: FastifyRequest & { params: { id: string }; body: B },
  edit: (trx: Trx, o: { ctx: AppContext; actor: Actor; id: string; version: number; input: Omit<B, 'version'> } & RequestMeta) => Promise<R>,
): Promise<R> {
  const { version, ...input } = req.body;
  return (await idempotentRequest(ctx.db, req, 200, (trx) => edit(trx, { ctx, actor: actorOf(req), id: req.params.id, version, input, ...requestMeta(req) }))).body;
}

/** Takes the record `:id` off the register at the body's `version`, with the reason when given (once per Idempotency-Key). */
export async function archiveRecord<R>(
  ctx: AppContext,
  req: FastifyRequest & { params: { id: string }; body: { version: number; reason?: string | null } },
  archive: (trx: Trx, o: { ctx: AppContext; actor: Actor; id: string; version: number; reason: string | null } & RequestMeta) => Promise<R>,
): Promise<R> {
  const reason = req.body.reason?.trim() || null;
  return (await idempotentRequest(ctx.db, req, 200, (trx) => archive(trx, { ctx, actor: actorOf(req), id: req.params.id, version: req.body.version, reason, ...requestMeta(req) }))).body;
}
