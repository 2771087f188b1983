/**
 * Two tables, checked through HTTP:
 *  1. the state machine: every action from every status — allowed ones move
 *     the application where TRANSITIONS says, every other one is refused with
 *     409 naming the status (and changes nothing);
 *  2. rights: head / full trusted / standard trusted / employee / another
 *     organization / carrier / facility / operator against each operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo, DEMO_PASSWORD } from '../demo/seed.js';
import { hashPassword } from '../identity/password.js';
import { makeValidSnils } from '../../domain/identifiers.js';
import { ACTIONS, STATUSES, TRANSITIONS, nextStatus, type ApplicationAction } from './state-machine.js';
import type { ApplicationStatus } from './tables.js';
import { completeDraft, multipart } from '../../../test/helpers/applications.js';
import { demoPdf } from './demo.js';

let ctx: TestContext;
let app: App;
let producer: Client;
let operator: Client;
let target: { site: string; facility: string; carrierInn: string };

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 20 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  operator = await signedIn(app, 'operator@ossig.test');
  const org = (email: string) => ctx.db.selectFrom('organizations').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const p = await org('info@producer.ossig.test');
  const f = await org('info@facility.ossig.test');
  target = {
    site: (await ctx.db.selectFrom('sites').select('id').where('producer_id', '=', p.id).orderBy('name').executeTakeFirstOrThrow()).id,
    facility: (await ctx.db.selectFrom('facilities').select('id').where('organization_id', '=', f.id).executeTakeFirstOrThrow()).id,
    carrierInn: (await org('info@carrier.ossig.test')).inn,
  };
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** A fresh application in `status`, reached through the API. */
async function inStatus(status: ApplicationStatus): Promise<{ id: string; version: number }> {
  const a = await completeDraft(producer, target);
  if (status === 'draft') return a;
  let r = await producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
  // Withdrawn after submission, so the operator sees it too.
  if (status === 'withdrawn') return (await producer.post(`/api/applications/${a.id}/withdraw`, {})).body;
  if (status === 'submitted') return r.body;
  if (status === 'needs_info' || status === 'approved' || status === 'rejected') {
    if (status === 'needs_info') r = await operator.post(`/api/operator/applications/${a.id}/request-info`, { request: 'Приложите ордер ОАТИ', workingDays: 5 });
    if (status === 'approved') r = await operator.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve' });
    if (status === 'rejected') r = await operator.post(`/api/operator/applications/${a.id}/decision`, { decision: 'reject', reasonCode: 'other', comment: 'Тест' });
  }
  expect(r.body.status, r.text).toBe(status);
  return r.body;
}

/** One action through its endpoint. `submit` and `resubmit` share /submit. */
async function act(action: ApplicationAction, a: { id: string; version: number }) {
  switch (action) {
    case 'submit':
    case 'resubmit':
      return producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
    case 'withdraw':
      return producer.post(`/api/applications/${a.id}/withdraw`, {});
    case 'request_info':
      return operator.post(`/api/operator/applications/${a.id}/request-info`, { request: 'Уточните объёмы', workingDays: 3 });
    case 'approve':
      return operator.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve' });
    case 'reject':
      return operator.post(`/api/operator/applications/${a.id}/decision`, { decision: 'reject', reasonCode: 'other', comment: 'Тест' });
  }
}

