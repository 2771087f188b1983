/**
 * Tariffs of a receiving facility (prices per ФККО code, per m³ or per t, without VAT, with validity
 * dates) and the VAT rates (one step function kept by the operator: a rate is in force from its date
 * until the next rate's date; seeded in migrations/0120_money.sql).
 *
 * Periods of one facility's tariffs for the same code and unit never overlap: a new or changed tariff
 * that would overlap is refused with «tariff_overlap», naming the tariff in the way. A change never
 * alters a charge already in an act (refused with «tariff_in_use»); charges not yet in acts are priced
 * again in the same transaction (charges.ts `rechargeUnbilled`).
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { parseIsoDate, moscowDate, formatDateRu as ruDate } from '../../domain/period.js';
import { formatFkkoCode, isFkkoCodeShape, normalizeFkkoCode } from '../../domain/fkko.js';
import { kopToRubles, parseRubles, formatVatRate } from '../../domain/money.js';
import { rechargeUnbilled } from './charges.js';

export type TariffUnit = 'm3' | 't';
export const UNIT_LABELS: Record<TariffUnit, string> = { m3: 'м³', t: 'т' };
const periodText = (from: string, to: string | null) => (to ? `с ${ruDate(from)} по ${ruDate(to)}` : `с ${ruDate(from)} без срока окончания`);

/** A tariff's terms as every list shows them. */
export interface TariffTerms {
  wasteCode: string;
  wasteName: string;
  unit: TariffUnit;
  price: string;
  validFrom: string;
  validTo: string | null;
  /** In force today (Moscow). */
  current: boolean;
}

/** The columns a tariff list selects for its terms (`w.name as name`, the price in kopecks as text). */
interface TariffTermsRow {
  waste_code: string;
  name: string;
  unit: TariffUnit;
  price_kop: string;
  valid_from: string;
  valid_to: string | null;
}

const tariffTerms = (r: TariffTermsRow, today: string): TariffTerms => ({
  wasteCode: r.waste_code,
  wasteName: r.name,
  unit: r.unit,
  price: kopToRubles(r.price_kop),
  validFrom: r.valid_from,
  validTo: r.valid_to,
  current: r.valid_from <= today && (r.valid_to === null || r.valid_to >= today),
});

export interface TariffView extends TariffTerms {
  id: string;
  /** Loads priced by it; of them in acts. */
  charges: number;
  billed: number;
}

export async function listTariffs(ctx: AppContext, actor: Actor, f: { wasteCode?: string; at?: string }): Promise<TariffView[]> {
  const today = moscowDate(ctx.now());
  if (f.at !== undefined) {
    const at = parseIsoDate(f.at);
    if (!at.ok) throw invalid({ field: 'at', message: `Действует на дату: ${at.error}` });
  }
  const rows = await sql<TariffTermsRow & { id: string; charges: number; billed: number }>`
    select f.id, f.waste_code, w.name, f.unit, f.price_kop::text as price_kop, f.valid_from, f.valid_to,
           (select count(*) from charges c where c.tariff_id = f.id)::int as charges,
           (select count(*) from charges c where c.tariff_id = f.id and c.act_id is not null)::int as billed
      from tariffs f join waste_types w on w.code = f.waste_code
     where f.facility_id = ${actor.organizationId}
       ${f.wasteCode ? sql`and f.waste_code = ${normalizeFkkoCode(f.wasteCode)}` : sql``}
       ${f.at ? sql`and f.valid_from <= ${f.at}::date and (f.valid_to is null or f.valid_to >= ${f.at}::date)` : sql``}
     order by f.waste_code, f.unit, f.valid_from`.execute(ctx.db);
  return rows.rows.map((r) => ({ id: r.id, ...tariffTerms(r, today), charges: r.charges, billed: r.billed }));
}

export interface TariffInput {
  wasteCode: string;
  unit: string;
  price: string | number;
  validFrom: string;
  validTo?: string | null;
}

function checkDates(validFrom: string, validTo: string | null | undefined, errors: FieldError[]) {
  if (!parseIsoDate(validFrom).ok) errors.push({ field: 'validFrom', message: 'Действует с: такой даты нет' });
  if (validTo != null && !parseIsoDate(validTo).ok) errors.push({ field: 'validTo', message: 'Действует по: такой даты нет' });
  if (!errors.length && validTo != null && validTo < validFrom) errors.push({ field: 'validTo', message: 'Действует по: не может быть раньше даты начала' });
}

