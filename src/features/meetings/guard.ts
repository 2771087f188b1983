/** The meeting of the acting organization, and whether a stage may be worked on. */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { MEETING_STAGES, type StageKey } from './texts.js';

type Q = Db | Transaction<Database>;

/** Runs a change of a meeting in one transaction (the change, its audit event, its tasks and jobs). */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/** The meeting of the acting organization, locked for a change when `forUpdate`. */
export async function meetingOf(q: Q, actor: Actor, id: string, forUpdate = false) {
  let query = q.selectFrom('meetings').selectAll().where('id', '=', id).where('organization_id', '=', actor.organizationId);
  if (forUpdate) query = query.forUpdate();
  const m = await query.executeTakeFirst();
  if (!m) throw notFound('Собрание не найдено');
  return m;
}
export type MeetingRow = Awaited<ReturnType<typeof meetingOf>>;

export const doneColumn = (k: StageKey) => `${k}_done_at` as const;

/** Refuses a change of a stage's data once the stage (or the meeting) is done. */
export function assertEditable(m: MeetingRow, stage: StageKey): void {
  if (m.status === 'completed') throw new AppError('meeting_completed', 'Собрание проведено: изменить его нельзя');
  if (m[doneColumn(stage)]) {
    const s = MEETING_STAGES.find((x) => x.key === stage)!;
    throw new AppError('meeting_stage', `Этап «${s.n}. ${s.title}» отмечен выполненным: снимите отметку, чтобы изменить его`);
  }
}

/** A stage's work may start once the stage before it is done. */
export function assertReached(m: MeetingRow, stage: StageKey): void {
  if (m.status === 'completed') throw new AppError('meeting_completed', 'Собрание проведено: изменить его нельзя');
  const i = MEETING_STAGES.findIndex((x) => x.key === stage);
  if (i > 0 && !m[doneColumn(MEETING_STAGES[i - 1].key)]) {
    const prev = MEETING_STAGES[i - 1];
    throw new AppError('meeting_stage', `Сначала завершите этап «${prev.n}. ${prev.title}»`);
  }
}

