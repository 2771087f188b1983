/**
 * Owners' general meetings through HTTP as a managing organization: the
 * stages in order, the register's checks (shares, total area) with messages
 * naming the row and field, the import with a per-row result file, and the
 * vote count against hand-computed cases (count.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { hashPassword } from '../identity/password.js';
import { makeValidInnLegal, makeValidOgrn } from '../../domain/identifiers.js';
import { createXlsxWriter } from '../../platform/spreadsheet/writer.js';
import { countVotes, type CountOwner } from './count.js';
import { parseShare } from './register.js';

let ctx: TestContext;
let app: App;
let manager: Client;
let producer: Client;

/** A managing organization with its head, signed in (a factory: no demo needed). */
async function managingOrg(seed: number, roles: ('managing' | 'producer')[] = ['managing']): Promise<Client> {
  const org = await ctx.db
    .insertInto('organizations')
    .values({ kind: 'legal', inn: makeValidInnLegal(seed), ogrn: makeValidOgrn(seed), name: `ООО «УК ${seed}»`, roles })
    .returning('id')
    .executeTakeFirstOrThrow();
  const email = `head${seed}@meetings.test`;
  const p = await ctx.db.insertInto('persons').values({ full_name: `Руководитель ${seed}`, email, phone: null, snils: null, password_hash: await hashPassword('Meeting2026pass') }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('memberships').values({ person_id: p.id, organization_id: org.id, role: 'head', access: 'full', valid_until: null }).execute();
  const c = new Client(app);
  await c.login(email, 'Meeting2026pass');
  return c;
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = createXlsxWriter(out);
  const s = w.addSheet('Реестр', { columns: rows[0].map(() => ({})) });
  for (const r of rows) await s.addRow(r);
  await w.finish();
  return Buffer.concat(chunks);
}

function multipart(file: Buffer, name: string) {
  const boundary = '----meetings' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
  manager = await managingOrg(811);
  producer = await managingOrg(812, ['producer']);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const HEADER = ['Номер помещения', 'Вид помещения', 'Площадь помещения, м²', 'Кадастровый номер помещения', 'Собственник', 'Тип собственника', 'ИНН', 'Вид собственности', 'Доля', 'Документ о праве собственности'];

describe('a meeting through its stages', () => {
  let id = '';
  let houseId = '';

  it('a house: fields checked with Russian messages naming the field', async () => {
    const bad = await manager.post('/api/houses', { address: ' ', cadastralNumber: '77:06', totalArea: '0' });
    expect(bad.status).toBe(422);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['address', 'cadastralNumber', 'totalArea']);
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'cadastralNumber').message).toMatch(/^Кадастровый номер дома: /);
    const ok = await manager.post('/api/houses', { address: 'г. Москва, ул. Тестовая, д. 1', cadastralNumber: '77:06:0002001:1', totalArea: '300,00' });
    expect(ok.status).toBe(201);
    expect(ok.body.totalArea).toBe('300.00');
    houseId = ok.body.id;
  });

  it('a waste organization does not see the service at all (404), and a task appears for the manager', async () => {
    expect((await producer.get('/api/meetings')).status).toBe(404);
    expect((await producer.post('/api/houses', { address: 'x', cadastralNumber: '77:06:0002001:2', totalArea: '1' })).status).toBe(404);
    const m = await manager.post('/api/meetings', { houseId, kind: 'extraordinary', form: 'mixed' });
    expect(m.status).toBe(201);
    id = m.body.id;
    expect(m.body.number).toMatch(/^ОСС-\d{4}-\d{6}$/);
    expect((await producer.get(`/api/meetings/${id}`)).status).toBe(404);
    const tasks = await manager.get('/api/tasks');
    expect(tasks.body.items.some((t: { kind: string; payload: { meetingId?: string } }) => t.kind === 'meeting' && t.payload.meetingId === id)).toBe(true);
  });

  it('stages go in order; a stage is done only when its data are complete', async () => {
    const early = await manager.post(`/api/meetings/${id}/stages/register`, { done: true });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/Сначала завершите этап «1\. Формирование сообщения ОСС»/);
    const empty = await manager.post(`/api/meetings/${id}/stages/notice`, { done: true });
    expect(empty.status).toBe(409);
    expect(empty.body.blockers).toContain('Повестка дня: добавьте хотя бы один вопрос');
    const bad = await manager.request('PUT', `/api/meetings/${id}/notice`, {
      kind: 'extraordinary', form: 'in_person', electronic: true, initiators: 'x', startsAt: '2026-12-10T15:00:00.000Z', endsAt: '2026-12-01T15:00:00.000Z', place: '', ballotsPlace: '', materialsPlace: '', items: [{ title: ' ', majority: 'participants' }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['electronic', 'endsAt', 'items.0.title']);
    const saved = await manager.request('PUT', `/api/meetings/${id}/notice`, {
      kind: 'extraordinary',
      form: 'mixed',
      electronic: true,
      initiators: 'Собственник кв. 1 Иванов И. И.',
      startsAt: '2026-12-10T15:00:00.000Z',
      endsAt: '2026-12-20T15:00:00.000Z',
      place: 'г. Москва, ул. Тестовая, д. 1, холл',
      ballotsPlace: 'Почтовый ящик УК',
      materialsPlace: 'Офис УК',
      items: [
        { title: 'Выбор председателя', majority: 'participants' },
        { title: 'Капитальный ремонт кровли', majority: 'two_thirds_all' },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.items).toHaveLength(2);
    const done = await manager.post(`/api/meetings/${id}/stages/notice`, { done: true });
    expect(done.status).toBe(200);
    expect(done.body.stages[0].done).toBe(true);
    expect(done.body.stages[1].available).toBe(true);
    // A done stage is locked.
    const locked = await manager.request('PUT', `/api/meetings/${id}/notice`, { ...saved.body, items: [{ title: 'x', majority: 'participants' }] });
    expect(locked.status).toBe(409);
  });

  it('hand entry: shares must add up to 1, a legal entity needs an ИНН, messages name the field', async () => {
    const shares = await manager.post(`/api/meetings/${id}/premises`, {
      number: '1', kind: 'residential', area: '100', owners: [{ name: 'А', ownerKind: 'person', ownership: 'shared', share: '1/2' }, { name: 'Б', ownerKind: 'person', ownership: 'shared', share: '1/3' }],
    });
    expect(shares.status).toBe(422);
    expect(shares.body.errors[0]).toEqual({ field: 'owners', message: 'Доли собственников: в сумме 5/6, а должны составлять 1' });
    const legal = await manager.post(`/api/meetings/${id}/premises`, { number: 'Н1', kind: 'non_residential', area: '50', owners: [{ name: 'ООО «Аптека»', ownerKind: 'legal', ownership: 'sole', share: '1' }] });
    expect(legal.status).toBe(422);
    expect(legal.body.errors[0].field).toBe('owners.0.inn');
    const ok = await manager.post(`/api/meetings/${id}/premises`, { number: '1', kind: 'residential', area: '100', owners: [{ name: 'А', ownerKind: 'person', ownership: 'shared', share: '1/2' }, { name: 'Б', ownerKind: 'person', ownership: 'shared', share: '0,5' }] });
    expect(ok.status).toBe(201);
    const reg = await manager.get(`/api/meetings/${id}/register`);
    expect(reg.body.check.errors).toEqual(['Общая площадь помещений: в реестре 100,00 м², а у дома указано 300,00 м²']);
    const stage = await manager.post(`/api/meetings/${id}/stages/register`, { done: true });
    expect(stage.status).toBe(409);
  });

  it('import: good rows replace the register, a bad row gets its reason (row and column) in the answer and the result file', async () => {
    const file = await xlsx([
      HEADER,
      ['1', 'жилое', '100', '', 'Иванов Иван Иванович', 'физическое лицо', '', 'долевая', '1/2', ''],
      ['1', 'жилое', '100', '', 'Иванова Мария Петровна', 'физическое лицо', '', 'долевая', '1/2', ''],
      ['2', 'жилое', '80,5', '', 'Петров П. П.; Петрова А. А.', 'физическое лицо', '', 'совместная', '1', ''],
      ['3', 'нежилое', '119.50', '', 'Город Москва', 'город', '', 'единоличная', '1', ''],
      ['4', 'жилое', 'сто', '', 'Сидоров', 'физическое лицо', '', 'единоличная', '1', ''],
    ]);
    const { body, headers } = multipart(file, 'реестр.xlsx');
    const r = await manager.request('POST', `/api/meetings/${id}/register/import`, body, headers);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: 5, accepted: 4, refused: 1 });
    expect(r.body.results[4].errors).toEqual(['Строка 6, «Площадь помещения, м²»: должно быть числом']);
    expect(r.body.check.errors).toEqual([]);
    expect(r.body.check.registerArea).toBe('300.00');
    const result = await manager.get(`/api/meetings/${id}/register/imports/${r.body.id}/result`);
    expect(result.status).toBe(200);
    expect(String(result.headers['content-type'])).toMatch(/spreadsheetml/);
    const done = await manager.post(`/api/meetings/${id}/stages/register`, { done: true });
    expect(done.status).toBe(200);
  });
});

