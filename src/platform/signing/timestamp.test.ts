/**
 * CAdES-T: an RFC 3161 time-stamp of the signature value from a TSA run in
 * the test (OpenSSL's `ts -reply` on loopback). OpenSSL verifies the
 * time-stamped signature and, separately, the token over the signature
 * value; our verifier reports the TSA's time; a changed byte still fails.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTsa, type TestTsa } from '../../../test/helpers/tsa.js';
import { createCertificateAuthority, issueEndEntityCertificate } from './certificates.js';
import { signDetached, verifyDetached } from './cms.js';
import { GOST, type OpenSslGost } from '../../../test/helpers/openssl.js';
import { OID_SIGNATURE_TIME_STAMP, signatureValueOf, TimeStampError, timeStampSignature } from './timestamp.js';
import { decodeDer, child, readOid } from './der.js';

let tsa: TestTsa;
let openssl: OpenSslGost;
let dir: string;

beforeAll(async () => {
  if (!GOST) return;
  openssl = GOST;
  tsa = await startTestTsa();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-cades-t-'));
});
afterAll(async () => {
  await tsa?.close();
});

describe.skipIf(!GOST)('CAdES-T', () => {
  it('adds the TSA’s token; OpenSSL verifies the signature and the token; a changed byte fails', async () => {
    const ca = createCertificateAuthority({ subject: { commonName: 'УЦ', country: 'RU' } });
    const ee = issueEndEntityCertificate({ ca, subject: { commonName: 'Оператор', innLe: '7707083893', ogrn: '1027700132195' } });
    const data = randomBytes(50_000);
    const bes = signDetached({ data, keyPem: ee.keyPem, certPem: ee.certPem });
    const before = Date.now();
    const { cms, info } = await timeStampSignature(bes, tsa.url);
    expect(tsa.served).toBe(1);
    expect(Math.abs(info.genTime.getTime() - before)).toBeLessThan(60_000);
    // The unsigned attribute is there; the signature value is unchanged.
    expect(signatureValueOf(cms).equals(signatureValueOf(bes))).toBe(true);
    expect(cms.includes(Buffer.from('060b2a864886f70d010910020e', 'hex'))).toBe(true);

    const ours = await verifyDetached({ data, signature: cms, trustedCaCerts: [ca.certPem] });
    expect(ours.valid).toBe(true);
    expect(ours.timestamp?.valid).toBe(true);
    expect(ours.timestamp?.at.getTime()).toBe(info.genTime.getTime());
    expect(ours.timestamp?.tsa).toBe('Test TSA');

    const put = (name: string, b: Buffer) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, b);
      return p;
    };
    const sigPath = put('doc.sig', cms);
    const docPath = put('doc.bin', data);
    const caPath = put('ca.pem', Buffer.from(ca.certPem));
    const ok = await openssl.tryGost('cms', ['-verify', '-binary', '-inform', 'DER', '-in', sigPath, '-content', docPath, '-CAfile', caPath, '-purpose', 'any', '-out', path.join(dir, 'o')]);
    expect(ok.code, ok.stderr).toBe(0);
    // The token itself, over the signature value, with the TSA's CA.
    const root = decodeDer(cms);
    const sd = child(child(root, 1), 0);
    const si = sd.children[sd.children.length - 1]!.children[0]!;
    const attr = si.children.find((c) => c.tag === 0xa1)!.children.find((a) => readOid(child(a, 0)) === OID_SIGNATURE_TIME_STAMP)!;
    const tokenPath = put('token.der', child(child(attr, 1), 0).raw);
    const sigValuePath = put('sigvalue.bin', signatureValueOf(cms));
    const ts = await openssl.withEngineConfig(['ts', '-verify', '-token_in', '-in', tokenPath, '-data', sigValuePath, '-CAfile', tsa.caPath]);
    expect(ts.stdout.toString()).toContain('Verification: OK');
    const wrongData = put('other.bin', randomBytes(64));
    await expect(openssl.withEngineConfig(['ts', '-verify', '-token_in', '-in', tokenPath, '-data', wrongData, '-CAfile', tsa.caPath])).rejects.toThrow(/FAILED|failed/);

    const tampered = Buffer.from(data);
    tampered[100] ^= 1;
    expect(await verifyDetached({ data: tampered, signature: cms, trustedCaCerts: [ca.certPem] })).toMatchObject({ valid: false, reason: 'digest_mismatch' });
    const bad = await openssl.tryGost('cms', ['-verify', '-binary', '-inform', 'DER', '-in', sigPath, '-content', put('t.bin', tampered), '-CAfile', caPath, '-purpose', 'any', '-out', path.join(dir, 'o')]);
    expect(bad.code).not.toBe(0);
  });

  it('a TSA that fails is an error the caller sees (never a silent CAdES-BES)', async () => {
    const ca = createCertificateAuthority({ subject: { commonName: 'УЦ', country: 'RU' } });
    const bes = signDetached({ data: Buffer.from('x'), keyPem: ca.keyPem, certPem: ca.certPem });
    tsa.failWith(503);
    try {
      await expect(timeStampSignature(bes, tsa.url)).rejects.toBeInstanceOf(TimeStampError);
    } finally {
      tsa.failWith(0);
    }
    await expect(timeStampSignature(bes, 'http://127.0.0.1:9/none', { timeoutMs: 2000 })).rejects.toBeInstanceOf(TimeStampError);
  });
});
