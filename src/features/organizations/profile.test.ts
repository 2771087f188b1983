/**
 * An organization cannot rename itself into someone else's signed document
 * (issue 12, Medium 8): details come from the register; a change by hand is
 * validated (no control, invisible or direction-changing characters, sane
 * length), audited with the values before and after, kept in the history
 * and marked «введено вручную» in the profile; a statement prints the
 * details as they were when it was ordered, and says where they came from.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { generateStatement } from '../statements/generate-statement.js';
import { INFO_SHEET } from '../statements/render-xlsx.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../../domain/period.js';
import { cleanText } from './profile.js';

const TODAY = moscowDate(new Date());
const D = (n: number) => formatIsoDate(addDays((parseIsoDate(TODAY) as { value: any }).value, -n));
const REGISTER_NAME = 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "СТРОЙМОНОЛИТ"';

let ctx: TestContext;
let app: App;
let head: Client;
let register: http.Server;

beforeAll(async () => {
  register = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { query } = JSON.parse(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          suggestions: [
            { value: 'ООО "СТРОЙМОНОЛИТ"', data: { inn: query, kpp: '772801001', type: 'LEGAL', name: { full_with_opf: REGISTER_NAME + '\u0007', short_with_opf: 'ООО "СТРОЙМОНОЛИТ"' }, address: { value: 'г Москва, пр-кт Ленинский, д 30А' } } },
          ],
        }),
      );
    });
  });
  await new Promise<void>((r) => register.listen(0, '127.0.0.1', () => r()));
  const port = (register.address() as { port: number }).port;
  ctx = await createTestContext({}, { REGISTER_URL: `http://127.0.0.1:${port}/party` });
  await seedDemo(ctx, { trips: 150, days: 60 });
  app = await buildTestApp(ctx);
  head = await signedIn(app, 'producer@ossig.test');
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
  register?.close();
});

describe('cleanText', () => {
  it.each([
    ['ООО «Ромашка»\u0000', /U\+0000/],
    ['ООО «Ромашка»\u202eакшамор', /U\+202E/],
    ['ООО\u200b «Ромашка»', /U\+200B/],
    ['ООО «Ромашка»\ud800', /U\+D800/],
    ['ООО\u0007«Ромашка»', /U\+0007/],
    ['12345', /буквы/],
    ['О', /не короче 3/],
    ['Ж'.repeat(501), /не длиннее 500/],
  ])('refuses %j', (input, message) => {
    const r = cleanText(input, { field: 'name', label: 'Полное наименование', min: 3, max: 500, letter: true });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/^Полное наименование: /);
    expect(!r.ok && r.error.message).toMatch(message);
  });

  it('normalizes what it accepts: NFC, trimmed, spaces collapsed', () => {
    expect(cleanText('  ООО   «Чаи\u0306ка»\u00a0 ', { field: 'name', label: 'Имя', max: 100 })).toEqual({ ok: true, value: 'ООО «Чайка»' });
  });
});

describe('the profile', () => {
  it('a change by hand is validated, audited with before and after, in the history, and marked as typed', async () => {
    const bad = await head.request('PATCH', '/api/organization', { name: 'ООО «Чужое имя»\u202e', address: 'ул. Тверская,\u200b д. 1' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['address', 'name']);
    expect(bad.body.errors.find((e: any) => e.field === 'name').message).toMatch(/^Полное наименование: недопустимый символ U\+202E/);
    const before = (await head.get('/api/organization')).body;
    expect(before.fieldSources.name).toBe('manual');

    const typed = 'Общество с ограниченной ответственностью «СтройМонолит Плюс»';
    const ok = await head.request('PATCH', '/api/organization', { name: `  ${typed}  ` });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ name: typed, fieldSources: { name: 'manual' } });
    expect(ok.body.detailsChangedAt).toBeTruthy();
    expect(ok.body.history[0]).toMatchObject({ action: 'updated', source: 'введено вручную', by: 'Петров Алексей Сергеевич', changes: [{ field: 'name', before: before.name, after: typed }] });
    const audit = await ctx.db.selectFrom('audit_events').select(['details']).where('action', '=', 'organization.profile_updated').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ fields: ['name'], changes: { name: [before.name, typed] }, source: 'manual' });

    // From the register: what it says, cleaned, and marked as from ЕГРЮЛ.
    const reg = await head.post('/api/organization/register-lookup');
    expect(reg.status, reg.text).toBe(200);
    expect(reg.body.found).toBe(true);
    expect(reg.body.profile).toMatchObject({ name: REGISTER_NAME, kpp: '772801001', fieldSources: { name: 'register', inn: 'register', kpp: 'register', address: 'register' } });
    expect(reg.body.profile.history[0].source).toMatch(/^ЕГРЮЛ/);
  });

  it('a statement prints the details as they were when it was ordered, and where they came from', async () => {
    const site = (await head.get('/api/sites')).body.items.find((s: any) => s.name.includes('Профсоюзная'));
    const permits = await head.get(`/api/sites/${site.id}/permits?from=${D(50)}&to=${TODAY}`);
    const res = await head.post('/api/statements', { siteId: site.id, from: D(50), to: TODAY, permitIds: permits.body.items.map((p: any) => p.id) });
    expect(res.status).toBe(202);
    // After ordering, before generation, the head types another name: the statement does not print it.
    const rename = await head.request('PATCH', '/api/organization', { name: 'ООО «Совсем другая организация»' });
    expect(rename.status).toBe(200);
    expect((await generateStatement(ctx, res.body.id)).outcome).toBe('ready');
    const get = async (k: string) => (await app.inject({ method: 'GET', url: `/api/statements/${res.body.id}/files/${k}`, headers: { cookie: (head as any).cookie } })).rawPayload;
    const { text } = await extractText(new Uint8Array(await get('pdf')), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ «СТРОЙМОНОЛИТ»');
    expect(flat).not.toContain('Совсем другая организация');
    expect(flat).toMatch(/Сведения об организации из ЕГРЮЛ \(запрос \d\d\.\d\d\.\d{4}\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get('xlsx')) as any);
    const info = new Map<string, unknown>();
    wb.getWorksheet(INFO_SHEET)!.eachRow((r) => info.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(info.get('Отходопроизводитель')).toBe('ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ «СТРОЙМОНОЛИТ»');
    expect(String(info.get('Отходопроизводитель: откуда сведения'))).toMatch(/из ЕГРЮЛ/);

    // The next statement prints the typed name, and says it was typed by hand.
    const next = await head.post('/api/statements', { siteId: site.id, from: D(50), to: TODAY, permitIds: permits.body.items.map((p: any) => p.id) });
    expect((await generateStatement(ctx, next.body.id)).outcome).toBe('ready');
    const t2 = (await extractText(new Uint8Array((await app.inject({ method: 'GET', url: `/api/statements/${next.body.id}/files/pdf`, headers: { cookie: (head as any).cookie } })).rawPayload), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(t2).toContain('ООО «Совсем другая организация»');
    expect(t2).toMatch(/наименование — введены вручную \(изменены \d\d\.\d\d\.\d{4}\)/);
    expect(t2).toMatch(/ИНН, ОГРН.* — из ЕГРЮЛ/);
  });
});

describe('bank details', () => {
  const SBER = { bankAccount: '40702810938000000001', bik: '044525225', corrAccount: '30101810400000000225', bankName: 'ПАО Сбербанк' };

  it('are refused with messages naming the field: key digits, lengths, letters, a missing БИК', async () => {
    const keyDigit = await head.request('PATCH', '/api/organization', { ...SBER, bankAccount: '40702810038000000001' });
    expect(keyDigit.status).toBe(422);
    expect(keyDigit.body.errors).toEqual([{ field: 'bankAccount', message: 'Расчётный счёт: неверный контрольный ключ для БИК 044525225: проверьте номер счёта и БИК' }]);
    const shapes = await head.request('PATCH', '/api/organization', { bankAccount: '4070281093800000000', bik: '04452522Б', corrAccount: '301018104000000002250', bankName: '12345' });
    expect(shapes.status).toBe(422);
    expect(Object.fromEntries(shapes.body.errors.map((e: any) => [e.field, e.message]))).toEqual({
      bik: 'БИК: должен содержать только цифры',
      bankAccount: 'Расчётный счёт: должен состоять из 20 цифр (сейчас 19)',
      corrAccount: 'Корреспондентский счёт: должен состоять из 20 цифр (сейчас 21)',
      bankName: 'Наименование банка: должно содержать буквы',
    });
    const noBik = await head.request('PATCH', '/api/organization', { bankAccount: SBER.bankAccount, bankName: SBER.bankName, corrAccount: SBER.corrAccount });
    expect(noBik.status).toBe(422);
    expect(noBik.body.errors).toEqual([{ field: 'bik', message: 'БИК: обязательное поле, когда указаны банковские реквизиты' }]);
    expect((await head.get('/api/organization')).body.bank).toBeNull();
  });

  it('only the head sets them; they are kept with history; a new БИК is checked against the stored account', async () => {
    const trusted = await signedIn(app, 'trusted@ossig.test');
    const refused = await trusted.request('PATCH', '/api/organization', SBER);
    expect(refused.status).toBe(403);
    const ok = await head.request('PATCH', '/api/organization', { ...SBER, bankAccount: '40702 810 9 3800 0000001' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.bank).toEqual({ account: SBER.bankAccount, bik: SBER.bik, corrAccount: SBER.corrAccount, name: SBER.bankName });
    expect(ok.body.history[0].changes.map((c: any) => c.field).sort()).toEqual(['bank_account', 'bank_bik', 'bank_corr_account', 'bank_name']);
    expect(ok.body.history[0].changes.find((c: any) => c.field === 'bank_account')).toEqual({ field: 'bank_account', before: null, after: SBER.bankAccount });
    // Another bank's БИК alone: the stored account's key does not fit it, nor the correspondent account.
    const moved = await head.request('PATCH', '/api/organization', { bik: '044525974' });
    expect(moved.status).toBe(422);
    expect(moved.body.errors.map((e: any) => e.field).sort()).toEqual(['bankAccount', 'corrAccount']);
    // Cleared together.
    const cleared = await head.request('PATCH', '/api/organization', { bankAccount: null, bik: null, corrAccount: null, bankName: '' });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.bank).toBeNull();
    const partly = await head.request('PATCH', '/api/organization', { bankName: 'ПАО Сбербанк' });
    expect(partly.status).toBe(422);
    expect(partly.body.errors.map((e: any) => e.field).sort()).toEqual(['bankAccount', 'bik']);
  });
});
