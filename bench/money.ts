/**
 * Money benchmarks (`npm run bench -- money [--lines N] [--loads N] [--invoices N] [--trips N] [--seconds S] [--clients C]`),
 * in a database of their own (an embedded server under .tmp, removed after), seeded with the demo of
 * `--trips` trips by COPY (default 1,000,000):
 *  - money-import: a 1C «ClientBankExchange» statement of N incoming payments (Windows-1251) imported by a
 *    facility with open invoices of many payers — parsing, payer lookup, insertion, matching — then the
 *    same file again (every document a duplicate);
 *  - money-act: the monthly act of a facility with `--loads` accepted loads of one payer (default
 *    200,000): ordering it (charges bound, totals, invoice, records, jobs), rendering the act's signed PDF
 *    and XLSX (every load on «Рейсы»), and the invoice's signed PDF — seconds and peak RSS of each step;
 *  - money-screens: the charges list (GET /api/charges: first page, a month, without tariff; the facility's
 *    and the payer's) and the invoices list (GET /api/invoices: the facility's, its overdue, the payer's)
 *    over the act's loads and `--invoices` invoices of history (default 20,000: five years of the demo
 *    facility's invoices to the demo producer, nine in ten paid), 1 and C clients for S seconds each,
 *    with the CPU per request of this process and of PostgreSQL;
 *  - money-dashboard: GET /api/analytics for the producer, the facility and the operator under C
 *    concurrent clients for S seconds each (p50/p95/p99), over the seeded trips and the act's loads.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import type { AppContext } from '../src/platform/context.js';
import { buildServer } from '../src/platform/http/server.js';
import { ROUTES } from '../src/features/index.js';
import { seedDemo, DEMO_PASSWORD } from '../src/features/demo/seed.js';
import { makeValidInnLegal } from '../src/domain/identifiers.js';
import { importBankStatement } from '../src/features/money/payments.js';
import { chargeLoads } from '../src/features/money/charges.js';
import { orderActs } from '../src/features/money/order-acts.js';
import { renderAct } from '../src/features/money/render-act.js';
import { renderInvoice } from '../src/features/money/render-invoice.js';
import type { Actor } from '../src/platform/http/auth.js';
import { hammer, withCpuPerRequest } from './http-load.js';

export interface MoneyBenchOptions {
  lines: number;
  loads: number;
  invoices: number;
  trips: number;
  seconds: number;
  clients: number;
  sampleRss: () => number;
  resetPeak: () => void;
}

const addMonths = (month: string, n: number) => {
  const t = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};
/** The month of the act's loads: the first of the dashboard's default twelve months, before the demo's 180 days. */
const actMonth = () => addMonths(new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 7), -11);
const mb = (bytes: number) => Math.round(bytes / 1048576);
const actorOf = (personId: string, organizationId: string, role: string) =>
  ({ personId, personName: 'Бенч', sessionId: null, tokenId: null, organizationId, organizationName: 'Бенч', orgRoles: [role], memberRole: 'head', access: 'full', rights: new Set() }) as unknown as Actor;

