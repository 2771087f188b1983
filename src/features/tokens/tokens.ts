/**
 * API tokens for machine clients (carriers' systems): `Authorization: Bearer <token>`.
 * A token acts for the person who made it, in the organization it was made
 * for, with that person's rights there now — a removed member's tokens stop
 * working with the membership. The secret is shown once; only its hash is kept.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { hashToken, newToken, type Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';

export const MAX_TOKENS_PER_PERSON = 20;

interface Meta {
  ip: string | null;
  userAgent: string | null;
}

/** The actor's own tokens; the head sees every token of the organization. */
export async function listTokens(ctx: AppContext, actor: Actor) {
  let q = ctx.db
    .selectFrom('api_tokens as t')
    .innerJoin('persons as p', 'p.id', 't.person_id')
    .select(['t.id', 't.name', 'p.full_name as personName', 't.created_at', 't.revoked_at'])
    .where('t.organization_id', '=', actor.organizationId);
  if (!actor.rights.has('manage')) q = q.where('t.person_id', '=', actor.personId);
  const rows = await q.orderBy('t.created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    personName: r.personName,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}

/** Issues a token; the secret is returned this once. */
export async function issueToken(ctx: AppContext, actor: Actor, name: string, meta: Meta): Promise<{ id: string; name: string; token: string }> {
  if (!actor.sessionId) throw new AppError('forbidden', 'Новый токен выпускается из личного кабинета, а не по токену');
  const secret = `ossig_${newToken().token}`;
  const clean = name.trim();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const live = await trx
      .selectFrom('api_tokens')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('person_id', '=', actor.personId)
      .where('organization_id', '=', actor.organizationId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (live.n >= MAX_TOKENS_PER_PERSON) {
      throw new AppError('conflict', `Не больше ${MAX_TOKENS_PER_PERSON} действующих токенов; отзовите ненужные`);
    }
    const created = await trx
      .insertInto('api_tokens')
      .values({ token_hash: hashToken(secret), organization_id: actor.organizationId, person_id: actor.personId, name: clean })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await audit(trx, {
      action: 'token.created',
      personId: actor.personId,
      organizationId: actor.organizationId,
      subjectType: 'api_token',
      subjectId: created.id,
      ...meta,
      details: { name: clean },
    });
    return created;
  });
  return { id: row.id, name: row.name, token: secret };
}

/** Revokes a token of the actor's (the head: any of the organization's). */
export async function revokeToken(ctx: AppContext, actor: Actor, id: string, meta: Meta): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('api_tokens')
      .set({ revoked_at: sql`coalesce(revoked_at, now())` })
      .where('id', '=', id)
      .where('organization_id', '=', actor.organizationId);
    if (!actor.rights.has('manage')) q = q.where('person_id', '=', actor.personId);
    const res = await q.executeTakeFirst();
    if (!res.numUpdatedRows) throw notFound('Токен не найден');
    await audit(trx, { action: 'token.revoked', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'api_token', subjectId: id, ...meta });
  });
}
