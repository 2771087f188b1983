import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { newToken } from '../../platform/http/auth.js';
import { checkSnils, normalizeSnils } from '../../domain/identifiers.js';

/** Finds a person by e-mail, phone or СНИЛС (seed 003: one password for all three). */
export async function findPersonByLogin(ctx: AppContext, login: string) {
  const l = login.trim();
  let q = ctx.db.selectFrom('persons').selectAll().where('deleted_at', 'is', null);
  if (l.includes('@')) q = q.where(sql`lower(email)`, '=', l.toLowerCase());
  else if (checkSnils(l).ok) q = q.where('snils', '=', normalizeSnils(l));
  else {
    const digits = l.replace(/\D/g, '');
    if (digits.length < 10) return undefined;
    const phone = `+7${digits.slice(-10)}`;
    q = q.where('phone', '=', phone);
  }
  return q.executeTakeFirst();
}

/** The organizations a person may act for now, head first. */
export async function liveMemberships(ctx: AppContext, personId: string) {
  return ctx.db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name', 'o.inn', 'o.roles', 'm.role', 'm.access', 'm.valid_until as validUntil'])
    .where('m.person_id', '=', personId)
    .where('m.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('m.valid_until', 'is', null), eb('m.valid_until', '>', sql<Date>`now()`)]))
    .orderBy(sql`m.role = 'head'`, 'desc')
    .orderBy('o.name')
    .execute();
}

export async function createSession(
  ctx: AppContext,
  personId: string,
  organizationId: string | null,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionTtlHours * 3_600_000);
  const row = await ctx.db
    .insertInto('sessions')
    .values({ token_hash: hash, person_id: personId, organization_id: organizationId, expires_at: expiresAt, ip: meta.ip, user_agent: meta.userAgent })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, sessionId: row.id, expiresAt };
}
