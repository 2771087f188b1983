/**
 * Reminders about permits: expiry at 14 and 3 days, volume at 90 % and 100 %
 * of a line (accepted loads only), each sent once — in the cabinet and by
 * e-mail — however often the schedule runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import { completeDraft, today } from '../../../test/helpers/applications.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { shiftDate } from '../../domain/working-days.js';
import { SCHEDULES } from '../index.js';
import { sendPermitReminders } from './reminders.js';
import { permitRemindersSchedule } from './jobs.js';

let ctx: TestContext;
let app: App;
let producer: Client;
let operator: Client;
let permit: { id: string; number: string; validTo: string };

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 0 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  operator = await signedIn(app, 'operator@ossig.test');
  const org = (email: string) => ctx.db.selectFrom('organizations').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const p = await org('info@producer.ossig.test');
  const f = await org('info@facility.ossig.test');
  const a = await completeDraft(producer, {
    site: (await ctx.db.selectFrom('sites').select('id').where('producer_id', '=', p.id).orderBy('name').executeTakeFirstOrThrow()).id,
    facility: (await ctx.db.selectFrom('facilities').select('id').where('organization_id', '=', f.id).executeTakeFirstOrThrow()).id,
    carrierInn: (await org('info@carrier.ossig.test')).inn,
    worksTo: shiftDate(today(), 20),
    volume: '100',
  });
  await producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
  const r = await operator.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve' });
  permit = r.body.permit;
  // Only the demo's own permits may remind too; keep this file to the one permit.
  await ctx.db.updateTable('permits').set({ status: 'suspended' }).where('id', '<>', permit.id).execute();
});

afterAll(async () => {
  ctx.setNow(null);
  await app?.close();
  await ctx?.close();
});

const notices = (like: string) => ctx.db.selectFrom('notifications').select(['title', 'person_id']).where('title', 'like', like).execute();
const mails = (like: string) => ctx.db.selectFrom('mail_messages').select(['subject', 'to_address']).where('subject', 'like', like).execute();

async function trip(volume: string, status: 'confirmed' | 'pending' | 'rejected', minutesAgo: number) {
  const c = await ctx.db.selectFrom('permit_carriers').select('carrier_id').where('permit_id', '=', permit.id).executeTakeFirstOrThrow();
  const f = await ctx.db.selectFrom('permit_facilities').select(['facility_id', 'facility_object_id']).where('permit_id', '=', permit.id).executeTakeFirstOrThrow();
  const v = await ctx.db.selectFrom('vehicles').select('id').where('carrier_id', '=', c.carrier_id).orderBy('plate').executeTakeFirstOrThrow();
  const p = await ctx.db.selectFrom('permits').select('site_id').where('id', '=', permit.id).executeTakeFirstOrThrow();
  const unloaded = new Date(Date.now() - minutesAgo * 60_000);
  await ctx.db
    .insertInto('trips')
    .values({
      permit_id: permit.id,
      site_id: p.site_id,
      carrier_id: c.carrier_id,
      vehicle_id: v.id,
      facility_id: f.facility_id,
      facility_object_id: f.facility_object_id,
      waste_code: '81110001495',
      loaded_at: new Date(unloaded.getTime() - 3_600_000),
      unloaded_at: unloaded,
      volume,
      mass: '20',
      receipt_status: status,
      received_at: status === 'pending' ? null : unloaded,
    })
    .execute();
}

describe('permit reminders', () => {
  it('are scheduled hourly by the worker', () => {
    expect(SCHEDULES).toContain(permitRemindersSchedule);
    expect(permitRemindersSchedule.everyMinutes).toBe(60);
  });

  it('remind of expiry at 14 and at 3 days left, once each', async () => {
    expect(await sendPermitReminders(ctx)).toEqual({ expiry: 0, volume: 0 });
    ctx.setNow(new Date(`${shiftDate(permit.validTo, -14)}T10:00:00+03:00`));
    expect((await sendPermitReminders(ctx)).expiry).toBe(1);
    expect((await sendPermitReminders(ctx)).expiry).toBe(0);
    ctx.setNow(new Date(`${shiftDate(permit.validTo, -5)}T10:00:00+03:00`));
    expect((await sendPermitReminders(ctx)).expiry).toBe(0);
    ctx.setNow(new Date(`${shiftDate(permit.validTo, -3)}T10:00:00+03:00`));
    expect((await sendPermitReminders(ctx)).expiry).toBe(1);
    expect((await sendPermitReminders(ctx)).expiry).toBe(0);
    ctx.setNow(null);
    const n = await notices(`Срок действия разрешения № ${permit.number}%`);
    expect(n).toHaveLength(2);
    expect(await mails(`Срок действия разрешения № ${permit.number}%`)).toEqual([
      expect.objectContaining({ to_address: 'producer@ossig.test' }),
      expect.objectContaining({ to_address: 'producer@ossig.test' }),
    ]);
  });

  it('a term extended is a new term: reminded again', async () => {
    const longer = shiftDate(permit.validTo, 30);
    await ctx.db.updateTable('permits').set({ valid_to: longer }).where('id', '=', permit.id).execute();
    ctx.setNow(new Date(`${shiftDate(longer, -10)}T10:00:00+03:00`));
    expect((await sendPermitReminders(ctx)).expiry).toBe(1);
    ctx.setNow(null);
    await ctx.db.updateTable('permits').set({ valid_to: permit.validTo }).where('id', '=', permit.id).execute();
  });

  it('remind at 90 % and 100 % of a line, counting accepted loads only, once each', async () => {
    await trip('60', 'confirmed', 300);
    await trip('35', 'pending', 290);
    await trip('35', 'rejected', 280);
    expect((await sendPermitReminders(ctx)).volume).toBe(0); // 60 % accepted
    await trip('30', 'confirmed', 270); // 90 %
    expect((await sendPermitReminders(ctx)).volume).toBe(1);
    expect((await sendPermitReminders(ctx)).volume).toBe(0);
    await trip('15', 'confirmed', 260); // 105 %
    expect((await sendPermitReminders(ctx)).volume).toBe(1);
    expect((await sendPermitReminders(ctx)).volume).toBe(0);
    const titles = (await notices(`%разрешению № ${permit.number}%`)).map((n) => n.title);
    expect(titles).toEqual(expect.arrayContaining([`Использовано 90,0 % разрешённого объёма по разрешению № ${permit.number} (8 11 100 01 49 5)`, `Разрешённый объём по разрешению № ${permit.number} исчерпан (8 11 100 01 49 5)`]));
    const keys = await ctx.db.selectFrom('permit_reminders').select('key').where('permit_id', '=', permit.id).orderBy('key').execute();
    expect(keys.map((k) => k.key).filter((k) => k.startsWith('volume'))).toEqual(['volume:81110001495:100:100.00', 'volume:81110001495:90:100.00']);
  });
});
