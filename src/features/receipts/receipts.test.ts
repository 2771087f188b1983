import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { multipart, tripsXlsx } from '../../../test/helpers/upload-files.js';
import { RECEIPT_HEADERS } from './upload-receipts.js';

let ctx: TestContext;
let app: App;
let facility: Client;
let facilityId: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-receipts-'));
  ctx = await createTestContext({ dataDir });
  await seedDemo(ctx, { trips: 400, days: 3 });
  app = await buildTestApp(ctx);
  facility = await signedIn(app, 'facility@ossig.test');
  facilityId = (await ctx.db.selectFrom('organizations').select('id').where('name', 'like', '%ЭкоПереработка%').executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(ctx.config.dataDir, { recursive: true, force: true });
  await ctx?.close();
});

const pendingIds = async (facilityOrg: string, n: number) =>
  (
    await ctx.db
      .selectFrom('trips')
      .select('id')
      .where('facility_id', '=', facilityOrg)
      .where('receipt_status', '=', 'pending')
      .orderBy('id')
      .limit(n)
      .execute()
  ).map((t) => Number(t.id));

describe('receipts', () => {
  it('lists the trips delivered to the facility, filtered by status', async () => {
    const res = await facility.get('/api/receipts?status=pending&pageSize=10');
    expect(res.status).toBe(200);
    expect(res.body.total.value).toBeGreaterThan(0);
    expect(res.body.items.every((t: { receiptStatus: string }) => t.receiptStatus === 'pending')).toBe(true);
    const ids = res.body.items.map((t: { id: number }) => t.id);
    const own = await ctx.db.selectFrom('trips').select('facility_id').where('id', 'in', ids).execute();
    expect(own.every((t) => t.facility_id === facilityId)).toBe(true);
  });

  it('confirms with the weighed mass, rejects with a reason; the producer sees the status', async () => {
    const [a, b] = await pendingIds(facilityId, 2);
    const ok = await facility.post(`/api/receipts/${a}/confirm`, { mass: '21,350' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ tripId: a, receiptStatus: 'confirmed', receivedMass: '21.350', unchanged: false });
    const again = await facility.post(`/api/receipts/${a}/confirm`, { mass: 21.35 });
    expect(again.body.unchanged).toBe(true);
    const change = await facility.post(`/api/receipts/${a}/reject`, { reason: 'Не тот груз' });
    expect(change.status).toBe(409);

    const no = await facility.post(`/api/receipts/${b}/reject`, { reason: 'Состав отходов не соответствует коду ФККО' });
    expect(no.body).toMatchObject({ receiptStatus: 'rejected', receiptReason: 'Состав отходов не соответствует коду ФККО' });

    const producer = await signedIn(app, 'producer@ossig.test');
    const trips = await producer.get('/api/trips?receiptStatus=rejected&pageSize=500');
    expect(trips.body.items.map((t: { id: number }) => t.id)).toContain(b);
    const notes = await ctx.db.selectFrom('notifications').select('title').where('title', 'like', `%рейс ${b}`).execute();
    expect(notes).toHaveLength(1);
  });

  it('checks the mass and the reason, naming the field', async () => {
    const [a] = await pendingIds(facilityId, 1);
    const bad = await facility.post(`/api/receipts/${a}/confirm`, { mass: '-1' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'mass', message: expect.stringMatching(/^Масса, т: /) });
    const tooMuch = await facility.post(`/api/receipts/${a}/confirm`, { mass: '120' });
    expect(tooMuch.body.errors[0].message).toContain('не больше 80 т');
    const empty = await facility.post(`/api/receipts/${a}/reject`, { reason: ' ' });
    expect(empty.body.errors[0]).toMatchObject({ field: 'reason', message: 'Причина: обязательное поле' });
  });

  it('answers 404 for another facility’s trip and 403 for other roles', async () => {
    const otherFacility = (await ctx.db.selectFrom('organizations').select('id').where('name', 'like', '%Северный%').executeTakeFirstOrThrow()).id;
    const [foreign] = await pendingIds(otherFacility, 1);
    const res = await facility.post(`/api/receipts/${foreign}/confirm`, { mass: '10' });
    expect(res.status).toBe(404);
    expect((await facility.post('/api/receipts/999999999/confirm', { mass: '10' })).status).toBe(404);
    const carrier = await signedIn(app, 'carrier@ossig.test');
    expect((await carrier.get('/api/receipts')).status).toBe(403);
    const unchanged = await ctx.db.selectFrom('trips').select('receipt_status').where('id', '=', foreign).executeTakeFirstOrThrow();
    expect(unchanged.receipt_status).toBe('pending');
  });

  it('takes decisions from a file, reporting every row', async () => {
    const [a, b, c] = await pendingIds(facilityId, 3);
    const otherFacility = (await ctx.db.selectFrom('organizations').select('id').where('name', 'like', '%Северный%').executeTakeFirstOrThrow()).id;
    const [foreign] = await pendingIds(otherFacility, 1);
    const file = await tripsXlsx(
      [
        [a, 'Принять', '20,5', null],
        [b, 'Отклонить', null, 'Превышен габарит'],
        [c, 'Принять', null, null],
        [foreign, 'Принять', '10', null],
        ['abc', 'может быть', null, null],
        [a, 'Принять', '20,5', null],
      ],
      { headers: RECEIPT_HEADERS },
    );
    const m = multipart('приём.xlsx', file);
    const res = await facility.request('POST', '/api/receipts/upload', m.body, { 'content-type': m.contentType });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ rows: 6, applied: 2, errors: 4 });
    const byRow = new Map(res.body.results.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ outcome: 'confirmed' });
    expect(byRow.get(3)).toMatchObject({ outcome: 'rejected' });
    expect((byRow.get(4) as any).errors[0].message).toBe('Масса, т: обязательное поле');
    expect((byRow.get(5) as any).errors[0].message).toContain('не найден');
    expect((byRow.get(6) as any).errors.map((e: { message: string }) => e.message)).toEqual([
      expect.stringMatching(/^Номер рейса: /),
      expect.stringMatching(/^Решение: /),
    ]);
    expect((byRow.get(7) as any).errors[0].message).toContain('уже указан в строке 2');
    const t = await ctx.db.selectFrom('trips').select(['receipt_status', 'received_mass']).where('id', '=', a).executeTakeFirstOrThrow();
    expect(t).toMatchObject({ receipt_status: 'confirmed', received_mass: '20.500' });
  });

  it('refuses a file that is not a table', async () => {
    const m = multipart('приём.xlsx', Buffer.from('%PDF-1.4\n%%EOF'));
    const res = await facility.request('POST', '/api/receipts/upload', m.body, { 'content-type': m.contentType });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('file');
  });
});
