/**
 * Reading applications: the card, «Мои заявки», the operator's queue, the
 * history. Every read goes through `applicationVisible` (the applicant's own;
 * the operator's once submitted); anything else is "not found".
 */
import { sql, type Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { invalid } from '../../platform/http/errors.js';
import { FIELD_LABELS } from '../../platform/http/labels.js';
import { moscowDate, parseIsoDate } from '../../domain/period.js';
import { addWorkingDays, workingDaysBetween } from '../../domain/working-days.js';
import { STATUS_LABELS, TRANSITIONS, ACTIONS, isEditable, type ApplicationAction } from './state-machine.js';
import { rejectionReasonText } from './reasons.js';
import type { ApplicationStatus } from './tables.js';
import { missingForSubmit } from './completeness.js';
import { carrierView, carriersQuery, fileView, filesQuery, findApplication, isOperatorActor, lineView, linesQuery, unreadFor, type ApplicationRow } from './load.js';

export { findApplication, isOperatorActor, type ApplicationRow } from './load.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The review clock of an application: term, due day, days left (working), overdue. */
export function reviewClock(row: Pick<ApplicationRow, 'status' | 'review_days' | 'review_due_on'>, today: string) {
  if (!row.review_due_on) return null;
  const running = row.status === 'submitted';
  const left = running ? workingDaysBetween(today, row.review_due_on) : null;
  return {
    days: row.review_days ?? 0,
    dueOn: row.review_due_on,
    running,
    workingDaysLeft: left,
    overdue: running && row.review_due_on < today,
  };
}

export interface Stage {
  key: string;
  title: string;
  done: boolean;
  current: boolean;
  note: string | null;
}

/** The application's stages as a checklist (the staged style of seed 001). */
export function stagesOf(row: ApplicationRow, missingCount: number): Stage[] {
  const s = row.status;
  const submitted = row.first_submitted_at !== null;
  const decided = s === 'approved' || s === 'rejected';
  const stages: Stage[] = [
    {
      key: 'fill',
      title: '1. Заполнение заявления',
      done: submitted || missingCount === 0,
      current: s === 'draft',
      note: s === 'draft' ? (missingCount ? `Не заполнено: ${missingCount}` : 'Всё заполнено — можно подавать') : null,
    },
    { key: 'submit', title: '2. Подача заявления', done: submitted, current: false, note: row.first_submitted_at ? null : null },
    {
      key: 'review',
      title: '3. Рассмотрение информационным оператором',
      done: decided,
      current: s === 'submitted',
      note: null,
    },
  ];
  if (row.round > 1 || s === 'needs_info' || row.info_request) {
    stages.push({ key: 'info', title: '4. Дополнение сведений по запросу', done: s !== 'needs_info' && row.round > 1, current: s === 'needs_info', note: null });
  }
  stages.push({
    key: 'decision',
    title: `${stages.length + 1}. ${row.kind === 'amendment' ? 'Внесение изменений в разрешение' : 'Выдача разрешения'}`,
    done: s === 'approved',
    current: false,
    note: s === 'rejected' ? 'Отказано' : s === 'withdrawn' ? 'Заявление отозвано' : null,
  });
  return stages;
}

/** What the actor may do with the application now (the UI shows just these). */
export function allowedActions(row: ApplicationRow, actor: Actor): ApplicationAction[] {
  const side = isOperatorActor(actor) ? 'operator' : 'applicant';
  return ACTIONS.filter((a) => {
    const t = TRANSITIONS[a];
    return t.side === side && t.from.includes(row.status) && actor.rights.has(t.right);
  });
}

export async function getApplicationCard(ctx: AppContext, actor: Actor, id: string) {
  const row = await findApplication(ctx.db, actor, id);
  return applicationCard(ctx, actor, row);
}

/**
 * The card's parts in one round trip: the applicant, the site, the permit, the persons named, the lines,
 * carriers and files (each a JSON subquery) and the unread count. The card had been nine queries run in
 * parallel, each taking a pool connection of its own: at 20 clients the round trips, not the plans (each
 * under a millisecond), were what a card cost (`npm run bench -- registers`).
 */
export function cardPartsQuery(db: Db | Transaction<Database>, actor: Actor, row: ApplicationRow) {
  const personIds = [row.created_by, row.submitted_by, row.decided_by, row.assigned_to].filter((x): x is string => !!x);
  return db
    .selectFrom('permit_applications as a')
    .select([
      jsonObjectFrom(db.selectFrom('organizations').select(['id', 'name', 'short_name', 'inn']).where('id', '=', row.organization_id)).as('org'),
      jsonObjectFrom(db.selectFrom('sites').select(['id', 'name', 'address', 'archived_at', 'producer_id']).where('id', '=', row.site_id ?? NO_ID)).as('site'),
      jsonObjectFrom(db.selectFrom('permits').select(['id', 'number', 'version', 'valid_from', 'valid_to']).where('id', '=', row.permit_id ?? NO_ID)).as('permit'),
      jsonArrayFrom(db.selectFrom('persons').select(['id', 'full_name']).where('id', 'in', personIds.length ? personIds : [NO_ID])).as('persons'),
      jsonArrayFrom(linesQuery(db, row.id)).as('lines'),
      jsonArrayFrom(carriersQuery(db, row.id)).as('carriers'),
      jsonArrayFrom(filesQuery(db, row.id)).as('files'),
      unreadFor(actor.personId, 'a').as('unread'),
    ])
    .where('a.id', '=', row.id);
}

/** A uuid no row has: the subquery of a part the application does not have yet (no site, no permit) finds nothing. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

export async function applicationCard(ctx: Pick<AppContext, 'db' | 'now'>, actor: Actor, row: ApplicationRow, db: Db | Transaction<Database> = ctx.db) {
  const parts = await cardPartsQuery(db, actor, row).executeTakeFirstOrThrow();
  const org = parts.org!;
  const site = parts.site;
  const permit = parts.permit;
  const persons = parts.persons;
  const lines = parts.lines.map(lineView);
  const carriers = parts.carriers.map(carrierView);
  const files = parts.files.map((f) => fileView(row.id, f));
  const unread = { n: parts.unread };
  const name = (pid: string | null) => (pid ? (persons.find((p) => p.id === pid)?.full_name ?? null) : null);
  const today = moscowDate(ctx.now());
  const operator = isOperatorActor(actor);
  const missing = isEditable(row.status)
    ? await missingForSubmit(db, row, { lines, carriers, files, today, site: site ? { archived_at: site.archived_at, producer_id: site.producer_id } : null })
    : [];
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    version: row.version,
    round: row.round,
    organization: { id: org.id, name: org.short_name ?? org.name, inn: org.inn },
    site: site ? { id: site.id, name: site.name, address: site.address, archived: site.archived_at !== null } : null,
    permit: permit ? { id: permit.id, number: permit.number, version: permit.version, validFrom: permit.valid_from, validTo: permit.valid_to } : null,
    issuedVersion: row.permit_version,
    worksFrom: row.works_from,
    worksTo: row.works_to,
    district: row.district,
    comment: row.comment,
    lines,
    carriers,
    files,
    createdAt: iso(row.created_at)!,
    createdBy: name(row.created_by),
    updatedAt: iso(row.updated_at)!,
    firstSubmittedAt: iso(row.first_submitted_at),
    submittedAt: iso(row.submitted_at),
    submittedBy: name(row.submitted_by),
    review: reviewClock(row, today),
    infoRequest: row.info_request
      ? { text: row.info_request, dueOn: row.info_due_on, overdue: row.status === 'needs_info' && !!row.info_due_on && row.info_due_on < today }
      : null,
    decision:
      row.decided_at && (row.status === 'approved' || row.status === 'rejected')
        ? {
            at: iso(row.decided_at)!,
            by: name(row.decided_by),
            reasonCode: row.decision_reason,
            reasonText: rejectionReasonText(row.decision_reason),
            comment: row.decision_comment,
          }
        : null,
    assignee: row.assigned_to ? { id: row.assigned_to, name: name(row.assigned_to) ?? '' } : null,
    unread: unread.n,
    missing: operator ? [] : missing,
    stages: stagesOf(row, missing.length),
    allowedActions: allowedActions(row, actor),
    editable: !operator && isEditable(row.status) && actor.rights.has('draft'),
  };
}

export type ApplicationCard = Awaited<ReturnType<typeof applicationCard>>;

// --- cursors --------------------------------------------------------------------------------

export function encodeCursor(at: Date | string, id: string): string {
  return Buffer.from(`${new Date(at).toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/.exec(raw);
  if (!m) throw invalid({ field: 'cursor', message: 'Курсор страницы: неверное значение; начните с первой страницы' });
  return { at: m[1], id: m[2] };
}

// --- «Мои заявки» ----------------------------------------------------------------------------

/** What a row of either list («Мои заявки», the operator's queue) selects: the application, its site's name, the reader's unread mark. */
function listRows(db: Db, actor: Actor) {
  return db
    .selectFrom('permit_applications as a')
    .leftJoin('sites as s', 's.id', 'a.site_id')
    .select([
      'a.id',
      'a.number',
      'a.kind',
      'a.status',
      'a.submitted_at',
      'a.review_days',
      'a.review_due_on',
      'a.info_due_on',
      's.name as site_name',
      unreadFor(actor.personId, 'a').as('unread'),
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listRows>['executeTakeFirstOrThrow']>>;

/** What an item of either list shows of a `listRows` row. */
function listItem(r: ListRow, today: string) {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    siteName: r.site_name ?? null,
    review: reviewClock(r, today),
    infoDueOn: r.status === 'needs_info' ? r.info_due_on : null,
    unread: r.unread,
  };
}

/** The query of «Мои заявки» (a page of `limit + 1`): by permit_applications_org_idx, or with a status by permit_applications_org_status_idx. */
export function myApplicationsQuery(db: Db, actor: Actor, o: { status?: ApplicationStatus; siteId?: string; cursor?: string; limit: number }) {
  const after = decodeCursor(o.cursor);
  let q = listRows(db, actor)
    .leftJoin('permits as p', 'p.id', 'a.permit_id')
    .select(['a.updated_at', 'a.created_at', 'a.decision_reason', 'p.number as permit_number'])
    .where('a.organization_id', '=', actor.organizationId);
  if (o.status) q = q.where('a.status', '=', o.status);
  if (o.siteId) q = q.where('a.site_id', '=', o.siteId);
  if (after) q = q.where(sql<boolean>`(a.updated_at, a.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').limit(o.limit + 1);
}

export async function listMyApplications(ctx: AppContext, actor: Actor, o: { status?: ApplicationStatus; siteId?: string; cursor?: string; limit: number }) {
  const rows = await myApplicationsQuery(ctx.db, actor, o).execute();
  const today = moscowDate(ctx.now());
  const page = rows.slice(0, o.limit);
  return {
    items: page.map((r) => ({
      ...listItem(r, today),
      permitNumber: r.permit_number ?? null,
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
      submittedAt: iso(r.submitted_at),
      reasonText: r.status === 'rejected' ? rejectionReasonText(r.decision_reason) : null,
      needsAction: r.status === 'draft' || r.status === 'needs_info',
    })),
    nextCursor: rows.length > o.limit ? encodeCursor(page[page.length - 1].updated_at, page[page.length - 1].id) : null,
  };
}

// --- the operator's queue --------------------------------------------------------------------

export type QueueAge = 'overdue' | 'due_today' | 'due_soon' | 'in_time';

export interface QueueFilters {
  status?: ApplicationStatus;
  age?: QueueAge;
  applicantInn?: string;
  district?: string;
  assignee?: string;
  submittedFrom?: string;
  submittedTo?: string;
  cursor?: string;
  limit: number;
}

/**
 * The query of the operator's queue (a page of `limit + 1`) on `today` (Moscow): by the partial index of
 * its filter — permit_applications_queue_status_district_idx for status and district together.
 */
export function operatorQueueQuery(db: Db, actor: Actor, f: QueueFilters, today: string) {
  // The schema checks the shape only: «3887-92-05» must be a 422, not a database error.
  for (const [field, label] of [['submittedFrom', 'Подано с'], ['submittedTo', 'Подано по']] as const) {
    const v = f[field];
    const d = v ? parseIsoDate(v) : null;
    if (d && !d.ok) throw invalid({ field, message: `${label}: ${d.error}` });
  }
  const after = decodeCursor(f.cursor);
  let q = listRows(db, actor)
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('persons as pa', 'pa.id', 'a.assigned_to')
    .select([
      'a.round',
      'a.district',
      'a.first_submitted_at',
      'a.assigned_to',
      'pa.full_name as assignee_name',
      'o.id as org_id',
      sql<string>`coalesce(o.short_name, o.name)`.as('org_name'),
      'o.inn as org_inn',
    ])
    .where('a.first_submitted_at', 'is not', null);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.district) q = q.where('a.district', '=', f.district);
  // The applicant by its ИНН resolved first (a scalar subquery): the queue's (organization_id, submitted_at, id)
  // index then reads only that applicant's applications, instead of the whole queue filtered by join (EXPLAIN in
  // `npm run bench -- registers --explain`).
  if (f.applicantInn) q = q.where('a.organization_id', '=', sql<string>`(select id from organizations where inn = ${f.applicantInn})`);
  if (f.assignee === 'none') q = q.where('a.assigned_to', 'is', null);
  else if (f.assignee === 'me') q = q.where('a.assigned_to', '=', actor.personId);
  else if (f.assignee) q = q.where('a.assigned_to', '=', f.assignee);
  if (f.submittedFrom) q = q.where('a.submitted_at', '>=', sql<Date>`(${f.submittedFrom}::date)::timestamp at time zone 'Europe/Moscow'`);
  if (f.submittedTo) q = q.where('a.submitted_at', '<', sql<Date>`((${f.submittedTo}::date + 1)::timestamp) at time zone 'Europe/Moscow'`);
  if (f.age) {
    q = q.where('a.status', '=', 'submitted');
    const soon = addWorkingDays(today, 2);
    if (f.age === 'overdue') q = q.where('a.review_due_on', '<', today);
    else if (f.age === 'due_today') q = q.where('a.review_due_on', '=', today);
    else if (f.age === 'due_soon') q = q.where('a.review_due_on', '>', today).where('a.review_due_on', '<=', soon);
    else q = q.where('a.review_due_on', '>', soon);
  }
  if (after) q = q.where(sql<boolean>`(a.submitted_at, a.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('a.submitted_at').orderBy('a.id').limit(f.limit + 1);
}

export async function operatorQueue(ctx: AppContext, actor: Actor, f: QueueFilters) {
  const today = moscowDate(ctx.now());
  const rows = await operatorQueueQuery(ctx.db, actor, f, today).execute();
  const page = rows.slice(0, f.limit);
  return {
    today,
    items: page.map((r) => ({
      ...listItem(r, today),
      round: r.round,
      applicant: { id: r.org_id, name: r.org_name, inn: r.org_inn },
      district: r.district,
      submittedAt: iso(r.submitted_at)!,
      assignee: r.assigned_to ? { id: r.assigned_to, name: r.assignee_name ?? '' } : null,
    })),
    nextCursor: rows.length > f.limit ? encodeCursor(page[page.length - 1].submitted_at!, page[page.length - 1].id) : null,
  };
}

/** The operator's specialists: members of operator organizations who may decide. */
export async function operatorSpecialists(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.full_name', 'm.role', 'm.access'])
    .where('m.organization_id', '=', actor.organizationId)
    .where('m.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('m.valid_until', 'is', null), eb('m.valid_until', '>', sql<Date>`now()`)]))
    .where('p.deleted_at', 'is', null)
    .orderBy('p.full_name')
    .execute();
  return rows.filter((r) => r.role !== 'trusted' || r.access === 'full').map((r) => ({ id: r.id, name: r.full_name }));
}

// --- history ---------------------------------------------------------------------------------

export async function applicationHistory(db: Db, actor: Actor, id: string) {
  await findApplication(db, actor, id);
  const rows = await db
    .selectFrom('permit_application_events as e')
    .leftJoin('persons as p', 'p.id', 'e.person_id')
    .leftJoin('organizations as o', 'o.id', 'e.organization_id')
    .select(['e.id', 'e.at', 'e.action', 'e.from_status', 'e.to_status', 'e.changes', 'e.comment', 'p.full_name', sql<string | null>`coalesce(o.short_name, o.name)`.as('org_name')])
    .where('e.application_id', '=', id)
    .orderBy('e.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: iso(r.at)!,
    action: r.action,
    actionLabel: ACTION_LABELS[r.action] ?? r.action,
    who: r.full_name ?? null,
    organization: r.org_name ?? null,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    changes: Object.entries(r.changes).map(([field, [before, after]]) => ({ field, label: CHANGE_LABELS[field] ?? field, before: show(before), after: show(after) })),
    comment: r.comment,
  }));
}

function show(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

export const ACTION_LABELS: Record<string, string> = {
  created: 'Создан черновик',
  edited: 'Изменены сведения',
  file_added: 'Приложен файл',
  file_removed: 'Удалён файл',
  submitted: 'Заявление подано',
  resubmitted: 'Заявление подано повторно',
  info_requested: 'Запрошено дополнение',
  approved: 'Заявление одобрено',
  rejected: 'Заявление отклонено',
  withdrawn: 'Заявление отозвано заявителем',
  assigned: 'Назначен специалист',
  invited: 'Перевозчику отправлено приглашение',
};

const { worksFrom, worksTo, district, comment, lines, carriers, file, assigneeId, permitId } = FIELD_LABELS;
/** The labels of the fields a history step names as changed: the form's labels where the field is the same. */
export const CHANGE_LABELS: Record<string, string> = {
  site: 'Объект',
  worksFrom,
  worksTo,
  district,
  comment,
  lines,
  carriers,
  file,
  assignee: assigneeId,
  reviewDueOn: 'Срок рассмотрения',
  infoDueOn: 'Срок дополнения',
  permit: permitId,
};
