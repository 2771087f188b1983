/**
 * A facility orders the monthly acts of services (акт оказанных услуг) for a month that has ended:
 * one act per payer with priced charges of that month not yet in an act, and with it the invoice
 * (счёт на оплату, same number). In one transaction: the acts and invoices, the charges bound to
 * their act (the act's content is fixed when ordered), the registry records of both (parties as of now), the
 * render jobs and the audit event. Loads accepted later for that month go into the next act of the
 * same month (seq 2, …). Loads without a tariff are not billed; the answer says how many there are.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { enqueue } from '../../platform/jobs/index.js';
import { reserveDocument } from '../../platform/documents/index.js';
import { moscowDate } from '../../domain/period.js';
import { addWorkingDays } from '../../domain/working-days.js';
import { vatKop } from '../../domain/money.js';
import { renderActJob, renderInvoiceJob } from './jobs.js';
import { monthRange, monthText, orgSnapshot } from './month.js';

/** Invoices are due this many working days after they are issued. */
export const PAYMENT_TERM_WORKING_DAYS = 5;

/** The next number of the facility's acts (and invoices) in a year: '2026-1', '2026-2', … */
async function nextNumber(trx: Transaction<Database>, facilityId: string, year: string): Promise<string> {
  const r = await sql<{ n: number }>`
    select coalesce(max(split_part(number, '-', 2)::int), 0)::int + 1 as n from acts where facility_id = ${facilityId} and number like ${`${year}-%`}`.execute(trx);
  return `${year}-${r.rows[0].n}`;
}

export interface OrderedAct {
  id: string;
  number: string;
  payerId: string;
  loads: number;
  netKop: bigint;
  vatKop: bigint;
  totalKop: bigint;
}

export async function orderActs(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; input: { month: string; payerId?: string | null } },
): Promise<{ acts: OrderedAct[]; withoutTariff: number }> {
  const { ctx, actor, input } = o;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month ?? '')) throw invalid({ field: 'month', message: 'Месяц: в виде ГГГГ-ММ' });
  const { first, next, last } = monthRange(input.month);
  const today = moscowDate(ctx.now());
  if (last >= today) throw invalid({ field: 'month', message: `Месяц: акт составляется за закончившийся месяц (${monthText(input.month)} заканчивается ${last.split('-').reverse().join('.')})` });
  const facilityId = actor.organizationId;
  await sql`select pg_advisory_xact_lock(hashtext(${`acts:${facilityId}`}))`.execute(trx);
  const groups = await sql<{ payer_id: string; vat_rate: string; loads: number; net: string }>`
    select payer_id, vat_rate::text as vat_rate, count(*)::int as loads, sum(amount_kop)::text as net
      from charges
     where facility_id = ${facilityId} and act_id is null and status = 'priced'
       and unloaded_on >= ${first}::date and unloaded_on < ${next}::date
       ${input.payerId ? sql`and payer_id = ${input.payerId}` : sql``}
     group by payer_id, vat_rate order by payer_id, vat_rate`.execute(trx);
  const withoutTariff = (
    await sql<{ n: number }>`select count(*)::int as n from charges where facility_id = ${facilityId} and act_id is null and status = 'no_tariff'
      and unloaded_on >= ${first}::date and unloaded_on < ${next}::date ${input.payerId ? sql`and payer_id = ${input.payerId}` : sql``}`.execute(trx)
  ).rows[0].n;
  if (!groups.rows.length) {
    throw new AppError(
      'nothing_to_bill',
      `За ${monthText(input.month)} нет принятых рейсов с начислениями, не включённых в акты${withoutTariff ? `; рейсов без тарифа: ${withoutTariff} — установите тариф на их даты` : ''}`,
    );
  }
  const byPayer = new Map<string, { loads: number; net: bigint; vat: bigint }>();
  for (const g of groups.rows) {
    const p = byPayer.get(g.payer_id) ?? { loads: 0, net: 0n, vat: 0n };
    p.loads += g.loads;
    p.net += BigInt(g.net);
    p.vat += vatKop(BigInt(g.net), g.vat_rate); // VAT per rate of the act, rounded once
    byPayer.set(g.payer_id, p);
  }
  const facility = await orgSnapshot(trx, facilityId);
  const now = ctx.now();
  const acts: OrderedAct[] = [];
  for (const [payerId, p] of byPayer) {
    const seq = (await sql<{ n: number }>`select coalesce(max(seq), 0)::int + 1 as n from acts where facility_id = ${facilityId} and payer_id = ${payerId} and month = ${first}::date`.execute(trx)).rows[0].n;
    const number = await nextNumber(trx, facilityId, today.slice(0, 4));
    const total = p.net + p.vat;
    const act = await trx
      .insertInto('acts')
      .values({ number, facility_id: facilityId, payer_id: payerId, month: first, seq, net_kop: p.net.toString(), vat_kop: p.vat.toString(), total_kop: total.toString(), loads: p.loads, ordered_by: actor.personId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bound = await sql`update charges set act_id = ${act.id}
       where facility_id = ${facilityId} and payer_id = ${payerId} and act_id is null and status = 'priced'
         and unloaded_on >= ${first}::date and unloaded_on < ${next}::date`.execute(trx);
    if (Number(bound.numAffectedRows) !== p.loads) throw new Error(`acts: bound ${bound.numAffectedRows} charges, counted ${p.loads}`);
    const invoice = await trx
      .insertInto('invoices')
      .values({ number, facility_id: facilityId, payer_id: payerId, act_id: act.id, issued_on: today, due_on: addWorkingDays(today, PAYMENT_TERM_WORKING_DAYS), net_kop: p.net.toString(), vat_kop: p.vat.toString(), total_kop: total.toString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parties = { facility, payer: await orgSnapshot(trx, payerId) } as unknown as Record<string, unknown>;
    await reserveDocument(trx, { kind: 'service_act', subjectId: act.id, number: `Акт № ${number}`, issuedAt: now, organizationId: payerId, parties, periodFrom: first, periodTo: last });
    await reserveDocument(trx, { kind: 'invoice', subjectId: invoice.id, number: `Счёт № ${number}`, issuedAt: now, organizationId: payerId, parties, periodFrom: first, periodTo: last });
    await enqueue(trx, renderActJob, { actId: act.id }, { jobKey: `money.act:${act.id}` });
    await enqueue(trx, renderInvoiceJob, { invoiceId: invoice.id }, { jobKey: `money.invoice:${invoice.id}` });
    acts.push({ id: act.id, number, payerId, loads: p.loads, netKop: p.net, vatKop: p.vat, totalKop: total });
  }
  await audit(trx, {
    action: 'acts.ordered',
    personId: actor.personId,
    organizationId: facilityId,
    subjectType: 'acts',
    subjectId: input.month,
    details: { month: input.month, acts: acts.map((a) => ({ id: a.id, number: a.number, payerId: a.payerId, loads: a.loads, totalKop: a.totalKop.toString() })), withoutTariff },
  });
  return { acts, withoutTariff };
}
