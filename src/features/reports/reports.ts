/**
 * Reports: the filer's side. A report is created prefilled for a period
 * (`createReport`), its figures saved with optimistic versioning
 * (`saveReport`: a save names the revision it was made on), checked by its
 * definition's rules, and sent (`submitReport`) after a confirmation: the
 * first filing gets a registration number, each filing is a version
 * (report_versions) whose signed PDF goes into the registry of issued
 * documents (render-report.ts). A correction (`openCorrection`) is allowed
 * until the deadline; after it only when the operator returned the report
 * (operator.ts). Earlier versions stay readable.
 *
 * Every read goes through `reportVisible` (the filer's own; the operator's
 * once filed); another organization's report is "not found".
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { enqueue } from '../../platform/jobs/index.js';
import { reserveDocument, documentOf, verificationUrl } from '../../platform/documents/index.js';
import { moscowDate, formatMoscowDate } from '../../domain/period.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { reportVisible } from '../visibility.js';
import { closeTasksAbout } from '../tasks/tasks.js';
import {
  KIND_TITLES,
  STATUS_LABELS,
  checkReport,
  deadlineOf,
  definitionFor,
  monthBounds,
  parseFigure,
  periodText,
  type FieldError,
  type ReportDefinition,
  type ReportKind,
  type ReportRow,
} from './definitions.js';
import { computePrefill, type Prefill } from './prefill.js';
import { renderReportJob } from './jobs-render.js';
import type { ReportStatus } from './tables.js';

type Q = Db | Transaction<Database>;

export const MAX_ROWS = 300;
export const REPORT_TASK_KIND = 'report.due';

export interface Meta {
  ip: string | null;
  userAgent: string | null;
}

const hasRole = (actor: Actor, role: 'facility' | 'producer' | 'operator') => actor.orgRoles.includes(role);

// ---------------------------------------------------------------- subjects

export interface Subject {
  id: string;
  name: string;
  address: string | null;
}

/** The report's subject as the filer's own: a facility object of its organization, a permit it holds. */
async function subjectFor(db: Q, actor: Actor, def: ReportDefinition, subjectId: string | undefined): Promise<Subject | null> {
  if (def.kind === 'facility_monthly') {
    let q = db.selectFrom('facilities').select(['id', 'number', 'name', 'address']).where('organization_id', '=', actor.organizationId).where('archived_at', 'is', null);
    if (subjectId) q = q.where('id', '=', subjectId);
    const found = await q.orderBy('number').execute();
    if (!found.length) {
      if (subjectId) throw notFound('Объект приёма не найден');
      throw invalid({ field: 'subjectId', message: 'Объект приёма: у организации нет объектов приёма — ежемесячный отчёт подаёт объект приёма' });
    }
    if (!subjectId && found.length > 1) throw invalid({ field: 'subjectId', message: `Объект приёма: выберите объект (${found.map((f) => f.number).join(', ')})` });
    const f = found[0];
    return { id: f.id, name: `${f.number} «${f.name}»`, address: f.address };
  }
  if (def.kind === 'permit_closing') {
    if (!subjectId) throw invalid({ field: 'subjectId', message: 'Разрешение: укажите разрешение, по которому подаётся итоговый отчёт' });
    const p = await db
      .selectFrom('permits as p')
      .innerJoin('sites as s', 's.id', 'p.site_id')
      .select(['p.id', 'p.number', 'p.valid_from', 'p.valid_to', 's.name', 's.address'])
      .where('p.id', '=', subjectId)
      .where('p.producer_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!p) throw notFound('Разрешение не найдено');
    return { id: p.id, name: `разрешение № ${p.number}, ${p.name}`, address: p.address };
  }
  return null;
}

async function subjectOfRow(db: Q, kind: string, subjectId: string | null): Promise<Subject | null> {
  if (!subjectId) return null;
  if (kind === 'facility_monthly') {
    const f = await db.selectFrom('facilities').select(['id', 'number', 'name', 'address']).where('id', '=', subjectId).executeTakeFirst();
    return f ? { id: f.id, name: `${f.number} «${f.name}»`, address: f.address } : null;
  }
  const p = await db.selectFrom('permits as p').innerJoin('sites as s', 's.id', 'p.site_id').select(['p.id', 'p.number', 's.name', 's.address']).where('p.id', '=', subjectId).executeTakeFirst();
  return p ? { id: p.id, name: `разрешение № ${p.number}, ${p.name}`, address: p.address } : null;
}

// ---------------------------------------------------------------- periods

/** The period a new report covers: a month 'YYYY-MM', a year 'YYYY', or the permit's term. */
async function periodFor(db: Q, ctx: AppContext, def: ReportDefinition, period: string | undefined, subject: Subject | null): Promise<{ from: string; to: string }> {
  const today = moscowDate(ctx.now());
  if (def.period === 'permit') {
    const p = await db.selectFrom('permits').select(['valid_from', 'valid_to']).where('id', '=', subject!.id).executeTakeFirstOrThrow();
    return { from: p.valid_from, to: p.valid_to };
  }
  if (def.period === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(period ?? '');
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < 2000) throw invalid({ field: 'period', message: 'Отчётный период: укажите месяц в виде ГГГГ-ММ, например 2026-10' });
    const b = monthBounds(period!);
    if (b.from > today) throw invalid({ field: 'period', message: `Отчётный период: месяц ещё не начался (сегодня ${formatMoscowDate(ctx.now())})` });
    return b;
  }
  const m = /^(\d{4})$/.exec(period ?? '');
  if (!m || Number(m[1]) < 2000) throw invalid({ field: 'period', message: 'Отчётный период: укажите год в виде ГГГГ, например 2026' });
  const from = `${m[1]}-01-01`;
  if (from > today) throw invalid({ field: 'period', message: `Отчётный период: год ещё не начался (сегодня ${formatMoscowDate(ctx.now())})` });
  return { from, to: `${m[1]}-12-31` };
}

