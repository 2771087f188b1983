/**
 * The registry of issued documents. A feature that issues a document
 *
 *  1. reserves its record when the document is ordered (`reserveDocument`, in
 *     the ordering transaction): the verification code printed on it, and the
 *     parties as they are at that moment (the document prints them as of its
 *     time, whatever changes later);
 *  2. renders its files with the code and `verificationUrl(code)` (QR code);
 *  3. signs each file with `signDocumentFile` (signer.ts);
 *  4. completes the record (`completeDocument`) in the transaction that makes
 *     the document available: the facts and totals as printed, the files'
 *     hashes, the signer's certificate — status `valid`.
 *
 * Anyone holding a printout opens the record by its code (`findByCode`); an
 * uploaded file is found by its hash (`findByFileHash`). The operator may
 * annul a document with a reason (`annulDocument`); the record then says so.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/pool.js';
import type { Config } from '../config.js';
import type { ParsedCertificate } from '../signing/index.js';
import { newDocumentCode, normalizeDocumentCode } from './code.js';
import type { DocumentFact, DocumentStatus } from './tables.js';

export type { DocumentFact, DocumentStatus } from './tables.js';

/** Link printed (and QR-encoded) on a document: the public page of its record. */
export function verificationUrl(config: Pick<Config, 'publicUrl'>, code: string): string {
  return `${config.publicUrl}/d/${code}`;
}

/** What a document is about: the fields given when its record is reserved and shown by the record. */
interface DocumentSubject {
  kind: string;
  subjectId: string;
  number: string;
  issuedAt: Date;
  organizationId: string | null;
  parties: Record<string, unknown>;
}

export interface ReserveInput extends DocumentSubject {
  periodFrom?: string | null;
  periodTo?: string | null;
}

/** Reserves the record of a document being ordered (idempotent per kind and subject). Returns its id and code. */
export async function reserveDocument(trx: Transaction<Database>, d: ReserveInput): Promise<{ id: string; code: string }> {
  for (let attempt = 0; ; attempt++) {
    const row = await trx
      .insertInto('documents')
      .values({
        code: newDocumentCode(),
        kind: d.kind,
        subject_id: d.subjectId,
        number: d.number,
        issued_at: d.issuedAt,
        organization_id: d.organizationId,
        parties: JSON.stringify(d.parties),
        period_from: d.periodFrom ?? null,
        period_to: d.periodTo ?? null,
      })
      .onConflict((oc) => oc.columns(['kind', 'subject_id']).doNothing())
      .returning(['id', 'code'])
      .executeTakeFirst()
      .catch((e: { code?: string; constraint?: string }) => {
        // 75 random bits: a collision of codes is astronomically unlikely, but never fatal.
        if (e.code === '23505' && e.constraint === 'documents_code_key' && attempt < 3) return 'retry' as const;
        throw e;
      });
    if (row === 'retry') continue;
    if (row) return row;
    return trx.selectFrom('documents').select(['id', 'code']).where('kind', '=', d.kind).where('subject_id', '=', d.subjectId).executeTakeFirstOrThrow();
  }
}

export interface DocumentRecord extends DocumentSubject {
  id: string;
  code: string;
  facts: DocumentFact[];
  totals: DocumentFact[];
  periodFrom: string | null;
  periodTo: string | null;
  status: DocumentStatus;
  signer: SignerRecord | null;
  signerCertificate: string | null;
  signedAt: Date | null;
  timestampedAt: Date | null;
  annulledAt: Date | null;
  annulReason: string | null;
  files: { kind: string; bytes: number; sha256: string; streebog: string; signatureSha256: string }[];
}

/** What the registry keeps of the signer's certificate (all of it is printed in the document's stamp). */
export interface SignerRecord {
  owner: string;
  organization: string | null;
  innLe: string | null;
  ogrn: string | null;
  serialNumber: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  fingerprint: string;
  algorithm: string;
}

export function signerRecord(c: ParsedCertificate): SignerRecord {
  const s = c.subject;
  const bits = c.publicKey.key?.curve.bits ?? 256;
  return {
    owner: s.commonName ?? s.organization ?? s.text,
    organization: s.organization ?? null,
    innLe: s.innLe ?? null,
    ogrn: s.ogrn ?? null,
    serialNumber: c.serialNumber,
    issuer: c.issuer.commonName ?? c.issuer.text,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    fingerprint: c.fingerprint,
    algorithm: `ГОСТ Р 34.10-2012 (${bits} бит), ГОСТ Р 34.11-2012 (Стрибог-${bits})`,
  };
}

