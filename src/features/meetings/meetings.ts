/**
 * Meetings and their houses: create, list, read with the six stages, edit the
 * notice (stage 1), mark stages done. Every query is scoped to the acting
 * organization (`actor.organizationId`); another organization's ids are «not
 * found».
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { checkCadastralNumber } from '../../domain/identifiers.js';
import { parseVolume } from '../../domain/quantity.js';
import { createTask, closeTasksAbout } from '../tasks/tasks.js';
import { MEETING_STAGES, type StageKey } from './texts.js';
import type { Majority, MeetingForm, MeetingKind } from './tables.js';
import { registerCheck } from './register.js';
import { assertEditable, assertReached, doneColumn, meetingOf, type MeetingRow } from './guard.js';
export { meetingOf, type MeetingRow } from './guard.js';

type Q = Db | Transaction<Database>;

export interface HouseInput {
  address: string;
  cadastralNumber: string;
  totalArea: string;
}

function checkHouse(input: HouseInput): { address: string; cadastral: string; area: string } {
  const errors: FieldError[] = [];
  const address = input.address.trim();
  if (!address) errors.push({ field: 'address', message: 'Адрес дома: укажите адрес' });
  const cad = checkCadastralNumber(input.cadastralNumber);
  if (!cad.ok) errors.push({ field: 'cadastralNumber', message: `Кадастровый номер дома: ${cad.error}` });
  const area = parseVolume(input.totalArea);
  if (!area.ok) errors.push({ field: 'totalArea', message: `Общая площадь помещений, м²: ${area.error}` });
  if (errors.length) throw invalid(errors);
  return { address, cadastral: cad.ok ? cad.value : '', area: area.ok ? area.value : '' };
}

export async function listHouses(db: Db, actor: Actor) {
  return db.selectFrom('houses').selectAll().where('organization_id', '=', actor.organizationId).orderBy('address').execute();
}

export async function createHouse(trx: Transaction<Database>, actor: Actor, input: HouseInput) {
  const h = checkHouse(input);
  const dup = await trx.selectFrom('houses').select('id').where('organization_id', '=', actor.organizationId).where('cadastral_number', '=', h.cadastral).executeTakeFirst();
  if (dup) throw invalid({ field: 'cadastralNumber', message: 'Кадастровый номер дома: дом с этим номером уже добавлен' });
  const row = await trx
    .insertInto('houses')
    .values({ organization_id: actor.organizationId, address: h.address, cadastral_number: h.cadastral, total_area: h.area })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, { action: 'meetings.house.create', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'house', subjectId: row.id });
  return row;
}

export async function updateHouse(trx: Transaction<Database>, actor: Actor, id: string, input: HouseInput) {
  const own = await trx.selectFrom('houses').select('id').where('id', '=', id).where('organization_id', '=', actor.organizationId).forUpdate().executeTakeFirst();
  if (!own) throw notFound('Дом не найден');
  const h = checkHouse(input);
  const row = await trx
    .updateTable('houses')
    .set({ address: h.address, cadastral_number: h.cadastral, total_area: h.area })
    .where('id', '=', id)
    .where('organization_id', '=', actor.organizationId)
    .returningAll()
    .executeTakeFirst()
    .catch((e: { code?: string }) => {
      if (e.code === '23505') throw invalid({ field: 'cadastralNumber', message: 'Кадастровый номер дома: дом с этим номером уже добавлен' });
      throw e;
    });
  if (!row) throw notFound('Дом не найден');
  await audit(trx, { action: 'meetings.house.update', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'house', subjectId: row.id });
  return row;
}

export interface CreateMeetingInput {
  houseId: string;
  kind?: MeetingKind;
  form?: MeetingForm;
}

export async function createMeeting(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; input: CreateMeetingInput }) {
  const { actor, input } = o;
  const house = await trx.selectFrom('houses').select(['id', 'address']).where('id', '=', input.houseId).where('organization_id', '=', actor.organizationId).executeTakeFirst();
  if (!house) throw invalid({ field: 'houseId', message: 'Дом: выберите дом из списка домов организации' });
  const year = o.ctx.now().getUTCFullYear();
  const row = await trx
    .insertInto('meetings')
    .values({
      organization_id: actor.organizationId,
      house_id: house.id,
      number: sql<string>`${`ОСС-${year}-`} || lpad(nextval('meeting_number_seq')::text, 6, '0')`,
      kind: input.kind ?? 'annual',
      form: input.form ?? 'in_person',
      created_by: actor.personId,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  await audit(trx, { action: 'meetings.create', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: row.id });
  await createTask(trx, {
    organizationId: actor.organizationId,
    personId: actor.personId,
    kind: 'meeting',
    title: `Проведение общего собрания собственников ${row.number}: ${house.address}`,
    payload: { meetingId: row.id, link: `/meetings/${row.id}` },
  });
  return row;
}

export async function listMeetings(db: Db, actor: Actor, status: 'in_progress' | 'completed' | 'all') {
  let q = db
    .selectFrom('meetings as m')
    .innerJoin('houses as h', 'h.id', 'm.house_id')
    .select([
      'm.id', 'm.number', 'm.status', 'm.kind', 'm.form', 'm.starts_at', 'm.ends_at', 'm.gis_status', 'm.completed_at', 'm.created_at',
      'm.notice_done_at', 'm.register_done_at', 'm.ballots_done_at', 'm.counting_done_at', 'm.protocol_done_at', 'm.gis_done_at',
      'h.address', 'h.cadastral_number',
    ])
    .where('m.organization_id', '=', actor.organizationId);
  if (status !== 'all') q = q.where('m.status', '=', status);
  return q.orderBy('m.starts_at', 'desc').orderBy('m.created_at', 'desc').limit(500).execute();
}

export interface NoticeInput {
  kind: MeetingKind;
  form: MeetingForm;
  electronic: boolean;
  initiators: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  ballotsPlace: string;
  materialsPlace: string;
  items: { title: string; proposal?: string; majority: Majority }[];
}

/** Stage 1: the notice's fields and the agenda (the items are replaced as a whole). */
export async function saveNotice(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; id: string; input: NoticeInput }) {
  const { actor, input } = o;
  const m = await meetingOf(trx, actor, o.id, true);
  assertEditable(m, 'notice');
  const errors: FieldError[] = [];
  const starts = input.startsAt ? new Date(input.startsAt) : null;
  const ends = input.endsAt ? new Date(input.endsAt) : null;
  if (starts && Number.isNaN(starts.getTime())) errors.push({ field: 'startsAt', message: 'Дата и время начала собрания: неверный формат' });
  if (ends && Number.isNaN(ends.getTime())) errors.push({ field: 'endsAt', message: 'Дата и время окончания приёма решений: неверный формат' });
  if (starts && ends && ends < starts) errors.push({ field: 'endsAt', message: 'Дата и время окончания приёма решений: не может быть раньше начала собрания' });
  if (input.electronic && input.form === 'in_person') errors.push({ field: 'electronic', message: 'Электронное голосование: возможно только в заочной или очно-заочной форме' });
  input.items.forEach((it, i) => {
    if (!it.title.trim()) errors.push({ field: `items.${i}.title`, message: `Вопрос ${i + 1} повестки дня: укажите формулировку` });
  });
  if (errors.length) throw invalid(errors);
  await trx
    .updateTable('meetings')
    .set({
      kind: input.kind,
      form: input.form,
      electronic: input.electronic,
      initiators: input.initiators.trim(),
      starts_at: starts,
      ends_at: ends,
      place: input.place.trim(),
      ballots_place: input.ballotsPlace.trim(),
      materials_place: input.materialsPlace.trim(),
      // The notice file no longer matches: it is made again from the new data (the old file
      // stays named by the row until the new one replaces it, but is no longer offered).
      notice_status: 'none',
    })
    .where('id', '=', m.id)
    .execute();
  // Votes refer to items: the agenda is replaced only while no vote is recorded.
  const votes = await trx.selectFrom('meeting_votes').select('owner_id').where('meeting_id', '=', m.id).limit(1).executeTakeFirst();
  const current = await trx.selectFrom('meeting_items').select(['title', 'proposal', 'majority']).where('meeting_id', '=', m.id).orderBy('position').execute();
  const same = current.length === input.items.length && current.every((c, i) => c.title === input.items[i].title.trim() && c.proposal === (input.items[i].proposal ?? '').trim() && c.majority === input.items[i].majority);
  if (!same) {
    if (votes) throw new AppError('meeting_stage', 'Повестка дня: по вопросам уже внесены голоса — повестку изменить нельзя');
    await trx.deleteFrom('meeting_items').where('meeting_id', '=', m.id).execute();
    if (input.items.length) {
      await trx
        .insertInto('meeting_items')
        .values(input.items.map((it, i) => ({ meeting_id: m.id, position: i + 1, title: it.title.trim(), proposal: (it.proposal ?? '').trim(), majority: it.majority })))
        .execute();
    }
  }
  await audit(trx, { action: 'meetings.notice.save', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: m.id });
}

