/** Moving a vehicle (its plate) from one carrier to another (migrations/0050_registers.sql). */
import type { Generated } from 'kysely';

export interface VehicleTransfersTable {
  id: Generated<string>;
  vehicle_id: string;
  from_carrier_id: string;
  to_carrier_id: string;
  transferred_at: Generated<Date>;
  transferred_by: string | null;
  reason: string;
}

export interface VehicleTables {
  vehicle_transfers: VehicleTransfersTable;
}
