/**
 * Meetings as the API shows them: a meeting with its data, the six stages with their done marks and
 * what is ready; the list of meetings, houses, the register of owners, the counting table, the
 * register's imports and the message templates. Route handlers answer these and map nothing themselves.
 */
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { listMeetings, meetingOf, type MeetingRow } from './meetings.js';
import { MEETING_STAGES } from './texts.js';
import { documentsView } from './documents.js';
import { gisClient } from './gis.js';
import { listRegister, registerCheck, shareText } from './register.js';
import { listImports, type ImportKind } from './import-files.js';
import { listBallots } from './voting.js';
import { formatArea, ownerVotes } from './count.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export const houseView = (h: { id: string; address: string; cadastral_number: string; total_area: string | number }) => ({
  id: h.id,
  address: h.address,
  cadastralNumber: h.cadastral_number,
  totalArea: String(h.total_area),
});

export function stagesOf(m: Pick<MeetingRow, 'notice_done_at' | 'register_done_at' | 'ballots_done_at' | 'counting_done_at' | 'protocol_done_at' | 'gis_done_at' | 'status'>) {
  return MEETING_STAGES.map((s, i) => {
    const doneAt = m[`${s.key}_done_at`];
    const prev = i === 0 ? null : m[`${MEETING_STAGES[i - 1].key}_done_at`];
    return { n: s.n, key: s.key, title: s.title, done: !!doneAt, doneAt: iso(doneAt), available: i === 0 || !!prev };
  });
}

export async function meetingView(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.db;
  const m = await meetingOf(db, actor, id);
  const house = await db.selectFrom('houses').selectAll().where('id', '=', m.house_id).executeTakeFirstOrThrow();
  const items = await db.selectFrom('meeting_items').selectAll().where('meeting_id', '=', m.id).orderBy('position').execute();
  const company = m.gis_company_id ? await db.selectFrom('organizations').select(['id', 'name', 'short_name', 'inn']).where('id', '=', m.gis_company_id).executeTakeFirst() : undefined;
  return {
    id: m.id,
    number: m.number,
    status: m.status,
    house: houseView(house),
    kind: m.kind,
    form: m.form,
    electronic: m.electronic,
    initiators: m.initiators,
    startsAt: iso(m.starts_at),
    endsAt: iso(m.ends_at),
    place: m.place,
    ballotsPlace: m.ballots_place,
    materialsPlace: m.materials_place,
    items: items.map((i) => ({ id: i.id, position: i.position, title: i.title, proposal: i.proposal, majority: i.majority })),
    stages: stagesOf(m),
    notice: { ready: m.notice_status === 'ready' && !!m.notice_key },
    documents: await documentsView(ctx, m),
    protocol: {
      number: m.protocol_number,
      date: m.protocol_date,
      chair: m.chair,
      secretary: m.secretary,
      counters: m.counters,
      ready: m.protocol_status === 'ready' && !!m.protocol_key,
      docx: m.protocol_status === 'ready' && !!m.protocol_docx_key,
      scan: m.scan_key ? { name: m.scan_name ?? 'scan', type: m.scan_type ?? '', bytes: Number(m.scan_bytes ?? 0) } : null,
    },
    gis: {
      status: m.gis_status,
      error: m.gis_error,
      messageGuid: m.gis_message_guid,
      protocolGuid: m.gis_protocol_guid,
      company: company ? { id: company.id, name: company.short_name ?? company.name, inn: company.inn } : null,
      rightsConfirmedAt: iso(m.gis_rights_confirmed_at),
      sentAt: iso(m.gis_sent_at),
      stateAt: iso(m.gis_state_at),
      simulator: gisClient(ctx).kind === 'simulator',
      fiasHouseGuid: house.fias_house_guid,
    },
    completedAt: iso(m.completed_at),
    createdAt: iso(m.created_at)!,
  };
}
export type MeetingView = Awaited<ReturnType<typeof meetingView>>;

/** The organization's meetings: in progress, completed or all. */
export async function meetingListView(db: Db, actor: Actor, status: 'in_progress' | 'completed' | 'all') {
  return (await listMeetings(db, actor, status)).map((m) => ({
    id: m.id,
    number: m.number,
    status: m.status,
    kind: m.kind,
    form: m.form,
    address: m.address,
    cadastralNumber: m.cadastral_number,
    startsAt: iso(m.starts_at),
    endsAt: iso(m.ends_at),
    stagesDone: stagesOf(m).filter((s) => s.done).length,
    gisStatus: m.gis_status,
    completedAt: iso(m.completed_at),
  }));
}

/** A page of a list: the page asked for (from 1) and its size, `pageSize` when not asked. */
const pageOf = (q: { page?: number; pageSize?: number }, pageSize: number) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? pageSize });

/** Stage 2: a page of the register of owners (premises with their owners) and its check. */
export async function registerView(db: Db, actor: Actor, id: string, q: { page?: number; pageSize?: number }) {
  const m = await meetingOf(db, actor, id);
  const { page, pageSize } = pageOf(q, 100);
  const r = await listRegister(db, m.id, page, pageSize);
  return {
    items: r.items.map((p) => ({
      id: p.id,
      number: p.number,
      kind: p.kind,
      area: p.area,
      cadastralNumber: p.cadastral_number,
      owners: p.owners.map((o) => ({ id: o.id, name: o.name, ownerKind: o.owner_kind, ownership: o.ownership, share: shareText(o.share_num, o.share_den), inn: o.inn, titleDocument: o.title_document, voted: !!o.voted_at })),
    })),
    total: r.total,
    page,
    pageSize,
    check: await registerCheck(db, m.id),
  };
}

/** Stage 4: a page of the owners with their premises, shares, votes and decisions (the counting table). */
export async function ballotsView(db: Db, actor: Actor, id: string, q: { page?: number; pageSize?: number; q?: string }) {
  const m = await meetingOf(db, actor, id);
  const { page, pageSize } = pageOf(q, 50);
  const r = await listBallots(db, m.id, page, pageSize, q.q);
  return {
    items: r.rows.map((o) => ({
      ownerId: o.id,
      name: o.name,
      ownerKind: o.owner_kind,
      premise: o.number,
      area: o.area,
      share: shareText(o.share_num, o.share_den),
      votes: formatArea(ownerVotes({ area: o.area, shareNum: o.share_num, shareDen: o.share_den })),
      voted: !!o.voted_at,
      votedAt: iso(o.voted_at),
      choices: o.choices ?? {},
    })),
    total: r.total,
    page,
    pageSize,
  };
}

/** The meeting's latest imports of one kind (the register's, the owners' decisions'). */
export async function importsView(db: Db, actor: Actor, id: string, kind: ImportKind) {
  const m = await meetingOf(db, actor, id);
  return { items: (await listImports(db, m.id, kind)).map((i) => ({ id: i.id, fileName: i.file_name, rows: i.rows_total, accepted: i.rows_accepted, refused: i.rows_refused, createdAt: iso(i.created_at)! })) };
}

export const templateView = (t: { id: string; name: string; body: string; updated_at: Date | string }) => ({ id: t.id, name: t.name, body: t.body, updatedAt: iso(t.updated_at)! });
