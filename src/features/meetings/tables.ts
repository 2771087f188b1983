/** Tables of owners' general meetings (migrations/0140_meetings.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Decimal, Timestamp } from '../../platform/db/schema.js';

type Bytes = ColumnType<number | null, number | null | undefined, number | null>;

export type MeetingKind = 'annual' | 'extraordinary';
export type MeetingForm = 'in_person' | 'absentee' | 'mixed';
export type MeetingStatus = 'in_progress' | 'completed';
export type GisStatus = 'none' | 'sending' | 'loaded' | 'error';
export type Majority = 'participants' | 'more_than_half_all' | 'two_thirds_all' | 'all';
export type OwnerKind = 'person' | 'legal' | 'city';
export type Ownership = 'sole' | 'shared' | 'joint';
export type Choice = 'for' | 'against' | 'abstain';
/** A meeting document's making (migration 0190): ordered → made by a job → ready, or failed with a reason. */
export type DocStatus = 'none' | 'queued' | 'ready' | 'failed';

export interface MeetingTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  body: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HousesTable {
  id: Generated<string>;
  organization_id: string;
  address: string;
  cadastral_number: string;
  total_area: Decimal;
  fias_house_guid: string | null;
  created_at: Generated<Date>;
}

export interface MeetingsTable {
  id: Generated<string>;
  organization_id: string;
  house_id: string;
  number: string;
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>;
  kind: ColumnType<MeetingKind, MeetingKind | undefined, MeetingKind>;
  form: ColumnType<MeetingForm, MeetingForm | undefined, MeetingForm>;
  electronic: ColumnType<boolean, boolean | undefined, boolean>;
  initiators: ColumnType<string, string | undefined, string>;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  place: ColumnType<string, string | undefined, string>;
  ballots_place: ColumnType<string, string | undefined, string>;
  materials_place: ColumnType<string, string | undefined, string>;
  notice_key: string | null;
  notice_sig_key: string | null;
  notice_bytes: Bytes;
  notice_sha256: string | null;
  protocol_number: string | null;
  protocol_date: DateOnly | null;
  chair: ColumnType<string, string | undefined, string>;
  secretary: ColumnType<string, string | undefined, string>;
  counters: ColumnType<string, string | undefined, string>;
  protocol_key: string | null;
  protocol_sig_key: string | null;
  protocol_docx_key: string | null;
  protocol_bytes: Bytes;
  protocol_sha256: string | null;
  scan_key: string | null;
  scan_name: string | null;
  scan_type: string | null;
  scan_bytes: Bytes;
  scan_sha256: string | null;
  gis_company_id: string | null;
  gis_rights_confirmed_at: Timestamp | null;
  gis_status: ColumnType<GisStatus, GisStatus | undefined, GisStatus>;
  gis_message_guid: string | null;
  gis_protocol_guid: string | null;
  gis_error: string | null;
  gis_sent_at: Timestamp | null;
  gis_request_guid: string | null;
  gis_attempts: ColumnType<number, number | undefined, number>;
  notice_status: ColumnType<DocStatus, DocStatus | undefined, DocStatus>;
  notice_error: string | null;
  notice_document_id: string | null;
  ballots_status: ColumnType<DocStatus, DocStatus | undefined, DocStatus>;
  ballots_error: string | null;
  ballots_document_id: string | null;
  ballots_key: string | null;
  ballots_sig_key: string | null;
  ballots_bytes: Bytes;
  ballots_sha256: string | null;
  protocol_status: ColumnType<DocStatus, DocStatus | undefined, DocStatus>;
  protocol_error: string | null;
  protocol_document_id: string | null;
  gis_state_at: Timestamp | null;
  notice_done_at: Timestamp | null;
  register_done_at: Timestamp | null;
  ballots_done_at: Timestamp | null;
  counting_done_at: Timestamp | null;
  protocol_done_at: Timestamp | null;
  gis_done_at: Timestamp | null;
  completed_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface MeetingItemsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  title: string;
  proposal: ColumnType<string, string | undefined, string>;
  majority: ColumnType<Majority, Majority | undefined, Majority>;
}

export interface MeetingPremisesTable {
  id: Generated<string>;
  meeting_id: string;
  number: string;
  kind: ColumnType<'residential' | 'non_residential', 'residential' | 'non_residential' | undefined, 'residential' | 'non_residential'>;
  area: Decimal;
  cadastral_number: string | null;
}

export interface MeetingOwnersTable {
  id: Generated<string>;
  meeting_id: string;
  premise_id: string;
  name: string;
  owner_kind: ColumnType<OwnerKind, OwnerKind | undefined, OwnerKind>;
  ownership: ColumnType<Ownership, Ownership | undefined, Ownership>;
  share_num: ColumnType<number, number | undefined, number>;
  share_den: ColumnType<number, number | undefined, number>;
  inn: string | null;
  title_document: ColumnType<string, string | undefined, string>;
  voted_at: Timestamp | null;
  position: ColumnType<number, number | undefined, number>;
}

export interface MeetingVotesTable {
  owner_id: string;
  item_id: string;
  meeting_id: string;
  choice: Choice;
}

export interface MeetingImportsTable {
  id: Generated<string>;
  meeting_id: string;
  /** What the file held: the register of owners (stage 2) or owners' decisions (stage 4); migration 0370. */
  kind: ColumnType<'register' | 'votes', 'register' | 'votes' | undefined, never>;
  organization_id: string;
  file_name: string;
  rows_total: ColumnType<number, number | undefined, number>;
  rows_accepted: ColumnType<number, number | undefined, number>;
  rows_refused: ColumnType<number, number | undefined, number>;
  result_key: string | null;
  result_bytes: Bytes;
  result_sha256: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** The ГИС ЖКХ simulator's received messages (migration 0191; gis-simulator.ts). */
export interface GisSimulatorMessagesTable {
  transport_guid: string;
  message_guid: string;
  org_inn: string;
  request: unknown;
  polls: ColumnType<number, number | undefined, number>;
  result: unknown;
  received_at: Generated<Date>;
}

export interface MeetingTables {
  gis_simulator_messages: GisSimulatorMessagesTable;
  meeting_templates: MeetingTemplatesTable;
  houses: HousesTable;
  meetings: MeetingsTable;
  meeting_items: MeetingItemsTable;
  meeting_premises: MeetingPremisesTable;
  meeting_owners: MeetingOwnersTable;
  meeting_votes: MeetingVotesTable;
  meeting_imports: MeetingImportsTable;
}
