/**
 * Reading money: charges, acts, invoices — each scoped to the acting organization as the facility
 * (what it is owed) or as the payer (what it owes). Another organization's ids are "not found".
 */
import { sql, type RawBuilder } from 'kysely';
import { COUNT_CAP, cappedTotal, decodeKey, keysetPage, timeOfMicros } from '../../platform/db/keyset.js';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { fileStore } from '../../platform/files/index.js';
import { CONTENT_TYPES } from '../../platform/files/send.js';
import { moscowDate } from '../../domain/period.js';
import { kopToRubles } from '../../domain/money.js';
import { formatDocumentCode } from '../../platform/documents/index.js';
import { monthRange, monthText } from './month.js';
import type { TariffUnit } from './tariffs.js';

const orgName = (name: string, short: string | null) => short ?? name;

// ---------------------------------------------------------------- charges

export interface ChargeFilter {
  month?: string;
  status?: 'priced' | 'no_tariff';
  billed?: boolean;
  after?: string;
  pageSize: number;
}

type ChargeRow = {
  trip_id: string; unloaded_on: string; unloaded_at: Date; waste_code: string; status: 'priced' | 'no_tariff'; unit: TariffUnit | null; quantity: string | null; price_kop: string | null;
  amount_kop: string | null; vat_rate: string | null; act_number: string | null; act_id: string | null; facility: string; payer: string; permit_number: string;
};

/**
 * Either side of a deal, newest first by keyset: the organization's rows as the facility (through
 * `<table>_facility…` index) and, apart from those, as the payer (`…_payer_idx`), each scan stopped at
 * `limit` rows, merged. `branch(column, notFacility)` is one side's select in the list's order.
 */
function bothSides(branch: (side: 'facility_id' | 'payer_id', notFacility: RawBuilder<unknown>) => RawBuilder<unknown>, org: string, alias: string) {
  return sql`(${branch('facility_id', sql``)}) union all (${branch('payer_id', sql`and ${sql.ref(`${alias}.facility_id`)} <> ${org}`)})`;
}

/**
 * Charges of the facility or the payer, newest Moscow day of unloading first (then the newest trip),
 * by keyset on (unloaded_on desc, trip_id desc) through charges_facility_idx and charges_payer_idx.
 * The charges not in an act (billed=false) or without tariff through the partial indexes of those
 * (charges_*_unbilled_idx, charges_*_no_tariff_idx, migration 0381): a page of them never walks the billed
 * history. (A page of billed or priced charges walks past the newer unbilled or unpriced ones only.)
 * The summary (how many, priced, without tariff, amount) under the same filters comes from
 * charge_totals_pkey: every filter the list has (month, status, billed) is a column of its key.
 */
export function chargeListQueries(actor: Actor, f: ChargeFilter) {
  const org = actor.organizationId;
  const key = decodeKey(f.after, ['date', 'int']);
  const range = f.month ? monthRange(f.month) : null;
  const filters = sql`${range ? sql`and c.unloaded_on >= ${range.first}::date and c.unloaded_on < ${range.next}::date` : sql``}
      ${f.status ? sql`and c.status = ${f.status}` : sql``}
      ${f.billed === undefined ? sql`` : f.billed ? sql`and c.act_id is not null` : sql`and c.act_id is null`}`;
  const after = key ? sql`and (c.unloaded_on, c.trip_id) < (${key[0]}::date, ${key[1]}::int8)` : sql``;
  const keys = bothSides(
    (side, notFacility) => sql`select c.trip_id, c.unloaded_on from charges c where ${sql.ref(`c.${side}`)} = ${org} ${notFacility} ${filters} ${after}
                                 order by c.unloaded_on desc, c.trip_id desc limit ${f.pageSize + 1}`,
    org,
    'c',
  );
  const items = sql<ChargeRow>`
      select c.trip_id::text as trip_id, c.unloaded_on::text as unloaded_on, t.unloaded_at, c.waste_code, c.status, c.unit, c.quantity::text as quantity, c.price_kop::text as price_kop,
             c.amount_kop::text as amount_kop, c.vat_rate::text as vat_rate, a.number as act_number, c.act_id, coalesce(fo.short_name, fo.name) as facility,
             coalesce(po.short_name, po.name) as payer, p.number as permit_number
        from (select k.trip_id from (${keys}) k order by k.unloaded_on desc, k.trip_id desc limit ${f.pageSize + 1}) k
        join charges c on c.trip_id = k.trip_id join trips t on t.id = c.trip_id join permits p on p.id = t.permit_id
        join organizations fo on fo.id = c.facility_id join organizations po on po.id = c.payer_id
        left join acts a on a.id = c.act_id
       order by c.unloaded_on desc, c.trip_id desc`;
  // The summary from charge_totals (migration 0380): the organization's rows of its months, never its charges.
  const summary = sql<{ total: number; priced: number; no_tariff: number; amount: string }>`
      select coalesce(sum(t.charges), 0)::int as total, coalesce(sum(t.charges) filter (where t.status = 'priced'), 0)::int as priced,
             coalesce(sum(t.charges) filter (where t.status = 'no_tariff'), 0)::int as no_tariff, coalesce(sum(t.amount_kop), 0)::text as amount
        from charge_totals t
       where t.organization_id = ${org} ${range ? sql`and t.month = ${range.first}::date` : sql``}
         ${f.status ? sql`and t.status = ${f.status}` : sql``} ${f.billed === undefined ? sql`` : sql`and t.billed = ${f.billed}`}`;
  return { items, summary };
}

