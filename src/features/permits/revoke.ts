/**
 * The operator revokes (аннулирует) a permit, with a reason. From that moment
 * trips under it are refused — `judgeTripPermit` refuses a trip loaded at or
 * after `permits.revoked_at` and judges one loaded before by the version in
 * force then. The change, its audit event and the notices to the producer and
 * to every carrier and facility organization the permit names (in any
 * version) are one transaction. Each organization gets one notice in the
 * cabinet, and its heads also by e-mail (event `permit.revoked`, unless a head
 * switched it off in «Профиль» → «Уведомления»).
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { formatMoscowDateTime } from '../../domain/period.js';
import { notify } from '../notifications/notify.js';

export interface RevokedPermit {
  id: string;
  number: string;
  status: 'revoked';
  revokedAt: string;
}

export async function revokePermit(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; reason: string; ip?: string | null; userAgent?: string | null },
): Promise<RevokedPermit> {
  const reason = o.reason.trim().replace(/\s+/g, ' ');
  if (reason.length < 5) throw invalid({ field: 'reason', message: 'Причина: опишите, почему разрешение аннулируется (не короче 5 знаков)' });
  const p = await trx.selectFrom('permits').select(['id', 'number', 'status', 'producer_id']).where('id', '=', o.id).forUpdate().executeTakeFirst();
  if (!p) throw notFound('Разрешение не найдено');
  if (p.status === 'revoked') throw new AppError('permit_status', `Разрешение № ${p.number} уже аннулировано`);
  const now = o.ctx.now();
  await trx
    .updateTable('permits')
    .set({ status: 'revoked', revoked_at: now, revoked_reason: reason, revoked_by: o.actor.personId })
    .where('id', '=', p.id)
    .execute();
  await audit(trx, {
    action: 'permit.revoked',
    personId: o.actor.personId,
    organizationId: o.actor.organizationId,
    subjectType: 'permit',
    subjectId: p.id,
    ip: o.ip ?? null,
    userAgent: o.userAgent ?? null,
    details: { number: p.number, previousStatus: p.status, revokedAt: now.toISOString(), reason, producerId: p.producer_id },
  });

  // Who hears of it: the producer, and every carrier and facility organization the permit names now or named in a version.
  const named = await sql<{ org_id: string; role: 'carrier' | 'facility' }>`
    select carrier_id as org_id, 'carrier' as role from permit_carriers where permit_id = ${p.id}
    union select c.carrier_id, 'carrier' from permit_version_carriers c join permit_versions v on v.id = c.version_id where v.permit_id = ${p.id}
    union select facility_id, 'facility' from permit_facilities where permit_id = ${p.id}
    union select f.facility_id, 'facility' from permit_version_facilities f join permit_versions v on v.id = f.version_id where v.permit_id = ${p.id}`.execute(trx);
  const roles = new Map<string, Set<string>>();
  for (const r of named.rows) {
    if (r.org_id === p.producer_id) continue;
    roles.set(r.org_id, (roles.get(r.org_id) ?? new Set()).add(r.role === 'carrier' ? 'перевозчиком' : 'объектом приёма'));
  }
  const when = formatMoscowDateTime(now);
  const link = `/permits/${p.id}`;
  const heads = await trx
    .selectFrom('memberships')
    .select(['organization_id', 'person_id'])
    .where('organization_id', 'in', [p.producer_id, ...roles.keys()])
    .where('role', '=', 'head')
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
    .orderBy('person_id')
    .execute();
  const headsOf = (orgId: string) => heads.filter((h) => h.organization_id === orgId).map((h) => h.person_id);
  await notify(trx, o.ctx, {
    organizationId: p.producer_id,
    personId: null,
    email: 'permit.revoked',
    emailPersons: headsOf(p.producer_id),
    title: `Разрешение № ${p.number} аннулировано оператором`,
    body: `Разрешение аннулировано ${when} (МСК). Причина: ${reason}. Рейсы, погруженные с этого момента, по нему не принимаются; принятые ранее сохраняются.`,
    link,
  });
  for (const [orgId, as] of roles) {
    await notify(trx, o.ctx, {
      organizationId: orgId,
      personId: null,
      email: 'permit.revoked',
      emailPersons: headsOf(orgId),
      title: `Аннулировано разрешение № ${p.number}, где вы указаны ${[...as].join(' и ')}`,
      body: `Разрешение аннулировано оператором ${when} (МСК). Причина: ${reason}. Рейсы, погруженные с этого момента, по нему не принимаются.`,
      link,
    });
  }
  return { id: p.id, number: p.number, status: 'revoked', revokedAt: now.toISOString() };
}
