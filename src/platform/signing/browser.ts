/**
 * The entry of the signing library for the web cabinet (bundled by Vite, loaded on demand by the
 * e-signature sign-in page): the key container is opened and the challenge signed in the browser
 * with our own Стрибог and ГОСТ Р 34.10-2012; the key never leaves the machine. The bundle maps
 * `node:crypto` to Web Crypto (web/src/lib/signing/) and `Buffer` to the `buffer` package.
 */
import './browser-globals.js';
import type { BrowserSigning, KeyFileSignInput, KeyFileSignature } from './browser-types.js';
import { CertificateError, parseCertificate } from './certificates.js';
import { signAttached, SigningError } from './cms.js';
import { certificateForKey, KeyContainerError, openKeyContainer, readCertificateFile } from './key-containers.js';

async function signWithKeyFile(input: KeyFileSignInput): Promise<KeyFileSignature> {
  const opened = await openKeyContainer(input.keyFile, input.password);
  const candidates = [...opened.certificates.map((c) => parseCertificate(c))];
  if (input.certificateFile?.length) {
    const cert = readCertificateFile(input.certificateFile);
    if (!cert) throw new KeyContainerError('no_certificate', 'файл сертификата не читается');
    candidates.unshift(cert);
  }
  const cert = certificateForKey(opened.keyPem, candidates, input.now ?? new Date());
  const der = signAttached({ data: Buffer.from(input.challenge, 'utf8'), keyPem: opened.keyPem, certPem: cert.der, signingTime: input.now });
  return {
    signature: der.toString('base64'),
    format: opened.format,
    certificate: { commonName: cert.subject.commonName ?? null, organization: cert.subject.organization ?? null, notAfter: cert.notAfter.toISOString() },
  };
}

function messageOf(error: unknown): string | null {
  if (error instanceof KeyContainerError) return error.message;
  if (error instanceof CertificateError || error instanceof SigningError) return `Ключ или сертификат не читается: ${error.message}`;
  return null;
}

export const browserSigning: BrowserSigning = { signWithKeyFile, messageOf };
