/**
 * Processing an upload (the `uploads.process` job):
 *
 *  1. the file is read once, whole, into a spool (platform/spreadsheet/spool.ts): the sheet
 *     «Рейсы» (or the first) of an XLSX, or a CSV, through the spreadsheet kit's bounded readers.
 *     Every fault of the file — a zip or XML trick, a limit, more than MAX_DATA_ROWS rows — is a
 *     refusal here, before a single row is recorded; the row count and merged ranges are known after;
 *  2. header — columns found by Russian names; a missing or repeated column refuses the file;
 *  3. rows in chunks of CHUNK_ROWS: each chunk is checked by `recordTrips` and committed in one
 *     transaction with its row outcomes (`upload_chunks`) and the upload's progress. A chunk
 *     already committed (by an earlier, interrupted run) is not processed again: its stored
 *     outcomes are used, so a retry continues after the last committed chunk and never doubles,
 *     and an accepted row never turns into a "duplicate" of itself;
 *  4. the result file (result-writer.ts) is written during the same pass over the spool (original
 *     cells + «Статус» + «Причины»), then «Итоги»; the upload is marked done and a notification is made.
 */
import fsp from 'node:fs/promises';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { isBlankRow, type MergeRange, type TableRow } from '../../platform/spreadsheet/cells.js';
import { FileRefusal } from '../../platform/spreadsheet/refusal.js';
import { readSpool, spoolTable, type Spool } from '../../platform/spreadsheet/spool.js';
import { readTable, sheetNamed } from '../../platform/spreadsheet/table.js';
import { notify } from '../notifications/notify.js';
import { recordTrips } from '../trips/record-trips.js';
import { MAX_DATA_ROWS, TRIPS_SHEET, TRIP_COLUMNS, mapHeader, normalizeRow, rowCapMessage, type ColumnMap, type NormalizedRow, type TripField } from './columns.js';
import { ResultWriter } from './result-writer.js';
import { originalKey, tempPath, uploadStore, uploadsDir } from './storage.js';
import type { FileProblem, RowOutcome } from './tables.js';

export const CHUNK_ROWS = 5_000;

const LABEL_OF = new Map<string, string>(TRIP_COLUMNS.map((c) => [c.field, c.header]));

export interface ProcessOptions {
  chunkRows?: number;
  /** Test hook: called after each chunk is committed (throw to simulate a crash). */
  afterChunk?: (chunk: number) => Promise<void> | void;
  /** Aborted when the job queue gives this run up (its lease passed to another run); checked before each chunk. */
  signal?: AbortSignal;
}

/** Runs (or continues) the processing of one upload. Safe to run twice. */
export async function processUpload(ctx: AppContext, uploadId: string, opts: ProcessOptions = {}): Promise<void> {
  const upload = await ctx.db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst();
  if (!upload || upload.status === 'done' || upload.status === 'refused') return;
  await ctx.db
    .updateTable('uploads')
    .set({ status: 'processing', started_at: sql`coalesce(started_at, now())` })
    .where('id', '=', uploadId)
    .execute();

  // Scratch files (the spool, the result being written) go to this machine's uploads directory, which a
  // worker with object storage has never needed before.
  await fsp.mkdir(uploadsDir(ctx.config), { recursive: true });
  // The original as a local file (itself on local disk, a copy from object storage) while it is spooled.
  const original = await uploadStore(ctx.config).localCopy(originalKey(uploadId));
  if (!original) throw new Error(`the file of upload ${uploadId} is not in the store`);
  let spool: Spool;
  try {
    const table = readTable(original.path, upload.file_type, {
      maxRows: MAX_DATA_ROWS + 1,
      rowCapMessage,
      pickSheet: sheetNamed(TRIPS_SHEET),
    });
    spool = await spoolTable(table, `${tempPath(ctx.config)}.rows`, (r) => !isBlankRow(r.cells));
  } catch (e) {
    if (e instanceof FileRefusal) return finishRefused(ctx, upload, e.problems);
    throw e;
  } finally {
    await original.release();
  }
  try {
    await ctx.db.updateTable('uploads').set({ total_rows: Math.max(0, spool.rows - 1) }).where('id', '=', uploadId).execute();
    await processRows(ctx, upload, spool, opts);
  } finally {
    await fsp.rm(spool.path, { force: true });
  }
}

type UploadRow = { id: string; organization_id: string; person_id: string | null; file_name: string; created_at: Date };

