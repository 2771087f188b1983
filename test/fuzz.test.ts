/**
 * Property-based fuzzing of every route in the OpenAPI document.
 *
 * For each route of `/api/openapi.json` (read through `app.inject`), requests
 * are generated from the route's own schema — path parameters, query string,
 * JSON body, mostly valid and filled with the demo's real ids, permit numbers
 * and plates so the handlers do real work — mixed with hostile values: NUL
 * bytes, lone surrogates, control and RTL characters, huge strings and
 * numbers, wrong types, deep nesting, broken JSON, odd content types and
 * headers. Each is sent as a suitable demo user (the route's role, sometimes
 * another one or nobody) from its own address.
 *
 * The property: the answer is never a 5xx, nothing is logged as an error (a
 * value PostgreSQL refuses is answered 400 but logged, since our validation
 * should have caught it), and a 4xx stores nothing (the row counts of the
 * main tables are the same before and after it).
 *
 * The default run is bounded (FUZZ_CASES, default 3000 cases, spread evenly
 * over the routes; FUZZ_SEED picks the seed) and prints how many cases ran.
 * FUZZ_ONLY=<part of "METHOD /path"> fuzzes only matching routes, FUZZ_TRACE=1
 * prints every case's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from './helpers/db.js';
import { seedDemo } from '../src/features/demo/seed.js';
import { ROUTES } from '../src/features/index.js';
import { buildServer, type App, type RoutesPlugin } from '../src/platform/http/server.js';
import type { RouteAccess } from '../src/platform/http/auth.js';
import { createSession } from '../src/features/identity/sessions.js';
import { makeValidInnLegal, makeValidSnils } from '../src/domain/identifiers.js';

const TOTAL_CASES = Number(process.env.FUZZ_CASES ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20260512);

/** Tables whose row count must not change on a 4xx (audit and throttle counts record refusals on purpose). */
const COUNTED = [
  'organizations', 'persons', 'memberships', 'sessions', 'api_tokens', 'sites', 'permits', 'permit_waste_types', 'permit_carriers',
  'permit_facilities', 'vehicles', 'trips', 'idempotency_keys', 'tasks', 'notifications', 'statements', 'statement_files', 'person_totp',
  'recovery_codes', 'auth_challenges', 'password_resets', 'trusted_invitations', 'mail_messages', 'mail_secrets', 'uploads', 'upload_chunks',
];

type ActorKey = 'anon' | 'producer' | 'carrier' | 'facility' | 'operator' | 'trusted';
const ACTORS: ActorKey[] = ['anon', 'producer', 'carrier', 'facility', 'operator', 'trusted'];
const ROLE_ACTOR: Record<string, ActorKey> = { producer: 'producer', carrier: 'carrier', facility: 'facility', operator: 'operator' };

let ctx: TestContext;
let app: App;
/** Lines the app logged at error level: every 5xx, and every value PostgreSQL refused (validation missed it). */
const errorLines: string[] = [];
const access = new Map<string, RouteAccess>();
const cookies = new Map<ActorKey, string>();
const people = new Map<ActorKey, { personId: string; organizationId: string }>();
/** Real values of the demo, by the field names the schemas use. */
const pools: Record<string, string[]> = {};

const collector: RoutesPlugin = (a) => {
  a.addHook('onRoute', (r) => {
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) access.set(`${m} ${r.url}`, r.config?.access as RouteAccess);
  });
};

async function signIn(actor: ActorKey): Promise<void> {
  const p = people.get(actor);
  if (!p) return;
  // Strong sessions: an organization made to require a second factor by a fuzzed request does not lock the fuzzer out.
  const s = await createSession(ctx, p.personId, p.organizationId, { ip: '127.0.0.1', userAgent: 'fuzz' }, { strong: true });
  cookies.set(actor, `ossig_session=${s.token}`);
}

async function rowCounts(): Promise<string> {
  const r = await sql.raw<Record<string, string>>(`select ${COUNTED.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ')}`).execute(ctx.db);
  return JSON.stringify(r.rows[0]);
}

