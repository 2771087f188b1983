/**
 * The meeting's documents — the notice, the ballots, the protocol — through the
 * documents pipeline (src/platform/documents), as permits and reports:
 *
 *  1. ordering (one transaction): a registry record is reserved for this making of the
 *     document (its own code: a notice made again after the agenda changed is a new
 *     document), the meeting says «queued», the job is enqueued, the audit event written;
 *  2. the job (`meetings.render`) renders the PDF with the code and the QR code and publishes
 *     it as permits, reports and invoices do (publishSignedPdf: store, sign, and in one
 *     transaction record the files on the meeting and complete the registry record). A
 *     protocol made again annuls the protocol it replaces (the registry then says which
 *     one is in force).
 *
 * Safe to run twice: a run whose document is no longer the one ordered, or already
 * recorded, changes nothing (its files are removed).
 */
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { defineJob, enqueue } from '../../platform/jobs/index.js';
import { fileStore } from '../../platform/files/index.js';
import {
  annulDocument,
  failDocument,
  formatDocumentCode,
  operatorSigner,
  reserveDocument,
  publishSignedPdf,
  signatureStamp,
  verificationUrl,
  type DocumentFact,
} from '../../platform/documents/index.js';
import { formatMoscowDate, moscowDate } from '../../domain/period.js';
import { assertReached, meetingOf, type MeetingRow } from './guard.js';
import { stageBlockers } from './meetings.js';
import { countMeeting } from './voting.js';
import { formatArea, ownerVotes } from './count.js';
import { shareText } from './register.js';
import { renderBallotsPdf, renderNoticePdf, renderProtocolDocx, renderProtocolPdf, type BallotOwner, type MeetingDocBase } from './render.js';
import { MEETING_KIND_LABELS } from './texts.js';
import { fillTemplate, templateOf } from './templates.js';
import type { DocStatus } from './tables.js';

export const MEETING_DOCS = ['notice', 'ballots', 'protocol'] as const;
export type MeetingDoc = (typeof MEETING_DOCS)[number];

/** Kinds in the registry of issued documents. */
export const MEETING_DOC_KINDS: Record<MeetingDoc, string> = { notice: 'meeting_notice', ballots: 'meeting_ballots', protocol: 'meeting_protocol' };
export const MEETING_DOC_TITLES: Record<MeetingDoc, string> = {
  notice: 'Сообщение о проведении общего собрания собственников',
  ballots: 'Решения собственников (бюллетени)',
  protocol: 'Протокол общего собрания собственников',
};

/** The meeting's columns of each document. */
const COLS = {
  notice: { status: 'notice_status', error: 'notice_error', doc: 'notice_document_id', key: 'notice_key', sig: 'notice_sig_key', bytes: 'notice_bytes', sha: 'notice_sha256' },
  ballots: { status: 'ballots_status', error: 'ballots_error', doc: 'ballots_document_id', key: 'ballots_key', sig: 'ballots_sig_key', bytes: 'ballots_bytes', sha: 'ballots_sha256' },
  protocol: { status: 'protocol_status', error: 'protocol_error', doc: 'protocol_document_id', key: 'protocol_key', sig: 'protocol_sig_key', bytes: 'protocol_bytes', sha: 'protocol_sha256' },
} as const;

export interface ProtocolInput {
  chair: string;
  secretary: string;
  counters: string;
}

