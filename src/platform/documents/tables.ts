/** Tables of the document registry (migrations/0060_documents.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type DocumentStatus = 'preparing' | 'valid' | 'annulled' | 'failed';

/** One printed fact of a document: «Период» — «с 01.03.2026 по 31.03.2026». */
export interface DocumentFact {
  label: string;
  value: string;
}

export interface DocumentsTable {
  id: Generated<string>;
  code: string;
  kind: string;
  subject_id: string;
  number: string;
  issued_at: Timestamp;
  organization_id: string | null;
  parties: ColumnType<Record<string, unknown>, string | undefined, string>;
  facts: ColumnType<DocumentFact[], string | undefined, string>;
  totals: ColumnType<DocumentFact[], string | undefined, string>;
  period_from: ColumnType<string | null, string | null | undefined, string | null>;
  period_to: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<DocumentStatus, DocumentStatus | undefined, DocumentStatus>;
  signer: Json<Record<string, unknown>> | null;
  signer_certificate: string | null;
  signed_at: Timestamp | null;
  timestamped_at: Timestamp | null;
  annulled_at: Timestamp | null;
  annulled_by: string | null;
  annul_reason: string | null;
  created_at: Generated<Date>;
}

export interface DocumentFilesTable {
  document_id: string;
  kind: string;
  bytes: ColumnType<number, number | string, number | string>;
  sha256: string;
  streebog: string;
  signature_sha256: string;
}

export interface DocumentTables {
  documents: DocumentsTable;
  document_files: DocumentFilesTable;
}
