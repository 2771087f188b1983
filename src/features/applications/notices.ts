/**
 * Who hears of what happens to an application, in the cabinet and by e-mail
 * (through notify), and the tasks of «Мои задачи» each status leaves:
 *
 *   applicant: the draft's task (creator) → closed on submission or withdrawal;
 *              «Требуется дополнение» (everyone acting for the organization) → closed on resubmission;
 *              the decision to acknowledge (who submitted).
 *   operator:  «Рассмотреть заявление» for the assigned specialist, or for every
 *              specialist while nobody is assigned → closed by a step out of review.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { notify, type NotificationEvent } from '../notifications/notify.js';
import { closeTasksAbout, createTask } from '../tasks/tasks.js';
import type { ApplicationRow } from './load.js';
import { formatDateRu as ruDate } from '../../domain/period.js';

export const TASK_KINDS = {
  draft: 'application_draft',
  needsInfo: 'application_needs_info',
  decision: 'application_decision',
  review: 'application_review',
} as const;

export const APPLICANT_TASKS = [TASK_KINDS.draft, TASK_KINDS.needsInfo] as const;

export { ruDate };

export const applicationLink = (id: string) => `/applications/${id}`;

export async function operatorOrganizations(trx: Transaction<Database>): Promise<string[]> {
  const rows = await trx.selectFrom('organizations').select('id').where(sql<boolean>`'operator' = any(roles)`).orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

/** The applicant's person to tell: who submitted, else who created the draft. */
export function applicantPerson(row: ApplicationRow): string {
  return row.submitted_by ?? row.created_by;
}

/** What an application's notice says; by e-mail as `application.status` unless another event is named. */
export interface ApplicationNotice {
  title: string;
  body: string;
  email?: NotificationEvent;
}

export async function tellApplicant(trx: Transaction<Database>, ctx: Pick<AppContext, 'config'>, row: ApplicationRow, n: ApplicationNotice): Promise<void> {
  await notify(trx, ctx, {
    organizationId: row.organization_id,
    personId: applicantPerson(row),
    title: n.title,
    body: n.body,
    link: applicationLink(row.id),
    email: n.email ?? 'application.status',
  });
}

/** The operator side: the assigned specialist (personally, by e-mail), else every operator organization's cabinet. */
export async function tellOperator(trx: Transaction<Database>, ctx: Pick<AppContext, 'config'>, row: ApplicationRow, n: ApplicationNotice): Promise<void> {
  // notify sends e-mail only to a person: the cabinets of a broadcast get no e-mail.
  for (const to of await operatorSide(trx, row)) await notify(trx, ctx, { ...to, title: n.title, body: n.body, link: applicationLink(row.id), email: n.email ?? 'application.status' });
}

/**
 * Whom the operator side of an application is: the assigned specialist in their operator organization, or
 * (nobody assigned, or the person is no longer the operator's) every operator organization as a whole.
 */
async function operatorSide(trx: Transaction<Database>, row: ApplicationRow): Promise<{ organizationId: string; personId: string | null }[]> {
  if (row.assigned_to) {
    const org = await trx
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select('o.id')
      .where('m.person_id', '=', row.assigned_to)
      .where('m.revoked_at', 'is', null)
      .where(sql<boolean>`'operator' = any(o.roles)`)
      .executeTakeFirst();
    if (org) return [{ organizationId: org.id, personId: row.assigned_to }];
  }
  return (await operatorOrganizations(trx)).map((organizationId) => ({ organizationId, personId: null }));
}

/** The operator's review task: for the assigned specialist, or for every specialist while nobody is assigned. */
export async function openReviewTask(trx: Transaction<Database>, row: ApplicationRow, applicantName: string, now: Date): Promise<void> {
  await closeTasksAbout(trx, { kind: TASK_KINDS.review, ref: { applicationId: row.id }, now, status: 'cancelled' });
  const title = `Рассмотреть заявление № ${row.number} (${applicantName})${row.review_due_on ? ` до ${ruDate(row.review_due_on)}` : ''}`;
  const payload = { applicationId: row.id, number: row.number, dueOn: row.review_due_on };
  for (const to of await operatorSide(trx, row)) await createTask(trx, { ...to, kind: TASK_KINDS.review, title, payload });
}
