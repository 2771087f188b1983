/**
 * The steps of an application's life (state-machine.ts), each one use-case
 * in the caller's transaction: the status change, the history row and audit
 * event, the tasks and the notices — together or not at all.
 *
 * Applicant: submit (or resubmit after «Требуется дополнение»), withdraw.
 * Operator:  assign, request_info, approve (issues the permit), reject.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { moscowDate } from '../../domain/period.js';
import { addWorkingDays, reviewTermEnd, termEndingOn, shiftDate } from '../../domain/working-days.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { closeTasksAbout, createTask } from '../tasks/tasks.js';
import { issuePermit } from '../permits/issue.js';
import { nextStatus, STATUS_LABELS, TRANSITIONS, type ApplicationAction } from './state-machine.js';
import { entryBy, record, touch } from './history.js';
import { conflictIfStale, type Meta } from './draft.js';
import { findApplication, isOperatorActor, loadCarriers, loadFiles, loadLines, type ApplicationRow } from './load.js';
import { missingForSubmit } from './completeness.js';
import { applicationCard, operatorSpecialists, type ApplicationCard } from './queries.js';
import { REJECTION_REASON_CODES, rejectionReasonText } from './reasons.js';
import { APPLICANT_TASKS, TASK_KINDS, openReviewTask, ruDate, tellApplicant, tellOperator, applicationLink } from './notices.js';

/** Default time the applicant gets to supply what is missing, in working days. */
export const INFO_DEFAULT_WORKING_DAYS = 10;

