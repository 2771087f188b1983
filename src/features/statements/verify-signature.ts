/**
 * Checking a file against its detached signature (`.sig`): the public
 * verification API and page. The file is hashed as it arrives (never held
 * in memory); the signature must chain to the operator's CA (or to a
 * configured trusted CA).
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { createStreebog256, verifyDetached, type VerifyFailureReason } from '../../platform/signing/index.js';
import { operatorSigner } from './operator-key.js';

export const VERIFY_REASONS: Record<VerifyFailureReason, string> = {
  not_cms: 'Файл подписи не является электронной подписью в формате CMS (.sig)',
  unsupported_algorithm: 'Подпись сделана по неподдерживаемому алгоритму: ожидается ГОСТ Р 34.10-2012 (256 бит) со Стрибог-256',
  no_content: 'Подпись не относится к переданному файлу',
  no_certificate: 'В подписи нет сертификата подписанта',
  digest_mismatch: 'Файл не соответствует подписи: документ изменён после подписания или выбран не тот файл',
  bad_signature: 'Подпись недействительна: значение подписи не сходится',
  signing_certificate_mismatch: 'Сертификат в подписи не совпадает с сертификатом, на который указывает подпись',
  expired: 'Срок действия сертификата подписанта истёк',
  not_yet_valid: 'Сертификат подписанта ещё не действует',
  untrusted: 'Подпись математически верна, но сертификат подписанта выдан не доверенным удостоверяющим центром',
};

export interface VerifyAnswer {
  valid: boolean;
  reason?: string;
  code?: VerifyFailureReason;
  signer: {
    commonName: string | null;
    organization: string | null;
    innLe: string | null;
    inn: string | null;
    ogrn: string | null;
    serialNumber: string;
    validFrom: string;
    validTo: string;
    issuer: string;
    isOperator: boolean;
  } | null;
  signedAt: string | null;
  document: { statementId: string; number: string; kind: 'pdf' | 'xlsx' } | null;
}

/** Incremental digests of an uploaded file. */
export class FileDigest {
  private readonly streebog = createStreebog256();
  private readonly sha = crypto.createHash('sha256');
  bytes = 0;
  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.streebog.update(chunk);
    this.sha.update(chunk);
  }
  digest(): { streebog256: Buffer; sha256: string } {
    return { streebog256: this.streebog.digest(), sha256: this.sha.digest('hex') };
  }
}

export async function verifyFileSignature(ctx: AppContext, o: { streebog256: Buffer; sha256: string; signature: Buffer }): Promise<VerifyAnswer> {
  const signer = await operatorSigner(ctx);
  const r = await verifyDetached({ digest: o.streebog256, signature: o.signature, trustedCaCerts: signer.trusted });
  const s = r.signer;
  let document: VerifyAnswer['document'] = null;
  if (r.valid) {
    const st = await ctx.db
      .selectFrom('statements')
      .select(['id', 'number', 'pdf_sha256', 'xlsx_sha256'])
      .where((eb) => eb.or([eb('pdf_sha256', '=', o.sha256), eb('xlsx_sha256', '=', o.sha256)]))
      .where('status', '=', 'ready')
      .executeTakeFirst();
    if (st) document = { statementId: st.id, number: st.number, kind: st.pdf_sha256 === o.sha256 ? 'pdf' : 'xlsx' };
  }
  return {
    valid: r.valid,
    ...(r.valid ? {} : { reason: VERIFY_REASONS[r.reason ?? 'bad_signature'], code: r.reason ?? 'bad_signature' }),
    signer: s
      ? {
          commonName: s.commonName ?? null,
          organization: s.organization ?? null,
          innLe: s.innLe ?? null,
          inn: s.inn ?? null,
          ogrn: s.ogrn ?? null,
          serialNumber: s.serialNumber,
          validFrom: s.notBefore.toISOString(),
          validTo: s.notAfter.toISOString(),
          issuer: s.issuer,
          isOperator: s.fingerprint === signer.certificate.fingerprint,
        }
      : null,
    signedAt: r.signedAt ? r.signedAt.toISOString() : null,
    document,
  };
}
