/**
 * Key containers opened with the Web Crypto API (the code the cabinet runs in the browser): plain
 * PKCS#8 from our library; encrypted PKCS#8 and PFX written by OpenSSL with the GOST engine (AES and
 * Кузнечик; skipped
 * loudly without it, a failure with REQUIRE_GOST_ENGINE=1); the Russian failures.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueEndEntityCertificate, parseCertificate, type CertificateWithKey } from './certificates.js';
import { signAttached, verifyCms } from './cms.js';
import { fromPem } from './der.js';
import { certificateForKey, hmacStreebog, KEY_CONTAINER_MESSAGES, KeyContainerError, openKeyContainer, readCertificateFile } from './key-containers.js';
import { kuznyechikCtrAcpkm, kuznyechikEncryptBlock, kuznyechikRoundKeys } from './kuznyechik.js';
import { GOST } from '../../../test/helpers/openssl.js';

const DAY = 86_400_000;
let ca: CertificateWithKey;
let user: CertificateWithKey;
let dir: string;

beforeAll(() => {
  ca = createCertificateAuthority({ subject: { commonName: 'Тестовый УЦ контейнеров', country: 'RU' } });
  user = issueEndEntityCertificate({ ca, subject: { commonName: 'Иванов Иван Иванович', country: 'RU', snils: '11223344595' } });
  dir = mkdtempSync(join(tmpdir(), 'ossig-containers-'));
  writeFileSync(join(dir, 'key.pem'), user.keyPem);
  writeFileSync(join(dir, 'cert.pem'), user.certPem);
});

const failure = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof KeyContainerError) return e.code;
    throw e;
  }
  throw new Error('opened');
};

/** Signs with what the container gave and checks the signature like the server does. */
async function signsLikeTheServerWants(keyPem: string, certDer: Uint8Array): Promise<void> {
  const data = Buffer.from('ossig-login:test', 'utf8');
  const sig = signAttached({ data, keyPem, certPem: certDer });
  const r = await verifyCms({ signature: sig.toString('base64'), data, trustedCaCerts: [ca.certPem] });
  expect(r).toMatchObject({ valid: true });
}

describe('key containers without OpenSSL', () => {
  it('HMAC-Стрибог-512 gives the R 50.1.113-2016 test value', async () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    const mac = await hmacStreebog(512, key, Buffer.from('0126bdb87800af214341456563780100', 'hex'));
    expect(mac.toString('hex')).toBe(
      'a59bab22ecae19c65fbde6e5f4e9f5d8549d31f037f9df9b905500e171923a773d5f1530f2ed7e964cb2eedc29e9ad2f3afe93b2814f79f5000ffc0366c251e6',
    );
  });

  it('Кузнечик gives the RFC 7801 test value', () => {
    const keys = kuznyechikRoundKeys(Buffer.from('8899aabbccddeeff0011223344556677fedcba98765432100123456789abcdef', 'hex'));
    expect(Buffer.from(kuznyechikEncryptBlock(keys, Buffer.from('1122334455667700ffeeddccbbaa9988', 'hex'))).toString('hex')).toBe('7f679d90bebc24305a468d42b9d4edcd');
  });

  it('opens a plain PKCS#8 in PEM and in DER, finds the certificate and signs', async () => {
    const pem = await openKeyContainer(Buffer.from(user.keyPem), '');
    expect(pem.format).toBe('pkcs8');
    const der = await openKeyContainer(fromPem(user.keyPem)!.der, '');
    expect(der.keyPem).toBe(pem.keyPem);
    const cert = certificateForKey(pem.keyPem, [readCertificateFile(Buffer.from(user.certPem))!]);
    await signsLikeTheServerWants(pem.keyPem, cert.der);
  });

  it('says what is wrong, in Russian', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(await failure(openKeyContainer(Buffer.from(rsa), ''))).toBe('not_gost_key');
    expect(await failure(openKeyContainer(Buffer.from('просто текст'), ''))).toBe('not_a_container');
    expect(await failure(openKeyContainer(fromPem(user.certPem)!.der, ''))).toBe('not_a_container');
    const other = issueEndEntityCertificate({ ca, subject: { commonName: 'Другой' } });
    const key = (await openKeyContainer(Buffer.from(user.keyPem), '')).keyPem;
    expect(() => certificateForKey(key, [parseCertificate(other.certPem)])).toThrow(KEY_CONTAINER_MESSAGES.certificate_mismatch);
    expect(() => certificateForKey(key, [])).toThrow(KEY_CONTAINER_MESSAGES.no_certificate);
    expect(() => certificateForKey(key, [parseCertificate(user.certPem)], new Date(Date.now() + 3 * 365 * DAY))).toThrow('Срок действия сертификата истёк');
    expect(() => certificateForKey(key, [parseCertificate(user.certPem)], new Date(Date.now() - 2 * DAY))).toThrow('ещё не начал действовать');
  });
});