/** Orders a document of the meeting (see the file's comment). Returns nothing: the meeting's view shows «queued». */
export async function orderMeetingDocument(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; doc: MeetingDoc; protocol?: ProtocolInput; templateId?: string },
): Promise<void> {
  const { ctx, actor, doc } = o;
  const m = await meetingOf(trx, actor, o.id, true);
  if (m.status === 'completed') throw new AppError('meeting_completed', 'Собрание проведено: документы уже не формируются заново');
  const c = COLS[doc];
  if (m[c.status] === 'queued') return;
  const set: Record<string, unknown> = {};
  if (doc === 'notice') {
    const blockers = await stageBlockers(trx, m, 'notice');
    if (blockers.length) throw new AppError('meeting_stage', `Сообщение не может быть сформировано: ${blockers.join('; ')}`, undefined, { blockers });
  } else if (doc === 'ballots') {
    assertReached(m, 'ballots');
  } else {
    assertReached(m, 'protocol');
    if (m.protocol_done_at) throw new AppError('meeting_stage', 'Этап «5. Формирование и отправка протокола ОСС» отмечен выполненным: снимите отметку, чтобы сформировать протокол заново');
    if (m.gis_status === 'sending' || m.gis_status === 'loaded') throw new AppError('meeting_stage', 'Протокол отправлен в ГИС ЖКХ: сформировать его заново нельзя');
    const input = o.protocol ?? { chair: m.chair, secretary: m.secretary, counters: m.counters };
    const errors: FieldError[] = [];
    const chair = input.chair.trim();
    const secretary = input.secretary.trim();
    if (!chair) errors.push({ field: 'chair', message: 'Председатель собрания: укажите фамилию, имя и отчество' });
    if (!secretary) errors.push({ field: 'secretary', message: 'Секретарь собрания: укажите фамилию, имя и отчество' });
    if (errors.length) throw invalid(errors);
    set.chair = chair;
    set.secretary = secretary;
    set.counters = input.counters.trim();
    set.protocol_date = moscowDate(ctx.now());
    if (!m.protocol_number) {
      const n = await sql<{ n: string }>`select nextval('meeting_protocol_seq')::text as n`.execute(trx);
      set.protocol_number = `ПР-${moscowDate(ctx.now()).slice(0, 4)}-${n.rows[0]!.n.padStart(6, '0')}`;
    }
  }
  const org = await trx.selectFrom('organizations').select(['name', 'short_name', 'inn', 'ogrn', 'address']).where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
  const house = await trx.selectFrom('houses').select(['address', 'cadastral_number', sql<string>`total_area::text`.as('total_area')]).where('id', '=', m.house_id).executeTakeFirstOrThrow();
  const number = doc === 'protocol' ? ((set.protocol_number as string | undefined) ?? m.protocol_number!) : m.number;
  // The notice's text by the organization's template («Шаблоны сообщений»), filled now and kept with the document.
  let text: string | undefined;
  if (doc === 'notice' && o.templateId) {
    const t = await templateOf(trx, actor, o.templateId);
    const items = await trx.selectFrom('meeting_items').select(['position', 'title']).where('meeting_id', '=', m.id).orderBy('position').execute();
    text = fillTemplate(t.body, { address: house.address, startsAt: m.starts_at ? new Date(m.starts_at) : null, place: m.place, initiators: m.initiators, items });
  }
  const rec = await reserveDocument(trx, {
    kind: MEETING_DOC_KINDS[doc],
    subjectId: crypto.randomUUID(),
    number,
    issuedAt: ctx.now(),
    organizationId: actor.organizationId,
    parties: {
      organization: { name: org.name, shortName: org.short_name, inn: org.inn, ogrn: org.ogrn, address: org.address },
      house: { address: house.address, cadastralNumber: house.cadastral_number, totalArea: house.total_area },
      meeting: { id: m.id, number: m.number },
      orderedBy: actor.personId,
      ...(text === undefined ? {} : { text }),
    },
  });
  await trx
    .updateTable('meetings')
    .set({ ...set, [c.status]: 'queued', [c.error]: null, [c.doc]: rec.id })
    .where('id', '=', m.id)
    .execute();
  await enqueue(trx, renderMeetingDocumentJob, { meetingId: m.id, doc, documentId: rec.id, replaces: m[c.doc], personId: actor.personId }, { jobKey: `meetings.render:${rec.id}` });
  await audit(trx, { action: `meetings.${doc}.order`, personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: m.id });
}

interface RenderPayload {
  meetingId: string;
  doc: MeetingDoc;
  documentId: string;
  /** The document this making replaces (a protocol's is annulled once the new one is issued). */
  replaces: string | null;
  personId: string;
}

async function baseData(ctx: AppContext, m: MeetingRow, rec: { code: string; issued_at: Date; parties: Record<string, unknown> }): Promise<MeetingDocBase> {
  const parties = rec.parties as { organization: { name: string; inn: string; ogrn: string | null; address: string | null }; house: { address: string; cadastralNumber: string; totalArea: string } };
  const items = await ctx.db.selectFrom('meeting_items').select(['position', 'title', 'proposal', 'majority']).where('meeting_id', '=', m.id).orderBy('position').execute();
  return {
    number: m.number,
    kind: m.kind,
    form: m.form,
    electronic: m.electronic,
    initiators: m.initiators,
    startsAt: m.starts_at ? new Date(m.starts_at) : null,
    endsAt: m.ends_at ? new Date(m.ends_at) : null,
    place: m.place,
    ballotsPlace: m.ballots_place,
    materialsPlace: m.materials_place,
    house: parties.house,
    organization: parties.organization,
    items,
    code: rec.code,
    verifyUrl: verificationUrl(ctx.config, rec.code),
    issuedAt: new Date(rec.issued_at),
  };
}

