import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import { newToken } from '../../platform/http/auth.js';
import { checkPhone, checkSnils, normalizeSnils } from '../../domain/identifiers.js';
import type { IdentityCoreColumns, SessionAuthMethod } from './tables.js';

/** The database with the columns this feature adds to `sessions` and `organizations`. */
export function withIdentityColumns<D extends Db | Transaction<Database>>(db: D) {
  return db.withTables<IdentityCoreColumns>();
}

/** How a login is keyed for lookups and throttling: e-mail lower-cased, СНИЛС as 11 digits, phone as +7XXXXXXXXXX. */
export function normalizeLogin(login: string): { kind: 'email' | 'snils' | 'phone' | 'other'; value: string } {
  const l = login.trim();
  if (l.includes('@')) return { kind: 'email', value: l.toLowerCase() };
  if (checkSnils(l).ok) return { kind: 'snils', value: normalizeSnils(l) };
  const phone = checkPhone(l);
  if (phone.ok) return { kind: 'phone', value: phone.value };
  return { kind: 'other', value: l.toLowerCase().slice(0, 100) };
}

/** Finds a person by e-mail, phone or СНИЛС (seed 003: one password for all three). */
export async function findPersonByLogin(ctx: AppContext, login: string) {
  const n = normalizeLogin(login);
  let q = ctx.db.selectFrom('persons').selectAll().where('deleted_at', 'is', null);
  if (n.kind === 'email') q = q.where(sql`lower(email)`, '=', n.value);
  else if (n.kind === 'snils') q = q.where('snils', '=', n.value);
  else if (n.kind === 'phone') q = q.where('phone', '=', n.value);
  else return undefined;
  return q.executeTakeFirst();
}

/** The organizations a person may act for now, head first. */
export async function liveMemberships(ctx: AppContext, personId: string) {
  return ctx.db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name', 'o.inn', 'o.roles', 'm.role', 'm.access', 'm.valid_until as validUntil', 'o.status', 'o.status_reason'])
    .where('m.person_id', '=', personId)
    .where('m.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('m.valid_until', 'is', null), eb('m.valid_until', '>', sql<Date>`now()`)]))
    .orderBy(sql`m.role = 'head'`, 'desc')
    .orderBy('o.name')
    .execute();
}

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface CreatedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
  /** One-time token of the «end this session» link (warning e-mail). */
  endToken: string;
}

export async function createSession(
  ctx: AppContext,
  personId: string,
  organizationId: string | null,
  meta: SessionMeta,
  opts: { trx?: Transaction<Database>; method?: SessionAuthMethod; strong?: boolean; device?: string | null } = {},
): Promise<CreatedSession> {
  const { token, hash } = newToken();
  const endToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionTtlHours * 3_600_000);
  const row = await withIdentityColumns(opts.trx ?? ctx.db)
    .insertInto('sessions')
    .values({
      token_hash: hash,
      person_id: personId,
      organization_id: organizationId,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
      auth_method: opts.method ?? 'password',
      strong: opts.strong ?? false,
      device: opts.device ?? null,
      end_token_hash: crypto.createHash('sha256').update(endToken).digest(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, sessionId: row.id, expiresAt, endToken };
}