export async function listCharges(ctx: AppContext, actor: Actor, f: ChargeFilter) {
  const q = chargeListQueries(actor, f);
  const [rows, totals] = await Promise.all([q.items.execute(ctx.db), q.summary.execute(ctx.db)]);
  const page = keysetPage(rows.rows, f.pageSize, (r) => [r.unloaded_on, r.trip_id]);
  const items = { rows: page.items };
  const t = totals.rows[0];
  return {
    items: items.rows.map((r) => ({
      tripId: Number(r.trip_id),
      unloadedAt: new Date(r.unloaded_at).toISOString(),
      permitNumber: r.permit_number,
      wasteCode: r.waste_code,
      status: r.status,
      unit: r.unit,
      quantity: r.quantity,
      price: r.price_kop === null ? null : kopToRubles(r.price_kop),
      amount: r.amount_kop === null ? null : kopToRubles(r.amount_kop),
      vatRate: r.vat_rate,
      actId: r.act_id,
      actNumber: r.act_number,
      facility: r.facility,
      payer: r.payer,
    })),
    nextCursor: page.nextCursor,
    // charge_totals counts every charge under the filters: the total is exact.
    total: { value: t.total, exact: true },
    summary: { priced: t.priced, withoutTariff: t.no_tariff, amount: kopToRubles(t.amount) },
  };
}

// ---------------------------------------------------------------- acts

export interface ActView {
  id: string;
  number: string;
  month: string;
  monthText: string;
  seq: number;
  status: 'queued' | 'ready' | 'failed';
  failure: string | null;
  facility: { id: string; name: string; inn: string };
  payer: { id: string; name: string; inn: string };
  loads: number;
  net: string;
  vat: string;
  total: string;
  code: string | null;
  createdAt: string;
  invoice: { id: string; number: string } | null;
  files: { kind: 'pdf' | 'xlsx' | 'pdf.sig' | 'xlsx.sig'; bytes: number | null }[];
}

const actSelect = sql`
  select a.id, a.number, a.month::text as month, a.seq, a.status, a.failure, a.loads, a.net_kop::text as net, a.vat_kop::text as vat, a.total_kop::text as total, a.created_at,
         a.pdf_bytes, a.xlsx_bytes, a.facility_id, coalesce(fo.short_name, fo.name) as facility_name, fo.inn as facility_inn,
         a.payer_id, coalesce(po.short_name, po.name) as payer_name, po.inn as payer_inn, d.code, i.id as invoice_id, i.number as invoice_number,
         (extract(epoch from a.created_at) * 1000000)::int8::text as sort_micros
    from acts a join organizations fo on fo.id = a.facility_id join organizations po on po.id = a.payer_id
    left join documents d on d.kind = 'service_act' and d.subject_id = a.id
    left join invoices i on i.act_id = a.id`;

