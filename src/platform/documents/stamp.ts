/**
 * What every signed document shares once its content is rendered: the signer's stamp printed on
 * it, and the signing of a stored file — its Стрибог digest, the detached CAdES signature
 * (time-stamped when TSP_URL is set) written beside it as `<key>.sig`, and the file's entry for
 * `completeDocument`. Permits, reports and acts use these; statements sign in their own job.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { Config } from '../config.js';
import { withLocalCopy, type FileStore } from '../files/index.js';
import { streebog256, streebog512, type ParsedCertificate } from '../signing/index.js';
import { certificateOwner } from './operator-signer.js';
import { signDocumentFile, type DocumentSigner } from './signer.js';

/** The signer as printed in a document's stamp. */
export interface SignatureStamp {
  owner: string;
  organization?: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  issuer: string;
  algorithm: string;
}

export function signatureStamp(cert: ParsedCertificate, bits: number): SignatureStamp {
  return {
    owner: cert.subject.commonName ?? certificateOwner(cert),
    organization: cert.subject.organization,
    serial: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    issuer: cert.issuer.commonName ?? cert.issuer.text,
    algorithm: `ГОСТ Р 34.10-2012 (${bits} бит), ГОСТ Р 34.11-2012 (Стрибог-${bits})`,
  };
}

export interface SignedStoredFile {
  sigKey: string;
  timestampedAt: Date | null;
  /** The entry `completeDocument` records. */
  file: { kind: string; bytes: number; sha256: string; streebog: string; signatureSha256: string };
}

/** Signs the file stored under `key` (already written: `stored` is what the store answered) and writes `<key>.sig`. */
export async function signStoredFile(
  config: Pick<Config, 'tsp'>,
  signer: DocumentSigner,
  store: FileStore,
  f: { kind: string; key: string; stored: { bytes: number; sha256: string }; signedAt: Date },
): Promise<SignedStoredFile> {
  const tsp = config.tsp.url ? { url: config.tsp.url, timeoutSeconds: config.tsp.timeoutSeconds } : null;
  const { digest, signed } = await withLocalCopy(store, f.key, async (path) => {
    const content = await fs.readFile(path);
    const digest = signer.digestBits === 512 ? streebog512(content) : streebog256(content);
    return { digest, signed: await signDocumentFile(signer, { path, digest, signingTime: f.signedAt }, tsp) };
  });
  const sigKey = `${f.key}.sig`;
  await store.put(sigKey, signed.signature);
  return {
    sigKey,
    timestampedAt: signed.timestampedAt,
    file: {
      kind: f.kind,
      bytes: f.stored.bytes,
      sha256: f.stored.sha256,
      streebog: digest.toString('hex'),
      signatureSha256: crypto.createHash('sha256').update(signed.signature).digest('hex'),
    },
  };
}

/**
 * Stores a rendered PDF under a fresh key (`<prefix>-<random>.pdf`, so a job that runs twice never
 * overwrites what a first run recorded) and signs it; when signing fails, the PDF is removed again.
 */
export async function storeSignedPdf(
  config: Pick<Config, 'tsp'>,
  signer: DocumentSigner,
  store: FileStore,
  f: { prefix: string; pdf: Buffer; signedAt: Date },
): Promise<SignedStoredFile & { key: string; stored: { bytes: number; sha256: string } }> {
  const key = `${f.prefix}-${crypto.randomBytes(4).toString('hex')}.pdf`;
  const stored = await store.put(key, f.pdf);
  try {
    const signed = await signStoredFile(config, signer, store, { kind: 'pdf', key, stored, signedAt: f.signedAt });
    return { ...signed, key, stored };
  } catch (e) {
    await store.delete(key);
    throw e;
  }
}