/** Refuses a period that overlaps another tariff of the facility for the same code and unit (under a lock on that triple). */
async function refuseOverlap(trx: Transaction<Database>, facilityId: string, code: string, unit: TariffUnit, from: string, to: string | null, exceptId: string | null) {
  await sql`select pg_advisory_xact_lock(hashtext(${`tariff:${facilityId}:${code}:${unit}`}))`.execute(trx);
  const other = await sql<{ valid_from: string; valid_to: string | null; price_kop: string }>`
    select valid_from, valid_to, price_kop::text as price_kop from tariffs
     where facility_id = ${facilityId} and waste_code = ${code} and unit = ${unit}
       and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)
       and daterange(valid_from, valid_to, '[]') && daterange(${from}::date, ${to}::date, '[]')
     order by valid_from limit 1`.execute(trx);
  const o = other.rows[0];
  if (o) {
    throw new AppError(
      'tariff_overlap',
      `Тариф на ${formatFkkoCode(code)} за ${UNIT_LABELS[unit]} уже действует ${periodText(o.valid_from, o.valid_to)} (${kopToRubles(o.price_kop).replace('.', ',')} ₽ за ${UNIT_LABELS[unit]}): периоды одного кода и единицы не пересекаются. Завершите прежний тариф или выберите другие даты`,
      [{ field: o.valid_from <= from ? 'validFrom' : 'validTo', message: `${o.valid_from <= from ? 'Действует с' : 'Действует по'}: пересекается с тарифом, действующим ${periodText(o.valid_from, o.valid_to)}` }],
    );
  }
}