function checkFiler(actor: Actor, def: ReportDefinition) {
  if (def.kind === 'facility_monthly' && !hasRole(actor, 'facility')) throw invalid({ field: 'kind', message: 'Вид отчёта: ежемесячный отчёт подаёт объект приёма' });
  if (def.kind === 'permit_closing' && !hasRole(actor, 'producer')) throw invalid({ field: 'kind', message: 'Вид отчёта: итоговый отчёт по разрешению подаёт держатель разрешения' });
  if (def.kind === 'tp2_waste' && !hasRole(actor, 'producer') && !hasRole(actor, 'facility')) {
    throw invalid({ field: 'kind', message: 'Вид отчёта: форму 2-ТП (отходы) подаёт образователь отходов или объект приёма' });
  }
}

// ---------------------------------------------------------------- the card

export interface ReportCard {
  id: string;
  kind: ReportKind;
  kindTitle: string;
  title: string;
  definitionVersion: number;
  periodFrom: string;
  periodTo: string;
  periodText: string;
  deadline: string;
  overdue: boolean;
  status: ReportStatus;
  statusLabel: string;
  number: string | null;
  filedVersion: number;
  revision: number;
  organization: { id: string; name: string; inn: string };
  subject: Subject | null;
  columns: { key: string; label: string; unit: string; prefill: string | null; readOnly: boolean; required: boolean }[];
  rows: {
    code: string;
    name: string;
    hazardClass: number;
    facilityId: string | null;
    facilityName: string | null;
    values: Record<string, string | null>;
    prefilled: Record<string, string | null>;
    sources: Record<string, 'prefilled' | 'changed' | 'entered' | 'empty'>;
  }[];
  basis: string[];
  errors: FieldError[];
  returnReason: string | null;
  returnedAt: string | null;
  files: { id: string; name: string; type: string; bytes: number; version: number | null; uploadedAt: string }[];
  versions: {
    id: string;
    version: number;
    submittedAt: string;
    submittedBy: string | null;
    late: boolean;
    rows: { code: string; facilityId: string | null; values: Record<string, string | null> }[];
    pdf: { url: string; signatureUrl: string; code: string; verifyUrl: string } | null;
  }[];
  can: { edit: boolean; submit: boolean; correct: boolean; correctionNeedsConsent: boolean };
}