/** The rows of a spooled file: header, chunks, result file, the end. */
async function processRows(ctx: AppContext, upload: UploadRow, spool: Spool, opts: ProcessOptions): Promise<void> {
  const uploadId = upload.id;
  const chunkRows = opts.chunkRows ?? CHUNK_ROWS;

  const committed = new Set(
    (await ctx.db.selectFrom('upload_chunks').select('chunk').where('upload_id', '=', uploadId).execute()).map((r) => r.chunk),
  );
  const out = new ResultWriter(ctx, uploadId);
  /** Keys of accepted rows of this file → their row numbers (duplicates across chunks). */
  const seenNatural = new Map<string, number>();
  const seenExternal = new Map<string, number>();
  let map: ColumnMap | null = null;
  let buffer: TableRow[] = [];
  let chunk = 0;
  let dataRows = 0;

  /**
   * One chunk is checked and committed while the next is being read (the
   * database works on its own core meanwhile); chunks still commit in order,
   * and at most two are in memory.
   */
  let inFlight: Promise<void> = Promise.resolve();
  const handle = async (k: number, rows: TableRow[]) => {
    const merges = relevantMerges(spool.merges, rows[0].rowNumber, rows[rows.length - 1].rowNumber);
    const norm = rows.map((r) => normalizeRow(r.cells, r.rowNumber, map!, merges, (f) => fieldName(r.rowNumber, f)));
    let outcomes: RowOutcome[];
    opts.signal?.throwIfAborted();
    if (committed.has(k)) {
      outcomes = await loadChunk(ctx, uploadId, k);
    } else {
      outcomes = await commitChunk(ctx, upload, k, rows, norm, seenNatural, seenExternal);
      await opts.afterChunk?.(k);
    }
    outcomes.forEach((o, i) => {
      if (o[1] !== 'a') return;
      if (norm[i].naturalKey) seenNatural.set(norm[i].naturalKey!, rows[i].rowNumber);
      if (norm[i].externalKey) seenExternal.set(norm[i].externalKey!, rows[i].rowNumber);
    });
    for (const [i, r] of rows.entries()) {
      const wait = out.row(r.cells, outcomes[i]);
      if (wait) await wait;
    }
  };
  const flush = async () => {
    if (!buffer.length || !map) return;
    const rows = buffer;
    buffer = [];
    const k = chunk++;
    await inFlight;
    inFlight = handle(k, rows);
    inFlight.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile
  };

  try {
    for await (const row of readSpool(spool.path)) {
      if (!map) {
        const h = mapHeader(row.cells);
        if (!h.ok) throw new FileRefusal(h.problems);
        map = h.map;
        out.header(row.cells, map);
        continue;
      }
      dataRows++;
      buffer.push(row);
      if (buffer.length >= chunkRows) await flush();
    }
    if (!map) throw new FileRefusal([{ field: 'file', message: 'Файл: в файле нет строк — ни заголовков, ни данных' }]);
    await flush();
    await inFlight;
  } catch (e) {
    await inFlight.catch(() => {});
    await out.abort();
    if (e instanceof FileRefusal) return finishRefused(ctx, upload, e.problems);
    throw e;
  }

  const totals = await ctx.db
    .selectFrom('uploads')
    .select(['accepted', 'rejected', 'duplicates'])
    .where('id', '=', uploadId)
    .executeTakeFirstOrThrow();
  await out.finish({
    fileName: upload.file_name,
    createdAt: upload.created_at,
    rows: dataRows,
    accepted: totals.accepted,
    rejected: totals.rejected,
    duplicates: totals.duplicates,
    problems: [],
    notes: map!.notes,
  });
  await closeUpload(ctx, upload, {
    event: 'upload.processed',
    set: { status: 'done', total_rows: dataRows, notes: JSON.stringify(map!.notes) },
    title: `Загрузка «${upload.file_name}» обработана`,
    body: `Строк в файле: ${dataRows}; принято: ${totals.accepted}; отклонено: ${totals.rejected}. Скачайте файл результатов: в нём по каждой строке указано, принята она или почему нет.`,
    details: { rows: dataRows, accepted: totals.accepted, rejected: totals.rejected, duplicates: totals.duplicates },
  });
}

const fieldName = (rowNumber: number, f: TripField | string) => `rows[${rowNumber}].${f}`;

function relevantMerges(all: readonly MergeRange[], first: number, last: number): MergeRange[] {
  return all.filter((m) => m.bottom >= first && m.top <= last);
}

/** A message naming its column: recordTrips' messages mostly start with the label; duplicates get it here. */
function withColumn(e: FieldError): string {
  const field = e.field.split('.').pop() ?? '';
  const label = LABEL_OF.get(field);
  if (!label || e.message.startsWith(`${label}:`)) return e.message;
  return `${label}: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`;
}

async function loadChunk(ctx: AppContext, uploadId: string, k: number): Promise<RowOutcome[]> {
  const row = await ctx.db
    .selectFrom('upload_chunks')
    .select('outcomes')
    .where('upload_id', '=', uploadId)
    .where('chunk', '=', k)
    .executeTakeFirstOrThrow();
  return row.outcomes;
}

