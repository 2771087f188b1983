import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CertificateWithKey,
  createCertificateAuthority,
  generateKeyPair,
  issueCertificate,
  issueEndEntityCertificate,
} from './certificates.js';
import { cmsToPem, signAttached, signDetached, verifyCms, verifyDetached } from './cms.js';
import { type OpenSslGost, GOST } from '../../../test/helpers/openssl.js';
import { createStreebog256, streebog256File } from './streebog.js';

const DAY = 86_400_000;
let openssl: OpenSslGost;
let dir: string;
let ca: CertificateWithKey;
let signer: CertificateWithKey;
let caPath: string;
let signerCertPath: string;
let signerKeyPath: string;
let dataPath: string;
let data: Buffer;

const signerSubject = {
  commonName: 'Петрова Анна Сергеевна',
  surname: 'Петрова',
  givenName: 'Анна Сергеевна',
  organization: 'ООО «Грунтовоз»',
  country: 'RU',
  inn: '500100732259',
  innLe: '5001007322',
  ogrn: '1025000000001',
  snils: '11223344595',
};

const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** openssl cms -verify; resolves true when OpenSSL reports success. */
async function opensslVerify(sigPath: string, contentPath: string | null, extra: string[]): Promise<{ ok: boolean; out: string }> {
  const args = ['-verify', '-binary', '-inform', 'DER', '-in', sigPath, ...(contentPath ? ['-content', contentPath] : []), '-out', join(dir, 'verified.out'), ...extra];
  const r = await openssl.tryGost('cms', args);
  return { ok: r.code === 0 && /Verification successful/.test(r.stderr + r.stdout.toString()), out: r.stderr + r.stdout.toString() };
}

async function opensslSign(contentPath: string, out: string, extra: string[] = []): Promise<Buffer> {
  await openssl.gost('cms', ['-sign', '-binary', '-outform', 'DER', '-md', 'md_gost12_256', '-signer', signerCertPath, '-inkey', signerKeyPath, '-in', contentPath, '-out', out, ...extra]);
  return readFileSync(out);
}

