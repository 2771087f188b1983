/**
 * Payments received by a facility: recorded by hand, or imported from a bank statement in the 1C
 * «ClientBankExchange» format, and matched to its invoices.
 *
 * Import: incoming documents only (the facility is the receiver; its own outgoing payments are counted
 * and skipped). A bank document is its number, date and payer's account: importing the same statement
 * again adds nothing (unique index, `on conflict do nothing`) and changes no match.
 *
 * Automatic matching, for each new payment in the order of the statement:
 *  1. the payer's ИНН names an organization with invoices of this facility not fully paid;
 *  2. the purpose names one of them by number («счёт № 2026-7», «сч. 7») → matched to it when the
 *     amount is at most what is left to pay (less: a partial payment); more → left for a person;
 *  3. the purpose names none → matched when exactly one of them has exactly this amount left to pay;
 *  4. otherwise the payment is left unmatched with the reason, for a person to match («match»), or to
 *     mark as not for an invoice («ignored»).
 * An invoice's paid amount is the sum of the payments matched to it, recomputed in the same transaction.
 */
import fs from 'node:fs/promises';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { cappedCountQuery, cappedTotal, decodeKey, keysetPage, timeOfMicros } from '../../platform/db/keyset.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { FileRefusal } from '../../platform/spreadsheet/refusal.js';
import { parseIsoDate, moscowDate } from '../../domain/period.js';
import { checkInn } from '../../domain/identifiers.js';
import { kopToRubles, parseRubles, formatRubles } from '../../domain/money.js';
import { parseClientBank, type BankDocument } from './client-bank.js';
import type { BankImportsTable } from './tables.js';

// ---------------------------------------------------------------- matching

interface OpenInvoice {
  id: string;
  number: string;
  payerId: string;
  left: bigint;
}

