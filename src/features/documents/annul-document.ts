/**
 * The operator annuls an issued document, with a reason: the registry record
 * then says so (when, why) on its public page and in every verification of
 * its files. One transaction holds the change, its audit event and the
 * notice to the document's organization.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { annulDocument, type DocumentRecord } from '../../platform/documents/registry.js';
import { formatDocumentCode } from '../../platform/documents/code.js';
import { formatMoscowDateTime } from '../../domain/period.js';
import { cleanText } from '../organizations/profile.js';
import { notify } from '../notifications/notify.js';

export const DOCUMENT_KIND_NAMES: Record<string, string> = {
  statement: 'Сведения о результатах перемещения ОСС',
  permit: 'Разрешение на перемещение ОСС',
  service_act: 'Акт оказанных услуг',
  invoice: 'Счёт на оплату',
  meeting_notice: 'Сообщение о проведении общего собрания собственников помещений в МКД',
  meeting_ballots: 'Решения собственников (бюллетени) общего собрания',
  meeting_protocol: 'Протокол общего собрания собственников помещений в МКД',
};

export function checkAnnulReason(raw: unknown): string {
  const r = cleanText(raw, { field: 'reason', label: 'Причина аннулирования', min: 5, max: 1000 });
  if (!r.ok) throw invalid(r.error);
  return r.value;
}

/** Annuls in a transaction of its own (the route's use-case). */
export function annulDocumentByCode(o: { ctx: AppContext; actor: Actor; code: string; reason: unknown; ip?: string | null; userAgent?: string | null }): Promise<DocumentRecord> {
  return o.ctx.db.transaction().execute((trx) => annulIssuedDocument(trx, o));
}

export async function annulIssuedDocument(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; code: string; reason: unknown; ip?: string | null; userAgent?: string | null },
): Promise<DocumentRecord> {
  const reason = checkAnnulReason(o.reason);
  const at = o.ctx.now();
  const r = await annulDocument(trx, { code: o.code, reason, personId: o.actor.personId, at });
  if (r === 'not_found' || r === 'not_issued') throw notFound('Документ с таким кодом не найден в реестре выданных документов');
  if (r === 'already_annulled') throw new AppError('conflict', 'Документ уже аннулирован');
  await audit(trx, {
    action: 'document.annulled',
    personId: o.actor.personId,
    organizationId: o.actor.organizationId,
    subjectType: 'document',
    subjectId: r.id,
    ip: o.ip ?? null,
    userAgent: o.userAgent ?? null,
    details: { code: r.code, kind: r.kind, number: r.number, reason },
  });
  if (r.organizationId) {
    await notify(trx, o.ctx, {
      organizationId: r.organizationId,
      personId: null,
      title: `${DOCUMENT_KIND_NAMES[r.kind] ?? 'Документ'} № ${r.number} аннулированы информационным оператором`,
      body: `${formatMoscowDateTime(at)} (МСК) документ с кодом проверки ${formatDocumentCode(r.code)} аннулирован. Причина: ${reason}`,
      link: `/d/${r.code}`,
    });
  }
  return r;
}
