/**
 * Stage 6: the protocol to ГИС ЖКХ through the adapter (gis-adapter.ts; here
 * always its SIMULATOR, gis-simulator.ts).
 *
 *  - «Подтвердить» checks the access rights of the company (the acting
 *    managing organization) and records when they were confirmed;
 *  - «Загрузить протокол в ГИС» (one transaction): status «В процессе
 *    загрузки», a new transport GUID for this request, the job enqueued;
 *  - the job `meetings.gis` sends the request (again with the same transport
 *    GUID when retried — ГИС ЖКХ sees one message), records the message GUID,
 *    polls the state, and records the result: «Загружен» with the protocol's
 *    GUID in ГИС ЖКХ (and stage 6 done), or «Ошибка загрузки» with the reasons.
 *    A job given up leaves the reason too. Safe to run twice.
 */
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/pool.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { rightsOf, type Actor } from '../../platform/http/auth.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { defineJob, enqueue } from '../../platform/jobs/index.js';
import { checkFias } from './gis-input.js';
import { assertReached, meetingOf } from './guard.js';
import { countMeeting } from './voting.js';
import { gisSimulator } from './gis-simulator.js';
import type { GisHousingClient, GisProtocolRequest, GisState } from './gis-adapter.js';

/** The ГИС ЖКХ client of this installation: the simulator (the real ГИС ЖКХ cannot be reached from here). */
export function gisClient(ctx: AppContext): GisHousingClient {
  return gisSimulator(ctx.db);
}

/**
 * «Выбор компании»: the managing organizations the person acts for with the right to submit
 * (head, employee, trusted person with full access; not suspended) — the acting one first.
 */
