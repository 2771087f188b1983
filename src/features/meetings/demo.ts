/**
 * Demo step (AFTER_DEMO_SEED): two managing organizations (управляющие
 * организации) — ООО «УК «Домовой» with manager@ossig.test (two houses, a
 * meeting at stage 4 and a completed one) and ООО «УК «Квартал» with
 * manager2@ossig.test. Made through the same use-cases as the cabinet.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { loadActor, type Actor } from '../../platform/http/auth.js';
import { hashPassword } from '../identity/password.js';
import { makeValidInnLegal, makeValidOgrn, makeValidSnils } from '../../domain/identifiers.js';
import { DEMO_PASSWORD, type DemoHook } from '../demo/types.js';
import { insertDemoOrganization } from '../demo/organizations.js';
import { createHouse, createMeeting, markStage, saveNotice } from './meetings.js';
import { addPremise } from './register.js';
import { recordBallot } from './voting.js';
import { orderMeetingDocument, renderMeetingDocument, type MeetingDoc } from './documents.js';
import { confirmGisRights, runGisExchange, uploadToGis } from './gis.js';
import { completeMeeting } from './meetings.js';

export const MANAGING_ORGS = [
  { key: 'manager', name: 'Общество с ограниченной ответственностью «Управляющая компания «Домовой»»', shortName: 'ООО «УК «Домовой»»', address: 'г. Москва, ул. Вавилова, д. 19, пом. 2', seed: 508, person: { email: 'manager@ossig.test', name: 'Лебедева Анна Викторовна', phone: '+79161000009' } },
  { key: 'manager2', name: 'Общество с ограниченной ответственностью «Управляющая компания «Квартал»»', shortName: 'ООО «УК «Квартал»»', address: 'г. Москва, ул. Профсоюзная, д. 3', seed: 509, person: { email: 'manager2@ossig.test', name: 'Егоров Игорь Петрович', phone: '+79161000010' } },
] as const;

async function actorFor(ctx: AppContext, personId: string, name: string, orgId: string): Promise<Actor> {
  const a = await loadActor(ctx.db, { personId, personName: name, sessionId: null, tokenId: null, organizationId: orgId }, orgId);
  if (!a) throw new Error('demo: manager is not a member');
  return a;
}

/** A small house register: 10 flats and a non-residential premise of the city; 600.00 m² in all. */
const FLATS: { number: string; area: string; owners: { name: string; share: string; ownership: 'sole' | 'shared' | 'joint'; ownerKind?: 'person' | 'legal' | 'city'; inn?: string }[]; kind?: 'non_residential' }[] = [
  { number: '1', area: '54.30', owners: [{ name: 'Иванов Иван Иванович', share: '1/2', ownership: 'shared' }, { name: 'Иванова Мария Петровна', share: '1/2', ownership: 'shared' }] },
  { number: '2', area: '38.70', owners: [{ name: 'Сидоров Пётр Алексеевич', share: '1', ownership: 'sole' }] },
  { number: '3', area: '62.00', owners: [{ name: 'Кузьмин Олег Игоревич; Кузьмина Ольга Сергеевна', share: '1', ownership: 'joint' }] },
  { number: '4', area: '45.50', owners: [{ name: 'Фёдорова Нина Павловна', share: '2/3', ownership: 'shared' }, { name: 'Фёдоров Андрей Ильич', share: '1/3', ownership: 'shared' }] },
  { number: '5', area: '54.30', owners: [{ name: 'Город Москва', share: '1', ownership: 'sole', ownerKind: 'city' }] },
  { number: '6', area: '38.70', owners: [{ name: 'Орлова Елена Дмитриевна', share: '1', ownership: 'sole' }] },
  { number: '7', area: '62.00', owners: [{ name: 'Белов Сергей Николаевич', share: '1', ownership: 'sole' }] },
  { number: '8', area: '45.50', owners: [{ name: 'Зайцева Татьяна Юрьевна', share: '1', ownership: 'sole' }] },
  { number: '9', area: '54.30', owners: [{ name: 'Никитин Роман Олегович', share: '1', ownership: 'sole' }] },
  { number: '10', area: '38.70', owners: [{ name: 'Павлова Ирина Сергеевна', share: '1', ownership: 'sole' }] },
  { number: 'Н1', area: '106.00', kind: 'non_residential', owners: [{ name: 'ООО «Аптека на Вавилова»', share: '1', ownership: 'sole', ownerKind: 'legal', inn: makeValidInnLegal(610) }] },
];

export const AGENDA = [
  { title: 'Избрание председателя и секретаря собрания, наделение их полномочиями по подсчёту голосов', majority: 'participants' as const },
  { title: 'Утверждение плана текущего ремонта общего имущества на 2027 год', majority: 'participants' as const },
  { title: 'Принятие решения о капитальном ремонте кровли', majority: 'two_thirds_all' as const },
  { title: 'Передача в пользование части общего имущества (размещение рекламной конструкции)', majority: 'two_thirds_all' as const },
];

