/**
 * Kysely table types. Core tables are declared here; a feature with tables of
 * its own declares them in `src/features/<feature>/tables.ts`, and
 * `src/features/index.ts` (where the features are listed) merges them into
 * `Database` by declaration merging — so `platform/` never imports `features/`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { DocumentTables } from '../documents/tables.js';

/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** numeric: exact decimal, read as string. */
export type Decimal = ColumnType<string, string | number, string | number>;
/** date: 'YYYY-MM-DD'. */
export type DateOnly = ColumnType<string, string, string>;

export type OrgRole = 'producer' | 'carrier' | 'facility' | 'operator' | 'managing';
export type MemberRole = 'head' | 'employee' | 'trusted';
export type Access = 'standard' | 'full';
export type ReceiptStatus = 'pending' | 'confirmed' | 'rejected';

export interface OrganizationsTable {
  id: Generated<string>;
  kind: 'legal' | 'individual';
  inn: string;
  ogrn: string | null;
  kpp: string | null;
  name: string;
  short_name: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  /** Bank details (migration 0300): расчётный счёт, БИК, корр. счёт, bank name; checked in src/domain/bank.ts. */
  bank_account: ColumnType<string | null, string | null | undefined, string | null>;
  bank_bik: ColumnType<string | null, string | null | undefined, string | null>;
  bank_corr_account: ColumnType<string | null, string | null | undefined, string | null>;
  bank_name: ColumnType<string | null, string | null | undefined, string | null>;
  roles: ColumnType<OrgRole[], OrgRole[] | undefined, OrgRole[]>;
  /** Access suspended by the operator (1386-ПП п. 7.2). */
  status: ColumnType<'active' | 'suspended', 'active' | 'suspended' | undefined>;
  status_reason: string | null;
  status_changed_at: Timestamp | null;
  /** Version of the organization's register entry (its suspensions by the operator; migration 0150). */
  register_version: ColumnType<number, number | undefined, number>;
  /** Where each detail came from: {"name": "register" | "certificate" | "manual", …} (migration 0060). */
  field_sources: ColumnType<Partial<Record<OrganizationDetailField, DetailSource>>, string | undefined, string>;
  /** When a detail (name, short name, КПП, address) last changed. */
  details_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Generated<Date>;
}

/** An organization's details printed on documents. */
export type OrganizationDetailField = 'name' | 'short_name' | 'inn' | 'ogrn' | 'kpp' | 'address';
/** Where a detail came from: the state register (ЕГРЮЛ/ЕГРИП), an e-signature certificate, or typed by hand. */
export type DetailSource = 'register' | 'certificate' | 'manual';

export interface PersonsTable {
  id: Generated<string>;
  full_name: string;
  email: string | null;
  phone: string | null;
  snils: string | null;
  password_hash: string | null;
  created_at: Generated<Date>;
  deleted_at: Timestamp | null;
}

export interface MembershipsTable {
  id: Generated<string>;
  person_id: string;
  organization_id: string;
  role: MemberRole;
  access: ColumnType<Access, Access | undefined, Access>;
  valid_until: Timestamp | null;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: Buffer;
  person_id: string;
  organization_id: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  token_hash: Buffer;
  organization_id: string;
  person_id: string;
  name: string;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
}

export interface WasteTypesTable {
  code: string;
  name: string;
  hazard_class: ColumnType<number, never, never>;
}

export type WorksKind = 'construction' | 'reconstruction' | 'demolition' | 'capital_repair' | 'networks' | 'landscaping' | 'other';
export type WorksDocumentKind = 'building_permit' | 'oati_order' | 'demolition_permit' | 'other';

export interface SitesTable {
  id: Generated<string>;
  producer_id: string;
  name: string;
  address: string;
  cadastral_numbers: ColumnType<string[], string[] | undefined, string[]>;
  works_kind: ColumnType<WorksKind, WorksKind | undefined>;
  works_document_kind: WorksDocumentKind | null;
  works_document_number: string | null;
  works_document_date: DateOnly | null;
  planned_from: DateOnly | null;
  planned_to: DateOnly | null;
  /** GeoJSON Polygon / MultiPolygon (WGS 84). */
  boundary: ColumnType<unknown, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  archived_at: Timestamp | null;
}

export interface PermitsTable {
  id: Generated<string>;
  number: string;
  site_id: string;
  producer_id: string;
  valid_from: DateOnly;
  valid_to: DateOnly;
  status: ColumnType<'active' | 'suspended' | 'revoked', 'active' | 'suspended' | 'revoked' | undefined>;
  issued_at: Generated<Date>;
}

export interface PermitWasteTypesTable {
  permit_id: string;
  waste_code: string;
  permitted_volume: Decimal;
}

export interface PermitCarriersTable {
  permit_id: string;
  carrier_id: string;
}

export interface PermitFacilitiesTable {
  permit_id: string;
  /** The facility organization (beside the object, for visibility). */
  facility_id: string;
  /** The receiving facility (объект приёма). */
  facility_object_id: string;
}

export interface VehiclesTable {
  id: Generated<string>;
  carrier_id: string;
  plate: string;
  make: string | null;
  model: string | null;
  /** Body volume, m³. */
  capacity_m3: Decimal | null;
  load_capacity_t: Decimal | null;
  /** ГЛОНАСС/GPS terminal number. */
  terminal_number: string | null;
  ownership: ColumnType<'owned' | 'leased', 'owned' | 'leased' | undefined>;
  lease_document: string | null;
  lease_until: DateOnly | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  archived_at: Timestamp | null;
}

export interface TripsTable {
  id: Generated<number>;
  permit_id: string;
  site_id: string;
  carrier_id: string;
  vehicle_id: string;
  /** The facility organization. */
  facility_id: string;
  /** The receiving facility (объект приёма). */
  facility_object_id: string;
  waste_code: string;
  loaded_at: Timestamp;
  unloaded_at: Timestamp;
  volume: Decimal;
  mass: Decimal;
  receipt_status: ColumnType<ReceiptStatus, ReceiptStatus | undefined, ReceiptStatus>;
  received_mass: Decimal | null;
  receipt_reason: string | null;
  received_at: Timestamp | null;
  external_id: string | null;
  source: ColumnType<'api' | 'upload' | 'demo' | 'tracker' | 'telemetry', 'api' | 'upload' | 'demo' | 'tracker' | 'telemetry' | undefined, never>;
  created_at: Generated<Date>;
}

export interface IdempotencyKeysTable {
  organization_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Generated<Date>;
  person_id: string | null;
  organization_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  prev_hash: string;
  hash: string;
}

export interface CoreTables extends DocumentTables {
  organizations: OrganizationsTable;
  persons: PersonsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  waste_types: WasteTypesTable;
  sites: SitesTable;
  permits: PermitsTable;
  permit_waste_types: PermitWasteTypesTable;
  permit_carriers: PermitCarriersTable;
  permit_facilities: PermitFacilitiesTable;
  vehicles: VehiclesTable;
  trips: TripsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
}

/** Every table: the core ones, and those the features merge in (see src/features/index.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends CoreTables {}