/** The register's owners for the ballots, in the register's order (a house's register is at most a few thousand rows). */
async function ballotOwners(ctx: AppContext, meetingId: string): Promise<BallotOwner[]> {
  const q = ctx.db
    .selectFrom('meeting_owners as o')
    .innerJoin('meeting_premises as p', 'p.id', 'o.premise_id')
    .select(['o.name', 'o.owner_kind', 'o.ownership', 'o.inn', 'o.share_num', 'o.share_den', 'o.title_document', 'p.number', 'p.kind', sql<string>`p.area::text`.as('area'), 'p.cadastral_number'])
    .where('o.meeting_id', '=', meetingId)
    .orderBy(sql`length(p.number)`)
    .orderBy('p.number')
    .orderBy('o.position');
  return (await q.execute()).map((r) => ({
      name: r.name,
      ownerKind: r.owner_kind,
      ownership: r.ownership,
      inn: r.inn,
      share: shareText(r.share_num, r.share_den),
      titleDocument: r.title_document,
      premise: { number: r.number, kind: r.kind, area: r.area, cadastralNumber: r.cadastral_number },
      votes: formatArea(ownerVotes({ area: r.area, shareNum: r.share_num, shareDen: r.share_den })),
  }));
}

/** Renders, signs and records one ordered document (the job's work). */
export async function renderMeetingDocument(ctx: AppContext, p: RenderPayload): Promise<'done' | 'stale'> {
  const c = COLS[p.doc];
  const m = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', p.meetingId).executeTakeFirst();
  if (!m || m[c.doc] !== p.documentId || m[c.status] !== 'queued') return 'stale';
  const rec = await ctx.db.selectFrom('documents').select(['id', 'code', 'issued_at', 'parties', 'status', 'number']).where('id', '=', p.documentId).executeTakeFirst();
  if (!rec || rec.status !== 'preparing') return 'stale';
  const base = await baseData(ctx, m, rec);
  const op = await operatorSigner(ctx);
  const signer = signatureStamp(op.certificate, op.signer.digestBits);
  let pdf: Buffer;
  /** The protocol's DOCX (unsigned: the organization edits, prints and signs it by hand). */
  let docx: Buffer | null = null;
  let facts: DocumentFact[] = [
    { label: 'Документ', value: `${MEETING_DOC_TITLES[p.doc]} № ${rec.number}` },
    { label: 'Дата', value: formatMoscowDate(base.issuedAt) },
    { label: 'Код проверки', value: formatDocumentCode(rec.code) },
    { label: 'Дом', value: `${base.house.address} (кадастровый номер ${base.house.cadastralNumber})` },
    { label: 'Собрание', value: `${m.number}, ${MEETING_KIND_LABELS[m.kind].toLowerCase()}` },
    { label: 'Управляющая организация', value: `${base.organization.name}, ИНН ${base.organization.inn}` },
  ];
  let totals: DocumentFact[] = [];
  if (p.doc === 'notice') {
    const text = (rec.parties as { text?: unknown }).text;
    pdf = await renderNoticePdf({ ...base, signer, text: typeof text === 'string' ? text : undefined });
    totals = [{ label: 'Вопросов повестки дня', value: String(base.items.length) }];
  } else if (p.doc === 'ballots') {
    pdf = await renderBallotsPdf(base, await ballotOwners(ctx, m.id));
    const n = await ctx.db.selectFrom('meeting_owners').select(sql<number>`count(*)::int`.as('n')).where('meeting_id', '=', m.id).executeTakeFirstOrThrow();
    totals = [{ label: 'Бюллетеней (собственников)', value: String(n.n) }];
  } else {
    const count = await countMeeting(ctx.db, m.id);
    const attendees = (
      await sql<{ number: string; area: string; name: string; share_num: number; share_den: number; voted_at: Date | null }>`
        select p.number, p.area::text as area, o.name, o.share_num, o.share_den, o.voted_at
          from meeting_owners o join meeting_premises p on p.id = o.premise_id
         where o.meeting_id = ${m.id} and o.voted_at is not null
         order by length(p.number), p.number, o.position`.execute(ctx.db)
    ).rows.map((r) => ({ premise: r.number, area: r.area, name: r.name, share: shareText(r.share_num, r.share_den), votes: formatArea(ownerVotes({ area: r.area, shareNum: r.share_num, shareDen: r.share_den })), votedAt: r.voted_at ? new Date(r.voted_at) : null }));
    const otherIds = [m.notice_document_id, m.ballots_document_id].filter((x): x is string => !!x);
    const others = otherIds.length ? await ctx.db.selectFrom('documents').select(['id', 'code', 'kind']).where('id', 'in', otherIds).where('status', '=', 'valid').execute() : [];
    const codeOf = (k: string) => others.find((x) => x.kind === k)?.code;
    const annexes = [
      `Реестр собственников помещений, принявших участие в собрании (${attendees.length}), — приложение № 1 (ниже).`,
      `Сообщение о проведении общего собрания${codeOf('meeting_notice') ? ` (код проверки ${formatDocumentCode(codeOf('meeting_notice')!)})` : ''}.`,
      `Решения собственников (бюллетени), ${count.participants}${codeOf('meeting_ballots') ? ` (бланки: код проверки ${formatDocumentCode(codeOf('meeting_ballots')!)})` : ''}.`,
      'Реестр собственников помещений в доме.',
    ];
    const data = {
      ...base,
      protocolNumber: rec.number,
      protocolDate: m.protocol_date ? `${String(m.protocol_date).slice(8, 10)}.${String(m.protocol_date).slice(5, 7)}.${String(m.protocol_date).slice(0, 4)}` : formatMoscowDate(base.issuedAt),
      chair: m.chair,
      secretary: m.secretary,
      counters: m.counters,
      count,
      attendees,
      annexes,
    };
    pdf = await renderProtocolPdf({ ...data, signer });
    docx = await renderProtocolDocx(data);
    facts = [
      ...facts,
      { label: 'Кворум', value: `${count.quorum ? 'имеется' : 'отсутствует'}: ${count.participatingPercent} % голосов (${count.participatingVotes} из ${count.totalVotes} м²)` },
    ];
    totals = count.items.map((r, i) => ({
      label: `Вопрос ${i + 1}`,
      value: `за ${r.for} (${r.forPercent} %), против ${r.against} (${r.againstPercent} %), воздержались ${r.abstain} (${r.abstainPercent} %) — ${r.accepted ? 'решение принято' : 'решение не принято'}`,
    }));
  }
  const store = fileStore(ctx.config);
  const signedAt = ctx.now();
  const docxKey = docx ? `meetings/${m.id}/protocol-${crypto.randomBytes(4).toString('hex')}.docx` : null;
  if (docx && docxKey) await store.put(docxKey, docx);
  const old = { key: m[c.key], sig: m[c.sig], docx: p.doc === 'protocol' ? m.protocol_docx_key : null };
  let published: 'done' | 'already';
  try {
    published = await publishSignedPdf(ctx, op, { documentId: p.documentId, prefix: `meetings/${m.id}/${p.doc}`, pdf, signedAt, facts, totals }, async (trx, signed) => {
      const u = await trx
        .updateTable('meetings')
        .set({ [c.status]: 'ready', [c.error]: null, [c.key]: signed.key, [c.sig]: signed.sigKey, [c.bytes]: signed.stored.bytes, [c.sha]: signed.stored.sha256, ...(docxKey ? { protocol_docx_key: docxKey } : {}) })
        .where('id', '=', m.id)
        .where(c.doc, '=', p.documentId)
        .where(c.status, '=', 'queued')
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) === 0) return false;
      if (p.doc === 'protocol' && p.replaces && p.replaces !== p.documentId) {
        const prev = await trx.selectFrom('documents').select('code').where('id', '=', p.replaces).executeTakeFirst();
        if (prev) await annulDocument(trx, { code: prev.code, reason: `Протокол сформирован заново: действует протокол с кодом проверки ${formatDocumentCode(rec.code)}`, personId: p.personId, at: signedAt });
      }
      return true;
    });
  } catch (e) {
    if (docxKey) await store.delete(docxKey);
    throw e;
  }
  if (published === 'already') {
    if (docxKey) await store.delete(docxKey);
    return 'stale';
  }
  for (const k of [old.key, old.sig, old.docx]) if (k && k !== docxKey) await store.delete(k);
  return 'done';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const renderMeetingDocumentJob = defineJob<RenderPayload>({
  name: 'meetings.render',
  maxAttempts: 4,
  parse(payload) {
    const x = (payload ?? {}) as Partial<RenderPayload>;
    if (typeof x.meetingId !== 'string' || !UUID.test(x.meetingId)) throw new Error('meetings.render: meetingId must be a uuid');
    if (typeof x.documentId !== 'string' || !UUID.test(x.documentId)) throw new Error('meetings.render: documentId must be a uuid');
    if (!MEETING_DOCS.includes(x.doc as MeetingDoc)) throw new Error('meetings.render: doc must be notice, ballots or protocol');
    if (typeof x.personId !== 'string' || !UUID.test(x.personId)) throw new Error('meetings.render: personId must be a uuid');
    const replaces = typeof x.replaces === 'string' && UUID.test(x.replaces) ? x.replaces : null;
    return { meetingId: x.meetingId, documentId: x.documentId, doc: x.doc as MeetingDoc, replaces, personId: x.personId };
  },
  async run(ctx, payload) {
    await renderMeetingDocument(ctx, payload);
  },
  async giveUp(ctx, p) {
    const c = COLS[p.doc];
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('meetings')
        .set({ [c.status]: 'failed', [c.error]: `${MEETING_DOC_TITLES[p.doc]}: документ не удалось сформировать. Попробуйте сформировать его ещё раз; если не получится — обратитесь в службу поддержки.` })
        .where('id', '=', p.meetingId)
        .where(c.doc, '=', p.documentId)
        .where(c.status, '=', 'queued')
        .execute();
      await failDocument(trx, p.documentId);
    });
  },
});

