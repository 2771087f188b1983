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

export interface NotificationTables {
  notifications: NotificationsTable;
}