async function applicantName(trx: Transaction<Database>, orgId: string): Promise<string> {
  const o = await trx.selectFrom('organizations').select(['name', 'short_name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  return o.short_name ?? o.name;
}

async function lockForApplicant(trx: Transaction<Database>, actor: Actor, id: string): Promise<ApplicationRow> {
  const row = await findApplication(trx, actor, id, { forUpdate: true });
  if (row.organization_id !== actor.organizationId) throw notFound('Заявление не найдено');
  return row;
}

async function fresh(ctx: AppContext, trx: Transaction<Database>, actor: Actor, id: string): Promise<ApplicationCard> {
  return applicationCard(ctx, actor, await findApplication(trx, actor, id), trx);
}

// --- applicant -----------------------------------------------------------------------------------

/** «Подать»: from a draft (submit) or after «Требуется дополнение» (resubmit); everything missing is listed at once. */
export async function submitApplication(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; version: number } & Meta,
): Promise<ApplicationCard> {
  const { ctx, actor } = o;
  const row = await lockForApplicant(trx, actor, o.id);
  const action: ApplicationAction = row.status === 'needs_info' ? 'resubmit' : 'submit';
  const to = nextStatus(row.status, action, row.number);
  await conflictIfStale(ctx, trx, actor, row, o.version);
  const now = ctx.now();
  const today = moscowDate(now);
  const [lines, carriers, files] = await Promise.all([loadLines(trx, row.id), loadCarriers(trx, row.id), loadFiles(trx, row.id)]);
  const missing = await missingForSubmit(trx, row, { lines, carriers, files, today });
  if (missing.length) {
    throw new AppError('application_incomplete', `Заявление № ${row.number} нельзя подать: ${missing.map((m) => m.message).join('; ')}`, missing);
  }
  const days = ctx.config.applicationReviewWorkingDays;
  const due = reviewTermEnd(today, days);
  await touch(trx, row.id, now, {
    status: to,
    round: row.round + 1,
    first_submitted_at: row.first_submitted_at ?? now,
    submitted_at: now,
    submitted_by: actor.personId,
    review_days: days,
    review_due_on: due,
  });
  const updated = await findApplication(trx, actor, row.id);
  await record(trx, {
    ...entryBy(row, actor, now, o),
    action: action === 'resubmit' ? 'resubmitted' : 'submitted',
    fromStatus: row.status,
    toStatus: to,
    changes: { reviewDueOn: [row.review_due_on, due] },
    comment: `Срок рассмотрения — ${days} рабочих дней, до ${ruDate(due)} включительно`,
  });
  await inviteCarriers(trx, ctx, actor, updated, now);
  await closeTasksAbout(trx, { kind: APPLICANT_TASKS, ref: { applicationId: row.id }, now });
  const name = await applicantName(trx, row.organization_id);
  await openReviewTask(trx, updated, name, now);
  await tellApplicant(trx, ctx, updated, {
    title: `Заявление № ${row.number}: ${STATUS_LABELS[to]}`,
    body: `Заявление ${action === 'resubmit' ? 'подано повторно' : 'подано'} и передано на рассмотрение информационному оператору. Срок рассмотрения — ${days} рабочих дней, до ${ruDate(due)} включительно.`,
  });
  if (action === 'resubmit') {
    await tellOperator(trx, ctx, updated, {
      title: `Заявление № ${row.number} подано повторно`,
      body: `${name} дополнило заявление № ${row.number}. Срок рассмотрения — до ${ruDate(due)}.`,
    });
  }
  return fresh(ctx, trx, actor, row.id);
}

/** Carriers not registered yet get an invitation by e-mail, once per address (through the outbox). */
async function inviteCarriers(trx: Transaction<Database>, ctx: AppContext, actor: Actor, row: ApplicationRow, now: Date): Promise<void> {
  const pending = await trx
    .selectFrom('permit_application_carriers as c')
    .leftJoin('organizations as o', 'o.inn', 'c.inn')
    .select(['c.inn', 'c.invite_email'])
    .where('c.application_id', '=', row.id)
    .where('o.id', 'is', null)
    .where('c.invite_email', 'is not', null)
    .where('c.invited_at', 'is', null)
    .execute();
  if (!pending.length) return;
  const applicant = await applicantName(trx, row.organization_id);
  for (const c of pending) {
    await enqueueMail(trx, {
      to: c.invite_email!,
      subject: `Приглашение в АИС «ОССиГ»: ${applicant} указывает вашу организацию перевозчиком`,
      text: [
        'Здравствуйте!',
        '',
        `${applicant} подало заявление № ${row.number} на разрешение на перемещение отходов строительства и сноса и указало перевозчиком организацию с ИНН ${c.inn}.`,
        'Чтобы перевозчик был указан в разрешении, организации нужно войти в личный кабинет АИС «ОССиГ» по квалифицированной электронной подписи руководителя — кабинет организации создаётся при первом входе.',
        '',
        `Вход по электронной подписи: ${ctx.config.publicUrl}/login/certificate`,
        '',
        'Если вы не имеете отношения к этой организации, просто удалите это письмо.',
        '',
        'ОССиГ',
      ].join('\n'),
    });
    await trx.updateTable('permit_application_carriers').set({ invited_at: now }).where('application_id', '=', row.id).where('inn', '=', c.inn).execute();
    await record(trx, {
      ...entryBy(row, actor, now),
      action: 'invited',
      comment: `Приглашение перевозчику с ИНН ${c.inn} отправлено на ${c.invite_email}`,
    });
  }
}

/** «Отозвать заявление»: a draft, or one under review or awaiting more. */
export async function withdrawApplication(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; reason?: string | null } & Meta,
): Promise<ApplicationCard> {
  const { ctx, actor } = o;
  const row = await lockForApplicant(trx, actor, o.id);
  const to = nextStatus(row.status, 'withdraw', row.number);
  const now = ctx.now();
  await touch(trx, row.id, now, { status: to });
  await record(trx, {
    ...entryBy(row, actor, now, o),
    action: 'withdrawn',
    fromStatus: row.status,
    toStatus: to,
    comment: o.reason?.trim() || null,
  });
  await closeTasksAbout(trx, { kind: [...APPLICANT_TASKS, TASK_KINDS.review], ref: { applicationId: row.id }, now, status: 'cancelled' });
  const updated = await findApplication(trx, actor, row.id);
  await tellApplicant(trx, ctx, updated, { title: `Заявление № ${row.number}: ${STATUS_LABELS[to]}`, body: `Заявление № ${row.number} отозвано.` });
  if (row.first_submitted_at) {
    await tellOperator(trx, ctx, updated, { title: `Заявление № ${row.number} отозвано заявителем`, body: o.reason?.trim() || 'Заявитель отозвал заявление.' });
  }
  return fresh(ctx, trx, actor, row.id);
}

// --- operator ------------------------------------------------------------------------------------

async function lockForOperator(trx: Transaction<Database>, actor: Actor, id: string): Promise<ApplicationRow> {
  if (!isOperatorActor(actor)) throw notFound('Заявление не найдено');
  return findApplication(trx, actor, id, { forUpdate: true });
}

/**
 * The operator's decider: the assigned specialist, or the head. An
 * application nobody took yet is taken by whoever decides.
 */
async function ensureDecider(trx: Transaction<Database>, ctx: AppContext, actor: Actor, row: ApplicationRow, now: Date): Promise<ApplicationRow> {
  if (row.assigned_to === actor.personId) return row;
  if (row.assigned_to && actor.memberRole !== 'head') {
    const p = await trx.selectFrom('persons').select('full_name').where('id', '=', row.assigned_to).executeTakeFirst();
    throw new AppError('forbidden', `Решение по заявлению № ${row.number} принимает назначенный специалист (${p?.full_name ?? 'специалист'}) или руководитель`);
  }
  if (!row.assigned_to) {
    await trx.updateTable('permit_applications').set({ assigned_to: actor.personId, assigned_at: now }).where('id', '=', row.id).execute();
    await record(trx, {
      ...entryBy(row, actor, now),
      action: 'assigned',
      changes: { assignee: [null, actor.personName] },
    });
    return { ...row, assigned_to: actor.personId, assigned_at: now };
  }
  return row;
}

