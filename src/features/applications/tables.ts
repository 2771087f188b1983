/** Permit applications, their lines, carriers, files, messages and history (migrations/0055_applications.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Decimal, Timestamp } from '../../platform/db/schema.js';

export type ApplicationStatus = 'draft' | 'submitted' | 'needs_info' | 'approved' | 'rejected' | 'withdrawn';
export type ApplicationKind = 'permit' | 'amendment';
export type FileKind = 'regulation' | 'carrier_contract' | 'facility_contract' | 'other' | 'message';
export type StoredDocumentType = 'pdf' | 'rtf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'jpeg' | 'tiff';

export interface PermitApplicationsTable {
  id: Generated<string>;
  number: string;
  organization_id: string;
  kind: ColumnType<ApplicationKind, ApplicationKind | undefined>;
  permit_id: string | null;
  site_id: string | null;
  works_from: DateOnly | null;
  works_to: DateOnly | null;
  district: string | null;
  comment: string | null;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined>;
  version: ColumnType<number, number | undefined>;
  round: ColumnType<number, number | undefined>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined>;
  first_submitted_at: Timestamp | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  review_days: number | null;
  review_due_on: DateOnly | null;
  info_request: string | null;
  info_due_on: DateOnly | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason: string | null;
  decision_comment: string | null;
  assigned_to: string | null;
  assigned_at: Timestamp | null;
  permit_version: number | null;
}

export interface PermitApplicationLinesTable {
  application_id: string;
  position: number;
  waste_code: string | null;
  volume: Decimal | null;
  mass: Decimal | null;
}

export interface PermitApplicationLineFacilitiesTable {
  application_id: string;
  position: number;
  facility_object_id: string;
}

export interface PermitApplicationCarriersTable {
  application_id: string;
  position: number;
  inn: string;
  invite_email: string | null;
  invited_at: Timestamp | null;
}

export interface PermitApplicationMessagesTable {
  id: Generated<number>;
  application_id: string;
  author_id: string;
  side: 'applicant' | 'operator';
  body: string;
  created_at: Generated<Date>;
}

export interface PermitApplicationReadsTable {
  application_id: string;
  person_id: string;
  last_read_id: number;
}

export interface PermitApplicationFilesTable {
  id: Generated<string>;
  application_id: string;
  message_id: number | null;
  kind: FileKind;
  file_name: string;
  file_type: StoredDocumentType;
  size_bytes: ColumnType<number, number, number>;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Generated<Date>;
  removed_at: Timestamp | null;
  removed_by: string | null;
}

export interface PermitApplicationEventsTable {
  id: Generated<number>;
  application_id: string;
  at: Generated<Date>;
  person_id: string | null;
  organization_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  changes: ColumnType<Record<string, [unknown, unknown]>, string | undefined, string>;
  comment: string | null;
}

export interface ApplicationTables {
  permit_applications: PermitApplicationsTable;
  permit_application_lines: PermitApplicationLinesTable;
  permit_application_line_facilities: PermitApplicationLineFacilitiesTable;
  permit_application_carriers: PermitApplicationCarriersTable;
  permit_application_messages: PermitApplicationMessagesTable;
  permit_application_reads: PermitApplicationReadsTable;
  permit_application_files: PermitApplicationFilesTable;
  permit_application_events: PermitApplicationEventsTable;
}
