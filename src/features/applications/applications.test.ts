/**
 * Permit applications through HTTP as real users against a real database:
 * the whole review (draft saved field by field → everything missing listed
 * at once → files judged by content → submitted → «Требуется дополнение» with
 * a term that falls on a weekend → the thread → resubmitted → approved →
 * the permit, its signed PDF, visible to the carrier it names), optimistic
 * versioning, the operator's queue, tasks and notices, amendments and the
 * permit version in force at a moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { JOBS } from '../index.js';
import { moscowDate } from '../../domain/period.js';
import { addWorkingDays, isWorkingDay, reviewTermEnd, shiftDate } from '../../domain/working-days.js';
import { createStreebog256, verifyDetached } from '../../platform/signing/index.js';
import { documentOf, formatDocumentCode, operatorSigner } from '../../platform/documents/index.js';
import { loadPermitTerms, termsAt } from '../permits/terms.js';
import { demoPdf } from './demo.js';
import { extractText } from 'unpdf';
import { completeDraft, multipart, upload } from '../../../test/helpers/applications.js';

let ctx: TestContext;
let app: App;
let producer: Client;
let operator: Client;
let carrier: Client;
let facilityClient: Client;
let ids: { site1: string; site2: string; facility: string; facility2: string; carrierInn: string; carrier2Inn: string; producerOrg: string };
const TODAY = () => moscowDate(new Date());

async function download(c: Client, url: string) {
  const res = await c.app.inject({ method: 'GET', url, headers: { cookie: (c as any).cookie } });
  return { status: res.statusCode, data: res.rawPayload, headers: res.headers };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 50 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
  operator = await signedIn(app, 'operator@ossig.test');
  carrier = await signedIn(app, 'carrier@ossig.test');
  facilityClient = await signedIn(app, 'facility@ossig.test');
  const org = async (email: string) => (await ctx.db.selectFrom('organizations').selectAll().where('email', '=', email).executeTakeFirstOrThrow());
  const producerOrg = await org('info@producer.ossig.test');
  const sites = await ctx.db.selectFrom('sites').select(['id', 'name']).where('producer_id', '=', producerOrg.id).orderBy('name').execute();
  const fac = await ctx.db.selectFrom('facilities').select(['id', 'organization_id']).orderBy('number').execute();
  ids = {
    site1: sites.find((s) => s.name.startsWith('Жилой'))!.id,
    site2: sites.find((s) => s.name.startsWith('Снос'))!.id,
    facility: fac.find((f) => f.organization_id === (ctx as any).facilityOrg)?.id ?? fac[0].id,
    facility2: fac[1].id,
    carrierInn: (await org('info@carrier.ossig.test')).inn,
    carrier2Inn: (await org('info@carrier2.ossig.test')).inn,
    producerOrg: producerOrg.id,
  };
  const facilityOrg = await org('info@facility.ossig.test');
  ids.facility = fac.find((f) => f.organization_id === facilityOrg.id)!.id;
  ids.facility2 = fac.find((f) => f.organization_id !== facilityOrg.id)!.id;
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('the demo', () => {
  it('holds applications in every status and an amendment', async () => {
    const r = await sql<{ status: string; kind: string; n: number }>`select status, kind, count(*)::int as n from permit_applications group by 1, 2 order by 1, 2`.execute(ctx.db);
    const statuses = new Set(r.rows.map((x) => x.status));
    for (const s of ['draft', 'submitted', 'needs_info', 'approved', 'rejected', 'withdrawn']) expect(statuses.has(s), s).toBe(true);
    expect(r.rows.some((x) => x.kind === 'amendment' && x.status === 'submitted')).toBe(true);
  });
});

describe('a new permit, from a draft to the carrier', () => {
  it('saves as typed, lists everything missing at once, judges files by content, and goes through review to a signed permit', async () => {
    // «Госуслуги и функции» → a draft, with its task in «Мои задачи».
    const created = await producer.post('/api/applications', { kind: 'permit' });
    expect(created.status, created.text).toBe(201);
    let a = created.body;
    expect(a).toMatchObject({ status: 'draft', statusLabel: 'Черновик', version: 1, editable: true });
    const tasks = (await producer.get('/api/tasks')).body.items;
    expect(tasks.some((t: any) => t.kind === 'application_draft' && t.payload.applicationId === a.id)).toBe(true);

    // Submitting an empty draft lists everything missing at once.
    const empty = await producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('application_incomplete');
    const fields = empty.body.errors.map((e: any) => e.field);
    for (const f of ['siteId', 'worksFrom', 'worksTo', 'district', 'lines', 'carriers', 'files.regulation', 'files.carrier_contract', 'files.facility_contract']) expect(fields).toContain(f);
    expect(a.missing.length).toBe(fields.length);

    // One field group at a time.
    let r = await producer.request('PATCH', `/api/applications/${a.id}`, { version: a.version, general: { siteId: ids.site1, worksFrom: TODAY(), worksTo: shiftDate(TODAY(), 200), district: 'ЮЗАО' } });
    expect(r.status, r.text).toBe(200);
    a = r.body;
    expect(a.version).toBe(2);
    expect(a.site.id).toBe(ids.site1);

    // A line with a facility that does not accept its code is refused by name; nothing is saved.
    r = await producer.request('PATCH', `/api/applications/${a.id}`, { version: a.version, lines: [{ wasteCode: '89000001724', volume: '10', facilityObjectIds: [ids.facility2] }] });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ field: 'lines[0].facilityObjectIds[0]' });
    expect(r.body.errors[0].message).toMatch(/Полигон «Северный».*не принимает отходы с кодом 8 90 000 01 72 4/);
    expect((await producer.get(`/api/applications/${a.id}`)).body.lines).toEqual([]);

    // Bad values name their field.
    r = await producer.request('PATCH', `/api/applications/${a.id}`, {
      version: a.version,
      lines: [{ wasteCode: '12345678901', volume: '-5' }, { wasteCode: '8 11 100 01 49 5', volume: '1,5', mass: 'abc' }],
    });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: any) => e.field).sort()).toEqual(['lines[0].volume', 'lines[0].wasteCode', 'lines[1].mass']);

    r = await producer.request('PATCH', `/api/applications/${a.id}`, {
      version: a.version,
      lines: [{ wasteCode: '8 11 100 01 49 5', volume: '1 500,5', mass: '2600', facilityObjectIds: [ids.facility, ids.facility2] }],
    });
    expect(r.status, r.text).toBe(200);
    a = r.body;
    expect(a.lines[0]).toMatchObject({ wasteCode: '81110001495', volume: '1500.50', mass: '2600.000' });
    expect(a.lines[0].facilities.map((f: any) => f.accepts)).toEqual([true, true]);

    // A carrier not registered yet needs an e-mail for its invitation.
    const unregistered = '7707083893';
    r = await producer.request('PATCH', `/api/applications/${a.id}`, { version: a.version, carriers: [{ inn: ids.carrierInn }, { inn: unregistered }, { inn: '1234567890' }] });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ field: 'carriers[2].inn', message: expect.stringMatching(/^Перевозчики, строка 3: ИНН/) }]);
    r = await producer.request('PATCH', `/api/applications/${a.id}`, { version: a.version, carriers: [{ inn: ids.carrierInn }, { inn: unregistered }] });
    a = r.body;
    expect(a.carriers.map((c: any) => c.registered)).toEqual([true, false]);
    expect(a.missing.map((m: any) => m.field)).toContain('carriers[1].inviteEmail');

    // Files: type judged by content.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    let f = await upload(producer, a.id, 'regulation', 'Регламент.pdf', png);
    expect(f.status).toBe(422);
    expect(f.body.errors[0]).toMatchObject({ field: 'file' });
    expect(f.body.detail).toMatch(/изображение PNG/);
    f = await upload(producer, a.id, 'regulation', 'Технологический регламент.pdf', await demoPdf('Регламент'));
    expect(f.status, f.text).toBe(201);
    expect(f.body).toMatchObject({ kind: 'regulation', fileType: 'pdf', fileName: 'Технологический регламент.pdf' });
    const got = await download(producer, f.body.url);
    expect(got.status).toBe(200);
    expect(got.data.subarray(0, 5).toString()).toBe('%PDF-');
    expect(String(got.headers['content-disposition'])).toContain("filename*=UTF-8''%D0%A2%D0%B5%D1%85");
    expect(String(got.headers['content-disposition'])).toContain('filename="Tekhnologicheskiy reglament.pdf"');

    r = await producer.post(`/api/applications/${(a = (await producer.get(`/api/applications/${a.id}`)).body).id}/submit`, { version: a.version });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: any) => e.field).sort()).toEqual(['carriers[1].inviteEmail', 'files.carrier_contract', 'files.facility_contract']);

    r = await producer.request('PATCH', `/api/applications/${a.id}`, { version: a.version, carriers: [{ inn: ids.carrierInn }, { inn: unregistered, inviteEmail: 'dispatch@newcarrier.test' }] });
    a = r.body;
    expect((await upload(producer, a.id, 'carrier_contract', 'Договор перевозки.pdf', await demoPdf('Договор'))).status).toBe(201);
    expect((await upload(producer, a.id, 'facility_contract', 'Договор приёма.pdf', await demoPdf('Договор приёма'))).status).toBe(201);
    a = (await producer.get(`/api/applications/${a.id}`)).body;
    expect(a.missing).toEqual([]);
    expect(a.stages[0]).toMatchObject({ key: 'fill', done: true });

    // Submit, with an Idempotency-Key: a retry answers the same.
    const key = { 'idempotency-key': `submit-${a.id}` };
    r = await producer.post(`/api/applications/${a.id}/submit`, { version: a.version }, key);
    expect(r.status, r.text).toBe(200);
    const again = await producer.post(`/api/applications/${a.id}/submit`, { version: a.version }, key);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    a = r.body;
    expect(a).toMatchObject({ status: 'submitted', statusLabel: 'На рассмотрении', round: 1, editable: false });
    expect(a.review).toMatchObject({ days: 7, dueOn: reviewTermEnd(TODAY(), 7), running: true, overdue: false });
    const invite = await ctx.db.selectFrom('mail_messages').select(['subject', 'body_text']).where('to_address', '=', 'dispatch@newcarrier.test').execute();
    expect(invite).toHaveLength(1);
    expect(invite[0].body_text).toContain(unregistered);
    // Not editable now; the draft task is closed, the operator has a review task.
    r = await producer.request('PATCH', `/api/applications/${a.id}`, { version: a.version, general: { comment: 'x' } });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('application_status');
    const opTasks = (await operator.get('/api/tasks')).body.items;
    expect(opTasks.some((t: any) => t.kind === 'application_review' && t.payload.applicationId === a.id)).toBe(true);

    // The operator's queue shows it; a decision on something not under review is refused.
    const q = await operator.get('/api/operator/applications?status=submitted&district=ЮЗАО&assignee=none&limit=200');
    expect(q.status, q.text).toBe(200);
    expect(q.body.items.some((i: any) => i.id === a.id)).toBe(true);

    // «Требуется дополнение» with a date on a non-working day: moved to the next working day.
    let weekend = shiftDate(TODAY(), 5);
    while (isWorkingDay(weekend)) weekend = shiftDate(weekend, 1);
    const needs = await operator.post(`/api/operator/applications/${a.id}/request-info`, { request: 'Приложите ордер ОАТИ на производство работ', dueOn: weekend }, { 'idempotency-key': `ri-${a.id}` });
    expect(needs.status, needs.text).toBe(200);
    expect(needs.body.dueMoved).toBe(true);
    let expected = weekend;
    while (!isWorkingDay(expected)) expected = shiftDate(expected, 1);
    expect(needs.body.infoRequest).toMatchObject({ dueOn: expected, overdue: false });
    expect(needs.body.status).toBe('needs_info');
    expect(needs.body.assignee?.name).toBe('Соколова Ирина Викторовна');
    const mail = await ctx.db.selectFrom('mail_messages').select(['to_address', 'subject']).where('subject', 'like', `%${a.number}%`).execute();
    expect(mail.some((m) => m.to_address === 'producer@ossig.test' && m.subject.includes('Требуется дополнение'))).toBe(true);
    const producerTasks = (await producer.get('/api/tasks')).body.items;
    expect(producerTasks.some((t: any) => t.kind === 'application_needs_info' && t.payload.applicationId === a.id)).toBe(true);

    // Approving something not under review is refused.
    r = await operator.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve' });
    expect(r.status, r.text).toBe(409);
    expect(r.body.detail).toMatch(/«Требуется дополнение»: нельзя одобрить/);

    // The producer answers in the thread (with a file) and resubmits.
    const mp = multipart([
      { name: 'text', data: 'Ордер ОАТИ приложен.' },
      { name: 'file', filename: 'Ордер ОАТИ.pdf', data: await demoPdf('Ордер') },
    ]);
    r = await producer.request('POST', `/api/applications/${a.id}/messages`, mp.body, mp.headers);
    expect(r.status, r.text).toBe(201);
    const opThread = (await operator.get(`/api/applications/${a.id}/messages`)).body;
    expect(opThread.unread).toBe(1);
    expect(opThread.items[0]).toMatchObject({ side: 'applicant', text: 'Ордер ОАТИ приложен.', unread: true });
    expect(opThread.items[0].files[0].fileName).toBe('Ордер ОАТИ.pdf');
    expect((await operator.get(`/api/applications/${a.id}`)).body.unread).toBe(1);
    await operator.post(`/api/applications/${a.id}/messages/read`, {});
    expect((await operator.get(`/api/applications/${a.id}`)).body.unread).toBe(0);
    const opMail = await ctx.db.selectFrom('mail_messages').select('subject').where('to_address', '=', 'operator@ossig.test').where('subject', 'like', 'Новое сообщение%').execute();
    expect(opMail.length).toBeGreaterThan(0);

    a = (await producer.get(`/api/applications/${a.id}`)).body;
    r = await producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ status: 'submitted', round: 2 });

    // Approval needs every carrier registered: the invited one has not signed in yet.
    r = await operator.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve' });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ field: 'carriers[1].inn' });
    expect(r.body.errors[0].message).toContain('ещё не зарегистрирована');
    // … it signs in (its organization is created) and appears in the application.
    await ctx.db.insertInto('organizations').values({ kind: 'legal', inn: unregistered, name: 'ООО «Новый перевозчик»', roles: ['producer'] }).execute();
    const card = (await operator.get(`/api/applications/${a.id}`)).body;
    expect(card.carriers[1]).toMatchObject({ registered: true, name: 'ООО «Новый перевозчик»', isCarrier: false });

    r = await operator.post(`/api/operator/applications/${a.id}/decision`, { decision: 'approve', comment: 'Документы в порядке' }, { 'idempotency-key': `dec-${a.id}` });
    expect(r.status, r.text).toBe(200);
    a = r.body;
    expect(a).toMatchObject({ status: 'approved', statusLabel: 'Одобрено', issuedVersion: 1 });
    expect(a.permit.number).toMatch(/^РП-77-\d{4}-\d{6}$/);
    expect(a.stages.every((s: any) => s.done)).toBe(true);
    // The new carrier now acts as a carrier.
    const roles = await ctx.db.selectFrom('organizations').select('roles').where('inn', '=', unregistered).executeTakeFirstOrThrow();
    expect(roles.roles).toContain('carrier');

    // The permit: in the site card, visible to the carrier and the facility it names, with a signed PDF.
    const site = (await producer.get(`/api/sites/${ids.site1}`)).body;
    expect(site.permits.some((p: any) => p.id === a.permit.id)).toBe(true);
    const seen = await carrier.get(`/api/permits/${a.permit.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.wasteTypes[0]).toMatchObject({ code: '81110001495', permittedVolume: '1500.50' });
    expect((await facilityClient.get(`/api/permits/${a.permit.id}`)).status).toBe(200);
    const other = await signedIn(app, 'producer2@ossig.test');
    expect((await other.get(`/api/permits/${a.permit.id}`)).status).toBe(404);
    expect((await other.get(`/api/applications/${a.id}`)).status).toBe(404);

    await runJobsOnce(ctx, JOBS);
    const versions = (await carrier.get(`/api/permits/${a.permit.id}/versions`)).body;
    expect(versions.items).toHaveLength(1);
    expect(versions.items[0].pdf).not.toBeNull();
    const pdf = await download(carrier, versions.items[0].pdf.url);
    const sig = await download(carrier, versions.items[0].pdf.signatureUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.data.subarray(0, 5).toString()).toBe('%PDF-');
    // The PDF says what the permit is: number, holder's site, the line and its facility, the carriers, the signer.
    const { text } = await extractText(new Uint8Array(pdf.data), { mergePages: true });
    const flat = (text as string).replace(/\s+/g, ' ');
    for (const s of [`№ ${a.permit.number}`, '8 11 100 01 49 5', '1 500,50', 'Сосенское', 'ТрансГрунт', 'Новый перевозчик', 'Документ подписан электронной подписью', `заявление № ${a.number}`]) expect(flat).toContain(s);
    const signer = await operatorSigner(ctx);
    const check = await verifyDetached({ digest: createStreebog256().update(pdf.data).digest(), signature: sig.data, trustedCaCerts: signer.trusted });
    expect(check.valid).toBe(true);
    const changed = Buffer.from(pdf.data);
    changed[changed.length - 10] ^= 1;
    expect((await verifyDetached({ digest: createStreebog256().update(changed).digest(), signature: sig.data, trustedCaCerts: signer.trusted })).valid).toBe(false);

    // The registry: the PDF's code opens the record of a valid permit document, without signing in.
    const record = await documentOf(ctx.db, 'permit', versions.items[0].id);
    expect(record).toMatchObject({ kind: 'permit', status: 'valid', number: a.permit.number });
    expect(flat).toContain(formatDocumentCode(record!.code));
    expect(record!.files[0]).toMatchObject({ kind: 'pdf', sha256: versions.items[0].pdf.sha256 });
    const pub = await new Client(app).get(`/api/documents/${record!.code}`);
    expect(pub.status, pub.text).toBe(200);
    expect(pub.text).toContain(a.permit.number);

    // History: who, when, what.
    const history = (await producer.get(`/api/applications/${a.id}/history`)).body.items;
    const actions = history.map((h: any) => h.action).reverse();
    for (const x of ['created', 'edited', 'submitted', 'info_requested', 'resubmitted', 'approved']) expect(actions).toContain(x);
    expect(history.find((h: any) => h.action === 'approved')).toMatchObject({ who: 'Соколова Ирина Викторовна', fromStatus: 'submitted', toStatus: 'approved' });
    const audited = await ctx.db.selectFrom('audit_events').select('action').where('subject_id', '=', a.id).execute();
    for (const x of ['application.submitted', 'application.info_requested', 'application.resubmitted', 'application.approved']) expect(audited.map((e) => e.action)).toContain(x);

    // The decision task of the applicant, and the notice.
    const decision = (await producer.get('/api/tasks')).body.items.find((t: any) => t.kind === 'application_decision' && t.payload.applicationId === a.id);
    expect(decision.title).toContain('Одобрено');
  });
});

describe('optimistic versioning', () => {
  it('a stale write changes nothing and answers 409 with the current version and state', async () => {
    const a = (await producer.post('/api/applications', { kind: 'permit', siteId: ids.site2 })).body;
    const tab1 = await producer.request('PATCH', `/api/applications/${a.id}`, { version: a.version, general: { comment: 'первая вкладка' } });
    expect(tab1.status).toBe(200);
    const tab2 = await producer.request('PATCH', `/api/applications/${a.id}`, { version: a.version, general: { district: 'ЦАО' } });
    expect(tab2.status).toBe(409);
    expect(tab2.body).toMatchObject({ code: 'version_conflict', currentVersion: tab1.body.version });
    expect(tab2.body.detail).toMatch(/изменено в другом окне/);
    expect(tab2.body.current.comment).toBe('первая вкладка');
    expect(tab2.body.current.district).toBeNull();
    // Retried on the current version, both fields are kept.
    const retry = await producer.request('PATCH', `/api/applications/${a.id}`, { version: tab2.body.currentVersion, general: { district: 'ЦАО' } });
    expect(retry.body).toMatchObject({ comment: 'первая вкладка', district: 'ЦАО' });
    // Edits by one person close together are one history row.
    const history = (await producer.get(`/api/applications/${a.id}/history`)).body.items;
    expect(history.filter((h: any) => h.action === 'edited')).toHaveLength(1);
  });
});

describe('amendments and the permit in force at a moment', () => {
  it('an amendment adds a carrier and volume; trips before the decision are checked against the first version', async () => {
    const a = await completeDraft(producer, { site: ids.site1, facility: ids.facility, carrierInn: ids.carrierInn });
    let r = await producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
    r = await operator.post(`/api/operator/applications/${r.body.id}/decision`, { decision: 'approve' });
    expect(r.status, r.text).toBe(200);
    const permitId = r.body.permit.id;
    const beforeAmendment = new Date();

    const dup = await producer.post('/api/applications', { kind: 'amendment', permitId });
    expect(dup.status).toBe(201);
    let am = dup.body;
    expect(am).toMatchObject({ kind: 'amendment', site: { id: ids.site1 }, worksTo: r.body.permit.validTo });
    expect(am.lines).toEqual([expect.objectContaining({ wasteCode: '81110001495', volume: '1000.00' })]);
    expect(am.carriers.map((c: any) => c.inn)).toEqual([ids.carrierInn]);
    // One open amendment per permit.
    const second = await producer.post('/api/applications', { kind: 'amendment', permitId });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain(am.number);

    const newTo = shiftDate(r.body.permit.validTo, 60);
    const p = await producer.request('PATCH', `/api/applications/${am.id}`, {
      version: am.version,
      general: { worksTo: newTo, district: 'ЮЗАО' },
      lines: [{ wasteCode: '81110001495', volume: '2500', facilityObjectIds: [ids.facility] }],
      carriers: [{ inn: ids.carrierInn }, { inn: ids.carrier2Inn }],
    });
    expect(p.status, p.text).toBe(200);
    am = p.body;
    expect(am.missing).toEqual([]);
    r = await producer.post(`/api/applications/${am.id}/submit`, { version: am.version });
    expect(r.status, r.text).toBe(200);
    await new Promise((res) => setTimeout(res, 5));
    r = await operator.post(`/api/operator/applications/${am.id}/decision`, { decision: 'approve' });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ status: 'approved', issuedVersion: 2 });

    const versions = (await producer.get(`/api/permits/${permitId}/versions`)).body;
    expect(versions.currentVersion).toBe(2);
    expect(versions.items.map((v: any) => v.version)).toEqual([2, 1]);
    expect(versions.items[0].changes.map((c: any) => c.field).sort()).toEqual(['carriers', 'validTo', 'volumes']);
    expect(versions.items[1].lines[0].volume).toBe('1000.00');
    expect(versions.items[0].lines[0].volume).toBe('2500.00');

    const carrier2 = await ctx.db.selectFrom('organizations').select('id').where('inn', '=', ids.carrier2Inn).executeTakeFirstOrThrow();
    const terms = (await loadPermitTerms(ctx.db, [permitId])).get(permitId)!;
    const then = termsAt(terms, beforeAmendment)!;
    const now = termsAt(terms, new Date())!;
    expect(then.version).toBe(1);
    expect(then.carrierIds.has(carrier2.id)).toBe(false);
    expect(now.version).toBe(2);
    expect(now.carrierIds.has(carrier2.id)).toBe(true);
    expect(now.validTo).toBe(newTo);
    expect(termsAt(terms, new Date(Date.now() - 86_400_000 * 30))).toBeNull();
    const fn = await sql<{ v: string | null }>`select permit_version_at(${permitId}::uuid, ${beforeAmendment}::timestamptz) as v`.execute(ctx.db);
    expect(fn.rows[0].v).toBe(versions.items[1].id);
    // carrier2 now sees the permit.
    const c2 = await signedIn(app, 'carrier2@ossig.test');
    expect((await c2.get(`/api/permits/${permitId}`)).status).toBe(200);
  });
});

describe('the operator', () => {
  it('pages the queue by cursor, filters it, marks overdue applications, and assigns a specialist', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await completeDraft(producer, { site: ids.site2, facility: ids.facility, carrierInn: ids.carrierInn });
      const r = await producer.post(`/api/applications/${a.id}/submit`, { version: a.version });
      made.push(r.body.id);
    }
    // One of them was submitted long ago: its term has passed.
    const longAgo = '2026-01-12';
    await ctx.db
      .updateTable('permit_applications')
      .set({ submitted_at: new Date(`${longAgo}T09:00:00+03:00`), review_due_on: reviewTermEnd(longAgo, 7) })
      .where('id', '=', made[0])
      .execute();
    const overdue = await operator.get('/api/operator/applications?age=overdue&limit=200');
    expect(overdue.status, overdue.text).toBe(200);
    const row = overdue.body.items.find((i: any) => i.id === made[0]);
    expect(row.review).toMatchObject({ overdue: true, dueOn: addWorkingDays('2026-01-12', 7) });
    expect(row.review.workingDaysLeft).toBeLessThan(0);
    expect(overdue.body.items.every((i: any) => i.review.overdue)).toBe(true);

    // Keyset paging: pages of 2 cover every submitted application once, oldest first.
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await operator.get(`/api/operator/applications?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      all.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const total = await sql<{ n: number }>`select count(*)::int as n from permit_applications where first_submitted_at is not null`.execute(ctx.db);
    expect(all).toHaveLength(total.rows[0].n);
    expect(new Set(all).size).toBe(all.length);
    expect(all[0]).toBe(made[0]);
    // By the applicant's ИНН: only that applicant's; an ИНН of nobody gives an empty page.
    const inn = (await ctx.db.selectFrom('organizations').select('inn').where('id', '=', ids.producerOrg).executeTakeFirstOrThrow()).inn;
    const byInn = (await operator.get(`/api/operator/applications?limit=200&applicantInn=${inn}`)).body.items;
    expect(byInn.map((i: any) => i.id)).toEqual(expect.arrayContaining(made));
    expect(byInn.every((i: any) => i.applicant.inn === inn)).toBe(true);
    expect((await operator.get('/api/operator/applications?limit=200&applicantInn=7707083893')).body.items).toEqual([]);
    const bad = await operator.get('/api/operator/applications?cursor=garbage');
    expect(bad.status).toBe(422);
    // Drafts are the applicant's own.
    const drafts = await sql<{ id: string }>`select id from permit_applications where status = 'draft'`.execute(ctx.db);
    for (const d of drafts.rows) expect(all).not.toContain(d.id);
    expect((await operator.get(`/api/applications/${drafts.rows[0].id}`)).status).toBe(404);

    // Assign to a specialist; their task; the filter.
    const specialists = (await operator.get('/api/operator/specialists')).body.items;
    const me = specialists[0];
    const assigned = await operator.post(`/api/operator/applications/${made[1]}/assign`, { assigneeId: me.id });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body.assignee).toMatchObject({ id: me.id });
    const mine = (await operator.get('/api/operator/applications?assignee=me&limit=200')).body.items.map((i: any) => i.id);
    expect(mine).toContain(made[1]);
    const tasks = (await operator.get('/api/tasks')).body.items.filter((t: any) => t.kind === 'application_review' && t.payload.applicationId === made[1]);
    expect(tasks).toHaveLength(1);
    const rej = await operator.post(`/api/operator/applications/${made[2]}/decision`, { decision: 'reject', reasonCode: 'nonsense', comment: '' });
    expect(rej.status).toBe(422);
    expect(rej.body.errors.map((e: any) => e.field).sort()).toEqual(['comment', 'reasonCode']);
    const ok = await operator.post(`/api/operator/applications/${made[2]}/decision`, { decision: 'reject', reasonCode: 'incomplete_documents', comment: 'Нет проекта организации работ' });
    expect(ok.status).toBe(200);
    expect(ok.body.decision).toMatchObject({ reasonCode: 'incomplete_documents', comment: 'Нет проекта организации работ' });
    expect(ok.body.decision.reasonText).toMatch(/неполный комплект/);
    const list = (await producer.get('/api/applications?status=rejected')).body.items;
    expect(list.find((i: any) => i.id === made[2]).reasonText).toMatch(/неполный комплект/);
  });
});
