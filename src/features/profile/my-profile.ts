/**
 * The personal profile (seed 003, «Профиль»): the person's name, СНИЛС (which
 * they give to the head who invites them), e-mail and phone with whether each
 * is confirmed, and the ways they sign in. Only the person reads and edits
 * their own profile: every function takes the person of the session.
 *
 * A СНИЛС taken from an e-signature certificate at sign-in is confirmed and
 * cannot be changed here; a typed one is checked with its control number.
 * Contacts change only through a code (./contacts.ts).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/context.js';
import { audit } from '../../platform/audit.js';
import { invalid, type FieldError } from '../../platform/http/errors.js';
import { checkSnils, formatSnils, identifierErrorMessage } from '../../domain/identifiers.js';
import { totpEnabled, recoveryCodesLeft } from '../identity/totp.js';
import { cleanText } from '../organizations/profile.js';

/** The certificates the person signed in with (from the audit log of sign-ins), newest first. */
async function certificatesOf(ctx: AppContext, personId: string) {
  const rows = await sql<{ serial: string | null; issuer: string | null; fingerprint: string | null; last: Date; first: Date }>`
    select details->'certificate'->>'serialNumber' as serial,
           max(details->'certificate'->>'issuer') as issuer,
           details->'certificate'->>'fingerprint' as fingerprint,
           max(at) as last, min(at) as first
      from audit_events
     where person_id = ${personId} and action = 'auth.login' and details ? 'certificate'
     group by 1, 3
     order by max(at) desc
     limit 20`.execute(ctx.db);
  return rows.rows.map((r) => ({
    serialNumber: r.serial ?? '',
    issuer: r.issuer ?? null,
    firstUsedAt: new Date(r.first).toISOString(),
    lastUsedAt: new Date(r.last).toISOString(),
  }));
}

/** Whether a contact value is confirmed: a code sent to exactly this value was entered. */
async function confirmed(ctx: AppContext, personId: string, channel: 'email' | 'phone', value: string | null): Promise<boolean> {
  if (!value) return false;
  const row = await ctx.db
    .selectFrom('contact_confirmations')
    .select('id')
    .where('person_id', '=', personId)
    .where('channel', '=', channel)
    .where(channel === 'email' ? sql`lower(value)` : sql`value`, '=', channel === 'email' ? value.toLowerCase() : value)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return !!row;
}

/** A code sent and not yet entered (the address it went to, until when it works). */
async function pending(ctx: AppContext, personId: string, channel: 'email' | 'phone') {
  const row = await ctx.db
    .selectFrom('contact_confirmations')
    .select(['value', 'expires_at'])
    .where('person_id', '=', personId)
    .where('channel', '=', channel)
    .where('confirmed_at', 'is', null)
    .where('expires_at', '>', ctx.now())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? { value: row.value, expiresAt: new Date(row.expires_at).toISOString() } : null;
}

export async function getMyProfile(ctx: AppContext, personId: string) {
  const p = await ctx.db.selectFrom('persons').select(['id', 'full_name', 'snils', 'email', 'phone', 'password_hash']).where('id', '=', personId).executeTakeFirstOrThrow();
  const certificates = await certificatesOf(ctx, personId);
  const oidc = await ctx.db.selectFrom('audit_events').select('id').where('person_id', '=', personId).where('action', '=', 'auth.login').where(sql`details->>'method'`, '=', 'oidc').executeTakeFirst();
  const snilsFromCertificate = !!p.snils && (await snilsConfirmedByCertificate(ctx, personId));
  return {
    id: p.id,
    fullName: p.full_name,
    snils: p.snils ? formatSnils(p.snils) : null,
    snilsConfirmed: snilsFromCertificate,
    email: p.email,
    emailConfirmed: await confirmed(ctx, personId, 'email', p.email),
    emailPending: await pending(ctx, personId, 'email'),
    phone: p.phone,
    phoneConfirmed: await confirmed(ctx, personId, 'phone', p.phone),
    phonePending: await pending(ctx, personId, 'phone'),
    signIn: {
      password: !!p.password_hash,
      secondFactor: await totpEnabled(ctx.db, personId),
      recoveryCodesLeft: await recoveryCodesLeft(ctx, personId),
      certificates,
      oidc: !!oidc,
    },
  };
}

export type MyProfile = Awaited<ReturnType<typeof getMyProfile>>;

/** The СНИЛС came with an e-signature certificate: the person signed in with a certificate while holding it. */
async function snilsConfirmedByCertificate(ctx: AppContext, personId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('audit_events')
    .select('id')
    .where('person_id', '=', personId)
    .where('action', '=', 'auth.login')
    .where(sql<boolean>`details ? 'certificate'`)
    .executeTakeFirst();
  return !!row;
}

/** The audit event of a change a person makes to their own profile: the person is the subject, no organization acts. */
export function auditOwnProfile(
  trx: Transaction<Database>,
  o: { personId: string; ip?: string | null; userAgent?: string | null },
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  return audit(trx, { action, personId: o.personId, organizationId: null, subjectType: 'person', subjectId: o.personId, ip: o.ip ?? null, userAgent: o.userAgent ?? null, details });
}

/** The person changes their name or СНИЛС. */
export async function updateMyProfile(
  ctx: AppContext,
  o: { personId: string; patch: { fullName?: string; snils?: string | null }; ip?: string | null; userAgent?: string | null },
): Promise<MyProfile> {
  const errors: FieldError[] = [];
  const set: { full_name?: string; snils?: string | null } = {};
  if (o.patch.fullName !== undefined) {
    const r = cleanText(o.patch.fullName, { field: 'fullName', label: 'ФИО', min: 2, max: 300, letter: true });
    if (!r.ok) errors.push(r.error);
    else set.full_name = r.value;
  }
  const current = await ctx.db.selectFrom('persons').select(['full_name', 'snils']).where('id', '=', o.personId).executeTakeFirstOrThrow();
  if (o.patch.snils !== undefined) {
    const typed = o.patch.snils === null ? '' : o.patch.snils.trim();
    const r = typed === '' ? null : checkSnils(typed);
    if (r && !r.ok) errors.push({ field: 'snils', message: identifierErrorMessage('snils', r.error) });
    else {
      const value = r ? r.value : null;
      if (value !== current.snils) {
        if (current.snils && (await snilsConfirmedByCertificate(ctx, o.personId))) {
          errors.push({ field: 'snils', message: 'СНИЛС: подтверждён электронной подписью при входе и не меняется в профиле; если он неверен, обратитесь в поддержку' });
        } else if (value) {
          const taken = await ctx.db.selectFrom('persons').select('id').where('snils', '=', value).where('id', '<>', o.personId).executeTakeFirst();
          if (taken) errors.push({ field: 'snils', message: 'СНИЛС: уже указан в другой учётной записи; если это ваш СНИЛС, обратитесь в поддержку' });
          else set.snils = value;
        } else set.snils = null;
      }
    }
  }
  if (errors.length) throw invalid(errors);
  const changes = Object.fromEntries(
    Object.entries(set)
      .filter(([k, v]) => (current as Record<string, unknown>)[k] !== v)
      .map(([k, v]) => [k, [(current as Record<string, unknown>)[k] ?? null, v]]),
  );
  if (Object.keys(changes).length) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('persons').set(set).where('id', '=', o.personId).execute();
      // A СНИЛС is personal data: the log says it changed, not what it is.
      await auditOwnProfile(trx, o, 'profile.updated', { fields: Object.keys(changes), ...(changes.full_name ? { fullName: changes.full_name } : {}) });
    });
  }
  return getMyProfile(ctx, o.personId);
}
