/**
 * Generates a statement's files: PDF and XLSX in one pass over its trips
 * (a server-side cursor, permit by permit), each hashed while written, then
 * both signed with the operator's `DocumentSigner` (CAdES-BES, or CAdES-T
 * with a configured TSA; ГОСТ Р 34.10-2012 / Стрибог) and registered in the
 * document registry under the code printed on them.
 *
 * Safe to run twice: every run writes temporary files; the final step locks
 * the statement row, and only if it is not ready yet renames the files into
 * place and, in the same transaction, records them, marks the statement
 * ready, and creates the user's task and notification. A failed run is
 * retried by the job queue; the last attempt marks the statement failed with
 * a reason the user reads.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { audit } from '../../platform/audit.js';
import { createTask } from '../tasks/tasks.js';
import { notify } from '../notifications/notify.js';
import { operatorSigner } from '../../platform/documents/operator-signer.js';
import { signDocumentFile } from '../../platform/documents/signer.js';
import { completeDocument, documentOf, failDocument, reserveDocument, signerRecord, verificationUrl, type DocumentFact, type DocumentRecord } from '../../platform/documents/registry.js';
import { formatDocumentCode } from '../../platform/documents/code.js';
import { typesetQuotes } from '../../domain/typography.js';
import { ACCEPTANCE_HEADINGS } from '../movement.js';
import { loadHeader, loadTotals, scopeOf, snapshotParties, streamTrips, type HeaderData, type StatementParties, type StatementRow, type Totals } from './queries.js';
import { HashingFile, absolutePath, removeTemporaries, statementFilePath, statementStore, writeSmallFile, type HashStats } from './files.js';
import { isoDateRu, movementLine, orgLine, renderStatementPdf, type StatementDocument } from './render-pdf.js';
import { renderStatementXlsx } from './render-xlsx.js';
import { tee } from './tee.js';
import { formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import type { StatementFileKind } from './tables.js';

export const STATEMENT_READY_TITLE = 'Уведомление о сформированных сведениях о результатах перемещения ОСС';

export interface GenerateResult {
  outcome: 'ready' | 'already_ready' | 'not_found' | 'failed' | 'retry';
  trips?: number;
  pages?: number;
  pdfBytes?: number;
  xlsxBytes?: number;
  hash?: HashStats;
  timings?: Record<string, number>;
}

export async function loadStatement(ctx: AppContext, id: string): Promise<StatementRow | undefined> {
  return ctx.db.selectFrom('statements').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The statement's registry record; one is reserved now for a statement ordered before the registry existed. */
export async function statementDocument(ctx: AppContext, st: StatementRow): Promise<DocumentRecord> {
  const found = await documentOf(ctx.db, 'statement', st.id);
  if (found) return found;
  await ctx.db.transaction().execute(async (trx) => {
    const parties = await snapshotParties(trx, { producerId: st.organization_id, siteId: st.site_id, permitIds: st.permit_ids });
    await reserveDocument(trx, { kind: 'statement', subjectId: st.id, number: st.number, issuedAt: new Date(st.ordered_at), organizationId: st.organization_id, parties: parties as unknown as Record<string, unknown>, periodFrom: st.period_from, periodTo: st.period_to });
  });
  return (await documentOf(ctx.db, 'statement', st.id))!;
}