type ReportRowDb = Awaited<ReturnType<typeof loadRow>>;

async function loadRow(db: Q, actor: Actor, id: string, forUpdate = false) {
  let q = db.selectFrom('reports as r').selectAll('r').where('r.id', '=', id).where(reportVisible(actor, 'r'));
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('Отчёт не найден');
  return r;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Who a cell's figure is from: as the system prefilled it, changed by the person, entered, or empty. */
function sourceOf(value: string | null, prefilled: string | null | undefined, hasPrefill: boolean): 'prefilled' | 'changed' | 'entered' | 'empty' {
  if (hasPrefill && prefilled !== null && prefilled !== undefined) return value === prefilled ? 'prefilled' : 'changed';
  return value === null ? 'empty' : 'entered';
}

const rowKey = (r: { code: string; facilityId?: string | null }) => `${r.code}|${r.facilityId ?? ''}`;

export async function reportCard(ctx: AppContext, actor: Actor, r: ReportRowDb, db: Q = ctx.db): Promise<ReportCard> {
  const def = definitionFor(r.kind as ReportKind, r.period_from, r.definition_version);
  const data = r.data;
  const prefill = r.prefill as Prefill;
  const [org, subject, versions, files] = await Promise.all([
    db.selectFrom('organizations').select(['id', 'name', 'short_name', 'inn']).where('id', '=', r.organization_id).executeTakeFirstOrThrow(),
    subjectOfRow(db, r.kind, r.subject_id),
    db
      .selectFrom('report_versions as v')
      .leftJoin('persons as p', 'p.id', 'v.submitted_by')
      .select(['v.id', 'v.version', 'v.data', 'v.submitted_at', 'v.late', 'v.pdf_key', 'p.full_name'])
      .where('v.report_id', '=', r.id)
      .orderBy('v.version', 'desc')
      .execute(),
    db.selectFrom('report_files').selectAll().where('report_id', '=', r.id).where('removed_at', 'is', null).orderBy('uploaded_at').execute(),
  ]);
  const codes = [...new Set([...data.rows, ...versions.flatMap((v) => v.data.rows)].map((x) => x.code))];
  const facilityIds = [...new Set([...data.rows, ...versions.flatMap((v) => v.data.rows)].map((x) => x.facilityId).filter((x): x is string => !!x))];
  const [wastes, facilities] = await Promise.all([
    codes.length ? db.selectFrom('waste_types').select(['code', 'name', 'hazard_class']).where('code', 'in', codes).execute() : Promise.resolve([]),
    facilityIds.length ? db.selectFrom('facilities').select(['id', 'number', 'name']).where('id', 'in', facilityIds).execute() : Promise.resolve([]),
  ]);
  const wasteOf = new Map(wastes.map((w) => [w.code, w]));
  const facilityNames = Object.fromEntries(facilities.map((f) => [f.id, `${f.number} «${f.name}»`]));
  const prefilledRows = new Map(prefill.rows.map((p) => [rowKey(p), p]));
  const today = moscowDate(ctx.now());
  const deadline = deadlineOf(def, r.period_to);
  const editable = r.status !== 'submitted' && actor.organizationId === r.organization_id;
  const docs = await Promise.all(versions.map((v) => (v.pdf_key ? documentOf(db, 'report', v.id) : Promise.resolve(undefined))));
  return {
    id: r.id,
    kind: def.kind,
    kindTitle: KIND_TITLES[def.kind],
    title: def.title,
    definitionVersion: def.version,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    periodText: periodText(def, r.period_from, r.period_to),
    deadline,
    overdue: r.filed_version === 0 && today > deadline,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    number: r.number,
    filedVersion: r.filed_version,
    revision: r.revision,
    organization: { id: org.id, name: org.short_name ?? org.name, inn: org.inn },
    subject,
    columns: def.columns.map((c) => ({ key: c.key, label: c.label, unit: c.unit, prefill: c.prefill ?? null, readOnly: !!c.readOnly, required: c.required })),
    rows: data.rows.map((row) => {
      const p = prefilledRows.get(rowKey(row));
      const w = wasteOf.get(row.code);
      return {
        code: row.code,
        name: w?.name ?? '',
        hazardClass: w?.hazard_class ?? Number(row.code.slice(-1)),
        facilityId: row.facilityId ?? null,
        facilityName: row.facilityId ? (facilityNames[row.facilityId] ?? null) : null,
        values: Object.fromEntries(def.columns.map((c) => [c.key, row.values[c.key] ?? null])),
        prefilled: Object.fromEntries(def.columns.filter((c) => c.prefill).map((c) => [c.key, p?.values[c.key] ?? null])),
        sources: Object.fromEntries(def.columns.map((c) => [c.key, sourceOf(row.values[c.key] ?? null, p?.values[c.key], !!c.prefill && !!p)])),
      };
    }),
    basis: prefill.basis ?? [],
    errors: editable ? checkReport(def, data, facilityNames) : [],
    returnReason: r.return_reason,
    returnedAt: iso(r.returned_at),
    files: files.map((f) => ({ id: f.id, name: f.file_name, type: f.file_type, bytes: Number(f.size_bytes), version: f.version, uploadedAt: iso(f.uploaded_at)! })),
    versions: versions.map((v, i) => ({
      id: v.id,
      version: v.version,
      submittedAt: iso(v.submitted_at)!,
      submittedBy: v.full_name ?? null,
      late: v.late,
      rows: v.data.rows.map((x) => ({ code: x.code, facilityId: x.facilityId ?? null, values: x.values })),
      pdf:
        v.pdf_key && docs[i]
          ? { url: `/api/reports/${r.id}/versions/${v.id}/files/pdf`, signatureUrl: `/api/reports/${r.id}/versions/${v.id}/files/pdf.sig`, code: docs[i]!.code, verifyUrl: verificationUrl(ctx.config, docs[i]!.code) }
          : null,
    })),
    can: {
      edit: editable,
      submit: editable && actor.rights.has('submit'),
      correct: r.status === 'submitted' && actor.organizationId === r.organization_id && today <= deadline,
      correctionNeedsConsent: r.status === 'submitted' && today > deadline,
    },
  };
}

export async function getReport(ctx: AppContext, actor: Actor, id: string): Promise<ReportCard> {
  return reportCard(ctx, actor, await loadRow(ctx.db, actor, id));
}

// ---------------------------------------------------------------- «Отчётность»: my reports and the due ones

export interface DueReport {
  kind: ReportKind;
  kindTitle: string;
  period: string;
  periodText: string;
  subjectId: string | null;
  subjectName: string | null;
  deadline: string;
  overdue: boolean;
  reportId: string | null;
  /** The first day of the period (the due key's part; not in the API answer). */
  periodFrom?: string;
}

export interface ReportListItem {
  id: string;
  kind: ReportKind;
  kindTitle: string;
  periodFrom: string;
  periodTo: string;
  periodText: string;
  subjectName: string | null;
  status: ReportStatus;
  statusLabel: string;
  number: string | null;
  filedVersion: number;
  deadline: string;
  overdue: boolean;
  updatedAt: string;
}

/** Reports due for the organization: periods ended whose report is not filed yet (the last 12 months; the last year; ended permits). */
export async function dueReports(db: Q, organizationId: string, orgRoles: readonly string[], today: string): Promise<DueReport[]> {
  const due: DueReport[] = [];
  const filed = await db.selectFrom('reports').select(['id', 'kind', 'period_from', 'subject_id', 'filed_version']).where('organization_id', '=', organizationId).execute();
  const find = (kind: string, from: string, subject: string | null) => filed.find((f) => f.kind === kind && f.period_from === from && (f.subject_id ?? null) === subject);
  const push = (kind: ReportKind, period: string, from: string, to: string, subjectId: string | null, subjectName: string | null) => {
    const f = find(kind, from, subjectId);
    if (f && f.filed_version > 0) return;
    const def = definitionFor(kind, from);
    const deadline = deadlineOf(def, to);
    due.push({ kind, kindTitle: KIND_TITLES[kind], period, periodText: periodText(def, from, to), subjectId, subjectName, deadline, overdue: today > deadline, reportId: f?.id ?? null, periodFrom: from });
  };
  const lastMonth = (() => {
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7));
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();
  if (orgRoles.includes('facility')) {
    const objects = await sql<{ id: string; number: string; name: string; first: string | null }>`
      select f.id, f.number, f.name,
             (select to_char(min(t.unloaded_at) at time zone 'Europe/Moscow', 'YYYY-MM') from trips t where t.facility_object_id = f.id) as first
        from facilities f where f.organization_id = ${organizationId} and f.archived_at is null order by f.number`.execute(db);
    for (const o of objects.rows) {
      if (!o.first) continue;
      let [y, m] = lastMonth.split('-').map(Number);
      for (let i = 0; i < 12; i++) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        if (month < o.first) break;
        const b = monthBounds(month);
        push('facility_monthly', month, b.from, b.to, o.id, `${o.number} «${o.name}»`);
        m -= 1;
        if (m === 0) {
          m = 12;
          y -= 1;
        }
      }
    }
  }
  if (orgRoles.includes('producer')) {
    const ended = await sql<{ id: string; number: string; valid_from: string; valid_to: string; name: string }>`
      select p.id, p.number, p.valid_from::text, p.valid_to::text, s.name from permits p join sites s on s.id = p.site_id
       where p.producer_id = ${organizationId} and (p.valid_to < ${today} or p.status <> 'active')
         and exists (select 1 from trips t where t.permit_id = p.id) order by p.valid_to desc limit 50`.execute(db);
    for (const p of ended.rows) push('permit_closing', p.number, p.valid_from, p.valid_to, p.id, `разрешение № ${p.number}, ${p.name}`);
  }
  if (orgRoles.includes('producer') || orgRoles.includes('facility')) {
    const year = Number(today.slice(0, 4)) - 1;
    const any = await sql<{ n: number }>`
      select 1 as n from trips t where t.unloaded_at >= ${`${year}-01-01`}::date and t.unloaded_at < ${`${year + 1}-01-01`}::date
         and (t.facility_id = ${organizationId} or exists (select 1 from sites s where s.id = t.site_id and s.producer_id = ${organizationId})) limit 1`.execute(db);
    if (any.rows.length) push('tp2_waste', String(year), `${year}-01-01`, `${year}-12-31`, null, null);
  }
  return due.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

export async function listReports(ctx: AppContext, actor: Actor): Promise<{ items: ReportListItem[]; due: DueReport[] }> {
  const rows = await ctx.db.selectFrom('reports').selectAll().where('organization_id', '=', actor.organizationId).orderBy('period_from', 'desc').orderBy('kind').limit(500).execute();
  const today = moscowDate(ctx.now());
  const items: ReportListItem[] = [];
  for (const r of rows) {
    const def = definitionFor(r.kind as ReportKind, r.period_from, r.definition_version);
    const subject = await subjectOfRow(ctx.db, r.kind, r.subject_id);
    const deadline = deadlineOf(def, r.period_to);
    items.push({
      id: r.id,
      kind: def.kind,
      kindTitle: KIND_TITLES[def.kind],
      periodFrom: r.period_from,
      periodTo: r.period_to,
      periodText: periodText(def, r.period_from, r.period_to),
      subjectName: subject?.name ?? null,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      number: r.number,
      filedVersion: r.filed_version,
      deadline,
      overdue: r.filed_version === 0 && today > deadline,
      updatedAt: iso(r.updated_at)!,
    });
  }
  return { items, due: await dueReports(ctx.db, actor.organizationId, actor.orgRoles, today) };
}

// ---------------------------------------------------------------- create, save

export interface CreateInput {
  kind: ReportKind;
  period?: string;
  subjectId?: string;
}

/** Creates the report for the period, prefilled; answers the existing one when it is there already. */
export async function createReport(ctx: AppContext, o: { actor: Actor; input: CreateInput } & Meta): Promise<{ card: ReportCard; created: boolean }> {
  const { actor, input } = o;
  const probe = definitionFor(input.kind, '9999-12-31');
  checkFiler(actor, probe);
  return ctx.db.transaction().execute(async (trx) => {
    const subject = await subjectFor(trx, actor, probe, input.subjectId);
    const period = await periodFor(trx, ctx, probe, input.period, subject);
    const def = definitionFor(input.kind, period.from);
    await sql`select pg_advisory_xact_lock(hashtext(${`report:${actor.organizationId}:${def.kind}:${period.from}:${subject?.id ?? ''}`}))`.execute(trx);
    const existing = await trx
      .selectFrom('reports as r')
      .selectAll('r')
      .where('r.organization_id', '=', actor.organizationId)
      .where('r.kind', '=', def.kind)
      .where('r.period_from', '=', period.from)
      .where(sql<boolean>`r.subject_id is not distinct from ${subject?.id ?? null}::uuid`)
      .executeTakeFirst();
    if (existing) return { card: await reportCard(ctx, actor, existing, trx), created: false };
    const prefill = await computePrefill(trx, def, { organizationId: actor.organizationId, subjectId: subject?.id ?? null, periodFrom: period.from, periodTo: period.to });
    const now = ctx.now();
    const row = await trx
      .insertInto('reports')
      .values({
        organization_id: actor.organizationId,
        kind: def.kind,
        definition_version: def.version,
        period_from: period.from,
        period_to: period.to,
        subject_id: subject?.id ?? null,
        data: JSON.stringify({ rows: prefill.rows }),
        prefill: JSON.stringify(prefill),
        prefilled_at: now,
        created_by: actor.personId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'report.created', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'report', subjectId: row.id, ip: o.ip, userAgent: o.userAgent, details: { kind: def.kind, period: period.from } });
    return { card: await reportCard(ctx, actor, row, trx), created: true };
  });
}

export interface SaveInput {
  revision: number;
  rows: { code: string; facilityId?: string | null; values: Record<string, string | null> }[];
}

function conflictIfStale(r: ReportRowDb, revision: number) {
  if (revision === r.revision) return;
  throw new AppError(
    'report_conflict',
    `Отчёт уже изменён в другом окне или другим пользователем (ваша редакция ${revision}, сохранённая — ${r.revision}). Обновите страницу и внесите изменения снова`,
    [{ field: 'revision', message: `Редакция отчёта: сохранена редакция ${r.revision}, а изменение сделано в редакции ${revision}` }],
    { currentRevision: r.revision },
  );
}

function checkEditable(actor: Actor, r: ReportRowDb) {
  if (r.organization_id !== actor.organizationId) throw notFound('Отчёт не найден');
  if (r.status === 'submitted') throw new AppError('report_status', `Отчёт № ${r.number} подан; чтобы изменить его, начните исправление (будет новая версия)`);
}

/** The rows typed by the person, checked field by field: codes, figures; read-only figures stay as the system computed them. */
async function cleanRows(db: Q, def: ReportDefinition, r: ReportRowDb, rows: SaveInput['rows']): Promise<ReportRow[]> {
  const errors: FieldError[] = [];
  if (rows.length > MAX_ROWS) throw invalid({ field: 'rows', message: `Строки отчёта: не более ${MAX_ROWS}` });
  const prefill = new Map((r.prefill as Prefill).rows.map((p) => [rowKey(p), p]));
  const seen = new Set<string>();
  const codes = [...new Set(rows.map((x) => x.code))].filter((c) => /^\d{11}$/.test(c));
  const known = new Set(codes.length ? (await db.selectFrom('waste_types').select('code').where('code', 'in', codes).execute()).map((w) => w.code) : []);
  const out: ReportRow[] = [];
  rows.forEach((row, i) => {
    const code = String(row.code ?? '').replace(/\s/g, '');
    if (!/^\d{11}$/.test(code)) errors.push({ field: `rows[${i}].code`, message: 'Код по ФККО: 11 цифр, например 8 11 100 01 49 5' });
    else if (!known.has(code)) errors.push({ field: `rows[${i}].code`, message: `Код по ФККО: кода ${formatFkkoCode(code)} нет в каталоге отходов строительства и сноса` });
    const facilityId = def.rowsBy === 'code_facility' ? (row.facilityId ?? null) : null;
    const key = rowKey({ code, facilityId });
    if (seen.has(key)) errors.push({ field: `rows[${i}].code`, message: `Код по ФККО: ${formatFkkoCode(code)} указан в отчёте дважды` });
    seen.add(key);
    const p = prefill.get(key);
    if (def.rowsBy === 'code_facility' && !p) errors.push({ field: `rows[${i}].code`, message: `Код по ФККО: строки ${formatFkkoCode(code)} нет в итогах разрешения — строки этого отчёта составляет система` });
    const values: Record<string, string | null> = {};
    for (const [k] of Object.entries(row.values ?? {})) {
      if (!def.columns.some((c) => c.key === k)) errors.push({ field: `rows[${i}].${k}`, message: `Поле «${k}»: в этом отчёте такого поля нет` });
    }
    for (const col of def.columns) {
      if (col.readOnly) {
        values[col.key] = p?.values[col.key] ?? null;
        continue;
      }
      const parsed = parseFigure(col, row.values?.[col.key]);
      if (!parsed.ok) errors.push({ field: `rows[${i}].${col.key}`, message: `${col.label} (${formatFkkoCode(code)}): ${parsed.error}` });
      else values[col.key] = parsed.value;
    }
    out.push({ code, ...(def.rowsBy === 'code_facility' ? { facilityId } : {}), values });
  });
  if (errors.length) throw invalid(errors);
  return out;
}

export async function saveReport(ctx: AppContext, o: { actor: Actor; id: string; input: SaveInput } & Meta): Promise<ReportCard> {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadRow(trx, o.actor, o.id, true);
    checkEditable(o.actor, r);
    conflictIfStale(r, o.input.revision);
    const def = definitionFor(r.kind as ReportKind, r.period_from, r.definition_version);
    const rows = await cleanRows(trx, def, r, o.input.rows);
    const updated = await trx
      .updateTable('reports')
      .set({ data: JSON.stringify({ rows }), revision: r.revision + 1, updated_at: ctx.now() })
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return reportCard(ctx, o.actor, updated, trx);
  });
}

