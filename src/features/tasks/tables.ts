/** «Мои задачи»: work items for a person in an organization (see migrations/0001_core.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface TasksTable {
  id: Generated<string>;
  organization_id: string;
  /** null: a task for everyone acting for the organization. */
  person_id: string | null;
  kind: string;
  title: string;
  status: ColumnType<TaskStatus, TaskStatus | undefined>;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date>;
  closed_at: Timestamp | null;
}

export interface TaskTables {
  tasks: TasksTable;
}
