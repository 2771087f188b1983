/**
 * Reminders of report deadlines (the report kinds' own definitions: the facility's monthly report by the
 * 10th of the next month, 2-ТП (отходы) by 1 February, a permit's closing report within 30 days), each
 * sent once per report period per organization:
 *
 * - before: when `config.reportReminderDays` days or fewer are left — a task «Подать отчёт …» in
 *   «Мои задачи» for everyone acting for the organization, a notice in the cabinet, an e-mail to its heads;
 * - overdue: the day after the deadline, while not filed — a notice and an e-mail (and the task, if the
 *   organization had none). Deadlines passed more than OVERDUE_LOOKBACK_DAYS ago are not reminded
 *   (a first run over years of history must not flood the cabinet; the «Отчётность» page lists them).
 *
 * Each reminder's key (report_reminders, primary key organization × key) is written in the same
 * transaction as its task and notices, so a retried run, or two workers at once, send nothing twice.
 * Filing the report closes the task (reports.ts `submitReport` → closeTasksAbout by `dueKey`).
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { moscowDate, formatDateRu as ruDate } from '../../domain/period.js';
import { notify } from '../notifications/notify.js';
import { createTask } from '../tasks/tasks.js';
import { dueKeyOf, dueReports, REPORT_TASK_KIND, type DueReport } from './reports.js';

export const OVERDUE_LOOKBACK_DAYS = 31;

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

async function claim(trx: Transaction<Database>, organizationId: string, key: string): Promise<boolean> {
  const r = await trx.insertInto('report_reminders').values({ organization_id: organizationId, key }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

async function heads(trx: Transaction<Database>, organizationId: string): Promise<string[]> {
  const rows = await trx.selectFrom('memberships').select('person_id').where('organization_id', '=', organizationId).where('role', '=', 'head').where('revoked_at', 'is', null).execute();
  return rows.map((r) => r.person_id);
}

function describe(d: DueReport): string {
  return `${d.kindTitle} — ${d.periodText}${d.subjectName ? ` (${d.subjectName})` : ''}`;
}

export interface ReminderRun {
  before: number;
  overdue: number;
  tasks: number;
}

export async function sendReportReminders(ctx: AppContext): Promise<ReminderRun> {
  const today = moscowDate(ctx.now());
  const days = ctx.config.reportReminderDays;
  const out: ReminderRun = { before: 0, overdue: 0, tasks: 0 };
  const orgs = await sql<{ id: string; roles: string[] }>`
    select id, roles from organizations where roles && array['facility', 'producer']::text[] order by id`.execute(ctx.db);
  for (const org of orgs.rows) {
    const due = (await dueReports(ctx.db, org.id, org.roles, today)).filter((d) => {
      const left = daysBetween(today, d.deadline);
      return (left >= 0 && left <= days) || (left < 0 && -left <= OVERDUE_LOOKBACK_DAYS);
    });
    for (const d of due) {
      const dueKey = dueKeyOf(d.kind, org.id, d.periodFrom!, d.subjectId);
      const overdue = today > d.deadline;
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await claim(trx, org.id, `${dueKey}:${overdue ? 'overdue' : 'before'}`))) return;
        if (await claim(trx, org.id, `${dueKey}:task`)) {
          await createTask(trx, {
            organizationId: org.id,
            personId: null,
            kind: REPORT_TASK_KIND,
            title: `Подать отчёт: ${describe(d)}, срок — ${ruDate(d.deadline)}`,
            payload: { dueKey, kind: d.kind, period: d.period, subjectId: d.subjectId, deadline: d.deadline, reportId: d.reportId },
          });
          out.tasks++;
        }
        const left = daysBetween(today, d.deadline);
        const title = overdue ? `Срок подачи отчёта прошёл: ${describe(d)}` : `Срок подачи отчёта — ${ruDate(d.deadline)}: ${describe(d)}`;
        const body = overdue
          ? `Отчёт «${describe(d)}» нужно было подать до ${ruDate(d.deadline)} включительно. Подайте его как можно скорее: он заполнен по данным системы, проверьте и отправьте.`
          : `${left === 0 ? 'Сегодня последний день подачи' : `До срока подачи дней: ${left}`}. Отчёт заполняется по данным системы: проверьте, дополните и отправьте.`;
        const link = d.reportId ? `/reports/${d.reportId}` : '/reports';
        // The heads in person (and by e-mail); an organization without a head hears as a whole.
        const people = await heads(trx, org.id);
        if (!people.length) await notify(trx, ctx, { organizationId: org.id, personId: null, title, body, link });
        for (const personId of people) await notify(trx, ctx, { organizationId: org.id, personId, title, body, link, email: 'report.due' });
        if (overdue) out.overdue++;
        else out.before++;
      });
    }
  }
  return out;
}