beforeAll(async () => {
  // A demo stand behind a proxy on loopback: every case comes from an address of its own (rate limits per address).
  ctx = await createTestContext({ demo: true }, { TRUST_PROXY: '127.0.0.1' });
  await seedDemo(ctx, { trips: 60 });
  app = await buildServer(ctx, [collector, ...ROUTES], { logger: { level: 'error', stream: { write: (l: string) => void errorLines.push(l) } } });
  await app.ready();
  for (const actor of ACTORS) {
    if (actor === 'anon') continue;
    const row = await ctx.db
      .selectFrom('persons as p')
      .innerJoin('memberships as m', 'm.person_id', 'p.id')
      .select(['p.id', 'm.organization_id'])
      .where('p.email', '=', `${actor}@ossig.test`)
      .executeTakeFirstOrThrow();
    people.set(actor, { personId: row.id, organizationId: row.organization_id });
    await signIn(actor);
  }
  const col = async (q: string) => (await sql.raw<{ v: string }>(q).execute(ctx.db)).rows.map((r) => String(r.v));
  pools.uuid = await col(`select id::text as v from sites union all select id::text from permits union all select id::text from organizations
    union all select id::text from tasks union all select id::text from statements union all select id::text from notifications
    union all select id::text from sessions union all select id::text from api_tokens union all select id::text from trusted_invitations
    union all select id::text from uploads`);
  pools.tripId = await col('select id::text as v from trips order by id limit 40');
  pools.permitNumber = await col('select number as v from permits');
  pools.plate = await col('select plate as v from vehicles');
  pools.wasteCode = await col('select distinct waste_code as v from permit_waste_types');
  pools.facilityInn = await col(`select inn as v from organizations where 'facility' = any(roles)`);
  pools.inn = [...(await col('select inn as v from organizations')), makeValidInnLegal(4242)];
  pools.snils = [...(await col('select snils as v from persons where snils is not null')), makeValidSnils(4243)];
  pools.login = ['producer@ossig.test', 'carrier@ossig.test', 'nobody@ossig.test', '+74951000001', '8 (495) 100-00-01'];
  pools.email = ['info@example.ru', 'a@b', 'x@y.z'];
  pools.phone = ['+7 495 123-45-67', '89161234567', '123'];
  pools.kpp = ['770101001', '7701AB001', '12345'];
  pools.kind = ['pdf', 'xlsx', 'pdf.sig', 'xlsx.sig', 'doc'];
  pools.status = ['open', 'done', 'pending', 'accepted', 'rejected', 'all'];
  pools.receiptStatus = ['pending', 'accepted', 'rejected'];
  pools.access = ['standard', 'full'];
  pools.volume = ['15.50', '0.01', '99999999999.99', '-1', '1e3', '12,5'];
  pools.mass = ['24.125', '0', '0.0001'];
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

// ---------------------------------------------------------------- hostile values

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800', '\u202eevil\u202c', '\u200f\u200e', '\u0007\u001b[31m', '\r\n\r\n', '\t',
  '%00', '%', '../../etc/passwd', "' or 1=1 --", '"; drop table trips; --', '{{7*7}}', '<script>alert(1)</script>', '\ufeff', '\ue000\ue001',
  '💥🏗️', 'Ёё', 'NaN', 'Infinity', '-0', '1e400', '00000000-0000-0000-0000-000000000000', '__proto__', 'constructor', 'null', 'true',
  '9'.repeat(400), 'я'.repeat(5000),
];
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1000, max: 70_000 }).map((n) => 'x'.repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 1e21, 0.1, -0, 3.5, -1, 0, 2 ** 31, 2 ** 63),
  fc.double(),
  fc.integer(),
);
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
const wrongType = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [1, 2], { a: 1 }, [[[]]], { __proto__x: 1 }),
  fc.integer({ min: 20, max: 400 }).map((d) => nested(d)),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 30 }),
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, wrongType);

// ---------------------------------------------------------------- values from a schema

const isoDay = fc.integer({ min: -400, max: 60 }).map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10));
const isoTime = fc.integer({ min: -400 * 24, max: 60 * 24 }).map((h) => new Date(Date.now() + h * 3_600_000).toISOString());

