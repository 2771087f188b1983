/**
 * ГОСТ Р 34.10-2012 with 512-bit keys and Стрибог-512 (some qualified
 * certificates use them), and the curve library underneath: every paramset's
 * base point has the order the standard gives, keys and signatures agree
 * with OpenSSL's GOST engine both ways, and a changed byte fails both ways.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  generateKeyPair,
  issueEndEntityCertificate,
  parseCertificate,
  readPrivateKey,
  verifyCertificateChain,
} from './certificates.js';
import { signDetached, verifyDetached } from './cms.js';
import { CURVES, checkCurve, publicFromPrivate, signDigest, verifyDigest } from './gost3410.js';
import { OID } from './oids.js';
import { type OpenSslGost, GOST } from '../../../test/helpers/openssl.js';
import { streebog256, streebog512 } from './streebog.js';

let openssl: OpenSslGost;
let dir: string;
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function opensslVerify(sig: string, content: string, extra: string[]): Promise<boolean> {
  const r = await openssl.tryGost('cms', ['-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', content, '-out', join(dir, 'out.bin'), ...extra]);
  return r.code === 0 && /Verification successful/.test(r.stderr);
}

beforeAll(async () => {
  openssl = GOST!;
  dir = mkdtempSync(join(tmpdir(), 'ossig-512-'));
});

describe('curves', () => {
  it('every paramset: G on the curve and q·G = O (256- and 512-bit, cofactor 1 and 4)', () => {
    for (const c of Object.values(CURVES)) expect(checkCurve(c), c.name).toBe(true);
    expect(Object.values(CURVES).filter((c) => c.bits === 512).map((c) => c.name)).toEqual(['tc26-512-a', 'tc26-512-b', 'tc26-512-c']);
  });

  it('sign/verify round trip on every paramset; a changed digest or signature fails', () => {
    for (const c of Object.values(CURVES)) {
      const kp = generateKeyPair(c.oid);
      const key = readPrivateKey(kp.privateKeyPem);
      const digest = (c.bits === 512 ? streebog512 : streebog256)(Buffer.from(`документ ${c.name}`));
      const sig = signDigest(key, digest);
      expect(sig.length).toBe(c.bits / 4);
      expect(verifyDigest(kp.publicKey, digest, sig), c.name).toBe(true);
      const other = Buffer.from(digest);
      other[0] ^= 1;
      expect(verifyDigest(kp.publicKey, other, sig)).toBe(false);
      const bad = Buffer.from(sig);
      bad[bad.length - 1] ^= 1;
      expect(verifyDigest(kp.publicKey, digest, bad)).toBe(false);
    }
  });
});

describe('512-bit keys with OpenSSL', () => {
  it.skipIf(!GOST)('reads OpenSSL 512-bit keys (paramsets A, B, C) and derives the public key OpenSSL prints', async () => {
    for (const ps of ['A', 'B', 'C']) {
      const p = join(dir, `k512-${ps}.pem`);
      await openssl.gost('genpkey', ['-algorithm', 'gost2012_512', '-pkeyopt', `paramset:${ps}`, '-out', p]);
      const key = readPrivateKey(readFileSync(p, 'utf8'));
      expect(key.curve.bits).toBe(512);
      expect(key.curve.name).toBe(`tc26-512-${ps.toLowerCase()}`);
      const text = (await openssl.gost('pkey', ['-in', p, '-noout', '-text'])).stdout.toString().replace(/\s+/g, '');
      const m = /Publickey:.*?X:([0-9A-F]+)Y:([0-9A-F]+)/i.exec(text)!;
      const pub = publicFromPrivate(key);
      expect(pub.x).toBe(BigInt(`0x${m[1]}`));
      expect(pub.y).toBe(BigInt(`0x${m[2]}`));
    }
  });

  it.skipIf(!GOST)('our 512-bit key, CA and certificate: OpenSSL reads the key and verifies the chain', async () => {
    const ca = createCertificateAuthority({ subject: { commonName: 'УЦ-512', country: 'RU', innLe: '7701234567', ogrn: '1027700132195' }, paramSet: 'tc26-512-a' });
    const ee = issueEndEntityCertificate({
      ca,
      subject: { commonName: 'Сидоров Пётр', organization: 'ООО «Пятьсот двенадцать»', innLe: '7709876543', ogrn: '1177746000000', snils: '11223344595' },
      paramSet: 'tc26-512-c',
    });
    expect(ee.certificate.publicKey.algorithm).toBe(OID.gost3410_2012_512);
    expect(ee.certificate.signatureAlgorithm).toBe(OID.signWithDigest_2012_512);
    const keyText = (await openssl.gost('pkey', ['-in', file('ee512.key', ee.keyPem), '-noout', '-text'])).stdout.toString();
    expect(keyText).toMatch(/512/);
    const v = await openssl.gost('verify', ['-CAfile', file('ca512.pem', ca.certPem), file('ee512.pem', ee.certPem)]);
    expect(v.stdout.toString()).toContain(': OK');
    expect(verifyCertificateChain(ee.certPem, [ca.certPem]).valid).toBe(true);
  });

  it.skipIf(!GOST)('a 256-bit CA issuing a 512-bit certificate (and back) verifies in OpenSSL and here', async () => {
    const ca256 = createCertificateAuthority({ subject: { commonName: 'УЦ-256', country: 'RU' } });
    const ee512 = issueEndEntityCertificate({ ca: ca256, subject: { commonName: 'Ключ 512 от УЦ 256' }, paramSet: '512' });
    expect(ee512.certificate.signatureAlgorithm).toBe(OID.signWithDigest_2012_256);
    expect(verifyCertificateChain(ee512.certPem, [ca256.certPem]).valid).toBe(true);
    expect((await openssl.gost('verify', ['-CAfile', file('ca256.pem', ca256.certPem), file('ee512b.pem', ee512.certPem)])).stdout.toString()).toContain(': OK');
  });

  it.skipIf(!GOST)('OpenSSL-made 512-bit certificate and Стрибог-512 CMS: we verify it, and catch a changed byte', async () => {
    const k = join(dir, 'ossl512.key');
    const c = join(dir, 'ossl512.pem');
    await openssl.gost('genpkey', ['-algorithm', 'gost2012_512', '-pkeyopt', 'paramset:B', '-out', k]);
    await openssl.gost('req', [
      '-new', '-x509', '-key', k, '-out', c, '-days', '30', '-md_gost12_512', '-utf8',
      '-subj', '/CN=Подписант 512/O=ООО Ромашка/C=RU/1.2.643.100.1=1027700132195/1.2.643.100.3=11223344595',
    ]);
    const cert = parseCertificate(readFileSync(c, 'utf8'));
    expect(cert.publicKey.key?.curve.bits).toBe(512);
    expect(verifyCertificateChain(cert, [cert]).valid).toBe(true);
    const data = randomBytes(70_000);
    const dataPath = file('doc512.bin', data);
    const sigPath = join(dir, 'doc512.sig');
    await openssl.gost('cms', ['-sign', '-binary', '-outform', 'DER', '-md', 'md_gost12_512', '-signer', c, '-inkey', k, '-in', dataPath, '-out', sigPath]);
    const sig = readFileSync(sigPath);
    const ok = await verifyDetached({ data, signature: sig, trustedCaCerts: [cert] });
    expect(ok).toMatchObject({ valid: true, signer: { commonName: 'Подписант 512', ogrn: '1027700132195' } });
    const tampered = Buffer.from(data);
    tampered[4242] ^= 0x01;
    expect(await verifyDetached({ data: tampered, signature: sig, trustedCaCerts: [cert] })).toMatchObject({ valid: false, reason: 'digest_mismatch' });
  });

  it.skipIf(!GOST)('our Стрибог-512 detached CAdES-BES: OpenSSL verifies it (-cades too) and refuses a changed byte', async () => {
    const ca = createCertificateAuthority({ subject: { commonName: 'УЦ-512 для CMS', country: 'RU' }, paramSet: 'tc26-512-b' });
    const ee = issueEndEntityCertificate({ ca, subject: { commonName: 'Подписант', innLe: '7707083893', ogrn: '1027700132195' }, paramSet: 'tc26-512-a' });
    const data = randomBytes(90_000);
    const sig = signDetached({ data, keyPem: ee.keyPem, certPem: ee.certPem });
    const dump = (await openssl.run(['asn1parse', '-inform', 'DER', '-in', file('s512.sig', sig)])).stdout.toString();
    expect(dump).toContain('GOST R 34.11-2012 with 512 bit hash');
    const dataPath = file('d512.bin', data);
    const caPath = file('ca-cms512.pem', ca.certPem);
    expect(await opensslVerify(join(dir, 's512.sig'), dataPath, ['-CAfile', caPath, '-purpose', 'any'])).toBe(true);
    expect(await opensslVerify(join(dir, 's512.sig'), dataPath, ['-CAfile', caPath, '-purpose', 'any', '-cades'])).toBe(true);
    const tampered = Buffer.from(data);
    tampered[1] ^= 0x80;
    expect(await opensslVerify(join(dir, 's512.sig'), file('d512-bad.bin', tampered), ['-CAfile', caPath, '-purpose', 'any'])).toBe(false);
    expect(await verifyDetached({ data, signature: sig, trustedCaCerts: [ca.certPem] })).toMatchObject({ valid: true });
    // A precomputed digest must be Стрибог-512 for a 512-bit key.
    expect(() => signDetached({ digest: streebog256(data), keyPem: ee.keyPem, certPem: ee.certPem })).toThrow(/64-byte/);
    expect(await verifyDetached({ data, signature: signDetached({ digest: streebog512(data), keyPem: ee.keyPem, certPem: ee.certPem }), trustedCaCerts: [ca.certPem] })).toMatchObject({ valid: true });
  });
});
