/** Notifications in the cabinet (see migrations/0001_core.sql); e-mail copies go through the mail outbox. */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

export interface NotificationsTable {
  id: Generated<string>;
  organization_id: string | null;
  person_id: string | null;
  title: string;
  body: ColumnType<string, string | undefined>;
  link: string | null;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

/** Which events a person receives by e-mail (migration 0165; no row: yes). */
export interface NotificationSettingsTable {
  person_id: string;
  event: string;
  email: boolean;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
}
