/** A person's own sessions: sign out, switch the organization acted for, list, end one, end one by the warning e-mail's link. */
import type { AppContext } from '../../platform/context.js';
import { hashToken } from '../../platform/http/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type { RequestMeta } from '../../platform/http/request-meta.js';
import { audit } from '../../platform/audit.js';
import { liveMemberships, withIdentityColumns } from './sessions.js';

export async function signOut(ctx: AppContext, o: { personId: string; sessionId: string; meta: RequestMeta }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('sessions').set({ ended_at: ctx.now() }).where('id', '=', o.sessionId).execute();
    await audit(trx, { action: 'auth.logout', personId: o.personId, subjectType: 'session', subjectId: o.sessionId, ...o.meta });
  });
}

export async function switchOrganization(
  ctx: AppContext,
  o: { personId: string; sessionId: string | null; from: string | null; organizationId: string; meta: RequestMeta },
): Promise<void> {
  const sessionId = o.sessionId;
  if (!sessionId) throw new AppError('forbidden', 'Токен доступа привязан к одной организации');
  const orgs = await liveMemberships(ctx, o.personId);
  if (!orgs.some((m) => m.id === o.organizationId)) throw new AppError('not_found', 'Организация не найдена среди ваших профилей');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('sessions').set({ organization_id: o.organizationId }).where('id', '=', sessionId).execute();
    await audit(trx, { action: 'auth.switch_organization', personId: o.personId, organizationId: o.organizationId, details: { from: o.from }, ...o.meta });
  });
}

export async function listMySessions(ctx: AppContext, personId: string, currentSessionId: string | null) {
  const rows = await withIdentityColumns(ctx.db)
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'device', 'auth_method'])
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', ctx.now())
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    current: r.id === currentSessionId,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    ip: r.ip,
    device: r.device,
    method: r.auth_method,
  }));
}

/** Ends one of the person's own live sessions; another's or an ended one → 404. */
export async function endMySession(ctx: AppContext, o: { personId: string; id: string; meta: RequestMeta }): Promise<void> {
  const ended = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('sessions')
      .set({ ended_at: ctx.now() })
      .where('id', '=', o.id)
      .where('person_id', '=', o.personId)
      .where('ended_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (row) await audit(trx, { action: 'auth.session_ended', personId: o.personId, subjectType: 'session', subjectId: row.id, ...o.meta });
    return row;
  });
  if (!ended) throw new AppError('not_found', 'Сеанс не найден');
}

/** Ends the session named by the one-time link of the «new device» warning; false when the link is used or wrong. */
export async function endSessionByLink(ctx: AppContext, token: string, meta: RequestMeta): Promise<boolean> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const s = await withIdentityColumns(trx)
      .updateTable('sessions')
      .set({ ended_at: ctx.now(), end_token_hash: null })
      .where('end_token_hash', '=', hashToken(token))
      .returning(['id', 'person_id'])
      .executeTakeFirst();
    if (s) await audit(trx, { action: 'auth.session_ended_by_link', personId: s.person_id, subjectType: 'session', subjectId: s.id, ...meta });
    return s;
  });
  return !!row;
}
