/**
 * Publishing a rendered PDF as a registry document: the PDF is stored under a fresh key and signed, then one
 * transaction records the files on the feature's row and completes the reserved document. When another run
 * recorded the document first (`record` answers false), the files just stored are removed again.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { fileStore } from '../files/index.js';
import type { OperatorSigner } from './operator-signer.js';
import { completeDocument } from './registry.js';
import { storeSignedPdf } from './stamp.js';
import type { DocumentFact } from './tables.js';

export type StoredSignedPdf = Awaited<ReturnType<typeof storeSignedPdf>>;

export async function publishSignedPdf(
  ctx: AppContext,
  op: OperatorSigner,
  d: { documentId: string; prefix: string; pdf: Buffer; signedAt: Date; facts: DocumentFact[]; totals: DocumentFact[] },
  /** Writes the stored files on the feature's row; false when that row was recorded already. */
  record: (trx: Transaction<Database>, signed: StoredSignedPdf) => Promise<boolean>,
): Promise<'done' | 'already'> {
  const store = fileStore(ctx.config);
  const signed = await storeSignedPdf(ctx.config, op.signer, store, { prefix: d.prefix, pdf: d.pdf, signedAt: d.signedAt });
  const recorded = await ctx.db.transaction().execute(async (trx) => {
    if (!(await record(trx, signed))) return false;
    await completeDocument(trx, {
      id: d.documentId,
      facts: d.facts,
      totals: d.totals,
      files: [signed.file],
      certificate: op.certificate,
      signedAt: d.signedAt,
      timestampedAt: signed.timestampedAt,
    });
    return true;
  });
  if (!recorded) {
    for (const k of [signed.key, signed.sigKey]) await store.delete(k).catch(() => {});
    return 'already';
  }
  return 'done';
}