/** The state of each document for the meeting's view. */
export async function documentsView(ctx: AppContext, m: MeetingRow) {
  const ids = MEETING_DOCS.map((d) => m[COLS[d].doc]).filter((x): x is string => !!x);
  const recs = ids.length ? await ctx.db.selectFrom('documents').select(['id', 'code', 'status']).where('id', 'in', ids).execute() : [];
  const one = (d: MeetingDoc) => {
    const c = COLS[d];
    const rec = recs.find((r) => r.id === m[c.doc]);
    const status = m[c.status] as DocStatus;
    return {
      status,
      error: m[c.error],
      ready: status === 'ready' && !!m[c.key],
      code: status === 'ready' && rec && rec.status !== 'preparing' ? formatDocumentCode(rec.code) : null,
      verifyUrl: status === 'ready' && rec ? verificationUrl(ctx.config, rec.code) : null,
      bytes: status === 'ready' ? Number(m[c.bytes] ?? 0) : null,
    };
  };
  return { notice: one('notice'), ballots: one('ballots'), protocol: one('protocol') };
}

export type MeetingDocFile = 'pdf' | 'sig' | 'docx';

export const MEETING_FILE_TYPES: Record<MeetingDocFile, string> = {
  pdf: 'application/pdf',
  sig: 'application/pkcs7-signature',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The stored key of a ready document's PDF, its signature, or (the protocol only) its DOCX. */
export function documentFileKey(m: MeetingRow, doc: MeetingDoc, file: MeetingDocFile): string | null {
  const c = COLS[doc];
  if (m[c.status] !== 'ready') return null;
  if (file === 'docx') return doc === 'protocol' ? m.protocol_docx_key : null;
  return file === 'pdf' ? m[c.key] : m[c.sig];
}

export function documentFileName(m: MeetingRow, doc: MeetingDoc, file: MeetingDocFile): string {
  const base = doc === 'protocol' ? `Протокол ${m.protocol_number ?? m.number}` : doc === 'notice' ? `Сообщение о собрании ${m.number}` : `Бюллетени ${m.number}`;
  return file === 'pdf' ? `${base}.pdf` : file === 'docx' ? `${base}.docx` : `${base}.pdf.sig`;
}

/** A meeting document's file to send (the stored file, its name and type); 404 while the document is not made. */
export async function meetingDocumentFile(ctx: AppContext, actor: Actor, meetingId: string, doc: MeetingDoc, file: MeetingDocFile) {
  const m = await meetingOf(ctx.db, actor, meetingId);
  const key = documentFileKey(m, doc, file);
  const stored = key ? await fileStore(ctx.config).get(key) : null;
  if (!stored) throw notFound('Документ ещё не сформирован');
  return { file: stored, name: documentFileName(m, doc, file), type: MEETING_FILE_TYPES[file] };
}
