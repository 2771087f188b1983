/**
 * Receipt decisions from a file (XLSX or CSV): «Номер рейса», «Решение»
 * (Принять / Отклонить), «Масса, т», «Причина». Synchronous (at most
 * MAX_RECEIPT_ROWS rows), with the same file checks as trip uploads (type by
 * content, zip limits, streaming) and the same row-level reporting: every
 * row's problems, each naming its column. Valid rows are applied in one
 * transaction.
 */
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, type FieldError } from '../../platform/http/errors.js';
import { streamToTemp } from '../uploads/storage.js';
import { sniffFile } from '../uploads/sniff.js';
import { FileRefusal, groupDigits, prescan, readRows } from '../uploads/read-rows.js';
import { cellText, columnLetter, isBlankRow, type Cell } from '../uploads/columns.js';
import { checkDecision, decide, type Decision } from './receipts.js';

export const MAX_RECEIPT_ROWS = 10_000;

type Col = 'tripId' | 'decision' | 'mass' | 'reason';
const COLUMNS: Array<{ col: Col; header: string; required: boolean; aliases: string[] }> = [
  { col: 'tripId', header: 'Номер рейса', required: true, aliases: ['Рейс', '№ рейса', 'ID рейса', 'Идентификатор рейса'] },
  { col: 'decision', header: 'Решение', required: true, aliases: ['Принять или отклонить', 'Статус'] },
  { col: 'mass', header: 'Масса, т', required: false, aliases: ['Масса', 'Масса т', 'Масса по весам, т', 'Масса фактическая, т', 'Вес, т'] },
  { col: 'reason', header: 'Причина', required: false, aliases: ['Причина отказа', 'Причина отклонения'] },
];
export const RECEIPT_HEADERS = COLUMNS.map((c) => c.header);
const LABEL: Record<Col, string> = { tripId: 'Номер рейса', decision: 'Решение', mass: 'Масса, т', reason: 'Причина' };

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]/g, '');
const INDEX = new Map<string, Col>();
for (const c of COLUMNS) for (const h of [c.header, ...c.aliases]) INDEX.set(norm(h), c.col);

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

export async function uploadReceipts(ctx: AppContext, actor: Actor, file: Readable, isTruncated: () => boolean): Promise<ReceiptUploadResult> {
  let stored;
  try {
    stored = await streamToTemp(ctx.config, file, isTruncated);
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw e;
  }
  try {
    if (stored.truncated) throw tooLarge();
    const sniff = await sniffFile(stored.path, stored.head);
    if (!sniff.ok) throw invalid({ field: 'file', message: sniff.message });
    try {
      const pre = await prescan(stored.path, sniff.type);
      if (pre.rows > MAX_RECEIPT_ROWS + 1) {
        throw invalid({ field: 'file', message: `Файл: не более ${groupDigits(MAX_RECEIPT_ROWS)} строк в одном файле решений о приёме` });
      }
      const rows: Array<{ rowNumber: number; cells: Cell[] }> = [];
      for await (const r of readRows(stored.path, sniff.type, pre)) if (!isBlankRow(r.cells)) rows.push(r);
      return await applyRows(ctx, actor, rows);
    } catch (e) {
      if (e instanceof FileRefusal) throw invalid(e.problems.map((p) => ({ field: 'file', message: p.message })));
      throw e;
    }
  } finally {
    await fsp.rm(stored.path, { force: true });
  }
}

const tooLarge = () =>
  new AppError('payload_too_large', 'Файл: размер не должен превышать 50 МБ', [{ field: 'file', message: 'Файл: размер не должен превышать 50 МБ' }]);

async function applyRows(ctx: AppContext, actor: Actor, rows: Array<{ rowNumber: number; cells: Cell[] }>): Promise<ReceiptUploadResult> {
  if (!rows.length) throw invalid({ field: 'file', message: 'Файл: в файле нет строк' });
  const header = rows[0].cells.map(cellText);
  const index = new Map<Col, number>();
  header.forEach((h, i) => {
    const col = INDEX.get(norm(h));
    if (col && !index.has(col)) index.set(col, i);
  });
  const missing = COLUMNS.filter((c) => c.required && !index.has(c.col));
  if (missing.length) {
    throw invalid(
      missing.map((c) => ({ field: 'file', message: `Файл: нет столбца «${c.header}»; ожидаются столбцы ${RECEIPT_HEADERS.map((h) => `«${h}»`).join(', ')}` })),
    );
  }
  const data = rows.slice(1);
  const results: ReceiptRowResult[] = [];
  const seen = new Map<number, number>();
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of data) {
      const get = (c: Col): Cell => (index.has(c) ? (r.cells[index.get(c)!] ?? null) : null);
      const errors: FieldError[] = [];
      const f = (c: Col, message: string) => errors.push({ field: `rows[${r.rowNumber}].${c}`, message: `${LABEL[c]}: ${message}` });
      for (const c of ['tripId', 'decision', 'mass', 'reason'] as Col[]) {
        const v = get(c);
        if (v !== null && typeof v === 'object' && !(v instanceof Date)) f(c, `в ячейке ${columnLetter(index.get(c)!)}${r.rowNumber} формула или ошибка; вставьте значение`);
      }
      const rawId = cellText(get('tripId'));
      const tripId = /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
      if (!rawId) f('tripId', 'обязательное поле');
      else if (tripId === null) f('tripId', `«${rawId.slice(0, 30)}» не является номером рейса (целое число)`);
      else if (seen.has(tripId)) f('tripId', `рейс ${tripId} уже указан в строке ${seen.get(tripId)}`);
      if (tripId !== null && !seen.has(tripId)) seen.set(tripId, r.rowNumber);
      const word = norm(cellText(get('decision')));
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
