/**
 * Deadline reminders with a fixed clock: a facility's monthly report — the «before» reminder
 * REPORT_REMINDER_DAYS (5) days before the 10th, with one task in «Мои задачи»; nothing more on the next
 * run; the overdue reminder the day after the deadline, once even with two runs at the same moment;
 * filing closes the task. Overdue invoices: the payer hears once per invoice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { insertLoad, loadBase, type LoadBase } from '../../../test/helpers/loads.js';
import { seedDemo } from '../demo/seed.js';
import { SCHEDULES } from '../index.js';
import { sendReportReminders } from './reminders.js';
import { reportRemindersSchedule } from './jobs.js';
import { sendInvoiceReminders } from '../money/reminders.js';
import { invoiceRemindersSchedule } from '../money/jobs.js';
import { closeTasksAbout } from '../tasks/tasks.js';
import { dueKeyOf, REPORT_TASK_KIND } from './reports.js';

let ctx: TestContext;
let facilityId: string;
let producerId: string;
let base: LoadBase;
const CODE = '81110001495';
/** 12:00 in Moscow on a day. */
const at = (day: string) => new Date(`${day}T09:00:00Z`);

const orgOf = async (email: string) =>
  (await sql<{ id: string }>`select m.organization_id as id from memberships m join persons p on p.id = m.person_id where p.email = ${email} and m.revoked_at is null limit 1`.execute(ctx.db)).rows[0].id;

const tasksOf = async (orgId: string, period: string) =>
  (await sql<{ id: string; status: string; title: string }>`select id, status, title from tasks where organization_id = ${orgId} and kind = ${REPORT_TASK_KIND} and payload->>'period' = ${period} and payload->>'kind' = 'facility_monthly'`.execute(ctx.db)).rows;
const noticesOf = async (orgId: string, like: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from notifications where organization_id = ${orgId} and title like ${like}`.execute(ctx.db)).rows[0].n;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 30, days: 3 });
  facilityId = await orgOf('facility@ossig.test');
  producerId = await orgOf('producer@ossig.test');
  base = await loadBase(ctx, facilityId, producerId);
  await sql`insert into waste_types (code, name) values (${CODE}, 'Тестовый вид') on conflict do nothing`.execute(ctx.db);
  // A load in March 2030 at the facility object: its monthly report is due by 10.04.2030.
  await insertLoad(ctx, base, '2030-03-15T10:00:00Z', { code: CODE });
});

afterAll(async () => {
  ctx?.setNow(null);
  await ctx?.close();
});

describe('report deadline reminders', () => {
  it('are scheduled', () => {
    expect(SCHEDULES).toContain(reportRemindersSchedule);
    expect(SCHEDULES).toContain(invoiceRemindersSchedule);
  });

  it('nothing before the window: 6 days before the deadline', async () => {
    ctx.setNow(at('2030-04-04'));
    await sendReportReminders(ctx);
    expect(await tasksOf(facilityId, '2030-03')).toEqual([]);
  });

  it('5 days before: one task and one reminder per period; the next run adds nothing', async () => {
    ctx.setNow(at('2030-04-05'));
    const first = await sendReportReminders(ctx);
    expect(first.before).toBeGreaterThanOrEqual(1);
    const tasks = await tasksOf(facilityId, '2030-03');
    expect(tasks).toHaveLength(1);
    expect(tasks[0].title).toMatch(/Подать отчёт: .*март 2030.*срок — 10\.04\.2030/i);
    expect(await noticesOf(facilityId, 'Срок подачи отчёта — 10.04.2030%')).toBeGreaterThanOrEqual(1);
    const notices = await noticesOf(facilityId, 'Срок подачи отчёта — 10.04.2030%');
    const again = await sendReportReminders(ctx);
    expect(again).toMatchObject({ before: 0, overdue: 0, tasks: 0 });
    ctx.setNow(at('2030-04-09'));
    await sendReportReminders(ctx);
    expect(await tasksOf(facilityId, '2030-03')).toHaveLength(1);
    expect(await noticesOf(facilityId, 'Срок подачи отчёта — 10.04.2030%')).toBe(notices);
  });

  it('on the deadline day: still «before»; the day after: one overdue reminder even with two runs at once', async () => {
    ctx.setNow(at('2030-04-10'));
    expect((await sendReportReminders(ctx)).overdue).toBe(0);
    ctx.setNow(at('2030-04-11'));
    const runs = await Promise.all([sendReportReminders(ctx), sendReportReminders(ctx)]);
    expect(await noticesOf(facilityId, 'Срок подачи отчёта прошёл: %март 2030%')).toBe(1);
    expect(runs.reduce((n, r) => n + r.tasks, 0)).toBe(0);
    expect(await tasksOf(facilityId, '2030-03')).toHaveLength(1);
    const keys = await sql<{ key: string }>`select key from report_reminders where organization_id = ${facilityId} and key like ${'facility_monthly:%:2030-03-01:%'} order by key`.execute(ctx.db);
    expect(keys.rows.map((k) => k.key.split(':').at(-1)).sort()).toEqual(['before', 'overdue', 'task']);
  });

  it('filing the report closes its task (by its due key)', async () => {
    const [t] = await tasksOf(facilityId, '2030-03');
    const subject = (await sql<{ subject: string }>`select payload->>'subjectId' as subject from tasks where id = ${t.id}`.execute(ctx.db)).rows[0].subject;
    await ctx.db.transaction().execute((trx) => closeTasksAbout(trx, { kind: REPORT_TASK_KIND, ref: { dueKey: dueKeyOf('facility_monthly', facilityId, '2030-03-01', subject) }, now: ctx.now() }));
    expect((await tasksOf(facilityId, '2030-03'))[0].status).toBe('done');
  });
});

describe('overdue invoice reminders', () => {
  it('the payer hears once per invoice, the day after its term, while money is owed', async () => {
    const act = await sql<{ id: string }>`
      insert into acts (number, facility_id, payer_id, month, net_kop, vat_kop, total_kop, loads, status)
      values ('2030-901', ${facilityId}, ${producerId}, '2030-03-01', 100000, 22000, 122000, 1, 'ready') returning id`.execute(ctx.db);
    const inv = await sql<{ id: string }>`
      insert into invoices (number, facility_id, payer_id, act_id, issued_on, due_on, net_kop, vat_kop, total_kop, paid_kop)
      values ('2030-901', ${facilityId}, ${producerId}, ${act.rows[0].id}, '2030-04-01', '2030-04-15', 100000, 22000, 122000, 22000) returning id`.execute(ctx.db);
    ctx.setNow(at('2030-04-15'));
    await sendInvoiceReminders(ctx);
    expect(await noticesOf(producerId, 'Счёт № 2030-901 просрочен%')).toBe(0);
    ctx.setNow(at('2030-04-16'));
    const runs = await Promise.all([sendInvoiceReminders(ctx), sendInvoiceReminders(ctx)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await noticesOf(producerId, 'Счёт № 2030-901 просрочен: к оплате 1_000,00 ₽')).toBeGreaterThanOrEqual(1);
    const n = await noticesOf(producerId, 'Счёт № 2030-901 просрочен%');
    ctx.setNow(at('2030-04-20'));
    expect(await sendInvoiceReminders(ctx)).toBe(0);
    expect(await noticesOf(producerId, 'Счёт № 2030-901 просрочен%')).toBe(n);
    expect(await noticesOf(facilityId, 'Счёт № 2030-901 просрочен%')).toBe(0);
    void inv;
  });
});