export async function benchMoney(opts: MoneyBenchOptions): Promise<object[]> {
  const dataDir = path.resolve(`.tmp/bench-money-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = await boot(parseConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(55000 + (process.pid % 400)), LOG_LEVEL: 'silent' }));
  const { ctx } = started;
  const out: object[] = [];
  try {
    const t0 = performance.now();
    await seedDemo(ctx, { trips: opts.trips });
    await sql`analyze`.execute(ctx.db);
    out.push({ case: 'money-seed', n: opts.trips, seconds: +((performance.now() - t0) / 1000).toFixed(1), peakRssMb: null });
    opts.resetPeak();
    out.push(...(await benchMoneyImport(ctx, opts)));
    opts.resetPeak();
    out.push(...(await benchMoneyAct(ctx, opts)));
    out.push(...(await benchMoneyScreens(ctx, opts, dataDir)));
    out.push(...(await benchDashboard(ctx, opts)));
    return out;
  } finally {
    await started.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchMoneyImport(ctx: AppContext, opts: MoneyBenchOptions): Promise<object[]> {
  const out: object[] = [];
  const seed = 700_000 + (Date.now() % 200_000) * 5;
  const payers = 500;
  const org = async (i: number, role: string) =>
    (await ctx.db.insertInto('organizations').values({ kind: 'legal', inn: makeValidInnLegal(seed + i), name: `ООО «Бенч ${seed + i}»`, roles: [role] } as never).returning(['id', 'inn']).executeTakeFirstOrThrow()) as { id: string; inn: string };
  const facility = await org(0, 'facility');
  const payerOrgs = [];
  for (let i = 1; i <= payers; i++) payerOrgs.push(await org(i, 'producer'));
  const person = await ctx.db.insertInto('persons').values({ full_name: 'Бенч Бенч', email: null, phone: null, snils: null, password_hash: null }).returning('id').executeTakeFirstOrThrow();
  // Four open invoices per payer (acts without files), 1 000,00 … 4 000,00 ₽.
  await sql`insert into acts (number, facility_id, payer_id, month, seq, net_kop, vat_kop, total_kop, loads, status)
    select '2026-' || ((p.n - 1) * 4 + k), ${facility.id}, p.id, '2026-01-01', k, 100000 * k, 0, 100000 * k, 1, 'failed'
      from unnest(${payerOrgs.map((p) => p.id)}::uuid[]) with ordinality as p(id, n) cross join generate_series(1, 4) k`.execute(ctx.db);
  await sql`insert into invoices (number, facility_id, payer_id, act_id, issued_on, due_on, net_kop, vat_kop, total_kop)
    select a.number, a.facility_id, a.payer_id, a.id, '2026-02-01', '2026-02-15', a.net_kop, 0, a.total_kop from acts a where a.facility_id = ${facility.id}`.execute(ctx.db);
  const lines = ['1CClientBankExchange', 'ВерсияФормата=1.03', 'Кодировка=Windows', 'ДатаНачала=01.03.2026', 'ДатаКонца=31.03.2026', 'РасчСчет=40702810938000012345'];
  for (let i = 0; i < opts.lines; i++) {
    const pi = i % payers;
    const p = payerOrgs[pi];
    const k = 1 + (i % 4);
    const named = i % 3 === 0;
    lines.push(
      'СекцияДокумент=Платежное поручение', `Номер=${i + 1}`, `Дата=${String(1 + (i % 28)).padStart(2, '0')}.03.2026`, `Сумма=${named ? '300.00' : `${k * 1000}.00`}`,
      `ПлательщикСчет=407028100000${String(pi).padStart(8, '0')}`, `ПлательщикИНН=${p.inn}`, `Плательщик1=ООО «Бенч ${pi}»`,
      'ПолучательСчет=40702810938000012345', `ПолучательИНН=${facility.inn}`, 'Получатель1=Объект приёма',
      `НазначениеПлатежа=${named ? `Оплата по счёту № 2026-${pi * 4 + k}` : 'Оплата за приём ОСС'}`, 'КонецДокумента',
    );
  }
  lines.push('КонецФайла', '');
  const buf = iconv.encode(lines.join('\r\n'), 'win1251');
  const file = path.join(os.tmpdir(), `bench-1c-${process.pid}.txt`);
  fs.writeFileSync(file, buf);
  const actor = actorOf(person.id, facility.id, 'facility');
  const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
  for (const variant of ['first', 'again']) {
    const t0 = performance.now();
    const r = await importBankStatement(ctx, actor, { path: file, fileName: 'bench.txt', sha256, size: buf.length });
    const seconds = (performance.now() - t0) / 1000;
    out.push({ case: 'money-import', variant, n: opts.lines, seconds: +seconds.toFixed(2), peakRssMb: Math.round(opts.sampleRss() / 1048576), fileMb: +(buf.length / 1048576).toFixed(1), added: r.added, duplicates: r.duplicates, matched: r.matched, unmatched: r.unmatched });
  }
  fs.rmSync(file, { force: true });
  return out;
}

const headOf = async (ctx: AppContext, email: string) =>
  (await sql<{ person_id: string; organization_id: string }>`select m.person_id, m.organization_id from memberships m join persons p on p.id = m.person_id where p.email = ${email} and m.role = 'head'`.execute(ctx.db)).rows[0]!;

/** The demo facility's act for the month `actMonth()` with `loads` accepted loads of the demo producer (cloned from one demo trip). */
async function benchMoneyAct(ctx: AppContext, opts: MoneyBenchOptions): Promise<object[]> {
  const facility = await headOf(ctx, 'facility@ossig.test');
  const producer = await headOf(ctx, 'producer@ossig.test');
  const base = (
    await sql<{ id: number }>`select t.id from trips t join sites s on s.id = t.site_id where t.facility_id = ${facility.organization_id} and s.producer_id = ${producer.organization_id} order by t.id limit 1`.execute(ctx.db)
  ).rows[0];
  if (!base) throw new Error('money-act: no demo trip of the producer to the facility');
  const code = (await sql<{ code: string }>`select waste_code as code from trips where id = ${base.id}`.execute(ctx.db)).rows[0]!.code;
  const month = actMonth();
  const first = `${month}-01`;
  await sql`insert into tariffs (facility_id, waste_code, unit, price_kop, valid_from, valid_to) values (${facility.organization_id}, ${code}, 'm3', 123456, ${first}::date, (${first}::date + interval '1 month' - interval '1 day')::date)`.execute(ctx.db);
  const t0 = performance.now();
  // The month's first 28 days (Moscow), evenly; volumes 5.00 … 14.99 m³; accepted.
  const ids = await sql<{ id: number }>`
    insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, receipt_status, received_at, source)
    select b.permit_id, b.site_id, b.carrier_id, b.vehicle_id, b.facility_id, b.facility_object_id, b.waste_code,
           u - interval '1 hour', u, 5 + (g % 1000) / 100.0, 12.000, 'confirmed', u + interval '10 minutes', 'api'
      from trips b cross join generate_series(1, ${opts.loads}) g
      cross join lateral (select (${first}::timestamp at time zone 'Europe/Moscow') + ((g - 1) * (interval '28 days' / ${opts.loads})) + interval '1 minute' as u) x
     where b.id = ${base.id}
    returning id`.execute(ctx.db);
  const all = ids.rows.map((r) => Number(r.id));
  for (let i = 0; i < all.length; i += 20_000) await ctx.db.transaction().execute((trx) => chargeLoads(trx, all.slice(i, i + 20_000)));
  await sql`analyze trips`.execute(ctx.db);
  await sql`analyze charges`.execute(ctx.db);
  const prepSeconds = (performance.now() - t0) / 1000;
  const actor = actorOf(facility.person_id, facility.organization_id, 'facility');
  const out: object[] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    opts.resetPeak();
    const a = performance.now();
    const r = await fn();
    out.push({ case: 'money-act', step: name, n: opts.loads, seconds: +((performance.now() - a) / 1000).toFixed(2), peakRssMb: mb(opts.sampleRss()) });
    return r;
  };
  const ordered = await step('order (charges bound, totals, invoice)', () =>
    ctx.db.transaction().execute((trx) => orderActs(trx, { ctx, actor, input: { month, payerId: producer.organization_id } })),
  );
  const act = ordered.acts[0]!;
  if (act.loads !== opts.loads) throw new Error(`money-act: the act has ${act.loads} loads, expected ${opts.loads}`);
  await step('act: signed PDF and XLSX', () => renderAct(ctx, act.id));
  await step('invoice: signed PDF', async () => {
    const inv = await ctx.db.selectFrom('invoices').select('id').where('act_id', '=', act.id).executeTakeFirstOrThrow();
    return renderInvoice(ctx, inv.id);
  });
  const files = await ctx.db.selectFrom('acts').select(['pdf_bytes', 'xlsx_bytes']).where('id', '=', act.id).executeTakeFirstOrThrow();
  out.push({ case: 'money-act', step: 'files', n: opts.loads, prepSeconds: +prepSeconds.toFixed(1), pdfKb: Math.round(Number(files.pdf_bytes) / 1024), xlsxMb: +(Number(files.xlsx_bytes) / 1048576).toFixed(1), total: act.totalKop.toString(), peakRssMb: null });
  return out;
}

const loginCookie = async (base: string, who: string) => {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: `${who}@ossig.test`, password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`login ${who}: ${login.status}`);
  return login.headers.get('set-cookie')!.split(';')[0]!;
};

/**
 * The charges and invoices lists over the act's loads and a history of invoices: `opts.invoices` acts with
 * their invoices of the demo facility to the demo producer, spread over the 60 months before the act's
 * month, nine in ten paid in full, the rest unpaid (half of those past their term).
 */
async function benchMoneyScreens(ctx: AppContext, opts: MoneyBenchOptions, dataDir: string): Promise<object[]> {
  const facility = await headOf(ctx, 'facility@ossig.test');
  const producer = await headOf(ctx, 'producer@ossig.test');
  const month = actMonth();
  const first = addMonths(month, -60);
  await sql`with a as (
      insert into acts (number, facility_id, payer_id, month, seq, net_kop, vat_kop, total_kop, loads, status)
      select 'H-' || g, ${facility.organization_id}, ${producer.organization_id}, (${`${first}-01`}::date + ((g % 60) || ' months')::interval)::date, 100 + g / 60,
             100000 + g, 22000, 122000 + g, 10, 'failed'
        from generate_series(1, ${opts.invoices}) g
      returning id, number, facility_id, payer_id, month, total_kop)
    insert into invoices (number, facility_id, payer_id, act_id, issued_on, due_on, net_kop, vat_kop, total_kop, paid_kop)
    select a.number, a.facility_id, a.payer_id, a.id, (a.month + interval '1 month')::date, (a.month + interval '1 month 14 days')::date, a.total_kop - 22000, 22000, a.total_kop,
           case when substr(a.number, 3)::int % 10 <> 0 then a.total_kop else 0 end
      from a`.execute(ctx.db);
  await sql`analyze`.execute(ctx.db);
  const counts = await sql<{ charges: number; invoices: number }>`select (select count(*) from charges)::int as charges, (select count(*) from invoices)::int as invoices`.execute(ctx.db);
  const app = await buildServer(ctx, ROUTES, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const out: object[] = [];
  try {
    const fac = await loginCookie(base, 'facility');
    const prod = await loginCookie(base, 'producer');
    const screens = [
      { name: 'charges, facility', url: '/api/charges?pageSize=50', cookie: fac },
      { name: 'charges, facility, a month', url: `/api/charges?pageSize=50&month=${month}`, cookie: fac },
      { name: 'charges, facility, without tariff', url: '/api/charges?pageSize=50&status=no_tariff', cookie: fac },
      { name: 'charges, payer', url: '/api/charges?pageSize=50', cookie: prod },
      { name: 'invoices, facility', url: '/api/invoices?pageSize=50', cookie: fac },
      { name: 'invoices, facility, overdue', url: '/api/invoices?pageSize=50&state=overdue', cookie: fac },
      { name: 'invoices, payer, owing', url: '/api/invoices?pageSize=50&side=owing', cookie: prod },
    ];
    for (const clients of [...new Set([1, opts.clients])]) {
      for (const s of screens) {
        const probe = await fetch(base + s.url, { headers: { cookie: s.cookie } });
        if (!probe.ok) throw new Error(`${s.name}: ${probe.status} ${(await probe.text()).slice(0, 200)}`);
        const measured = await withCpuPerRequest(dataDir, () => hammer({ base, url: s.url, cookies: Array.from({ length: clients }, () => s.cookie), seconds: opts.seconds }));
        out.push({
          case: 'money-screen',
          screen: s.name,
          charges: counts.rows[0]!.charges,
          invoices: counts.rows[0]!.invoices,
          clients,
          load: os.loadavg()[0],
          ...measured,
          peakRssMb: null,
        });
        console.error(JSON.stringify(out[out.length - 1]));
      }
    }
  } finally {
    await app.close();
  }
  return out;
}

/** GET /api/analytics (the default twelve months) for three roles, C concurrent clients for S seconds each. */
async function benchDashboard(ctx: AppContext, opts: MoneyBenchOptions): Promise<object[]> {
  const app = await buildServer(ctx, ROUTES, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const out: object[] = [];
  try {
    const counts = await sql<{ trips: number; totals: number }>`select (select count(*) from trips)::int as trips, (select count(*) from trip_totals)::int as totals`.execute(ctx.db);
    for (const who of ['producer', 'facility', 'operator']) {
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: `${who}@ossig.test`, password: DEMO_PASSWORD }) });
      if (!login.ok) throw new Error(`login ${who}: ${login.status}`);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      for (const [view, url] of [['12 months', '/api/analytics'], ['60 months', `/api/analytics?from=${addMonths(actMonth(), -48)}&to=${addMonths(actMonth(), 11)}`]] as const) {
        const probe = await fetch(base + url, { headers: { cookie } });
        if (!probe.ok) throw new Error(`analytics ${who}: ${probe.status} ${(await probe.text()).slice(0, 200)}`);
        const load = await hammer({ base, url, cookies: Array.from({ length: opts.clients }, () => cookie), seconds: opts.seconds });
        out.push({ case: 'money-dashboard', role: who, view, n: counts.rows[0]!.trips, totalsRows: counts.rows[0]!.totals, clients: opts.clients, ...load, peakRssMb: null });
      }
    }
  } finally {
    await app.close();
  }
  return out;
}