describe('the state machine', () => {
  it('is one table: every (status, action) pair either moves to its target or is refused', () => {
    for (const s of STATUSES) {
      for (const a of ACTIONS) {
        const t = TRANSITIONS[a];
        if (t.from.includes(s)) expect(nextStatus(s, a)).toBe(t.to);
        else expect(() => nextStatus(s, a), `${a} from ${s}`).toThrowError(/нельзя/);
      }
    }
    // Decided and withdrawn applications are final.
    for (const s of ['approved', 'rejected', 'withdrawn'] as const) expect(ACTIONS.filter((a) => TRANSITIONS[a].from.includes(s))).toEqual([]);
  });

  // /submit serves both submit (from a draft) and resubmit (from needs_info).
  const ENDPOINTS: { name: string; action: ApplicationAction; allowedFrom: readonly ApplicationStatus[] }[] = [
    { name: 'submit', action: 'submit', allowedFrom: [...TRANSITIONS.submit.from, ...TRANSITIONS.resubmit.from] },
    { name: 'withdraw', action: 'withdraw', allowedFrom: TRANSITIONS.withdraw.from },
    { name: 'request_info', action: 'request_info', allowedFrom: TRANSITIONS.request_info.from },
    { name: 'approve', action: 'approve', allowedFrom: TRANSITIONS.approve.from },
    { name: 'reject', action: 'reject', allowedFrom: TRANSITIONS.reject.from },
  ];

  for (const e of ENDPOINTS) {
    it(`«${e.name}» through HTTP from every status`, async () => {
      for (const s of STATUSES) {
        const a = await inStatus(s);
        const r = await act(e.action, a);
        if (e.allowedFrom.includes(s)) {
          const expected = s === 'needs_info' && e.name === 'submit' ? TRANSITIONS.resubmit.to : TRANSITIONS[e.action].to;
          expect(r.status, `${e.name} from ${s}: ${r.text}`).toBe(200);
          expect(r.body.status).toBe(expected);
        } else if (s === 'draft' && TRANSITIONS[e.action].side === 'operator') {
          // The operator never sees a draft: it does not exist for them.
          expect(r.status, `${e.name} from ${s}: ${r.text}`).toBe(404);
        } else {
          expect(r.status, `${e.name} from ${s}: ${r.text}`).toBe(409);
          expect(r.body.code).toBe('application_status');
          const after = (await producer.get(`/api/applications/${a.id}`)).body;
          expect(after.status).toBe(s);
          expect(after.version).toBe(a.version);
        }
      }
    });
  }
});

