/** Permit versions and the reminders sent about permits (migrations/0055_applications.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Decimal, Timestamp } from '../../platform/db/schema.js';

export interface PermitVersionsTable {
  id: Generated<string>;
  permit_id: string;
  version: number;
  /** From this moment the version is in force (until the next one); -infinity for permits entered before versions. */
  in_force_from: ColumnType<Date, Date | string, Date | string>;
  valid_from: DateOnly;
  valid_to: DateOnly;
  application_id: string | null;
  issued_by: string | null;
  issued_at: Generated<Date>;
  changes: ColumnType<Record<string, [unknown, unknown]>, string | undefined, string>;
  pdf_key: string | null;
  sig_key: string | null;
  pdf_bytes: ColumnType<number | null, number | null | undefined, number | null>;
  pdf_sha256: string | null;
  signer_serial: string | null;
  signed_at: Timestamp | null;
}

export interface PermitVersionLinesTable {
  version_id: string;
  waste_code: string;
  permitted_volume: Decimal;
  permitted_mass: Decimal | null;
}

export interface PermitVersionCarriersTable {
  version_id: string;
  carrier_id: string;
}

export interface PermitVersionFacilitiesTable {
  version_id: string;
  waste_code: string;
  facility_object_id: string;
  facility_id: string;
}

export interface PermitRemindersTable {
  permit_id: string;
  key: string;
  sent_at: Generated<Date>;
}

export interface PermitTables {
  permit_versions: PermitVersionsTable;
  permit_version_lines: PermitVersionLinesTable;
  permit_version_carriers: PermitVersionCarriersTable;
  permit_version_facilities: PermitVersionFacilitiesTable;
  permit_reminders: PermitRemindersTable;
}

/** Columns 0055 adds to core tables (merged into their interfaces in platform/db/schema.ts). */
declare module '../../platform/db/schema.js' {
  interface PermitsTable {
    /** The number of the version in force now (the current terms are in permits and permit_* tables). */
    version: ColumnType<number, number | undefined, number>;
    /** When the permit was revoked (0155): trips loaded from then on are refused. */
    revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    /** The operator's reason for revoking (0215). */
    revoked_reason: ColumnType<string | null, string | null | undefined, string | null>;
    /** The operator's person who revoked it (0215). */
    revoked_by: ColumnType<string | null, string | null | undefined, string | null>;
  }
  interface TripsTable {
    /** The permit version the trip was judged under (0155); null for trips written without judging. */
    permit_version: ColumnType<number | null, number | null | undefined, number | null>;
  }
  interface PermitWasteTypesTable {
    /** Permitted mass, t (when the permit limits mass too). */
    permitted_mass: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  }
}
