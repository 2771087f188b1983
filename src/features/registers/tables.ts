/** History of register entries: sites, vehicles, facilities, organizations (migrations/0050_registers.sql). */
import type { ColumnType, Generated } from 'kysely';

export type RegisterEntity = 'site' | 'vehicle' | 'facility' | 'organization';
export type RegisterAction = 'created' | 'updated' | 'archived' | 'restored' | 'suspended' | 'reactivated' | 'transferred';

export interface RegisterChangesTable {
  id: Generated<number>;
  entity: RegisterEntity;
  entity_id: string;
  version: number;
  action: RegisterAction;
  /** {"field": [before, after], ...} */
  changes: ColumnType<Record<string, [unknown, unknown]>, string | undefined, never>;
  reason: string | null;
  organization_id: string | null;
  person_id: string | null;
  at: Generated<Date>;
}

export interface RegisterTables {
  register_changes: RegisterChangesTable;
}