function stringFor(schema: any, name: string): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum.filter((v: unknown) => typeof v === 'string'));
  const pool = pools[name] ?? (/Ids?$/.test(name) || schema.format === 'uuid' ? pools.uuid : undefined);
  const options: fc.Arbitrary<string>[] = [];
  if (schema.format === 'uuid' || /Ids?$/.test(name) || name === 'id') options.push(fc.constantFrom(...pools.uuid), fc.uuid());
  if (schema.format === 'date-time' || /At$/.test(name)) options.push(isoTime);
  if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') || name === 'from' || name === 'to' || name === 'validUntil') options.push(isoDay);
  if (pool?.length) options.push(fc.constantFrom(...pool));
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 60);
  options.push(fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, max) }));
  if (schema.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1000)));
    } catch {
      // a pattern fast-check cannot generate from
    }
  }
  return fc.oneof(...options);
}

function fromSchema(schema: any, name: string, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(undefined);
  const nullable = schema.nullable ? [fc.constant(null)] : [];
  if (schema.anyOf || schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf).map((s: any) => fromSchema(s, name, depth + 1)), ...nullable);
  if (schema.allOf) {
    return fc.tuple(...schema.allOf.map((s: any) => fromSchema(s, name, depth + 1))).map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  switch (schema.type) {
    case 'string':
      return fc.oneof(stringFor(schema, name), ...nullable);
    case 'integer': {
      if (name === 'tripId') return fc.oneof(fc.constantFrom(...pools.tripId.map(Number)), fc.integer({ min: 1, max: 2 ** 31 }));
      const min = Math.max(schema.minimum ?? -1000, -1e6);
      const max = Math.min(schema.maximum ?? 1000, 1e6);
      return fc.oneof(fc.integer({ min, max: Math.max(min, max) }), ...nullable);
    }
    case 'number':
      return fc.oneof(fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }), ...nullable);
    case 'boolean':
      return fc.oneof(fc.boolean(), ...nullable);
    case 'array':
      return fc.array(field(schema.items, name.replace(/s$/, ''), depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'object': {
      const props = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries<any>(props)) model[k] = field(v, k, depth + 1);
      const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k: string) => k in props) });
      // Sometimes a field the schema does not know.
      return fc.oneof(
        { weight: 5, arbitrary: record },
        { weight: 1, arbitrary: fc.tuple(record, fc.string({ maxLength: 12 }), hostile).map(([r, k, v]) => ({ ...(r as object), [k]: v })) },
        ...nullable.map((arbitrary) => ({ weight: 1, arbitrary })),
      );
    }
  }
  return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null));
}

const BAD_CHARACTERS = ['\u0000', '\ud800', '\udfff', '\u0001', '\u001b', '\u007f', '\u202e', '\u200f', '\ufeff', '\u2028'];

/** A valid value with a bad character put somewhere inside it (strings only; others are left as they are). */
const corrupted = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.tuple(valid, fc.constantFrom(...BAD_CHARACTERS), fc.nat()).map(([v, ch, at]) => {
    if (typeof v !== 'string') return v;
    const i = v.length ? at % (v.length + 1) : 0;
    return v.slice(0, i) + ch + v.slice(i);
  });

/** A field: mostly valid for its schema, often with a bad character inside, sometimes hostile altogether. */
const field = (schema: any, name: string, depth = 0): fc.Arbitrary<unknown> => {
  const valid = fromSchema(schema, name, depth);
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 3, arbitrary: corrupted(valid) }, { weight: 2, arbitrary: hostile });
};

// ---------------------------------------------------------------- encoding

/** Percent-encoding that also carries lone surrogates (as the bytes a careless client would send). */
function enc(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0xd800 && cp <= 0xdfff ? `%ED%${(0xa0 | ((cp >> 6) & 0x0f)).toString(16).toUpperCase()}%${(0x80 | (cp & 0x3f)).toString(16).toUpperCase()}` : encodeURIComponent(ch);
  }
  return out;
}

/** `arb` once in `every` cases, else null. */
const sometimes = <T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