async function commitChunk(
  ctx: AppContext,
  upload: { id: string; organization_id: string },
  k: number,
  rows: TableRow[],
  norm: NormalizedRow[],
  seenNatural: Map<string, number>,
  seenExternal: Map<string, number>,
): Promise<RowOutcome[]> {
  return ctx.db.transaction().execute(async (trx) => {
    // Serialize with any other run of this upload; a chunk committed meanwhile is taken as it is.
    await trx.selectFrom('uploads').select('id').where('id', '=', upload.id).forUpdate().executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('upload_chunks')
      .select('outcomes')
      .where('upload_id', '=', upload.id)
      .where('chunk', '=', k)
      .executeTakeFirst();
    if (existing) return existing.outcomes;

    const result = await recordTrips(trx, {
      carrierId: upload.organization_id,
      trips: norm.map((n) => n.input),
      source: 'upload',
      now: ctx.now(),
      fieldPrefix: (i) => `rows[${rows[i].rowNumber}].`,
      preErrors: norm.map((n) => (n.errors.length ? n.errors : undefined)),
      describeTrip: (i) => `строку ${rows[i].rowNumber} этого файла`,
    });
    let accepted = 0;
    let rejected = 0;
    let duplicates = 0;
    const outcomes: RowOutcome[] = result.results.map((r, i) => {
      const rowNumber = rows[i].rowNumber;
      if (r.status === 'accepted') {
        accepted++;
        return [rowNumber, 'a', r.id, []];
      }
      let reasons = r.errors.map(withColumn);
      if (r.status === 'duplicate') {
        duplicates++;
        // A duplicate of a row accepted from an earlier chunk of this same file says so.
        const earlier =
          (norm[i].naturalKey && seenNatural.get(norm[i].naturalKey!)) || (norm[i].externalKey && seenExternal.get(norm[i].externalKey!));
        if (earlier) reasons = [`Время погрузки: рейс повторяет строку ${earlier} этого файла (то же ТС и время погрузки или тот же номер рейса)`];
        return [rowNumber, 'd', null, reasons];
      }
      rejected++;
      return [rowNumber, 'r', null, reasons];
    });
    await trx
      .insertInto('upload_chunks')
      .values({
        upload_id: upload.id,
        chunk: k,
        first_row: rows[0].rowNumber,
        row_count: rows.length,
        accepted,
        rejected,
        duplicates,
        outcomes: JSON.stringify(outcomes),
      })
      .execute();
    await trx
      .updateTable('uploads')
      .set((eb) => ({
        processed_rows: eb('processed_rows', '+', rows.length),
        accepted: eb('accepted', '+', accepted),
        rejected: eb('rejected', '+', rejected + duplicates),
        duplicates: eb('duplicates', '+', duplicates),
      }))
      .where('id', '=', upload.id)
      .execute();
    return outcomes;
  });
}

/** Ends an upload with a file-level refusal: a result file with the reasons, a notification. */
async function finishRefused(ctx: AppContext, upload: UploadRow, problems: FileProblem[]): Promise<void> {
  const out = new ResultWriter(ctx, upload.id);
  const totals = await ctx.db
    .selectFrom('uploads')
    .select(['accepted', 'rejected', 'duplicates', 'processed_rows'])
    .where('id', '=', upload.id)
    .executeTakeFirstOrThrow();
  await out.finish({
    fileName: upload.file_name,
    createdAt: upload.created_at,
    rows: totals.processed_rows,
    accepted: totals.accepted,
    rejected: totals.rejected,
    duplicates: totals.duplicates,
    problems,
    notes: [],
  });
  await closeUpload(ctx, upload, {
    event: 'upload.refused',
    set: { status: 'refused', problems: JSON.stringify(problems) },
    title: `Файл «${upload.file_name}» не принят`,
    body: problems.map((p) => p.message).join('\n'),
    details: { problems: problems.map((p) => p.message) },
  });
}

/**
 * An upload's last step, once: its row closed (`set`, the result file ready), the notice to who uploaded
 * it (by e-mail as `event`) and the audit event `event`. Nothing when another run closed it first.
 */
async function closeUpload(
  ctx: AppContext,
  upload: UploadRow,
  o: { event: 'upload.processed' | 'upload.refused'; set: { status: 'done' | 'refused'; total_rows?: number; notes?: string; problems?: string }; title: string; body: string; details: Record<string, unknown> },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('uploads')
      .set({ ...o.set, result_ready: true, finished_at: ctx.now() })
      .where('id', '=', upload.id)
      .where('status', 'not in', ['done', 'refused'])
      .returning('id')
      .executeTakeFirst();
    if (!updated) return;
    await notify(trx, ctx, { organizationId: upload.organization_id, personId: upload.person_id, title: o.title, body: o.body, link: `/uploads?id=${upload.id}`, email: o.event });
    await audit(trx, { action: o.event, organizationId: upload.organization_id, personId: upload.person_id, subjectType: 'upload', subjectId: upload.id, details: o.details });
  });
}

/** Marks an upload failed after its last attempt (an internal error, not the file's fault). */
export async function markFailed(ctx: AppContext, uploadId: string, message?: string): Promise<void> {
  const problems: FileProblem[] = [
    {
      field: 'file',
      message:
        message ??
        'Файл не удалось обработать из-за внутренней ошибки. Записанные строки сохранены; загрузите файл ещё раз позже — повторно ничего не запишется',
    },
  ];
  await ctx.db
    .updateTable('uploads')
    .set({ status: 'failed', problems: JSON.stringify(problems), finished_at: ctx.now() })
    .where('id', '=', uploadId)
    .where('status', 'not in', ['done', 'refused'])
    .execute();
}

