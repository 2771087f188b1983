/**
 * API tokens for machine clients (carriers' systems): `Authorization: Bearer <token>`.
 * A token acts for the person who made it, in the organization it was made
 * for, with that person's rights there now — a removed member's tokens stop
 * working with the membership. The secret is shown once; only its hash is kept.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf, hashToken, newToken } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { IdParams, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { audit } from '../../platform/audit.js';

export const MAX_TOKENS_PER_PERSON = 20;

const TokenRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  personName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const tokenRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/tokens',
    {
      config: { access: { right: 'submit' } },
      schema: {
        tags: ['Доступ по API'],
        summary: 'Токены доступа по API: свои (руководитель видит все токены организации)',
        response: { 200: Type.Object({ items: Type.Array(TokenRow) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      let q = ctx.db
        .selectFrom('api_tokens as t')
        .innerJoin('persons as p', 'p.id', 't.person_id')
        .select(['t.id', 't.name', 'p.full_name as personName', 't.created_at', 't.revoked_at'])
        .where('t.organization_id', '=', actor.organizationId);
      if (!actor.rights.has('manage')) q = q.where('t.person_id', '=', actor.personId);
      const rows = await q.orderBy('t.created_at', 'desc').execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          personName: r.personName,
          createdAt: new Date(r.created_at).toISOString(),
          revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
        })),
      };
    },
  );

  app.post(
    '/api/tokens',
    {
      config: { access: { right: 'submit' } },
      schema: {
        tags: ['Доступ по API'],
        summary: 'Выпустить токен доступа по API (секрет показывается один раз)',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: Type.Object({ id: Uuid, name: Type.String(), token: Type.String() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!actor.sessionId) throw new AppError('forbidden', 'Новый токен выпускается из личного кабинета, а не по токену');
      const secret = `ossig_${newToken().token}`;
      const hash = hashToken(secret);
      const name = req.body.name.trim();
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
          .values({ token_hash: hash, organization_id: actor.organizationId, person_id: actor.personId, name })
          .returning(['id', 'name'])
          .executeTakeFirstOrThrow();
        await audit(trx, {
          action: 'token.created',
          personId: actor.personId,
          organizationId: actor.organizationId,
          subjectType: 'api_token',
          subjectId: created.id,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          details: { name },
        });
        return created;
      });
      return reply.status(201).send({ id: row.id, name: row.name, token: secret });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: { right: 'submit' } },
      schema: { tags: ['Доступ по API'], summary: 'Отозвать токен', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await ctx.db.transaction().execute(async (trx) => {
        let q = trx
          .updateTable('api_tokens')
          .set({ revoked_at: sql`coalesce(revoked_at, now())` })
          .where('id', '=', req.params.id)
          .where('organization_id', '=', actor.organizationId);
        if (!actor.rights.has('manage')) q = q.where('person_id', '=', actor.personId);
        const res = await q.executeTakeFirst();
        if (!res.numUpdatedRows) throw notFound('Токен не найден');
        await audit(trx, {
          action: 'token.revoked',
          personId: actor.personId,
          organizationId: actor.organizationId,
          subjectType: 'api_token',
          subjectId: req.params.id,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
      });
      return reply.status(204).send(null);
    },
  );
};