describe.skipIf(!GOST)('containers written by OpenSSL with the GOST engine', () => {
  const PASSWORD = 'Пароль-1 с пробелом';
  const run = (sub: string, args: string[]) => GOST!.gost(sub, args, { cwd: dir });

  it('encrypted PKCS#8 (PBES2, PBKDF2-HMAC-SHA-256 / SHA-512, AES-256-CBC / AES-128-CBC), PEM and DER', async () => {
    await run('pkcs8', ['-topk8', '-in', 'key.pem', '-out', 'enc.pem', '-passout', `pass:${PASSWORD}`, '-v2', 'aes-256-cbc']);
    await run('pkcs8', ['-topk8', '-in', 'key.pem', '-outform', 'DER', '-out', 'enc.der', '-passout', 'pass:secret', '-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA512']);
    const pem = await openKeyContainer(readFileSync(join(dir, 'enc.pem')), PASSWORD);
    expect(pem.format).toBe('pkcs8-encrypted');
    const der = await openKeyContainer(readFileSync(join(dir, 'enc.der')), 'secret');
    expect(der.keyPem).toBe(pem.keyPem);
    await signsLikeTheServerWants(pem.keyPem, certificateForKey(pem.keyPem, [parseCertificate(user.certPem)]).der);
    expect(await failure(openKeyContainer(readFileSync(join(dir, 'enc.pem')), 'не тот'))).toBe('wrong_password');
    expect(await failure(openKeyContainer(readFileSync(join(dir, 'enc.pem')), ''))).toBe('password_required');
  });

  it('PFX as `openssl pkcs12 -export -engine gost` writes it (AES-256-CBC, HMAC-SHA-256 MAC): key and certificate', async () => {
    await run('pkcs12', ['-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'user.pfx', '-passout', `pass:${PASSWORD}`]);
    const pfx = await openKeyContainer(readFileSync(join(dir, 'user.pfx')), PASSWORD);
    expect(pfx.format).toBe('pfx');
    expect(pfx.certificates).toHaveLength(1);
    const cert = certificateForKey(pfx.keyPem, pfx.certificates);
    expect(cert.subject.commonName).toBe('Иванов Иван Иванович');
    await signsLikeTheServerWants(pfx.keyPem, cert.der);
    expect(await failure(openKeyContainer(readFileSync(join(dir, 'user.pfx')), 'Пароль-2'))).toBe('wrong_password');
  });

  it('GOST encryption: PFX with Кузнечик CTR-ACPKM and the Стрибог-512 MAC, PKCS#8 with Кузнечик', async () => {
    await run('pkcs12', ['-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'k.pfx', '-passout', `pass:${PASSWORD}`, '-keypbe', 'kuznyechik-ctr-acpkm', '-certpbe', 'kuznyechik-ctr-acpkm', '-macalg', 'md_gost12_512']);
    const pfx = await openKeyContainer(readFileSync(join(dir, 'k.pfx')), PASSWORD);
    await signsLikeTheServerWants(pfx.keyPem, certificateForKey(pfx.keyPem, pfx.certificates).der);
    expect(await failure(openKeyContainer(readFileSync(join(dir, 'k.pfx')), 'не тот'))).toBe('wrong_password');
    await run('pkcs8', ['-topk8', '-in', 'key.pem', '-out', 'k8.pem', '-passout', 'pass:secret', '-v2', 'kuznyechik-ctr-acpkm']);
    expect((await openKeyContainer(readFileSync(join(dir, 'k8.pem')), 'secret')).keyPem).toBe(pfx.keyPem);
    expect(await failure(openKeyContainer(readFileSync(join(dir, 'k8.pem')), 'не тот'))).toBe('wrong_password');
  });

  it('Кузнечик CTR-ACPKM over several 4 KiB sections is what `openssl enc -kuznyechik-ctr-acpkm` gives', async () => {
    const key = '8899aabbccddeeff0011223344556677fedcba98765432100123456789abcdef';
    const iv = '1234567890abcef0';
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7) & 0xff));
    const theirs = (await GOST!.gost('enc', ['-kuznyechik-ctr-acpkm', '-K', key, '-iv', iv], { input: data })).stdout;
    expect(Buffer.from(kuznyechikCtrAcpkm(Buffer.from(key, 'hex'), Buffer.from(iv, 'hex'), data)).equals(theirs)).toBe(true);
  });

  it('legacy PKCS#12 encryption (3DES) is named as not supported', async () => {
    const legacy = await GOST!.tryGost('pkcs12', ['-export', '-legacy', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'legacy.pfx', '-passout', 'pass:x', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES'], { cwd: dir });
    if (legacy.code !== 0) return; // this OpenSSL has no legacy provider
    expect(await failure(openKeyContainer(readFileSync(join(dir, 'legacy.pfx')), 'x'))).toBe('unsupported_encryption');
  });
});
