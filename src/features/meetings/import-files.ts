/**
 * What the meeting's imports from a table share — the register's (stage 2,
 * register.ts) and the owners' decisions (stage 4, votes-import.ts): the per-row
 * result file, built in memory (a house is a few thousand rows)
 * (every row as read, with «Результат» and «Причина», refused rows in the alert
 * style), the import's record in `meeting_imports` with the stored result, and
 * sending that result back.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { xlsxBuffer, type XlsxCellValue, type XlsxColumn } from '../../platform/spreadsheet/writer.js';
import { CONTENT_TYPES, fileStore } from '../../platform/files/index.js';
import { cellText, ownString, type Cell } from '../../platform/spreadsheet/cells.js';
import { meetingOf } from './guard.js';

export type ImportKind = 'register' | 'votes';

const RESULT_NAMES: Record<ImportKind, string> = { register: 'Результат загрузки реестра', votes: 'Результат загрузки решений собственников' };

export interface ResultRow {
  /** The row's number in the file. */
  row: number;
  /** The row's cells as read (in the order of `columns`). */
  cells: XlsxCellValue[];
  /** «Загружена», «Внесено», «Отклонена»…; `refused` rows are shown in the alert style. */
  result: string;
  refused: boolean;
  reasons: string[];
}

/** The per-row result file: «Строка», the file's columns, «Результат», «Причина». */
export function resultWorkbook(columns: { header: string; width?: number; type?: XlsxColumn['type'] }[], rows: Iterable<ResultRow>): Promise<Buffer> {
  return xlsxBuffer(async (w) => {
    const sheet = w.addSheet('Результат', {
      columns: [{ header: 'Строка', type: 'integer', width: 8 }, ...columns.map((c) => ({ width: 20, ...c })), { header: 'Результат', width: 16 }, { header: 'Причина', width: 80 }],
      frozenHeader: true,
      autoFilter: true,
      headerWrap: true,
    });
    for (const r of rows) {
      const wait = sheet.addRow([r.row, ...r.cells, r.result, r.reasons.join('; ')], { style: r.refused ? 'alert' : 'normal' });
      if (wait) await wait;
    }
  });
}

/** A result file's storage key. */
export const resultKey = (meetingId: string, kind: ImportKind, uuid: string) => `meetings/${meetingId}/${kind === 'register' ? 'import' : 'votes-import'}-${uuid}.xlsx`;

/**
 * Runs an import's write (its transaction) with `put`, which stores the result
 * file under `key`; the file is removed if the write fails after storing it.
 */
export async function withResultFile<T>(ctx: AppContext, key: string, write: (put: (file: Buffer) => Promise<{ bytes: number; sha256: string }>) => Promise<T>): Promise<T> {
  const store = fileStore(ctx.config);
  let stored = false;
  try {
    return await write(async (file) => {
      const r = await store.put(key, file);
      stored = true;
      return r;
    });
  } catch (e) {
    if (stored) await store.delete(key);
    throw e;
  }
}

/** The import's record, with its stored result file. */
export async function recordImport(
  trx: Transaction<Database>,
  o: { kind: ImportKind; meetingId: string; actor: Actor; fileName: string; total: number; accepted: number; key: string; stored: { bytes: number; sha256: string } },
): Promise<string> {
  const imp = await trx
    .insertInto('meeting_imports')
    .values({
      kind: o.kind,
      meeting_id: o.meetingId,
      organization_id: o.actor.organizationId,
      file_name: o.fileName,
      rows_total: o.total,
      rows_accepted: o.accepted,
      rows_refused: o.total - o.accepted,
      result_key: o.key,
      result_bytes: o.stored.bytes,
      result_sha256: o.stored.sha256,
      created_by: o.actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return imp.id;
}

/** The meeting's latest 20 imports of this kind, newest first. */
export async function listImports(db: Db, meetingId: string, kind: ImportKind) {
  return db.selectFrom('meeting_imports').selectAll().where('meeting_id', '=', meetingId).where('kind', '=', kind).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(20).execute();
}

/** The result file of an import of this kind, to send (the stored file, its name and type). */
export async function importResultFile(ctx: AppContext, actor: Actor, meetingId: string, importId: string, kind: ImportKind) {
  const m = await meetingOf(ctx.db, actor, meetingId);
  const r = await ctx.db.selectFrom('meeting_imports').select(['result_key']).where('id', '=', importId).where('meeting_id', '=', m.id).where('kind', '=', kind).executeTakeFirst();
  const file = r?.result_key ? await fileStore(ctx.config).get(r.result_key) : null;
  if (!file) throw notFound('Файл результата не найден');
  return { file, name: `${RESULT_NAMES[kind]} ${m.number}.xlsx`, type: CONTENT_TYPES.xlsx };
}

/** A cell of an uploaded row as the result file repeats it: its text (a formula's cached value), at most 1,000 characters. */
export function keptCell(c: Cell | undefined): string {
  if (c === undefined || c === null) return '';
  if (typeof c === 'number') return String(c);
  if (typeof c === 'object' && !(c instanceof Date)) return 'formula' in c ? (c.result === null || typeof c.result === 'object' ? '' : String(c.result)) : '';
  const t = cellText(c);
  return ownString(t.length > 1000 ? t.slice(0, 1000) : t);
}
