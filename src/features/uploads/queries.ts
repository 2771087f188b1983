/** Reads of uploads, always scoped to the acting organization (another's id → not found). */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { COUNT_CAP, cappedTotal, decodeKey, encodeKey, microsOf, timeOfMicros, type ListTotal } from '../../platform/db/keyset.js';
import type { FileProblem, UploadStatus } from './tables.js';

export interface UploadView {
  id: string;
  fileName: string;
  fileType: 'xlsx' | 'csv';
  sizeBytes: number;
  status: UploadStatus;
  statusText: string;
  totalRows: number | null;
  processedRows: number;
  progress: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  problems: FileProblem[];
  notes: FileProblem[];
  createdAt: string;
  finishedAt: string | null;
  originalUrl: string;
  resultUrl: string | null;
}

export const UPLOAD_STATUS_TEXT: Record<UploadStatus, string> = {
  queued: 'В очереди',
  processing: 'Обрабатывается',
  done: 'Обработан',
  refused: 'Файл не принят',
  failed: 'Ошибка обработки',
};

const COLUMNS = [
  'id',
  'file_name',
  'file_type',
  'size_bytes',
  'status',
  'total_rows',
  'processed_rows',
  'accepted',
  'rejected',
  'duplicates',
  'problems',
  'notes',
  'result_ready',
  'created_at',
  'finished_at',
] as const;

type Row = {
  id: string;
  file_name: string;
  file_type: 'xlsx' | 'csv';
  size_bytes: string;
  status: UploadStatus;
  total_rows: number | null;
  processed_rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  problems: FileProblem[];
  notes: FileProblem[];
  result_ready: boolean;
  created_at: Date;
  finished_at: Date | null;
};

function view(r: Row): UploadView {
  const done = r.status === 'done' || r.status === 'refused';
  const progress = done ? 1 : r.total_rows ? Math.min(0.99, r.processed_rows / Math.max(1, r.total_rows)) : 0;
  return {
    id: r.id,
    fileName: r.file_name,
    fileType: r.file_type,
    sizeBytes: Number(r.size_bytes),
    status: r.status,
    statusText: UPLOAD_STATUS_TEXT[r.status],
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    progress: Math.round(progress * 1000) / 1000,
    accepted: r.accepted,
    rejected: r.rejected,
    duplicates: r.duplicates,
    problems: r.problems,
    notes: r.notes,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    originalUrl: `/api/uploads/${r.id}/original`,
    resultUrl: r.result_ready ? `/api/uploads/${r.id}/result` : null,
  };
}

export async function getUpload(ctx: AppContext, actor: { organizationId: string }, id: string): Promise<UploadView | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const row = await ctx.db
    .selectFrom('uploads')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('organization_id', '=', actor.organizationId)
    .executeTakeFirst();
  return row ? view(row as Row) : null;
}

/**
 * The organization's upload log, newest first, by keyset (created_at desc, id desc) through
 * uploads_org_created_idx (organization_id, created_at desc); the total counted up to 1001.
 */
export function uploadListQueries(ctx: AppContext, actor: { organizationId: string }, q: { after?: string; pageSize: number }) {
  const key = decodeKey(q.after, ['micros', 'uuid']);
  let items = ctx.db
    .selectFrom('uploads')
    .select(COLUMNS)
    .select(microsOf('created_at').as('sort_micros'))
    .where('organization_id', '=', actor.organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.pageSize + 1);
  if (key) items = items.where(sql<boolean>`(created_at, id) < (${timeOfMicros(key[0])}, ${key[1]}::uuid)`);
  const count = ctx.db
    .selectFrom((eb) => eb.selectFrom('uploads').select('id').where('organization_id', '=', actor.organizationId).limit(COUNT_CAP + 1).as('capped'))
    .select(sql<number>`count(*)::int`.as('n'));
  return { items, count };
}

export async function listUploads(
  ctx: AppContext,
  actor: { organizationId: string },
  q: { after?: string; pageSize: number },
): Promise<{ items: UploadView[]; nextCursor: string | null; total: ListTotal }> {
  const { items, count } = uploadListQueries(ctx, actor, q);
  const [rows, total] = await Promise.all([items.execute(), count.executeTakeFirstOrThrow()]);
  const more = rows.length > q.pageSize;
  const page = more ? rows.slice(0, q.pageSize) : rows;
  const last = page[page.length - 1];
  return { items: page.map((r) => view(r as unknown as Row)), nextCursor: more ? encodeKey([last.sort_micros, last.id]) : null, total: cappedTotal(total.n) };
}
