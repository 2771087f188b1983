/**
 * What the system fills in a report from the data it holds, and says where
 * each figure came from (`basis`, and the column's `prefill` source):
 *
 * - received and moved figures: the loads the facility accepted (movement.ts:
 *   the facility's weighed mass where it gave one, the declared mass otherwise),
 *   by the trip's unloading time in the period (Europe/Moscow);
 * - stock at the start: the end stock of the previous period's filed report
 *   (its latest version);
 * - planned figures: the permit's permitted volumes;
 * - the 2-ТП's handling figures: the sums of the year's filed monthly reports.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import { periodBounds } from '../../domain/period.js';
import { acceptedSql, countedMassSql, movementColumns, type MovementColumns } from '../movement.js';
import { monthBounds, periodText, type ReportData, type ReportDefinition, type ReportRow } from './definitions.js';

type Q = Db | Transaction<Database>;

export interface Prefill extends ReportData {
  basis: string[];
}

export interface PrefillTarget {
  organizationId: string;
  subjectId: string | null;
  periodFrom: string;
  periodTo: string;
}

const prevMonth = (from: string) => {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  return monthBounds(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
};

/** The latest filed version's rows of an organization's report for a period (undefined when none was filed). */
export async function filedRows(db: Q, o: { organizationId: string; kind: string; subjectId: string | null; periodFrom: string }) {
  const r = await sql<{ number: string; version: number; data: ReportData }>`
    select r.number, v.version, v.data from reports r join report_versions v on v.report_id = r.id and v.version = r.filed_version
     where r.organization_id = ${o.organizationId} and r.kind = ${o.kind} and r.period_from = ${o.periodFrom}
       and r.subject_id is not distinct from ${o.subjectId}::uuid and r.filed_version > 0`.execute(db);
  return r.rows[0];
}

const emptyValues = (def: ReportDefinition) => Object.fromEntries(def.columns.map((c) => [c.key, null])) as Record<string, string | null>;

async function facilityMonthly(db: Q, def: ReportDefinition, t: PrefillTarget): Promise<Prefill> {
  const { start, endExclusive } = periodBounds(t.periodFrom, t.periodTo);
  const received = await sql<{ code: string; trips: number; mass: string; weighed: number }>`
    select t.waste_code as code, count(*)::int as trips, sum(${countedMassSql(null, 't')})::numeric(16,3)::text as mass,
           count(t.received_mass)::int as weighed
      from trips t
     where t.facility_object_id = ${t.subjectId} and t.unloaded_at >= ${start} and t.unloaded_at < ${endExclusive} and ${acceptedSql(null, 't')}
     group by t.waste_code order by t.waste_code`.execute(db);
  const prev = await filedRows(db, { organizationId: t.organizationId, kind: def.kind, subjectId: t.subjectId, periodFrom: prevMonth(t.periodFrom).from });
  const rows = new Map<string, ReportRow>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { code, values: emptyValues(def) }));
    return r;
  };
  const basis: string[] = [];
  for (const r of received.rows) row(r.code).values.received = r.mass;
  const trips = received.rows.reduce((n, r) => n + r.trips, 0);
  const weighed = received.rows.reduce((n, r) => n + r.weighed, 0);
  basis.push(
    trips
      ? `«Получено за месяц» — по ${trips} рейсам, принятым объектом приёма за ${periodText(def, t.periodFrom, t.periodTo)} (масса по весам объекта для ${weighed}, заявленная перевозчиком для ${trips - weighed}).`
      : `«Получено за месяц» — принятых рейсов за ${periodText(def, t.periodFrom, t.periodTo)} нет.`,
  );
  if (prev) {
    for (const r of prev.data.rows) {
      const end = r.values.endStock;
      if (end && end !== '0.000') row(r.code).values.startStock = end;
      else if (rows.has(r.code)) row(r.code).values.startStock = end ?? '0.000';
    }
    basis.push(`«Остаток на начало месяца» — остаток на конец предыдущего месяца из отчёта № ${prev.number}${prev.version > 1 ? ` (версия ${prev.version})` : ''}.`);
  } else {
    basis.push('«Остаток на начало месяца» — отчёта за предыдущий месяц в системе нет: укажите остаток сами.');
  }
  for (const r of rows.values()) r.values.startStock ??= prev ? '0.000' : null;
  return { rows: [...rows.values()], basis };
}

