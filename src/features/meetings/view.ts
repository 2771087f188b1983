/** A meeting as the API shows it: its data, the six stages with their done marks, and what is ready. */
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { meetingOf, type MeetingRow } from './meetings.js';
import { MEETING_STAGES } from './texts.js';
import { documentsView } from './documents.js';
import { gisClient } from './gis.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

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
    house: { id: house.id, address: house.address, cadastralNumber: house.cadastral_number, totalArea: String(house.total_area) },
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