type ActRow = {
  id: string; number: string; month: string; seq: number; status: ActView['status']; failure: string | null; loads: number; net: string; vat: string; total: string; created_at: Date;
  pdf_bytes: number | null; xlsx_bytes: number | null; facility_id: string; facility_name: string; facility_inn: string; payer_id: string; payer_name: string; payer_inn: string;
  code: string | null; invoice_id: string | null; invoice_number: string | null; sort_micros: string;
};

function actView(r: ActRow): ActView {
  const month = r.month.slice(0, 7);
  return {
    id: r.id,
    number: r.number,
    month,
    monthText: monthText(month),
    seq: r.seq,
    status: r.status,
    failure: r.failure,
    facility: { id: r.facility_id, name: r.facility_name, inn: r.facility_inn },
    payer: { id: r.payer_id, name: r.payer_name, inn: r.payer_inn },
    loads: r.loads,
    net: kopToRubles(r.net),
    vat: kopToRubles(r.vat),
    total: kopToRubles(r.total),
    code: r.code ? formatDocumentCode(r.code) : null,
    createdAt: new Date(r.created_at).toISOString(),
    invoice: r.invoice_id ? { id: r.invoice_id, number: r.invoice_number! } : null,
    files:
      r.status === 'ready'
        ? [
            { kind: 'pdf', bytes: r.pdf_bytes === null ? null : Number(r.pdf_bytes) },
            { kind: 'xlsx', bytes: r.xlsx_bytes === null ? null : Number(r.xlsx_bytes) },
            { kind: 'pdf.sig', bytes: null },
            { kind: 'xlsx.sig', bytes: null },
          ]
        : [],
  };
}

/**
 * Acts of the facility or the payer, newest month first, by keyset on (month desc, created_at desc,
 * id desc) through acts_facility_month_idx and acts_payer_idx; the total counted up to 1001.
 */
export function actListQueries(actor: Actor, f: { month?: string; after?: string; pageSize: number }) {
  const org = actor.organizationId;
  const key = decodeKey(f.after, ['date', 'micros', 'uuid']);
  const month = f.month ? sql`and a.month = ${`${f.month}-01`}::date` : sql``;
  const after = key ? sql`and (a.month, a.created_at, a.id) < (${key[0]}::date, ${timeOfMicros(key[1])}, ${key[2]}::uuid)` : sql``;
  const keys = bothSides(
    (side, notFacility) => sql`select a.id, a.month, a.created_at from acts a where ${sql.ref(`a.${side}`)} = ${org} ${notFacility} ${month} ${after}
                                 order by a.month desc, a.created_at desc, a.id desc limit ${f.pageSize + 1}`,
    org,
    'a',
  );
  const items = sql<ActRow>`${actSelect}
      join (select k.id from (${keys}) k order by k.month desc, k.created_at desc, k.id desc limit ${f.pageSize + 1}) k on k.id = a.id
     order by a.month desc, a.created_at desc, a.id desc`;
  const count = sql<{ n: number }>`select count(*)::int as n from (${bothSides((side, notFacility) => sql`select 1 from acts a where ${sql.ref(`a.${side}`)} = ${org} ${notFacility} ${month}`, org, 'a')} limit ${COUNT_CAP + 1}) capped`;
  return { items, count };
}

export async function listActs(ctx: AppContext, actor: Actor, f: { month?: string; after?: string; pageSize: number }) {
  const q = actListQueries(actor, f);
  const [rows, count] = await Promise.all([q.items.execute(ctx.db), q.count.execute(ctx.db)]);
  const page = keysetPage(rows.rows, f.pageSize, (r) => [r.month, r.sort_micros, r.id]);
  return { items: page.items.map(actView), nextCursor: page.nextCursor, total: cappedTotal(count.rows[0].n) };
}

export async function getAct(ctx: AppContext, actor: Actor, id: string): Promise<ActView> {
  const r = await sql<ActRow>`${actSelect} where a.id = ${id} and (a.facility_id = ${actor.organizationId} or a.payer_id = ${actor.organizationId})`.execute(ctx.db);
  if (!r.rows[0]) throw notFound('Акт не найден');
  return actView(r.rows[0]);
}

