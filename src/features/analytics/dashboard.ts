/**
 * The analytics dashboard: volumes by month, by ФККО code, by facility and by carrier, acceptance
 * (accepted / awaiting / rejected), permits near or over their limits; for the operator also by district
 * and by organization. Read from trip_month_totals (one grouped pass with GROUPING SETS over the period's
 * months in the organization's scope — the periods are whole months), never from the trips themselves nor
 * their days; permit limits by the lifetime totals' primary key (permit × code).
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { invalid, type FieldError } from '../../platform/http/errors.js';
import { moscowDate } from '../../domain/period.js';
import { isFkkoCodeShape, normalizeFkkoCode } from '../../domain/fkko.js';
import { permitVisible, totalsVisible } from '../visibility.js';

export interface DashboardQuery {
  from?: string;
  to?: string;
  wasteCode?: string;
  facilityId?: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 60;
const TOP = 50;
export const NEAR_LIMIT = 90;

const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};
const monthsBetween = (a: string, b: string) => {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
};

export interface Checked {
  from: string;
  to: string;
  wasteCode: string | null;
  facilityId: string | null;
}

export function checkQuery(ctx: AppContext, q: DashboardQuery): Checked {
  const errors: FieldError[] = [];
  const thisMonth = moscowDate(ctx.now()).slice(0, 7);
  const to = q.to ?? thisMonth;
  const from = q.from ?? addMonths(to, -11);
  if (!MONTH.test(from)) errors.push({ field: 'from', message: 'Период с: месяц в виде ГГГГ-ММ' });
  if (!MONTH.test(to)) errors.push({ field: 'to', message: 'Период по: месяц в виде ГГГГ-ММ' });
  if (!errors.length && from > to) errors.push({ field: 'from', message: 'Период с: позже конца периода' });
  if (!errors.length && monthsBetween(from, to) >= MAX_MONTHS) errors.push({ field: 'from', message: `Период с: не больше ${MAX_MONTHS} месяцев` });
  let wasteCode: string | null = null;
  if (q.wasteCode) {
    if (!isFkkoCodeShape(q.wasteCode)) errors.push({ field: 'wasteCode', message: 'Код ФККО: 11 цифр' });
    else wasteCode = normalizeFkkoCode(q.wasteCode);
  }
  if (errors.length) throw invalid(errors);
  return { from, to, wasteCode, facilityId: q.facilityId ?? null };
}

interface Row {
  g: number;
  month: string | null;
  acceptance: string | null;
  waste_code: string | null;
  facility_id: string | null;
  carrier_id: string | null;
  permit_id: string | null;
  trips: string;
  volume: string;
  mass: string;
  accepted_volume: string;
}

const num = (s: string | null | undefined) => (s === null || s === undefined ? '0.00' : s);

export async function dashboard(ctx: AppContext, actor: Actor, q: DashboardQuery) {
  const c = checkQuery(ctx, q);
  const operator = actor.orgRoles.includes('operator');
  // Whole months: the month totals (migration 0410), a row per group and month, however many days are behind it.
  const where = sql`${totalsVisible(actor, 'tt')} and tt.month between ${`${c.from}-01`}::date and ${`${c.to}-01`}::date
    ${c.wasteCode ? sql`and tt.waste_code = ${c.wasteCode}` : sql``} ${c.facilityId ? sql`and tt.facility_id = ${c.facilityId}` : sql``}`;
  // grouping(): 1 bit per column of the list below, set when the column is not in the row's grouping set.
  const rows = await sql<Row>`
    select grouping(m, acceptance, waste_code, facility_id, carrier_id, permit_id)::int as g, to_char(m, 'YYYY-MM') as month, acceptance, waste_code,
           facility_id, carrier_id, permit_id,
           sum(trips)::text as trips, round(sum(volume), 2)::text as volume, round(sum(counted_mass), 3)::text as mass,
           round(coalesce(sum(volume) filter (where acceptance = 'accepted'), 0), 2)::text as accepted_volume
      from (select tt.month as m, tt.* from trip_month_totals tt where ${where}) t
     group by grouping sets ((m, acceptance), (waste_code), (facility_id), (carrier_id), (permit_id))`.execute(ctx.db);
  const months = new Map<string, { month: string; trips: number; volume: number; acceptedVolume: number; acceptedTrips: number; awaitingTrips: number; rejectedTrips: number }>();
  for (let m = c.from; m <= c.to; m = addMonths(m, 1)) months.set(m, { month: m, trips: 0, volume: 0, acceptedVolume: 0, acceptedTrips: 0, awaitingTrips: 0, rejectedTrips: 0 });
  const byCode: { code: string; trips: number; volume: string; acceptedVolume: string; mass: string }[] = [];
  const byFacility: { id: string; trips: number; volume: string; acceptedVolume: string }[] = [];
  const byCarrier: { id: string; trips: number; volume: string }[] = [];
  const byPermit: { id: string; trips: number; volume: number }[] = [];
  const totals = { trips: 0, volume: 0, mass: 0, accepted: { trips: 0, volume: 0 }, awaiting: { trips: 0, volume: 0 }, rejected: { trips: 0, volume: 0 } };
  for (const r of rows.rows) {
    const trips = Number(r.trips);
    if (r.month !== null && r.acceptance !== null) {
      const m = months.get(r.month);
      const vol = Number(r.volume);
      totals.trips += trips;
      totals.volume += vol;
      totals.mass += Number(r.mass);
      const acc = r.acceptance as 'accepted' | 'awaiting' | 'rejected';
      totals[acc].trips += trips;
      totals[acc].volume += vol;
      if (m) {
        m.trips += trips;
        m.volume += vol;
        if (acc === 'accepted') {
          m.acceptedVolume += vol;
          m.acceptedTrips += trips;
        } else if (acc === 'awaiting') m.awaitingTrips += trips;
        else m.rejectedTrips += trips;
      }
    } else if (r.waste_code !== null) byCode.push({ code: r.waste_code, trips, volume: num(r.volume), acceptedVolume: num(r.accepted_volume), mass: num(r.mass) });
    else if (r.facility_id !== null) byFacility.push({ id: r.facility_id, trips, volume: num(r.volume), acceptedVolume: num(r.accepted_volume) });
    else if (r.carrier_id !== null) byCarrier.push({ id: r.carrier_id, trips, volume: num(r.volume) });
    else if (r.permit_id !== null) byPermit.push({ id: r.permit_id, trips, volume: Number(r.volume) });
  }
  const byVolume = <T extends { volume: string | number }>(a: T, b: T) => Number(b.volume) - Number(a.volume);
  byCode.sort(byVolume);
  byFacility.sort(byVolume);
  byCarrier.sort(byVolume);
  // Names: waste types and organizations of the groups shown (a few hundred at most).
  const codes = byCode.slice(0, TOP).map((x) => x.code);
  const orgIds = [...new Set([...byFacility.slice(0, TOP).map((x) => x.id), ...byCarrier.slice(0, TOP).map((x) => x.id)])];
  const [codeNames, orgNames, permits] = await Promise.all([
    codes.length ? sql<{ code: string; name: string }>`select code, name from waste_types where code = any(${codes}::text[])`.execute(ctx.db) : { rows: [] },
    orgIds.length ? sql<{ id: string; name: string }>`select id, coalesce(short_name, name) as name from organizations where id = any(${orgIds}::uuid[])`.execute(ctx.db) : { rows: [] },
    permitUse(ctx, actor, c),
  ]);
  const wasteName = new Map(codeNames.rows.map((r) => [r.code, r.name]));
  const orgName = new Map(orgNames.rows.map((r) => [r.id, r.name]));
  const fix2 = (n: number) => n.toFixed(2);
  const out = {
    from: c.from,
    to: c.to,
    wasteCode: c.wasteCode,
    facilityId: c.facilityId,
    totals: {
      trips: totals.trips,
      volume: fix2(totals.volume),
      mass: totals.mass.toFixed(3),
      accepted: { trips: totals.accepted.trips, volume: fix2(totals.accepted.volume) },
      awaiting: { trips: totals.awaiting.trips, volume: fix2(totals.awaiting.volume) },
      rejected: { trips: totals.rejected.trips, volume: fix2(totals.rejected.volume) },
    },
    byMonth: [...months.values()].map((m) => ({ ...m, volume: fix2(m.volume), acceptedVolume: fix2(m.acceptedVolume) })),
    byCode: byCode.slice(0, TOP).map((x) => ({ ...x, name: wasteName.get(x.code) ?? '' })),
    byFacility: byFacility.slice(0, TOP).map((x) => ({ ...x, name: orgName.get(x.id) ?? '' })),
    byCarrier: byCarrier.slice(0, TOP).map((x) => ({ ...x, name: orgName.get(x.id) ?? '' })),
    permits,
    byDistrict: null as null | { district: string; trips: number; volume: string }[],
    byOrganization: null as null | { id: string; name: string; inn: string; trips: number; volume: string }[],
  };
  if (operator && byPermit.length) {
    // Per permit → its producer and the district of its site (from the permit's application, where there is one).
    const ids = byPermit.map((p) => p.id);
    const info = await sql<{ id: string; producer_id: string; name: string; inn: string; district: string | null }>`
      select p.id, p.producer_id, coalesce(o.short_name, o.name) as name, o.inn,
             (select a.district from permit_applications a where a.permit_id = p.id and a.district is not null order by a.decided_at desc nulls last limit 1) as district
        from permits p join organizations o on o.id = p.producer_id where p.id = any(${ids}::uuid[])`.execute(ctx.db);
    const byId = new Map(info.rows.map((r) => [r.id, r]));
    const d = new Map<string, { district: string; trips: number; volume: number }>();
    const o = new Map<string, { id: string; name: string; inn: string; trips: number; volume: number }>();
    for (const p of byPermit) {
      const i = byId.get(p.id);
      const district = i?.district ?? 'Округ не указан';
      const dd = d.get(district) ?? { district, trips: 0, volume: 0 };
      dd.trips += p.trips;
      dd.volume += p.volume;
      d.set(district, dd);
      if (i) {
        const oo = o.get(i.producer_id) ?? { id: i.producer_id, name: i.name, inn: i.inn, trips: 0, volume: 0 };
        oo.trips += p.trips;
        oo.volume += p.volume;
        o.set(i.producer_id, oo);
      }
    }
    out.byDistrict = [...d.values()].sort((a, b) => b.volume - a.volume).map((x) => ({ ...x, volume: fix2(x.volume) }));
    out.byOrganization = [...o.values()].sort((a, b) => b.volume - a.volume).slice(0, TOP).map((x) => ({ ...x, volume: fix2(x.volume) }));
  } else if (operator) {
    out.byDistrict = [];
    out.byOrganization = [];
  }
  return out;
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

/**
 * Permits in force in the organization's scope, by ФККО line: accepted volume (all time, from the lifetime
 * totals' primary key permit × code, migration 0400) against the permitted volume; the fullest first.
 */
