/**
 * The operator's side of reports: who filed and who is late for a period,
 * totals per code across all filers (latest filed versions), and returning a
 * filed report for correction with a reason (this is also the operator's
 * consent to a correction after the deadline).
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { moscowDate } from '../../domain/period.js';
import { createTask } from '../tasks/tasks.js';
import { notify } from '../notifications/notify.js';
import { KIND_TITLES, STATUS_LABELS, deadlineOf, definitionFor, monthBounds, periodText, type ReportKind } from './definitions.js';
import { loadRow, reportCard, type Meta, type ReportCard } from './reports.js';

/** A period of a kind as the operator names it: 'YYYY-MM' for monthly reports, 'YYYY' for yearly ones. */
function periodOf(kind: ReportKind, period: string): { from: string; to: string } {
  const def = definitionFor(kind, '9999-12-31');
  if (def.period === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < 2000) throw invalid({ field: 'period', message: 'Отчётный период: укажите месяц в виде ГГГГ-ММ' });
    return monthBounds(period);
  }
  const m = /^(\d{4})$/.exec(period);
  if (!m || Number(m[1]) < 2000) throw invalid({ field: 'period', message: 'Отчётный период: укажите год в виде ГГГГ' });
  return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
}

export interface FilerRow {
  organization: { id: string; name: string; inn: string };
  subject: { id: string; name: string } | null;
  reportId: string | null;
  status: 'not_filed' | 'draft' | 'submitted' | 'correction';
  statusLabel: string;
  number: string | null;
  filedVersion: number;
  submittedAt: string | null;
  late: boolean;
}

/** Who filed the period's reports of a kind and who is late. Monthly: every facility object that received loads or has a report. */
export async function filers(ctx: AppContext, q: { kind: ReportKind; period: string }) {
  if (q.kind === 'permit_closing') throw invalid({ field: 'kind', message: 'Вид отчёта: итоговые отчёты по разрешениям смотрите в карточке разрешения' });
  const def = definitionFor(q.kind, '9999-12-31');
  const p = periodOf(q.kind, q.period);
  const deadline = deadlineOf(def, p.to);
  const today = moscowDate(ctx.now());
  const rows = q.kind === 'facility_monthly'
    ? await sql<{ org_id: string; org_name: string; inn: string; subject_id: string | null; subject_name: string | null; report_id: string | null; status: string | null; number: string | null; filed_version: number | null; submitted_at: Date | null; late: boolean | null }>`
        select o.id as org_id, coalesce(o.short_name, o.name) as org_name, o.inn, f.id as subject_id, f.number || ' «' || f.name || '»' as subject_name,
               r.id as report_id, r.status, r.number, r.filed_version,
               (select v.submitted_at from report_versions v where v.report_id = r.id and v.version = 1) as submitted_at,
               (select v.late from report_versions v where v.report_id = r.id and v.version = 1) as late
          from facilities f join organizations o on o.id = f.organization_id
          left join reports r on r.kind = 'facility_monthly' and r.subject_id = f.id and r.period_from = ${p.from}
         where r.id is not null or exists (select 1 from trips t where t.facility_object_id = f.id and t.unloaded_at >= ${p.from}::date and t.unloaded_at < ${p.to}::date + 1)
         order by o.name, f.number`.execute(ctx.db)
    : await sql<{ org_id: string; org_name: string; inn: string; subject_id: string | null; subject_name: string | null; report_id: string | null; status: string | null; number: string | null; filed_version: number | null; submitted_at: Date | null; late: boolean | null }>`
        select o.id as org_id, coalesce(o.short_name, o.name) as org_name, o.inn, null::uuid as subject_id, null::text as subject_name,
               r.id as report_id, r.status, r.number, r.filed_version,
               (select v.submitted_at from report_versions v where v.report_id = r.id and v.version = 1) as submitted_at,
               (select v.late from report_versions v where v.report_id = r.id and v.version = 1) as late
          from organizations o
          left join reports r on r.kind = 'tp2_waste' and r.organization_id = o.id and r.period_from = ${p.from}
         where ('producer' = any(o.roles) or 'facility' = any(o.roles))
           and (r.id is not null or exists (select 1 from trips t where t.unloaded_at >= ${p.from}::date and t.unloaded_at < ${p.to}::date + 1
                 and (t.facility_id = o.id or exists (select 1 from sites s where s.id = t.site_id and s.producer_id = o.id))))
         order by o.name`.execute(ctx.db);
  const items: FilerRow[] = rows.rows.map((r) => {
    const filed = (r.filed_version ?? 0) > 0;
    const status = (filed ? r.status : r.report_id ? 'draft' : 'not_filed') as FilerRow['status'];
    return {
      organization: { id: r.org_id, name: r.org_name, inn: r.inn },
      subject: r.subject_id ? { id: r.subject_id, name: r.subject_name! } : null,
      reportId: filed ? r.report_id : null,
      status,
      statusLabel: status === 'not_filed' ? 'Не подан' : status === 'draft' ? 'Не подан (черновик)' : STATUS_LABELS[status],
      number: filed ? r.number : null,
      filedVersion: r.filed_version ?? 0,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      late: filed ? !!r.late : today > deadline,
    };
  });
  return {
    kind: q.kind,
    kindTitle: KIND_TITLES[q.kind],
    periodText: periodText(def, p.from, p.to),
    deadline,
    filed: items.filter((i) => i.filedVersion > 0).length,
    late: items.filter((i) => i.late).length,
    items,
  };
}