beforeAll(async () => {
  if (!GOST) return;
  openssl = GOST;
  dir = mkdtempSync(join(tmpdir(), 'ossig-cms-'));
  ca = createCertificateAuthority({
    subject: { commonName: 'УЦ для тестов', organization: 'ОССиГ', country: 'RU', innLe: '7701234567', ogrn: '1027700132195' },
    notBefore: new Date(Date.now() - 60 * DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
  });
  signer = issueEndEntityCertificate({ ca, subject: signerSubject });
  caPath = file('ca.pem', ca.certPem);
  signerCertPath = file('signer.pem', signer.certPem);
  signerKeyPath = file('signer.key', signer.keyPem);
  data = randomBytes(200_000);
  dataPath = file('act.pdf', data);
});

describe.skipIf(!GOST)('our signatures, checked by OpenSSL', () => {
  it('detached CAdES-BES verifies with -CAfile (and -cades), and fails on one changed byte', async () => {
    const sig = signDetached({ data, keyPem: signer.keyPem, certPem: signer.certPem });
    const sigPath = file('act.pdf.sig', sig);
    expect((await opensslVerify(sigPath, dataPath, ['-CAfile', caPath, '-purpose', 'any'])).ok).toBe(true);
    const cades = await opensslVerify(sigPath, dataPath, ['-CAfile', caPath, '-cades']);
    expect(cades.out).toContain('CAdES Verification successful');
    const tampered = Buffer.from(data);
    tampered[12345] ^= 0x40;
    const tamperedPath = file('act-tampered.pdf', tampered);
    expect((await opensslVerify(sigPath, tamperedPath, ['-CAfile', caPath, '-purpose', 'any'])).ok).toBe(false);
    const ours = await verifyDetached({ data: tampered, signature: sig, trustedCaCerts: [ca.certPem] });
    expect(ours).toMatchObject({ valid: false, reason: 'digest_mismatch' });
  });

  it('has the expected CMS structure (sorted signed attributes, embedded cert, signingCertificateV2)', async () => {
    const sig = signDetached({ data, keyPem: signer.keyPem, certPem: signer.certPem, signingTime: new Date('2025-03-01T10:00:00Z') });
    const dump = (await openssl.run(['asn1parse', '-inform', 'DER', '-in', file('s.sig', sig)])).stdout.toString();
    const order = ['contentType', 'signingTime', 'messageDigest', 'id-smime-aa-signingCertificateV2'].map((n) => dump.indexOf(`:${n}`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(dump).toContain('250301100000Z');
    expect(dump).toContain('GOST R 34.10-2012 with 256 bit modulus'); // signatureAlgorithm like OpenSSL writes
    expect(dump.match(/:GOST R 34\.10-2012 with GOST R 34\.11-2012 \(256 bit\)/g)?.length).toBe(2); // embedded certificate
  });

  it('self-signed signer: OpenSSL verifies with -noverify and with the certificate as CAfile', async () => {
    const kp = generateKeyPair();
    const self = issueCertificate({ subject: { commonName: 'Самоподписанный', inn: '500100732259' }, subjectKey: kp.privateKeyPem, ca: true });
    const sigPath = file('self.sig', signDetached({ data, keyPem: kp.privateKeyPem, certPem: self.pem }));
    expect((await opensslVerify(sigPath, dataPath, ['-noverify'])).ok).toBe(true);
    expect((await opensslVerify(sigPath, dataPath, ['-CAfile', file('self.pem', self.pem), '-purpose', 'any'])).ok).toBe(true);
  });

  it('signs a precomputed digest (hash while streaming) the same way', async () => {
    const h = createStreebog256();
    for await (const chunk of createReadStream(dataPath, { highWaterMark: 7777 })) h.update(chunk as Buffer);
    const digest = h.digest();
    expect(digest.equals(await streebog256File(dataPath))).toBe(true);
    const sigPath = file('digest.sig', signDetached({ digest, keyPem: signer.keyPem, certPem: signer.certPem }));
    expect((await opensslVerify(sigPath, dataPath, ['-CAfile', caPath, '-purpose', 'any'])).ok).toBe(true);
    const r = await verifyDetached({ data: createReadStream(dataPath), signature: readFileSync(sigPath), trustedCaCerts: [ca.certPem] });
    expect(r.valid).toBe(true);
    expect((await verifyDetached({ digest, signature: readFileSync(sigPath) })).valid).toBe(true);
  });

  it('attached signature of a short challenge verifies in OpenSSL and ours returns the content', async () => {
    const challenge = Buffer.from('login-challenge:8f1c2e');
    const sig = signAttached({ data: challenge, keyPem: signer.keyPem, certPem: signer.certPem });
    const sigPath = file('challenge.sig', sig);
    expect((await opensslVerify(sigPath, null, ['-CAfile', caPath, '-purpose', 'any'])).ok).toBe(true);
    expect(readFileSync(join(dir, 'verified.out')).equals(challenge)).toBe(true);
    const r = await verifyCms({ signature: sig, trustedCaCerts: [ca.certPem] });
    expect(r.valid).toBe(true);
    expect(r.content?.equals(challenge)).toBe(true);
    expect(r.signer?.snils).toBe('11223344595');
  });
});

describe.skipIf(!GOST)('OpenSSL signatures, checked by us', () => {
  it('verifies a detached OpenSSL signature, reports the signer, and catches one changed byte', async () => {
    const sig = await opensslSign(dataPath, join(dir, 'ossl.sig'));
    const r = await verifyDetached({ data, signature: sig, trustedCaCerts: [ca.certPem] });
    expect(r.valid).toBe(true);
    expect(r.signer).toMatchObject({
      commonName: signerSubject.commonName,
      organization: signerSubject.organization,
      inn: signerSubject.inn,
      innLe: signerSubject.innLe,
      ogrn: signerSubject.ogrn,
      snils: signerSubject.snils,
      serialNumber: signer.certificate.serialNumber,
    });
    expect(r.signedAt).toBeInstanceOf(Date);
    expect(Math.abs(r.signedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    const tampered = Buffer.from(data);
    tampered[0] ^= 1;
    expect(await verifyDetached({ data: tampered, signature: sig, trustedCaCerts: [ca.certPem] })).toMatchObject({ valid: false, reason: 'digest_mismatch' });
  });

  it('verifies OpenSSL variants: -cades, -nodetach, -noattr, PEM output, -nosmimecap', async () => {
    const cades = await opensslSign(dataPath, join(dir, 'o-cades.sig'), ['-cades']);
    expect((await verifyDetached({ data, signature: cades, trustedCaCerts: [ca.certPem] })).valid).toBe(true);

    const attached = await opensslSign(dataPath, join(dir, 'o-att.sig'), ['-nodetach']);
    const a = await verifyCms({ signature: attached, trustedCaCerts: [ca.certPem] });
    expect(a.valid).toBe(true);
    expect(a.content?.equals(data)).toBe(true);

    const noattr = await opensslSign(dataPath, join(dir, 'o-noattr.sig'), ['-noattr']);
    expect((await verifyDetached({ data, signature: noattr, trustedCaCerts: [ca.certPem] })).valid).toBe(true);
    const bad = Buffer.from(data);
    bad[99] ^= 0x80;
    expect(await verifyDetached({ data: bad, signature: noattr })).toMatchObject({ valid: false, reason: 'bad_signature' });

    const pemPath = join(dir, 'o.pem.sig');
    await openssl.gost('cms', ['-sign', '-binary', '-outform', 'PEM', '-md', 'md_gost12_256', '-signer', signerCertPath, '-inkey', signerKeyPath, '-in', dataPath, '-out', pemPath]);
    expect((await verifyDetached({ data, signature: readFileSync(pemPath, 'utf8') })).valid).toBe(true);
    expect((await verifyDetached({ data, signature: readFileSync(pemPath) })).valid).toBe(true);

    const nocap = await opensslSign(dataPath, join(dir, 'o-nocap.sig'), ['-nosmimecap']);
    expect((await verifyDetached({ data, signature: nocap })).valid).toBe(true);
  });

  it('verifies OpenSSL signatures made with a TC26 paramset A key', async () => {
    const k = join(dir, 'tca.key');
    await openssl.gost('genpkey', ['-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:TCA', '-out', k]);
    const cert = issueCertificate({ subject: signerSubject, subjectKey: readFileSync(k, 'utf8'), issuer: ca });
    const certPath = file('tca.pem', cert.pem);
    const out = join(dir, 'tca.sig');
    await openssl.gost('cms', ['-sign', '-binary', '-outform', 'DER', '-md', 'md_gost12_256', '-signer', certPath, '-inkey', k, '-in', dataPath, '-out', out]);
    expect((await verifyDetached({ data, signature: readFileSync(out), trustedCaCerts: [ca.certPem] })).valid).toBe(true);
    const ours = file('tca-ours.sig', signDetached({ data, keyPem: readFileSync(k, 'utf8'), certPem: cert.pem }));
    expect((await opensslVerify(ours, dataPath, ['-CAfile', caPath, '-purpose', 'any'])).ok).toBe(true);
  });
});

describe.skipIf(!GOST)('failure reasons', () => {
  it('garbage or truncated .sig → not_cms (never throws)', async () => {
    const sig = signDetached({ data, keyPem: signer.keyPem, certPem: signer.certPem });
    const inputs: (Buffer | string)[] = [
      Buffer.alloc(0),
      Buffer.from('not a signature at all'),
      randomBytes(500),
      sig.subarray(0, sig.length - 10),
      sig.subarray(0, 40),
      Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
      Buffer.from([0x30, 0x80, 0x30, 0x80]),
      Buffer.from(signer.certificate.der), // a certificate, not CMS
      signer.certPem,
      '',
      cmsToPem(sig).replace('MII', 'XXX'),
    ];
    for (const s of inputs) {
      const r = await verifyDetached({ data, signature: s });
      expect(r, `input ${String(s).slice(0, 20)}`).toMatchObject({ valid: false, reason: 'not_cms' });
    }
    expect((await verifyDetached({ data, signature: cmsToPem(sig) })).valid).toBe(true);
  });

  it('corrupted signature value → bad_signature', async () => {
    const sig = Buffer.from(signDetached({ data, keyPem: signer.keyPem, certPem: signer.certPem }));
    sig[sig.length - 5] ^= 0x01; // inside the 64-byte signature value at the end
    expect(await verifyDetached({ data, signature: sig })).toMatchObject({ valid: false, reason: 'bad_signature' });
  });

  it('expired signer certificate → expired; not yet valid → not_yet_valid', async () => {
    const old = issueEndEntityCertificate({ ca, subject: signerSubject, notBefore: new Date(Date.now() - 40 * DAY), notAfter: new Date(Date.now() - DAY) });
    const sig = signDetached({ data, keyPem: old.keyPem, certPem: old.certPem, signingTime: new Date(Date.now() - 10 * DAY) });
    const r = await verifyDetached({ data, signature: sig, trustedCaCerts: [ca.certPem] });
    expect(r).toMatchObject({ valid: false, reason: 'expired' });
    expect(r.signer?.commonName).toBe(signerSubject.commonName);
    expect((await verifyDetached({ data, signature: sig })).reason).toBe('expired');
    // Checked at signing time it is fine.
    expect((await verifyDetached({ data, signature: sig, trustedCaCerts: [ca.certPem], at: new Date(Date.now() - 10 * DAY) })).valid).toBe(true);
    const fresh = signDetached({ data, keyPem: signer.keyPem, certPem: signer.certPem });
    expect((await verifyDetached({ data, signature: fresh, at: new Date(Date.now() - 3 * DAY) })).reason).toBe('not_yet_valid');
  });

  it('certificate from a foreign CA → untrusted', async () => {
    const foreignCa = createCertificateAuthority({ subject: { commonName: 'Посторонний УЦ', country: 'RU' } });
    const foreignSigner = issueEndEntityCertificate({ ca: foreignCa, subject: signerSubject });
    const sig = signDetached({ data, keyPem: foreignSigner.keyPem, certPem: foreignSigner.certPem });
    const r = await verifyDetached({ data, signature: sig, trustedCaCerts: [ca.certPem] });
    expect(r).toMatchObject({ valid: false, reason: 'untrusted' });
    expect((await verifyDetached({ data, signature: sig, trustedCaCerts: [foreignCa.certPem] })).valid).toBe(true);
    const sigPath = file('foreign.sig', sig);
    expect((await opensslVerify(sigPath, dataPath, ['-CAfile', caPath, '-purpose', 'any'])).ok).toBe(false);
  });

  it('signature without the signer certificate → no_certificate', async () => {
    const sig = await opensslSign(dataPath, join(dir, 'nocerts.sig'), ['-nocerts']);
    expect(await verifyDetached({ data, signature: sig })).toMatchObject({ valid: false, reason: 'no_certificate' });
    expect((await verifyDetached({ data, signature: sig, certificates: [signer.certPem] })).valid).toBe(true);
  });

  it('detached signature without data → no_content', async () => {
    const sig = signDetached({ data, keyPem: signer.keyPem, certPem: signer.certPem });
    expect((await verifyDetached({ signature: sig })).reason).toBe('no_content');
  });

  it('refuses to sign with a key that does not match the certificate', () => {
    expect(() => signDetached({ data, keyPem: ca.keyPem, certPem: signer.certPem })).toThrow(/does not match/);
  });
});