const base = (db: Db | Transaction<Database>) =>
  db
    .selectFrom('documents as d')
    .selectAll('d')
    .select(
      sql<DocumentRecord['files']>`coalesce((select json_agg(json_build_object('kind', f.kind, 'bytes', f.bytes, 'sha256', f.sha256, 'streebog', f.streebog, 'signatureSha256', f.signature_sha256) order by f.kind)
        from document_files f where f.document_id = d.id), '[]')`.as('files'),
    );

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function present(r: Row): DocumentRecord {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    subjectId: r.subject_id,
    number: r.number,
    issuedAt: new Date(r.issued_at),
    organizationId: r.organization_id,
    parties: r.parties,
    facts: r.facts,
    totals: r.totals,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    status: r.status,
    signer: (r.signer as SignerRecord | null) ?? null,
    signerCertificate: r.signer_certificate,
    signedAt: r.signed_at ? new Date(r.signed_at) : null,
    timestampedAt: r.timestamped_at ? new Date(r.timestamped_at) : null,
    annulledAt: r.annulled_at ? new Date(r.annulled_at) : null,
    annulReason: r.annul_reason,
    files: r.files.map((f) => ({ ...f, bytes: Number(f.bytes) })),
  };
}

/** The record of a feature's document (any status). */
export async function documentOf(db: Db | Transaction<Database>, kind: string, subjectId: string): Promise<DocumentRecord | undefined> {
  const r = await base(db).where('d.kind', '=', kind).where('d.subject_id', '=', subjectId).executeTakeFirst();
  return r ? present(r) : undefined;
}

/** An issued (valid or annulled) document by its printed code as typed; undefined when there is none. */
export async function findByCode(db: Db, typed: string): Promise<DocumentRecord | undefined> {
  const code = normalizeDocumentCode(typed);
  if (!code) return undefined;
  const r = await base(db).where('d.code', '=', code).where('d.status', 'in', ['valid', 'annulled']).executeTakeFirst();
  return r ? present(r) : undefined;
}

/** The issued document one of whose files has this SHA-256, and which file it is. */
export async function findByFileHash(db: Db, sha256: string): Promise<{ document: DocumentRecord; fileKind: string } | undefined> {
  const f = await db
    .selectFrom('document_files as f')
    .innerJoin('documents as d', 'd.id', 'f.document_id')
    .select(['f.document_id', 'f.kind'])
    .where('f.sha256', '=', sha256)
    .where('d.status', 'in', ['valid', 'annulled'])
    .orderBy('d.issued_at', 'desc')
    .executeTakeFirst();
  if (!f) return undefined;
  const r = await base(db).where('d.id', '=', f.document_id).executeTakeFirstOrThrow();
  return { document: present(r), fileKind: f.kind };
}

export interface CompleteInput {
  id: string;
  facts: DocumentFact[];
  totals: DocumentFact[];
  files: { kind: string; bytes: number; sha256: string; streebog: string; signatureSha256: string }[];
  certificate: ParsedCertificate;
  signedAt: Date;
  timestampedAt: Date | null;
}

/** Completes a reserved record: the document is issued (status valid). Call in the transaction that publishes it. */
export async function completeDocument(trx: Transaction<Database>, c: CompleteInput): Promise<void> {
  await trx.deleteFrom('document_files').where('document_id', '=', c.id).execute();
  if (c.files.length) await trx.insertInto('document_files').values(c.files.map((f) => ({ document_id: c.id, kind: f.kind, bytes: f.bytes, sha256: f.sha256, streebog: f.streebog, signature_sha256: f.signatureSha256 }))).execute();
  await trx
    .updateTable('documents')
    .set({
      facts: JSON.stringify(c.facts),
      totals: JSON.stringify(c.totals),
      status: 'valid',
      signer: JSON.stringify(signerRecord(c.certificate)),
      signer_certificate: c.certificate.pem,
      signed_at: c.signedAt,
      timestamped_at: c.timestampedAt,
    })
    .where('id', '=', c.id)
    .where('status', '=', 'preparing')
    .execute();
}

/** Marks a reserved record as never issued (the document could not be made). */
export async function failDocument(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.updateTable('documents').set({ status: 'failed' }).where('id', '=', id).where('status', '=', 'preparing').execute();
}

/**
 * Annuls an issued document (the operator's decision, with a reason). Returns the record, or
 * 'not_found' / 'not_issued' / 'already_annulled'.
 */
export async function annulDocument(
  trx: Transaction<Database>,
  a: { code: string; reason: string; personId: string; at: Date },
): Promise<DocumentRecord | 'not_found' | 'not_issued' | 'already_annulled'> {
  const code = normalizeDocumentCode(a.code);
  if (!code) return 'not_found';
  const row = await trx.selectFrom('documents').select(['id', 'status']).where('code', '=', code).forUpdate().executeTakeFirst();
  if (!row) return 'not_found';
  if (row.status === 'annulled') return 'already_annulled';
  if (row.status !== 'valid') return 'not_issued';
  await trx.updateTable('documents').set({ status: 'annulled', annulled_at: a.at, annulled_by: a.personId, annul_reason: a.reason }).where('id', '=', row.id).execute();
  return present(await base(trx).where('d.id', '=', row.id).executeTakeFirstOrThrow());
}
