/**
 * The carrier's vehicle register through HTTP: the field rules, one carrier
 * per plate (refused with a clear message; released → taken over as a
 * recorded transfer; the operator's transfer), the unique terminal, the
 * version, keyset pages, trips checked against the register, rights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { moscowDate } from '../../domain/period.js';

let ctx: TestContext;
let app: App;
let carrier: Client;
let carrier2: Client;
let operator: Client;
let producer: Client;

const TODAY = () => moscowDate(new Date());
const dayAfter = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
let terminalSeq = 1000;
const truck = (plate: string, extra: Record<string, unknown> = {}) => ({
  plate,
  make: 'КАМАЗ',
  model: '6520',
  capacityM3: '20',
  loadCapacityT: '25,5',
  terminalNumber: `GL-${terminalSeq++}`,
  ownership: 'owned',
  ...extra,
});
const fieldsOf = (res: { body: any }) => Object.fromEntries((res.body.errors ?? []).map((e: any) => [e.field, e.message]));

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 20 });
  app = await buildTestApp(ctx);
  carrier = await signedIn(app, 'carrier@ossig.test');
  operator = await signedIn(app, 'operator@ossig.test');
  producer = await signedIn(app, 'producer@ossig.test');
  carrier2 = await signedIn(app, 'carrier2@ossig.test');
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('vehicle register', () => {
  it('registers a vehicle: the plate normalized (Latin twins, spaces), quantities exact, in the list and its history', async () => {
    const res = await carrier.post('/api/vehicles', truck('a 701 ck 777'));
    expect(res.status).toBe(201);
    expect(res.body.outcome).toBe('created');
    const card = await carrier.get(`/api/vehicles/${res.body.id}`);
    expect(card.body).toMatchObject({ plate: 'А701СК777', make: 'КАМАЗ', capacityM3: '20.00', loadCapacityT: '25.50', ownership: 'owned', version: 1, editable: true });
    const list = await carrier.get('/api/vehicles?q=701');
    expect(list.body.items.map((v: any) => v.plate)).toEqual(['А701СК777']);
    const h = await carrier.get(`/api/vehicles/${res.body.id}/history`);
    expect(h.body.items[0]).toMatchObject({ action: 'created' });
  });

  it('lists every fault at once with Russian field messages; a lease needs its document and a term not over', async () => {
    const res = await carrier.post('/api/vehicles', { plate: 'Б123ВС77', make: '', capacityM3: '0', loadCapacityT: '12.345', terminalNumber: 'ГЛ 1', ownership: 'leased', leaseUntil: dayAfter(TODAY(), -1) });
    expect(res.status).toBe(422);
    const f = fieldsOf(res);
    expect(f.plate).toBe('Госномер ТС: буква «Б» недопустима в госномере');
    expect(f.make).toBe('Марка: обязательное поле');
    expect(f.model).toBe('Модель: обязательное поле');
    expect(f.capacityM3).toBe('Объём кузова, м³: должно быть больше нуля');
    expect(f.loadCapacityT).toMatch(/^Грузоподъёмность, т: допускается не более 2/);
    expect(f.terminalNumber).toMatch(/^Номер терминала ГЛОНАСС\/GPS: только латинские буквы/);
    expect(f.leaseDocument).toBe('Договор аренды (лизинга): обязательное поле');
    expect(f.leaseUntil).toBe('Срок аренды (лизинга): срок аренды уже истёк');
    const big = await carrier.post('/api/vehicles', truck('А702СК777', { capacityM3: '150' }));
    expect(fieldsOf(big).capacityM3).toBe('Объём кузова, м³: не больше 100');
    // A lease ending today is still in force.
    const today = await carrier.post('/api/vehicles', truck('А703СК777', { ownership: 'leased', leaseDocument: 'Договор лизинга № 12/26', leaseUntil: TODAY() }));
    expect(today.status).toBe(201);
  });

  it('a plate belongs to one carrier: another carrier is refused with a clear message; its own twice too', async () => {
    await carrier.post('/api/vehicles', truck('А704СК777'));
    const again = await carrier.post('/api/vehicles', truck('А704СК777'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('plate_taken');
    expect(again.body.detail).toBe('Госномер ТС: А704СК777 уже есть в вашем реестре');
    const other = await carrier2.post('/api/vehicles', truck('a704ck777'));
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('plate_taken');
    expect(other.body.errors[0]).toMatchObject({ field: 'plate' });
    expect(other.body.detail).toMatch(/числится за другим перевозчиком.*снять ТС с учёта.*обратитесь к оператору/);
    // The answer names no other organization.
    expect(other.text).not.toMatch(/ООО|АО /);
  });

  it('a terminal is on one vehicle only', async () => {
    const a = await carrier.post('/api/vehicles', truck('А705СК777', { terminalNumber: 'term-77' }));
    expect(a.status).toBe(201);
    const b = await carrier.post('/api/vehicles', truck('А706СК777', { terminalNumber: 'TERM-77' }));
    expect(b.status).toBe(409);
    expect(b.body.code).toBe('terminal_taken');
    expect(b.body.detail).toBe('Номер терминала ГЛОНАСС/GPS: терминал TERM-77 уже указан у вашего ТС А705СК777');
    const c = await carrier2.post('/api/vehicles', truck('А707СК777', { terminalNumber: 'TERM-77' }));
    expect(c.body.detail).toBe('Номер терминала ГЛОНАСС/GPS: терминал TERM-77 уже указан у транспортного средства другого перевозчика');
  });

  it('released by its holder, the plate is taken over by the next carrier as a recorded transfer', async () => {
    const { body } = await carrier.post('/api/vehicles', truck('А708СК777'));
    const rel = await carrier.post(`/api/vehicles/${body.id}/release`, { version: 1, reason: 'Продано' });
    expect(rel.status).toBe(200);
    // Released: the holder cannot edit it, trips with it are refused.
    expect((await carrier.request('PATCH', `/api/vehicles/${body.id}`, { version: 2, model: '65201' })).body.code).toBe('register_archived');
    const taken = await carrier2.post('/api/vehicles', truck('А708СК777', { model: '65115' }));
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ id: body.id, outcome: 'transferred', version: 3 });
    const t = await ctx.db.selectFrom('vehicle_transfers').selectAll().where('vehicle_id', '=', body.id).execute();
    expect(t).toHaveLength(1);
    expect(t[0].reason).toMatch(/снятия с учёта/);
    // The previous holder no longer sees it; the new one sees the transfer, not the previous holder's people.
    expect((await carrier.get(`/api/vehicles/${body.id}`)).status).toBe(404);
    const card = await carrier2.get(`/api/vehicles/${body.id}`);
    expect(card.body.transfers).toHaveLength(1);
    const h = await carrier2.get(`/api/vehicles/${body.id}/history`);
    expect(h.body.items.map((i: any) => i.action)).toEqual(['transferred']);
    // The operator sees the whole history.
    const full = await operator.get(`/api/vehicles/${body.id}/history`);
    expect(full.body.items.map((i: any) => i.action)).toEqual(['transferred', 'archived', 'created']);
  });

  it('the operator moves a vehicle to another carrier with a reason; the target must be a registered carrier', async () => {
    const { body } = await carrier.post('/api/vehicles', truck('А709СК777'));
    const producerInn = (await ctx.db.selectFrom('organizations').select('inn').where('email', '=', 'info@producer.ossig.test').executeTakeFirstOrThrow()).inn;
    const carrier2Inn = (await ctx.db.selectFrom('organizations').select('inn').where('email', '=', 'info@carrier2.ossig.test').executeTakeFirstOrThrow()).inn;
    const notCarrier = await operator.post(`/api/operator/vehicles/${body.id}/transfer`, { toInn: producerInn, reason: 'Спор' });
    expect(notCarrier.status).toBe(422);
    expect(fieldsOf(notCarrier).toInn).toMatch(/не является перевозчиком/);
    const ok = await operator.post(`/api/operator/vehicles/${body.id}/transfer`, { toInn: carrier2Inn, reason: 'Договор купли-продажи от 01.12.2026' });
    expect(ok.status).toBe(200);
    expect((await carrier2.get(`/api/vehicles/${body.id}`)).body.plate).toBe('А709СК777');
    // Only the operator transfers.
    expect((await carrier.post(`/api/operator/vehicles/${body.id}/transfer`, { toInn: carrier2Inn, reason: 'x' })).status).toBe(403);
  });

  it('edits with the version; a stale one is a conflict; another carrier gets 404', async () => {
    const { body } = await carrier.post('/api/vehicles', truck('А710СК777'));
    const e = await carrier.request('PATCH', `/api/vehicles/${body.id}`, { version: 1, capacityM3: '22,5', ownership: 'leased', leaseDocument: 'Договор аренды № 5', leaseUntil: dayAfter(TODAY(), 90) });
    expect(e.status).toBe(200);
    expect(e.body.changed).toEqual(['capacityM3', 'ownership', 'leaseDocument', 'leaseUntil']);
    const stale = await carrier.request('PATCH', `/api/vehicles/${body.id}`, { version: 1, model: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('register_version_conflict');
    expect((await carrier2.get(`/api/vehicles/${body.id}`)).status).toBe(404);
    expect((await carrier2.request('PATCH', `/api/vehicles/${body.id}`, { version: 2, model: 'x' })).status).toBe(404);
    expect((await carrier2.post(`/api/vehicles/${body.id}/release`, { version: 2 })).status).toBe(404);
    expect((await producer.get('/api/vehicles')).status).toBe(403);
  });

  it('keyset pages walk the whole register without repeats', async () => {
    for (let i = 0; i < 7; i++) await carrier.post('/api/vehicles', truck(`К${String(311 + i)}МН99`));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await carrier.get(`/api/vehicles?limit=3${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((v: any) => v.plate));
      after = res.body.nextCursor;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(seen.filter((p) => p.startsWith('К3'))).toHaveLength(7);
    const bad = await carrier.get('/api/vehicles?after=garbage');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('after');
  });

  it('idempotent registration: a retried request registers the vehicle once', async () => {
    const body = truck('А711СК777');
    const a = await carrier.post('/api/vehicles', body, { 'idempotency-key': 'veh-1' });
    const b = await carrier.post('/api/vehicles', body, { 'idempotency-key': 'veh-1' });
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBe('true');
  });
});