/** What the registry shows of a statement: its facts and totals, as printed. */
export function registryFacts(d: StatementDocument): { facts: DocumentFact[]; totals: DocumentFact[] } {
  const h: HeaderData = d.header;
  const t: Totals = d.totals;
  return {
    facts: [
      { label: 'Документ', value: `Сведения о результатах перемещения ОСС № ${d.number}` },
      { label: 'Дата', value: formatMoscowDate(d.orderedAt) },
      { label: 'Код проверки', value: formatDocumentCode(d.code) },
      { label: 'Информационный оператор', value: orgLine(h.operator) },
      { label: 'Отходопроизводитель', value: orgLine(h.producer) },
      { label: 'Объект образования ОСС', value: typesetQuotes(h.site.name) },
      { label: 'Адрес объекта', value: h.site.address },
      { label: h.site.cadastralNumbers.length > 1 ? 'Кадастровые номера' : 'Кадастровый номер', value: h.site.cadastralNumbers.join(', ') || '—' },
      { label: 'Период', value: `с ${isoDateRu(d.periodFrom)} по ${isoDateRu(d.periodTo)} включительно` },
      ...h.permits.map((p) => ({ label: 'Разрешение', value: p.number })),
      { label: 'Данные зафиксированы', value: `${formatMoscowDateTime(d.orderedAt)} (МСК)` },
    ],
    totals: [
      { label: 'Рейсов в сведениях', value: t.trips.toLocaleString('ru-RU').replace(/\u00a0/g, ' ') },
      { label: ACCEPTANCE_HEADINGS.accepted, value: movementLine(t.movement.accepted) },
      { label: ACCEPTANCE_HEADINGS.awaiting, value: movementLine(t.movement.awaiting) },
      { label: ACCEPTANCE_HEADINGS.rejected, value: movementLine(t.movement.rejected) },
      { label: 'Не вошли (не сформированы к моменту фиксации)', value: `${t.notFormed.trips} рейс.` },
    ],
  };
}

/** A reason the user can act on; internals stay in the log. */
export function failureReason(e: unknown, attempts: number): string {
  const code = (e as { code?: string }).code;
  const tail = `Попыток: ${attempts}. Закажите сведения повторно; если ошибка повторится, обратитесь в службу поддержки.`;
  if (code === 'ENOSPC') return `Не удалось сохранить файлы сведений: на сервере закончилось место. ${tail}`;
  if (code === 'EACCES' || code === 'EROFS') return `Не удалось сохранить файлы сведений: хранилище файлов недоступно для записи. ${tail}`;
  const name = (e as { name?: string }).name;
  if (name === 'SigningError' || name === 'CertificateError' || name === 'OperatorKeyError') {
    return `Не удалось подписать документ электронной подписью информационного оператора: ключ или сертификат подписи недоступен. ${tail}`;
  }
  if (code && /^(08|57P|53)/.test(code)) return `Не удалось сформировать сведения: база данных была недоступна. ${tail}`;
  return `Не удалось сформировать сведения из-за внутренней ошибки. ${tail}`;
}

export async function generateStatement(
  ctx: AppContext,
  statementId: string,
  meta: { attempt: number; maxAttempts: number; signal?: AbortSignal } = { attempt: 1, maxAttempts: 1 },
): Promise<GenerateResult> {
  const st = await loadStatement(ctx, statementId);
  if (!st) return { outcome: 'not_found' };
  if (st.status === 'ready') return { outcome: 'already_ready' };
  await ctx.db
    .updateTable('statements')
    .set({ status: 'running', attempts: meta.attempt, started_at: new Date(), progress: 0, error: null })
    .where('id', '=', statementId)
    .where('status', '<>', 'ready')
    .execute();
  try {
    return await produce(ctx, st, meta.signal);
  } catch (e) {
    // Aborted: the job queue gave this run up (its lease passed to another run, or the worker stops); the statement is theirs.
    if (meta.signal?.aborted) throw e;
    if (meta.attempt >= meta.maxAttempts) {
      const reason = failureReason(e, meta.attempt);
      console.error(`statement ${st.number}: generation failed for good`, e);
      await markFailed(ctx, st, reason);
      return { outcome: 'failed' };
    }
    await ctx.db
      .updateTable('statements')
      .set({ status: 'queued', progress: 0 })
      .where('id', '=', statementId)
      .where('status', '=', 'running')
      .execute();
    throw e;
  }
}

export async function markFailed(ctx: AppContext, st: StatementRow, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('statements')
      .set({ status: 'failed', error: reason, failed_at: new Date() })
      .where('id', '=', st.id)
      .where('status', '<>', 'ready')
      .returning('id')
      .executeTakeFirst();
    if (!row) return;
    const doc = await documentOf(trx, 'statement', st.id);
    if (doc) await failDocument(trx, doc.id);
    await notify(trx, ctx, {
      organizationId: st.organization_id,
      personId: st.ordered_by,
      title: `Сведения № ${st.number} не сформированы`,
      body: reason,
      link: `/statements/${st.id}`,
      email: 'statement.failed',
    });
    await audit(trx, {
      action: 'statement.failed',
      personId: st.ordered_by,
      organizationId: st.organization_id,
      subjectType: 'statement',
      subjectId: st.id,
      details: { number: st.number, reason },
    });
  });
}

