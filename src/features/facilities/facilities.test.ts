/**
 * The register of receiving facilities and the operator's registers through
 * HTTP: ФККО codes checked against the catalogue, the licence required for
 * hazard classes I–IV, the version and the history, isolation between
 * facility organizations; the operator suspending and restoring a facility
 * and an organization — trips to a suspended facility refused by field,
 * applications' facility options without it, a suspended organization's
 * people reading only and seeing why; non-operators cannot suspend; the
 * facility organization archiving a facility nothing in force names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import { makeOrganization, makePerson, makeWorld, WASTE_CODE, type World } from '../../../test/factories.js';
import type { App } from '../../platform/http/server.js';

let ctx: TestContext;
let app: App;
let w: World;
let facility: Client;
let facility2: Client;
let carrier: Client;
let producer: Client;
let operator: Client;
let facilityStandard: Client;
let opOrgId: string;

const CLASS_IV = '8 11 111 11 49 4';
const good = () => ({
  name: 'Комплекс переработки «Восточный»',
  address: 'Московская обл., г.о. Балашиха, промзона, вл. 3',
  kind: 'processing',
  wasteCodes: ['8 11 100 01 49 5', '8 22 201 01 21 5'],
  dailyCapacityT: '2500',
  workingHours: 'круглосуточно',
});
const fieldsOf = (res: { body: any }) => Object.fromEntries((res.body.errors ?? []).map((e: any) => [e.field, e.message]));

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
  w = await makeWorld(ctx);
  const other = await makeOrganization(ctx, { roles: ['facility'] });
  const op = await makeOrganization(ctx, { roles: ['operator'] });
  opOrgId = op.id;
  facility = await signedIn(app, w.facility.head.email);
  facility2 = await signedIn(app, (await makePerson(ctx, { organizationId: other.id })).email);
  carrier = await signedIn(app, w.carrier.head.email);
  producer = await signedIn(app, w.producer.head.email);
  operator = await signedIn(app, (await makePerson(ctx, { organizationId: op.id })).email);
  facilityStandard = await signedIn(app, (await makePerson(ctx, { organizationId: w.facility.id, role: 'trusted', access: 'standard' })).email);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

let minute = 0;
function trip(over: Record<string, unknown> = {}) {
  minute += 3;
  const loaded = new Date(Date.now() - 2 * 86_400_000 - minute * 60_000);
  return {
    permitNumber: w.permit.number,
    plate: w.vehicle.plate,
    wasteCode: WASTE_CODE,
    facilityInn: w.facility.inn,
    loadedAt: loaded.toISOString(),
    unloadedAt: new Date(loaded.getTime() + 90 * 60_000).toISOString(),
    volume: '15.50',
    mass: '24.125',
    ...over,
  };
}

describe('receiving facilities register', () => {
  it('creates a facility with codes from the catalogue, numbers it, lists it and records who created it', async () => {
    const res = await facility.post('/api/facilities', good());
    expect(res.status, res.text).toBe(201);
    expect(res.body.number).toMatch(/^ОП-\d{6}$/);
    const card = await facility.get(`/api/facilities/${res.body.id}`);
    expect(card.body).toMatchObject({
      name: 'Комплекс переработки «Восточный»',
      kind: 'processing',
      dailyCapacityT: '2500.000',
      status: 'active',
      version: 1,
      editable: true,
      canSuspend: false,
    });
    expect(card.body.wasteTypes.map((t: any) => t.code)).toEqual(['81110001495', '82220101215']);
    const h = await facility.get(`/api/facilities/${res.body.id}/history`);
    expect(h.body.items).toHaveLength(1);
    expect(h.body.items[0]).toMatchObject({ action: 'created', version: 1, personName: expect.any(String) });
    const list = await facility.get('/api/facilities?q=Восточный');
    expect(list.body.items.map((f: any) => f.id)).toEqual([res.body.id]);
    // Searchable by an accepted code.
    const byCode = await facility.get('/api/facilities?q=82220101215');
    expect(byCode.body.items.map((f: any) => f.id)).toContain(res.body.id);
  });

  it('checks every field at once: unknown or repeated ФККО codes, capacity, the licence a class I–IV code needs', async () => {
    const res = await facility.post('/api/facilities', {
      name: ' ',
      address: 'г. Москва, ул. Приёмная, д. 1',
      kind: null,
      wasteCodes: ['8 11 100 01 49 5', '12345678901', '81110001495', CLASS_IV],
      workingHours: '',
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const f = fieldsOf(res);
    expect(f.name).toBe('Наименование: обязательное поле');
    expect(f.kind).toBe('Вид деятельности: обязательное поле');
    expect(f['wasteCodes[1]']).toBe('Принимаемые коды ФККО: код «12345678901» не найден в каталоге ФККО');
    expect(f['wasteCodes[2]']).toBe('Принимаемые коды ФККО: код 8 11 100 01 49 5 указан дважды');
    expect(f.dailyCapacityT).toMatch(/^Мощность в сутки, т: укажите мощность/);
    expect(f.workingHours).toBe('Режим работы: обязательное поле');
    expect(f.licenceNumber).toMatch(/^Номер лицензии: обязательное поле: отходы I–IV класса опасности принимаются только по лицензии — 8 11 111 11 49 4 \(IV класс\)/);
    expect(f.licenceIssuedOn).toMatch(/^Дата выдачи лицензии: обязательное поле/);
    const none = await facility.post('/api/facilities', { ...good(), wasteCodes: [] });
    expect(fieldsOf(none).wasteCodes).toBe('Принимаемые коды ФККО: укажите хотя бы один код ФККО');
    // With the licence the class IV code is accepted.
    const ok = await facility.post('/api/facilities', { ...good(), name: 'С лицензией', wasteCodes: [CLASS_IV], licenceNumber: '(77)-770001-СТОУР/П', licenceIssuedOn: '2024-03-01' });
    expect(ok.status, ok.text).toBe(201);
  });

  it('edits with the version: a stale version is a conflict, the history names the changed fields; codes change in the register', async () => {
    const { body } = await facility.post('/api/facilities', { ...good(), name: 'Для правок' });
    const edit = await facility.request('PATCH', `/api/facilities/${body.id}`, { version: 1, wasteCodes: ['8 11 100 01 49 5'], workingHours: 'с 8 до 20' });
    expect(edit.status, edit.text).toBe(200);
    expect(edit.body).toMatchObject({ version: 2, changed: ['wasteCodes', 'workingHours'] });
    const stale = await facility.request('PATCH', `/api/facilities/${body.id}`, { version: 1, name: 'Другое' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'register_version_conflict', currentVersion: 2 });
    const codes = await ctx.db.selectFrom('facility_waste_types').select('waste_code').where('facility_id', '=', body.id).execute();
    expect(codes.map((c) => c.waste_code)).toEqual(['81110001495']);
    const h = await facility.get(`/api/facilities/${body.id}/history`);
    expect(h.body.items[0].changes).toEqual([
      { field: 'wasteCodes', before: ['81110001495', '82220101215'], after: ['81110001495'] },
      { field: 'workingHours', before: 'круглосуточно', after: 'с 8 до 20' },
    ]);
  });

  it('isolation: another facility organization cannot see or edit it; standard access and other roles cannot create', async () => {
    const { body } = await facility.post('/api/facilities', { ...good(), name: 'Чужой для других' });
    expect((await facility2.get(`/api/facilities/${body.id}`)).status).toBe(404);
    expect((await facility2.request('PATCH', `/api/facilities/${body.id}`, { version: 1, name: 'Захват' })).status).toBe(404);
    expect((await facility2.get(`/api/facilities/${body.id}/history`)).status).toBe(404);
    expect((await facility2.get('/api/facilities')).body.items.map((f: any) => f.id)).not.toContain(body.id);
    expect((await facilityStandard.post('/api/facilities', good())).status).toBe(403);
    expect((await facilityStandard.request('PATCH', `/api/facilities/${body.id}`, { version: 1, name: 'x' })).status).toBe(403);
    expect((await carrier.post('/api/facilities', good())).status).toBe(403);
    // The operator reads every facility's card and history, but does not edit it.
    const card = await operator.get(`/api/facilities/${body.id}`);
    expect(card.body).toMatchObject({ editable: false, canSuspend: true });
    expect((await operator.get(`/api/facilities/${body.id}/history`)).status).toBe(200);
    expect((await operator.request('PATCH', `/api/facilities/${body.id}`, { version: 1, name: 'x' })).status).toBe(403);
  });
});

describe('taking a facility off the register', () => {
  it('archives with the version and a reason; refused while a permit in force names it; gone from the list, kept under «Архив» with its history; nothing changes it after', async () => {
    // The world's facility is named by a permit in force.
    const cur = (await facility.get(`/api/facilities/${w.facility.objectId}`)).body;
    const inUse = await facility.post(`/api/facilities/${w.facility.objectId}/archive`, { version: cur.version, reason: 'Закрываем площадку' });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('register_in_use');
    expect(inUse.body.detail).toContain(w.permit.number);

    const made = await facility.post('/api/facilities', { ...good(), name: 'Площадка временного накопления «Южная»' });
    expect(made.status, made.text).toBe(201);
    const id = made.body.id;
    // Other roles, another facility organization, standard access: not theirs to archive.
    expect((await carrier.post(`/api/facilities/${id}/archive`, { version: 1 })).status).toBe(403);
    expect((await facilityStandard.post(`/api/facilities/${id}/archive`, { version: 1 })).status).toBe(403);
    expect((await facility2.post(`/api/facilities/${id}/archive`, { version: 1 })).status).toBe(404);
    const stale = await facility.post(`/api/facilities/${id}/archive`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('register_version_conflict');

    const done = await facility.post(`/api/facilities/${id}/archive`, { version: 1, reason: 'Площадка закрыта' }, { 'Idempotency-Key': 'archive-south-1' });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toEqual({ id, version: 2 });
    const replay = await facility.post(`/api/facilities/${id}/archive`, { version: 1, reason: 'Площадка закрыта' }, { 'Idempotency-Key': 'archive-south-1' });
    expect(replay.body).toEqual(done.body);
    const twice = await facility.post(`/api/facilities/${id}/archive`, { version: 2 });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('register_archived');

    const card = await facility.get(`/api/facilities/${id}`);
    expect(card.body.archivedAt).not.toBeNull();
    expect(card.body.editable).toBe(false);
    const edit = await facility.request('PATCH', `/api/facilities/${id}`, { version: 2, workingHours: 'с 8 до 20' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('register_archived');
    expect((await facility.get('/api/facilities?q=Южная')).body.items).toEqual([]);
    expect((await facility.get('/api/facilities?q=Южная&archived=true')).body.items.map((f: any) => f.id)).toEqual([id]);
    const h = await facility.get(`/api/facilities/${id}/history`);
    expect(h.body.items[0]).toMatchObject({ action: 'archived', reason: 'Площадка закрыта' });
    // Applications cannot choose it.
    const options = (await producer.get(`/api/applications/facility-options?wasteCode=${WASTE_CODE}`)).body.items.map((f: any) => f.id);
    expect(options).not.toContain(id);
  });
});

describe('the operator suspends a facility', () => {
  it('only the operator may suspend, with a reason; trips to it are refused naming the field; it leaves the applications’ options; restoring lets trips in again', async () => {
    // Non-operators cannot.
    for (const c of [facility, facility2, carrier, producer]) {
      expect((await c.post(`/api/operator/facilities/${w.facility.objectId}/suspend`, { reason: 'Проверка' })).status).toBe(403);
    }
    expect((await operator.post(`/api/operator/facilities/${w.facility.objectId}/suspend`, { reason: '   ' })).status).toBe(422);
    expect((await carrier.post('/api/trips', { trips: [trip()] })).body.accepted).toBe(1);
    const options = async () => (await producer.get(`/api/applications/facility-options?wasteCode=${WASTE_CODE}`)).body.items.map((f: any) => f.id);
    expect(await options()).toContain(w.facility.objectId);

    const s = await operator.post(`/api/operator/facilities/${w.facility.objectId}/suspend`, { reason: 'Предписание Росприроднадзора № 12' });
    expect(s.status, s.text).toBe(200);
    expect(s.body.status).toBe('suspended');
    const again = await operator.post(`/api/operator/facilities/${w.facility.objectId}/suspend`, { reason: 'Ещё раз' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('register_status');

    const refused = await carrier.post('/api/trips', { trips: [trip()] });
    expect(refused.body.accepted).toBe(0);
    expect(refused.body.results[0].errors).toEqual([
      { field: 'trips[0].facilityInn', message: expect.stringMatching(/^ИНН объекта приёма: доступ объекта приёма «.+» \(ОП-\d{6}\) приостановлен оператором/) },
    ]);
    expect(await options()).not.toContain(w.facility.objectId);
    // The permit naming it is flagged for its producer.
    const permit = await producer.get(`/api/permits/${w.permit.id}`);
    expect(permit.body.suspended).toEqual([{ kind: 'facility', name: expect.stringContaining('ОП-'), reason: 'Предписание Росприроднадзора № 12' }]);

    // The facility organization sees why: the card, the history, a notification.
    const card = await facility.get(`/api/facilities/${w.facility.objectId}`);
    expect(card.body).toMatchObject({ status: 'suspended', statusReason: 'Предписание Росприроднадзора № 12' });
    expect(card.body.permits.map((p: any) => p.number)).toContain(w.permit.number);
    const h = await facility.get(`/api/facilities/${w.facility.objectId}/history`);
    expect(h.body.items[0]).toMatchObject({ action: 'suspended', reason: 'Предписание Росприроднадзора № 12', changes: [{ field: 'status', before: 'active', after: 'suspended' }] });
    const audit = await ctx.db.selectFrom('audit_events').select(['action']).where('subject_id', '=', w.facility.objectId).execute();
    expect(audit.map((a) => a.action)).toContain('register.facility.suspended');
    // The operator's register filters by status.
    const suspended = await operator.get('/api/operator/facilities?status=suspended');
    expect(suspended.body.items.map((f: any) => f.id)).toEqual([w.facility.objectId]);

    const r = await operator.post(`/api/operator/facilities/${w.facility.objectId}/restore`, { reason: 'Предписание исполнено' });
    expect(r.status).toBe(200);
    expect((await carrier.post('/api/trips', { trips: [trip()] })).body.accepted).toBe(1);
    expect((await facility.get(`/api/facilities/${w.facility.objectId}/history`)).body.items.map((i: any) => i.action).slice(0, 2)).toEqual(['reactivated', 'suspended']);
  });
});

describe('the operator suspends an organization', () => {
  it('its people keep reading and see why, cannot act; its facilities take no trips; the operator cannot be suspended; restoring gives the rights back', async () => {
    const list = await operator.get(`/api/operator/organizations?q=${w.facility.inn}`);
    expect(list.body.items).toHaveLength(1);
    expect((await facility.post(`/api/operator/organizations/${w.carrier.id}/suspend`, { reason: 'x' })).status).toBe(403);
    const s = await operator.post(`/api/operator/organizations/${w.facility.id}/suspend`, { reason: 'Не представлены сведения о лицензии' });
    expect(s.status, s.text).toBe(200);
    // Reads still work; acting does not, and the answer says why.
    expect((await facility.get('/api/facilities')).status).toBe(200);
    const refused = await facility.post('/api/facilities', good());
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/приостановлен оператором.*Причина: Не представлены сведения о лицензии/);
    const me = await facility.get('/api/auth/me');
    expect(me.body.organizations.find((o: any) => o.id === w.facility.id)).toMatchObject({ suspended: true, suspendedReason: 'Не представлены сведения о лицензии' });
    const trips = await carrier.post('/api/trips', { trips: [trip()] });
    expect(trips.body.results[0].errors[0]).toMatchObject({ field: 'trips[0].facilityInn', message: expect.stringMatching(/доступ организации, которой принадлежит объект приёма/) });
    const card = await operator.get(`/api/operator/organizations/${w.facility.id}`);
    expect(card.body).toMatchObject({ status: 'suspended', statusReason: 'Не представлены сведения о лицензии', facilities: expect.any(Number), canSuspend: true });
    expect((await operator.post(`/api/operator/organizations/${opOrgId}/suspend`, { reason: 'x' })).status).toBe(409);

    expect((await operator.post(`/api/operator/organizations/${w.facility.id}/restore`, { reason: 'Сведения представлены' })).status).toBe(200);
    expect((await facility.post('/api/facilities', { ...good(), name: 'После восстановления' })).status).toBe(201);
    const h = await operator.get(`/api/operator/organizations/${w.facility.id}/history`);
    expect(h.body.items.map((i: any) => i.action)).toEqual(['reactivated', 'suspended']);
  });

  it('the operator sees every organization, site, vehicle and facility in keyset pages', async () => {
    const orgs = await operator.get('/api/operator/organizations?limit=2');
    expect(orgs.body.items).toHaveLength(2);
    const next = await operator.get(`/api/operator/organizations?limit=2&after=${orgs.body.nextCursor}`);
    expect(next.body.items[0].name >= orgs.body.items[1].name).toBe(true);
    expect(next.body.items.map((o: any) => o.id)).not.toContain(orgs.body.items[1].id);
    expect((await operator.get(`/api/operator/sites?q=${encodeURIComponent(w.site.name)}`)).body.items.map((s: any) => s.id)).toEqual([w.site.id]);
    expect((await operator.get(`/api/operator/vehicles?q=${encodeURIComponent(w.vehicle.plate)}`)).body.items.map((v: any) => v.id)).toEqual([w.vehicle.id]);
    expect((await operator.get(`/api/operator/facilities?q=${w.facility.inn}`)).body.items.map((f: any) => f.id)).toContain(w.facility.objectId);
    for (const path of ['/api/operator/organizations', '/api/operator/sites', '/api/operator/vehicles', '/api/operator/facilities']) {
      expect((await producer.get(path)).status).toBe(403);
    }
    expect((await operator.get('/api/operator/sites?after=garbage')).status).toBe(422);
  });
});

describe('demo', () => {
  it('holds a suspended facility with its history and a vehicle moved between carriers', async () => {
    const demo = await createTestContext();
    try {
      const { seedDemo } = await import('../demo/seed.js');
      await seedDemo(demo, { trips: 10 });
      const f = await demo.db.selectFrom('facilities').select(['id', 'status', 'status_reason']).where('status', '=', 'suspended').execute();
      expect(f).toHaveLength(1);
      const steps = await demo.db.selectFrom('register_changes').select('action').where('entity_id', '=', f[0].id).orderBy('id').execute();
      expect(steps.map((s) => s.action)).toEqual(['created', 'suspended']);
      const moved = await demo.db.selectFrom('vehicle_transfers').select('vehicle_id').execute();
      expect(moved.length).toBeGreaterThanOrEqual(1);
      // The demo sign-ins are the same (their organizations are not suspended).
      const orgs = await demo.db.selectFrom('organizations').select('status').where('status', '=', 'suspended').execute();
      expect(orgs).toEqual([]);
    } finally {
      await demo.close();
    }
  });
});