async function permitClosing(db: Q, def: ReportDefinition, t: PrefillTarget): Promise<Prefill> {
  const planned = await db.selectFrom('permit_waste_types').select(['waste_code', 'permitted_volume']).where('permit_id', '=', t.subjectId!).orderBy('waste_code').execute();
  const moved = await sql<MovementColumns & { code: string; facility_id: string }>`
    select t.waste_code as code, t.facility_object_id as facility_id, ${movementColumns(null, 't')}
      from trips t where t.permit_id = ${t.subjectId} group by t.waste_code, t.facility_object_id order by t.waste_code, t.facility_object_id`.execute(db);
  const rows: ReportRow[] = [];
  const codes = [...new Set([...planned.map((p) => p.waste_code), ...moved.rows.map((m) => m.code)])].sort();
  for (const code of codes) {
    const lines = moved.rows.filter((m) => m.code === code);
    const sum = (k: keyof MovementColumns, scale: number) => {
      let n = 0n;
      for (const l of lines) n += BigInt(String(l[k]).replace('.', ''));
      const s = n.toString().padStart(scale + 1, '0');
      return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
    };
    const plan = planned.find((p) => p.waste_code === code);
    rows.push({
      code,
      facilityId: null,
      values: { planned: plan ? String(plan.permitted_volume) : '0.00', movedVolume: sum('a_volume', 2), movedMass: sum('a_mass', 3), awaitingVolume: sum('w_volume', 2), rejectedVolume: sum('r_volume', 2) },
    });
    for (const l of lines) {
      rows.push({ code, facilityId: l.facility_id, values: { planned: null, movedVolume: l.a_volume, movedMass: l.a_mass, awaitingVolume: l.w_volume, rejectedVolume: l.r_volume } });
    }
  }
  const trips = moved.rows.reduce((n, r) => n + r.a_trips, 0);
  return {
    rows,
    basis: [
      '«Разрешено (план)» — разрешённые объёмы по видам отходов из разрешения.',
      `«Перемещено и принято» — по ${trips} рейсам, принятым объектами приёма (строка без объекта — итог по виду отходов; масса по весам объекта, где он её указал).`,
      '«Ожидают решения» и «Отклонено» показаны отдельно и в перемещённые не входят.',
    ],
  };
}