/** What keeps a stage from being marked done (empty: it may be). */
export async function stageBlockers(q: Q, m: MeetingRow, stage: StageKey): Promise<string[]> {
  const out: string[] = [];
  switch (stage) {
    case 'notice': {
      if (!m.initiators) out.push('Инициаторы собрания: укажите инициаторов');
      if (!m.starts_at) out.push('Дата и время начала собрания: укажите');
      if (!m.ends_at) out.push('Дата и время окончания приёма решений: укажите');
      if (!m.place && m.form !== 'absentee') out.push('Место проведения собрания: укажите');
      const items = await q.selectFrom('meeting_items').select(sql<number>`count(*)::int`.as('n')).where('meeting_id', '=', m.id).executeTakeFirstOrThrow();
      if (items.n === 0) out.push('Повестка дня: добавьте хотя бы один вопрос');
      break;
    }
    case 'register': {
      const check = await registerCheck(q, m.id);
      out.push(...check.errors.slice(0, 20));
      if (check.premises === 0) out.push('Реестр собственников: добавьте помещения и собственников');
      break;
    }
    case 'ballots':
      break;
    case 'counting': {
      const n = await q.selectFrom('meeting_owners').select(sql<number>`count(*)::int`.as('n')).where('meeting_id', '=', m.id).where('voted_at', 'is not', null).executeTakeFirstOrThrow();
      if (n.n === 0) out.push('Подсчёт голосов: не внесено ни одного решения собственника');
      break;
    }
    case 'protocol':
      if (m.protocol_status !== 'ready') out.push('Протокол: сформируйте протокол');
      break;
    case 'gis':
      if (m.gis_status !== 'loaded') out.push('Протокол ещё не загружен в ГИС ЖКХ');
      break;
  }
  return out;
}