// ---------------------------------------------------------------- submit, correct

export interface SubmitResult {
  number: string;
  version: number;
  submittedAt: string;
  late: boolean;
  card: ReportCard;
}

export async function submitReport(ctx: AppContext, o: { actor: Actor; id: string; input: { revision: number; confirm: boolean } } & Meta): Promise<SubmitResult> {
  const { actor } = o;
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadRow(trx, actor, o.id, true);
    checkEditable(actor, r);
    if (o.input.confirm !== true) throw invalid({ field: 'confirm', message: 'Подтверждение: подтвердите, что сведения отчёта верны, — после отправки отчёт изменяется только исправлением' });
    conflictIfStale(r, o.input.revision);
    const def = definitionFor(r.kind as ReportKind, r.period_from, r.definition_version);
    const now = ctx.now();
    const today = moscowDate(now);
    if (def.period !== 'permit' && today <= r.period_to) {
      throw new AppError('report_status', `Отчётный период (${periodText(def, r.period_from, r.period_to)}) ещё не закончился: отчёт можно отправить с ${formatMoscowDate(new Date(Date.parse(`${r.period_to}T12:00:00Z`) + 86_400_000))}`);
    }
    const facilityIds = r.data.rows.map((x) => x.facilityId).filter((x): x is string => !!x);
    const names = facilityIds.length ? await trx.selectFrom('facilities').select(['id', 'number', 'name']).where('id', 'in', facilityIds).execute() : [];
    const errors = checkReport(def, r.data, Object.fromEntries(names.map((f) => [f.id, `${f.number} «${f.name}»`])));
    if (errors.length) throw new AppError('report_invalid', `В отчёте ошибок: ${errors.length}. ${errors[0].message}`, errors);
    let number = r.number;
    if (!number) {
      const seq = await sql<{ n: string }>`select nextval('report_number_seq')::text as n`.execute(trx);
      number = `ОТЧ-${r.period_from.slice(0, 4)}-${seq.rows[0].n.padStart(6, '0')}`;
    }
    const version = r.filed_version + 1;
    const late = today > deadlineOf(def, r.period_to);
    const v = await trx
      .insertInto('report_versions')
      .values({ report_id: r.id, version, data: JSON.stringify(r.data), prefill: JSON.stringify(r.prefill), submitted_at: now, submitted_by: actor.personId, late })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('report_files').set({ version }).where('report_id', '=', r.id).where('version', 'is', null).where('removed_at', 'is', null).execute();
    const updated = await trx
      .updateTable('reports')
      .set({ status: 'submitted', filed_version: version, number, revision: r.revision + 1, updated_at: now, return_reason: null })
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const org = await trx.selectFrom('organizations').select(['name', 'short_name', 'inn', 'ogrn', 'kpp', 'address']).where('id', '=', r.organization_id).executeTakeFirstOrThrow();
    const subject = await subjectOfRow(trx, r.kind, r.subject_id);
    await reserveDocument(trx, {
      kind: 'report',
      subjectId: v.id,
      number: version > 1 ? `${number} (версия ${version})` : number,
      issuedAt: now,
      organizationId: r.organization_id,
      parties: { filer: { name: org.name, shortName: org.short_name, inn: org.inn, ogrn: org.ogrn, kpp: org.kpp, address: org.address }, subject, submittedBy: actor.personName },
      periodFrom: r.period_from,
      periodTo: r.period_to,
    });
    await enqueue(trx, renderReportJob, { versionId: v.id }, { jobKey: `reports.render:${v.id}` });
    await closeTasksAbout(trx, { kind: REPORT_TASK_KIND, ref: { dueKey: dueKeyOf(r.kind, r.organization_id, r.period_from, r.subject_id) }, now });
    await audit(trx, {
      action: version > 1 ? 'report.corrected' : 'report.submitted',
      personId: actor.personId,
      organizationId: actor.organizationId,
      subjectType: 'report',
      subjectId: r.id,
      ip: o.ip,
      userAgent: o.userAgent,
      details: { number, version, late },
    });
    return { number, version, submittedAt: now.toISOString(), late, card: await reportCard(ctx, actor, updated, trx) };
  });
}