/** Invoice numbers a purpose names: «№ 2026-7», «счет 2026/7», «сч. 7» → ['2026-7'], ['7']. */
export function invoiceNumbersIn(purpose: string): string[] {
  const out = new Set<string>();
  for (const m of purpose.matchAll(/(?:№|N\s|#|сч(?:[её]т(?:у|а|ам|ов)?)?\.?)\s*(?:на\s+оплату\s*)?(?:№\s*)?(\d{4}\s*[-/]\s*\d{1,9}|\d{1,9})(?![\d.,])/giu)) {
    const t = m[1].replace(/\s+/g, '').replace('/', '-');
    const [a, b] = t.split('-');
    out.add(b === undefined ? String(Number(a)) : `${a}-${Number(b)}`);
  }
  return [...out];
}

const namesInvoice = (tokens: string[], number: string) => tokens.some((t) => t === number || (!t.includes('-') && number.split('-')[1] === t));

export type MatchOutcome = { invoiceId: string; note: string } | { invoiceId: null; note: string };

/** Decides one payment's invoice (mutating the invoices' amounts left). */
export function matchPayment(p: { amountKop: bigint; purpose: string; payerId: string | null; payerInn: string | null }, open: Map<string, OpenInvoice[]>): MatchOutcome {
  if (!p.payerId) return { invoiceId: null, note: p.payerInn ? `Плательщик с ИНН ${p.payerInn} не найден среди заказчиков` : 'В платеже нет ИНН плательщика' };
  const invoices = (open.get(p.payerId) ?? []).filter((i) => i.left > 0n);
  if (!invoices.length) return { invoiceId: null, note: 'У плательщика нет неоплаченных счетов' };
  const tokens = invoiceNumbersIn(p.purpose);
  const named = invoices.filter((i) => namesInvoice(tokens, i.number));
  const take = (i: OpenInvoice, how: string): MatchOutcome => {
    i.left -= p.amountKop;
    return { invoiceId: i.id, note: `${how}${i.left > 0n ? `; остаток по счёту ${formatRubles(i.left)} ₽` : ''}` };
  };
  if (named.length === 1) {
    const i = named[0];
    if (p.amountKop <= i.left) return take(i, `По номеру счёта № ${i.number} в назначении платежа${p.amountKop < i.left ? ' (частичная оплата)' : ''}`);
    return { invoiceId: null, note: `Сумма ${formatRubles(p.amountKop)} ₽ больше остатка по счёту № ${i.number} (${formatRubles(i.left)} ₽)` };
  }
  if (named.length > 1) return { invoiceId: null, note: `В назначении платежа несколько счетов: ${named.map((i) => `№ ${i.number}`).join(', ')}` };
  const exact = invoices.filter((i) => i.left === p.amountKop);
  if (exact.length === 1) return take(exact[0], `По ИНН и сумме (счёт № ${exact[0].number}; номера счёта в назначении платежа нет)`);
  if (exact.length > 1) return { invoiceId: null, note: `Сумма совпадает с остатком нескольких счетов: ${exact.map((i) => `№ ${i.number}`).join(', ')}` };
  return { invoiceId: null, note: 'В назначении платежа нет номера счёта плательщика, и сумма не совпадает с остатком ни одного его счёта' };
}

async function openInvoices(trx: Transaction<Database>, facilityId: string): Promise<Map<string, OpenInvoice[]>> {
  const rows = await sql<{ id: string; number: string; payer_id: string; left: string }>`
    select id, number, payer_id, (total_kop - paid_kop)::text as left from invoices
     where facility_id = ${facilityId} and paid_kop < total_kop order by issued_on, number`.execute(trx);
  const map = new Map<string, OpenInvoice[]>();
  for (const r of rows.rows) {
    const list = map.get(r.payer_id) ?? [];
    list.push({ id: r.id, number: r.number, payerId: r.payer_id, left: BigInt(r.left) });
    map.set(r.payer_id, list);
  }
  return map;
}

async function recomputePaid(trx: Transaction<Database>, invoiceIds: Iterable<string>) {
  const ids = [...new Set(invoiceIds)];
  if (!ids.length) return;
  await sql`update invoices i set paid_kop = coalesce((select sum(p.amount_kop) from payments p where p.invoice_id = i.id), 0) where i.id = any(${ids}::uuid[])`.execute(trx);
}

const lockFacility = (trx: Transaction<Database>, facilityId: string) => sql`select pg_advisory_xact_lock(hashtext(${`payments:${facilityId}`}))`.execute(trx);

// ---------------------------------------------------------------- import

/** An import as answered: its file and period, and the counts kept in its bank_imports row. */
export interface ImportResult extends Pick<BankImportsTable, 'documents' | 'added' | 'duplicates' | 'outgoing' | 'matched' | 'unmatched'> {
  id: string;
  fileName: string;
  encoding: string;
  account: string | null;
  from: string | null;
  to: string | null;
}

export async function importBankStatement(ctx: AppContext, actor: Actor, file: { path: string; fileName: string; sha256: string; size: number }): Promise<ImportResult> {
  let statement;
  try {
    statement = parseClientBank(await fs.readFile(file.path));
  } catch (e) {
    if (e instanceof FileRefusal) throw invalid(e.problems.map((p) => ({ field: 'file', message: p.message })));
    throw e;
  }
  const facilityId = actor.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    await lockFacility(trx, facilityId);
    const own = await trx.selectFrom('organizations').select('inn').where('id', '=', facilityId).executeTakeFirstOrThrow();
    const incoming: BankDocument[] = [];
    let outgoing = 0;
    for (const d of statement.documents) {
      const toUs = d.receiverInn ? d.receiverInn === own.inn : statement.account !== null && d.receiverAccount === statement.account;
      if (toUs && d.payerInn !== own.inn) incoming.push(d);
      else outgoing++;
    }
    const imp = await trx
      .insertInto('bank_imports')
      .values({ facility_id: facilityId, file_name: file.fileName.slice(0, 255), sha256: file.sha256, account: statement.account, period_from: statement.from, period_to: statement.to, documents: statement.documents.length, added: 0, duplicates: 0, outgoing, matched: 0, unmatched: 0, imported_by: actor.personId })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Payers by ИНН (organizations of the system).
    const inns = [...new Set(incoming.map((d) => d.payerInn).filter(Boolean))];
    const payers = new Map<string, string>();
    for (let i = 0; i < inns.length; i += 5000) {
      for (const o of await trx.selectFrom('organizations').select(['id', 'inn']).where('inn', 'in', inns.slice(i, i + 5000)).execute()) payers.set(o.inn, o.id);
    }
    // New payments (a document already imported is skipped by the unique index).
    const added: { id: string; doc: BankDocument }[] = [];
    for (let i = 0; i < incoming.length; i += 2000) {
      const batch = incoming.slice(i, i + 2000);
      const rows = await trx
        .insertInto('payments')
        .values(
          batch.map((d) => ({
            facility_id: facilityId,
            source: 'bank' as const,
            import_id: imp.id,
            doc_number: d.number,
            doc_date: d.date,
            payer_account: d.payerAccount,
            payer_inn: d.payerInn || null,
            payer_name: d.payerName || null,
            payer_id: payers.get(d.payerInn) ?? null,
            amount_kop: d.amountKop.toString(),
            purpose: d.purpose,
            recorded_by: actor.personId,
          })),
        )
        .onConflict((oc) => oc.columns(['facility_id', 'doc_number', 'doc_date', 'payer_account']).where('source', '=', 'bank').doNothing())
        .returning(['id', 'doc_number', 'doc_date', 'payer_account'])
        .execute();
      const byKey = new Map(batch.map((d) => [`${d.number}|${d.date}|${d.payerAccount}`, d]));
      for (const r of rows) added.push({ id: r.id, doc: byKey.get(`${r.doc_number}|${r.doc_date}|${r.payer_account}`)! });
    }
    added.sort((a, b) => a.doc.index - b.doc.index);
    // Match the new ones.
    const open = await openInvoices(trx, facilityId);
    const ids: string[] = [];
    const invs: (string | null)[] = [];
    const notes: string[] = [];
    let matched = 0;
    for (const a of added) {
      const m = matchPayment({ amountKop: a.doc.amountKop, purpose: a.doc.purpose, payerId: payers.get(a.doc.payerInn) ?? null, payerInn: a.doc.payerInn || null }, open);
      ids.push(a.id);
      invs.push(m.invoiceId);
      notes.push(m.note);
      if (m.invoiceId) matched++;
    }
    for (let i = 0; i < ids.length; i += 10_000) {
      await sql`update payments p set invoice_id = v.inv, match = case when v.inv is null then 'unmatched' else 'auto' end, match_note = v.note
                  from (select unnest(${ids.slice(i, i + 10_000)}::uuid[]) as id, unnest(${invs.slice(i, i + 10_000)}::uuid[]) as inv, unnest(${notes.slice(i, i + 10_000)}::text[]) as note) v
                 where p.id = v.id`.execute(trx);
    }
    await recomputePaid(trx, invs.filter((x): x is string => x !== null));
    const result = { documents: statement.documents.length, added: added.length, duplicates: incoming.length - added.length, outgoing, matched, unmatched: added.length - matched };
    await trx.updateTable('bank_imports').set(result).where('id', '=', imp.id).execute();
    await audit(trx, { action: 'payments.imported', personId: actor.personId, organizationId: facilityId, subjectType: 'bank_import', subjectId: imp.id, details: { fileName: file.fileName, sha256: file.sha256, ...result } });
    return { id: imp.id, fileName: file.fileName, encoding: statement.encoding, account: statement.account, from: statement.from, to: statement.to, ...result };
  });
}

