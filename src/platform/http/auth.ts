/**
 * Who acts, for which organization, with which rights.
 *
 * Every API route states what it needs in `config.access` (see `RouteAccess`);
 * the `onRoute` hook in server.ts refuses to register an /api route without it.
 * The rights a membership grants are one table: `RIGHTS_BY_MEMBERSHIP`.
 */
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/pool.js';
import type { Access, MemberRole, OrgRole } from '../db/schema.js';
import { AppError } from './errors.js';
import { ORG_ROLE_LABELS } from './labels.js';

/** What a person may do for an organization. */
export type Right =
  /** read the organization's data and statuses */
  | 'read'
  /** fill and save drafts */
  | 'draft'
  /** submit on the organization's behalf: order statements, record trips, confirm receipts */
  | 'submit'
  /** manage members and trusted persons, the organization's profile */
  | 'manage';

/** The rules, as one table (seed 003: standard access = drafts and statuses; full = submit). */
export const RIGHTS_BY_MEMBERSHIP: Record<string, readonly Right[]> = {
  head: ['read', 'draft', 'submit', 'manage'],
  employee: ['read', 'draft', 'submit'],
  'trusted:full': ['read', 'draft', 'submit'],
  'trusted:standard': ['read', 'draft'],
};

export function rightsOf(role: MemberRole, access: Access): readonly Right[] {
  return RIGHTS_BY_MEMBERSHIP[role === 'trusted' ? `trusted:${access}` : role] ?? [];
}

/**
 * What a route needs. `public`: nobody signed in needed. `person`: a signed-in
 * person, any organization or none. Otherwise a right in the acting
 * organization, optionally limited to organizations of certain roles.
 */
export type RouteAccess =
  | { public: true }
  | { person: true }
  | {
      right: Right;
      orgRoles?: readonly OrgRole[];
      /**
       * 'not_found': to organizations of other roles the route does not exist (404), as for a
       * separate service of the cabinet (owners' meetings are not there for waste organizations).
       * Default: 403 naming the roles.
       */
      otherRoles?: 'not_found';
    };

export interface Actor {
  personId: string;
  personName: string;
  sessionId: string | null;
  tokenId: string | null;
  organizationId: string;
  organizationName: string;
  orgRoles: readonly OrgRole[];
  memberRole: MemberRole;
  access: Access;
  rights: ReadonlySet<Right>;
  /** The operator suspended the organization's access (1386-ПП п. 7.2): the reason; its people keep only `read`. */
  suspendedReason?: string | null;
}

export interface PersonContext {
  personId: string;
  personName: string;
  sessionId: string | null;
  tokenId: string | null;
  organizationId: string | null;
  /** Whether the session was opened with a second factor (read with the session; absent for tokens). */
  sessionStrong?: boolean;
}

export const SESSION_COOKIE = 'ossig_session';

export function newToken(): { token: string; hash: Buffer } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

/** Resolves the signed-in person from the session cookie or a bearer token. */
export async function resolvePerson(db: Db, req: FastifyRequest): Promise<PersonContext | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const row = await db
      .selectFrom('api_tokens as t')
      .innerJoin('persons as p', 'p.id', 't.person_id')
      .select(['t.id', 't.person_id', 't.organization_id', 'p.full_name'])
      .where('t.token_hash', '=', hashToken(auth.slice(7).trim()))
      .where('t.revoked_at', 'is', null)
      .where('p.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new AppError('unauthenticated', 'Токен доступа недействителен или отозван');
    return { personId: row.person_id, personName: row.full_name, sessionId: null, tokenId: row.id, organizationId: row.organization_id };
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select(['s.id', 's.person_id', 's.organization_id', sql<boolean>`s.strong`.as('strong'), 'p.full_name', sql<boolean>`s.last_seen_at < now() - interval '1 minute'`.as('stale')])
    .where('s.token_hash', '=', hashToken(cookie))
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst();
  // «Last seen» to the minute: a write per request would queue every request of one session on its row.
  if (row?.stale) await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', row.id).execute();
  if (!row) return null;
  return { personId: row.person_id, personName: row.full_name, sessionId: row.id, tokenId: null, organizationId: row.organization_id, sessionStrong: row.strong };
}

/** The person's live membership in an organization (not revoked, not expired), with the organization. */
export async function loadActor(db: Db, person: PersonContext, organizationId: string): Promise<Actor | null> {
  return (await loadMembership(db, person, organizationId))?.actor ?? null;
}