export type ActFileKind = 'pdf' | 'xlsx' | 'pdf.sig' | 'xlsx.sig';

export async function openActFile(ctx: AppContext, actor: Actor, id: string, kind: ActFileKind) {
  const a = await ctx.db
    .selectFrom('acts')
    .select(['number', 'status', 'pdf_key', 'pdf_sig_key', 'xlsx_key', 'xlsx_sig_key'])
    .where('id', '=', id)
    .where((eb) => eb.or([eb('facility_id', '=', actor.organizationId), eb('payer_id', '=', actor.organizationId)]))
    .executeTakeFirst();
  if (!a) throw notFound('Акт не найден');
  if (a.status !== 'ready') throw new AppError('conflict', a.status === 'failed' ? 'Файлы акта не сформированы' : 'Файлы акта ещё формируются');
  const key = { pdf: a.pdf_key, xlsx: a.xlsx_key, 'pdf.sig': a.pdf_sig_key, 'xlsx.sig': a.xlsx_sig_key }[kind]!;
  const file = await fileStore(ctx.config).get(key);
  if (!file) throw new AppError('unavailable', 'Файл временно недоступен: хранилище файлов не отвечает');
  const ext = kind.endsWith('.sig') ? 'sig' : kind;
  return { ...file, type: CONTENT_TYPES[ext], name: `Акт ${a.number}.${kind}`, asciiName: `act-${a.number}.${kind}` };
}

// ---------------------------------------------------------------- invoices

export type InvoiceState = 'open' | 'partly_paid' | 'paid' | 'overdue';
export const INVOICE_STATE_TEXT: Record<InvoiceState, string> = { open: 'Ожидает оплаты', partly_paid: 'Оплачен частично', paid: 'Оплачен', overdue: 'Просрочен' };

export function invoiceState(totalKop: bigint, paidKop: bigint, dueOn: string, today: string): InvoiceState {
  if (paidKop >= totalKop) return 'paid';
  if (dueOn < today) return 'overdue';
  return paidKop > 0n ? 'partly_paid' : 'open';
}

type InvoiceRow = {
  id: string; number: string; issued_on: string; due_on: string; net: string; vat: string; total: string; paid: string; act_id: string; act_number: string; month: string;
  facility_id: string; facility_name: string; facility_inn: string; payer_id: string; payer_name: string; payer_inn: string;
  file_status: 'queued' | 'ready' | 'failed'; code: string | null; sort_micros: string;
};

const invoiceSelect = sql`
  select i.id, i.number, i.issued_on, i.due_on, i.net_kop::text as net, i.vat_kop::text as vat, i.total_kop::text as total, i.paid_kop::text as paid,
         i.act_id, a.number as act_number, a.month::text as month,
         i.facility_id, coalesce(fo.short_name, fo.name) as facility_name, fo.inn as facility_inn,
         i.payer_id, coalesce(po.short_name, po.name) as payer_name, po.inn as payer_inn, i.file_status, d.code,
         (extract(epoch from i.created_at) * 1000000)::int8::text as sort_micros
    from invoices i join acts a on a.id = i.act_id join organizations fo on fo.id = i.facility_id join organizations po on po.id = i.payer_id
    left join documents d on d.kind = 'invoice' and d.subject_id = i.id`;

function invoiceView(r: InvoiceRow, today: string) {
  const state = invoiceState(BigInt(r.total), BigInt(r.paid), r.due_on, today);
  return {
    id: r.id,
    number: r.number,
    issuedOn: r.issued_on,
    dueOn: r.due_on,
    net: kopToRubles(r.net),
    vat: kopToRubles(r.vat),
    total: kopToRubles(r.total),
    paid: kopToRubles(r.paid),
    due: kopToRubles(BigInt(r.total) - BigInt(r.paid) > 0n ? BigInt(r.total) - BigInt(r.paid) : 0n),
    state,
    stateText: INVOICE_STATE_TEXT[state],
    act: { id: r.act_id, number: r.act_number, month: r.month.slice(0, 7) },
    facility: { id: r.facility_id, name: orgName(r.facility_name, null), inn: r.facility_inn },
    payer: { id: r.payer_id, name: orgName(r.payer_name, null), inn: r.payer_inn },
    fileStatus: r.file_status,
    code: r.code ? formatDocumentCode(r.code) : null,
  };
}
export type InvoiceView = ReturnType<typeof invoiceView>;

