/**
 * Isolation, proved over every route of the API. The routes are collected
 * from the Fastify app itself (an onRoute hook registered before the
 * features), so a new route cannot escape the matrix. For each route:
 *  - no session → 401 (public routes must be in PUBLIC_ROUTES, on purpose);
 *  - a person of another organization, with the owner's real ids → 401/403/404,
 *    and the answer holds none of the owner's data (routes without ids answer
 *    about the caller's own organization and are checked for leaks only);
 *  - the same person naming the owner in X-Organization-Id → 403;
 *  - a trusted person with standard access where submit/manage is needed → 403;
 *  - a trusted person whose term ended, a removed member → 403;
 *  - person routes with ids: another person's ids → 404.
 * Path params are filled with the owner's real objects from the demo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from './helpers/db.js';
import { Client } from './helpers/http.js';
import { seedDemo } from '../src/features/demo/seed.js';
import { ROUTES } from '../src/features/index.js';
import { buildServer, type App, type RoutesPlugin } from '../src/platform/http/server.js';
import type { RouteAccess } from '../src/platform/http/auth.js';
import type { OrgRole } from '../src/platform/db/schema.js';
import { createSession } from '../src/features/identity/sessions.js';
import { makeValidSnils } from '../src/domain/identifiers.js';

/** Routes open to anyone, on purpose. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  'POST /api/auth/login/second-factor',
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/reset',
  'GET /api/auth/sessions/end',
  'POST /api/auth/certificate/challenge',
  'POST /api/auth/certificate/login',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/auth/oidc/config',
  'POST /api/signatures/verify',
  'GET /api/signatures/certificate',
  'GET /api/documents/:code',
  'GET /api/support',
  'GET /api/fkko',
  'GET /api/uploads/template',
]);

interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
  body?: any;
  querystring?: any;
  params?: any;
}

const collected: RouteInfo[] = [];
const collector: RoutesPlugin = (app) => {
  app.addHook('onRoute', (r) => {
    if (!r.url?.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) {
      if (m === 'HEAD' || m === 'OPTIONS') continue;
      collected.push({ method: m, url: r.url, access: r.config?.access as RouteAccess, body: (r.schema as any)?.body, querystring: (r.schema as any)?.querystring, params: (r.schema as any)?.params });
    }
  });
};

let ctx: TestContext;
let app: App;
const orgIds = new Map<string, string>();
type ActorKey = 'otherOrg' | 'otherOrgNamingOwner' | 'trustedStandard' | 'trustedExpired' | 'removedMember';
/** Per owner organization: cookies of each actor, and the markers of the owner's data. */
const setups = new Map<string, { owner: string; cookies: Record<ActorKey, string>; ownerCookie: string; markers: string[] }>();
let otherPersonCookie = '';
let ownerPerson = { sessionId: '', invitationId: '' };

const OWNERS: Record<OrgRole, { owner: string; other: string }> = {
  producer: { owner: 'producer', other: 'producer2' },
  carrier: { owner: 'carrier', other: 'carrier2' },
  facility: { owner: 'facility', other: 'facility2' },
  operator: { owner: 'operator', other: 'producer2' },
  managing: { owner: 'manager', other: 'manager2' },
};

async function sessionCookie(personId: string, organizationId: string | null): Promise<string> {
  const s = await createSession(ctx, personId, organizationId, { ip: '10.1.1.1', userAgent: 'isolation-test' });
  return `ossig_session=${s.token}`;
}

