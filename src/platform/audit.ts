/**
 * The audit log: append-only (triggers refuse updates, deletes and truncation),
 * each entry carrying the SHA-256 of the one before, so that any change to
 * history breaks the chain (`verifyAuditChain`).
 *
 * The chain alone cannot show that its newest rows were deleted, or that a
 * row was rewritten and every hash after it recomputed (SHA-256 has no
 * secret): signed checkpoints of the head do (`src/features/audit/`).
 */
import crypto from 'node:crypto';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { AuditEventsTable, Database } from './db/schema.js';
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

/** A stored row of the log, as far as its hash is concerned. */
export type AuditRow = Pick<
  Selectable<AuditEventsTable>,
  'at' | 'action' | 'person_id' | 'organization_id' | 'subject_type' | 'subject_id' | 'ip' | 'user_agent' | 'details'
>;

/** The hash a row must carry given the hash before it (what `audit` computed when it appended the row). */
export function auditRowHash(prev: string, r: AuditRow): string {
  return entryHash(prev, new Date(r.at).toISOString(), {
    action: r.action,
    personId: r.person_id,
    organizationId: r.organization_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    ip: r.ip,
    userAgent: r.user_agent,
    details: r.details,
  });
}

/** A position in the log: the row `id`, its stored hash, and how many rows there are up to and including it. */
export interface ChainPoint {
  id: number;
  hash: string;
  count: number;
}

export interface ChainVerification {
  ok: boolean;
  /** Rows verified before the first broken one (all rows when `ok`). */
  checked: number;
  /** The first row whose links or hash do not hold. */
  brokenAt?: number;
  /** Rows in the log. */
  total: number;
  /** The last row (null for an empty log). */
  head: ChainPoint | null;
  /** The rows asked for in `points` that exist (id 0 = the empty log before the first row). */
  points: Map<number, ChainPoint>;
}

/**
 * Walks the whole log in id order. It checks that each row links to the one
 * before and carries the hash of its own content; it goes on after a break
 * (so that `total` and `points` describe the whole table) but reports the first.
 */
export async function verifyAuditChain(db: Db, opts: { points?: Iterable<number> } = {}): Promise<ChainVerification> {
  const wanted = new Set(opts.points ?? []);
  const points = new Map<number, ChainPoint>();
  if (wanted.has(0)) points.set(0, { id: 0, hash: GENESIS_HASH, count: 0 });
  let prev = GENESIS_HASH;
  let checked = 0;
  let total = 0;
  let brokenAt: number | undefined;
  let head: ChainPoint | null = null;
  let lastId = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('id', '>', lastId).orderBy('id').limit(5000).execute();
    if (!rows.length) break;
    for (const r of rows) {
      total++;
      if (brokenAt === undefined) {
        if (r.prev_hash !== prev || r.hash !== auditRowHash(prev, r)) brokenAt = r.id;
        else checked++;
      }
      prev = r.hash;
      lastId = r.id;
      head = { id: r.id, hash: r.hash, count: total };
      if (wanted.has(r.id)) points.set(r.id, head);
    }
  }
  return { ok: brokenAt === undefined, checked, ...(brokenAt === undefined ? {} : { brokenAt }), total, head, points };
}
