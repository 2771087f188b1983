/**
 * Monthly acts of services and their invoices: a month with a VAT change in its middle (two rates in
 * one act, VAT rounded once per rate), loads on the first and last minute of the month (Moscow), a
 * load without a tariff left out and counted; the act's signed PDF and XLSX in the registry; figures
 * equal to an independent computation; the payer sees it, another organization does not; a load
 * accepted after the act goes into a second act of the month; ordering again bills nothing twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { seedDemo } from '../demo/seed.js';
import { JOBS } from '../index.js';
import { chargeKop, kopToRubles, vatKop } from '../../domain/money.js';
import { insertLoad, loadBase, type LoadBase } from '../../../test/helpers/loads.js';
import { invoiceNumbersIn } from './payments.js';
import { multipart } from '../../../test/helpers/applications.js';

let ctx: TestContext;
let app: App;
let facility: Client;
let producer: Client;
let facilityId: string;
let producerId: string;
let base: LoadBase;
const T = '81110001495'; // priced per t
const M = '81220101205'; // priced per m³
const NONE = '81290101724'; // no tariff

const orgOf = async (email: string) =>
  (await sql<{ id: string }>`select m.organization_id as id from memberships m join persons p on p.id = m.person_id where p.email = ${email} and m.role = 'head'`.execute(ctx.db)).rows[0].id;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-acts-'));
  ctx = await createTestContext({ dataDir });
  await seedDemo(ctx, { trips: 60, days: 3 });
  app = await buildTestApp(ctx);
  facility = await signedIn(app, 'facility@ossig.test');
  producer = await signedIn(app, 'producer@ossig.test');
  facilityId = await orgOf('facility@ossig.test');
  producerId = await orgOf('producer@ossig.test');
  base = await loadBase(ctx, facilityId, producerId);
  for (const c of [T, M, NONE]) await sql`insert into waste_types (code, name) values (${c}, ${'Тестовый вид ' + c}) on conflict do nothing`.execute(ctx.db);
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(ctx.config.dataDir, { recursive: true, force: true });
  await ctx?.close();
});

const accept = async (id: number, mass: string) => {
  const r = await facility.post(`/api/receipts/${id}/confirm`, { mass });
  expect(r.status, r.text).toBe(200);
};
const download = async (c: Client, url: string) => {
  const r = await app.inject({ method: 'GET', url, headers: { cookie: (c as any).cookie } });
  expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
  return r.rawPayload;
};

describe('money: acts and invoices', () => {
  let actId = '';
  const loads: { id: number; code: string; mass: string; volume: string; rate: string }[] = [];

  it('makes one act per payer for an ended month: two VAT rates, edges of the month, no-tariff loads counted apart', async () => {
    expect((await facility.post('/api/tariffs', { wasteCode: T, unit: 't', price: '1234,56', validFrom: '2026-03-01' })).status).toBe(200);
    expect((await facility.post('/api/tariffs', { wasteCode: M, unit: 'm3', price: '333,33', validFrom: '2026-01-01', validTo: '2026-12-31' })).status).toBe(200);
    const op = await signedIn(app, 'operator@ossig.test');
    expect((await op.post('/api/vat-rates', { validFrom: '2026-03-16', rate: '25' })).status).toBe(200); // a change in the middle of March
    const at = [
      ['2026-02-28T21:00:00Z', T, '10.001', '20.00', '22.00'], // 01.03 00:00 МСК — first minute of the month
      ['2026-03-15T20:59:00Z', M, '5.555', '8.25', '22.00'], // 15.03 23:59 МСК — last day at 22 %
      ['2026-03-15T21:00:00Z', T, '0.005', '1.00', '25.00'], // 16.03 00:00 МСК — first day at 25 %
      ['2026-03-31T20:59:00Z', M, '7.000', '9.99', '25.00'], // 31.03 23:59 МСК — last minute of the month
    ] as const;
    for (const [u, code, mass, volume, rate] of at) {
      const id = await insertLoad(ctx, base, u, { code, volume });
      await accept(id, mass);
      loads.push({ id, code, mass, volume, rate });
    }
    // 01.04 00:00 МСК is April; a load without a tariff; a rejected load.
    await accept(await insertLoad(ctx, base, '2026-03-31T21:00:00Z', { code: T }), '3');
    await accept(await insertLoad(ctx, base, '2026-03-20T10:00:00Z', { code: NONE }), '4');
    const rejected = await insertLoad(ctx, base, '2026-03-20T11:00:00Z', { code: T });
    expect((await facility.post(`/api/receipts/${rejected}/reject`, { reason: 'Посторонние включения' })).status).toBe(200);

    const thisMonth = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 7);
    const early = await facility.post('/api/acts', { month: thisMonth });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ field: 'month', message: expect.stringMatching(/^Месяц: /) });

    const res = await facility.post('/api/acts', { month: '2026-03' });
    expect(res.status, res.text).toBe(202);
    expect(res.body.withoutTariff).toBe(1);
    const mine = res.body.acts.filter((a: { payerId: string }) => a.payerId === producerId);
    expect(mine).toHaveLength(1);
    actId = mine[0].id;

    // Independent figures: per load quantity × price rounded to the kopeck; VAT once per rate.
    const price = { [T]: 123456n, [M]: 33333n } as Record<string, bigint>;
    const net = new Map<string, bigint>();
    for (const l of loads) net.set(l.rate, (net.get(l.rate) ?? 0n) + chargeKop(l.code === T ? l.mass : l.volume, price[l.code]));
    let n = 0n;
    let v = 0n;
    for (const [rate, amount] of net) {
      n += amount;
      v += vatKop(amount, rate);
    }
    expect(net.size).toBe(2);
    expect(mine[0]).toMatchObject({ loads: 4, net: kopToRubles(n), vat: kopToRubles(v), total: kopToRubles(n + v) });

    // Ordering again bills nothing twice.
    const again = await facility.post('/api/acts', { month: '2026-03', payerId: producerId });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('nothing_to_bill');
  });

  it('renders the signed PDF and XLSX in the background; the registry holds the act', async () => {
    expect((await facility.get(`/api/acts/${actId}`)).body.status).toBe('queued');
    await runJobsOnce(ctx, JOBS);
    const failed = await sql<{ name: string; last_error: string | null }>`select name, last_error from jobs where last_error is not null`.execute(ctx.db);
    expect(failed.rows).toEqual([]);
    const act = (await facility.get(`/api/acts/${actId}`)).body;
    expect(act).toMatchObject({ status: 'ready', loads: 4, monthText: 'март 2026 г.' });
    expect(act.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const pdf = await download(producer, `/api/acts/${actId}/files/pdf`);
    const text = (await extractText(new Uint8Array(pdf), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain(`АКТ № ${act.number}`);
    expect(text).toContain('за март 2026 г.');
    expect(text).toContain('22 %');
    expect(text).toContain('25 %');
    expect(text).toContain(act.total.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0').replace('\u00a0', ' ').slice(-6));
    expect(text).toContain('Документ подписан электронной подписью');
    const sig = await download(producer, `/api/acts/${actId}/files/pdf.sig`);
    expect(sig.length).toBeGreaterThan(500);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(facility, `/api/acts/${actId}/files/xlsx`)) as never);
    const rows = wb.getWorksheet('Рейсы')!;
    expect(rows.rowCount).toBe(5);
    const ids = [];
    for (let r = 2; r <= rows.rowCount; r++) ids.push(Number(rows.getRow(r).getCell(1).value));
    expect(ids.sort()).toEqual(loads.map((l) => l.id).sort());
    let sum = 0n;
    for (let r = 2; r <= rows.rowCount; r++) sum += BigInt(Math.round(Number(rows.getRow(r).getCell(9).value) * 100)); // two decimals: safe
    expect(kopToRubles(sum)).toBe(act.net);

    const reg = await facility.get(`/api/documents/${act.code.replace(/-/g, '')}`);
    expect(reg.status, reg.text).toBe(200);
    expect(JSON.stringify(reg.body)).toContain(act.number);
    // The payer is told.
    const notes = await ctx.db.selectFrom('notifications').select('title').where('organization_id', '=', producerId).where('title', 'like', `Акт № ${act.number}%`).execute();
    expect(notes).toHaveLength(1);
  });

  it('the invoice is a signed PDF of its own in the registry; its purpose of payment is what the bank statement matcher reads', async () => {
    const inv = (await producer.get('/api/invoices?side=owing')).body.items.find((i: { act: { id: string } }) => i.act.id === actId);
    expect(inv).toMatchObject({ fileStatus: 'ready' });
    expect(inv.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(inv.code).not.toBe((await producer.get(`/api/acts/${actId}`)).body.code);
    const pdf = await download(producer, `/api/invoices/${inv.id}/files/pdf`);
    const text = (await extractText(new Uint8Array(pdf), { mergePages: true })).text.replace(/\s+/g, ' ');
    const ru = (rub: string) => rub.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(text).toContain(`СЧЁТ НА ОПЛАТУ № ${inv.number} от ${inv.issuedOn.split('-').reverse().join('.')}`);
    expect(text).toContain(`акт № ${inv.act.number}`);
    expect(text).toContain(`Оплатить до: ${inv.dueOn.split('-').reverse().join('.')}`);
    expect(text).toContain(`Всего к оплате: ${ru(inv.total)} ₽`);
    expect(text).toContain(`Итого без НДС: ${ru(inv.net)} ₽`);
    expect(text).toContain(`Код проверки ${inv.code}`);
    expect(text).toContain('Документ подписан электронной подписью');
    // The facility has no bank details in its profile yet: the invoice says where they are.
    expect(text).toContain('Банковские реквизиты поставщика — в договоре с ним');
    expect(text).not.toContain('Расчётный счёт');
    const purpose = /Назначение платежа: (Оплата по счёту № \S+ от [\d.]+)/.exec(text)?.[1];
    expect(purpose).toBeTruthy();
    expect(invoiceNumbersIn(purpose!)).toEqual([inv.number]);
    // The signature verifies against the PDF and the registry finds the invoice by its code and by the file.
    const sig = await download(facility, `/api/invoices/${inv.id}/files/pdf.sig`);
    const mp = multipart([
      { name: 'file', filename: 'invoice.pdf', data: pdf },
      { name: 'signature', filename: 'invoice.pdf.sig', data: sig },
    ]);
    const verify = await app.inject({ method: 'POST', url: '/api/signatures/verify', payload: mp.body, headers: mp.headers });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(JSON.parse(verify.body).valid).toBe(true);
    const reg = await facility.get(`/api/documents/${inv.code.replace(/-/g, '')}`);
    expect(reg.status, reg.text).toBe(200);
    expect(reg.body).toMatchObject({ kindName: 'Счёт на оплату', status: 'valid' });
    expect(JSON.stringify(reg.body).replace(/\u00a0/g, ' ')).toContain(`Всего к оплате","value":"${ru(inv.total)} ₽`);
    // Another organization gets nothing of it.
    const other = await signedIn(app, 'producer2@ossig.test');
    expect((await other.get(`/api/invoices/${inv.id}/files/pdf`)).status).toBe(404);
  });

  it('the payer sees the invoice it owes; another organization sees nothing of it', async () => {
    const owing = await producer.get('/api/invoices?side=owing');
    expect(owing.status).toBe(200);
    const inv = owing.body.items.find((i: { act: { id: string } }) => i.act.id === actId);
    expect(inv).toMatchObject({ state: 'open', paid: '0.00' });
    expect(inv.due).toBe(inv.total);
    const owed = await facility.get('/api/invoices?side=owed');
    expect(owed.body.items.map((i: { id: string }) => i.id)).toContain(inv.id);
    const other = await signedIn(app, 'producer2@ossig.test');
    expect((await other.get(`/api/acts/${actId}`)).status).toBe(404);
    expect((await other.get(`/api/invoices/${inv.id}`)).status).toBe(404);
    expect((await other.get(`/api/acts/${actId}/files/pdf`)).status).toBe(404);
    expect((await other.get('/api/invoices')).body.items.map((i: { id: string }) => i.id)).not.toContain(inv.id);
    const charges = await producer.get('/api/charges?month=2026-03');
    expect(charges.body.summary).toMatchObject({ priced: 4, withoutTariff: 1 });
  });

  it('a load of the month accepted after the act goes into a second act of the month', async () => {
    const late = await insertLoad(ctx, base, '2026-03-25T10:00:00Z', { code: M, volume: '1.00' });
    await accept(late, '2');
    const res = await facility.post('/api/acts', { month: '2026-03', payerId: producerId });
    expect(res.status, res.text).toBe(202);
    expect(res.body.acts[0]).toMatchObject({ loads: 1, net: '333.33' });
    const second = (await facility.get(`/api/acts/${res.body.acts[0].id}`)).body;
    expect(second.seq).toBe(2);
    expect(second.number).not.toBe((await facility.get(`/api/acts/${actId}`)).body.number);
    // A tariff whose billed days would fall outside is refused.
    const tariffs = (await facility.get(`/api/tariffs?wasteCode=${M}`)).body.items;
    const moved = await facility.request('PUT', `/api/tariffs/${tariffs[0].id}/period`, { validFrom: '2026-03-20' });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('tariff_in_use');
  });

  it('an invoice ordered after the facility filled its bank details prints them; earlier invoices keep what they had', async () => {
    const bank = { bankAccount: '40702810938000000001', bik: '044525225', corrAccount: '30101810400000000225', bankName: 'ПАО Сбербанк' };
    const set = await facility.request('PATCH', '/api/organization', bank);
    expect(set.status, set.text).toBe(200);
    await accept(await insertLoad(ctx, base, '2026-03-26T10:00:00Z', { code: M, volume: '2.00' }), '3');
    const res = await facility.post('/api/acts', { month: '2026-03', payerId: producerId });
    expect(res.status, res.text).toBe(202);
    await runJobsOnce(ctx, JOBS);
    const items = (await producer.get('/api/invoices?side=owing')).body.items;
    const inv = items.find((i: { act: { id: string } }) => i.act.id === res.body.acts[0].id);
    expect(inv).toMatchObject({ fileStatus: 'ready' });
    const text = (await extractText(new Uint8Array(await download(producer, `/api/invoices/${inv.id}/files/pdf`)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Банковские реквизиты получателя');
    expect(text).toContain(`Расчётный счёт: ${bank.bankAccount}`);
    expect(text).toContain(`БИК: ${bank.bik}`);
    expect(text).toContain(`Корр. счёт: ${bank.corrAccount}`);
    expect(text).toContain('Банк получателя: ПАО Сбербанк');
    expect(text).not.toContain('в договоре');
    // The first invoice was rendered before: still without them.
    const first = items.find((i: { act: { id: string } }) => i.act.id === actId);
    const t1 = (await extractText(new Uint8Array(await download(producer, `/api/invoices/${first.id}/files/pdf`)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(t1).not.toContain(bank.bankAccount);
  });
});