/** The key of a due report (tasks and reminders name it). */
export function dueKeyOf(kind: string, organizationId: string, periodFrom: string, subjectId: string | null): string {
  return `${kind}:${organizationId}:${periodFrom}:${subjectId ?? ''}`;
}

/** Starts a correction of a filed report: until the deadline by the filer; after it only once the operator returned it. */
export async function openCorrection(ctx: AppContext, o: { actor: Actor; id: string } & Meta): Promise<ReportCard> {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadRow(trx, o.actor, o.id, true);
    if (r.organization_id !== o.actor.organizationId) throw notFound('Отчёт не найден');
    if (r.status !== 'submitted') throw new AppError('report_status', r.status === 'correction' ? 'Исправление отчёта уже начато' : 'Отчёт ещё не подан: измените черновик и отправьте его');
    const def = definitionFor(r.kind as ReportKind, r.period_from, r.definition_version);
    const deadline = deadlineOf(def, r.period_to);
    if (moscowDate(ctx.now()) > deadline) {
      throw new AppError('report_deadline', `Срок подачи отчёта № ${r.number} истёк ${formatMoscowDate(new Date(`${deadline}T12:00:00Z`))}: исправить его можно, только если оператор вернёт отчёт на исправление`);
    }
    const updated = await trx.updateTable('reports').set({ status: 'correction', revision: r.revision + 1, updated_at: ctx.now() }).where('id', '=', r.id).returningAll().executeTakeFirstOrThrow();
    await audit(trx, { action: 'report.correction', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'report', subjectId: r.id, ip: o.ip, userAgent: o.userAgent, details: { number: r.number, from: r.filed_version } });
    return reportCard(ctx, o.actor, updated, trx);
  });
}

export { loadRow };