interface Op {
  method: string;
  path: string;
  route: string;
  params: any[];
  body: any | null;
}

interface Case {
  actor: ActorKey;
  path: Record<string, unknown>;
  query: Array<[string, unknown]>;
  rawQuery: string | null;
  body: { text: string; contentType: string | null } | null;
  headers: Record<string, string>;
  ip: string;
}

const IDEMPOTENCY_KEYS = ['k-1', 'k-1', 'same-key', 'x'.repeat(300), 'ключ', 'a b', 'ÿ', '', '\t'];
const ORG_HEADERS = ['', 'not-a-uuid', '00000000-0000-0000-0000-000000000000'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data', null];

function caseFor(op: Op, suitable: ActorKey): fc.Arbitrary<Case> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathArb = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, field(p.schema, p.name)]))) as fc.Arbitrary<Record<string, unknown>>;
  const queryArb = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(field(p.schema, p.name).map((v): [string, unknown] => [p.name, v]), { freq: 3, nil: null }), // a third left out
      ),
      sometimes(fc.tuple(fc.oneof(fc.constantFrom('__proto__[x]', 'page[]', 'constructor', 'pageSize'), fc.string({ maxLength: 8 })), hostile), 4),
    )
    .map((pairs) => pairs.filter((p): p is [string, unknown] => p !== null));
  const rawQueryArb = sometimes(fc.constantFrom('%', '%zz', 'page=1&page=2', 'from=2026-01-01&from=2026-02-01', '&&&', '=x', 'q=%ED%A0%80', 'q=%C0%80'), 12);
  const jsonSchema = op.body?.content?.['application/json']?.schema;
  const bodyValue = jsonSchema ? fromSchema(jsonSchema, 'body') : fc.oneof(fc.constant({}), hostile);
  const bodyArb: fc.Arbitrary<Case['body']> = ['GET', 'HEAD', 'DELETE'].includes(op.method) && !jsonSchema
    ? fc.constant(null)
    : fc.oneof(
        { weight: 8, arbitrary: bodyValue.map((v) => ({ text: JSON.stringify(v) ?? 'null', contentType: 'application/json' })) },
        { weight: 1, arbitrary: fc.tuple(hostile, fc.constantFrom(...CONTENT_TYPES)).map(([v, ct]) => ({ text: JSON.stringify(v) ?? '', contentType: ct })) },
        {
          weight: 1,
          arbitrary: fc.tuple(bodyValue, fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '"\\ud800"', '{"__proto__":{"x":1}}', '[', '')).map(([v, bad]) => {
            const text = JSON.stringify(v) ?? '';
            const mutated = /\d+(\.\d+)?/.test(text) ? text.replace(/\d+(\.\d+)?/, bad) : `${text.slice(0, -1)},"z":${bad}}`;
            return { text: mutated, contentType: 'application/json' };
          }),
        },
        { weight: 1, arbitrary: fc.constant(null) },
      );
  const headersArb = fc
    .record({
      idem: sometimes(fc.constantFrom(...IDEMPOTENCY_KEYS), 3),
      org: sometimes(fc.oneof(fc.constantFrom(...ORG_HEADERS), fc.constantFrom(...pools.uuid)), 10),
      bearer: sometimes(fc.constantFrom('ossig_nonsense', '', 'x'.repeat(500)), 15),
    })
    .map(({ idem, org, bearer }) => ({
      ...(idem !== null ? { 'idempotency-key': idem } : {}),
      ...(org !== null ? { 'x-organization-id': org } : {}),
      ...(bearer !== null ? { authorization: `Bearer ${bearer}` } : {}),
    }));
  const actorArb = fc.oneof({ weight: 4, arbitrary: fc.constant(suitable) }, { weight: 1, arbitrary: fc.constantFrom(...ACTORS) });
  const ipArb = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`);
  return fc.record({ actor: actorArb, path: pathArb, query: queryArb, rawQuery: rawQueryArb, body: bodyArb, headers: headersArb, ip: ipArb });
}

function suitableActor(a: RouteAccess | undefined): ActorKey {
  if (!a || 'public' in a) return 'producer';
  if ('right' in a && a.orgRoles?.length) return ROLE_ACTOR[a.orgRoles[0]] ?? 'producer';
  return 'producer';
}

/** Routes whose success changes the fuzzer's own sessions. */
const SESSION_CHANGING = /\/api\/auth\/(logout|sessions|password|switch|account|second-factor)/;

describe('fuzzing every route of the OpenAPI document', () => {
  it('never answers 5xx nor logs an error, and stores nothing on a 4xx', async () => {
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body);
    const ops: Op[] = [];
    for (const [path, methods] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        const route = path.replace(/\{(\w+)\}/g, ':$1');
        ops.push({ method: method.toUpperCase(), path, route, params: op.parameters ?? [], body: op.requestBody ?? null });
      }
    }
    expect(ops.length).toBeGreaterThan(50);
    const perRoute = Math.max(1, Math.ceil(TOTAL_CASES / ops.length));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let cases = 0;
    const started = Date.now();
    const cpu = process.cpuUsage();
    // Row counts as they stand before the next case (nothing else writes: no worker runs here).
    let baseline = await rowCounts();

    for (const [i, op] of ops.entries()) {
      if (process.env.FUZZ_ONLY && !`${op.method} ${op.path}`.includes(process.env.FUZZ_ONLY)) continue;
      const suitable = suitableActor(access.get(`${op.method} ${op.route}`));
      const details = await fc.check(
        fc.asyncProperty(caseFor(op, suitable), async (c) => {
          cases++;
          const base = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => enc(c.path[name] ?? ''));
          const qs = c.rawQuery ?? c.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
          const fullUrl = qs ? `${base}?${qs}` : base;
          const cookie = cookies.get(c.actor);
          const headers: Record<string, string> = { 'x-forwarded-for': c.ip, ...c.headers, ...(cookie ? { cookie } : {}) };
          if (c.body?.contentType) headers['content-type'] = c.body.contentType;
          const before = baseline;
          const errorsBefore = errorLines.length;
          const res = await app.inject({ method: op.method as any, url: fullUrl, headers, ...(c.body ? { payload: c.body.text } : {}) });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (process.env.FUZZ_TRACE) console.log(res.statusCode, op.method, fullUrl.slice(0, 120), JSON.stringify(c.body?.text.slice(0, 160)), c.body?.contentType);
          const where = `${op.method} ${fullUrl.slice(0, 200)} as ${c.actor} body ${c.body?.text.slice(0, 200) ?? '-'} (${c.body?.contentType ?? 'no type'})`;
          if (res.statusCode >= 500) throw new Error(`${res.statusCode} on ${where}: ${res.body.slice(0, 300)} ${errorLines.slice(errorsBefore).join(' ').slice(0, 600)}`);
          if (errorLines.length > errorsBefore) throw new Error(`${res.statusCode} logged an error on ${where}: ${errorLines.slice(errorsBefore).join(' ').slice(0, 600)}`);
          const after = await rowCounts();
          baseline = after;
          if (res.statusCode >= 400 && after !== before) throw new Error(`${res.statusCode} stored something on ${where}: ${before} → ${after}`);
          const relogin = (res.statusCode === 401 && cookie) || (SESSION_CHANGING.test(op.path) && res.statusCode < 300);
          if (relogin) {
            for (const a of res.statusCode === 401 ? [c.actor] : ACTORS) await signIn(a);
            baseline = await rowCounts();
          }
        }),
        { numRuns: perRoute, seed: SEED + i, endOnFailure: true },
      );
      if (details.failed) failures.push(`${op.method} ${op.path}: ${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)} (seed ${SEED + i})`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const used = process.cpuUsage(cpu);
    const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
    const byStatus = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`fuzz: ${cases} cases over ${ops.length} routes in ${seconds} s (${cpuSeconds} s of CPU in this process; seed ${SEED}); answers ${byStatus}; failures ${failures.length}`);
    expect(failures, failures.join('\n')).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(Math.min(TOTAL_CASES, ops.length));
  }, 300_000);
});
