/**
 * The operator suspends (`suspended`) or restores (`active`) a register entry's access, with a
 * reason (1386-ПП п. 7.2): the checks, the history step and the notice to the entry's owner, in the
 * caller's transaction. Organizations and receiving facilities both go through here; each keeps its
 * own row update and texts.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { notify } from '../notifications/notify.js';
import { recordChange } from './changes.js';
import type { RegisterEntity } from './tables.js';

export type AccessStatus = 'active' | 'suspended';

/** The reason with its white space folded; refused (422 on `reason`) when empty. */
export function requiredReason(reason: string): string {
  const r = reason.trim().replace(/\s+/g, ' ');
  if (!r) throw invalid({ field: 'reason', message: 'Причина: обязательное поле' });
  return r;
}

/** Refuses (409 register_status) a step to the status the entry already has; `access` names it, e.g. «Доступ объекта приёма 77-…». */
export function checkStatusChanges(access: string, from: AccessStatus, to: AccessStatus): void {
  if (from === to) throw new AppError('register_status', to === 'suspended' ? `${access} уже приостановлен` : `${access} не приостановлен`);
}

export interface StatusChange {
  ctx: AppContext;
  actor: Actor;
  entity: RegisterEntity;
  entityId: string;
  /** The entry's version after the change. */
  version: number;
  from: AccessStatus;
  to: AccessStatus;
  reason: string;
  ip?: string | null;
  userAgent?: string | null;
  details: Record<string, unknown>;
  /** The cabinet notice to the entry's owner. */
  notice: { organizationId: string; title: string; body: string; link: string };
}

/** The history step (`suspended` or `reactivated`) and the owner's notice of a status change already written to its row. */
export async function recordStatusChange(trx: Transaction<Database>, s: StatusChange): Promise<void> {
  await recordChange(trx, {
    entity: s.entity,
    entityId: s.entityId,
    version: s.version,
    action: s.to === 'suspended' ? 'suspended' : 'reactivated',
    reason: s.reason,
    changes: { status: [s.from, s.to] },
    organizationId: s.actor.organizationId,
    personId: s.actor.personId,
    ip: s.ip,
    userAgent: s.userAgent,
    details: s.details,
  });
  await notify(trx, s.ctx, { organizationId: s.notice.organizationId, personId: null, title: s.notice.title, body: s.notice.body, link: s.notice.link });
}
