/**
 * Payments: a real-format 1C «ClientBankExchange» statement in Windows-1251 with a payment naming the
 * invoice (matched), a partial payment naming it (matched, invoice partly paid), a payment without the
 * number but of the exact amount (matched by ИНН and amount), a payment larger than what is left
 * (left for a person), a payment from an unknown ИНН (foreign: left), the facility's own outgoing
 * payment (skipped); importing the file twice changes nothing; a person matches what was left; the
 * reconciliation act adds up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';
import { multipart } from '../../../test/helpers/upload-files.js';
import { makeValidInnLegal } from '../../domain/identifiers.js';
import { formatRubles, kopToRubles } from '../../domain/money.js';
import { insertLoad, loadBase } from '../../../test/helpers/loads.js';
import { invoiceNumbersIn } from './payments.js';
import { parseClientBank } from './client-bank.js';

let ctx: TestContext;
let app: App;
let facility: Client;
let producer: Client;
let facilityInn: string;
let producerInn: string;
let producerId: string;
let facilityId: string;
const CODE = '81110001495';

const orgOf = async (email: string) =>
  (await sql<{ id: string; inn: string }>`select o.id, o.inn from memberships m join persons p on p.id = m.person_id join organizations o on o.id = m.organization_id where p.email = ${email} and m.role = 'head'`.execute(ctx.db)).rows[0];

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-payments-'));
  ctx = await createTestContext({ dataDir });
  await seedDemo(ctx, { trips: 60, days: 3 });
  app = await buildTestApp(ctx);
  facility = await signedIn(app, 'facility@ossig.test');
  producer = await signedIn(app, 'producer@ossig.test');
  ({ id: facilityId, inn: facilityInn } = await orgOf('facility@ossig.test'));
  ({ id: producerId, inn: producerInn } = await orgOf('producer@ossig.test'));
  await sql`insert into waste_types (code, name) values (${CODE}, 'Тестовый вид') on conflict do nothing`.execute(ctx.db);
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(ctx.config.dataDir, { recursive: true, force: true });
  await ctx?.close();
});

/** A statement as banks export it: CRLF, Windows-1251. */
function statement(docs: { n: string; date: string; sum: string; payerInn: string; payer: string; payerAcc: string; recvInn: string; recv: string; recvAcc: string; purpose: string }[]): Buffer {
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    'Кодировка=Windows',
    'Отправитель=Бухгалтерия предприятия, редакция 3.0',
    'Получатель=',
    'ДатаСоздания=05.12.2026',
    'ВремяСоздания=10:15:00',
    'ДатаНачала=01.12.2026',
    'ДатаКонца=04.12.2026',
    'РасчСчет=40702810938000012345',
    'Документ=Платежное поручение',
    'СекцияРасчСчет',
    'ДатаНачала=01.12.2026',
    'ДатаКонца=04.12.2026',
    'РасчСчет=40702810938000012345',
    'НачальныйОстаток=100000.00',
    'ВсегоПоступило=0.00',
    'ВсегоСписано=0.00',
    'КонечныйОстаток=100000.00',
    'КонецРасчСчет',
  ];
  for (const d of docs) {
    lines.push(
      'СекцияДокумент=Платежное поручение',
      `Номер=${d.n}`,
      `Дата=${d.date}`,
      `Сумма=${d.sum}`,
      `ПлательщикСчет=${d.payerAcc}`,
      `Плательщик=ИНН ${d.payerInn} ${d.payer}`,
      `ПлательщикИНН=${d.payerInn}`,
      `Плательщик1=${d.payer}`,
      'ПлательщикКПП=770101001',
      'ПлательщикБанк1=ПАО СБЕРБАНК',
      'ПлательщикБИК=044525225',
      'ПлательщикКорсчет=30101810400000000225',
      `ПолучательСчет=${d.recvAcc}`,
      `Получатель=ИНН ${d.recvInn} ${d.recv}`,
      `ПолучательИНН=${d.recvInn}`,
      `Получатель1=${d.recv}`,
      'ПолучательКПП=775101001',
      'ПолучательБанк1=АО «АЛЬФА-БАНК»',
      'ПолучательБИК=044525593',
      'ВидОплаты=01',
      'Очередность=5',
      `НазначениеПлатежа=${d.purpose}`,
      `ДатаПоступило=${d.date}`,
      'КонецДокумента',
    );
  }
  lines.push('КонецФайла', '');
  return iconv.encode(lines.join('\r\n'), 'win1251');
}