describe('shares', () => {
  it('parses fractions and decimals exactly, refuses the impossible', () => {
    expect(parseShare('1/2')).toEqual({ ok: true, num: 1, den: 2 });
    expect(parseShare('0,25')).toEqual({ ok: true, num: 1, den: 4 });
    expect(parseShare('2/4')).toEqual({ ok: true, num: 1, den: 2 });
    expect(parseShare('3/2').ok).toBe(false);
    expect(parseShare('0').ok).toBe(false);
    expect(parseShare('1/0').ok).toBe(false);
    expect(parseShare('половина').ok).toBe(false);
  });
});

describe('counting votes against hand-computed cases', () => {
  const items = [
    { id: 'chair', majority: 'participants' as const },
    { id: 'roof', majority: 'two_thirds_all' as const },
    { id: 'half', majority: 'more_than_half_all' as const },
    { id: 'all', majority: 'all' as const },
  ];
  const owner = (id: string, area: string, share: [number, number], voted: boolean, choice: 'for' | 'against' | 'abstain' = 'for'): CountOwner => ({
    id, area, shareNum: share[0], shareDen: share[1], voted, choices: new Map(items.map((i) => [i.id, choice])),
  });

  it('a quorum of exactly 50 % is not reached; decisions are then not taken', () => {
    // House 300 m²: flat 1 (100 m², two halves), flat 2 (50), flat 3 (150). Taking part: 100 + 50 = 150 = 50 %.
    const r = countVotes('300.00', [owner('a', '100.00', [1, 2], true), owner('b', '100.00', [1, 2], true), owner('c', '50.00', [1, 1], true), owner('d', '150.00', [1, 1], false)], items);
    expect(r.participatingVotes).toBe('150.00');
    expect(r.participatingPercent).toBe('50.00');
    expect(r.quorum).toBe(false);
    expect(r.items.every((i) => !i.accepted)).toBe(true);
  });

  it('just above 50 % (by 0.01 m²) is a quorum', () => {
    const r = countVotes('300.00', [owner('a', '150.01', [1, 1], true), owner('b', '149.99', [1, 1], false)], items);
    expect(r.quorum).toBe(true);
    expect(r.participatingPercent).toBe('50.00'); // shown rounded; the comparison is exact
    expect(r.items.find((i) => i.id === 'chair')!.accepted).toBe(true);
    expect(r.items.find((i) => i.id === 'half')!.accepted).toBe(true);
    expect(r.items.find((i) => i.id === 'roof')!.accepted).toBe(false);
  });

  it('two thirds of all votes: just below is not taken, exactly and just above are', () => {
    // House 300 m²: two thirds = 200 m².
    const below = countVotes('300.00', [owner('a', '199.99', [1, 1], true), owner('b', '100.01', [1, 1], true, 'against')], items);
    expect(below.items.find((i) => i.id === 'roof')!.accepted).toBe(false);
    expect(below.items.find((i) => i.id === 'chair')!.accepted).toBe(true);
    const exactly = countVotes('300.00', [owner('a', '200.00', [1, 1], true), owner('b', '100.00', [1, 1], false)], items);
    expect(exactly.items.find((i) => i.id === 'roof')!).toMatchObject({ accepted: true, for: '200.00', forPercent: '66.67' });
    const above = countVotes('300.00', [owner('a', '200.01', [1, 1], true), owner('b', '99.99', [1, 1], false)], items);
    expect(above.items.find((i) => i.id === 'roof')!.accepted).toBe(true);
  });

  it('shared ownership: each co-owner votes with area × share, thirds exactly', () => {
    // Flat of 100 m² in thirds: 33.33… each. Two thirds «за» of a 150 m² house with a 50 m² flat against.
    const r = countVotes('150.00', [owner('a', '100.00', [1, 3], true), owner('b', '100.00', [1, 3], true), owner('c', '100.00', [1, 3], true, 'against'), owner('d', '50.00', [1, 1], true, 'against')], items);
    const chair = r.items.find((i) => i.id === 'chair')!;
    expect(chair.for).toBe('66.67');
    expect(chair.against).toBe('83.33');
    expect(chair.accepted).toBe(false); // 66.67 of 150 taking part is not a majority
    expect(r.participatingVotes).toBe('150.00');
  });

  it('a premise with several owners voting differently, abstentions count as taking part', () => {
    // 200 m² house: flat 120 m² (1/4 for, 3/4 abstain), flat 80 m² for.
    const r = countVotes('200.00', [owner('a', '120.00', [1, 4], true), owner('b', '120.00', [3, 4], true, 'abstain'), owner('c', '80.00', [1, 1], true)], items);
    const chair = r.items.find((i) => i.id === 'chair')!;
    expect(chair).toMatchObject({ for: '110.00', abstain: '90.00', forPercent: '55.00', accepted: true });
    expect(r.items.find((i) => i.id === 'all')!.accepted).toBe(false);
    const all = countVotes('200.00', [owner('a', '120.00', [1, 1], true), owner('c', '80.00', [1, 1], true)], items);
    expect(all.items.find((i) => i.id === 'all')!.accepted).toBe(true);
  });
});