async function tp2Waste(db: Q, def: ReportDefinition, t: PrefillTarget): Promise<Prefill> {
  const { start, endExclusive } = periodBounds(t.periodFrom, t.periodTo);
  const org = t.organizationId;
  const produced = await sql<{ code: string; mass: string }>`
    select t.waste_code as code, sum(${countedMassSql(null, 't')})::numeric(16,3)::text as mass
      from trips t join sites s on s.id = t.site_id
     where s.producer_id = ${org} and t.unloaded_at >= ${start} and t.unloaded_at < ${endExclusive} and ${acceptedSql(null, 't')}
     group by t.waste_code`.execute(db);
  const received = await sql<{ code: string; mass: string }>`
    select t.waste_code as code, sum(${countedMassSql(null, 't')})::numeric(16,3)::text as mass
      from trips t join facilities f on f.id = t.facility_object_id
     where f.organization_id = ${org} and t.unloaded_at >= ${start} and t.unloaded_at < ${endExclusive} and ${acceptedSql(null, 't')}
     group by t.waste_code`.execute(db);
  // The year's filed monthly reports of the organization's facilities (latest versions), summed by code.
  const monthly = await sql<{ code: string; utilized: string; neutralized: string; disposed: string; recycled: string; passed: string; reports: number }>`
    select x.code,
           sum(coalesce((x.values->>'utilized')::numeric, 0))::numeric(16,3)::text as utilized,
           sum(coalesce((x.values->>'neutralized')::numeric, 0))::numeric(16,3)::text as neutralized,
           sum(coalesce((x.values->>'disposed')::numeric, 0))::numeric(16,3)::text as disposed,
           sum(coalesce((x.values->>'recycled')::numeric, 0))::numeric(16,3)::text as recycled,
           sum(coalesce((x.values->>'passed')::numeric, 0))::numeric(16,3)::text as passed,
           count(distinct x.report_id)::int as reports
      from (select r.id as report_id, row_->>'code' as code, row_->'values' as values
              from reports r join report_versions v on v.report_id = r.id and v.version = r.filed_version
              cross join jsonb_array_elements(v.data->'rows') row_
             where r.organization_id = ${org} and r.kind = 'facility_monthly' and r.filed_version > 0
               and r.period_from >= ${t.periodFrom} and r.period_to <= ${t.periodTo}) x
     group by x.code`.execute(db);
  const prev = await filedRows(db, { organizationId: org, kind: def.kind, subjectId: null, periodFrom: `${Number(t.periodFrom.slice(0, 4)) - 1}-01-01` });
  const rows = new Map<string, ReportRow>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { code, values: { ...emptyValues(def), startStock: '0.000', produced: '0.000', received: '0.000', utilized: '0.000', neutralized: '0.000', disposed: '0.000', recycled: '0.000', passed: '0.000' } }));
    return r;
  };
  const dec = (s: string) => BigInt(s.replace('.', ''));
  const str = (n: bigint) => {
    const neg = n < 0n;
    const s = (neg ? -n : n).toString().padStart(4, '0');
    return `${neg ? '-' : ''}${s.slice(0, -3)}.${s.slice(-3)}`;
  };
  for (const r of prev?.data.rows ?? []) if (r.values.endStock) row(r.code).values.startStock = r.values.endStock;
  for (const r of produced.rows) {
    row(r.code).values.produced = r.mass;
    // A producer passes what it produced to the receiving facilities.
    row(r.code).values.passed = r.mass;
  }
  for (const r of received.rows) row(r.code).values.received = r.mass;
  for (const m of monthly.rows) {
    const v = row(m.code).values;
    v.utilized = m.utilized;
    v.neutralized = m.neutralized;
    v.disposed = m.disposed;
    v.recycled = m.recycled;
    v.passed = str(dec(v.passed ?? '0.000') + dec(m.passed));
  }
  for (const r of rows.values()) {
    const v = r.values;
    const end = dec(v.startStock!) + dec(v.produced!) + dec(v.received!) - dec(v.utilized!) - dec(v.neutralized!) - dec(v.disposed!) - dec(v.recycled!) - dec(v.passed!);
    v.endStock = str(end);
  }
  const reports = monthly.rows.reduce((n, r) => Math.max(n, r.reports), 0);
  return {
    rows: [...rows.values()].sort((a, b) => a.code.localeCompare(b.code)),
    basis: [
      `«Образовано» и переданное образователем — по рейсам с объектов организации, принятым объектами приёма за ${t.periodFrom.slice(0, 4)} год.`,
      '«Получено от других лиц» — по рейсам, принятым объектами приёма организации.',
      reports ? `Обработка и передача объектами приёма — суммы поданных ежемесячных отчётов за год (отчётов: ${reports}).` : 'Ежемесячных отчётов объектов приёма за год нет: обработку укажите сами.',
      prev ? `«Наличие на начало года» — из формы 2-ТП (отходы) № ${prev.number} за предыдущий год.` : '«Наличие на начало года» — формы за предыдущий год в системе нет.',
      '«Наличие на конец года» рассчитано по балансу; проверьте его.',
    ],
  };
}

/** The prefilled content of a report (its rows and how each figure was found). */
export async function computePrefill(db: Q, def: ReportDefinition, t: PrefillTarget): Promise<Prefill> {
  if (def.kind === 'facility_monthly') return facilityMonthly(db, def, t);
  if (def.kind === 'permit_closing') return permitClosing(db, def, t);
  return tp2Waste(db, def, t);
}
