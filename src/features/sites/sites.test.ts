/**
 * The producer's register of sites through HTTP: every rule of the form with
 * its Russian message, the optimistic version, the history (who, when, what),
 * archiving refused while a permit is in force, idempotent creation, rights
 * and another organization's ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { moscowDate } from '../../domain/period.js';

let ctx: TestContext;
let app: App;
let producer: Client;
let producer2: Client;
let carrier: Client;
let operator: Client;
let trusted: Client;

const TODAY = () => moscowDate(new Date());
const dayAfter = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const good = () => ({
  name: 'Школа на 550 мест',
  address: 'г. Москва, ул. Лётчика Бабушкина, вл. 12',
  cadastralNumbers: ['77:02:0014005:1021', ' 77:02:0014005:1022 '],
  worksKind: 'construction',
  worksDocumentKind: 'building_permit',
  worksDocumentNumber: '77-235000-012345-2026',
  worksDocumentDate: '2026-01-15',
  plannedFrom: '2026-02-01',
  plannedTo: '2027-06-30',
});
const fieldsOf = (res: { body: any }) => Object.fromEntries((res.body.errors ?? []).map((e: any) => [e.field, e.message]));

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 20 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  producer2 = await signedIn(app, 'producer2@ossig.test');
  carrier = await signedIn(app, 'carrier@ossig.test');
  operator = await signedIn(app, 'operator@ossig.test');
  trusted = await signedIn(app, 'trusted@ossig.test');
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('sites register', () => {
  it('creates a site, normalizing the кадастровые номера, and records who created it', async () => {
    const res = await producer.post('/api/sites', good());
    expect(res.status).toBe(201);
    const card = await producer.get(`/api/sites/${res.body.id}`);
    expect(card.body).toMatchObject({
      name: 'Школа на 550 мест',
      cadastralNumbers: ['77:02:0014005:1021', '77:02:0014005:1022'],
      worksKind: 'construction',
      worksDocumentKind: 'building_permit',
      worksDocumentDate: '2026-01-15',
      plannedFrom: '2026-02-01',
      plannedTo: '2027-06-30',
      version: 1,
      archivedAt: null,
      editable: true,
    });
    const h = await producer.get(`/api/sites/${res.body.id}/history`);
    expect(h.body.items).toHaveLength(1);
    expect(h.body.items[0]).toMatchObject({ action: 'created', version: 1, personName: expect.any(String) });
    expect(h.body.items[0].changes.map((c: any) => c.field)).toContain('cadastralNumbers');
    // In the list (active ones), searchable by a кадастровый номер.
    const list = await producer.get('/api/sites?q=0014005:1022');
    expect(list.body.items.map((s: any) => s.id)).toEqual([res.body.id]);
  });

  it('lists every fault of the form at once, each naming its field in Russian', async () => {
    const res = await producer.post('/api/sites', {
      name: '  ',
      address: 'г. Москва',
      cadastralNumbers: ['77:1:0001001:1', '77:02:0014005:1021', '77:02:0014005:1021'],
      worksKind: 'other',
      worksDocumentKind: 'oati_order',
      worksDocumentNumber: '',
      worksDocumentDate: '2026-02-30',
      plannedFrom: '2026-05-01',
      plannedTo: '2026-04-30',
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const f = fieldsOf(res);
    expect(f.name).toBe('Наименование: обязательное поле');
    expect(f['cadastralNumbers[0]']).toMatch(/^Кадастровый номер «77:1:0001001:1»: должен иметь вид/);
    expect(f['cadastralNumbers[2]']).toBe('Кадастровый номер «77:02:0014005:1021»: указан дважды');
    expect(f.worksDocumentNumber).toBe('Номер разрешительного документа: обязательное поле');
    expect(f.worksDocumentDate).toBe('Дата разрешительного документа: такой даты не существует');
    expect(f.plannedTo).toBe('Плановое окончание работ: не может быть раньше планового начала работ');
  });

  it('refuses a kind of works outside the list, no кадастровый номер, a document dated in the future', async () => {
    const bad = await producer.post('/api/sites', { ...good(), worksKind: 'mining' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('worksKind');
    expect(bad.body.errors[0].message).toMatch(/^Вид работ: /);
    const none = await producer.post('/api/sites', { ...good(), cadastralNumbers: [''] });
    expect(fieldsOf(none).cadastralNumbers).toBe('Кадастровые номера: укажите хотя бы один кадастровый номер');
    const future = await producer.post('/api/sites', { ...good(), worksDocumentDate: dayAfter(TODAY(), 1), plannedFrom: dayAfter(TODAY(), 2), plannedTo: dayAfter(TODAY(), 30) });
    expect(fieldsOf(future).worksDocumentDate).toBe('Дата разрешительного документа: не может быть позже сегодняшнего дня');
    const early = await producer.post('/api/sites', { ...good(), plannedFrom: '2026-01-14' });
    expect(fieldsOf(early).plannedFrom).toBe('Плановое начало работ: не может быть раньше даты разрешительного документа');
    // The same day for start and end is one day of works, not an error.
    expect((await producer.post('/api/sites', { ...good(), plannedFrom: '2026-02-01', plannedTo: '2026-02-01' })).status).toBe(201);
  });

  it('edits with the version it was made on: a stale version is a conflict, the history says what changed', async () => {
    const { body } = await producer.post('/api/sites', { ...good(), name: 'Объект для правок' });
    const edit = await producer.request('PATCH', `/api/sites/${body.id}`, { version: 1, address: 'г. Москва, Новая ул., д. 1', cadastralNumbers: ['77:02:0014005:1021'] });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ version: 2, changed: ['address', 'cadastralNumbers'] });
    // Another tab still on version 1.
    const stale = await producer.request('PATCH', `/api/sites/${body.id}`, { version: 1, name: 'Другое имя' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('register_version_conflict');
    expect(stale.body.currentVersion).toBe(2);
    // Nothing changed → no new version, no history row.
    const same = await producer.request('PATCH', `/api/sites/${body.id}`, { version: 2, name: 'Объект для правок' });
    expect(same.body).toMatchObject({ version: 2, changed: [] });
    // An edit that breaks a cross-field rule of the merged result is refused by field.
    const order = await producer.request('PATCH', `/api/sites/${body.id}`, { version: 2, plannedTo: '2026-01-31' });
    expect(fieldsOf(order).plannedTo).toMatch(/^Плановое окончание работ: /);
    const h = await producer.get(`/api/sites/${body.id}/history`);
    expect(h.body.items.map((i: any) => i.action)).toEqual(['updated', 'created']);
    expect(h.body.items[0].changes).toEqual([
      { field: 'address', before: 'г. Москва, Ул. Лётчика Бабушкина, вл. 12'.replace('Ул.', 'ул.'), after: 'г. Москва, Новая ул., д. 1' },
      { field: 'cadastralNumbers', before: ['77:02:0014005:1021', '77:02:0014005:1022'], after: ['77:02:0014005:1021'] },
    ]);
  });

  it('archives a site; an archived one cannot be edited and leaves the list; a site with a permit in force cannot be archived', async () => {
    const { body } = await producer.post('/api/sites', { ...good(), name: 'Объект в архив' });
    const arch = await producer.post(`/api/sites/${body.id}/archive`, { version: 1, reason: 'Работы не начнутся' });
    expect(arch.status).toBe(200);
    expect(arch.body.version).toBe(2);
    const again = await producer.request('PATCH', `/api/sites/${body.id}`, { version: 2, name: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('register_archived');
    const active = await producer.get('/api/sites?pageSize=500');
    expect(active.body.items.map((s: any) => s.id)).not.toContain(body.id);
    const archived = await producer.get('/api/sites?archived=true');
    expect(archived.body.items.map((s: any) => s.id)).toContain(body.id);
    const h = await producer.get(`/api/sites/${body.id}/history`);
    expect(h.body.items[0]).toMatchObject({ action: 'archived', reason: 'Работы не начнутся' });

    const permit = await ctx.db
      .selectFrom('permits as p')
      .innerJoin('sites as s', 's.id', 'p.site_id')
      .select(['s.id', 's.version', 'p.number'])
      .where('p.status', '=', 'active')
      .where('p.valid_to', '>=', TODAY())
      .where('s.producer_id', '=', (await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@producer.ossig.test').executeTakeFirstOrThrow()).id)
      .executeTakeFirstOrThrow();
    const refused = await producer.post(`/api/sites/${permit.id}/archive`, { version: permit.version });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('register_in_use');
    expect(refused.body.detail).toContain(permit.number);
  });

  it('accepts an Idempotency-Key on create: a retry gets the same site, not a second one', async () => {
    const body = { ...good(), name: 'Идемпотентный объект' };
    const a = await producer.post('/api/sites', body, { 'idempotency-key': 'site-create-1' });
    const b = await producer.post('/api/sites', body, { 'idempotency-key': 'site-create-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const n = await ctx.db.selectFrom('sites').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', 'Идемпотентный объект').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('rights: only the producer keeps its sites; standard access cannot; another organization gets 404; a carrier sees no history', async () => {
    const { body } = await producer.post('/api/sites', { ...good(), name: 'Чужой для других' });
    expect((await trusted.post('/api/sites', good())).status).toBe(403);
    expect((await trusted.request('PATCH', `/api/sites/${body.id}`, { version: 1, name: 'x' })).status).toBe(403);
    expect((await carrier.post('/api/sites', good())).status).toBe(403);
    expect((await producer2.get(`/api/sites/${body.id}`)).status).toBe(404);
    expect((await producer2.request('PATCH', `/api/sites/${body.id}`, { version: 1, name: 'x' })).status).toBe(404);
    expect((await producer2.post(`/api/sites/${body.id}/archive`, { version: 1 })).status).toBe(404);
    expect((await producer2.get(`/api/sites/${body.id}/history`)).status).toBe(404);
    // A carrier named in a permit of a demo site sees the site, but not who in the producer changed what.
    const visible = (await carrier.get('/api/sites')).body.items[0];
    expect((await carrier.get(`/api/sites/${visible.id}`)).body.editable).toBe(false);
    expect((await carrier.get(`/api/sites/${visible.id}/history`)).status).toBe(404);
    // The operator reads every site's history.
    expect((await operator.get(`/api/sites/${body.id}/history`)).status).toBe(200);
  });
});