export async function gisCompanies(db: Db, actor: Actor): Promise<{ id: string; name: string; inn: string; current: boolean }[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name', 'o.short_name', 'o.inn', 'o.status', 'm.role', 'm.access'])
    .where('m.person_id', '=', actor.personId)
    .where('m.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('m.valid_until', 'is', null), eb('m.valid_until', '>', sql<Date>`now()`)]))
    .where(sql<boolean>`'managing' = any(o.roles)`)
    .orderBy('o.name')
    .execute();
  return rows
    .filter((r) => r.status !== 'suspended' && rightsOf(r.role, r.access).includes('submit'))
    .map((r) => ({ id: r.id, name: r.short_name ?? r.name, inn: r.inn, current: r.id === actor.organizationId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** «Подтвердить»: the access rights in ГИС ЖКХ of the company chosen (by default the acting organization). */
export async function confirmGisRights(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; id: string; companyId?: string }): Promise<void> {
  const m = await meetingOf(trx, o.actor, o.id, true);
  assertReached(m, 'gis');
  if (m.gis_status === 'sending' || m.gis_status === 'loaded') throw new AppError('meeting_stage', 'Протокол уже отправлен в ГИС ЖКХ: компания не меняется');
  const companyId = o.companyId ?? o.actor.organizationId;
  const company = (await gisCompanies(trx, o.actor)).find((c) => c.id === companyId);
  if (!company) throw invalid({ field: 'companyId', message: 'Компания: выберите управляющую организацию, от имени которой вы вправе действовать (руководитель, сотрудник или доверенное лицо с полным доступом)' });
  const org = { id: company.id, inn: company.inn };
  const rights = await gisClient(o.ctx).checkAccessRights({ inn: org.inn });
  if (!rights.granted) {
    throw new AppError('meeting_stage', `Права доступа не подтверждены: ${rights.reason ?? 'ГИС ЖКХ не подтвердила права'}. Предоставьте права оператору информационной системы в личном кабинете организации в ГИС ЖКХ и нажмите «Подтвердить» ещё раз`);
  }
  await trx.updateTable('meetings').set({ gis_company_id: org.id, gis_rights_confirmed_at: o.ctx.now() }).where('id', '=', m.id).execute();
  await audit(trx, { action: 'meetings.gis.rights', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'meeting', subjectId: m.id });
}

/** «Загрузить протокол в ГИС». */
export async function uploadToGis(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; id: string; fiasHouseGuid?: string | null }): Promise<void> {
  const m = await meetingOf(trx, o.actor, o.id, true);
  assertReached(m, 'gis');
  if (m.gis_status === 'sending') return;
  if (m.gis_status === 'loaded') throw new AppError('meeting_stage', 'Протокол уже загружен в ГИС ЖКХ');
  if (!m.gis_rights_confirmed_at) throw new AppError('meeting_stage', 'Сначала подтвердите права доступа к ГИС ЖКХ (кнопка «Подтвердить»)');
  if (m.protocol_status !== 'ready') throw new AppError('meeting_stage', 'Протокол не сформирован');
  if (o.fiasHouseGuid !== undefined) {
    const fias = checkFias(o.fiasHouseGuid);
    if (!fias.ok) throw invalid({ field: 'fiasHouseGuid', message: `Код дома по ФИАС: ${fias.error}` });
    await trx.updateTable('houses').set({ fias_house_guid: fias.value }).where('id', '=', m.house_id).where('organization_id', '=', o.actor.organizationId).execute();
  }
  const transportGuid = crypto.randomUUID();
  await trx
    .updateTable('meetings')
    .set({ gis_status: 'sending', gis_error: null, gis_request_guid: transportGuid, gis_message_guid: null, gis_protocol_guid: null, gis_attempts: 0, gis_sent_at: o.ctx.now(), gis_state_at: null })
    .where('id', '=', m.id)
    .execute();
  await enqueue(trx, sendToGisJob, { meetingId: m.id, transportGuid }, { jobKey: `meetings.gis:${transportGuid}` });
  await audit(trx, { action: 'meetings.gis.upload', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'meeting', subjectId: m.id });
}

/** The request as ГИС ЖКХ takes it, from the meeting as it is now. */
export async function gisRequest(ctx: AppContext, meetingId: string, transportGuid: string): Promise<GisProtocolRequest> {
  const m = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
  const house = await ctx.db.selectFrom('houses').selectAll().where('id', '=', m.house_id).executeTakeFirstOrThrow();
  const org = await ctx.db.selectFrom('organizations').select(['inn', 'ogrn', 'name']).where('id', '=', m.gis_company_id ?? m.organization_id).executeTakeFirstOrThrow();
  const items = await ctx.db.selectFrom('meeting_items').select(['position', 'title', 'majority']).where('meeting_id', '=', m.id).orderBy('position').execute();
  const count = await countMeeting(ctx.db, m.id);
  const files: GisProtocolRequest['files'] = [];
  if (m.protocol_key) files.push({ kind: 'protocol', name: `Протокол ${m.protocol_number}.pdf`, bytes: Number(m.protocol_bytes ?? 0), sha256: m.protocol_sha256 ?? '' });
  if (m.protocol_sig_key) files.push({ kind: 'signature', name: `Протокол ${m.protocol_number}.pdf.sig`, bytes: 0, sha256: '' });
  if (m.scan_key) files.push({ kind: 'scan', name: m.scan_name ?? 'scan', bytes: Number(m.scan_bytes ?? 0), sha256: m.scan_sha256 ?? '' });
  return {
    transportGuid,
    company: { inn: org.inn, ogrn: org.ogrn, name: org.name },
    house: { fiasHouseGuid: house.fias_house_guid, cadastralNumber: house.cadastral_number, address: house.address },
    protocol: {
      number: m.protocol_number ?? m.number,
      date: m.protocol_date ? String(m.protocol_date).slice(0, 10) : '',
      kind: m.kind,
      form: m.form,
      meetingStart: m.starts_at ? new Date(m.starts_at).toISOString() : null,
      meetingEnd: m.ends_at ? new Date(m.ends_at).toISOString() : null,
      quorum: count.quorum,
      totalVotes: count.totalVotes,
      participatingVotes: count.participatingVotes,
      decisions: items.map((it, i) => {
        const r = count.items[i]!;
        return { number: it.position, question: it.title, majority: it.majority, for: r.for, against: r.against, abstain: r.abstain, accepted: r.accepted };
      }),
    },
    files,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One run of the exchange: send (idempotently), then poll a few times; a state still pending is polled by a later run. */
export async function runGisExchange(ctx: AppContext, p: { meetingId: string; transportGuid: string }, o: { pollDelayMs?: number; polls?: number } = {}): Promise<'loaded' | 'error' | 'pending' | 'stale'> {
  const m = await ctx.db.selectFrom('meetings').select(['id', 'gis_status', 'gis_request_guid', 'gis_message_guid']).where('id', '=', p.meetingId).executeTakeFirst();
  if (!m || m.gis_status !== 'sending' || m.gis_request_guid !== p.transportGuid) return 'stale';
  const client = gisClient(ctx);
  let messageGuid = m.gis_message_guid;
  if (!messageGuid) {
    const ack = await client.importVotingProtocol(await gisRequest(ctx, m.id, p.transportGuid));
    messageGuid = ack.messageGuid;
    await ctx.db.updateTable('meetings').set({ gis_message_guid: messageGuid, gis_attempts: (eb) => eb('gis_attempts', '+', 1) }).where('id', '=', m.id).where('gis_request_guid', '=', p.transportGuid).execute();
  }
  let state: GisState = { state: 'received' };
  for (let i = 0; i < (o.polls ?? 5); i++) {
    state = await client.getState(messageGuid);
    if (state.state === 'processed') break;
    await sleep(o.pollDelayMs ?? 300);
  }
  if (state.state !== 'processed') {
    await enqueue(ctx.db, sendToGisJob, p, { jobKey: `meetings.gis:${p.transportGuid}:poll:${crypto.randomUUID()}`, runAt: new Date(Date.now() + 10_000) });
    return 'pending';
  }
  const now = ctx.now();
  const done = state;
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('meetings').select(['id', 'organization_id', 'gis_status', 'gis_request_guid']).where('id', '=', m.id).forUpdate().executeTakeFirstOrThrow();
    if (cur.gis_status !== 'sending' || cur.gis_request_guid !== p.transportGuid) return 'stale' as const;
    if (done.ok) {
      await trx.updateTable('meetings').set({ gis_status: 'loaded', gis_protocol_guid: done.protocolGuid, gis_error: null, gis_state_at: now, gis_done_at: now }).where('id', '=', m.id).execute();
    } else {
      await trx
        .updateTable('meetings')
        .set({ gis_status: 'error', gis_error: done.errors.map((e) => `${e.description} (код ${e.code})`).join('; '), gis_state_at: now })
        .where('id', '=', m.id)
        .execute();
    }
    await audit(trx, { action: done.ok ? 'meetings.gis.loaded' : 'meetings.gis.error', personId: null, organizationId: cur.organization_id, subjectType: 'meeting', subjectId: m.id });
    return done.ok ? ('loaded' as const) : ('error' as const);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const sendToGisJob = defineJob<{ meetingId: string; transportGuid: string }>({
  name: 'meetings.gis',
  maxAttempts: 5,
  parse(payload) {
    const x = (payload ?? {}) as { meetingId?: unknown; transportGuid?: unknown };
    if (typeof x.meetingId !== 'string' || !UUID.test(x.meetingId)) throw new Error('meetings.gis: meetingId must be a uuid');
    if (typeof x.transportGuid !== 'string' || !UUID.test(x.transportGuid)) throw new Error('meetings.gis: transportGuid must be a uuid');
    return { meetingId: x.meetingId, transportGuid: x.transportGuid };
  },
  async run(ctx, payload) {
    await runGisExchange(ctx, payload);
  },
  async giveUp(ctx, payload, reason) {
    await ctx.db
      .updateTable('meetings')
      .set({ gis_status: 'error', gis_error: `ГИС ЖКХ не ответила (попыток: ${reason.attempts}). Нажмите «Загрузить протокол в ГИС» ещё раз; если ошибка повторится — обратитесь в службу поддержки.`, gis_state_at: ctx.now() })
      .where('id', '=', payload.meetingId)
      .where('gis_request_guid', '=', payload.transportGuid)
      .where('gis_status', '=', 'sending')
      .execute();
  },
});
