/**
 * Ordering a statement: checks the input, fixes its content (the formation
 * cutoff and the newest trip id at this moment), and — in the caller's
 * transaction — records it, closes the form task, writes the audit event and
 * enqueues the generation job.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { enqueue } from '../../platform/jobs/index.js';
import { formationCutoff } from '../../domain/formation.js';
import { checkPeriod } from '../period-input.js';
import { generateStatementJob } from './jobs.js';
import { closeTask, openTaskOfKind, type TaskRow } from '../tasks/tasks.js';
import { reserveDocument } from '../../platform/documents/registry.js';
import { snapshotParties } from './queries.js';
import { formatDateRu } from '../../domain/period.js';

export interface OrderStatementInput {
  siteId: string;
  from: string;
  to: string;
  permitIds: string[];
  taskId?: string;
}

export interface OrderedStatement {
  id: string;
  number: string;
  status: 'queued';
}

export async function orderStatement(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; input: OrderStatementInput; ip?: string | null; userAgent?: string | null },
): Promise<OrderedStatement> {
  const { ctx, actor, input } = o;
  const period = checkPeriod(ctx, input.from, input.to);
  // Only the site's producer orders its statements; any other site is "not found".
  const site = await trx
    .selectFrom('sites')
    .select(['id', 'name'])
    .where('id', '=', input.siteId)
    .where('producer_id', '=', actor.organizationId)
    .executeTakeFirst();
  if (!site) throw notFound('Объект образования ОСС не найден');

  const permitIds = [...new Set(input.permitIds)];
  if (permitIds.length === 0) throw invalid({ field: 'permitIds', message: 'Разрешения: выберите хотя бы одно разрешение' });

  const now = ctx.now();
  const cutoff = formationCutoff(now, ctx.config.tripFormationHours);
  const permits = await trx
    .selectFrom('permits as p')
    .select([
      'p.id',
      'p.number',
      'p.site_id',
      // Whether any trip is formed: an index probe (trips_permit_unloaded_idx), not a count.
      sql<boolean>`exists (select 1 from trips t where t.permit_id = p.id and t.site_id = ${site.id}
        and t.unloaded_at >= ${period.start} and t.unloaded_at < ${period.endExclusive} and t.unloaded_at <= ${cutoff})`.as('formed'),
    ])
    .where('p.id', 'in', permitIds)
    .execute();
  const byId = new Map(permits.map((p) => [p.id, p]));
  const errors: { field: string; message: string }[] = [];
  permitIds.forEach((id, i) => {
    const p = byId.get(id);
    if (!p || p.site_id !== site.id) {
      errors.push({ field: `permitIds[${i}]`, message: `Разрешения: разрешение ${p ? `№ ${p.number} ` : ''}не относится к объекту «${site.name}»` });
    } else if (!p.formed) {
      errors.push({ field: `permitIds[${i}]`, message: `Разрешения: по разрешению № ${p.number} нет сформированных рейсов за период с ${formatDateRu(period.from)} по ${formatDateRu(period.to)}` });
    }
  });
  if (errors.length) throw invalid(errors);

  // The parties as they are now: the document prints them so, whatever changes later (issue 12, Medium 8).
  const parties = await snapshotParties(trx, { producerId: actor.organizationId, siteId: site.id, permitIds });

  // The snapshot: trips up to the highest id now. SHARE mode waits for transactions still
  // inserting trips (their ids may be lower) and holds new inserts back for the rest of this
  // short transaction, so no trip with an id below the snapshot can commit after it.
  await sql`lock table trips in share mode`.execute(trx);
  const snap = await sql<{ max: number | null }>`select max(id) as max from trips`.execute(trx);
  const row = await trx
    .insertInto('statements')
    .values({
      number: sql<string>`'СП-' || to_char(${now}::timestamptz at time zone 'Europe/Moscow', 'YYYY') || '-' || lpad(nextval('statement_number_seq')::text, 6, '0')`,
      organization_id: actor.organizationId,
      site_id: site.id,
      period_from: period.from,
      period_to: period.to,
      permit_ids: sql<string[]>`${permitIds}::uuid[]`,
      ordered_by: actor.personId,
      ordered_at: now,
      formation_cutoff: cutoff,
      snapshot_max_trip_id: snap.rows[0]?.max ?? 0,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();

  const doc = await reserveDocument(trx, {
    kind: 'statement',
    subjectId: row.id,
    number: row.number,
    issuedAt: now,
    organizationId: actor.organizationId,
    parties: parties as unknown as Record<string, unknown>,
    periodFrom: period.from,
    periodTo: period.to,
  });

  if (input.taskId) {
    const closed = await closeTask(trx, actor, input.taskId, { now, kind: 'statement_form', payload: { statementId: row.id } });
    if (!closed) throw invalid({ field: 'taskId', message: 'Задача: открытая задача формирования сведений не найдена' });
  }

  await audit(trx, {
    action: 'statement.ordered',
    personId: actor.personId,
    organizationId: actor.organizationId,
    subjectType: 'statement',
    subjectId: row.id,
    ip: o.ip ?? null,
    userAgent: o.userAgent ?? null,
    details: { number: row.number, code: doc.code, siteId: site.id, from: period.from, to: period.to, permitIds },
  });
  await enqueue(trx, generateStatementJob, { statementId: row.id }, { jobKey: `statement:${row.id}` });
  return { id: row.id, number: row.number, status: 'queued' };
}

export const STATEMENT_FORM_TITLE = 'Формирование сведений о результатах перемещения ОСС';

/** «Госуслуги и функции» → «Формирование сведений…»: the person's open form task, or a new one. */
export function startStatementForm(ctx: AppContext, actor: Actor): Promise<TaskRow> {
  return ctx.db.transaction().execute((trx) => openTaskOfKind(trx, actor, 'statement_form', STATEMENT_FORM_TITLE));
}
