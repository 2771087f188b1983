/** Tables of the audit feature (see migrations/0048_audit_checkpoints.sql). */
import type { ColumnType } from 'kysely';

export interface AuditCheckpointsTable {
  seq: number;
  head_id: ColumnType<number, number, never>;
  head_hash: ColumnType<string, string, never>;
  row_count: ColumnType<number, number, never>;
  created_at: ColumnType<Date, Date | string, never>;
  file: ColumnType<string, string, never>;
  sha256: ColumnType<string, string, never>;
  signer_serial: ColumnType<string, string, never>;
}

export interface AuditTables {
  audit_checkpoints: AuditCheckpointsTable;
}