export async function createTariff(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; input: TariffInput }): Promise<TariffView> {
  const { ctx, actor, input } = o;
  const errors: FieldError[] = [];
  const code = normalizeFkkoCode(String(input.wasteCode ?? ''));
  if (!isFkkoCodeShape(code)) errors.push({ field: 'wasteCode', message: 'Код ФККО: 11 цифр' });
  if (input.unit !== 'm3' && input.unit !== 't') errors.push({ field: 'unit', message: 'Единица: м³ (m3) или т (t)' });
  const price = parseRubles(input.price, 100_000_000_000n);
  if (!price.ok) errors.push({ field: 'price', message: `Цена за единицу, ₽: ${price.error}` });
  checkDates(input.validFrom, input.validTo, errors);
  if (errors.length) throw invalid(errors);
  const waste = await trx.selectFrom('waste_types').select('code').where('code', '=', code).executeTakeFirst();
  if (!waste) throw invalid({ field: 'wasteCode', message: `Код ФККО: ${formatFkkoCode(code)} нет в каталоге` });
  const unit = input.unit as TariffUnit;
  const validTo = input.validTo ?? null;
  await refuseOverlap(trx, actor.organizationId, code, unit, input.validFrom, validTo, null);
  const row = await trx
    .insertInto('tariffs')
    .values({ facility_id: actor.organizationId, waste_code: code, unit, price_kop: (price as { kop: bigint }).kop.toString(), valid_from: input.validFrom, valid_to: validTo, created_by: actor.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const repriced = await rechargeUnbilled(trx, { facilityId: actor.organizationId, wasteCode: code });
  await audit(trx, {
    action: 'tariff.created',
    personId: actor.personId,
    organizationId: actor.organizationId,
    subjectType: 'tariff',
    subjectId: row.id,
    details: { wasteCode: code, unit, priceKop: (price as { kop: bigint }).kop.toString(), validFrom: input.validFrom, validTo, repriced },
  });
  return (await tariffOf(trx, ctx, actor, row.id))!;
}

async function tariffOf(db: Transaction<Database>, ctx: AppContext, actor: Actor, id: string): Promise<TariffView | undefined> {
  const t = await db.selectFrom('tariffs').select(['waste_code']).where('id', '=', id).where('facility_id', '=', actor.organizationId).executeTakeFirst();
  if (!t) return undefined;
  const all = await listTariffsIn(db, ctx, actor, t.waste_code);
  return all.find((x) => x.id === id);
}

async function listTariffsIn(db: Transaction<Database>, ctx: AppContext, actor: Actor, code: string) {
  return listTariffs({ ...ctx, db } as AppContext, actor, { wasteCode: code });
}

/** Loads the facility's own tariff for a change, locked; another organization's → 404. */
async function ownTariff(trx: Transaction<Database>, actor: Actor, id: string) {
  const t = await trx
    .selectFrom('tariffs')
    .select(['id', 'waste_code', 'unit', 'valid_from', 'valid_to'])
    .where('id', '=', id)
    .where('facility_id', '=', actor.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!t) throw notFound('Тариф не найден');
  return t;
}

/** Billed days priced by a tariff: a change must keep them inside its period. */
async function billedSpan(trx: Transaction<Database>, id: string) {
  const r = await sql<{ first: string | null; last: string | null }>`
    select min(unloaded_on) as first, max(unloaded_on) as last from charges where tariff_id = ${id} and act_id is not null`.execute(trx);
  return r.rows[0] ?? { first: null, last: null };
}

/** Changes a tariff's period (e.g. ends it when a new price comes). The price of a tariff never changes: add a new one. */
export async function changeTariffPeriod(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; id: string; input: { validFrom: string; validTo?: string | null } }): Promise<TariffView> {
  const { ctx, actor, id, input } = o;
  const errors: FieldError[] = [];
  checkDates(input.validFrom, input.validTo, errors);
  if (errors.length) throw invalid(errors);
  const t = await ownTariff(trx, actor, id);
  const validTo = input.validTo ?? null;
  const span = await billedSpan(trx, id);
  if (span.first && (input.validFrom > span.first || (validTo !== null && validTo < span.last!))) {
    throw new AppError(
      'tariff_in_use',
      `По тарифу начислена плата за рейсы ${periodText(span.first, span.last)}, уже включённые в акты: период тарифа должен их охватывать`,
      [{ field: input.validFrom > span.first ? 'validFrom' : 'validTo', message: `${input.validFrom > span.first ? 'Действует с' : 'Действует по'}: по тарифу уже выставлены акты за ${periodText(span.first, span.last)}` }],
    );
  }
  await refuseOverlap(trx, actor.organizationId, t.waste_code, t.unit, input.validFrom, validTo, id);
  await trx.updateTable('tariffs').set({ valid_from: input.validFrom, valid_to: validTo }).where('id', '=', id).execute();
  const repriced = await rechargeUnbilled(trx, { facilityId: actor.organizationId, wasteCode: t.waste_code });
  await audit(trx, {
    action: 'tariff.period_changed',
    personId: actor.personId,
    organizationId: actor.organizationId,
    subjectType: 'tariff',
    subjectId: id,
    details: { before: { validFrom: t.valid_from, validTo: t.valid_to }, after: { validFrom: input.validFrom, validTo }, repriced },
  });
  return (await tariffOf(trx, ctx, actor, id))!;
}

/** Deletes a tariff entered by mistake: only while none of its charges is in an act. */
export async function deleteTariff(trx: Transaction<Database>, o: { actor: Actor; id: string }): Promise<{ deleted: true; repriced: number }> {
  const t = await ownTariff(trx, o.actor, o.id);
  const span = await billedSpan(trx, o.id);
  if (span.first) throw new AppError('tariff_in_use', `По тарифу уже выставлены акты за рейсы ${periodText(span.first, span.last)}: его нельзя удалить, можно завершить`);
  await trx.deleteFrom('charges').where('tariff_id', '=', o.id).where('act_id', 'is', null).execute();
  await trx.deleteFrom('tariffs').where('id', '=', o.id).execute();
  const repriced = await rechargeUnbilled(trx, { facilityId: o.actor.organizationId, wasteCode: t.waste_code });
  await audit(trx, { action: 'tariff.deleted', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'tariff', subjectId: o.id, details: { wasteCode: t.waste_code, unit: t.unit } });
  return { deleted: true, repriced };
}

// ---------------------------------------------------------------- VAT

export interface VatRateView {
  validFrom: string;
  validTo: string | null;
  rate: string;
  label: string;
  note: string | null;
}

export async function listVatRates(db: AppContext['db']): Promise<VatRateView[]> {
  const rows = await sql<{ valid_from: string; rate: string; note: string | null; next: string | null }>`
    select valid_from, rate::text as rate, note, (lead(valid_from) over (order by valid_from) - 1)::date::text as next from vat_rates order by valid_from`.execute(db);
  return rows.rows.map((r) => ({ validFrom: r.valid_from, validTo: r.next, rate: r.rate, label: formatVatRate(r.rate), note: r.note }));
}

/** The operator adds a rate from a day on (it ends the one before). Days already in acts keep their rate. */
export async function addVatRate(trx: Transaction<Database>, o: { actor: Actor; input: { validFrom: string; rate: string; note?: string | null } }): Promise<VatRateView[]> {
  const { actor, input } = o;
  const errors: FieldError[] = [];
  if (!parseIsoDate(input.validFrom).ok) errors.push({ field: 'validFrom', message: 'Действует с: такой даты нет' });
  const m = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(String(input.rate ?? '').trim());
  if (!m) errors.push({ field: 'rate', message: 'Ставка НДС, %: число от 0 до 99,99, не более 2 знаков после запятой' });
  const note = input.note?.trim() || null;
  if (note && note.length > 500) errors.push({ field: 'note', message: 'Основание: не длиннее 500 символов' });
  if (errors.length) throw invalid(errors);
  const rate = `${Number(m![1])}.${(m![2] ?? '').padEnd(2, '0')}`;
  await sql`lock table vat_rates in exclusive mode`.execute(trx);
  const billed = await sql<{ last: string | null }>`select max(unloaded_on)::text as last from charges where act_id is not null`.execute(trx);
  const last = billed.rows[0]?.last;
  if (last && input.validFrom <= last) {
    throw invalid({ field: 'validFrom', message: `Действует с: за ${ruDate(last)} и раньше уже выставлены акты; новая ставка может действовать только с более поздней даты` });
  }
  await trx
    .insertInto('vat_rates')
    .values({ valid_from: input.validFrom, rate, note, created_by: actor.personId })
    .onConflict((oc) => oc.column('valid_from').doUpdateSet({ rate, note, created_by: actor.personId }))
    .execute();
  const repriced = await rechargeUnbilled(trx, { fromDay: input.validFrom });
  await audit(trx, { action: 'vat_rate.set', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'vat_rate', subjectId: input.validFrom, details: { rate, note, repriced } });
  return listVatRates(trx as never);
}

// ---------------------------------------------------------------- for producers and carriers

export interface ApplicableTariffView extends TariffTerms {
  facility: { id: string; name: string; inn: string };
}

/**
 * The tariffs that apply to a producer or carrier: those of the facilities named in its permits
 * (as producer, or as carrier) for the permits' ФККО codes, in force today or later. Permits ended
 * more than a year ago are left out.
 */
export async function listApplicableTariffs(ctx: AppContext, actor: Actor): Promise<ApplicableTariffView[]> {
  const today = moscowDate(ctx.now());
  const org = actor.organizationId;
  const rows = await sql<TariffTermsRow & { facility_id: string; facility_name: string; inn: string }>`
    with mine as (
      select p.id from permits p where p.producer_id = ${org} and p.valid_to >= ${today}::date - 365
      union
      select p.id from permits p join permit_carriers c on c.permit_id = p.id where c.carrier_id = ${org} and p.valid_to >= ${today}::date - 365
    ), pairs as (
      select distinct pf.facility_id, pw.waste_code
        from mine m join permit_facilities pf on pf.permit_id = m.id join permit_waste_types pw on pw.permit_id = m.id
    )
    select f.facility_id, o.name as facility_name, o.inn, f.waste_code, w.name, f.unit, f.price_kop::text as price_kop, f.valid_from, f.valid_to
      from pairs x
      join tariffs f on f.facility_id = x.facility_id and f.waste_code = x.waste_code
      join organizations o on o.id = f.facility_id
      join waste_types w on w.code = f.waste_code
     where f.valid_to is null or f.valid_to >= ${today}::date
     order by o.name, f.waste_code, f.unit, f.valid_from
     limit 2000`.execute(ctx.db);
  return rows.rows.map((r) => ({ facility: { id: r.facility_id, name: r.facility_name, inn: r.inn }, ...tariffTerms(r, today) }));
}
