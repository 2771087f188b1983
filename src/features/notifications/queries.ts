/** Reading notifications and marking them read: the viewer's own and the organization's common ones. */
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/pool.js';
import type { Database } from '../../platform/db/schema.js';
import type { NotificationsTable } from './tables.js';

export interface NotificationViewer {
  organizationId: string;
  personId: string;
}

export type NotificationRow = Selectable<NotificationsTable>;

/** The viewer's own notices and the organization's common ones. */
const visibleTo = (v: NotificationViewer) => (eb: ExpressionBuilder<Database, 'notifications'>) =>
  eb.or([
    eb.and([eb('organization_id', '=', v.organizationId), eb.or([eb('person_id', 'is', null), eb('person_id', '=', v.personId)])]),
    eb.and([eb('organization_id', 'is', null), eb('person_id', '=', v.personId)]),
  ]);

export async function listNotifications(db: Db, v: NotificationViewer): Promise<{ items: NotificationRow[]; unread: number }> {
  const [items, unread] = await Promise.all([
    db.selectFrom('notifications').where(visibleTo(v)).selectAll().orderBy('created_at', 'desc').limit(100).execute(),
    db.selectFrom('notifications').where(visibleTo(v)).select(sql<number>`count(*)::int`.as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { items, unread: unread.n };
}

/** Marks one notification read; false when the viewer cannot see it. */
export async function markRead(db: Db, v: NotificationViewer, id: string): Promise<boolean> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where(visibleTo(v))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