// ---------------------------------------------------------------- by hand

export interface PaymentInput {
  payerInn: string;
  payerName?: string | null;
  amount: string | number;
  paidOn: string;
  docNumber: string;
  purpose?: string | null;
  invoiceId?: string | null;
}

export async function recordPayment(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; input: PaymentInput }): Promise<PaymentView> {
  const { ctx, actor, input } = o;
  const errors: FieldError[] = [];
  const innCheck = checkInn(String(input.payerInn ?? ''));
  if (!innCheck.ok) errors.push({ field: 'payerInn', message: `ИНН плательщика: ${innCheck.error}` });
  const inn = innCheck.ok ? innCheck.value : '';
  const amount = parseRubles(input.amount);
  if (!amount.ok) errors.push({ field: 'amount', message: `Сумма, ₽: ${amount.error}` });
  if (!parseIsoDate(input.paidOn).ok) errors.push({ field: 'paidOn', message: 'Дата платежа: такой даты нет' });
  else if (input.paidOn > moscowDate(ctx.now())) errors.push({ field: 'paidOn', message: 'Дата платежа: не может быть в будущем' });
  const docNumber = String(input.docNumber ?? '').trim();
  if (!docNumber || docNumber.length > 40) errors.push({ field: 'docNumber', message: 'Номер платёжного документа: от 1 до 40 символов' });
  const purpose = (input.purpose ?? '').trim();
  if (purpose.length > 1000) errors.push({ field: 'purpose', message: 'Назначение платежа: не длиннее 1000 символов' });
  if (errors.length) throw invalid(errors);
  const facilityId = actor.organizationId;
  await lockFacility(trx, facilityId);
  const payer = await trx.selectFrom('organizations').select('id').where('inn', '=', inn).executeTakeFirst();
  let invoiceId: string | null = null;
  let note: string;
  const kop = (amount as { kop: bigint }).kop;
  if (input.invoiceId) {
    const inv = await ownInvoice(trx, facilityId, input.invoiceId);
    if (payer?.id !== inv.payer_id) throw invalid({ field: 'payerInn', message: `ИНН плательщика: счёт № ${inv.number} выставлен другой организации` });
    refuseOverpayment(inv, kop);
    invoiceId = inv.id;
    note = `Отнесён к счёту № ${inv.number} вручную`;
  } else {
    const m = matchPayment({ amountKop: kop, purpose, payerId: payer?.id ?? null, payerInn: inn }, await openInvoices(trx, facilityId));
    invoiceId = m.invoiceId;
    note = m.note;
  }
  const row = await trx
    .insertInto('payments')
    .values({
      facility_id: facilityId,
      source: 'manual',
      doc_number: docNumber,
      doc_date: input.paidOn,
      payer_inn: inn,
      payer_name: input.payerName?.trim().slice(0, 500) || null,
      payer_id: payer?.id ?? null,
      amount_kop: kop.toString(),
      purpose,
      invoice_id: invoiceId,
      match: invoiceId ? (input.invoiceId ? 'manual' : 'auto') : 'unmatched',
      match_note: note,
      recorded_by: actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (invoiceId) await recomputePaid(trx, [invoiceId]);
  await audit(trx, { action: 'payment.recorded', personId: actor.personId, organizationId: facilityId, subjectType: 'payment', subjectId: row.id, details: { amountKop: kop.toString(), payerInn: inn, invoiceId } });
  return getPayment(trx, actor, row.id);
}

async function ownInvoice(trx: Transaction<Database>, facilityId: string, id: string) {
  const inv = await trx
    .selectFrom('invoices')
    .select(['id', 'number', 'payer_id', sql<string>`(total_kop - paid_kop)::text`.as('left')])
    .where('id', '=', id)
    .where('facility_id', '=', facilityId)
    .forUpdate()
    .executeTakeFirst();
  if (!inv) throw notFound('Счёт не найден');
  return inv;
}

function refuseOverpayment(inv: { number: string; left: string }, kop: bigint) {
  if (kop > BigInt(inv.left)) {
    throw new AppError('overpayment', `Сумма платежа ${formatRubles(kop)} ₽ больше остатка по счёту № ${inv.number} (${formatRubles(inv.left)} ₽)`, [
      { field: 'amount', message: `Сумма, ₽: больше остатка по счёту № ${inv.number} (${formatRubles(inv.left)} ₽)` },
    ]);
  }
}

/** A person matches a payment to an invoice, takes a match back (invoiceId null), or marks it as not for an invoice. */
export async function setPaymentMatch(
  trx: Transaction<Database>,
  o: { actor: Actor; id: string; input: { invoiceId?: string | null; ignore?: boolean | null } },
): Promise<PaymentView> {
  const { actor, id, input } = o;
  const facilityId = actor.organizationId;
  await lockFacility(trx, facilityId);
  const p = await trx.selectFrom('payments').select(['id', 'invoice_id', 'payer_id', 'amount_kop', 'match']).where('id', '=', id).where('facility_id', '=', facilityId).forUpdate().executeTakeFirst();
  if (!p) throw notFound('Платёж не найден');
  const before = p.invoice_id;
  if (input.invoiceId) {
    if (p.invoice_id === input.invoiceId) return getPayment(trx, actor, id);
    if (p.invoice_id) throw new AppError('payment_matched', 'Платёж уже отнесён к другому счёту: сначала отмените сопоставление');
    const inv = await ownInvoice(trx, facilityId, input.invoiceId);
    if (p.payer_id && p.payer_id !== inv.payer_id) throw invalid({ field: 'invoiceId', message: `Счёт: № ${inv.number} выставлен не плательщику этого платежа` });
    refuseOverpayment(inv, BigInt(p.amount_kop));
    await trx.updateTable('payments').set({ invoice_id: inv.id, match: 'manual', match_note: `Отнесён к счёту № ${inv.number} вручную` }).where('id', '=', id).execute();
    await recomputePaid(trx, [inv.id]);
  } else {
    await trx
      .updateTable('payments')
      .set({ invoice_id: null, match: input.ignore ? 'ignored' : 'unmatched', match_note: input.ignore ? 'Не относится к счетам (отмечено вручную)' : 'Сопоставление отменено вручную' })
      .where('id', '=', id)
      .execute();
    if (before) await recomputePaid(trx, [before]);
  }
  await audit(trx, { action: 'payment.matched', personId: actor.personId, organizationId: facilityId, subjectType: 'payment', subjectId: id, details: { before, after: input.invoiceId ?? null, ignore: !!input.ignore } });
  return getPayment(trx, actor, id);
}

// ---------------------------------------------------------------- reading

export interface PaymentView {
  id: string;
  source: 'manual' | 'bank';
  docNumber: string;
  docDate: string;
  payerInn: string | null;
  payerName: string | null;
  payerId: string | null;
  amount: string;
  purpose: string;
  match: 'auto' | 'manual' | 'unmatched' | 'ignored';
  matchNote: string | null;
  invoice: { id: string; number: string } | null;
}

type PaymentRow = {
  id: string; source: 'manual' | 'bank'; doc_number: string; doc_date: string; payer_inn: string | null; payer_name: string | null; payer_id: string | null;
  amount: string; purpose: string; match: PaymentView['match']; match_note: string | null; invoice_id: string | null; invoice_number: string | null;
};
const paymentView = (r: PaymentRow): PaymentView => ({
  id: r.id,
  source: r.source,
  docNumber: r.doc_number,
  docDate: r.doc_date,
  payerInn: r.payer_inn,
  payerName: r.payer_name,
  payerId: r.payer_id,
  amount: kopToRubles(r.amount),
  purpose: r.purpose,
  match: r.match,
  matchNote: r.match_note,
  invoice: r.invoice_id ? { id: r.invoice_id, number: r.invoice_number! } : null,
});
const paymentSelect = sql`select p.id, p.source, p.doc_number, p.doc_date, p.payer_inn, p.payer_name, p.payer_id, p.amount_kop::text as amount, p.purpose, p.match, p.match_note,
                                 p.invoice_id, i.number as invoice_number, (extract(epoch from p.created_at) * 1000000)::int8::text as sort_micros
                            from payments p left join invoices i on i.id = p.invoice_id`;

async function getPayment(db: Transaction<Database> | AppContext['db'], actor: Actor, id: string): Promise<PaymentView> {
  const r = await sql<PaymentRow>`${paymentSelect} where p.id = ${id} and p.facility_id = ${actor.organizationId}`.execute(db);
  if (!r.rows[0]) throw notFound('Платёж не найден');
  return paymentView(r.rows[0]);
}

export interface PaymentFilter {
  match?: PaymentView['match'];
  importId?: string;
  after?: string;
  pageSize: number;
}

/**
 * A facility's payments (or one bank statement's), newest document first, by keyset on (doc_date
 * desc, created_at desc, id desc) through payments_facility_idx (payments_import_idx for a statement);
 * the total counted up to 1001, those waiting for a match through payments_unmatched_idx.
 */
export function paymentListQueries(actor: Actor, f: PaymentFilter) {
  const key = decodeKey(f.after, ['date', 'micros', 'uuid']);
  const where = sql`p.facility_id = ${actor.organizationId} ${f.match ? sql`and p.match = ${f.match}` : sql``} ${f.importId ? sql`and p.import_id = ${f.importId}` : sql``}`;
  const after = key ? sql`and (p.doc_date, p.created_at, p.id) < (${key[0]}::date, ${timeOfMicros(key[1])}, ${key[2]}::uuid)` : sql``;
  const items = sql<PaymentRow & { sort_micros: string }>`${paymentSelect} where ${where} ${after}
     order by p.doc_date desc, p.created_at desc, p.id desc limit ${f.pageSize + 1}`;
  const count = cappedCountQuery(sql`select 1 from payments p where ${where}`);
  const unmatched = cappedCountQuery(sql`select 1 from payments u where u.facility_id = ${actor.organizationId} and u.match = 'unmatched'`);
  return { items, count, unmatched };
}

export async function listPayments(ctx: AppContext, actor: Actor, f: PaymentFilter) {
  const q = paymentListQueries(actor, f);
  const [rows, count, unmatched] = await Promise.all([q.items.execute(ctx.db), q.count.execute(ctx.db), q.unmatched.execute(ctx.db)]);
  const page = keysetPage(rows.rows, f.pageSize, (r) => [r.doc_date, r.sort_micros, r.id]);
  return { items: page.items.map(paymentView), nextCursor: page.nextCursor, total: cappedTotal(count.rows[0].n), unmatched: cappedTotal(unmatched.rows[0].n) };
}

