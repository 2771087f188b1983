/**
 * Trusted persons (seed 003). The head invites a person by СНИЛС for a term
 * with standard access (fill and save drafts, read statuses) or full access
 * (submit for the organization); the invited person accepts; the head removes
 * them at any time; when the term ends the access ends by itself (every
 * request checks memberships.valid_until — see loadActor in platform/http/auth.ts).
 */
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { checkSnils, identifierErrorMessage } from '../../domain/identifiers.js';
import { enqueueMail } from '../../platform/mail/outbox.js';

const formatMoscowDate = (d: Date) => new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);

export const MAX_TERM_DAYS = 3 * 366;

interface Meta {
  ip: string | null;
  userAgent: string | null;
}

export async function inviteTrustedPerson(
  ctx: AppContext,
  o: { actor: Actor; snils: string; access: 'standard' | 'full'; validUntil: string } & Meta,
) {
  const s = checkSnils(o.snils);
  if (!s.ok) throw invalid({ field: 'snils', message: identifierErrorMessage('snils', s.error) });
  const until = new Date(o.validUntil.length === 10 ? `${o.validUntil}T23:59:59+03:00` : o.validUntil);
  const now = ctx.now();
  if (Number.isNaN(until.getTime())) throw invalid({ field: 'validUntil', message: 'Срок доверенности: неверная дата' });
  if (until <= now) throw invalid({ field: 'validUntil', message: 'Срок доверенности: должен быть позже сегодняшнего дня' });
  if (until.getTime() - now.getTime() > MAX_TERM_DAYS * 86_400_000) throw invalid({ field: 'validUntil', message: 'Срок доверенности: не более трёх лет' });
  return ctx.db.transaction().execute(async (trx) => {
    const self = await trx.selectFrom('persons').select('snils').where('id', '=', o.actor.personId).executeTakeFirst();
    if (self?.snils === s.value) throw invalid({ field: 'snils', message: 'СНИЛС: это ваш СНИЛС — руководитель уже действует от имени организации' });
    const pending = await trx
      .selectFrom('trusted_invitations')
      .select('id')
      .where('organization_id', '=', o.actor.organizationId)
      .where('snils', '=', s.value)
      .where('removed_at', 'is', null)
      .where('valid_until', '>', now)
      .executeTakeFirst();
    if (pending) throw new AppError('conflict', 'Этот человек уже приглашён или уже является доверенным лицом; удалите прежнее приглашение, чтобы изменить условия');
    const row = await trx
      .insertInto('trusted_invitations')
      .values({ organization_id: o.actor.organizationId, snils: s.value, access: o.access, valid_until: until, invited_by: o.actor.personId })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    // The invited person, when registered, hears of it by e-mail; otherwise the invitation waits for their СНИЛС.
    const invitee = await trx.selectFrom('persons').select(['id', 'email', 'full_name']).where('snils', '=', s.value).where('deleted_at', 'is', null).executeTakeFirst();
    const org = await trx.selectFrom('organizations').select('name').where('id', '=', o.actor.organizationId).executeTakeFirstOrThrow();
    if (invitee?.email) {
      await enqueueMail(trx, {
        personId: invitee.id,
        to: invitee.email,
        subject: `Приглашение стать доверенным лицом: ${org.name}`,
        text: [
          `Здравствуйте, ${invitee.full_name}!`,
          '',
          `Руководитель организации «${org.name.replace(/^.*«(.*)»$/, '$1')}» приглашает вас стать её доверенным лицом с ${o.access === 'full' ? 'полным' : 'стандартным'} доступом до ${formatMoscowDate(until)} включительно.`,
          '',
          `Принять приглашение: ${ctx.config.publicUrl}/trusted`,
          '',
          'ОССиГ',
        ].join('\n'),
      });
    }
    await audit(trx, {
      action: 'trusted.invited',
      personId: o.actor.personId,
      organizationId: o.actor.organizationId,
      subjectType: 'trusted_invitation',
      subjectId: row.id,
      ip: o.ip,
      userAgent: o.userAgent,
      details: { access: o.access, validUntil: until.toISOString() },
    });
    return { id: row.id, registered: !!invitee, emailed: !!invitee?.email };
  });
}

export async function listTrusted(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .selectFrom('trusted_invitations as i')
    .leftJoin('persons as p', 'p.id', 'i.accepted_by')
    .select(['i.id', 'i.snils', 'i.access', 'i.valid_until', 'i.created_at', 'i.accepted_at', 'i.removed_at', 'p.full_name'])
    .where('i.organization_id', '=', actor.organizationId)
    .orderBy('i.created_at', 'desc')
    .execute();
  // Trusted memberships made without an invitation (by the operator, by the demo, by a migration): listed too.
  const direct = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'p.snils', 'p.full_name', 'm.access', 'm.valid_until', 'm.created_at', 'm.revoked_at'])
    .where('m.organization_id', '=', actor.organizationId)
    .where('m.role', '=', 'trusted')
    .where('m.revoked_at', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('trusted_invitations as i').select('i.id').whereRef('i.membership_id', '=', 'm.id'))))
    .execute();
  const now = ctx.now();
  const invited = rows.map((r) => ({
    id: r.id,
    snils: r.snils,
    fullName: r.full_name,
    access: r.access,
    validUntil: new Date(r.valid_until).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    status: r.removed_at ? ('removed' as const) : new Date(r.valid_until) <= now ? ('expired' as const) : r.accepted_at ? ('active' as const) : ('invited' as const),
  }));
  const members = direct.map((m) => ({
    id: m.id,
    snils: m.snils ?? '',
    fullName: m.full_name,
    access: m.access,
    // A trusted membership always has a term (the table's check).
    validUntil: new Date(m.valid_until!).toISOString(),
    createdAt: new Date(m.created_at).toISOString(),
    status: m.valid_until && new Date(m.valid_until) <= now ? ('expired' as const) : ('active' as const),
  }));
  return [...members, ...invited];
}

