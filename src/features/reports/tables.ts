/** Tables of reports (migrations/0110_reports.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../../platform/db/schema.js';
import type { ReportData } from './definitions.js';

type Json<T> = ColumnType<T, string | undefined, string>;

export type ReportStatus = 'draft' | 'submitted' | 'correction';

export interface ReportsTable {
  id: Generated<string>;
  organization_id: string;
  kind: string;
  definition_version: number;
  period_from: DateOnly;
  period_to: DateOnly;
  subject_id: string | null;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  filed_version: ColumnType<number, number | undefined, number>;
  revision: ColumnType<number, number | undefined, number>;
  data: Json<ReportData>;
  prefill: Json<ReportData>;
  prefilled_at: Timestamp | null;
  number: string | null;
  return_reason: string | null;
  returned_at: Timestamp | null;
  returned_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReportVersionsTable {
  id: Generated<string>;
  report_id: string;
  version: number;
  data: Json<ReportData>;
  prefill: Json<ReportData>;
  submitted_at: Timestamp;
  submitted_by: string | null;
  late: ColumnType<boolean, boolean | undefined, boolean>;
  pdf_key: string | null;
  sig_key: string | null;
  pdf_bytes: ColumnType<number | null, number | null | undefined, number | null>;
  pdf_sha256: string | null;
  signed_at: Timestamp | null;
}

export interface ReportFilesTable {
  id: Generated<string>;
  report_id: string;
  version: number | null;
  file_name: string;
  file_type: 'pdf' | 'xml';
  size_bytes: ColumnType<number, number | string, number | string>;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
  removed_at: Timestamp | null;
}

export interface ReportRemindersTable {
  organization_id: string;
  key: string;
  sent_at: Generated<Date>;
}

export interface ReportTables {
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_files: ReportFilesTable;
  report_reminders: ReportRemindersTable;
}
