/**
 * A table read once, whole, before anything is done with it: the rows go to a
 * spool file on disk (length-prefixed v8-serialized batches of rows, each
 * batch at most BATCH_ROWS rows or about BATCH_CHARS characters) as they are read,
 * so memory stays flat; when the reading ends without a refusal, the row
 * count and merged ranges are known and the rows are replayed from the spool.
 *
 * This is what lets a bulk upload refuse a bad file — too many rows, an XML
 * trick at row 150 000, a cell that is too long — before a single row is
 * recorded, in a single pass over the file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import v8 from 'node:v8';
import type { MergeRange, TableRow } from './cells.js';
import type { TableReader } from './table.js';

const BATCH_ROWS = 256;
const BATCH_CHARS = 512 * 1024;

export interface Spool {
  path: string;
  /** Rows spooled. */
  rows: number;
  merges: MergeRange[];
  sheetName: string | null;
}

/** Reads `table` through into a new file `path`, keeping the rows `keep` accepts. Removes the file on failure. */
export async function spoolTable(table: TableReader, path: string, keep: (row: TableRow) => boolean = () => true): Promise<Spool> {
  const out = fs.createWriteStream(path, { flags: 'wx', mode: 0o600, highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  let rows = 0;
  let batch: TableRow[] = [];
  let chars = 0;
  const flush = async () => {
    if (!batch.length) return;
    const body = v8.serialize(batch);
    batch = [];
    chars = 0;
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32LE(body.length, 0);
    out.write(head);
    if (!out.write(body)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
  };
  try {
    for await (const row of table.rows()) {
      if (!keep(row)) continue;
      batch.push(row);
      rows++;
      for (const c of row.cells) chars += typeof c === 'string' ? c.length : 8;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    }
    await flush();
    await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
  } catch (e) {
    out.destroy();
    await fsp.rm(path, { force: true });
    throw e;
  }
  return { path, rows, merges: [...table.merges], sheetName: table.sheetName };
}

/** The rows of a spool, in order. */
export async function* readSpool(path: string): AsyncGenerator<TableRow> {
  let buf: Buffer = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1 << 20 })) {
    buf = buf.length ? Buffer.concat([buf, chunk as Buffer]) : (chunk as Buffer);
    let at = 0;
    while (buf.length - at >= 4) {
      const len = buf.readUInt32LE(at);
      if (buf.length - at - 4 < len) break;
      yield* v8.deserialize(buf.subarray(at + 4, at + 4 + len)) as TableRow[];
      at += 4 + len;
    }
    buf = buf.subarray(at);
  }
  if (buf.length) throw new Error(`spool ${path}: truncated`);
}