export const meetingsDemoHook: DemoHook = async (ctx, info) => {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: string[] = [];
  for (const [i, o] of MANAGING_ORGS.entries()) {
    const { orgId, personId } = await ctx.db.transaction().execute(async (trx) => {
      const orgId = await insertDemoOrganization(trx, o, ['managing']);
      const person = await trx
        .insertInto('persons')
        .values({ full_name: o.person.name, email: o.person.email, phone: o.person.phone, snils: makeValidSnils(7000 + i * 41), password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('memberships').values({ person_id: person.id, organization_id: orgId, role: 'head', access: 'full', valid_until: null }).execute();
      return { orgId, personId: person.id };
    });
    info.orgIds.set(o.key, orgId);
    ids.push(orgId);
    const actor = await actorFor(ctx, personId, o.person.name, orgId);
    if (o.key === 'manager') await fillManager(ctx, actor);
    else await fillOther(ctx, actor);
  }
  info.log(`Управляющие организации: manager@ossig.test (ООО «УК «Домовой»», два дома, собрание на этапе подсчёта голосов и проведённое), manager2@ossig.test (ООО «УК «Квартал»»)`);
};

async function fillManager(ctx: AppContext, actor: Actor) {
  const now = ctx.now();
  const day = 86_400_000;
  const h1 = await ctx.db.transaction().execute((trx) => createHouse(trx, actor, { address: 'г. Москва, ул. Вавилова, д. 21', cadastralNumber: '77:06:0002001:1101', totalArea: '600.00' }));
  const h2 = await ctx.db.transaction().execute((trx) => createHouse(trx, actor, { address: 'г. Москва, ул. Вавилова, д. 23, корп. 1', cadastralNumber: '77:06:0002001:1102', totalArea: '4830.40' }));
  await completedMeeting(ctx, actor, h2.id);
  // The meeting at stage 4: notice, register and ballots done; some decisions received.
  const m = await ctx.db.transaction().execute((trx) => createMeeting(trx, { ctx, actor, input: { houseId: h1.id, kind: 'annual', form: 'mixed' } }));
  await ctx.db.transaction().execute((trx) =>
    saveNotice(trx, {
      ctx,
      actor,
      id: m.id,
      input: {
        kind: 'annual',
        form: 'mixed',
        electronic: false,
        initiators: 'ООО «УК «Домовой»», ОГРН ' + makeValidOgrn(508),
        startsAt: new Date(now.getTime() - 5 * day).toISOString(),
        endsAt: new Date(now.getTime() + 5 * day).toISOString(),
        place: 'г. Москва, ул. Вавилова, д. 21, холл 1-го этажа',
        ballotsPlace: 'г. Москва, ул. Вавилова, д. 19, пом. 2 (офис управляющей компании), почтовый ящик у подъезда № 1',
        materialsPlace: 'Офис управляющей компании, пн–пт 9:00–18:00',
        items: AGENDA,
      },
    }),
  );
  for (const f of FLATS) {
    await ctx.db.transaction().execute((trx) =>
      addPremise(trx, actor, m.id, { number: f.number, kind: f.kind ?? 'residential', area: f.area, owners: f.owners.map((o) => ({ name: o.name, share: o.share, ownership: o.ownership, ownerKind: o.ownerKind ?? 'person', inn: o.inn ?? null })) }),
    );
  }
  for (const s of ['notice', 'register', 'ballots'] as const) await ctx.db.transaction().execute((trx) => markStage(trx, { ctx, actor, id: m.id, stage: s, done: true }));
  const owners = await ctx.db.selectFrom('meeting_owners').select(['id', 'name']).where('meeting_id', '=', m.id).orderBy('position').execute();
  const items = await ctx.db.selectFrom('meeting_items').select('id').where('meeting_id', '=', m.id).orderBy('position').execute();
  for (const [i, o] of owners.slice(0, 6).entries()) {
    await ctx.db.transaction().execute((trx) =>
      recordBallot(trx, { ctx, actor, id: m.id, ownerId: o.id, choices: Object.fromEntries(items.map((it, k) => [it.id, k === 3 && i % 2 ? 'against' : 'for'])) }),
    );
  }
}

/** Makes a document at once (the demo runs before the worker; the job enqueued with it then finds it made). */
async function makeDocument(ctx: AppContext, actor: Actor, id: string, doc: MeetingDoc, protocol?: { chair: string; secretary: string; counters: string }) {
  await ctx.db.transaction().execute((trx) => orderMeetingDocument(trx, { ctx, actor, id, doc, protocol }));
  const m = await ctx.db.selectFrom('meetings').select(['notice_document_id', 'ballots_document_id', 'protocol_document_id']).where('id', '=', id).executeTakeFirstOrThrow();
  await renderMeetingDocument(ctx, { meetingId: id, doc, documentId: m[`${doc}_document_id`]!, replaces: null, personId: actor.personId });
}

const SURNAMES = ['Смирнов', 'Волков', 'Соколов', 'Попов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Егоров', 'Павлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Захаров'];
const NAMES = ['Алексей Иванович', 'Дмитрий Сергеевич', 'Михаил Петрович', 'Андрей Олегович'];

/**
 * The completed meeting of the second house: 63 flats of 75.00 m² and a non-residential premise of
 * 105.40 m² (4 830.40 m² in all), 45 decisions, notice, ballots and protocol made and signed, the
 * protocol loaded into the ГИС ЖКХ simulator, «Собрание проведено».
 */
async function completedMeeting(ctx: AppContext, actor: Actor, houseId: string) {
  const day = 86_400_000;
  const now = ctx.now();
  const tx = <T>(fn: (trx: Transaction<Database>) => Promise<T>) => ctx.db.transaction().execute(fn);
  const m = await tx((trx) => createMeeting(trx, { ctx, actor, input: { houseId, kind: 'extraordinary', form: 'absentee' } }));
  await tx((trx) =>
    saveNotice(trx, {
      ctx,
      actor,
      id: m.id,
      input: {
        kind: 'extraordinary',
        form: 'absentee',
        electronic: false,
        initiators: 'ООО «УК «Домовой»», ОГРН ' + makeValidOgrn(508),
        startsAt: new Date(now.getTime() - 40 * day).toISOString(),
        endsAt: new Date(now.getTime() - 30 * day).toISOString(),
        place: '',
        ballotsPlace: 'г. Москва, ул. Вавилова, д. 19, пом. 2 (офис управляющей компании)',
        materialsPlace: 'Офис управляющей компании, пн–пт 9:00–18:00',
        items: [
          { title: 'Избрание председателя и секретаря собрания, наделение их полномочиями по подсчёту голосов', majority: 'participants' as const },
          { title: 'Установка системы контроля доступа во дворе', majority: 'two_thirds_all' as const },
          { title: 'Заключение прямых договоров с ресурсоснабжающими организациями', majority: 'more_than_half_all' as const },
        ],
      },
    }),
  );
  for (let i = 1; i <= 63; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]} ${NAMES[i % NAMES.length]}`;
    await tx((trx) => addPremise(trx, actor, m.id, { number: String(i), kind: 'residential', area: '75.00', owners: [{ name, share: '1', ownership: 'sole', ownerKind: 'person', inn: null }] }));
  }
  await tx((trx) => addPremise(trx, actor, m.id, { number: 'Н1', kind: 'non_residential', area: '105.40', owners: [{ name: 'Город Москва', share: '1', ownership: 'sole', ownerKind: 'city', inn: null }] }));
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'notice', done: true }));
  await makeDocument(ctx, actor, m.id, 'notice');
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'register', done: true }));
  await makeDocument(ctx, actor, m.id, 'ballots');
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'ballots', done: true }));
  const owners = await ctx.db.selectFrom('meeting_owners').select('id').where('meeting_id', '=', m.id).orderBy('position').execute();
  const items = await ctx.db.selectFrom('meeting_items').select('id').where('meeting_id', '=', m.id).orderBy('position').execute();
  for (const [i, o] of owners.slice(0, 45).entries()) {
    const choices = Object.fromEntries(items.map((it, k) => [it.id, k === 1 && i % 3 === 0 ? 'against' : k === 2 && i % 5 === 0 ? 'abstain' : 'for'] as const));
    await tx((trx) => recordBallot(trx, { ctx, actor, id: m.id, ownerId: o.id, choices }));
  }
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'counting', done: true }));
  await makeDocument(ctx, actor, m.id, 'protocol', { chair: 'Смирнов Алексей Иванович', secretary: 'Волков Дмитрий Сергеевич', counters: 'Соколов Михаил Петрович' });
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'protocol', done: true }));
  await tx((trx) => confirmGisRights(trx, { ctx, actor, id: m.id }));
  await tx((trx) => uploadToGis(trx, { ctx, actor, id: m.id }));
  const row = await ctx.db.selectFrom('meetings').select('gis_request_guid').where('id', '=', m.id).executeTakeFirstOrThrow();
  await runGisExchange(ctx, { meetingId: m.id, transportGuid: row.gis_request_guid! }, { pollDelayMs: 10 });
  await tx((trx) => completeMeeting(trx, { ctx, actor, id: m.id }));
}

async function fillOther(ctx: AppContext, actor: Actor) {
  const h = await ctx.db.transaction().execute((trx) => createHouse(trx, actor, { address: 'г. Москва, ул. Профсоюзная, д. 5', cadastralNumber: '77:06:0004005:2201', totalArea: '3120.00' }));
  await ctx.db.transaction().execute((trx) => createMeeting(trx, { ctx, actor, input: { houseId: h.id, kind: 'extraordinary', form: 'absentee' } }));
}