async function person(name: string, seed: number): Promise<string> {
  const row = await ctx.db.insertInto('persons').values({ full_name: name, email: `${name}@iso.test`, phone: null, snils: makeValidSnils(seed), password_hash: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  // A demo stand, so that routes that exist only there (the outbox) are in the matrix too.
  ctx = await createTestContext({ demo: true });
  await seedDemo(ctx, { trips: 100 });
  app = await buildServer(ctx, [collector, ...ROUTES], { logger: false });
  await app.ready();
  for (const o of await ctx.db.selectFrom('organizations').select(['id', 'email']).execute()) {
    const key = o.email?.match(/^info@(\w+)\./)?.[1];
    if (key) orgIds.set(key, o.id);
  }
  const headOf = async (orgKey: string) =>
    (await ctx.db.selectFrom('memberships').select('person_id').where('organization_id', '=', orgIds.get(orgKey)!).where('role', '=', 'head').executeTakeFirstOrThrow()).person_id;
  let seed = 90000;
  for (const { owner, other } of Object.values(OWNERS)) {
    if (setups.has(owner)) continue;
    const ownerId = orgIds.get(owner)!;
    const otherHead = await headOf(other);
    const trustedStd = await person(`std-${owner}`, seed++);
    const expired = await person(`exp-${owner}`, seed++);
    const removed = await person(`rem-${owner}`, seed++);
    const past = new Date(Date.now() - 86_400_000);
    await ctx.db
      .insertInto('memberships')
      .values([
        { person_id: trustedStd, organization_id: ownerId, role: 'trusted', access: 'standard', valid_until: new Date(Date.now() + 86_400_000 * 30) },
        { person_id: expired, organization_id: ownerId, role: 'trusted', access: 'full', valid_until: past },
        { person_id: removed, organization_id: ownerId, role: 'employee', access: 'full', valid_until: null, revoked_at: past },
      ])
      .execute();
    const markers = [ownerId];
    const org = await ctx.db.selectFrom('organizations').select(['inn', 'name']).where('id', '=', ownerId).executeTakeFirstOrThrow();
    markers.push(org.inn, org.name);
    if (owner === 'producer') {
      for (const s of await ctx.db.selectFrom('sites').select(['id', 'name']).where('producer_id', '=', ownerId).execute()) markers.push(s.id, s.name);
      for (const p of await ctx.db.selectFrom('permits').select(['id', 'number']).where('producer_id', '=', ownerId).execute()) markers.push(p.id, p.number);
      for (const a of await ctx.db.selectFrom('permit_applications').select(['id', 'number']).where('organization_id', '=', ownerId).execute()) markers.push(a.id, a.number);
    }
    if (owner === 'facility') {
      // Its receiving facilities (объекты приёма): the register's own routes must not show them to another facility organization.
      for (const f of await ctx.db.selectFrom('facilities').select(['id', 'number']).where('organization_id', '=', ownerId).execute()) markers.push(f.id, f.number);
    }
    if (owner === 'manager') {
      for (const h of await ctx.db.selectFrom('houses').select(['id', 'address']).where('organization_id', '=', ownerId).execute()) markers.push(h.id, h.address);
      for (const m of await ctx.db.selectFrom('meetings').select(['id', 'number']).where('organization_id', '=', ownerId).execute()) markers.push(m.id, m.number);
    }
    const otherCookie = await sessionCookie(otherHead, orgIds.get(other)!);
    setups.set(owner, {
      owner,
      ownerCookie: await sessionCookie(await headOf(owner), ownerId),
      markers,
      cookies: {
        otherOrg: otherCookie,
        otherOrgNamingOwner: otherCookie,
        trustedStandard: await sessionCookie(trustedStd, ownerId),
        trustedExpired: await sessionCookie(expired, ownerId),
        removedMember: await sessionCookie(removed, ownerId),
      },
    });
  }
  // Person-level objects of the producer's head: a session and an invitation to another person.
  const producerHead = await headOf('producer');
  const s = await createSession(ctx, producerHead, orgIds.get('producer')!, { ip: null, userAgent: null });
  const inv = await ctx.db
    .insertInto('trusted_invitations')
    .values({ organization_id: orgIds.get('carrier')!, snils: (await ctx.db.selectFrom('persons').select('snils').where('id', '=', producerHead).executeTakeFirstOrThrow()).snils!, access: 'full', valid_until: new Date(Date.now() + 86_400_000), invited_by: await headOf('carrier') })
    .returning('id')
    .executeTakeFirstOrThrow();
  ownerPerson = { sessionId: s.sessionId, invitationId: inv.id };
  otherPersonCookie = await sessionCookie(await headOf('producer2'), orgIds.get('producer2')!);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** The owner's real object for a path param: the table is named by the segment before it. */
async function fillParam(segment: string, param: string, ownerId: string, accessKind: 'org' | 'person'): Promise<string> {
  if (accessKind === 'person') {
    if (segment === 'sessions') return ownerPerson.sessionId;
    if (segment === 'invitations') return ownerPerson.invitationId;
  }
  if (segment === 'trusted') {
    const inv = await ctx.db.selectFrom('trusted_invitations').select('id').where('organization_id', '=', ownerId).executeTakeFirst();
    if (inv) return inv.id;
    const head = await ctx.db.selectFrom('memberships').select('person_id').where('organization_id', '=', ownerId).where('role', '=', 'head').executeTakeFirstOrThrow();
    return (
      await ctx.db
        .insertInto('trusted_invitations')
        .values({ organization_id: ownerId, snils: makeValidSnils(99999), access: 'standard', valid_until: new Date(Date.now() + 86_400_000), invited_by: head.person_id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  if (segment === 'trips') {
    const r = await sql<{ id: number }>`select t.id from trips t join sites s on s.id = t.site_id
      where s.producer_id = ${ownerId} or t.carrier_id = ${ownerId} or t.facility_id = ${ownerId} limit 1`.execute(ctx.db);
    if (r.rows[0]) return String(r.rows[0].id);
  }
  if (segment === 'applications') {
    // The applicant's own (one with files and a thread first); for the operator, any submitted one.
    const r = await sql<{ id: string }>`select a.id from permit_applications a
      where (a.organization_id = ${ownerId} or (${ownerId} in (select id from organizations where 'operator' = any(roles)) and a.first_submitted_at is not null))
      order by exists (select 1 from permit_application_files f where f.application_id = a.id) desc, a.first_submitted_at is not null desc limit 1`.execute(ctx.db);
    if (r.rows[0]) return r.rows[0].id;
  }
  if (segment === 'files') {
    const r = await sql<{ id: string }>`select f.id from permit_application_files f join permit_applications a on a.id = f.application_id
      where a.organization_id = ${ownerId} order by exists (select 1 from permit_application_files g where g.application_id = a.id) desc limit 1`.execute(ctx.db);
    if (r.rows[0]) return r.rows[0].id;
  }
  if (segment === 'reviews') {
    // A case on the telemetry review list: the carrier's own; for the operator, any.
    const r = await sql<{ id: number }>`select id::int as id from telemetry_reviews
      where carrier_id = ${ownerId} or ${ownerId} in (select id from organizations where 'operator' = any(roles)) order by id limit 1`.execute(ctx.db);
    if (r.rows[0]) return String(r.rows[0].id);
  }
  if (segment === 'detections') {
    // A trip seen on a truck's track: the carrier's own vehicle's; for the operator, any.
    const r = await sql<{ id: number }>`select id::int as id from telemetry_detections
      where carrier_id = ${ownerId} or ${ownerId} in (select id from organizations where 'operator' = any(roles)) order by id limit 1`.execute(ctx.db);
    if (r.rows[0]) return String(r.rows[0].id);
  }
  if (segment === 'versions') {
    const r = await sql<{ id: string }>`select v.id from permit_versions v join permits p on p.id = v.permit_id where p.producer_id = ${ownerId} order by v.version desc limit 1`.execute(ctx.db);
    if (r.rows[0]) return r.rows[0].id;
  }
  const cols = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = ${segment} and table_schema = 'public'`.execute(ctx.db);
  const names = cols.rows.map((c) => c.column_name);
  const col = ['organization_id', 'producer_id', 'carrier_id', 'facility_id'].find((c) => names.includes(c));
  if (col) {
    const r = await sql<{ id: string }>`select id::text as id from ${sql.table(segment)} where ${sql.ref(col)} = ${ownerId} limit 1`.execute(ctx.db);
    if (r.rows[0]) return r.rows[0].id;
  }
  if (segment === 'sites' || segment === 'permits') {
    // Visible to a carrier/facility through a permit naming it.
    const r = await sql<{ id: string; site_id: string }>`select p.id, p.site_id from permits p
      where exists (select 1 from permit_carriers c where c.permit_id = p.id and c.carrier_id = ${ownerId})
         or exists (select 1 from permit_facilities f where f.permit_id = p.id and f.facility_id = ${ownerId}) limit 1`.execute(ctx.db);
    if (r.rows[0]) return segment === 'sites' ? r.rows[0].site_id : r.rows[0].id;
  }
  // Nothing of the owner's kind here: an id that exists nowhere (the route still must not answer 2xx).
  void param;
  return '00000000-0000-4000-8000-000000000000';
}

async function pathFor(route: RouteInfo, ownerId: string, kind: 'org' | 'person'): Promise<string> {
  const parts = route.url.split('/');
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i].startsWith(':')) continue;
    const name = parts[i].slice(1);
    const ps = route.params?.properties?.[name];
    // `:id` names the object of the segment before it; `:tripId` names a trip, etc.
    const table = name === 'id' ? parts[i - 1] : `${name.replace(/Id$/, '')}s`;
    parts[i] = ps && ps.format !== 'uuid' && ps.type !== 'integer' ? String(await sample(ps, name, ownerId)) : await fillParam(table, name, ownerId, kind);
  }
  return parts.join('/');
}

/** A valid sample of a JSON schema, with the owner's ids for *Id fields, so the access check (not validation) answers. */
async function sample(schema: any, name: string, ownerId: string): Promise<unknown> {
  if (!schema) return undefined;
  if (schema.anyOf) return sample(schema.anyOf.find((s: any) => s.type !== 'null') ?? schema.anyOf[0], name, ownerId);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<any>(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(k) || /Ids?$/.test(k)) out[k] = await sample(v, k, ownerId);
      }
      return out;
    }
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 1);
      const items = [];
      for (let i = 0; i < n; i++) items.push(await sample(schema.items, name.replace(/s$/, ''), ownerId));
      return items;
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string': {
      if (schema.format === 'uuid') {
        const seg = { siteId: 'sites', permitId: 'permits', permitIds: 'permits', permitId_: 'permits' }[name] ?? `${name.replace(/Ids?$/, '')}s`;
        return fillParam(seg, name, ownerId, 'org');
      }
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return new Date().toISOString().slice(0, 10);
      if (name === 'snils') return makeValidSnils(4242);
      const digits = schema.pattern?.match(/^\^\\d\{(\d+)\}\$$/);
      if (digits) return '0'.repeat(Number(digits[1]));
      if (name === 'validUntil') return new Date(Date.now() + 86_400_000 * 10).toISOString().slice(0, 10);
      if (schema.pattern?.includes('\\d+(\\.\\d+)?') || /mass|volume/i.test(name)) return '1.000';
      const text = 'Проверка изоляции';
      return text.length >= (schema.minLength ?? 1) ? text.slice(0, schema.maxLength ?? text.length) : 'x'.repeat(schema.minLength);
    }
  }
  return {};
}

function ownerFor(access: RouteAccess): string {
  if ('right' in access && access.orgRoles?.length) return OWNERS[access.orgRoles[0]].owner;
  return 'producer';
}

const key = (r: RouteInfo) => `${r.method} ${r.url}`;

describe('isolation matrix over every route', () => {
  it('collects the routes from the app', () => {
    expect(collected.length).toBeGreaterThan(20);
    for (const r of collected) expect(r.access, key(r)).toBeTruthy();
  });

  it('public routes are exactly the allow-listed ones', () => {
    const open = collected.filter((r) => 'public' in r.access).map(key);
    for (const k of open) expect(PUBLIC_ROUTES.has(k), `${k} is public but not in PUBLIC_ROUTES`).toBe(true);
  });

  it('every non-public route refuses each outsider', async () => {
    const failures: string[] = [];
    const checked: string[] = [];
    for (const route of collected) {
      if ('public' in route.access) continue;
      const kind = 'person' in route.access ? 'person' : 'org';
      const ownerKey = ownerFor(route.access);
      const setup = setups.get(ownerKey)!;
      const ownerId = orgIds.get(ownerKey)!;
      const url = await pathFor(route, ownerId, kind);
      const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) ? ((await sample(route.body, 'body', ownerId)) ?? {}) : undefined;
      const qs = route.querystring ? new URLSearchParams(Object.entries((await sample(route.querystring, 'query', ownerId)) as Record<string, string>).map(([k, v]) => [k, String(v)])).toString() : '';
      const fullUrl = qs ? `${url}?${qs}` : url;
      const send = async (cookie: string | null, extra: Record<string, string> = {}) => {
        const res = await app.inject({
          method: route.method as any,
          url: fullUrl,
          payload: body === undefined ? undefined : JSON.stringify(body),
          headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...extra },
        });
        return { status: res.statusCode, text: res.body };
      };
      // What we sent is echoed in `instance`; only what the server adds counts as a leak.
      const leaks = (text: string) => {
        const t = text.replace(/"instance":"[^"]*"/g, '');
        return setup.markers.filter((m) => t.includes(m));
      };
      const expectStatus = (who: string, res: { status: number; text: string }, allowed: number[]) => {
        if (!allowed.includes(res.status)) failures.push(`${key(route)} [${who}] → ${res.status} (expected ${allowed.join('/')}): ${res.text.slice(0, 200)}`);
        for (const m of leaks(res.text)) failures.push(`${key(route)} [${who}] leaks «${m}»`);
      };
      const hasParams = route.url.includes(':');

      // No session.
      expectStatus('no session', await send(null), [401]);

      if (kind === 'person') {
        if (hasParams) expectStatus('another person', await send(otherPersonCookie), [404]);
        checked.push(key(route));
        continue;
      }
      const right = (route.access as { right: string }).right;
      // Another organization.
      const other = await send(setup.cookies.otherOrg);
      if (hasParams) expectStatus('another organization', other, [403, 404]);
      else for (const m of leaks(other.text)) failures.push(`${key(route)} [another organization] leaks «${m}»`);
      // Another organization naming the owner in X-Organization-Id.
      expectStatus('another organization naming the owner', await send(setup.cookies.otherOrgNamingOwner, { 'x-organization-id': ownerId }), [403]);
      // Trusted person with standard access where full is needed.
      if (right === 'submit' || right === 'manage') expectStatus('trusted standard', await send(setup.cookies.trustedStandard), [403]);
      // A trusted person whose term ended; a removed member.
      expectStatus('trusted, term ended', await send(setup.cookies.trustedExpired), [403]);
      expectStatus('removed member', await send(setup.cookies.removedMember), [403]);
      checked.push(key(route));
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(checked.length).toBeGreaterThan(15);
    expect(checked).toContain('GET /api/outbox');
    // The owner still has what the outsiders tried to touch (nothing was changed by them).
    const owner = setups.get('producer')!;
    const res = await app.inject({ method: 'GET', url: '/api/sites', headers: { cookie: owner.ownerCookie } });
    expect(res.statusCode).toBe(200);
  });

  it('the two services do not see each other: waste organizations get 404 on meetings, the managing organization sees nothing of waste', async () => {
    const failures: string[] = [];
    const headCookie = async (orgKey: string) => {
      const id = orgIds.get(orgKey)!;
      const head = await ctx.db.selectFrom('memberships').select('person_id').where('organization_id', '=', id).where('role', '=', 'head').executeTakeFirstOrThrow();
      return sessionCookie(head.person_id, id);
    };
    const wasteCookies = await Promise.all(['producer', 'carrier', 'facility', 'operator'].map(async (k) => [k, await headCookie(k)] as const));
    const managerCookie = await headCookie('manager');
    let meetingRoutes = 0;
    for (const route of collected) {
      if ('public' in route.access || 'person' in route.access) continue;
      const isMeetings = !!route.access.orgRoles?.includes('managing');
      const ownerKey = ownerFor(route.access);
      const ownerId = orgIds.get(ownerKey)!;
      const url = await pathFor(route, ownerId, 'org');
      const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) ? ((await sample(route.body, 'body', ownerId)) ?? {}) : undefined;
      const send = (cookie: string) =>
        app.inject({ method: route.method as any, url, payload: body === undefined ? undefined : JSON.stringify(body), headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), cookie } });
      const markers = setups.get(ownerKey)!.markers;
      if (isMeetings) {
        meetingRoutes++;
        for (const [k, cookie] of wasteCookies) {
          const res = await send(cookie);
          if (res.statusCode !== 404) failures.push(`${key(route)} [${k}] → ${res.statusCode} (expected 404)`);
        }
      } else {
        const res = await send(managerCookie);
        const text = res.body.replace(/"instance":"[^"]*"/g, '');
        if (res.statusCode < 300 && route.url.includes(':')) failures.push(`${key(route)} [manager] → ${res.statusCode} with the owner's ids`);
        for (const m of markers) if (text.includes(m)) failures.push(`${key(route)} [manager] leaks «${m}»`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(meetingRoutes).toBeGreaterThan(10);
  });
});

// Re-exported for the browser test helper that needs a client with cookies.
export { Client };
