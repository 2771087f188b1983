/**
 * The history of register entries («История изменений»): one `register_changes`
 * row and one audit event per step, written in the caller's transaction.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import { audit } from '../../platform/audit.js';
import type { RegisterAction, RegisterEntity } from './tables.js';

export type Changes = Record<string, [unknown, unknown]>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only the fields whose value changed: {field: [before, after]}. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const k of Object.keys(after)) if (!same(before[k], after[k])) out[k] = [before[k] ?? null, after[k] ?? null];
  return out;
}

export interface ChangeEntry {
  entity: RegisterEntity;
  entityId: string;
  version: number;
  action: RegisterAction;
  changes?: Changes;
  reason?: string | null;
  /** The organization that acted (the owner, or the operator). */
  organizationId: string;
  personId: string;
  ip?: string | null;
  userAgent?: string | null;
  /** Extra audit details (e.g. the other carrier of a transfer). */
  details?: Record<string, unknown>;
}

export async function recordChange(trx: Transaction<Database>, e: ChangeEntry): Promise<void> {
  await trx
    .insertInto('register_changes')
    .values({
      entity: e.entity,
      entity_id: e.entityId,
      version: e.version,
      action: e.action,
      changes: JSON.stringify(e.changes ?? {}),
      reason: e.reason ?? null,
      organization_id: e.organizationId,
      person_id: e.personId,
    })
    .execute();
  await audit(trx, {
    action: `register.${e.entity}.${e.action}`,
    personId: e.personId,
    organizationId: e.organizationId,
    subjectType: e.entity,
    subjectId: e.entityId,
    ip: e.ip ?? null,
    userAgent: e.userAgent ?? null,
    details: { version: e.version, fields: Object.keys(e.changes ?? {}), ...(e.reason ? { reason: e.reason } : {}), ...(e.details ?? {}) },
  });
}

export interface HistoryItem {
  id: number;
  at: string;
  action: RegisterAction;
  version: number;
  personName: string | null;
  organizationName: string | null;
  reason: string | null;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

/** The entry's history, newest first (the caller has checked that the entry is visible). */
export async function registerHistory(db: Db, entity: RegisterEntity, entityId: string, opts: { onlyOrganizationId?: string } = {}): Promise<HistoryItem[]> {
  const rows = await db
    .selectFrom('register_changes as c')
    .leftJoin('persons as p', 'p.id', 'c.person_id')
    .leftJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.at', 'c.action', 'c.version', 'c.reason', 'c.changes', 'p.full_name as personName', sql<string | null>`coalesce(o.short_name, o.name)`.as('organizationName')])
    .where('c.entity', '=', entity)
    .where('c.entity_id', '=', entityId)
    // An entry that changed hands (a vehicle): the holder sees its own steps and the transfers, not the people of the previous holder.
    .$if(opts.onlyOrganizationId !== undefined, (q) => q.where((eb) => eb.or([eb('c.organization_id', '=', opts.onlyOrganizationId!), eb('c.action', '=', 'transferred')])))
    .orderBy('c.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    action: r.action,
    version: r.version,
    personName: r.personName,
    organizationName: r.organizationName,
    reason: r.reason,
    changes: Object.entries(r.changes ?? {}).map(([field, [before, after]]) => ({ field, before, after })),
  }));
}
