/**
 * Stage 4, decisions imported from a file through HTTP as the managing
 * organization: the template (every owner, a column per item), a good file
 * tolerant of case, «ё» and spaces whose count equals the same ballots entered
 * by hand, each kind of bad row with its reason in the answer and the result
 * file, re-import (nothing added; a changed decision replaced and named), and
 * the refusals of the file (kind, no rows, a missing item column), of the stage
 * and of another organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { multipart } from '../../../test/helpers/applications.js';
import { buildTestApp, Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { JOBS } from '../index.js';
import { hashPassword } from '../identity/password.js';
import { makeValidInnLegal, makeValidOgrn } from '../../domain/identifiers.js';
import { readXlsx } from '../../platform/spreadsheet/xlsx-reader.js';
import { cellText } from '../../platform/spreadsheet/cells.js';
import { parseChoice } from './votes-import.js';
import { xlsxBuffer } from '../../platform/spreadsheet/writer.js';

let ctx: TestContext;
let app: App;
let manager: Client;
let other: Client;
let producer: Client;

async function org(seed: number, roles: ('managing' | 'producer')[] = ['managing']): Promise<Client> {
  const o = await ctx.db
    .insertInto('organizations')
    .values({ kind: 'legal', inn: makeValidInnLegal(seed), ogrn: makeValidOgrn(seed), name: `ООО «УК ${seed}»`, roles })
    .returning('id')
    .executeTakeFirstOrThrow();
  const email = `head${seed}@votes.test`;
  const p = await ctx.db.insertInto('persons').values({ full_name: `Руководитель ${seed}`, email, phone: null, snils: null, password_hash: await hashPassword('Meeting2026pass') }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('memberships').values({ person_id: p.id, organization_id: o.id, role: 'head', access: 'full', valid_until: null }).execute();
  const c = new Client(app);
  await c.login(email, 'Meeting2026pass');
  return c;
}

const upload = (c: Client, url: string, data: Buffer, name = 'решения.xlsx') => {
  const { body, headers } = multipart([{ name: 'file', filename: name, data }]);
  return c.request('POST', url, body, headers);
};

const sheet = (rows: (string | number)[][]) =>
  xlsxBuffer(async (w) => {
    const s = w.addSheet('Решения', { columns: rows[0]!.map(() => ({})) });
    for (const r of rows) await s.addRow(r);
  });

/** The rows of an XLSX (first sheet) as text. */
async function readBack(buf: Buffer): Promise<string[][]> {
  const file = path.join(os.tmpdir(), `votes-${process.pid}-${Math.random().toString(16).slice(2)}.xlsx`);
  fs.writeFileSync(file, buf);
  try {
    const out: string[][] = [];
    for await (const r of readXlsx(file).rows()) out.push(r.cells.map((c) => cellText(c)));
    return out;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const download = async (c: Client, url: string) => {
  const r = await app.inject({ method: 'GET', url, headers: { cookie: (c as any).cookie } });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  expect(String(r.headers['content-type'])).toMatch(/spreadsheetml/);
  return r.rawPayload;
};

const PREMISES = [
  { number: '1', area: '100.00', owners: [{ name: 'Акимов Антон', share: '1/2', ownership: 'shared' }, { name: 'Акимова Белла', share: '1/2', ownership: 'shared' }] },
  { number: '2', area: '80.00', owners: [{ name: 'Ерёмина Вера', share: '1', ownership: 'sole' }] },
  { number: '3', area: '70.00', owners: [{ name: 'Дымов Глеб; Дымова Дина', share: '1', ownership: 'joint' }] },
  { number: '4', area: '50.00', owners: [{ name: 'Город Москва', share: '1', ownership: 'sole', ownerKind: 'city' }] },
];

/** A meeting of 5 owners (300 m²) and three items, brought to the stage `upTo` is the last done one of. */
let houses = 0;
async function meeting(c: Client, upTo: 'notice' | 'register' | 'ballots' = 'ballots') {
  houses++;
  const h = await c.post('/api/houses', { address: `г. Москва, ул. Счётная, д. ${houses}`, cadastralNumber: `77:06:0002001:${100 + houses}`, totalArea: '300.00' });
  expect(h.status, h.text).toBe(201);
  const id = (await c.post('/api/meetings', { houseId: h.body.id, kind: 'annual', form: 'absentee' })).body.id as string;
  const saved = await c.request('PUT', `/api/meetings/${id}/notice`, {
    kind: 'annual',
    form: 'absentee',
    electronic: false,
    initiators: 'Управляющая организация',
    startsAt: '2026-12-10T15:00:00.000Z',
    endsAt: '2026-12-20T15:00:00.000Z',
    place: 'Холл',
    ballotsPlace: 'Почтовый ящик УК',
    materialsPlace: 'Офис УК',
    items: [
      { title: 'Избрание председателя', majority: 'participants' },
      { title: 'Капитальный ремонт кровли', majority: 'two_thirds_all' },
      { title: 'Прямые договоры', majority: 'more_than_half_all' },
    ],
  });
  expect(saved.status, saved.text).toBe(200);
  expect((await c.post(`/api/meetings/${id}/documents/notice`, {})).status).toBe(202);
  await runJobsOnce(ctx, JOBS);
  expect((await c.post(`/api/meetings/${id}/stages/notice`, { done: true })).status).toBe(200);
  if (upTo === 'notice') return { id, items: saved.body.items as { id: string; position: number }[], owners: {} as Record<string, string> };
  for (const p of PREMISES) {
    const r = await c.post(`/api/meetings/${id}/premises`, { number: p.number, kind: 'residential', area: p.area, owners: p.owners.map((o) => ({ ownerKind: 'person', ...o })) });
    expect(r.status, r.text).toBe(201);
  }
  expect((await c.post(`/api/meetings/${id}/stages/register`, { done: true })).status).toBe(200);
  if (upTo === 'ballots') {
    expect((await c.post(`/api/meetings/${id}/documents/ballots`, {})).status).toBe(202);
    await runJobsOnce(ctx, JOBS);
    expect((await c.post(`/api/meetings/${id}/stages/ballots`, { done: true })).status).toBe(200);
  }
  const owners: Record<string, string> = {};
  for (const o of (await c.get(`/api/meetings/${id}/ballots?pageSize=50`)).body.items) owners[o.name] = o.ownerId;
  return { id, items: saved.body.items as { id: string; position: number }[], owners };
}

const HEADER = ['Номер помещения', 'Собственник', 'Вопрос 1', 'Вопрос 2', 'Вопрос 3'];

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
  manager = await org(851);
  other = await org(852);
  producer = await org(853, ['producer']);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('choice words', () => {
  it('за / против / воздержался whatever the case, «ё», spaces or a full stop; empty is no decision; anything else is not a choice', () => {
    expect(['за', 'ЗА ', ' За.', 'против', 'ПРОТИВ', 'Воздержался', 'воздержалась', 'ВОЗДЕРЖАЛИСЬ'].map(parseChoice)).toEqual(['for', 'for', 'for', 'against', 'against', 'abstain', 'abstain', 'abstain']);
    expect(['', '   '].map(parseChoice)).toEqual([null, null]);
    expect(['да', 'нет', 'x', 'за/против', '1'].map(parseChoice)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('decisions imported from a file', () => {
  let a: Awaited<ReturnType<typeof meeting>>;
  let b: Awaited<ReturnType<typeof meeting>>;

  beforeAll(async () => {
    a = await meeting(manager);
    b = await meeting(manager);
  });

  it('the template: every owner of the register in the ballots’ order, a column per agenda item, the agenda on its own sheet; another organization gets 404', async () => {
    const rows = await readBack(await download(manager, `/api/meetings/${a.id}/votes/template`));
    expect(rows[0]).toEqual(['Номер помещения', 'Собственник', 'Доля', 'Голосов, м²', 'Вопрос 1', 'Вопрос 2', 'Вопрос 3']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['1', 'Акимов Антон', '1/2', '50'],
      ['1', 'Акимова Белла', '1/2', '50'],
      ['2', 'Ерёмина Вера', '1', '80'],
      ['3', 'Дымов Глеб; Дымова Дина', '1', '70'],
      ['4', 'Город Москва', '1', '50'],
    ]);
    expect((await other.get(`/api/meetings/${a.id}/votes/template`)).status).toBe(404);
    expect((await producer.get(`/api/meetings/${a.id}/votes/template`)).status).toBe(404);
  });

  it('a good file — case, «ё» and spaces of no account, an empty cell no decision — counts exactly as the same ballots entered by hand', async () => {
    const file = await sheet([
      HEADER,
      ['1', 'АКИМОВ  антон', 'ЗА ', 'против', 'Воздержалась'],
      [1, 'Акимова Белла', 'за', '', 'за'],
      ['№ 2', 'Еремина Вера ', 'за', 'за', 'ПРОТИВ'],
      ['3', 'Дымов Глеб;Дымова Дина', 'воздержался', 'за', 'за'],
      ['4', 'Город Москва', '', '', ''],
    ]);
    const r = await upload(manager, `/api/meetings/${a.id}/votes/import`, file);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ rows: 5, recorded: 4, replaced: 0, unchanged: 0, skipped: 1, refused: 0 });
    expect(r.body.results[4]).toMatchObject({ row: 6, status: 'skipped', errors: ['нет ни одного решения — бюллетень не внесён'] });

    // The same ballots by hand in the twin meeting.
    const hand: [string, Record<number, 'for' | 'against' | 'abstain'>][] = [
      ['Акимов Антон', { 0: 'for', 1: 'against', 2: 'abstain' }],
      ['Акимова Белла', { 0: 'for', 2: 'for' }],
      ['Ерёмина Вера', { 0: 'for', 1: 'for', 2: 'against' }],
      ['Дымов Глеб; Дымова Дина', { 0: 'abstain', 1: 'for', 2: 'for' }],
    ];
    for (const [name, ch] of hand) {
      const res = await manager.post(`/api/meetings/${b.id}/ballots`, { ownerId: b.owners[name], choices: Object.entries(ch).map(([i, choice]) => ({ itemId: b.items[Number(i)]!.id, choice })) });
      expect(res.status, res.text).toBe(204);
    }
    const strip = (c: any) => ({ ...c, items: c.items.map(({ id: _id, ...rest }: any) => rest) });
    const ca = (await manager.get(`/api/meetings/${a.id}/count`)).body;
    const cb = (await manager.get(`/api/meetings/${b.id}/count`)).body;
    expect(strip(ca)).toEqual(strip(cb));
    // By hand: 50 + 50 + 80 + 70 = 250 of 300 took part.
    expect(ca).toMatchObject({ participants: 4, participatingVotes: '250.00', quorum: true });
    expect(ca.items[0]).toMatchObject({ for: '180.00', abstain: '70.00', accepted: true });
    expect(ca.items[1]).toMatchObject({ for: '150.00', against: '50.00', accepted: false });

    const result = await readBack(await download(manager, `/api/meetings/${a.id}/votes/imports/${r.body.id}/result`));
    expect(result[0]).toEqual(['Строка', 'Номер помещения', 'Собственник', 'Вопрос 1', 'Вопрос 2', 'Вопрос 3', 'Результат', 'Причина']);
    expect(result.slice(1).map((x) => x[6])).toEqual(['Внесено', 'Внесено', 'Внесено', 'Внесено', 'Пропущена']);
    // The register's result route does not hand out a votes import, nor another organization.
    expect((await manager.get(`/api/meetings/${a.id}/register/imports/${r.body.id}/result`)).status).toBe(404);
    expect((await other.get(`/api/meetings/${a.id}/votes/imports/${r.body.id}/result`)).status).toBe(404);
  });

  it('the same file again adds nothing; a changed decision replaces the one entered, named in the result file', async () => {
    const votesBefore = await ctx.db.selectFrom('meeting_votes').select(ctx.db.fn.countAll<string>().as('n')).where('meeting_id', '=', a.id).executeTakeFirstOrThrow();
    const countBefore = (await manager.get(`/api/meetings/${a.id}/count`)).body;
    const same = await sheet([
      HEADER,
      ['1', 'Акимов Антон', 'за', 'против', 'воздержался'],
      ['1', 'Акимова Белла', 'за', '', 'за'],
      ['2', 'Ерёмина Вера', 'за', 'за', 'против'],
      ['3', 'Дымов Глеб; Дымова Дина', 'воздержался', 'за', 'за'],
      ['4', 'Город Москва', '', '', ''],
    ]);
    const again = await upload(manager, `/api/meetings/${a.id}/votes/import`, same);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ rows: 5, recorded: 0, replaced: 0, unchanged: 4, skipped: 1, refused: 0 });
    const votesAfter = await ctx.db.selectFrom('meeting_votes').select(ctx.db.fn.countAll<string>().as('n')).where('meeting_id', '=', a.id).executeTakeFirstOrThrow();
    expect(Number(votesAfter.n)).toBe(Number(votesBefore.n));
    expect((await manager.get(`/api/meetings/${a.id}/count`)).body).toEqual(countBefore);

    // The city's ballot entered by hand, then the file says otherwise for it and for Ерёмина.
    expect((await manager.post(`/api/meetings/${a.id}/ballots`, { ownerId: a.owners['Город Москва'], choices: [{ itemId: a.items[0]!.id, choice: 'against' }] })).status).toBe(204);
    const changed = await sheet([HEADER, ['2', 'Ерёмина Вера', 'за', 'за', 'за'], ['4', 'Город Москва', 'за', 'за', '']]);
    const r = await upload(manager, `/api/meetings/${a.id}/votes/import`, changed);
    expect(r.body).toMatchObject({ rows: 2, recorded: 0, replaced: 2, refused: 0 });
    expect(r.body.results[0].errors).toEqual(['прежнее решение (1 — за, 2 — за, 3 — против) заменено решением из файла']);
    expect(r.body.results[1].errors).toEqual(['прежнее решение (1 — против) заменено решением из файла']);
    const list = (await manager.get(`/api/meetings/${a.id}/ballots?q=4`)).body.items[0];
    expect(list.choices).toEqual({ [a.items[0]!.id]: 'for', [a.items[1]!.id]: 'for' });
    // An empty row of an owner who voted leaves the decision.
    const empty = await upload(manager, `/api/meetings/${a.id}/votes/import`, await sheet([HEADER, ['4', 'Город Москва', '', '', '']]));
    expect(empty.body.results[0]).toMatchObject({ status: 'skipped', errors: ['нет ни одного решения — внесённое ранее решение оставлено как есть'] });
    expect((await manager.get(`/api/meetings/${a.id}/ballots?q=4`)).body.items[0].voted).toBe(true);
  });

  it('each kind of bad row is refused with its reason in Russian, in the answer and the result file; the good rows are recorded', async () => {
    const c = await meeting(manager);
    const file = await sheet([
      HEADER,
      ['1', 'Акимов Антон', 'за', 'за', 'за'], // good
      ['99', 'Иванов Иван', 'за', 'за', 'за'], // no such premise
      ['1', 'Петров Пётр', 'за', 'за', 'за'], // no such owner of premise 1
      ['2', 'Ерёмина Вера', 'за', 'да', 'за'], // a word that is not a choice
      ['3', 'Дымов Глеб; Дымова Дина', 'за', '', ''], // the same owner twice
      ['3', 'дымов глеб; дымова дина', 'против', '', ''],
      ['', 'Город Москва', 'за', '', ''], // no premise
    ]);
    const r = await upload(manager, `/api/meetings/${c.id}/votes/import`, file);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ rows: 7, recorded: 1, refused: 6 });
    const reasons = r.body.results.map((x: { errors: string[] }) => x.errors);
    expect(reasons[0]).toEqual([]);
    expect(reasons[1]).toEqual(['Строка 3, «Номер помещения»: помещения № 99 нет в реестре собственников собрания']);
    expect(reasons[2]).toEqual(['Строка 4, «Собственник»: «Петров Пётр» — такого собственника помещения № 1 нет в реестре собственников собрания (по реестру: «Акимов Антон», «Акимова Белла»)']);
    expect(reasons[3]).toEqual(['Строка 5, «Вопрос 2»: «да» — впишите «за», «против» или «воздержался» (пустая ячейка — решения по вопросу нет)']);
    expect(reasons[4]).toEqual(['Строка 6: собственник «Дымов Глеб; Дымова Дина» (помещение № 3) указан в файле несколько раз — в строках 6, 7; оставьте одну строку на бюллетень']);
    expect(reasons[5]).toEqual(['Строка 7: собственник «Дымов Глеб; Дымова Дина» (помещение № 3) указан в файле несколько раз — в строках 6, 7; оставьте одну строку на бюллетень']);
    expect(reasons[6]).toEqual(['Строка 8, «Номер помещения»: обязательное поле']);
    const count = (await manager.get(`/api/meetings/${c.id}/count`)).body;
    expect(count).toMatchObject({ participants: 1, participatingVotes: '50.00' });
    const result = await readBack(await download(manager, `/api/meetings/${c.id}/votes/imports/${r.body.id}/result`));
    expect(result.slice(1).map((x) => x[6])).toEqual(['Внесено', 'Отклонена', 'Отклонена', 'Отклонена', 'Отклонена', 'Отклонена', 'Отклонена']);
    expect(result[4]![7]).toBe(reasons[3][0]);
    expect(result[2]![1]).toBe('99');
  });

  it('CSV as the register import takes it (UTF-8, «;»)', async () => {
    const c = await meeting(manager);
    const csv = Buffer.from(['Номер помещения;Собственник;Вопрос 1;Вопрос 2;Вопрос 3', '2;Ерёмина Вера;за;против;', '4;Город Москва;воздержался;;за'].join('\r\n'), 'utf8');
    const r = await upload(manager, `/api/meetings/${c.id}/votes/import`, csv, 'решения.csv');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ rows: 2, recorded: 2, refused: 0 });
    expect((await manager.get(`/api/meetings/${c.id}/count`)).body).toMatchObject({ participants: 2, participatingVotes: '130.00' });
  });

  it('the file refused whole, naming the field: not a table, no rows under the header, an agenda item’s column missing', async () => {
    const notTable = await upload(manager, `/api/meetings/${a.id}/votes/import`, Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'), 'решения.xlsx');
    expect(notTable.status).toBe(422);
    expect(notTable.body.errors[0].field).toBe('file');
    const empty = await upload(manager, `/api/meetings/${a.id}/votes/import`, await sheet([HEADER]));
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([{ field: 'file', message: 'Файл: в файле нет строк с данными под заголовком' }]);
    const noItem = await upload(manager, `/api/meetings/${a.id}/votes/import`, await sheet([['Номер помещения', 'Собственник', 'Вопрос 1', 'Вопрос 2'], ['1', 'Акимов Антон', 'за', 'за']]));
    expect(noItem.status).toBe(422);
    expect(noItem.body.errors[0]).toMatchObject({ field: 'file' });
    expect(noItem.body.errors[0].message).toMatch(/^Файл: нет столбца «Вопрос 3»/);
  });

  it('only at the counting stage (409 before it and once it is done) and only for the meeting’s organization (404; a waste organization 404)', async () => {
    const early = await meeting(manager, 'register');
    const file = await sheet([HEADER, ['2', 'Ерёмина Вера', 'за', 'за', 'за']]);
    const r = await upload(manager, `/api/meetings/${early.id}/votes/import`, file);
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/Сначала завершите этап «3\./);
    expect((await upload(other, `/api/meetings/${a.id}/votes/import`, file)).status).toBe(404);
    expect((await upload(producer, `/api/meetings/${a.id}/votes/import`, file)).status).toBe(404);
    const c = await meeting(manager);
    expect((await upload(manager, `/api/meetings/${c.id}/votes/import`, file)).status).toBe(200);
    expect((await manager.post(`/api/meetings/${c.id}/stages/counting`, { done: true })).status).toBe(200);
    const done = await upload(manager, `/api/meetings/${c.id}/votes/import`, file);
    expect(done.status).toBe(409);
    expect(done.body.detail).toMatch(/Подсчет голосов» отмечен выполненным/);
  });

  it('the lists of imports: the decisions’ list holds only decisions imports, the register’s only register imports, newest first with their counts; another organization gets 404', async () => {
    const template = await download(manager, '/api/meetings/register-template');
    const fresh = await meeting(manager, 'notice');
    const reg1 = await upload(manager, `/api/meetings/${fresh.id}/register/import`, template, 'реестр-1.xlsx');
    expect(reg1.status, reg1.text).toBe(200);
    const reg2 = await upload(manager, `/api/meetings/${fresh.id}/register/import`, template, 'реестр-2.xlsx');
    expect(reg2.status, reg2.text).toBe(200);
    const regList = await manager.get(`/api/meetings/${fresh.id}/register/imports`);
    expect(regList.status, regList.text).toBe(200);
    expect(regList.body.items.map((i: any) => [i.id, i.fileName])).toEqual([
      [reg2.body.id, 'реестр-2.xlsx'],
      [reg1.body.id, 'реестр-1.xlsx'],
    ]);
    expect(regList.body.items[0]).toMatchObject({ rows: reg2.body.rows, accepted: reg2.body.accepted, refused: reg2.body.refused });
    expect((await manager.get(`/api/meetings/${fresh.id}/votes/imports`)).body).toEqual({ items: [] });

    const v1 = await upload(manager, `/api/meetings/${a.id}/votes/import`, await sheet([HEADER, ['2', 'Ерёмина Вера', 'за', 'за', 'против']]), 'решения-1.xlsx');
    expect(v1.status, v1.text).toBe(200);
    const v2 = await upload(manager, `/api/meetings/${a.id}/votes/import`, await sheet([HEADER, ['2', 'Ерёмина Вера', 'за', 'за', 'против'], ['99', 'Никто Никтоевич', 'за', '', '']]), 'решения-2.xlsx');
    expect(v2.status, v2.text).toBe(200);
    expect(v2.body).toMatchObject({ rows: 2, unchanged: 1, refused: 1 });
    const votesList = await manager.get(`/api/meetings/${a.id}/votes/imports`);
    expect(votesList.status, votesList.text).toBe(200);
    const items = votesList.body.items as { id: string; fileName: string; rows: number; accepted: number; refused: number; createdAt: string }[];
    expect(items.slice(0, 2).map((i) => i.id)).toEqual([v2.body.id, v1.body.id]);
    expect(items[0]).toMatchObject({ fileName: 'решения-2.xlsx', rows: 2, accepted: 1, refused: 1 });
    expect(items.length).toBeGreaterThan(2); // the earlier tests' imports of this meeting
    expect(items.map((i) => i.createdAt)).toEqual([...items.map((i) => i.createdAt)].sort().reverse());
    const regIds = new Set([reg1.body.id, reg2.body.id]);
    expect(items.some((i) => regIds.has(i.id))).toBe(false);
    // Meeting a's register was entered by hand: its register list is empty though it has decisions imports.
    expect((await manager.get(`/api/meetings/${a.id}/register/imports`)).body).toEqual({ items: [] });

    for (const c of [other, producer]) {
      expect((await c.get(`/api/meetings/${a.id}/votes/imports`)).status).toBe(404);
      expect((await c.get(`/api/meetings/${fresh.id}/register/imports`)).status).toBe(404);
    }
  });
});
