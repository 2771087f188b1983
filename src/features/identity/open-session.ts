/**
 * Opening a session after any successful sign-in (password, second factor,
 * e-signature, OpenID Connect): in one transaction the session, the device
 * (a new one enqueues the warning e-mail with a link that ends this session)
 * and the audit event.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { audit } from '../../platform/audit.js';
import { enqueueMail, mailText, secretLink } from '../../platform/mail/outbox.js';
import { createSession, type CreatedSession, type SessionMeta } from './sessions.js';
import { deviceFingerprint } from './devices.js';
import type { SessionAuthMethod } from './tables.js';
import { METHOD_LABELS } from './texts.js';

export function moscowTime(d: Date): string {
  return `${d.toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })} (МСК)`;
}

export interface OpenSessionOptions {
  /** The person; may instead be returned by `within` (e.g. created on first e-signature sign-in). */
  personId?: string;
  /** The organization to act for; default the person's first live membership (head first). */
  organizationId?: string | null;
  method: SessionAuthMethod;
  /** A second factor or a qualified e-signature stands behind the session. */
  strong: boolean;
  meta: SessionMeta;
  details?: Record<string, unknown>;
  /** Extra work in the same transaction (e.g. consuming a challenge). */
  /** Extra work in the same transaction (consuming a challenge, creating the organization); may name the organization to act for. */
  within?: (trx: Transaction<Database>) => Promise<{ personId?: string; organizationId?: string } | void>;
}

export async function openSession(
  ctx: AppContext,
  o: OpenSessionOptions,
): Promise<CreatedSession & { personId: string; organizationId: string | null; newDevice: boolean }> {
  const device = deviceFingerprint(o.meta.userAgent, o.meta.ip);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const extra = o.within ? await o.within(trx) : undefined;
    const personId = extra?.personId ?? o.personId;
    if (!personId) throw new Error('openSession: no person');
    const orgs = await trx
      .selectFrom('memberships as m')
      .select(['m.organization_id as id'])
      .where('m.person_id', '=', personId)
      .where('m.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('m.valid_until', 'is', null), eb('m.valid_until', '>', now)]))
      .orderBy(sql`m.role = 'head'`, 'desc')
      .orderBy('m.created_at')
      .execute();
    const wanted = extra?.organizationId ?? o.organizationId;
    const organizationId = wanted && orgs.some((m) => m.id === wanted) ? wanted : (orgs[0]?.id ?? null);
    const session = await createSession(ctx, personId, organizationId, o.meta, { trx, method: o.method, strong: o.strong, device: device.description });
    const known = await trx.selectFrom('known_devices').select(['fingerprint']).where('person_id', '=', personId).execute();
    const newDevice = !known.some((k) => k.fingerprint === device.fingerprint);
    await trx
      .insertInto('known_devices')
      .values({ person_id: personId, fingerprint: device.fingerprint, description: device.description, first_seen_at: now, last_seen_at: now })
      .onConflict((oc) => oc.columns(['person_id', 'fingerprint']).doUpdateSet({ last_seen_at: now }))
      .execute();
    // The very first sign-in has nothing to compare with; later, a device not seen before gets a warning.
    if (newDevice && known.length > 0) {
      const person = await trx.selectFrom('persons').select(['full_name', 'email']).where('id', '=', personId).executeTakeFirstOrThrow();
      if (person.email) {
        const link = `${ctx.config.publicUrl}/api/auth/sessions/end?token=${session.endToken}`;
        await enqueueMail(trx, {
          personId: personId,
          to: person.email,
          subject: 'Предупреждение о входе в ОССиГ',
          // The link works as long as the session may live.
          secretsExpireAt: session.expiresAt,
          text: mailText`Здравствуйте, ${person.full_name}!

В вашу учётную запись ОССиГ выполнен вход с устройства или из браузера, которые раньше вами не использовались.

Время: ${moscowTime(now)}
IP-адрес: ${o.meta.ip ?? 'неизвестен'}
Браузер и система: ${device.description.replace(/, IP .*$/, '')}
Способ входа: ${METHOD_LABELS[o.method]}

Если это были вы, ничего делать не нужно.
Если это были не вы, завершите этот сеанс по ссылке: ${secretLink(link)}
и смените пароль в разделе «Безопасность».`,
        });
      }
    }
    await audit(trx, {
      action: 'auth.login',
      personId: personId,
      organizationId,
      subjectType: 'session',
      subjectId: session.sessionId,
      ip: o.meta.ip,
      userAgent: o.meta.userAgent,
      details: { method: o.method, newDevice, ...(o.details ?? {}) },
    });
    return { ...session, personId, organizationId, newDevice };
  });
}
