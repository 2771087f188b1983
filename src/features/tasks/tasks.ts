/**
 * «Мои задачи». Features create and close tasks only through these functions,
 * in their own transaction (`createTask(trx, …)`); nothing else writes the
 * `tasks` table. A task belongs to one person in an organization, or (person
 * null) to everyone acting for it.
 */
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { TasksTable, TaskStatus } from './tables.js';

export type TaskRow = Selectable<TasksTable>;

/** Who a task list is for: the acting person in the acting organization. */
export interface TaskViewer {
  organizationId: string;
  personId: string;
}

export interface NewTask {
  organizationId: string;
  /** null: for everyone acting for the organization. */
  personId: string | null;
  kind: string;
  title: string;
  payload?: Record<string, unknown>;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A task as the API shows it. */
export function taskDto(t: TaskRow) {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    status: t.status,
    payload: t.payload,
    createdAt: iso(t.created_at)!,
    closedAt: iso(t.closed_at),
  };
}
export type TaskDto = ReturnType<typeof taskDto>;

export async function createTask(trx: Transaction<Database>, t: NewTask): Promise<TaskRow> {
  return trx
    .insertInto('tasks')
    .values({ organization_id: t.organizationId, person_id: t.personId, kind: t.kind, title: t.title, payload: JSON.stringify(t.payload ?? {}) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The viewer's open task of a kind, or a new one (serialized per person, so two clicks make one task). */
export async function openTaskOfKind(trx: Transaction<Database>, viewer: TaskViewer, kind: string, title: string): Promise<TaskRow> {
  await sql`select pg_advisory_xact_lock(hashtext(${`task:${kind}:${viewer.organizationId}:${viewer.personId}`}))`.execute(trx);
  const open = await trx
    .selectFrom('tasks')
    .selectAll()
    .where('organization_id', '=', viewer.organizationId)
    .where('person_id', '=', viewer.personId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return open ?? createTask(trx, { organizationId: viewer.organizationId, personId: viewer.personId, kind, title });
}

/**
 * Closes the viewer's open task (of `kind` when given), merging `payload`
 * into it. Returns false when there is no such open task.
 */
export async function closeTask(
  trx: Transaction<Database> | Db,
  viewer: TaskViewer,
  taskId: string,
  o: { now: Date; kind?: string; payload?: Record<string, unknown> },
): Promise<TaskRow | undefined> {
  let q = trx
    .updateTable('tasks')
    .set({ status: 'done', closed_at: o.now, ...(o.payload ? { payload: sql`payload || ${JSON.stringify(o.payload)}::jsonb` } : {}) })
    .where('id', '=', taskId)
    .where('organization_id', '=', viewer.organizationId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('person_id', '=', viewer.personId), eb('person_id', 'is', null)]));
  if (o.kind) q = q.where('kind', '=', o.kind);
  return q.returningAll().executeTakeFirst();
}

/**
 * Closes every open task of `kind` whose payload holds `ref` (e.g. all the
 * tasks about one application, whoever they were for). Returns how many.
 */
export async function closeTasksAbout(
  trx: Transaction<Database>,
  o: { kind: string | readonly string[]; ref: Record<string, string>; now: Date; status?: 'done' | 'cancelled' },
): Promise<number> {
  const kinds = typeof o.kind === 'string' ? [o.kind] : [...o.kind];
  const r = await trx
    .updateTable('tasks')
    .set({ status: o.status ?? 'done', closed_at: o.now })
    .where('kind', 'in', kinds)
    .where('status', '=', 'open')
    .where(sql<boolean>`payload @> ${JSON.stringify(o.ref)}::jsonb`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listTasks(db: Db, viewer: TaskViewer, status: TaskStatus | 'all'): Promise<TaskRow[]> {
  let q = visible(db, viewer);
  if (status !== 'all') q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').limit(200).execute();
}

export async function getTask(db: Db, viewer: TaskViewer, id: string): Promise<TaskRow | undefined> {
  return visible(db, viewer).where('id', '=', id).executeTakeFirst();
}

/** «Подтвердить»: closes the task; confirming a closed task again answers it as it is. */
export async function confirmTask(db: Db, viewer: TaskViewer, id: string, now: Date): Promise<TaskRow | undefined> {
  return (await closeTask(db, viewer, id, { now })) ?? getTask(db, viewer, id);
}

function visible(db: Db, viewer: TaskViewer) {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('organization_id', '=', viewer.organizationId)
    .where((eb) => eb.or([eb('person_id', '=', viewer.personId), eb('person_id', 'is', null)]));
}
