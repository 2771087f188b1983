/**
 * The operator revokes a permit through HTTP: only the operator, with a
 * reason, once (Idempotency-Key replays; a second revocation is 409
 * permit_status); audited; the producer, the carrier and the facility
 * organization are notified; trips loaded before the moment are still taken,
 * trips loaded from it are refused naming the field and the moment; the
 * permit's card shows when and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import { makeOrganization, makePerson, makeWorld, WASTE_CODE, type World } from '../../../test/factories.js';
import type { App } from '../../platform/http/server.js';

const HOUR = 3_600_000;
let ctx: TestContext;
let app: App;
let w: World;
let producer: Client;
let carrier: Client;
let facility: Client;
let operator: Client;
let operatorStandard: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
  w = await makeWorld(ctx);
  const op = await makeOrganization(ctx, { roles: ['operator'] });
  producer = await signedIn(app, w.producer.head.email);
  carrier = await signedIn(app, w.carrier.head.email);
  facility = await signedIn(app, w.facility.head.email);
  operator = await signedIn(app, (await makePerson(ctx, { organizationId: op.id })).email);
  operatorStandard = await signedIn(app, (await makePerson(ctx, { organizationId: op.id, role: 'trusted', access: 'standard' })).email);
});

afterAll(async () => {
  ctx?.setNow(null);
  await app?.close();
  await ctx?.close();
});

const trip = (loaded: Date, n: number) => ({
  permitNumber: w.permit.number,
  plate: w.vehicle.plate,
  wasteCode: WASTE_CODE,
  facilityInn: w.facility.inn,
  loadedAt: loaded.toISOString(),
  unloadedAt: new Date(loaded.getTime() + HOUR).toISOString(),
  volume: '15.5',
  mass: '24.1',
  externalId: `R-${n}`,
});

describe('the operator revokes a permit', () => {
  it('only the operator with full access, with a reason; once; audited; every party notified; trips loaded from the moment refused, earlier ones taken', async () => {
    const url = `/api/operator/permits/${w.permit.id}/revoke`;
    for (const c of [producer, carrier, facility, operatorStandard]) expect((await c.post(url, { reason: 'Нарушение условий разрешения' })).status).toBe(403);
    const short = await operator.post(url, { reason: '  —  ' });
    expect(short.status).toBe(422);
    expect(short.body.errors).toEqual([{ field: 'reason', message: expect.stringMatching(/^Причина: /) }]);
    expect((await operator.post('/api/operator/permits/00000000-0000-4000-8000-000000000000/revoke', { reason: 'Нарушение условий' })).status).toBe(404);
    expect((await producer.get(`/api/permits/${w.permit.id}`)).body).toMatchObject({ status: 'active', revokedAt: null, revokedReason: null, canRevoke: false });
    expect((await operator.get(`/api/permits/${w.permit.id}`)).body.canRevoke).toBe(true);

    // Revoked a day ago (the clock moved back for the moment of revocation).
    const revokedAt = new Date(Date.now() - 24 * HOUR);
    ctx.setNow(revokedAt);
    const reason = 'Предписание ОАТИ: работы на объекте приостановлены';
    const r = await operator.post(url, { reason }, { 'Idempotency-Key': 'revoke-1' });
    ctx.setNow(null);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ id: w.permit.id, number: w.permit.number, status: 'revoked', revokedAt: revokedAt.toISOString() });
    const replay = await operator.post(url, { reason }, { 'Idempotency-Key': 'revoke-1' });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(r.body);
    const again = await operator.post(url, { reason: 'Ещё раз аннулировать' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('permit_status');

    const row = await ctx.db.selectFrom('permits').select(['status', 'revoked_at', 'revoked_reason']).where('id', '=', w.permit.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'revoked', revoked_at: revokedAt, revoked_reason: reason });
    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', w.permit.id).where('action', '=', 'permit.revoked').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ number: w.permit.number, reason, previousStatus: 'active' });

    // The producer, the carrier and the facility organization each get one notice.
    const notices = await ctx.db.selectFrom('notifications').select(['organization_id', 'title', 'body', 'link']).where('link', '=', `/permits/${w.permit.id}`).execute();
    const byOrg = new Map(notices.map((n) => [n.organization_id, n]));
    expect(notices).toHaveLength(3);
    expect(byOrg.get(w.producer.id)!.title).toBe(`Разрешение № ${w.permit.number} аннулировано оператором`);
    expect(byOrg.get(w.carrier.id)!.title).toBe(`Аннулировано разрешение № ${w.permit.number}, где вы указаны перевозчиком`);
    expect(byOrg.get(w.facility.id)!.title).toBe(`Аннулировано разрешение № ${w.permit.number}, где вы указаны объектом приёма`);
    for (const n of notices) expect(n.body).toContain(`Причина: ${reason}`);

    // The card says when and why, to everyone who sees the permit; nobody may revoke it again.
    for (const c of [producer, carrier, operator]) {
      expect((await c.get(`/api/permits/${w.permit.id}`)).body).toMatchObject({ status: 'revoked', revokedAt: revokedAt.toISOString(), revokedReason: reason, canRevoke: false });
    }

    // Trips: loaded before the moment — taken (by the terms then in force); from it on — refused, naming the field and the moment.
    const before = await carrier.post('/api/trips', { trips: [trip(new Date(revokedAt.getTime() - 3 * HOUR), 1)] });
    expect(before.status, before.text).toBe(200);
    expect(before.body.accepted).toBe(1);
    const after = await carrier.post('/api/trips', { trips: [trip(new Date(revokedAt.getTime() + 2 * HOUR), 2), trip(revokedAt, 3)] });
    expect(after.body.accepted).toBe(0);
    for (const res of after.body.results) {
      expect(res.errors).toEqual([{ field: expect.stringMatching(/^trips\[\d\]\.loadedAt$/), message: expect.stringMatching(/^Время погрузки: .* разрешение .* уже не действовало — аннулировано \d\d\.\d\d\.\d{4} \d\d:\d\d/) }]);
    }
  });
});

describe('revocation by e-mail', () => {
  it("mails the heads of the producer, the carrier and the facility (event permit.revoked), not one who switched it off; the cabinet notices stay", async () => {
    const w2 = await makeWorld(ctx);
    // A second head of the carrier switched «permit.revoked» off in «Профиль» → «Уведомления».
    const quiet = await makePerson(ctx, { organizationId: w2.carrier.id });
    const quietClient = await signedIn(app, quiet.email);
    const off = await quietClient.request('PUT', '/api/notifications/settings', { settings: [{ event: 'permit.revoked', email: false }] });
    expect(off.status, off.text).toBe(200);
    expect(off.body.items.find((x: { event: string }) => x.event === 'permit.revoked')).toMatchObject({ email: false, roles: ['producer', 'carrier', 'facility'] });

    const reason = 'Объект приёма не принимает указанные отходы';
    const res = await operator.post(`/api/operator/permits/${w2.permit.id}/revoke`, { reason }, { 'idempotency-key': `revoke-mail-${w2.permit.id}` });
    expect(res.status, res.text).toBe(200);

    const mails = await ctx.db
      .selectFrom('mail_messages')
      .select(['person_id', 'to_address', 'subject', 'body_text'])
      .where('person_id', 'in', [w2.producer.head.id, w2.carrier.head.id, w2.facility.head.id, quiet.id])
      .execute();
    const to = (id: string) => mails.filter((m) => m.person_id === id);
    expect(to(w2.producer.head.id).map((m) => m.subject)).toEqual([`Разрешение № ${w2.permit.number} аннулировано оператором`]);
    expect(to(w2.carrier.head.id).map((m) => m.subject)).toEqual([`Аннулировано разрешение № ${w2.permit.number}, где вы указаны перевозчиком`]);
    expect(to(w2.facility.head.id).map((m) => m.subject)).toEqual([`Аннулировано разрешение № ${w2.permit.number}, где вы указаны объектом приёма`]);
    expect(to(quiet.id)).toEqual([]);
    for (const m of mails) {
      expect(m.body_text).toContain(`Причина: ${reason}`);
      expect(m.body_text).toContain(`/permits/${w2.permit.id}`);
    }
    expect(to(w2.producer.head.id)[0].to_address).toBe(w2.producer.head.email);
    // Still one notice per organization in the cabinet, the carrier's too.
    const notices = await ctx.db.selectFrom('notifications').select(['organization_id', 'person_id']).where('link', '=', `/permits/${w2.permit.id}`).execute();
    expect(notices.map((n) => n.organization_id).sort()).toEqual([w2.producer.id, w2.carrier.id, w2.facility.id].sort());
    expect(notices.every((n) => n.person_id === null)).toBe(true);
  });
});