/** «Назначить специалиста» (or take it oneself; null: back to the common queue). */
export async function assignApplication(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; assigneeId: string | null } & Meta,
): Promise<ApplicationCard> {
  const { ctx, actor } = o;
  const row = await lockForOperator(trx, actor, o.id);
  if (row.status !== 'submitted' && row.status !== 'needs_info') {
    throw new AppError('application_status', `Заявление № ${row.number} в статусе «${STATUS_LABELS[row.status]}»: назначать специалиста уже не нужно`);
  }
  let assigneeName: string | null = null;
  if (o.assigneeId) {
    const specialists = await operatorSpecialists(ctx.db, actor);
    const s = specialists.find((x) => x.id === o.assigneeId);
    if (!s) throw invalid({ field: 'assigneeId', message: 'Специалист: такого специалиста нет среди сотрудников оператора' });
    assigneeName = s.name;
  }
  if ((o.assigneeId ?? null) === row.assigned_to) return fresh(ctx, trx, actor, row.id);
  const before = row.assigned_to ? ((await trx.selectFrom('persons').select('full_name').where('id', '=', row.assigned_to).executeTakeFirst())?.full_name ?? null) : null;
  const now = ctx.now();
  await trx.updateTable('permit_applications').set({ assigned_to: o.assigneeId, assigned_at: o.assigneeId ? now : null }).where('id', '=', row.id).execute();
  await touch(trx, row.id, now);
  await record(trx, {
    ...entryBy(row, actor, now, o),
    action: 'assigned',
    changes: { assignee: [before, assigneeName] },
  });
  const updated = await findApplication(trx, actor, row.id);
  if (updated.status === 'submitted') await openReviewTask(trx, updated, await applicantName(trx, row.organization_id), now);
  if (o.assigneeId && o.assigneeId !== actor.personId) {
    await tellOperator(trx, ctx, updated, {
      title: `Вам назначено заявление № ${row.number}`,
      body: `${actor.personName} назначил(а) вас рассматривать заявление № ${row.number}${updated.review_due_on ? `; срок — до ${ruDate(updated.review_due_on)}` : ''}.`,
    });
  }
  return fresh(ctx, trx, actor, row.id);
}

/** `assignApplication` in a transaction of its own (the route's use-case). */
export function assignSpecialist(o: { ctx: AppContext; actor: Actor; id: string; assigneeId: string | null } & Meta): Promise<ApplicationCard> {
  return o.ctx.db.transaction().execute((trx) => assignApplication(trx, o));
}

export interface InfoRequestInput {
  request: string;
  /** The day by which the applicant supplies it (a non-working day moves to the next working day). */
  dueOn?: string;
  /** Or: so many working days from today. */
  workingDays?: number;
}

/** «Требуется дополнение»: what is missing and by when; the review clock stops until the applicant resubmits. */
export async function requestInfo(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; input: InfoRequestInput } & Meta,
): Promise<ApplicationCard & { dueMoved: boolean }> {
  const { ctx, actor, input } = o;
  const row = await lockForOperator(trx, actor, o.id);
  const to = nextStatus(row.status, 'request_info', row.number);
  const text = input.request.trim();
  if (text.length < 5) throw invalid({ field: 'request', message: 'Что требуется: опишите, чего не хватает в заявлении' });
  const now = ctx.now();
  const today = moscowDate(now);
  let due: string;
  let moved = false;
  if (input.dueOn) {
    if (input.dueOn <= today) throw invalid({ field: 'dueOn', message: `Срок: должен быть позже сегодняшнего дня (${ruDate(today)})` });
    if (input.dueOn > shiftDate(today, 90)) throw invalid({ field: 'dueOn', message: 'Срок: не более 90 дней' });
    const t = termEndingOn(input.dueOn);
    due = t.date;
    moved = t.moved;
  } else {
    due = addWorkingDays(today, input.workingDays ?? INFO_DEFAULT_WORKING_DAYS);
  }
  await ensureDecider(trx, ctx, actor, row, now);
  await touch(trx, row.id, now, { status: to, info_request: text, info_due_on: due });
  await record(trx, {
    ...entryBy(row, actor, now, o),
    action: 'info_requested',
    fromStatus: row.status,
    toStatus: to,
    changes: { infoDueOn: [row.info_due_on, due] },
    comment: `${text}${moved ? ` (срок ${ruDate(input.dueOn!)} приходится на нерабочий день и перенесён на ${ruDate(due)})` : ''}`,
  });
  await closeTasksAbout(trx, { kind: TASK_KINDS.review, ref: { applicationId: row.id }, now });
  const updated = await findApplication(trx, actor, row.id);
  await createTask(trx, {
    organizationId: row.organization_id,
    personId: null,
    kind: TASK_KINDS.needsInfo,
    title: `Требуется дополнение заявления № ${row.number} до ${ruDate(due)}`,
    payload: { applicationId: row.id, number: row.number, dueOn: due },
  });
  await tellApplicant(trx, ctx, updated, {
    title: `Заявление № ${row.number}: ${STATUS_LABELS[to]}`,
    body: `Информационный оператор просит дополнить заявление до ${ruDate(due)} включительно: ${text}`,
  });
  return { ...(await fresh(ctx, trx, actor, row.id)), dueMoved: moved };
}