/** The actor and whether its organization requires a second factor: one query for both. */
async function loadMembership(db: Db, person: PersonContext, organizationId: string): Promise<{ actor: Actor; requireSecondFactor: boolean } | null> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.role', 'm.access', 'o.id as organization_id', 'o.name', 'o.roles', 'o.status', 'o.status_reason', sql<boolean>`o.require_second_factor`.as('require_second_factor')])
    .where('m.person_id', '=', person.personId)
    .where('m.organization_id', '=', organizationId)
    .where('m.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('m.valid_until', 'is', null), eb('m.valid_until', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
  if (!row) return null;
  const suspended = row.status === 'suspended';
  return {
    requireSecondFactor: row.require_second_factor,
    actor: {
      personId: person.personId,
      personName: person.personName,
      sessionId: person.sessionId,
      tokenId: person.tokenId,
      organizationId: row.organization_id,
      organizationName: row.name,
      orgRoles: row.roles,
      memberRole: row.role,
      access: row.access,
      rights: new Set(rightsOf(row.role, row.access).filter((r) => !suspended || r === 'read')),
      suspendedReason: suspended ? (row.status_reason ?? 'не указана') : null,
    },
  };
}

/** Checks a route's access needs and returns the actor (or null for public/person routes). */
export async function authorize(
  db: Db,
  req: FastifyRequest,
  access: RouteAccess,
): Promise<{ person: PersonContext | null; actor: Actor | null }> {
  if ('public' in access) {
    const person = await resolvePerson(db, req).catch(() => null);
    return { person, actor: null };
  }
  const person = await resolvePerson(db, req);
  if (!person) throw new AppError('unauthenticated');
  if ('person' in access) return { person, actor: null };
  // The acting organization: the session's choice («Сменить профиль»), or named per request in X-Organization-Id.
  const named = namedOrganization(req);
  if (named && named !== person.organizationId) {
    if (person.tokenId) throw new AppError('forbidden', 'Токен доступа привязан к одной организации');
    person.organizationId = named;
  }
  if (!person.organizationId) throw new AppError('no_organization', 'Выберите организацию, от имени которой вы действуете');
  const membership = await loadMembership(db, person, person.organizationId);
  const actor = membership?.actor ?? null;
  if (!actor && named) throw new AppError('forbidden', 'Вы не состоите в организации, указанной в заголовке X-Organization-Id, или срок доверенности истёк');
  if (!actor) throw new AppError('forbidden', 'Вы больше не состоите в этой организации или срок доверенности истёк');
  if (await secondFactorMissing(db, person, actor.organizationId, membership!.requireSecondFactor)) {
    throw new AppError('second_factor_required', `Организация «${actor.organizationName}» требует вход со вторым фактором: включите его в разделе «Безопасность» и войдите снова`);
  }
  if (!actor.rights.has(access.right)) {
    if (actor.suspendedReason) {
      throw new AppError(
        'forbidden',
        `Доступ организации «${actor.organizationName}» приостановлен оператором (1386-ПП п. 7.2). Причина: ${actor.suspendedReason}. До восстановления доступа сведения можно только просматривать`,
      );
    }
    throw new AppError('forbidden', RIGHT_DENIED_MESSAGES[access.right]);
  }
  if (access.orgRoles && !access.orgRoles.some((r) => actor.orgRoles.includes(r))) {
    if (access.otherRoles === 'not_found') throw new AppError('not_found');
    throw new AppError('forbidden', `Действие доступно организациям с ролью: ${access.orgRoles.map((r) => ORG_ROLE_LABELS[r]).join(', ')}`);
  }
  return { person, actor };
}

export const ORGANIZATION_HEADER = 'x-organization-id';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organization named in X-Organization-Id, if any (validated as a UUID). */
export function namedOrganization(req: FastifyRequest): string | null {
  const raw = req.headers[ORGANIZATION_HEADER];
  if (raw === undefined || raw === '') return null;
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!UUID_RE.test(v.trim())) throw new AppError('bad_request', 'Заголовок X-Organization-Id: ожидается идентификатор организации (UUID)');
  return v.trim().toLowerCase();
}

/**
 * An organization that requires a second factor refuses sessions opened without one (tokens are machine clients).
 * The organization's rule comes with the membership and the session's strength with the session, so a request
 * pays no query of its own for this; a person context made elsewhere (without `sessionStrong`) is read here.
 */
async function secondFactorMissing(db: Db, person: PersonContext, organizationId: string, requireSecondFactor: boolean): Promise<boolean> {
  if (!person.sessionId || !requireSecondFactor) return false;
  if (person.sessionStrong !== undefined) return !person.sessionStrong;
  const r = await sql<{ missing: boolean }>`select (o.require_second_factor and not s.strong) as missing
      from organizations o, sessions s where o.id = ${organizationId} and s.id = ${person.sessionId}`.execute(db);
  return r.rows[0]?.missing === true;
}

export const RIGHT_DENIED_MESSAGES: Record<Right, string> = {
  read: 'Нет доступа к данным организации',
  draft: 'Нет права заполнять черновики от имени организации',
  submit: 'Подавать документы от имени организации может руководитель, сотрудник или доверенное лицо с полным доступом',
  manage: 'Управлять участниками организации может только руководитель',
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    person: PersonContext | null;
  }
}

/** The actor of a route that requires one (set by the access hook). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

export function personOf(req: FastifyRequest): PersonContext {
  if (!req.person) throw new AppError('unauthenticated');
  return req.person;
}
