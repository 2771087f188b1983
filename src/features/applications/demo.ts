/**
 * Demo step (AFTER_DEMO_SEED): permit applications of ООО «СтройМонолит» in
 * every status — a draft, one under review, one awaiting more (with its
 * thread), one approved (its permit issued), one rejected, one withdrawn —
 * and an amendment of a demo permit under review. Made through the same
 * use-cases as the cabinet, so history, tasks and notices are real.
 */
import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import PDFDocument from 'pdfkit';
import type { AppContext } from '../../platform/context.js';
import { loadActor, type Actor } from '../../platform/http/auth.js';
import { moscowDate } from '../../domain/period.js';
import { shiftDate } from '../../domain/working-days.js';
import { FONT_REGULAR } from '../../platform/documents/index.js';
import type { DemoSeedInfo } from '../demo/types.js';
import { createDraft, patchApplication } from './draft.js';
import { decideApplication, requestInfo, submitApplication, withdrawApplication } from './transitions.js';
import { addAttachment, storeDocument } from './attachments.js';
import { postMessage } from './messages.js';
import type { ApplicationCard } from './queries.js';

async function actorFor(ctx: AppContext, email: string, orgId: string): Promise<Actor> {
  const p = await ctx.db.selectFrom('persons').select(['id', 'full_name']).where('email', '=', email).executeTakeFirstOrThrow();
  const a = await loadActor(ctx.db, { personId: p.id, personName: p.full_name, sessionId: null, tokenId: null, organizationId: orgId }, orgId);
  if (!a) throw new Error(`demo: ${email} is not a member`);
  return a;
}

/** A small real PDF with a title, for demo attachments. */
export function demoPdf(title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: title, CreationDate: new Date(Date.UTC(2026, 0, 1)) } });
  doc.registerFont('R', FONT_REGULAR);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('R').fontSize(14).text(title).moveDown().fontSize(10).text('Демонстрационный документ АИС «ОССиГ».');
  doc.end();
  return done;
}

async function attach(ctx: AppContext, actor: Actor, id: string, kind: 'regulation' | 'carrier_contract' | 'facility_contract' | 'other', name: string) {
  const buf = await demoPdf(name.replace(/\.pdf$/, ''));
  const doc = await storeDocument(ctx, { applicationId: id, fileName: name, stream: Readable.from([buf]), isTruncated: () => false });
  await addAttachment(ctx, { actor, id, kind, doc });
}