async function produce(ctx: AppContext, st: StatementRow, signal?: AbortSignal): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = Math.round(t - t0);
    t0 = t;
  };
  removeTemporaries(ctx, st.id);
  const op = await operatorSigner(ctx);
  const scope = scopeOf(st);
  const record = await statementDocument(ctx, st);
  const parties = record.parties as unknown as StatementParties;
  const [header, totals] = await Promise.all([loadHeader(ctx.db, st, parties), loadTotals(ctx.db, scope, ctx.config.tripFormationHours)]);
  lap('totals');
  const cert = op.certificate;
  const input: StatementDocument = {
    number: st.number,
    orderedAt: new Date(st.ordered_at),
    periodFrom: st.period_from,
    periodTo: st.period_to,
    cutoff: new Date(st.formation_cutoff),
    formationHours: ctx.config.tripFormationHours,
    header,
    totals,
    signer: signerRecord(cert),
    timestamped: ctx.config.tsp.url !== null,
    code: record.code,
    verifyUrl: verificationUrl(ctx.config, record.code),
    support: ctx.config.support,
  };

  const hash: HashStats = { streebogBytes: 0, streebogMs: 0 };
  const path = (kind: StatementFileKind) => absolutePath(ctx, statementFilePath(st.id, kind));
  const pdf = new HashingFile(path('pdf'), hash, op.signer.digestBits);
  const xlsx = new HashingFile(path('xlsx'), hash, op.signer.digestBits);
  const temporaries: { discard(): void }[] = [pdf, xlsx];
  try {
    // Progress: at most every 0.5 s.
    let lastReport = Date.now();
    const total = Math.max(1, totals.trips);
    const report = async (done: number) => {
      signal?.throwIfAborted();
      if (Date.now() - lastReport < 500) return;
      lastReport = Date.now();
      const progress = Math.min(0.95, (0.95 * done) / total);
      await ctx.db.updateTable('statements').set({ progress }).where('id', '=', st.id).where('status', '=', 'running').execute();
    };
    const [forPdf, forXlsx] = tee(streamTrips(ctx, scope, header.permits), 2);
    let streamed = 0;
    const results = await Promise.allSettled([
      renderStatementPdf({
        input,
        tripCount: totals.trips,
        trips: forPdf,
        write: (c) => pdf.write(c),
        onBatch: async (done) => {
          streamed = done;
          await pdf.drained();
          await report(done);
        },
      }),
      renderStatementXlsx({ input, trips: forXlsx, write: (c) => xlsx.write(c), onBatch: () => xlsx.drained() }),
    ]);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
    const pages = (results[0] as PromiseFulfilledResult<{ pages: number }>).value.pages;
    if (streamed !== totals.trips) throw new Error(`trip stream (${streamed}) and totals (${totals.trips}) disagree`);
    const [pdfDone, xlsxDone] = await Promise.all([pdf.finish(), xlsx.finish()]);
    lap('render');

    const signedAt = ctx.now();
    const tsp = ctx.config.tsp.url ? { url: ctx.config.tsp.url, timeoutSeconds: ctx.config.tsp.timeoutSeconds } : null;
    const pdfSigned = await signDocumentFile(op.signer, { path: pdf.tmpPath, digest: pdfDone.streebog, signingTime: signedAt }, tsp);
    const xlsxSigned = await signDocumentFile(op.signer, { path: xlsx.tmpPath, digest: xlsxDone.streebog, signingTime: signedAt }, tsp);
    const pdfSig = writeSmallFile(path('pdf.sig'), pdfSigned.signature);
    temporaries.push(pdfSig);
    const xlsxSig = writeSmallFile(path('xlsx.sig'), xlsxSigned.signature);
    temporaries.push(xlsxSig);
    lap('sign');
    const facts = registryFacts(input);

    const store = statementStore(ctx);
    const files: { kind: StatementFileKind; bytes: number; sha256: string; commit(): Promise<void> }[] = [
      { kind: 'pdf', bytes: pdfDone.bytes, sha256: pdfDone.sha256, commit: () => pdf.commit(store, statementFilePath(st.id, 'pdf')) },
      { kind: 'xlsx', bytes: xlsxDone.bytes, sha256: xlsxDone.sha256, commit: () => xlsx.commit(store, statementFilePath(st.id, 'xlsx')) },
      { kind: 'pdf.sig', bytes: pdfSig.bytes, sha256: pdfSig.sha256, commit: () => pdfSig.store(store, statementFilePath(st.id, 'pdf.sig')) },
      { kind: 'xlsx.sig', bytes: xlsxSig.bytes, sha256: xlsxSig.sha256, commit: () => xlsxSig.store(store, statementFilePath(st.id, 'xlsx.sig')) },
    ];
    const committed = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('statements').select('status').where('id', '=', st.id).forUpdate().executeTakeFirstOrThrow();
      if (row.status === 'ready') return false;
      // Stored under the row lock: a run that lost the race (the statement already ready) never replaces the files its rows name.
      for (const f of files) await f.commit();
      for (const f of files) {
        await trx
          .insertInto('statement_files')
          .values({ statement_id: st.id, kind: f.kind, path: statementFilePath(st.id, f.kind), bytes: f.bytes, sha256: f.sha256 })
          .onConflict((oc) => oc.columns(['statement_id', 'kind']).doUpdateSet({ bytes: f.bytes, sha256: f.sha256, path: statementFilePath(st.id, f.kind), created_at: sql`now()` }))
          .execute();
      }
      await trx
        .updateTable('statements')
        .set({
          status: 'ready',
          progress: 1,
          error: null,
          ready_at: new Date(),
          trip_count: totals.trips,
          signer_serial: cert.serialNumber,
          signed_at: signedAt,
        })
        .where('id', '=', st.id)
        .execute();
      await completeDocument(trx, {
        id: record.id,
        facts: facts.facts,
        totals: facts.totals,
        files: [
          { kind: 'pdf', bytes: pdfDone.bytes, sha256: pdfDone.sha256, streebog: pdfDone.streebog.toString('hex'), signatureSha256: pdfSig.sha256 },
          { kind: 'xlsx', bytes: xlsxDone.bytes, sha256: xlsxDone.sha256, streebog: xlsxDone.streebog.toString('hex'), signatureSha256: xlsxSig.sha256 },
        ],
        certificate: cert,
        signedAt,
        timestampedAt: pdfSigned.timestampedAt,
      });
      await createTask(trx, {
        organizationId: st.organization_id,
        personId: st.ordered_by,
        kind: 'statement_ready',
        title: STATEMENT_READY_TITLE,
        payload: { statementId: st.id, number: st.number },
      });
      await notify(trx, ctx, {
        organizationId: st.organization_id,
        personId: st.ordered_by,
        title: `Сведения № ${st.number} сформированы`,
        body: `Сведения о результатах перемещения ОСС за период с ${isoDateRu(st.period_from)} по ${isoDateRu(st.period_to)}: ${totals.trips} рейсов, из них принято объектами приёма ${totals.movement.accepted.trips}. Файлы PDF и XLSX подписаны электронной подписью информационного оператора; код проверки ${formatDocumentCode(record.code)}.`,
        link: `/statements/${st.id}`,
        email: 'statement.ready',
      });
      await audit(trx, {
        action: 'statement.ready',
        personId: st.ordered_by,
        organizationId: st.organization_id,
        subjectType: 'statement',
        subjectId: st.id,
        details: { number: st.number, code: record.code, trips: totals.trips, pdfSha256: pdfDone.sha256, xlsxSha256: xlsxDone.sha256 },
      });
      return true;
    });
    if (!committed) {
      for (const t of temporaries) t.discard();
      return { outcome: 'already_ready' };
    }
    lap('commit');
    return { outcome: 'ready', trips: totals.trips, pages, pdfBytes: pdfDone.bytes, xlsxBytes: xlsxDone.bytes, hash, timings };
  } catch (e) {
    for (const t of temporaries) {
      try {
        t.discard();
      } catch {
        /* already renamed or gone */
      }
    }
    throw e;
  }
}
