/**
 * Notifications: in the cabinet, and by e-mail through the mail outbox.
 * Features notify only through `notify(trx, ctx, …)`, in the transaction of
 * the change they tell about; nothing else writes the `notifications` table.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { emailWanted } from './settings.js';
import type { NotificationEvent } from './events.js';

export type { NotificationEvent } from './events.js';

export interface Notice {
  /** The organization the notice is about (null: a personal notice). */
  organizationId: string | null;
  /** One person, or (null) everyone acting for the organization. */
  personId: string | null;
  title: string;
  body?: string;
  /** A path in the cabinet, e.g. `/statements/<id>`. */
  link?: string | null;
  /** Also by e-mail to the person, when they have an address and have not switched this event off in their profile. */
  email?: NotificationEvent;
  /**
   * For an organization's notice (`personId` null): the persons also told by e-mail (each as above); the
   * cabinet keeps the one notice to the organization.
   */
  emailPersons?: readonly string[];
}

export async function notify(trx: Transaction<Database>, ctx: Pick<AppContext, 'config'>, n: Notice): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({ organization_id: n.organizationId, person_id: n.personId, title: n.title, body: n.body ?? '', link: n.link ?? null })
    .execute();
  if (!n.email) return;
  const people = n.personId ? [n.personId] : [...new Set(n.emailPersons ?? [])];
  for (const personId of people) await mail(trx, ctx, personId, n.email, n);
}

async function mail(trx: Transaction<Database>, ctx: Pick<AppContext, 'config'>, personId: string, event: NotificationEvent, n: Notice): Promise<void> {
  const person = await trx.selectFrom('persons').select(['email', 'full_name']).where('id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!person?.email) return;
  // The person's choice in «Профиль» → «Уведомления»: the notice in the cabinet stays either way.
  if (!(await emailWanted(trx, personId, event))) return;
  const link = n.link ? `${ctx.config.publicUrl}${n.link}` : null;
  await enqueueMail(trx, {
    personId,
    to: person.email,
    subject: n.title,
    text: [`Здравствуйте, ${person.full_name}!`, '', n.body ?? '', ...(link ? ['', `Открыть в личном кабинете: ${link}`] : []), '', 'ОССиГ'].join('\n'),
  });
}