describe('rights', () => {
  type Who = 'head' | 'full' | 'standard' | 'employee' | 'other' | 'carrier' | 'facility' | 'operator';
  const clients = {} as Record<Who, Client>;

  beforeAll(async () => {
    const producerOrg = (await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@producer.ossig.test').executeTakeFirstOrThrow()).id;
    const hash = await hashPassword(DEMO_PASSWORD);
    const member = async (email: string, role: 'trusted' | 'employee', access: 'full' | 'standard', seed: number) => {
      const p = await ctx.db.insertInto('persons').values({ full_name: email, email, phone: null, snils: makeValidSnils(seed), password_hash: hash }).returning('id').executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('memberships')
        .values({ person_id: p.id, organization_id: producerOrg, role, access, valid_until: role === 'trusted' ? new Date(Date.now() + 30 * 86_400_000) : null })
        .execute();
      const c = new Client(app);
      await c.login(email);
      await c.post('/api/auth/switch', { organizationId: producerOrg });
      return c;
    };
    clients.head = producer;
    clients.full = await member('full@rights.test', 'trusted', 'full', 77001);
    clients.standard = await signedIn(app, 'trusted@ossig.test');
    clients.employee = await member('employee@rights.test', 'employee', 'full', 77002);
    clients.other = await signedIn(app, 'producer2@ossig.test');
    clients.carrier = await signedIn(app, 'carrier@ossig.test');
    clients.facility = await signedIn(app, 'facility@ossig.test');
    clients.operator = operator;
  });

  const WHO: Who[] = ['head', 'full', 'standard', 'employee', 'other', 'carrier', 'facility', 'operator'];
  /** Expected status per operation and person. */
  const TABLE: Record<string, Record<Who, number>> = {
    'list «Мои заявки»': { head: 200, full: 200, standard: 200, employee: 200, other: 200, carrier: 403, facility: 403, operator: 403 },
    'read a submitted application': { head: 200, full: 200, standard: 200, employee: 200, other: 404, carrier: 404, facility: 404, operator: 200 },
    'read a draft': { head: 200, full: 200, standard: 200, employee: 200, other: 404, carrier: 404, facility: 404, operator: 404 },
    'create a draft': { head: 201, full: 201, standard: 201, employee: 201, other: 201, carrier: 403, facility: 403, operator: 403 },
    'edit a draft': { head: 200, full: 200, standard: 200, employee: 200, other: 404, carrier: 403, facility: 403, operator: 403 },
    'attach a file': { head: 201, full: 201, standard: 201, employee: 201, other: 404, carrier: 403, facility: 403, operator: 403 },
    'submit': { head: 200, full: 200, standard: 403, employee: 200, other: 404, carrier: 403, facility: 403, operator: 403 },
    'write in the thread': { head: 201, full: 201, standard: 403, employee: 201, other: 404, carrier: 404, facility: 404, operator: 201 },
    'the operator’s queue': { head: 403, full: 403, standard: 403, employee: 403, other: 403, carrier: 403, facility: 403, operator: 200 },
    'decide': { head: 403, full: 403, standard: 403, employee: 403, other: 403, carrier: 403, facility: 403, operator: 200 },
  };

  for (const [op, expected] of Object.entries(TABLE)) {
    it(op, async () => {
      const failures: string[] = [];
      for (const who of WHO) {
        const c = clients[who];
        let r;
        switch (op) {
          case 'list «Мои заявки»':
            r = await c.get('/api/applications');
            if (r.status === 200 && who === 'other') expect(r.body.items.every((i: any) => !i.number || true)).toBe(true);
            break;
          case 'read a submitted application': {
            const a = (await producer.get('/api/applications?status=submitted&limit=1')).body.items[0];
            r = await c.get(`/api/applications/${a.id}`);
            break;
          }
          case 'read a draft': {
            const a = (await producer.get('/api/applications?status=draft&limit=1')).body.items[0];
            r = await c.get(`/api/applications/${a.id}`);
            break;
          }
          case 'create a draft':
            r = await c.post('/api/applications', { kind: 'permit' });
            break;
          case 'edit a draft': {
            const a = (await producer.post('/api/applications', { kind: 'permit' })).body;
            r = await c.request('PATCH', `/api/applications/${a.id}`, { version: a.version, general: { comment: `правка: ${who}` } });
            break;
          }
          case 'attach a file': {
            const a = (await producer.post('/api/applications', { kind: 'permit' })).body;
            const mp = multipart([{ name: 'file', filename: 'Регламент.pdf', data: await demoPdf('Регламент') }]);
            r = await c.request('POST', `/api/applications/${a.id}/files?kind=regulation`, mp.body, mp.headers);
            break;
          }
          case 'submit': {
            const a = await completeDraft(producer, target);
            r = await c.post(`/api/applications/${a.id}/submit`, { version: a.version });
            break;
          }
          case 'write in the thread': {
            const a = (await producer.get('/api/applications?status=submitted&limit=1')).body.items[0];
            r = await c.post(`/api/applications/${a.id}/messages`, { text: `Сообщение: ${who}` });
            break;
          }
          case 'the operator’s queue':
            r = await c.get('/api/operator/applications');
            break;
          case 'decide': {
            const a = await completeDraft(producer, target);
            await producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
            r = await c.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve' });
            break;
          }
        }
        if (r!.status !== expected[who]) failures.push(`${who}: ${r!.status} (expected ${expected[who]}) ${r!.text.slice(0, 160)}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('another organization’s «Мои заявки» holds none of this organization’s applications', async () => {
    const mine = new Set((await producer.get('/api/applications?limit=200')).body.items.map((i: any) => i.id));
    const theirs = (await clients.other.get('/api/applications?limit=200')).body.items;
    expect(theirs.filter((i: any) => mine.has(i.id))).toEqual([]);
  });

  it('the decision belongs to the assigned specialist or the head', async () => {
    const operatorOrg = (await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@operator.ossig.test').executeTakeFirstOrThrow()).id;
    const hash = await hashPassword(DEMO_PASSWORD);
    const p = await ctx.db.insertInto('persons').values({ full_name: 'Специалист Второй', email: 'spec2@rights.test', phone: null, snils: makeValidSnils(77003), password_hash: hash }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.insertInto('memberships').values({ person_id: p.id, organization_id: operatorOrg, role: 'employee', access: 'full', valid_until: null }).execute();
    const spec2 = new Client(app);
    await spec2.login('spec2@rights.test');
    await spec2.post('/api/auth/switch', { organizationId: operatorOrg });
    const a = await completeDraft(producer, target);
    await producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
    const head = (await ctx.db.selectFrom('persons').select('id').where('email', '=', 'operator@ossig.test').executeTakeFirstOrThrow()).id;
    expect((await operator.post(`/api/operator/applications/${a.id}/assign`, { assigneeId: head })).status).toBe(200);
    const refused = await spec2.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('назначенный специалист');
    expect((await operator.post(`/api/operator/applications/${a.id}/assign`, { assigneeId: p.id })).status).toBe(200);
    expect((await spec2.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve' })).status).toBe(200);
  });
});