export interface InvoiceFilter {
  side?: 'owed' | 'owing';
  state?: InvoiceState;
  after?: string;
  pageSize: number;
}

/**
 * Invoices of the facility (owed) or the payer (owing), or both, newest first by keyset on
 * (issued_on desc, created_at desc, id desc) through invoices_facility_issued_idx and invoices_payer_idx.
 * The summary from invoice_totals_pkey and the invoices not paid in full (their partial indexes).
 */
export function invoiceListQueries(actor: Actor, today: string, f: InvoiceFilter) {
  const org = actor.organizationId;
  const key = decodeKey(f.after, ['date', 'micros', 'uuid']);
  const state =
    f.state === 'paid'
      ? sql`and i.paid_kop >= i.total_kop`
      : f.state === 'overdue'
        ? sql`and i.paid_kop < i.total_kop and i.due_on < ${today}::date`
        : f.state === 'open'
          ? sql`and i.paid_kop = 0 and i.due_on >= ${today}::date`
          : f.state === 'partly_paid'
            ? sql`and i.paid_kop > 0 and i.paid_kop < i.total_kop and i.due_on >= ${today}::date`
            : sql``;
  const after = key ? sql`and (i.issued_on, i.created_at, i.id) < (${key[0]}::date, ${timeOfMicros(key[1])}, ${key[2]}::uuid)` : sql``;
  const branch = (side: 'facility_id' | 'payer_id', notFacility: RawBuilder<unknown>) =>
    sql`select i.id, i.issued_on, i.created_at from invoices i where ${sql.ref(`i.${side}`)} = ${org} ${notFacility} ${state} ${after}
         order by i.issued_on desc, i.created_at desc, i.id desc limit ${f.pageSize + 1}`;
  const keys = f.side === 'owed' ? branch('facility_id', sql``) : f.side === 'owing' ? branch('payer_id', sql``) : bothSides(branch, org, 'i');
  const items = sql<InvoiceRow>`${invoiceSelect}
      join (select k.id from (${keys}) k order by k.issued_on desc, k.created_at desc, k.id desc limit ${f.pageSize + 1}) k on k.id = i.id
     order by i.issued_on desc, i.created_at desc, i.id desc`;
  const side = f.side === 'owed' ? sql`i.facility_id = ${org}` : f.side === 'owing' ? sql`i.payer_id = ${org}` : sql`(i.facility_id = ${org} or i.payer_id = ${org})`;
  // What does not depend on today — how many, invoiced, paid — of every invoice or of those paid in full
  // comes from invoice_totals (migration 0380); the rest (overdue, or the whole summary of a state other
  // than «paid») from the invoices not paid in full only, through invoices_facility_unpaid_idx and
  // invoices_payer_unpaid_idx: as many rows as are open now, whatever was ever issued.
  const fromTotals = f.state === undefined || f.state === 'paid';
  const totalsSide = f.side === 'owed' ? sql`and t.facility_id = t.organization_id` : f.side === 'owing' ? sql`and t.owing` : sql``;
  const totals = fromTotals
    ? sql`select coalesce(sum(t.invoices), 0) as n, coalesce(sum(t.total_kop), 0) as total, coalesce(sum(t.paid_kop), 0) as paid
            from invoice_totals t where t.organization_id = ${org} ${totalsSide} ${f.state === 'paid' ? sql`and t.paid` : sql``}`
    : sql`select 0 as n, 0 as total, 0 as paid`;
  // The unpaid invoices read: past their term (for the overdue figures of «all»), or those of the state asked.
  const unpaid =
    f.state === undefined || f.state === 'overdue'
      ? sql`and i.due_on < ${today}::date`
      : f.state === 'open'
        ? sql`and i.paid_kop = 0 and i.due_on >= ${today}::date`
        : f.state === 'partly_paid'
          ? sql`and i.paid_kop > 0 and i.due_on >= ${today}::date`
          : sql`and false`;
  const counted = fromTotals ? sql`false` : sql`true`;
  const sums = sql<{ n: number; total: string; paid: string; overdue: string; overdue_n: number }>`
      select (a.n + u.n)::int as n, (a.total + u.total)::text as total, (a.paid + u.paid)::text as paid, u.overdue::text as overdue, u.overdue_n::int as overdue_n
        from (${totals}) a
       cross join (select count(*) filter (where ${counted}) as n, coalesce(sum(i.total_kop) filter (where ${counted}), 0) as total,
                          coalesce(sum(i.paid_kop) filter (where ${counted}), 0) as paid,
                          coalesce(sum(i.total_kop - i.paid_kop) filter (where i.due_on < ${today}::date), 0) as overdue,
                          count(*) filter (where i.due_on < ${today}::date) as overdue_n
                     from invoices i where ${side} and i.paid_kop < i.total_kop ${unpaid}) u`;
  return { items, sums };
}