describe('money: payments', () => {
  it('reads invoice numbers from purposes', () => {
    expect(invoiceNumbersIn('Оплата по счету № 2026-7 от 01.12.2026 за услуги, в т.ч. НДС 22% 123.45')).toEqual(['2026-7']);
    expect(invoiceNumbersIn('Оплата по сч. 12 за ноябрь')).toEqual(['12']);
    expect(invoiceNumbersIn('Оплата по счёту №2026/012')).toEqual(['2026-12']);
    expect(invoiceNumbersIn('Аванс за декабрь, НДС не облагается')).toEqual([]);
  });

  it('refuses what is not a 1C statement, naming the file', () => {
    expect(() => parseClientBank(Buffer.from('Дата;Сумма\n'))).toThrow(/^Файл: это не выписка/);
    expect(() => parseClientBank(iconv.encode('1CClientBankExchange\r\nСекцияДокумент=Платежное поручение\r\nНомер=1\r\nДата=31.02.2026\r\nСумма=10\r\nКонецДокумента\r\nКонецФайла\r\n', 'win1251'))).toThrow(/Файл: документ 1.*ДД\.ММ\.ГГГГ/);
  });

  it('imports a Windows-1251 statement: matching, partly matching and foreign payments; twice changes nothing', async () => {
    // Two invoices of the producer: acts for two months.
    const base = await loadBase(ctx, facilityId, producerId);
    expect((await facility.post('/api/tariffs', { wasteCode: CODE, unit: 't', price: '1000', validFrom: '2026-01-01' })).status).toBe(200);
    for (const [u, m] of [['2026-09-10T10:00:00Z', '10'], ['2026-10-10T10:00:00Z', '20']]) {
      const id = await insertLoad(ctx, base, u, { code: CODE });
      expect((await facility.post(`/api/receipts/${id}/confirm`, { mass: m })).status).toBe(200);
    }
    const sep = await facility.post('/api/acts', { month: '2026-09', payerId: producerId });
    const oct = await facility.post('/api/acts', { month: '2026-10', payerId: producerId });
    expect(sep.status).toBe(202);
    const invoices = (await facility.get('/api/invoices?side=owed')).body.items;
    const i1 = invoices.find((i: { act: { id: string } }) => i.act.id === sep.body.acts[0].id); // 10 000 + 22 % = 12 200,00
    const i2 = invoices.find((i: { act: { id: string } }) => i.act.id === oct.body.acts[0].id); // 24 400,00
    expect([i1.total, i2.total]).toEqual(['12200.00', '24400.00']);

    const foreignInn = makeValidInnLegal(777);
    const common = { payerAcc: '40702810400000000001', payer: 'ООО «СтройИнвест»', recvInn: facilityInn, recv: 'ООО «ЭкоПереработка»', recvAcc: '40702810938000012345' };
    const file = statement([
      { ...common, n: '101', date: '01.12.2026', sum: '5000.00', payerInn: producerInn, purpose: `Частичная оплата по счету № ${i1.number} за услуги по приему ОСС, в т.ч. НДС 22%` },
      { ...common, n: '102', date: '02.12.2026', sum: '7200.00', payerInn: producerInn, purpose: `Доплата по сч. ${i1.number.split('-')[1]}` },
      { ...common, n: '103', date: '02.12.2026', sum: '24400.00', payerInn: producerInn, purpose: 'Оплата за услуги по приёму отходов за октябрь' },
      { ...common, n: '104', date: '03.12.2026', sum: '99999.99', payerInn: producerInn, purpose: `Оплата по счету № ${i2.number}` },
      { ...common, n: '7', date: '03.12.2026', sum: '1500.00', payerInn: foreignInn, payer: 'ООО «Посторонний»', purpose: 'Возврат займа по договору 15' },
      { n: '555', date: '04.12.2026', sum: '300.00', payerInn: facilityInn, payer: 'ООО «ЭкоПереработка»', payerAcc: '40702810938000012345', recvInn: '7707083893', recv: 'ПАО Сбербанк', recvAcc: '40702810100000000999', purpose: 'Комиссия банка' },
    ]);
    expect(file.includes(Buffer.from('Плательщик', 'utf8'))).toBe(false); // really Windows-1251
    const send = () => {
      const m = multipart('kl_to_1c.txt', file);
      return facility.request('POST', '/api/payments/bank-statement', m.body, { 'content-type': m.contentType });
    };
    const first = await send();
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ encoding: 'windows-1251', account: '40702810938000012345', from: '2026-12-01', to: '2026-12-04', documents: 6, added: 5, duplicates: 0, outgoing: 1, matched: 3, unmatched: 2 });

    const pays = (await facility.get('/api/payments?pageSize=100')).body.items as { docNumber: string; match: string; invoice: { id: string } | null; matchNote: string }[];
    const by = (n: string) => pays.find((p) => p.docNumber === n)!;
    expect(by('101')).toMatchObject({ match: 'auto', invoice: { id: i1.id } });
    expect(by('101').matchNote).toContain('частичная оплата');
    expect(by('102')).toMatchObject({ match: 'auto', invoice: { id: i1.id } });
    expect(by('103')).toMatchObject({ match: 'auto', invoice: { id: i2.id } });
    expect(by('103').matchNote).toMatch(/^По ИНН и сумме/);
    expect(by('104')).toMatchObject({ match: 'unmatched', invoice: null });
    expect(by('104').matchNote).toContain('нет неоплаченных счетов'); // both invoices were paid by the documents before it
    expect(by('7')).toMatchObject({ match: 'unmatched', invoice: null });
    expect(by('7').matchNote).toContain(foreignInn);
    expect(pays.find((p) => p.docNumber === '555')).toBeUndefined();

    const after = async () => (await producer.get('/api/invoices?side=owing')).body.items.filter((i: { id: string }) => [i1.id, i2.id].includes(i.id)).map((i: { paid: string; state: string }) => [i.paid, i.state]);
    expect(await after()).toEqual(
      expect.arrayContaining([
        ['12200.00', 'paid'],
        ['24400.00', 'paid'],
      ]),
    );
    const snapshot = async () => (await sql`select id, invoice_id, match, match_note, amount_kop::text from payments order by id`.execute(ctx.db)).rows;
    const before = await snapshot();
    const paidBefore = (await sql`select id, paid_kop::text from invoices order by id`.execute(ctx.db)).rows;

    // The same file again: nothing new, nothing changed.
    const second = await send();
    expect(second.body).toMatchObject({ documents: 6, added: 0, duplicates: 5, outgoing: 1, matched: 0, unmatched: 0 });
    expect(await snapshot()).toEqual(before);
    expect((await sql`select id, paid_kop::text from invoices order by id`.execute(ctx.db)).rows).toEqual(paidBefore);
  });

  it('a person matches, unmatches and ignores; overpaying an invoice is refused by name; another facility sees nothing', async () => {
    const pays = (await facility.get('/api/payments?match=unmatched')).body;
    expect(pays.unmatched).toEqual({ value: 2, exact: true });
    const big = pays.items.find((p: { docNumber: string }) => p.docNumber === '104');
    const inv = (await facility.get('/api/invoices?side=owed')).body.items[0];
    const over = await facility.request('PUT', `/api/payments/${big.id}/match`, { invoiceId: inv.id });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('overpayment');
    const foreign = pays.items.find((p: { docNumber: string }) => p.docNumber === '7');
    const ignored = await facility.request('PUT', `/api/payments/${foreign.id}/match`, { ignore: true });
    expect(ignored.body).toMatchObject({ match: 'ignored', invoice: null });

    // Unmatching a matched payment makes its invoice owing again; matching it back pays it.
    const p101 = (await facility.get('/api/payments')).body.items.find((p: { docNumber: string }) => p.docNumber === '101');
    const un = await facility.request('PUT', `/api/payments/${p101.id}/match`, { invoiceId: null });
    expect(un.body.match).toBe('unmatched');
    const i1 = (await facility.get(`/api/invoices/${p101.invoice.id}`)).body;
    expect(i1).toMatchObject({ paid: '7200.00', due: '5000.00' });
    const back = await facility.request('PUT', `/api/payments/${p101.id}/match`, { invoiceId: i1.id });
    expect(back.body).toMatchObject({ match: 'manual', invoice: { id: i1.id } });
    expect((await facility.get(`/api/invoices/${i1.id}`)).body).toMatchObject({ paid: '12200.00', state: 'paid' });

    const other = await signedIn(app, 'facility2@ossig.test');
    expect((await other.get('/api/payments')).body.items).toEqual([]);
    expect((await other.request('PUT', `/api/payments/${big.id}/match`, { invoiceId: null })).status).toBe(404);
  });

  it('records a payment by hand, checking every field', async () => {
    const bad = await facility.post('/api/payments', { payerInn: '1234567890', amount: '0,001', paidOn: '2026-13-01', docNumber: '' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['payerInn', 'amount', 'paidOn', 'docNumber']));
    const ok = await facility.post('/api/payments', { payerInn: producerInn, amount: '100,50', paidOn: '2026-12-03', docNumber: 'ПКО-1', purpose: 'Наличными' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ source: 'manual', amount: '100.50', match: 'unmatched' });
  });

  it('reconciliation act: opening, invoices, payments, closing balance', async () => {
    const r = await facility.get(`/api/reconciliation?counterpartyId=${producerId}&from=2026-01-01&to=2026-12-31`);
    expect(r.status, r.text).toBe(200);
    const debit = r.body.lines.reduce((s: bigint, l: { debit: string }) => s + BigInt(l.debit.replace('.', '')), 0n);
    const credit = r.body.lines.reduce((s: bigint, l: { credit: string }) => s + BigInt(l.credit.replace('.', '')), 0n);
    expect(r.body).toMatchObject({ opening: '0.00', debit: kopToRubles(debit), credit: kopToRubles(credit) });
    // Invoiced 36 600,00; received 5 000 + 7 200 + 24 400 + 99 999,99 (unmatched but the producer's) + 100,50 by hand.
    expect(r.body.debit).toBe('36600.00');
    expect(r.body.credit).toBe('136700.49');
    expect(r.body.closing).toBe('-100100.49');
    expect(r.body.closingText).toContain(`Переплата`);
    expect(r.body.closingText).toContain(formatRubles(10010049n));
    // The producer sees the same act from its side; another organization gets 404.
    const mirror = await producer.get(`/api/reconciliation?counterpartyId=${facilityId}&from=2026-01-01&to=2026-12-31`);
    expect(mirror.body.closing).toBe(r.body.closing);
    const other = await signedIn(app, 'producer2@ossig.test');
    expect((await other.get(`/api/reconciliation?counterpartyId=${facilityId}&from=2026-01-01&to=2026-12-31`)).status).toBe(404);
    const xlsx = await app.inject({ method: 'GET', url: `/api/reconciliation/xlsx?counterpartyId=${producerId}&from=2026-01-01&to=2026-12-31`, headers: { cookie: (facility as any).cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The PDF: the same lines and balances, read back as text.
    const pdf = await app.inject({ method: 'GET', url: `/api/reconciliation/pdf?counterpartyId=${producerId}&from=2026-01-01&to=2026-12-31`, headers: { cookie: (facility as any).cookie } });
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    const text = (await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true })).text.replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(text).toContain('АКТ СВЕРКИ ВЗАИМНЫХ РАСЧЁТОВ');
    expect(text).toContain('за период с 01.01.2026 по 31.12.2026');
    expect(text).toContain(`ИНН ${producerInn}`);
    expect(text).toContain('Обороты за период 36 600,00 136 700,49');
    expect(text).toContain('Сальдо конечное 100 100,49');
    expect(text).toContain(r.body.closingText.replace(/[\s\u00a0\u202f]+/g, ' '));
    for (const l of r.body.lines) expect(text).toContain(l.document);
    expect(text).toContain('От исполнителя');
    expect(text).toContain('От заказчика');
    expect((await app.inject({ method: 'GET', url: `/api/reconciliation/pdf?counterpartyId=${facilityId}&from=2026-01-01&to=2026-12-31`, headers: { cookie: (other as any).cookie } })).statusCode).toBe(404);
    // Whom each side may reconcile with: the facility its payer, the payer its facility, a stranger nobody of theirs.
    expect((await facility.get('/api/reconciliation/counterparties')).body.items.map((o: { id: string }) => o.id)).toContain(producerId);
    expect((await producer.get('/api/reconciliation/counterparties')).body.items.map((o: { id: string }) => o.id)).toEqual([facilityId]);
    expect((await other.get('/api/reconciliation/counterparties')).body.items.map((o: { id: string }) => o.id)).not.toContain(facilityId);
    // A period that ends before it starts is refused, naming the field.
    const back = await facility.get(`/api/reconciliation?counterpartyId=${producerId}&from=2026-12-31&to=2026-01-01`);
    expect(back.status).toBe(422);
    expect(back.body.errors[0]).toMatchObject({ field: 'to', message: expect.stringMatching(/^Конец периода: /) });
  });
});
