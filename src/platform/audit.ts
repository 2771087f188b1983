/**
 * The audit log: append-only (a trigger refuses updates and deletes), each
 * entry carrying the SHA-256 of the one before, so that any change to
 * history breaks the chain (`verifyAuditChain`).
 */
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from './db/schema.js';
import type { Db } from './db/pool.js';

export interface AuditEntry {
  action: string;
  personId?: string | null;
  organizationId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

function entryHash(prev: string, at: string, e: Required<Omit<AuditEntry, 'details'>> & { details: Record<string, unknown> }): string {
  const canonical = JSON.stringify([
    prev,
    at,
    e.action,
    e.personId,
    e.organizationId,
    e.subjectType,
    e.subjectId,
    e.ip,
    e.userAgent,
    sortedKeys(e.details),
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** jsonb does not keep key order, so the hash covers details with keys sorted (recursively). */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** Appends an entry inside the caller's transaction (chain order = commit order). */
export async function audit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const e = {
    action: entry.action,
    personId: entry.personId ?? null,
    organizationId: entry.organizationId ?? null,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
    details: entry.details ?? {},
  };
  await trx
    .insertInto('audit_events')
    .values({
      at: new Date(at),
      action: e.action,
      person_id: e.personId,
      organization_id: e.organizationId,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      ip: e.ip,
      user_agent: e.userAgent,
      details: JSON.stringify(e.details),
      prev_hash: prev,
      hash: entryHash(prev, at, e),
    })
    .execute();
}

/** Walks the whole log; returns the id of the first broken entry, if any. */
export async function verifyAuditChain(db: Db): Promise<{ ok: boolean; checked: number; brokenAt?: number }> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('id', '>', lastId).orderBy('id').limit(5000).execute();
    if (!rows.length) break;
    for (const r of rows) {
      const expected = entryHash(prev, new Date(r.at).toISOString(), {
        action: r.action,
        personId: r.person_id,
        organizationId: r.organization_id,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        ip: r.ip,
        userAgent: r.user_agent,
        details: r.details,
      });
      if (r.prev_hash !== prev || r.hash !== expected) return { ok: false, checked, brokenAt: r.id };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  return { ok: true, checked };
}