export interface DecisionInput {
  decision: 'approve' | 'reject';
  reasonCode?: string;
  comment?: string;
}

/** «Одобрить» (issues the permit or its new version) or «Отклонить» (a reason from the list plus text). */
export async function decideApplication(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; input: DecisionInput } & Meta,
): Promise<ApplicationCard> {
  const { ctx, actor, input } = o;
  const row = await lockForOperator(trx, actor, o.id);
  const action = input.decision;
  const to = nextStatus(row.status, action, row.number);
  const comment = input.comment?.trim() || null;
  if (action === 'reject') {
    const errors = [];
    if (!input.reasonCode) errors.push({ field: 'reasonCode', message: 'Основание: выберите основание отказа из списка' });
    else if (!REJECTION_REASON_CODES.includes(input.reasonCode)) errors.push({ field: 'reasonCode', message: 'Основание: такого основания нет в списке' });
    if (!comment) errors.push({ field: 'comment', message: 'Комментарий: поясните заявителю, почему заявление отклонено' });
    if (errors.length) throw invalid(errors);
  }
  if (comment && comment.length > 4000) throw invalid({ field: 'comment', message: 'Комментарий: не длиннее 4000 символов' });
  const now = ctx.now();
  const decider = await ensureDecider(trx, ctx, actor, row, now);
  let permit: Awaited<ReturnType<typeof issuePermit>> | null = null;
  if (action === 'approve') permit = await issuePermit(trx, { ctx, actor, app: decider });
  await touch(trx, row.id, now, {
    status: to,
    decided_at: now,
    decided_by: actor.personId,
    decision_reason: action === 'reject' ? input.reasonCode! : null,
    decision_comment: comment,
    ...(permit ? { permit_id: permit.permitId, permit_version: permit.version } : {}),
  });
  const reasonText = action === 'reject' ? rejectionReasonText(input.reasonCode!) : null;
  await record(trx, {
    ...entryBy(row, actor, now, o),
    action: action === 'approve' ? 'approved' : 'rejected',
    fromStatus: row.status,
    toStatus: to,
    changes: permit ? { permit: [null, `${permit.number}${permit.version > 1 ? `, версия ${permit.version}` : ''}`] } : {},
    comment: [reasonText, comment].filter(Boolean).join('. ') || null,
  });
  await closeTasksAbout(trx, { kind: [TASK_KINDS.review, ...APPLICANT_TASKS], ref: { applicationId: row.id }, now });
  const updated = await findApplication(trx, actor, row.id);
  const title =
    action === 'approve'
      ? row.kind === 'amendment'
        ? `Изменения в разрешение № ${permit!.number} внесены (версия ${permit!.version})`
        : `Выдано разрешение № ${permit!.number} по заявлению № ${row.number}`
      : `Заявление № ${row.number} отклонено`;
  const body =
    action === 'approve'
      ? `Разрешение № ${permit!.number} действует с ${ruDate(permit!.validFrom)} по ${ruDate(permit!.validTo)}. Подписанный PDF — в карточке разрешения.${comment ? ` Комментарий оператора: ${comment}` : ''}`
      : `Основание: ${reasonText}. ${comment ?? ''}`.trim();
  await createTask(trx, {
    organizationId: row.organization_id,
    personId: row.submitted_by,
    kind: TASK_KINDS.decision,
    title: `Уведомление о решении по заявлению № ${row.number}: ${STATUS_LABELS[to]}`,
    payload: { applicationId: row.id, number: row.number, status: to, ...(permit ? { permitId: permit.permitId, permitNumber: permit.number } : {}), link: applicationLink(row.id) },
  });
  await tellApplicant(trx, ctx, updated, { title, body });
  return fresh(ctx, trx, actor, row.id);
}

/** The transitions, for the tests and documentation: which action moves which status where. */
export { TRANSITIONS };
