/**
 * Receipt decisions from a file (XLSX or CSV): «Номер рейса», «Решение»
 * (Принять / Отклонить), «Масса, т», «Причина». Synchronous (at most
 * MAX_RECEIPT_ROWS rows), read with the spreadsheet kit like trip uploads
 * (type by content, the zip guard, bounded streaming readers; every fault of
 * the file a 422 naming it) and with the same row-level reporting: every
 * row's problems, each naming its column. Only the four columns are kept
 * (each clipped), so memory stays small whatever else the file holds. Valid
 * rows are applied in one transaction.
 */
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { cellText, columnLetter, ownString, type Cell } from '../../platform/spreadsheet/cells.js';
import { headerWord, readHeadedTable, type HeadedRow, type HeaderColumn } from '../../platform/spreadsheet/headed-table.js';
import { groupDigits } from '../../platform/spreadsheet/refusal.js';
import type { ReceivedFile } from '../uploads/receive-file.js';
import { checkDecision, decide, type Decision } from './receipts.js';

export const MAX_RECEIPT_ROWS = 10_000;
/** Characters kept of a cell: a reason may have 1 000 (one more tells it is too long), the other columns far fewer. */
const KEEP_CHARS: Record<'tripId' | 'decision' | 'mass' | 'reason', number> = { tripId: 100, decision: 100, mass: 100, reason: 1001 };

type Col = 'tripId' | 'decision' | 'mass' | 'reason';
const COLUMNS: Array<HeaderColumn<Col>> = [
  { col: 'tripId', header: 'Номер рейса', required: true, aliases: ['Рейс', '№ рейса', 'ID рейса', 'Идентификатор рейса'] },
  { col: 'decision', header: 'Решение', required: true, aliases: ['Принять или отклонить', 'Статус'] },
  { col: 'mass', header: 'Масса, т', required: false, aliases: ['Масса', 'Масса т', 'Масса по весам, т', 'Масса фактическая, т', 'Вес, т'] },
  { col: 'reason', header: 'Причина', required: false, aliases: ['Причина отказа', 'Причина отклонения'] },
];
export const RECEIPT_HEADERS = COLUMNS.map((c) => c.header);
const LABEL: Record<Col, string> = { tripId: 'Номер рейса', decision: 'Решение', mass: 'Масса, т', reason: 'Причина' };

const CONFIRM = new Set(['принять', 'принят', 'принято', 'подтвердить', 'подтверждено', 'подтверждаю', 'да', 'confirm', 'confirmed']);
const REJECT = new Set(['отклонить', 'отклонен', 'отклонено', 'отказ', 'отказать', 'нет', 'reject', 'rejected']);

export interface ReceiptRowResult {
  row: number;
  tripId: number | null;
  outcome: 'confirmed' | 'rejected' | 'unchanged' | 'error';
  errors: FieldError[];
}

export interface ReceiptUploadResult {
  rows: number;
  applied: number;
  unchanged: number;
  errors: number;
  results: ReceiptRowResult[];
}

export async function uploadReceipts(ctx: AppContext, actor: Actor, file: ReceivedFile): Promise<ReceiptUploadResult> {
  const { header, rows } = await readHeadedTable(file, {
    columns: COLUMNS,
    maxRows: MAX_RECEIPT_ROWS,
    rowCapMessage: `Файл: не более ${groupDigits(MAX_RECEIPT_ROWS)} строк в одном файле решений о приёме`,
    keep: (c, col) => keep(c, KEEP_CHARS[col]),
  });
  return applyRows(ctx, actor, header, rows);
}

/** A cell as kept: strings clipped to `n` characters and copied out of the parser's chunk. */
function keep(c: Cell | undefined, n: number): Cell {
  if (c === undefined) return null;
  return typeof c === 'string' ? ownString(c.length > n ? c.slice(0, n) : c) : c;
}

/** `rows` hold the four columns' cells; `file` maps them to the file's columns (for cell addresses). */
async function applyRows(ctx: AppContext, actor: Actor, file: Map<Col, number>, rows: HeadedRow<Col, Cell>[]): Promise<ReceiptUploadResult> {
  const data = rows;
  const results: ReceiptRowResult[] = [];
  const seen = new Map<number, number>();
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of data) {
      const get = (c: Col): Cell => r.values[c] ?? null;
      const errors: FieldError[] = [];
      const f = (c: Col, message: string) => errors.push({ field: `rows[${r.rowNumber}].${c}`, message: `${LABEL[c]}: ${message}` });
      for (const c of ['tripId', 'decision', 'mass', 'reason'] as Col[]) {
        const v = get(c);
        if (v !== null && typeof v === 'object' && !(v instanceof Date)) f(c, `в ячейке ${columnLetter(file.get(c)!)}${r.rowNumber} формула или ошибка; вставьте значение`);
      }
      const rawId = cellText(get('tripId'));
      const tripId = /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
      if (!rawId) f('tripId', 'обязательное поле');
      else if (tripId === null) f('tripId', `«${rawId.slice(0, 30)}» не является номером рейса (целое число)`);
      else if (seen.has(tripId)) f('tripId', `рейс ${tripId} уже указан в строке ${seen.get(tripId)}`);
      if (tripId !== null && !seen.has(tripId)) seen.set(tripId, r.rowNumber);
      const word = headerWord(cellText(get('decision')));
      let decision: Decision | null = null;
      if (!word) f('decision', 'обязательное поле («Принять» или «Отклонить»)');
      else if (CONFIRM.has(word)) decision = { kind: 'confirm', mass: get('mass') as unknown };
      else if (REJECT.has(word)) decision = { kind: 'reject', reason: cellText(get('reason')) };
      else f('decision', `«${cellText(get('decision')).slice(0, 30)}» — укажите «Принять» или «Отклонить»`);
      let checked: ReturnType<typeof checkDecision> | null = null;
      if (decision) {
        checked = checkDecision(decision, `rows[${r.rowNumber}].`);
        errors.push(...checked.errors);
      }
      if (errors.length || !decision || !checked || tripId === null) {
        results.push({ row: r.rowNumber, tripId, outcome: 'error', errors });
        continue;
      }
      try {
        const out = await decide(
          trx,
          ctx,
          actor,
          tripId,
          decision.kind === 'confirm' ? { kind: 'confirm', mass: checked.mass! } : { kind: 'reject', reason: checked.reason! },
        );
        results.push({ row: r.rowNumber, tripId, outcome: out.unchanged ? 'unchanged' : out.receiptStatus === 'confirmed' ? 'confirmed' : 'rejected', errors: [] });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        results.push({ row: r.rowNumber, tripId, outcome: 'error', errors: [{ field: `rows[${r.rowNumber}].tripId`, message: `Номер рейса: ${e.detail ?? e.message}` }] });
      }
    }
  });
  return {
    rows: data.length,
    applied: results.filter((r) => r.outcome === 'confirmed' || r.outcome === 'rejected').length,
    unchanged: results.filter((r) => r.outcome === 'unchanged').length,
    errors: results.filter((r) => r.outcome === 'error').length,
    results,
  };
}
