/**
 * Which events a person receives by e-mail («Профиль» → «Уведомления»). Every
 * event is on until the person switches it off; the notice in the cabinet is
 * kept either way.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import { audit } from '../../platform/audit.js';
import { invalid } from '../../platform/http/errors.js';
import { EMAIL_EVENTS, EMAIL_EVENT_KEYS, type NotificationEvent } from './events.js';

export interface EmailSetting {
  event: NotificationEvent;
  label: string;
  /** Roles of organizations the event concerns. */
  roles: string[];
  email: boolean;
}

/** Whether the person wants this event by e-mail (no choice made: yes). */
export async function emailWanted(db: Db | Transaction<Database>, personId: string, event: NotificationEvent): Promise<boolean> {
  const row = await db.selectFrom('notification_settings').select('email').where('person_id', '=', personId).where('event', '=', event).executeTakeFirst();
  return row?.email ?? true;
}

export async function emailSettings(db: Db | Transaction<Database>, personId: string): Promise<EmailSetting[]> {
  const rows = await db.selectFrom('notification_settings').select(['event', 'email']).where('person_id', '=', personId).execute();
  const chosen = new Map(rows.map((r) => [r.event, r.email]));
  return EMAIL_EVENT_KEYS.map((event) => ({ event, label: EMAIL_EVENTS[event].label, roles: [...EMAIL_EVENTS[event].roles], email: chosen.get(event) ?? true }));
}

/** Sets the person's choices (only the events named); an unknown event is refused naming the field. */
export async function setEmailSettings(
  db: Db,
  o: { personId: string; settings: { event: string; email: boolean }[]; ip?: string | null; userAgent?: string | null },
): Promise<EmailSetting[]> {
  const unknown = o.settings.find((s) => !(s.event in EMAIL_EVENTS));
  if (unknown) throw invalid({ field: 'settings', message: `Уведомления: неизвестное событие «${unknown.event.slice(0, 60)}»` });
  await db.transaction().execute(async (trx) => {
    for (const s of o.settings) {
      await trx
        .insertInto('notification_settings')
        .values({ person_id: o.personId, event: s.event, email: s.email })
        .onConflict((oc) => oc.columns(['person_id', 'event']).doUpdateSet({ email: s.email, updated_at: sql`now()` }))
        .execute();
    }
    await audit(trx, {
      action: 'profile.notification_settings',
      personId: o.personId,
      organizationId: null,
      ip: o.ip ?? null,
      userAgent: o.userAgent ?? null,
      details: { settings: o.settings },
    });
  });
  return emailSettings(db, o.personId);
}
