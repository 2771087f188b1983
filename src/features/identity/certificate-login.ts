/**
 * Sign-in with an e-signature certificate (seed 003). The server issues a
 * challenge; the client returns it signed (CMS, ГОСТ Р 34.10-2012, attached or
 * detached); the server checks the signature, the certificate's validity and
 * its chain to the trusted CAs, reads ИНН ЮЛ / ИНН / ОГРН / ОГРНИП / СНИЛС from
 * the subject by their OIDs, and opens that organization's cabinet with the
 * holder as its head — creating the organization on first entry, its profile
 * filled from the state register when it answers.
 */
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { verifyCms, type SignerSummary } from '../../platform/signing/index.js';
import { checkInnLegal, checkInnPerson, checkOgrn, checkOgrnip, checkSnils } from '../../domain/identifiers.js';
import { registerFromConfig, type RegisterRecord } from '../organizations/register.js';
import { trustedCaCertificates } from './trust.js';
import { openSession } from './open-session.js';
import type { SessionMeta } from './sessions.js';

export const CHALLENGE_TTL_SECONDS = 300;
const sha = (s: string | Buffer): Buffer => crypto.createHash('sha256').update(s).digest();

export async function issueCertificateChallenge(ctx: AppContext): Promise<{ challengeId: string; challenge: string; expiresAt: string }> {
  const challenge = `ossig-login:${crypto.randomBytes(24).toString('base64url')}`;
  const expiresAt = new Date(ctx.now().getTime() + CHALLENGE_TTL_SECONDS * 1000);
  const row = await ctx.db
    .insertInto('auth_challenges')
    .values({ kind: 'certificate', secret_hash: sha(challenge), payload: JSON.stringify({ challenge }), expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { challengeId: row.id, challenge, expiresAt: expiresAt.toISOString() };
}

/** What the certificate says about the organization and its holder. */
export interface CertificateHolder {
  kind: 'legal' | 'individual';
  inn: string;
  ogrn: string;
  snils: string;
  fullName: string;
  organizationName: string | null;
  email: string | null;
  serialNumber: string;
  fingerprint: string;
  notAfter: Date;
}

const reject = (detail: string) => new AppError('certificate_rejected', detail);

/** Reads the subject's identifiers by OID and checks their check digits. */
export function holderOf(s: SignerSummary): CertificateHolder {
  let kind: 'legal' | 'individual';
  let inn: string;
  let ogrn: string;
  if (s.innLe) {
    if (!checkInnLegal(s.innLe).ok) throw reject('ИНН юридического лица в сертификате (OID 1.2.643.100.4) не проходит проверку контрольного числа');
    if (!s.ogrn || !checkOgrn(s.ogrn).ok) throw reject('В сертификате нет верного ОГРН (OID 1.2.643.100.1) организации');
    kind = 'legal';
    inn = s.innLe;
    ogrn = s.ogrn;
  } else if (s.inn && s.ogrnip) {
    if (!checkInnPerson(s.inn).ok) throw reject('ИНН в сертификате (OID 1.2.643.3.131.1.1) не проходит проверку контрольного числа');
    if (!checkOgrnip(s.ogrnip).ok) throw reject('ОГРНИП в сертификате (OID 1.2.643.100.5) не проходит проверку контрольного числа');
    kind = 'individual';
    inn = s.inn;
    ogrn = s.ogrnip;
  } else {
    throw reject('В сертификате нет ИНН и ОГРН организации (или ИНН и ОГРНИП предпринимателя): по нему нельзя войти в кабинет организации');
  }
  if (!s.snils || !checkSnils(s.snils).ok) throw reject('В сертификате нет верного СНИЛС владельца (OID 1.2.643.100.3)');
  const fullName = [s.surname, s.givenName].filter(Boolean).join(' ') || s.commonName || 'Владелец сертификата';
  return {
    kind,
    inn,
    ogrn,
    snils: s.snils,
    fullName: fullName.slice(0, 300),
    organizationName: s.organization ?? (kind === 'individual' ? `ИП ${fullName}` : null),
    email: s.email ?? null,
    serialNumber: s.serialNumber,
    fingerprint: s.fingerprint,
    notAfter: s.notAfter,
  };
}

const FAILURES: Record<string, (d?: string) => AppError> = {
  not_cms: () => new AppError('signature_invalid', 'Подпись: это не подпись CMS (PKCS#7). Подпишите запрос командой sign-challenge или плагином', [{ field: 'signature', message: 'Подпись: это не подпись CMS' }]),
  unsupported_algorithm: () => new AppError('signature_invalid', 'Подпись: алгоритм не поддерживается — нужна подпись ГОСТ Р 34.10-2012 (256 или 512 бит)'),
  no_content: () => new AppError('signature_invalid', 'Подпись: не содержит подписанного запроса'),
  no_certificate: () => reject('В подписи нет сертификата подписанта'),
  digest_mismatch: () => new AppError('signature_invalid', 'Подпись сделана не для этого запроса: подпишите выданный запрос ещё раз'),
  bad_signature: () => new AppError('signature_invalid', 'Подпись не прошла проверку: данные или подпись повреждены'),
  signing_certificate_mismatch: () => new AppError('signature_invalid', 'Подпись не прошла проверку: сертификат подписанта не совпадает с указанным в подписи'),
  expired: () => reject('Срок действия сертификата (или сертификата удостоверяющего центра) истёк'),
  not_yet_valid: () => reject('Сертификат ещё не начал действовать'),
  untrusted: () => reject('Сертификат выдан удостоверяющим центром, которому система не доверяет'),
};

async function findOrCreateOrganization(
  trx: Transaction<Database>,
  h: CertificateHolder,
  record: RegisterRecord | null,
): Promise<{ id: string; created: boolean }> {
  const existing = await trx.selectFrom('organizations').select(['id', 'ogrn']).where('inn', '=', h.inn).executeTakeFirst();
  if (existing) {
    if (existing.ogrn && existing.ogrn !== h.ogrn) throw reject('ОГРН в сертификате не совпадает с ОГРН организации с этим ИНН');
    return { id: existing.id, created: false };
  }
  const fromRegister = record && record.inn === h.inn;
  const row = await trx
    .withTables<{ organizations: { profile_source: string; profile_checked_at: Date | null } }>()
    .insertInto('organizations')
    .values({
      kind: h.kind,
      inn: h.inn,
      ogrn: h.ogrn,
      kpp: fromRegister ? record.kpp : null,
      name: (fromRegister ? record.name : h.organizationName) ?? `Организация ИНН ${h.inn}`,
      short_name: fromRegister ? record.shortName : null,
      address: fromRegister ? record.address : null,
      email: null,
      phone: null,
      roles: ['producer'],
      profile_source: fromRegister ? 'register' : 'certificate',
      profile_checked_at: fromRegister ? new Date() : null,
      // Where each detail came from (documents print it): the register, or the certificate's subject.
      field_sources: JSON.stringify(
        fromRegister
          ? { name: 'register', short_name: 'register', kpp: 'register', address: 'register', inn: 'register', ogrn: 'register' }
          : { name: h.organizationName ? 'certificate' : 'manual', inn: 'certificate', ogrn: 'certificate' },
      ),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export async function signInWithCertificate(
  ctx: AppContext,
  o: { challengeId: string; signature: string },
  meta: SessionMeta,
) {
  const ch = await ctx.db.selectFrom('auth_challenges').selectAll().where('id', '=', o.challengeId).where('kind', '=', 'certificate').executeTakeFirst();
  if (!ch) throw new AppError('challenge_expired', 'Запрос на подпись не найден: получите новый');
  if (ch.used_at) throw new AppError('challenge_used', 'Этот запрос на подпись уже использован: получите новый и подпишите его');
  if (new Date(ch.expires_at) <= ctx.now()) throw new AppError('challenge_expired', `Запрос на подпись действовал ${CHALLENGE_TTL_SECONDS / 60} минут и устарел: получите новый`);
  const challenge = Buffer.from(String((ch.payload as { challenge: string }).challenge), 'utf8');

  const result = await verifyCms({ signature: o.signature.trim(), data: challenge, trustedCaCerts: trustedCaCertificates(ctx.config), at: ctx.now() });
  if (result.content && !result.content.equals(challenge)) throw FAILURES.digest_mismatch();
  if (!result.valid || !result.signer) {
    await ctx.db.transaction().execute((trx) =>
      audit(trx, { action: 'auth.certificate_failed', ...meta, details: { reason: result.reason ?? 'unknown', subject: result.signer?.subject ?? null } }),
    );
    throw (FAILURES[result.reason ?? 'bad_signature'] ?? FAILURES.bad_signature)();
  }
  const h = holderOf(result.signer);

  // The register is asked before the transaction (it may be slow or down; nothing waits on it inside).
  const known = await ctx.db.selectFrom('organizations').select('id').where('inn', '=', h.inn).executeTakeFirst();
  let record: RegisterRecord | null = null;
  if (!known) record = (await registerFromConfig(ctx.config)?.lookup(h.inn).catch(() => null)) ?? null;

  let createdOrg = false;
  const session = await openSession(ctx, {
    method: 'certificate',
    strong: true,
    meta,
    details: { certificate: { serialNumber: h.serialNumber, fingerprint: h.fingerprint, issuer: result.signer.issuer } },
    within: async (trx) => {
      const used = await trx
        .updateTable('auth_challenges')
        .set({ used_at: ctx.now() })
        .where('id', '=', ch.id)
        .where('used_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!used) throw new AppError('challenge_used', 'Этот запрос на подпись уже использован: получите новый и подпишите его');
      const org = await findOrCreateOrganization(trx, h, record);
      createdOrg = org.created;
      let person = await trx.selectFrom('persons').select(['id']).where('snils', '=', h.snils).where('deleted_at', 'is', null).executeTakeFirst();
      if (!person) {
        const email = h.email && !(await trx.selectFrom('persons').select('id').where(sql`lower(email)`, '=', h.email.toLowerCase()).executeTakeFirst()) ? h.email : null;
        person = await trx.insertInto('persons').values({ full_name: h.fullName, snils: h.snils, email, phone: null, password_hash: null }).returning('id').executeTakeFirstOrThrow();
      }
      const membership = await trx
        .selectFrom('memberships')
        .select(['id', 'role'])
        .where('person_id', '=', person.id)
        .where('organization_id', '=', org.id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (membership?.role !== 'head') {
        if (membership) await trx.updateTable('memberships').set({ revoked_at: ctx.now() }).where('id', '=', membership.id).execute();
        await trx.insertInto('memberships').values({ person_id: person.id, organization_id: org.id, role: 'head', access: 'full', valid_until: null }).execute();
        await audit(trx, {
          action: 'membership.head_by_certificate',
          personId: person.id,
          organizationId: org.id,
          ip: meta.ip,
          userAgent: meta.userAgent,
          details: { previousRole: membership?.role ?? null, certificate: h.serialNumber },
        });
      }
      if (org.created) {
        await audit(trx, {
          action: 'organization.created',
          personId: person.id,
          organizationId: org.id,
          subjectType: 'organization',
          subjectId: org.id,
          ip: meta.ip,
          userAgent: meta.userAgent,
          details: { inn: h.inn, ogrn: h.ogrn, profileSource: record ? 'register' : 'certificate' },
        });
      }
      return { personId: person.id, organizationId: org.id };
    },
  });
  return { ...session, createdOrganization: createdOrg, profileFromRegister: createdOrg && record !== null };
}