/** Totals per ФККО code of the period's filed reports (each report's latest version), by the definition's columns. */
export async function totals(ctx: AppContext, q: { kind: ReportKind; period: string }) {
  if (q.kind === 'permit_closing') throw invalid({ field: 'kind', message: 'Вид отчёта: итоги считаются по ежемесячным отчётам и форме 2-ТП' });
  const def = definitionFor(q.kind, '9999-12-31');
  const p = periodOf(q.kind, q.period);
  const keys = def.columns.map((c) => c.key);
  const r = await sql<{ code: string; name: string; hazard_class: number; reports: number; sums: Record<string, string> }>`
    with e as (
      select r.id as report_id, el->>'code' as code, el->'values' as vals
        from reports r join report_versions v on v.report_id = r.id and v.version = r.filed_version
        cross join jsonb_array_elements(v.data->'rows') el
       where r.kind = ${q.kind} and r.filed_version > 0 and r.period_from = ${p.from} and (el->>'facilityId') is null
    ), s as (
      select e.code, k, sum(coalesce((e.vals->>k)::numeric, 0))::numeric(16,3)::text as s, count(distinct e.report_id) as n
        from e cross join unnest(${keys}::text[]) k group by e.code, k
    )
    select s.code, w.name, w.hazard_class, max(s.n)::int as reports, jsonb_object_agg(s.k, s.s) as sums
      from s join waste_types w on w.code = s.code group by s.code, w.name, w.hazard_class order by s.code`.execute(ctx.db);
  return {
    kind: q.kind,
    periodText: periodText(def, p.from, p.to),
    columns: def.columns.map((c) => ({ key: c.key, label: c.label, unit: c.unit })),
    rows: r.rows.map((x) => ({ code: x.code, name: x.name, hazardClass: x.hazard_class, reports: x.reports, values: Object.fromEntries(keys.map((k) => [k, x.sums?.[k] ?? '0.000'])) })),
  };
}

/** Returns a filed report for correction with a reason: the filer may correct it, even after the deadline. */
export async function returnReport(ctx: AppContext, o: { actor: Actor; id: string; reason: string } & Meta): Promise<ReportCard> {
  const reason = o.reason.trim();
  if (reason.length < 5) throw invalid({ field: 'reason', message: 'Причина: опишите, что нужно исправить (не короче 5 символов)' });
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadRow(trx, o.actor, o.id, true);
    if (r.filed_version === 0) throw notFound('Отчёт не найден');
    if (r.status !== 'submitted') throw new AppError('report_status', 'Отчёт уже исправляется');
    const now = ctx.now();
    const updated = await trx
      .updateTable('reports')
      .set({ status: 'correction', return_reason: reason, returned_at: now, returned_by: o.actor.personId, revision: r.revision + 1, updated_at: now })
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const def = definitionFor(r.kind as ReportKind, r.period_from, r.definition_version);
    const title = `Отчёт № ${r.number} возвращён на исправление`;
    await notify(trx, ctx, { organizationId: r.organization_id, personId: null, title, body: `${def.title} за ${periodText(def, r.period_from, r.period_to)}. Причина: ${reason}`, link: `/reports/${r.id}` });
    const filer = await trx.selectFrom('report_versions').select('submitted_by').where('report_id', '=', r.id).where('version', '=', r.filed_version).executeTakeFirst();
    if (filer?.submitted_by) {
      await notify(trx, ctx, { organizationId: r.organization_id, personId: filer.submitted_by, title, body: `Причина: ${reason}`, link: `/reports/${r.id}`, email: 'report.returned' });
    }
    await createTask(trx, { organizationId: r.organization_id, personId: null, kind: 'report.returned', title: `Исправить отчёт № ${r.number}: ${reason}`.slice(0, 500), payload: { reportId: r.id, link: `/reports/${r.id}` } });
    await audit(trx, { action: 'report.returned', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'report', subjectId: r.id, ip: o.ip, userAgent: o.userAgent, details: { number: r.number, reason } });
    return reportCard(ctx, o.actor, updated, trx);
  });
}