export async function applicationsDemoHook(ctx: AppContext, info: DemoSeedInfo): Promise<void> {
  const producerId = info.orgIds.get('producer');
  const operatorId = info.orgIds.get('operator');
  const site1 = info.siteIds.get('s1');
  const site2 = info.siteIds.get('s2');
  if (!producerId || !operatorId || !site1 || !site2) return;
  const producer = await actorFor(ctx, 'producer@ossig.test', producerId);
  const operator = await actorFor(ctx, 'operator@ossig.test', operatorId);
  const facilities = await ctx.db.selectFrom('facilities').select(['id', 'organization_id']).orderBy('number').execute();
  const facility = facilities.find((f) => f.organization_id === info.orgIds.get('facility'))?.id;
  const facility2 = facilities.find((f) => f.organization_id === info.orgIds.get('facility2'))?.id;
  const carrierInn = (await ctx.db.selectFrom('organizations').select('inn').where('id', '=', info.orgIds.get('carrier')!).executeTakeFirstOrThrow()).inn;
  const carrier2Inn = (await ctx.db.selectFrom('organizations').select('inn').where('id', '=', info.orgIds.get('carrier2')!).executeTakeFirstOrThrow()).inn;
  if (!facility || !facility2) return;
  const today = moscowDate(ctx.now());
  const hookStarted = new Date();

  const tx = <T>(fn: (trx: Transaction<Database>) => Promise<T>) => ctx.db.transaction().execute(fn);

  /** A complete application of the first permit kind, as a draft. */
  const complete = async (site: string, comment: string): Promise<ApplicationCard> => {
    let a = await tx((trx) => createDraft(trx, { ctx, actor: producer, input: { kind: 'permit', siteId: site } }));
    a = await tx((trx) =>
      patchApplication(trx, {
        ctx,
        actor: producer,
        id: a.id,
        input: {
          version: a.version,
          general: { worksFrom: today, worksTo: shiftDate(today, 180), district: site === site1 ? 'ЮЗАО' : 'ЮАО', comment },
          lines: [
            { wasteCode: '81110001495', volume: '4500', mass: '7875', facilityObjectIds: [facility, facility2] },
            { wasteCode: '81220101205', volume: '800', facilityObjectIds: [facility] },
          ],
          carriers: [{ inn: carrierInn }],
        },
      }),
    );
    await attach(ctx, producer, a.id, 'regulation', 'Технологический регламент.pdf');
    await attach(ctx, producer, a.id, 'carrier_contract', 'Договор перевозки ОСС.pdf');
    await attach(ctx, producer, a.id, 'facility_contract', 'Договор с объектом приёма.pdf');
    return a;
  };
  const submit = (a: ApplicationCard) => tx((trx) => submitApplication(trx, { ctx, actor: producer, id: a.id, version: a.version }));

  // A draft, half filled.
  const draft = await tx((trx) => createDraft(trx, { ctx, actor: producer, input: { kind: 'permit', siteId: site2 } }));
  await tx((trx) =>
    patchApplication(trx, {
      ctx,
      actor: producer,
      id: draft.id,
      input: { version: draft.version, general: { worksFrom: shiftDate(today, 14), district: 'ЮАО' }, lines: [{ wasteCode: '82220101215', volume: '1200' }] },
    }),
  );

  // Under review.
  await submit(await complete(site1, 'Второй этап: котлован корпуса 3'));

  // Awaiting more, with the thread.
  const asked = await submit(await complete(site2, 'Демонтаж надземной части'));
  await tx((trx) =>
    requestInfo(trx, {
      ctx,
      actor: operator,
      id: asked.id,
      input: { request: 'Приложите ордер ОАТИ на производство работ и уточните объём бетонного лома по проекту организации работ по сносу', workingDays: 10 },
    }),
  );
  await postMessage(ctx, {
    actor: operator,
    id: asked.id,
    text: 'Добрый день! В проекте организации работ по сносу объём бетонного лома больше заявленного — уточните, пожалуйста.',
    files: [],
  });
  await postMessage(ctx, { actor: producer, id: asked.id, text: 'Здравствуйте! Уточняем объём у проектировщика, ордер ОАТИ приложим до конца недели.', files: [] });

  // Approved: a permit issued — on «Нагатинский» (a statement over the busiest site lists every permit of it, and those all have trips).
  const approved = await submit(await complete(site2, 'Демонтаж надземной части, второй этап'));
  await tx((trx) => decideApplication(trx, { ctx, actor: operator, id: approved.id, input: { decision: 'approve', comment: 'Документы в порядке' } }));

  // Rejected.
  const rejected = await submit(await complete(site2, 'Вывоз грунта с площадки'));
  await tx((trx) =>
    decideApplication(trx, {
      ctx,
      actor: operator,
      id: rejected.id,
      input: { decision: 'reject', reasonCode: 'volume_unjustified', comment: 'Объёмы грунта не подтверждены проектной документацией.' },
    }),
  );

  // Withdrawn.
  const withdrawn = await submit(await complete(site2, 'Ошибочно поданное заявление'));
  await tx((trx) => withdrawApplication(trx, { ctx, actor: producer, id: withdrawn.id, reason: 'Подано по ошибке' }));

  // An amendment of a demo permit under review: a second carrier and more volume.
  const permitId = info.permitIds.get('РП-77-2026-000157');
  if (permitId) {
    let am = await tx((trx) => createDraft(trx, { ctx, actor: producer, input: { kind: 'amendment', permitId } }));
    const lines = am.lines.map((l) => ({ wasteCode: l.wasteCode, volume: l.wasteCode === '82220101215' ? '12000' : l.volume, mass: l.mass, facilityObjectIds: l.facilities.map((f) => f.id) }));
    am = await tx((trx) =>
      patchApplication(trx, {
        ctx,
        actor: producer,
        id: am.id,
        input: {
          version: am.version,
          general: { district: 'ЮЗАО', comment: 'Увеличение объёма бетонного лома, второй перевозчик' },
          lines,
          carriers: [...am.carriers.map((c) => ({ inn: c.inn })), ...(am.carriers.some((c) => c.inn === carrier2Inn) ? [] : [{ inn: carrier2Inn }])],
        },
      }),
    );
    await submit(am);
  }
  // Demo mail is not sent anywhere: it stays in the outbox, where the operator reads it.
  await ctx.db.updateTable('mail_messages').set({ status: 'outbox' }).where('status', '=', 'queued').where('created_at', '>=', hookStarted).execute();
  info.log('заявления на разрешение: черновик, на рассмотрении, требуется дополнение, одобрено, отклонено, отозвано, изменение разрешения');
}
