/** Trip totals (migrations/0100_trip_totals.sql): kept by triggers on `trips`, read by the cabinet's figures. */
import type { DateOnly, Decimal } from '../../platform/db/schema.js';
import type { Acceptance } from '../movement.js';

export interface TripTotalsTable {
  permit_id: string;
  waste_code: string;
  /** Europe/Moscow date of unloading. */
  day: DateOnly;
  acceptance: Acceptance;
  carrier_id: string;
  facility_object_id: string;
  site_id: string;
  facility_id: string;
  trips: string;
  volume: Decimal;
  /** Declared by the carrier. */
  mass: Decimal;
  /** Weighed where accepted with one, declared otherwise (movement.ts rule 4). */
  counted_mass: Decimal;
  weighed_trips: string;
}

export interface TotalsTables {
  trip_totals: TripTotalsTable;
}
