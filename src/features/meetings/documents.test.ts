/**
 * A meeting's documents and counting through HTTP as the managing
 * organization: the notice and ballots PDFs (registry records with their
 * codes), counting with double votes and votes by non-owners refused naming
 * the field, the live count, and the protocol PDF whose text holds every
 * item's result as the count gives it, signed and found by its code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { docxText } from '../../../test/helpers/docx.js';
import { multipart } from '../../../test/helpers/applications.js';
import { buildTestApp, Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { JOBS } from '../index.js';
import { meetingPlace } from './render.js';
import { hashPassword } from '../identity/password.js';
import { makeValidInnLegal, makeValidOgrn } from '../../domain/identifiers.js';

let ctx: TestContext;
let app: App;
let manager: Client;
let other: Client;

async function managingOrg(seed: number): Promise<Client> {
  const org = await ctx.db
    .insertInto('organizations')
    .values({ kind: 'legal', inn: makeValidInnLegal(seed), ogrn: makeValidOgrn(seed), name: `ООО «УК ${seed}»`, roles: ['managing'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const email = `head${seed}@meetdocs.test`;
  const p = await ctx.db.insertInto('persons').values({ full_name: `Руководитель ${seed}`, email, phone: null, snils: null, password_hash: await hashPassword('Meeting2026pass') }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('memberships').values({ person_id: p.id, organization_id: org.id, role: 'head', access: 'full', valid_until: null }).execute();
  const c = new Client(app);
  await c.login(email, 'Meeting2026pass');
  return c;
}

const download = async (c: Client, url: string) => {
  const r = await app.inject({ method: 'GET', url, headers: { cookie: (c as any).cookie } });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  return r.rawPayload;
};
const pdfText = async (b: Buffer) => (await extractText(new Uint8Array(b), { mergePages: true })).text.replace(/\s+/g, ' ');

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
  manager = await managingOrg(831);
  other = await managingOrg(832);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('meeting documents and counting', () => {
  let id = '';
  let items: { id: string }[] = [];
  const owner: Record<string, string> = {};

  it('the notice: ordered, made by the job, a signed PDF with the agenda and a registry code', async () => {
    const h = await manager.post('/api/houses', { address: 'г. Москва, ул. Документная, д. 7', cadastralNumber: '77:06:0002001:77', totalArea: '300.00' });
    expect(h.status, h.text).toBe(201);
    const m = await manager.post('/api/meetings', { houseId: h.body.id, kind: 'annual', form: 'mixed' });
    id = m.body.id;
    const early = await manager.post(`/api/meetings/${id}/documents/notice`, {});
    expect(early.status).toBe(409);
    expect(early.body.blockers).toContain('Повестка дня: добавьте хотя бы один вопрос');
    const saved = await manager.request('PUT', `/api/meetings/${id}/notice`, {
      kind: 'annual',
      form: 'mixed',
      electronic: false,
      initiators: 'ООО «УК 831»',
      startsAt: '2026-12-10T15:00:00.000Z',
      endsAt: '2026-12-20T15:00:00.000Z',
      place: 'Холл 1-го этажа',
      ballotsPlace: 'Почтовый ящик УК',
      materialsPlace: 'Офис УК',
      items: [
        { title: 'Избрание председателя и секретаря собрания', majority: 'participants' },
        { title: 'Капитальный ремонт кровли', majority: 'two_thirds_all' },
      ],
    });
    expect(saved.status, saved.text).toBe(200);
    items = saved.body.items;
    const ordered = await manager.post(`/api/meetings/${id}/documents/notice`, {});
    expect(ordered.status, ordered.text).toBe(202);
    expect(ordered.body.documents.notice.status).toBe('queued');
    expect((await other.post(`/api/meetings/${id}/documents/notice`, {})).status).toBe(404);
    await runJobsOnce(ctx, JOBS);
    const v = await manager.get(`/api/meetings/${id}`);
    expect(v.body.documents.notice).toMatchObject({ status: 'ready', ready: true });
    expect(v.body.documents.notice.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const text = await pdfText(await download(manager, `/api/meetings/${id}/documents/notice/pdf`));
    expect(text).toContain('СООБЩЕНИЕ');
    expect(text).toContain('Капитальный ремонт кровли');
    expect(text).toContain(v.body.documents.notice.code);
    expect((await app.inject({ method: 'GET', url: `/api/meetings/${id}/documents/notice/pdf`, headers: { cookie: (other as any).cookie } })).statusCode).toBe(404);
    const rec = await manager.get(`/api/documents/${v.body.documents.notice.code}`);
    expect(rec.status).toBe(200);
    expect(rec.body.kindName).toMatch(/Сообщение о проведении общего собрания/);
    expect(text).toContain('Уважаемые собственники помещений!');

    // «Шаблоны сообщений»: the chosen template's text, its placeholders filled, in place of the standard address.
    const tpl = await manager.post('/api/meeting-templates', { name: 'Короткое', body: 'Дом {адрес}: собрание {дата} в {время}, место — {место}. Инициатор: {инициаторы}.\nПовестка:\n{повестка}\n{неизвестно}' });
    expect(tpl.status, tpl.text).toBe(201);
    const foreign = await other.post('/api/meeting-templates', { name: 'Чужой', body: 'Чужой текст' });
    const refused = await manager.post(`/api/meetings/${id}/documents/notice`, { templateId: foreign.body.id });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'templateId', message: 'Шаблон сообщения: такого шаблона у организации нет' }]);
    expect((await manager.post(`/api/meetings/${id}/documents/notice`, { templateId: tpl.body.id })).status).toBe(202);
    await runJobsOnce(ctx, JOBS);
    const byTemplate = await manager.get(`/api/meetings/${id}`);
    expect(byTemplate.body.documents.notice.code).not.toBe(v.body.documents.notice.code);
    const filled = await pdfText(await download(manager, `/api/meetings/${id}/documents/notice/pdf`));
    expect(filled).toContain('Дом г. Москва, ул. Документная, д. 7: собрание 10.12.2026 в 18:00, место — Холл 1-го этажа. Инициатор: ООО «УК 831».');
    expect(filled).toContain('1. Избрание председателя и секретаря собрания');
    expect(filled).toContain('2. Капитальный ремонт кровли');
    expect(filled).toContain('{неизвестно}');
    expect(filled).not.toContain('Уважаемые собственники помещений!');
    expect((await manager.post(`/api/meetings/${id}/stages/notice`, { done: true })).status).toBe(200);
  });

  it('the ballots: one per owner with the premise, share and votes', async () => {
    const premises = [
      { number: '1', area: '100.00', owners: [{ name: 'Акимов Антон', share: '1/2', ownership: 'shared' }, { name: 'Акимова Белла', share: '1/2', ownership: 'shared' }] },
      { number: '2', area: '80.00', owners: [{ name: 'Церетели Вера', share: '1', ownership: 'sole' }] },
      { number: '3', area: '70.00', owners: [{ name: 'Дымов Глеб; Дымова Дина', share: '1', ownership: 'joint' }] },
      { number: '4', area: '50.00', owners: [{ name: 'Город Москва', share: '1', ownership: 'sole', ownerKind: 'city' }] },
    ];
    for (const p of premises) {
      const r = await manager.post(`/api/meetings/${id}/premises`, { number: p.number, kind: 'residential', area: p.area, owners: p.owners.map((o) => ({ ownerKind: 'person', ...o })) });
      expect(r.status, r.text).toBe(201);
    }
    expect((await manager.post(`/api/meetings/${id}/documents/ballots`, {})).status).toBe(409); // the register is not done yet
    expect((await manager.post(`/api/meetings/${id}/stages/register`, { done: true })).status).toBe(200);
    expect((await manager.post(`/api/meetings/${id}/documents/ballots`, {})).status).toBe(202);
    await runJobsOnce(ctx, JOBS);
    const text = await pdfText(await download(manager, `/api/meetings/${id}/documents/ballots/pdf`));
    expect(text.match(/РЕШЕНИЕ СОБСТВЕННИКА ПОМЕЩЕНИЯ/g)).toHaveLength(5);
    expect(text).toContain('Акимова Белла');
    expect(text).toContain('общая долевая, 1/2');
    expect(text).toContain('50,00 (м² с учётом доли');
    expect(text).toContain('ВОЗДЕРЖАЛСЯ');
    expect((await manager.post(`/api/meetings/${id}/stages/ballots`, { done: true })).status).toBe(200);
    const list = await manager.get(`/api/meetings/${id}/ballots?pageSize=50`);
    for (const o of list.body.items) owner[o.name] = o.ownerId;
    expect(list.body.total).toBe(5);
  });

  it('counting: a double vote and a vote by a non-owner are refused naming the field; the count is live', async () => {
    const vote = (ownerId: string, c: ('for' | 'against' | 'abstain')[], replace?: boolean) =>
      manager.post(`/api/meetings/${id}/ballots`, { ownerId, choices: c.map((choice, i) => ({ itemId: items[i]!.id, choice })), ...(replace ? { replace } : {}) });
    expect((await vote(owner['Акимов Антон']!, ['for', 'for'])).status).toBe(204);
    const again = await vote(owner['Акимов Антон']!, ['against', 'against']);
    expect(again.status).toBe(422);
    expect(again.body.errors[0].field).toBe('ownerId');
    expect(again.body.errors[0].message).toMatch(/^Собственник: решение собственника «Акимов Антон» уже внесено/);
    const stranger = await vote('00000000-0000-4000-8000-000000000001', ['for', 'for']);
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0].message).toMatch(/^Собственник: такого собственника нет в реестре/);
    const twice = await manager.post(`/api/meetings/${id}/ballots`, { ownerId: owner['Церетели Вера'], choices: [{ itemId: items[0]!.id, choice: 'for' }, { itemId: items[0]!.id, choice: 'against' }] });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].field).toBe('choices.1.itemId');
    expect((await vote(owner['Церетели Вера']!, ['for', 'against'])).status).toBe(204);
    // Quorum: 50 + 80 = 130 of 300 — not yet.
    let count = await manager.get(`/api/meetings/${id}/count`);
    expect(count.body).toMatchObject({ participatingVotes: '130.00', participatingPercent: '43.33', quorum: false });
    expect((await vote(owner['Дымов Глеб; Дымова Дина']!, ['for', 'abstain'])).status).toBe(204);
    // A correction: the joint owners' second item was «за».
    expect((await vote(owner['Дымов Глеб; Дымова Дина']!, ['for', 'for'], true)).status).toBe(204);
    count = await manager.get(`/api/meetings/${id}/count`);
    expect(count.body).toMatchObject({ totalVotes: '300.00', participatingVotes: '200.00', participatingPercent: '66.67', participants: 3, owners: 5, quorum: true });
    expect(count.body.items[0]).toMatchObject({ position: 1, for: '200.00', forPercent: '100.00', accepted: true });
    expect(count.body.items[1]).toMatchObject({ position: 2, for: '120.00', against: '80.00', forPercent: '40.00', againstPercent: '26.67', accepted: false });
    expect((await other.get(`/api/meetings/${id}/count`)).status).toBe(404);
    expect((await manager.post(`/api/meetings/${id}/stages/counting`, { done: true })).status).toBe(200);
    // Counting is locked once done.
    expect((await vote(owner['Город Москва']!, ['for', 'for'])).status).toBe(409);
  });

  it('the protocol: chair and secretary required; a signed PDF with every item’s result, found by its code', async () => {
    const bad = await manager.post(`/api/meetings/${id}/protocol`, { chair: ' ', secretary: '', counters: '' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['chair', 'secretary']);
    expect(bad.body.errors[0].message).toMatch(/^Председатель собрания: /);
    const ok = await manager.post(`/api/meetings/${id}/protocol`, { chair: 'Акимов А. А.', secretary: 'Церетели В. В.', counters: '' });
    expect(ok.status, ok.text).toBe(202);
    expect(ok.body.protocol.number).toMatch(/^ПР-\d{4}-\d{6}$/);
    await runJobsOnce(ctx, JOBS);
    const v = await manager.get(`/api/meetings/${id}`);
    expect(v.body.documents.protocol.status).toBe('ready');
    const pdf = await download(manager, `/api/meetings/${id}/documents/protocol/pdf`);
    const text = await pdfText(pdf);
    expect(text).toContain(`ПРОТОКОЛ № ${v.body.protocol.number}`);
    // The place of the meeting from its data (held partly in person: the hall), not a fixed city.
    expect(text).toContain('Место проведения собрания: Холл 1-го этажа');
    expect(text).toContain('200,00 голосами (м²) — 66,67 %');
    expect(text).toContain('имеется — собрание правомочно');
    expect(text).toContain('200,00 голосов — 100,00 %');
    expect(text).toContain('120,00 голосов — 40,00 %');
    expect(text).toContain('80,00 голосов — 26,67 %');
    expect(text).toContain('Решение по вопросу 1: РЕШЕНИЕ ПРИНЯТО');
    expect(text).toContain('Решение по вопросу 2: РЕШЕНИЕ НЕ ПРИНЯТО');
    expect(text).toContain('Приложение № 1');
    expect(text).toContain('Дымов Глеб; Дымова Дина');
    expect(text).toContain('Документ подписан электронной подписью');
    // The same protocol as DOCX: a well-formed Office Open XML package with every item's result.
    expect(v.body.protocol.docx).toBe(true);
    const docx = docxText(await download(manager, `/api/meetings/${id}/documents/protocol/docx`));
    expect(docx.parts).toEqual(expect.arrayContaining(['word/styles.xml', 'docProps/core.xml']));
    expect(docx.text).toContain(`ПРОТОКОЛ № ${v.body.protocol.number}`);
    expect(docx.text).toContain('Решение по вопросу 1: РЕШЕНИЕ ПРИНЯТО');
    expect(docx.text).toContain('Решение по вопросу 2: РЕШЕНИЕ НЕ ПРИНЯТО');
    expect(docx.text).toContain('120,00 голосов — 40,00 %');
    expect(docx.text).toContain('Председатель собрания: Акимов А. А.');
    expect(docx.text).toContain('Дымов Глеб; Дымова Дина');
    expect(docx.text).toContain(`код проверки ${v.body.documents.protocol.code}`);
    expect((await manager.get(`/api/meetings/${id}/documents/notice/docx`)).status).toBe(404);
    const sig = await download(manager, `/api/meetings/${id}/documents/protocol/sig`);
    const boundary = '----meetdocs';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="signature"; filename="p.pdf.sig"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      sig,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const verified = await app.inject({ method: 'POST', url: '/api/signatures/verify', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(JSON.parse(verified.body).valid).toBe(true);
    const rec = await manager.get(`/api/documents/${v.body.documents.protocol.code}`);
    expect(rec.body.kindName).toMatch(/Протокол общего собрания/);
    expect(rec.body.status).toBe('valid');
    expect(JSON.stringify(rec.body.totals)).toContain('решение не принято');
    // Made again: the first protocol is annulled in the registry, pointing at the new one.
    const firstCode = v.body.documents.protocol.code;
    expect((await manager.post(`/api/meetings/${id}/protocol`, { chair: 'Акимов А. А.', secretary: 'Церетели В. В.', counters: 'Дымов Г.' })).status).toBe(202);
    await runJobsOnce(ctx, JOBS);
    const v2 = await manager.get(`/api/meetings/${id}`);
    expect(v2.body.documents.protocol.code).not.toBe(firstCode);
    expect(v2.body.protocol.number).toBe(v.body.protocol.number);
    const old = await manager.get(`/api/documents/${firstCode}`);
    expect(old.body.status).toBe('annulled');
    expect((await manager.post(`/api/meetings/${id}/stages/protocol`, { done: true })).status).toBe(200);
  });

  it('the signed scan of the protocol: judged by content, replaced, removed; sent with the protocol', async () => {
    const scan = (name: string, data: Buffer, c = manager) => {
      const mp = multipart([{ name: 'file', filename: name, data }]);
      return c.request('POST', `/api/meetings/${id}/protocol/scan`, mp.body, mp.headers);
    };
    const png = await scan('Протокол.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]));
    expect(png.status).toBe(422);
    expect(png.body.errors[0].field).toBe('file');
    expect(png.body.errors[0].message).toMatch(/^Файл протокола «Протокол\.png»: по содержимому это изображение PNG; допустимые форматы: PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG, JPG, TIFF/);
    const jpegAsPdf = await scan('Протокол.pdf', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]));
    expect(jpegAsPdf.status).toBe(422);
    expect(jpegAsPdf.body.errors[0].message).toMatch(/по содержимому это изображение JPEG, а расширение имени — \.pdf/);
    expect((await scan('Протокол.pdf', Buffer.from('%PDF-1.7\n'), other)).status).toBe(404);
    const pdf = await download(manager, `/api/meetings/${id}/documents/protocol/pdf`);
    const ok = await scan('Протокол подписанный', pdf);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.protocol.scan).toEqual({ name: 'Протокол подписанный.pdf', type: 'pdf', bytes: pdf.length });
    expect(Buffer.compare(await download(manager, `/api/meetings/${id}/protocol/scan`), pdf)).toBe(0);
    const firstKey = (await ctx.db.selectFrom('meetings').select('scan_key').where('id', '=', id).executeTakeFirstOrThrow()).scan_key!;
    // Replaced by a DOCX (the protocol's own), then removed, then attached again.
    const docx = await download(manager, `/api/meetings/${id}/documents/protocol/docx`);
    const replaced = await scan('Протокол.docx', docx);
    expect(replaced.body.protocol.scan).toMatchObject({ name: 'Протокол.docx', type: 'docx' });
    const { fileStore } = await import('../../platform/files/index.js');
    expect(await fileStore(ctx.config).get(firstKey)).toBeNull();
    const removed = await manager.request('DELETE', `/api/meetings/${id}/protocol/scan`);
    expect(removed.status).toBe(200);
    expect(removed.body.protocol.scan).toBeNull();
    expect((await manager.get(`/api/meetings/${id}/protocol/scan`)).status).toBe(404);
    expect((await scan('Протокол.pdf', pdf)).status).toBe(200);
  });

  it('«Выбор компании»: the managing organizations the person may act for, with ИНН; rights confirmed for the one chosen', async () => {
    const person = await ctx.db.selectFrom('persons').select('id').where('email', '=', 'head831@meetdocs.test').executeTakeFirstOrThrow();
    const mk = async (seed: number, roles: ('managing' | 'producer')[]) =>
      ctx.db.insertInto('organizations').values({ kind: 'legal', inn: makeValidInnLegal(seed), ogrn: makeValidOgrn(seed), name: `ООО «Компания ${seed}»`, roles }).returning(['id', 'inn']).executeTakeFirstOrThrow();
    const second = await mk(834, ['managing']);
    const standard = await mk(835, ['managing']);
    const waste = await mk(836, ['producer']);
    const inAYear = new Date(Date.now() + 365 * 86400_000);
    await ctx.db.insertInto('memberships').values({ person_id: person.id, organization_id: second.id, role: 'employee', access: 'full', valid_until: null }).execute();
    await ctx.db.insertInto('memberships').values({ person_id: person.id, organization_id: standard.id, role: 'trusted', access: 'standard', valid_until: inAYear }).execute();
    await ctx.db.insertInto('memberships').values({ person_id: person.id, organization_id: waste.id, role: 'head', access: 'full', valid_until: null }).execute();
    const list = await manager.get(`/api/meetings/${id}/gis/companies`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((c: { inn: string; current: boolean }) => [c.inn, c.current])).toEqual([
      [makeValidInnLegal(831), true],
      [second.inn, false],
    ]);
    expect((await other.get(`/api/meetings/${id}/gis/companies`)).status).toBe(404);
    const refused = await manager.post(`/api/meetings/${id}/gis/rights`, { companyId: standard.id });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'companyId' });
    expect(refused.body.errors[0].message).toMatch(/^Компания: /);
    const chosen = await manager.post(`/api/meetings/${id}/gis/rights`, { companyId: second.id });
    expect(chosen.status, chosen.text).toBe(200);
    expect(chosen.body.gis.company).toMatchObject({ id: second.id, inn: second.inn });
    expect(chosen.body.gis.rightsConfirmedAt).not.toBeNull();
    // The next test starts stage 6 afresh (its upload before «Подтвердить» is refused).
    await ctx.db.updateTable('meetings').set({ gis_company_id: null, gis_rights_confirmed_at: null }).where('id', '=', id).execute();
  });

  it('ГИС ЖКХ (simulator): rights, upload → processing → loaded with a protocol GUID; the same transport GUID is one message; then «Собрание проведено»', async () => {
    const early = await manager.post(`/api/meetings/${id}/gis/upload`, {});
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/подтвердите права доступа/);
    const rights = await manager.post(`/api/meetings/${id}/gis/rights`, {});
    expect(rights.status, rights.text).toBe(200);
    expect(rights.body.gis.simulator).toBe(true);
    const badFias = await manager.post(`/api/meetings/${id}/gis/upload`, { fiasHouseGuid: 'дом 7' });
    expect(badFias.status).toBe(422);
    expect(badFias.body.errors[0]).toMatchObject({ field: 'fiasHouseGuid' });
    expect(badFias.body.errors[0].message).toMatch(/^Код дома по ФИАС: /);
    const up = await manager.post(`/api/meetings/${id}/gis/upload`, { fiasHouseGuid: '5f3b6c2a-1d4e-4f5a-9b7c-0a1b2c3d4e5f' });
    expect(up.status, up.text).toBe(202);
    expect(up.body.gis.status).toBe('sending');
    expect((await other.post(`/api/meetings/${id}/gis/upload`, {})).status).toBe(404);
    const row = await ctx.db.selectFrom('meetings').select(['gis_request_guid']).where('id', '=', id).executeTakeFirstOrThrow();
    // A retry of the send (the job run twice) is one message in ГИС ЖКХ.
    const { gisClient, gisRequest } = await import('./gis.js');
    const req = await gisRequest(ctx, id, row.gis_request_guid!);
    expect(req.house).toMatchObject({ cadastralNumber: '77:06:0002001:77', fiasHouseGuid: '5f3b6c2a-1d4e-4f5a-9b7c-0a1b2c3d4e5f' });
    expect(req.protocol.decisions.map((d) => d.accepted)).toEqual([true, false]);
    expect(req.company.inn).toBe(makeValidInnLegal(831));
    expect(req.files.map((f) => f.kind)).toEqual(['protocol', 'signature', 'scan']);
    expect(req.files[2]).toMatchObject({ name: 'Протокол.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await manager.request('DELETE', `/api/meetings/${id}/protocol/scan`)).status).toBe(409);
    const a1 = await gisClient(ctx).importVotingProtocol(req);
    await runJobsOnce(ctx, JOBS);
    const sent = await ctx.db.selectFrom('gis_simulator_messages').selectAll().where('transport_guid', '=', row.gis_request_guid!).execute();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.message_guid).toBe(a1.messageGuid);
    const v = await manager.get(`/api/meetings/${id}`);
    expect(v.body.gis).toMatchObject({ status: 'loaded', messageGuid: a1.messageGuid, error: null });
    expect(v.body.gis.protocolGuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(v.body.stages[5].done).toBe(true);
    const done = await manager.post(`/api/meetings/${id}/complete`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body.status).toBe('completed');
  });

  it('ГИС ЖКХ (simulator) refuses a house it does not know: the reason is recorded and shown', async () => {
    const { gisClient } = await import('./gis.js');
    const client = gisClient(ctx);
    const ack = await client.importVotingProtocol({
      transportGuid: '00000000-0000-4000-8000-0000000000aa',
      company: { inn: '7701000001', ogrn: null, name: 'x' },
      house: { fiasHouseGuid: null, cadastralNumber: '00:00:0000000:1', address: 'x' },
      protocol: { number: '1', date: '2026-12-01', kind: 'annual', form: 'absentee', meetingStart: null, meetingEnd: null, quorum: true, totalVotes: '1.00', participatingVotes: '1.00', decisions: [] },
      files: [],
    });
    expect(await client.getState(ack.messageGuid)).toEqual({ state: 'processing' });
    const st = await client.getState(ack.messageGuid);
    expect(st).toMatchObject({ state: 'processed', ok: false });
    expect(JSON.stringify(st)).toContain('SRV007001');
    expect(JSON.stringify(st)).toContain('INT004001');
  });
});

describe('the place of the meeting in the protocol’s heading', () => {
  const house = { address: 'г. Тверь, ул. Советская, д. 1', cadastralNumber: '69:40:0100001:1', totalArea: '100.00' };
  it('where it met in person; for an absentee vote where decisions were handed in; else the house', () => {
    expect(meetingPlace({ form: 'in_person', place: 'Двор дома', ballotsPlace: 'Офис УК', house })).toBe('Двор дома');
    expect(meetingPlace({ form: 'mixed', place: 'Холл', ballotsPlace: 'Офис УК', house })).toBe('Холл');
    expect(meetingPlace({ form: 'absentee', place: 'Холл', ballotsPlace: 'Офис УК', house })).toBe('Офис УК');
    expect(meetingPlace({ form: 'absentee', place: '', ballotsPlace: '', house })).toBe('г. Тверь, ул. Советская, д. 1');
  });
});
