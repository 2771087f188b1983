/** Tables of the uploads feature (see migrations/0030_uploads.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';
import type { FileProblem } from '../../platform/spreadsheet/refusal.js';

export type { FileProblem };

export type UploadStatus = 'queued' | 'processing' | 'done' | 'refused' | 'failed';

export interface UploadsTable {
  id: Generated<string>;
  organization_id: string;
  person_id: string | null;
  kind: ColumnType<'trips', 'trips' | undefined, never>;
  file_name: string;
  file_type: 'xlsx' | 'csv';
  size_bytes: ColumnType<string, number | string, never>;
  sha256: string;
  idempotency_key: string | null;
  status: ColumnType<UploadStatus, UploadStatus | undefined, UploadStatus>;
  total_rows: number | null;
  processed_rows: ColumnType<number, number | undefined, number>;
  accepted: ColumnType<number, number | undefined, number>;
  rejected: ColumnType<number, number | undefined, number>;
  duplicates: ColumnType<number, number | undefined, number>;
  problems: ColumnType<FileProblem[], string | undefined, string>;
  notes: ColumnType<FileProblem[], string | undefined, string>;
  result_ready: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Date>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

/** One row outcome: [fileRowNumber, 'a'ccepted | 'r'ejected | 'd'uplicate, tripId, reasons]. */
export type RowOutcome = [number, 'a' | 'r' | 'd', number | null, string[]];

export interface UploadChunksTable {
  upload_id: string;
  chunk: number;
  first_row: number;
  row_count: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  outcomes: ColumnType<RowOutcome[], string, never>;
  created_at: Generated<Date>;
}

export interface UploadTables {
  uploads: UploadsTable;
  upload_chunks: UploadChunksTable;
}
