/**
 * Checking a file against its detached signature (`.sig`): the public
 * verification API and page. The file is hashed as it arrives (never held
 * in memory); the signature must chain to the operator's CA (or to a
 * configured trusted CA). A valid signature of a document the system issued
 * also says which registry record it is (by the file's hash), and whether
 * the operator has annulled it.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { OID, createStreebog256, createStreebog512, digestAlgorithmOf, verifyDetached, type VerifyFailureReason } from '../../platform/signing/index.js';
import { operatorSigner } from '../../platform/documents/operator-signer.js';
import { findByFileHash, verificationUrl } from '../../platform/documents/registry.js';
import { formatDocumentCode } from '../../platform/documents/code.js';

export const VERIFY_REASONS: Record<VerifyFailureReason, string> = {
  not_cms: 'Файл подписи не является электронной подписью в формате CMS (.sig)',
  unsupported_algorithm: 'Подпись сделана по неподдерживаемому алгоритму: ожидается ГОСТ Р 34.10-2012 (256 или 512 бит) со Стрибог-256 или Стрибог-512',
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
  /** RFC 3161 time-stamp of the signature (CAdES-T), when it carries one. */
  timestamp: { at: string; valid: boolean } | null;
  /** The registry record of the document this file is (when the signature is valid and the system issued it). */
  document: {
    /** For statements: the statement's id. */
    statementId: string | null;
    number: string;
    /** Which file of the document this is. */
    kind: string;
    documentKind: string;
    code: string;
    status: 'valid' | 'annulled';
    annulledAt: string | null;
    annulReason: string | null;
    url: string;
  } | null;
}

/** Incremental digests of an uploaded file. */
export class FileDigest {
  private readonly streebog = createStreebog256();
  private readonly streebog512 = createStreebog512();
  private readonly sha = crypto.createHash('sha256');
  bytes = 0;
  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.streebog.update(chunk);
    this.streebog512.update(chunk);
    this.sha.update(chunk);
  }
  digest(): { streebog256: Buffer; streebog512: Buffer; sha256: string } {
    return { streebog256: this.streebog.digest(), streebog512: this.streebog512.digest(), sha256: this.sha.digest('hex') };
  }
}

/** The Стрибог digest a signature needs: -512 when its first signer used it. */
function digestFor(signature: Buffer, d: { streebog256: Buffer; streebog512?: Buffer }): Buffer {
  return d.streebog512 && digestAlgorithmOf(signature) === OID.gost3411_2012_512 ? d.streebog512 : d.streebog256;
}

export async function verifyFileSignature(ctx: AppContext, o: { streebog256: Buffer; streebog512?: Buffer; sha256: string; signature: Buffer }): Promise<VerifyAnswer> {
  const signer = await operatorSigner(ctx);
  const r = await verifyDetached({ digest: digestFor(o.signature, o), signature: o.signature, trustedCaCerts: signer.trusted });
  const s = r.signer;
  let document: VerifyAnswer['document'] = null;
  if (r.valid) {
    const found = await findByFileHash(ctx.db, o.sha256);
    if (found) {
      const d = found.document;
      document = {
        statementId: d.kind === 'statement' ? d.subjectId : null,
        number: d.number,
        kind: found.fileKind,
        documentKind: d.kind,
        code: formatDocumentCode(d.code),
        status: d.status === 'annulled' ? 'annulled' : 'valid',
        annulledAt: d.annulledAt ? d.annulledAt.toISOString() : null,
        annulReason: d.annulReason,
        url: verificationUrl(ctx.config, d.code),
      };
    }
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
    timestamp: r.timestamp && !Number.isNaN(r.timestamp.at.getTime()) ? { at: r.timestamp.at.toISOString(), valid: r.timestamp.valid } : null,
    document,
  };
}