/** Marks a stage done (after the one before it) or takes the mark off (while the next one is not done). */
export async function markStage(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; id: string; stage: StageKey; done: boolean }) {
  const { actor, stage } = o;
  const m = await meetingOf(trx, actor, o.id, true);
  if (m.status === 'completed') throw new AppError('meeting_completed', 'Собрание проведено: изменить его нельзя');
  const i = MEETING_STAGES.findIndex((s) => s.key === stage);
  const s = MEETING_STAGES[i];
  if (o.done) {
    if (m[doneColumn(stage)]) return;
    assertReached(m, stage);
    const blockers = await stageBlockers(trx, m, stage);
    if (blockers.length) throw new AppError('meeting_stage', `Этап «${s.n}. ${s.title}» не может быть завершён: ${blockers.join('; ')}`, undefined, { blockers });
    await trx.updateTable('meetings').set({ [doneColumn(stage)]: o.ctx.now() }).where('id', '=', m.id).execute();
  } else {
    if (!m[doneColumn(stage)]) return;
    const next = MEETING_STAGES[i + 1];
    if (next && m[doneColumn(next.key)]) throw new AppError('meeting_stage', `Сначала снимите отметку с этапа «${next.n}. ${next.title}»`);
    if (stage === 'gis') throw new AppError('meeting_stage', 'Отметку о загрузке в ГИС ЖКХ ставит ответ ГИС ЖКХ');
    if (stage === 'protocol' && (m.gis_status === 'sending' || m.gis_status === 'loaded')) throw new AppError('meeting_stage', 'Протокол отправлен в ГИС ЖКХ: отметку этапа снять нельзя');
    // What was made from the stage's data no longer matches once it may change: the ballots
    // (from the register), the protocol (from the count) are made again.
    const reset = stage === 'register' ? { ballots_status: 'none' as const } : stage === 'counting' ? { protocol_status: 'none' as const } : {};
    await trx.updateTable('meetings').set({ [doneColumn(stage)]: null, ...reset }).where('id', '=', m.id).execute();
  }
  await audit(trx, { action: o.done ? 'meetings.stage.done' : 'meetings.stage.undone', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: m.id });
}

/** «Собрание проведено»: after the protocol is loaded into ГИС ЖКХ. */
export async function completeMeeting(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; id: string }) {
  const m = await meetingOf(trx, o.actor, o.id, true);
  if (m.status === 'completed') return;
  for (const s of MEETING_STAGES.slice(0, 5)) {
    if (!m[doneColumn(s.key)]) throw new AppError('meeting_stage', `Сначала завершите этап «${s.n}. ${s.title}»`);
  }
  if (m.gis_status !== 'loaded') throw new AppError('meeting_stage', 'Собрание можно отметить проведённым, когда протокол загружен в ГИС ЖКХ (статус «Загружен»)');
  const now = o.ctx.now();
  await trx.updateTable('meetings').set({ status: 'completed', completed_at: now, gis_done_at: m.gis_done_at ?? now }).where('id', '=', m.id).execute();
  await closeTasksAbout(trx, { kind: 'meeting', ref: { meetingId: m.id }, now });
  await audit(trx, { action: 'meetings.complete', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'meeting', subjectId: m.id });
}