export async function listInvoices(ctx: AppContext, actor: Actor, f: InvoiceFilter) {
  const today = moscowDate(ctx.now());
  const q = invoiceListQueries(actor, today, f);
  const [rows, sums] = await Promise.all([q.items.execute(ctx.db), q.sums.execute(ctx.db)]);
  const page = keysetPage(rows.rows, f.pageSize, (r) => [r.issued_on, r.sort_micros, r.id]);
  const s = sums.rows[0];
  return {
    items: page.items.map((r) => invoiceView(r, today)),
    nextCursor: page.nextCursor,
    // invoice_totals and the unpaid invoices count every invoice under the filters: the total is exact.
    total: { value: s.n, exact: true },
    summary: { invoiced: kopToRubles(s.total), paid: kopToRubles(s.paid), due: kopToRubles(BigInt(s.total) - BigInt(s.paid)), overdue: kopToRubles(s.overdue), overdueInvoices: s.overdue_n },
  };
}

export async function getInvoice(ctx: AppContext, actor: Actor, id: string) {
  const r = await sql<InvoiceRow>`${invoiceSelect} where i.id = ${id} and (i.facility_id = ${actor.organizationId} or i.payer_id = ${actor.organizationId})`.execute(ctx.db);
  if (!r.rows[0]) throw notFound('Счёт не найден');
  const payments = await sql<{ id: string; doc_number: string; doc_date: string; amount: string; source: string; match: string }>`
    select id, doc_number, doc_date, amount_kop::text as amount, source, match from payments where invoice_id = ${id} order by doc_date, doc_number`.execute(ctx.db);
  return {
    ...invoiceView(r.rows[0], moscowDate(ctx.now())),
    payments: payments.rows.map((p) => ({ id: p.id, docNumber: p.doc_number, docDate: p.doc_date, amount: kopToRubles(p.amount), source: p.source as 'manual' | 'bank', match: p.match as 'auto' | 'manual' })),
  };
}

export type InvoiceFileKind = 'pdf' | 'pdf.sig';

/** The invoice's signed PDF or its signature, for the facility that issued it or the payer. */
export async function openInvoiceFile(ctx: AppContext, actor: Actor, id: string, kind: InvoiceFileKind) {
  const i = await ctx.db
    .selectFrom('invoices')
    .select(['number', 'file_status', 'pdf_key', 'pdf_sig_key'])
    .where('id', '=', id)
    .where((eb) => eb.or([eb('facility_id', '=', actor.organizationId), eb('payer_id', '=', actor.organizationId)]))
    .executeTakeFirst();
  if (!i) throw notFound('Счёт не найден');
  if (i.file_status !== 'ready') throw new AppError('conflict', i.file_status === 'failed' ? 'Файл счёта не сформирован' : 'Файл счёта ещё формируется');
  const file = await fileStore(ctx.config).get(kind === 'pdf' ? i.pdf_key! : i.pdf_sig_key!);
  if (!file) throw new AppError('unavailable', 'Файл временно недоступен: хранилище файлов не отвечает');
  return { ...file, type: CONTENT_TYPES[kind === 'pdf' ? 'pdf' : 'sig'], name: `Счёт ${i.number}.${kind}`, asciiName: `invoice-${i.number}.${kind}` };
}
