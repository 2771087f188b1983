/** Tables of the statements feature (see migrations/0010_statements.sql, 0080). Files' sizes and hashes: statement_files and the registry. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type StatementStatus = 'queued' | 'running' | 'ready' | 'failed';
export type StatementFileKind = 'pdf' | 'xlsx' | 'pdf.sig' | 'xlsx.sig';

export interface StatementsTable {
  id: Generated<string>;
  number: string;
  organization_id: string;
  site_id: string;
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  permit_ids: ColumnType<string[], string[], string[]>;
  status: ColumnType<StatementStatus, StatementStatus | undefined, StatementStatus>;
  progress: ColumnType<number, number | undefined, number>;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  ordered_by: string;
  ordered_at: Timestamp;
  formation_cutoff: Timestamp;
  snapshot_max_trip_id: ColumnType<number, number | string, number | string>;
  trip_count: number | null;
  started_at: Timestamp | null;
  ready_at: Timestamp | null;
  failed_at: Timestamp | null;
  signer_serial: string | null;
  signed_at: Timestamp | null;
}

export interface StatementFilesTable {
  statement_id: string;
  kind: StatementFileKind;
  path: string;
  bytes: number;
  sha256: string;
  created_at: Generated<Date>;
}

export interface StatementTables {
  statements: StatementsTable;
  statement_files: StatementFilesTable;
}
