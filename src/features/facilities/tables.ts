/** Receiving facilities (объекты приёма) of facility organizations (migrations/0050_registers.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Decimal, Timestamp } from '../../platform/db/schema.js';

export type FacilityKind = 'processing' | 'utilization' | 'neutralization' | 'disposal';

export interface FacilitiesTable {
  id: Generated<string>;
  organization_id: string;
  /** «ОП-000001» */
  number: string;
  name: string;
  address: string;
  kind: ColumnType<FacilityKind, FacilityKind | undefined>;
  daily_capacity_t: Decimal | null;
  daily_capacity_m3: Decimal | null;
  working_hours: string | null;
  licence_number: string | null;
  licence_valid_until: DateOnly | null;
  /** Date of issue of the licence (migration 0150). */
  licence_issued_on: DateOnly | null;
  /** GeoJSON Polygon / MultiPolygon (WGS 84). */
  boundary: ColumnType<unknown, string | null | undefined, string | null>;
  status: ColumnType<'active' | 'suspended', 'active' | 'suspended' | undefined>;
  status_reason: string | null;
  status_changed_at: Timestamp | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  archived_at: Timestamp | null;
}

export interface FacilityWasteTypesTable {
  facility_id: string;
  waste_code: string;
}

export interface FacilityTables {
  facilities: FacilitiesTable;
  facility_waste_types: FacilityWasteTypesTable;
}
