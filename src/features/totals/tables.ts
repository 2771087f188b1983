/** Trip totals (migrations/0100_trip_totals.sql, 0390_trip_hour_totals.sql, 0400_trip_lifetime_totals.sql, 0410_trip_month_totals.sql): kept by triggers on `trips`, read by the cabinet's figures. */
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

/** Trip totals by the UTC hour of unloading (migrations/0390_trip_hour_totals.sql): the cutoff's day of the statement form's permit list. */
export interface TripHourTotalsTable {
  site_id: string;
  /** The start of the UTC hour of unloading. */
  hour: Date;
  permit_id: string;
  acceptance: Acceptance;
  carrier_id: string;
  facility_id: string;
  trips: string;
  volume: Decimal;
  mass: Decimal;
  counted_mass: Decimal;
  weighed_trips: string;
}

/** Trip totals over the whole history (migrations/0400_trip_lifetime_totals.sql): trip_totals' groups without the day — totals with no period. */
export type TripLifetimeTotalsTable = Omit<TripTotalsTable, 'day'>;

/** Trip totals by the Moscow month of unloading (migrations/0410_trip_month_totals.sql): trip_totals' groups by month — the analytics dashboard. */
export type TripMonthTotalsTable = Omit<TripTotalsTable, 'day'> & {
  /** The first day of the Europe/Moscow month of unloading. */
  month: DateOnly;
};

export interface TotalsTables {
  trip_totals: TripTotalsTable;
  trip_hour_totals: TripHourTotalsTable;
  trip_lifetime_totals: TripLifetimeTotalsTable;
  trip_month_totals: TripMonthTotalsTable;
}
