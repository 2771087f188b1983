/**
 * Who acts, for which organization, with which rights.
 *
 * Every API route states what it needs in `config.access` (see `RouteAccess`);
 * the `onRoute` hook in server.ts refuses to register an /api route without it.
 * The rights a membership grants are one table: `RIGHTS_BY_MEMBERSHIP`.
 */
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
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

/** The columns of a live membership with its organization, as `membershipOf` selects them (all null: none). */
interface MembershipRow {
  m_role: MemberRole | null;
  m_access: Access | null;
  m_organization_id: string | null;
  m_name: string | null;
  m_roles: OrgRole[] | null;
  m_status: string | null;
  m_status_reason: string | null;
  m_require_second_factor: boolean | null;
}

/** The person's live membership in an organization (not revoked, not expired), with the organization: a subquery of one row at most. */
function membershipOf(personId: RawBuilder<unknown>, organizationId: RawBuilder<unknown>) {
  return sql`select m.role as m_role, m.access as m_access, o.id as m_organization_id, o.name as m_name, o.roles as m_roles,
                    o.status as m_status, o.status_reason as m_status_reason, o.require_second_factor as m_require_second_factor
               from memberships m join organizations o on o.id = m.organization_id
              where m.person_id = ${personId} and m.organization_id = ${organizationId}
                and m.revoked_at is null and (m.valid_until is null or m.valid_until > now())
              limit 1`;
}

type Membership = { actor: Actor; requireSecondFactor: boolean };

function membershipFrom(person: PersonContext, row: MembershipRow): Membership | null {
  if (row.m_organization_id === null) return null;
  const role = row.m_role!;
  const access = row.m_access!;
  const suspended = row.m_status === 'suspended';
  return {
    requireSecondFactor: row.m_require_second_factor === true,
    actor: {
      personId: person.personId,
      personName: person.personName,
      sessionId: person.sessionId,
      tokenId: person.tokenId,
      organizationId: row.m_organization_id,
      organizationName: row.m_name!,
      orgRoles: row.m_roles!,
      memberRole: role,
      access,
      rights: new Set(rightsOf(role, access).filter((r) => !suspended || r === 'read')),
      suspendedReason: suspended ? (row.m_status_reason ?? 'не указана') : null,
    },
  };
}

/**
 * The signed-in person from the session cookie or a bearer token and, when `acting` is given, in the same
 * query the person's membership in the acting organization: the one named (X-Organization-Id), else the
 * session's or the token's own. One query per request for both (`membership` undefined when not asked).
 */
async function signedIn(
  db: Db,
  req: FastifyRequest,
  acting?: { named: string | null },
): Promise<{ person: PersonContext; membership?: Membership | null } | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    // A token acts for its own organization only (a different one named is refused by the caller).
    const r = await sql<{ id: string; person_id: string; organization_id: string; full_name: string } & MembershipRow>`
      select t.id, t.person_id, t.organization_id, p.full_name${acting ? sql`, mo.*` : sql``}
        from api_tokens t join persons p on p.id = t.person_id
        ${acting ? sql`left join lateral (${membershipOf(sql`t.person_id`, sql`t.organization_id`)}) mo on true` : sql``}
       where t.token_hash = ${hashToken(auth.slice(7).trim())} and t.revoked_at is null and p.deleted_at is null`.execute(db);
    const row = r.rows[0];
    if (!row) throw new AppError('unauthenticated', 'Токен доступа недействителен или отозван');
    const person: PersonContext = { personId: row.person_id, personName: row.full_name, sessionId: null, tokenId: row.id, organizationId: row.organization_id };
    return { person, membership: acting ? membershipFrom(person, row) : undefined };
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const organization = acting?.named ? sql`${acting.named}::uuid` : sql`s.organization_id`;
  const r = await sql<{ id: string; person_id: string; organization_id: string | null; strong: boolean; full_name: string; stale: boolean } & MembershipRow>`
    select s.id, s.person_id, s.organization_id, s.strong, p.full_name, s.last_seen_at < now() - interval '1 minute' as stale${acting ? sql`, mo.*` : sql``}
      from sessions s join persons p on p.id = s.person_id
      ${acting ? sql`left join lateral (${membershipOf(sql`s.person_id`, organization)}) mo on true` : sql``}
     where s.token_hash = ${hashToken(cookie)} and s.ended_at is null and s.expires_at > now() and p.deleted_at is null`.execute(db);
  const row = r.rows[0];
  // «Last seen» to the minute: a write per request would queue every request of one session on its row.
  if (row?.stale) await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', row.id).execute();
  if (!row) return null;
  const person: PersonContext = { personId: row.person_id, personName: row.full_name, sessionId: row.id, tokenId: null, organizationId: row.organization_id, sessionStrong: row.strong };
  return { person, membership: acting ? membershipFrom(person, row) : undefined };
}

/** Resolves the signed-in person from the session cookie or a bearer token. */
export async function resolvePerson(db: Db, req: FastifyRequest): Promise<PersonContext | null> {
  return (await signedIn(db, req))?.person ?? null;
}

/** The person's live membership in an organization (not revoked, not expired), with the organization. */
export async function loadActor(db: Db, person: PersonContext, organizationId: string): Promise<Actor | null> {
  const r = await sql<MembershipRow>`${membershipOf(sql`${person.personId}::uuid`, sql`${organizationId}::uuid`)}`.execute(db);
  return r.rows[0] ? (membershipFrom(person, r.rows[0])?.actor ?? null) : null;
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
  if ('person' in access) {
    const person = await resolvePerson(db, req);
    if (!person) throw new AppError('unauthenticated');
    return { person, actor: null };
  }
  // The acting organization: the session's choice («Сменить профиль»), or named per request in X-Organization-Id.
  let named: string | null;
  try {
    named = namedOrganization(req);
  } catch (err) {
    // A malformed header is answered after the sign-in check, as for any other request.
    if (!(await resolvePerson(db, req))) throw new AppError('unauthenticated');
    throw err;
  }
  const found = await signedIn(db, req, { named });
  if (!found) throw new AppError('unauthenticated');
  const { person } = found;
  if (named && named !== person.organizationId) {
    if (person.tokenId) throw new AppError('forbidden', 'Токен доступа привязан к одной организации');
    person.organizationId = named;
  }
  if (!person.organizationId) throw new AppError('no_organization', 'Выберите организацию, от имени которой вы действуете');
  const membership = found.membership ?? null;
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
