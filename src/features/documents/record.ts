/**
 * What anyone holding a printout sees of a document: its registry record by
 * the printed code — kind, number, date, the facts and totals exactly as
 * printed, the files' hashes, the signer's certificate, and whether it is
 * valid or was annulled (when, why). Nothing that is not on the document:
 * no internal ids, no person who ordered or annulled it.
 */
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import { findByCode, verificationUrl, type DocumentRecord } from '../../platform/documents/registry.js';
import { formatDocumentCode } from '../../platform/documents/code.js';
import { formatDateRu, formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import { DOCUMENT_KIND_NAMES } from './annul-document.js';

export function publicRecord(ctx: Pick<AppContext, 'config'>, d: DocumentRecord) {
  return {
    code: formatDocumentCode(d.code),
    kind: d.kind,
    kindName: DOCUMENT_KIND_NAMES[d.kind] ?? 'Документ',
    number: d.number,
    date: formatMoscowDate(d.issuedAt),
    issuedAt: d.issuedAt.toISOString(),
    period: d.periodFrom && d.periodTo ? { from: d.periodFrom, to: d.periodTo, text: `с ${formatDateRu(d.periodFrom)} по ${formatDateRu(d.periodTo)}` } : null,
    status: d.status === 'annulled' ? ('annulled' as const) : ('valid' as const),
    statusText: d.status === 'annulled' ? `Аннулирован ${d.annulledAt ? formatMoscowDateTime(d.annulledAt) : ''} (МСК)`.replace('  ', ' ') : 'Действителен',
    annulledAt: d.annulledAt ? d.annulledAt.toISOString() : null,
    annulReason: d.annulReason,
    facts: d.facts,
    totals: d.totals,
    files: d.files.map((f) => ({ kind: f.kind, bytes: f.bytes, sha256: f.sha256, streebog: f.streebog, signatureSha256: f.signatureSha256 })),
    signer: d.signer
      ? {
          owner: d.signer.owner ?? null,
          organization: d.signer.organization ?? null,
          innLe: d.signer.innLe ?? null,
          ogrn: d.signer.ogrn ?? null,
          serialNumber: d.signer.serialNumber ?? null,
          issuer: d.signer.issuer ?? null,
          validFrom: d.signer.notBefore ?? null,
          validTo: d.signer.notAfter ?? null,
          fingerprint: d.signer.fingerprint ?? null,
          algorithm: d.signer.algorithm ?? null,
        }
      : null,
    signedAt: d.signedAt ? d.signedAt.toISOString() : null,
    timestampedAt: d.timestampedAt ? d.timestampedAt.toISOString() : null,
    url: verificationUrl(ctx.config, d.code),
  };
}

export type PublicRecord = ReturnType<typeof publicRecord>;

/** The record of an issued document by its printed code (as typed); 404 when there is none. */
export async function recordByCode(ctx: AppContext, code: string): Promise<PublicRecord> {
  const d = await findByCode(ctx.db, code);
  if (!d) throw notFound('Документ с таким кодом не найден в реестре выданных документов. Проверьте код: 15 знаков, например 7KQ2M-9XW4T-HB3RZ');
  return publicRecord(ctx, d);
}

/** The operator's support contacts, as documents print them. */
export function supportContacts(ctx: Pick<AppContext, 'config'>): { phone: string | null; email: string | null } {
  return { phone: ctx.config.support.phone, email: ctx.config.support.email };
}
