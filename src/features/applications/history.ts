/**
 * The application's history («кто, когда, что изменилось») and its audit.
 * Every step writes one history row and one audit event in the caller's
 * transaction. Saving a draft field by field would fill the history with
 * one row per keystroke pause, so edits by the same person within
 * EDIT_COALESCE_MINUTES merge into one row (the first «before», the last «after»);
 * the audit keeps every save.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { audit } from '../../platform/audit.js';
import type { ApplicationStatus } from './tables.js';

export const EDIT_COALESCE_MINUTES = 10;

export type Changes = Record<string, [unknown, unknown]>;

export interface HistoryEntry {
  applicationId: string;
  applicationNumber: string;
  personId: string | null;
  organizationId: string | null;
  action: string;
  fromStatus?: ApplicationStatus | null;
  toStatus?: ApplicationStatus | null;
  changes?: Changes;
  comment?: string | null;
  at: Date;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * The fields every entry of a step shares: the application, who took the step
 * (person and organization), when, and from where (`meta`: the request's ip and
 * user agent; none for a step taken along with another).
 */
export const entryBy = (
  app: { id: string; number: string },
  actor: { personId: string | null; organizationId: string | null },
  at: Date,
  meta?: { ip?: string | null; userAgent?: string | null },
) => ({ applicationId: app.id, applicationNumber: app.number, personId: actor.personId, organizationId: actor.organizationId, at, ip: meta?.ip, userAgent: meta?.userAgent });

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields whose value changed. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const k of Object.keys(after)) if (!same(before[k], after[k])) out[k] = [before[k] ?? null, after[k] ?? null];
  return out;
}

export async function record(trx: Transaction<Database>, e: HistoryEntry): Promise<void> {
  const changes = e.changes ?? {};
  let merged = false;
  if (e.action === 'edited') {
    const last = await trx
      .selectFrom('permit_application_events')
      .select(['id', 'action', 'person_id', 'at', 'changes'])
      .where('application_id', '=', e.applicationId)
      .orderBy('id', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (last && last.action === 'edited' && last.person_id === e.personId && e.at.getTime() - new Date(last.at).getTime() < EDIT_COALESCE_MINUTES * 60_000) {
      const combined: Changes = { ...last.changes };
      for (const [k, [before, after]] of Object.entries(changes)) combined[k] = [k in combined ? combined[k][0] : before, after];
      for (const k of Object.keys(combined)) if (same(combined[k][0], combined[k][1])) delete combined[k];
      await trx.updateTable('permit_application_events').set({ changes: JSON.stringify(combined), at: e.at }).where('id', '=', last.id).execute();
      merged = true;
    }
  }
  if (!merged) {
    await trx
      .insertInto('permit_application_events')
      .values({
        application_id: e.applicationId,
        at: e.at,
        person_id: e.personId,
        organization_id: e.organizationId,
        action: e.action,
        from_status: e.fromStatus ?? null,
        to_status: e.toStatus ?? null,
        changes: JSON.stringify(changes),
        comment: e.comment ?? null,
      })
      .execute();
  }
  await audit(trx, {
    action: `application.${e.action}`,
    personId: e.personId,
    organizationId: e.organizationId,
    subjectType: 'permit_application',
    subjectId: e.applicationId,
    ip: e.ip ?? null,
    userAgent: e.userAgent ?? null,
    details: {
      number: e.applicationNumber,
      ...(e.fromStatus ? { from: e.fromStatus } : {}),
      ...(e.toStatus ? { to: e.toStatus } : {}),
      ...(Object.keys(changes).length ? { changes } : {}),
      ...(e.comment ? { comment: e.comment } : {}),
    },
  });
}

/** Bumps the version and the change time (every saved change and every step does). */
export async function touch(trx: Transaction<Database>, id: string, now: Date, set: Record<string, unknown> = {}): Promise<number> {
  const r = await trx
    .updateTable('permit_applications')
    .set({ ...set, version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}