async function permitUse(ctx: AppContext, actor: Actor, c: Checked) {
  const today = moscowDate(ctx.now());
  const rows = await sql<{ id: string; number: string; code: string; permitted: string; accepted: string; share: string }>`
    select p.id, p.number, w.waste_code as code, w.permitted_volume::text as permitted, round(coalesce(u.v, 0), 2)::text as accepted,
           round(100 * coalesce(u.v, 0) / w.permitted_volume, 1)::text as share
      from permits p
      join permit_waste_types w on w.permit_id = p.id
      cross join lateral (select sum(tt.volume) as v from trip_lifetime_totals tt where tt.permit_id = p.id and tt.waste_code = w.waste_code and tt.acceptance = 'accepted') u
     where p.status = 'active' and p.valid_to >= ${today}::date and ${permitVisible(actor, 'p')}
       ${c.wasteCode ? sql`and w.waste_code = ${c.wasteCode}` : sql``}
       ${c.facilityId ? sql`and exists (select 1 from permit_facilities pf where pf.permit_id = p.id and pf.facility_id = ${c.facilityId})` : sql``}
     order by coalesce(u.v, 0) / w.permitted_volume desc, p.number, w.waste_code
     limit ${TOP}`.execute(ctx.db);
  return rows.rows.map((r) => ({ ...r, state: Number(r.share) >= 100 ? ('over' as const) : Number(r.share) >= NEAR_LIMIT ? ('near' as const) : ('ok' as const) }));
}