export async function removeTrusted(ctx: AppContext, o: { actor: Actor; id: string } & Meta): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const inv = await trx
      .selectFrom('trusted_invitations')
      .selectAll()
      .where('id', '=', o.id)
      .where('organization_id', '=', o.actor.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!inv) {
      // A trusted membership made without an invitation is removed by its own id.
      const m = await trx
        .updateTable('memberships')
        .set({ revoked_at: ctx.now() })
        .where('id', '=', o.id)
        .where('organization_id', '=', o.actor.organizationId)
        .where('role', '=', 'trusted')
        .where('revoked_at', 'is', null)
        .returning(['id', 'person_id'])
        .executeTakeFirst();
      if (!m) throw new AppError('not_found', 'Доверенное лицо не найдено');
      await audit(trx, {
        action: 'trusted.removed',
        personId: o.actor.personId,
        organizationId: o.actor.organizationId,
        subjectType: 'membership',
        subjectId: m.id,
        ip: o.ip,
        userAgent: o.userAgent,
        details: { membershipId: m.id, trustedPersonId: m.person_id },
      });
      return;
    }
    if (inv.removed_at) throw new AppError('conflict', 'Доверенное лицо уже удалено');
    const now = ctx.now();
    await trx.updateTable('trusted_invitations').set({ removed_at: now, removed_by: o.actor.personId }).where('id', '=', inv.id).execute();
    if (inv.membership_id) await trx.updateTable('memberships').set({ revoked_at: now }).where('id', '=', inv.membership_id).where('revoked_at', 'is', null).execute();
    await audit(trx, {
      action: 'trusted.removed',
      personId: o.actor.personId,
      organizationId: o.actor.organizationId,
      subjectType: 'trusted_invitation',
      subjectId: inv.id,
      ip: o.ip,
      userAgent: o.userAgent,
      details: { membershipId: inv.membership_id, trustedPersonId: inv.accepted_by },
    });
  });
}

/** Invitations addressed to the signed-in person (by their СНИЛС), not yet accepted. */
export async function myInvitations(ctx: AppContext, personId: string) {
  const person = await ctx.db.selectFrom('persons').select('snils').where('id', '=', personId).executeTakeFirst();
  if (!person?.snils) return [];
  const rows = await ctx.db
    .selectFrom('trusted_invitations as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .innerJoin('persons as h', 'h.id', 'i.invited_by')
    .select(['i.id', 'i.access', 'i.valid_until', 'i.created_at', 'o.id as organization_id', 'o.name', 'o.inn', 'h.full_name as invited_by'])
    .where('i.snils', '=', person.snils)
    .where('i.accepted_at', 'is', null)
    .where('i.removed_at', 'is', null)
    .where('i.valid_until', '>', ctx.now())
    .orderBy('i.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organization: { id: r.organization_id, name: r.name, inn: r.inn },
    invitedBy: r.invited_by,
    access: r.access,
    validUntil: new Date(r.valid_until).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function acceptInvitation(ctx: AppContext, o: { personId: string; id: string } & Meta): Promise<{ organizationId: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('persons').select('snils').where('id', '=', o.personId).executeTakeFirst();
    const inv = await trx.selectFrom('trusted_invitations').selectAll().where('id', '=', o.id).forUpdate().executeTakeFirst();
    // Someone else's invitation is "not found": it reveals nothing.
    if (!inv || !person?.snils || inv.snils !== person.snils) throw new AppError('not_found', 'Приглашение не найдено');
    if (inv.accepted_at) throw new AppError('invitation_used', 'Приглашение уже принято: организация есть в списке ваших профилей («Сменить профиль»)');
    if (inv.removed_at) throw new AppError('invitation_used', 'Приглашение отозвано руководителем организации');
    const now = ctx.now();
    if (new Date(inv.valid_until) <= now) throw new AppError('invitation_expired', 'Срок доверенности по этому приглашению уже истёк');
    const existing = await trx
      .selectFrom('memberships')
      .select(['id', 'role'])
      .where('person_id', '=', o.personId)
      .where('organization_id', '=', inv.organization_id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (existing && existing.role !== 'trusted') throw new AppError('conflict', 'Вы уже состоите в этой организации');
    if (existing) await trx.updateTable('memberships').set({ revoked_at: now }).where('id', '=', existing.id).execute();
    const m = await trx
      .insertInto('memberships')
      .values({ person_id: o.personId, organization_id: inv.organization_id, role: 'trusted', access: inv.access, valid_until: inv.valid_until })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('trusted_invitations').set({ accepted_at: now, accepted_by: o.personId, membership_id: m.id }).where('id', '=', inv.id).execute();
    await audit(trx, {
      action: 'trusted.accepted',
      personId: o.personId,
      organizationId: inv.organization_id,
      subjectType: 'membership',
      subjectId: m.id,
      ip: o.ip,
      userAgent: o.userAgent,
      details: { invitationId: inv.id, access: inv.access, validUntil: new Date(inv.valid_until).toISOString() },
    });
    return { organizationId: inv.organization_id };
  });
}
