/**
 * Key containers held as files: PKCS#8 (PEM or DER, plain or encrypted with PBES2) and PFX/PKCS#12
 * as OpenSSL writes them (`openssl pkcs12 -export -engine gost`: PBES2 = PBKDF2-HMAC-SHA-256 +
 * AES-256-CBC for the key and certificate bags, HMAC-SHA-256 MAC). Opened with the Web Crypto API
 * (`globalThis.crypto.subtle`: the browser's, or Node's), so the same code runs in the cabinet — the
 * key is decrypted on the person's machine and never sent anywhere — and in tests.
 *
 * GOST encryption as the gost engine writes it is read too: Кузнечик CTR-ACPKM (`-v2` / `-keypbe` /
 * `-certpbe kuznyechik-ctr-acpkm`) and the Стрибог-512 MAC of Р 50.1.112-2016 (`-macalg md_gost12_512`).
 *
 * Not read: CryptoPro containers (the `.000` folders with header.key/masks.key/primary.key, which
 * need CryptoPro CSP and its browser plug-in), PBES1/legacy PKCS#12 encryption (3DES, RC2), Магма
 * and the OMAC variant of Кузнечик: each gives {@link KeyContainerError} with its code and a Russian
 * message.
 */
import { Tag, child, decodeDer, fromPem, readBigInt, readOctetString, readOid, toPem, type DerNode } from './der.js';
import { CertificateError, parseCertificate, readPrivateKey, type ParsedCertificate } from './certificates.js';
import { publicFromPrivate } from './gost3410.js';
import { streebog256, streebog512 } from './streebog.js';
import { kuznyechikCtrAcpkm } from './kuznyechik.js';
import { OID } from './oids.js';

export type KeyContainerFailure =
  | 'not_a_container'
  | 'password_required'
  | 'wrong_password'
  | 'unsupported_encryption'
  | 'not_gost_key'
  | 'no_key'
  | 'no_certificate'
  | 'certificate_mismatch'
  | 'certificate_expired'
  | 'certificate_not_yet_valid';

/** What the person is told, in Russian, for each failure. */
export const KEY_CONTAINER_MESSAGES: Readonly<Record<KeyContainerFailure, string>> = {
  not_a_container:
    'Файл не похож на ключ: поддерживаются PKCS#8 (PEM «PRIVATE KEY» / «ENCRYPTED PRIVATE KEY» или DER) и PFX/PKCS#12 (.pfx, .p12). Контейнер КриптоПро (папка .000) откройте через плагин КриптоПро ЭЦП Browser plug-in',
  password_required: 'Ключ защищён паролем: введите пароль контейнера',
  wrong_password: 'Неверный пароль контейнера: ключ не расшифровывается',
  unsupported_encryption:
    'Контейнер зашифрован алгоритмом, который браузер не расшифровывает. Поддерживается PBES2: PBKDF2 с HMAC-SHA-1/256/384/512 или HMAC-Стрибог, шифр AES-128/256-CBC (так шифрует OpenSSL по умолчанию) или Кузнечик CTR-ACPKM',
  not_gost_key: 'Это не ключ ГОСТ Р 34.10-2012: для входа нужна квалифицированная подпись по ГОСТ (256 или 512 бит)',
  no_key: 'В контейнере нет закрытого ключа',
  no_certificate: 'Нет сертификата: выберите файл сертификата (.cer, .crt, .pem) к этому ключу',
  certificate_mismatch: 'Сертификат не соответствует ключу: открытый ключ в сертификате другой',
  certificate_expired: 'Срок действия сертификата истёк',
  certificate_not_yet_valid: 'Сертификат ещё не начал действовать',
};

export class KeyContainerError extends Error {
  constructor(
    readonly code: KeyContainerFailure,
    /** A technical detail (the algorithm's OID), for the log; the message is {@link KEY_CONTAINER_MESSAGES}. */
    readonly detail?: string,
  ) {
    super(KEY_CONTAINER_MESSAGES[code] + (detail ? ` (${detail})` : ''));
    this.name = 'KeyContainerError';
  }
}

export interface OpenedKeyContainer {
  format: 'pkcs8' | 'pkcs8-encrypted' | 'pfx';
  /** The private key as a PKCS#8 PEM (what {@link signCms} takes). */
  keyPem: string;
  /** Certificates found in the container (DER), the signer's among them for a PFX. */
  certificates: Uint8Array[];
}

const P = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;

const PRF: Record<string, { hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' } | { streebog: 256 | 512 }> = {
  '1.2.840.113549.2.7': { hash: 'SHA-1' },
  '1.2.840.113549.2.9': { hash: 'SHA-256' },
  '1.2.840.113549.2.10': { hash: 'SHA-384' },
  '1.2.840.113549.2.11': { hash: 'SHA-512' },
  '1.2.643.7.1.1.4.1': { streebog: 256 },
  '1.2.643.7.1.1.4.2': { streebog: 512 },
};
const AES_CBC: Record<string, number> = { '2.16.840.1.101.3.4.1.2': 16, '2.16.840.1.101.3.4.1.42': 32 };
/** kuznyechik-ctr-acpkm (TC26): parameters SEQUENCE { ukm OCTET STRING (16) }, the IV its first 8 octets. */
const KUZNYECHIK_CTR_ACPKM = '1.2.643.7.1.1.5.2.1';
const STREEBOG_512 = '1.2.643.7.1.1.2.3';
const DIGESTS: Record<string, { name: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'; block: number; size: number }> = {
  '1.3.14.3.2.26': { name: 'SHA-1', block: 64, size: 20 },
  '2.16.840.1.101.3.4.2.1': { name: 'SHA-256', block: 64, size: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA-384', block: 128, size: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA-512', block: 128, size: 64 },
};
const MAX_ITERATIONS = 10_000_000;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('Web Crypto API недоступен (нужен защищённый контекст: https или localhost)');
  return s;
}

const bytes = (b: ArrayBuffer | Uint8Array): Buffer => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b));
/** A copy in a fresh ArrayBuffer (what Web Crypto takes without complaint about shared or offset views). */
const ab = (b: Uint8Array): ArrayBuffer => {
  const out = new ArrayBuffer(b.length);
  new Uint8Array(out).set(b);
  return out;
};

/** HMAC with Стрибог (R 50.1.113-2016), for PBKDF2 with a GOST PRF (TC26 hmacWithStreebog). */
export async function hmacStreebog(bits: 256 | 512, key: Uint8Array, data: Uint8Array): Promise<Buffer> {
  const h = bits === 256 ? streebog256 : streebog512;
  const k = Buffer.alloc(64);
  (key.length > 64 ? h(key) : Buffer.from(key)).copy(k);
  const ipad = Buffer.from(k.map((x) => x ^ 0x36));
  const opad = Buffer.from(k.map((x) => x ^ 0x5c));
  return h(Buffer.concat([opad, h(Buffer.concat([ipad, data]))]));
}

async function pbkdf2Streebog(bits: 256 | 512, password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Buffer> {
  const out: Buffer[] = [];
  for (let block = 1; out.length * (bits / 8) < length; block++) {
    const index = Buffer.alloc(4);
    index.writeUInt32BE(block);
    let u = await hmacStreebog(bits, password, Buffer.concat([salt, index]));
    const t = Buffer.from(u);
    for (let i = 1; i < iterations; i++) {
      u = await hmacStreebog(bits, password, u);
      for (let j = 0; j < t.length; j++) t[j] = t[j]! ^ u[j]!;
    }
    out.push(t);
  }
  return Buffer.concat(out).subarray(0, length);
}

/** Decrypts PBES2 (RFC 8018) content: PBKDF2 + AES-CBC. */
async function pbes2Decrypt(alg: DerNode, encrypted: Uint8Array, password: string): Promise<Buffer> {
  const algOid = readOid(child(alg, 0));
  if (algOid !== P.pbes2) throw new KeyContainerError('unsupported_encryption', algOid);
  const params = child(alg, 1);
  const kdf = child(params, 0);
  const enc = child(params, 1);
  if (readOid(child(kdf, 0)) !== P.pbkdf2) throw new KeyContainerError('unsupported_encryption', readOid(child(kdf, 0)));
  const encOid = readOid(child(enc, 0));
  const kuznyechik = encOid === KUZNYECHIK_CTR_ACPKM;
  const keyLength = kuznyechik ? 32 : AES_CBC[encOid];
  if (!keyLength) throw new KeyContainerError('unsupported_encryption', encOid);
  const iv = kuznyechik ? readOctetString(child(child(enc, 1), 0)).subarray(0, 8) : readOctetString(child(enc, 1));
  if (kuznyechik && iv.length !== 8) throw new KeyContainerError('unsupported_encryption', `${encOid}: ukm`);
  const kp = child(kdf, 1);
  const salt = readOctetString(child(kp, 0));
  const iterations = Number(readBigInt(child(kp, 1)));
  if (!(iterations >= 1 && iterations <= MAX_ITERATIONS)) throw new KeyContainerError('unsupported_encryption', `PBKDF2 iterations ${iterations}`);
  const prfNode = kp.children.slice(2).find((c) => c.tag === Tag.SEQUENCE);
  const prfOid = prfNode ? readOid(child(prfNode, 0)) : '1.2.840.113549.2.7';
  const prf = PRF[prfOid];
  if (!prf) throw new KeyContainerError('unsupported_encryption', prfOid);
  if (!password) throw new KeyContainerError('password_required');
  const pw = Buffer.from(password, 'utf8');
  let keyBytes: Uint8Array;
  if ('hash' in prf) {
    const base = await subtle().importKey('raw', ab(pw), 'PBKDF2', false, ['deriveBits']);
    keyBytes = new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: prf.hash, salt: ab(salt), iterations }, base, keyLength * 8));
  } else {
    keyBytes = await pbkdf2Streebog(prf.streebog, pw, salt, iterations, keyLength);
  }
  if (kuznyechik) return Buffer.from(kuznyechikCtrAcpkm(keyBytes, iv, encrypted)); // no padding: a wrong password shows in the DER
  const key = await subtle().importKey('raw', ab(keyBytes), 'AES-CBC', false, ['decrypt']);
  try {
    return bytes(await subtle().decrypt({ name: 'AES-CBC', iv: ab(iv) }, key, ab(encrypted)));
  } catch {
    throw new KeyContainerError('wrong_password'); // the padding did not come out: another key
  }
}

/** The PKCS#8 PrivateKeyInfo inside an EncryptedPrivateKeyInfo. */
async function decryptPrivateKeyInfo(epki: DerNode, password: string): Promise<Buffer> {
  const plain = await pbes2Decrypt(child(epki, 0), readOctetString(child(epki, 1)), password);
  try {
    const node = decodeDer(plain);
    if (node.tag !== Tag.SEQUENCE) throw new Error('not a sequence');
  } catch {
    throw new KeyContainerError('wrong_password');
  }
  return plain;
}

function keyPemOf(pkcs8Der: Uint8Array): string {
  try {
    readPrivateKey(pkcs8Der);
  } catch (e) {
    if (e instanceof CertificateError && /algorithm|paramset/i.test(e.message)) throw new KeyContainerError('not_gost_key', e.message);
    throw new KeyContainerError('not_gost_key', (e as Error).message);
  }
  return toPem(pkcs8Der, 'PRIVATE KEY');
}

/** BMPString password with its two-zero terminator (RFC 7292 B.1), for the PKCS#12 MAC key. */
function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

/** Checks the PFX MAC (RFC 7292 appendix B key, HMAC) when it uses a SHA digest; a mismatch is a wrong password. */
async function checkPfxMac(macData: DerNode, authSafe: Uint8Array, password: string): Promise<void> {
  const digestInfo = child(macData, 0);
  const digestOid = readOid(child(child(digestInfo, 0), 0));
  const digest = DIGESTS[digestOid];
  const expected = readOctetString(child(digestInfo, 1));
  const salt = readOctetString(child(macData, 1));
  const iterations = macData.children[2] ? Number(readBigInt(macData.children[2])) : 1;
  if (!(iterations >= 1 && iterations <= MAX_ITERATIONS)) throw new KeyContainerError('unsupported_encryption', `MAC iterations ${iterations}`);
  if (digestOid === STREEBOG_512) {
    // Р 50.1.112-2016: the MAC key is the last 32 of 96 octets of PBKDF2-HMAC-Стрибог-512; the MAC is HMAC-Стрибог-512.
    const key = (await pbkdf2Streebog(512, Buffer.from(password, 'utf8'), salt, iterations, 96)).subarray(64);
    if (!(await hmacStreebog(512, key, authSafe)).equals(expected)) throw new KeyContainerError(password ? 'wrong_password' : 'password_required');
    return;
  }
  if (!digest) return; // another MAC: the decryption below tells a wrong password
  const v = digest.block;
  const fill = (b: Uint8Array): Buffer => {
    if (b.length === 0) return Buffer.alloc(0);
    const n = v * Math.ceil(b.length / v);
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = b[i % b.length]!;
    return out;
  };
  let a: Uint8Array = Buffer.concat([Buffer.alloc(v, 3), fill(salt), fill(bmpPassword(password))]);
  for (let i = 0; i < iterations; i++) a = new Uint8Array(await subtle().digest(digest.name, ab(a)));
  const key = await subtle().importKey('raw', ab(a.subarray(0, digest.size)), { name: 'HMAC', hash: digest.name }, false, ['sign']);
  const mac = bytes(await subtle().sign('HMAC', key, ab(authSafe)));
  if (!mac.equals(expected)) throw new KeyContainerError(password ? 'wrong_password' : 'password_required');
}

/** The octets of a ContentInfo of type data: [0] EXPLICIT OCTET STRING (constructed chunks joined). */
function octetsOfData(node: DerNode): Buffer {
  if (node.tag === Tag.OCTET_STRING) return Buffer.from(node.content);
  if (node.constructed) return Buffer.concat(node.children.map(octetsOfData));
  return Buffer.from(node.content);
}

async function openPfx(root: DerNode, password: string): Promise<OpenedKeyContainer> {
  const authSafeInfo = child(root, 1);
  if (readOid(child(authSafeInfo, 0)) !== OID.data) throw new KeyContainerError('unsupported_encryption', 'PFX with public-key integrity');
  const authSafe = octetsOfData(child(child(authSafeInfo, 1), 0));
  if (root.children[2]) await checkPfxMac(root.children[2], authSafe, password);
  const keys: Buffer[] = [];
  const certificates: Uint8Array[] = [];
  const readBags = async (safeContents: Uint8Array) => {
    for (const bag of decodeDer(safeContents).children) {
      const bagId = readOid(child(bag, 0));
      const value = child(child(bag, 1), 0);
      if (bagId === P.keyBag) keys.push(Buffer.from(value.raw));
      else if (bagId === P.shroudedKeyBag) keys.push(await decryptPrivateKeyInfo(value, password));
      else if (bagId === P.certBag && readOid(child(value, 0)) === P.x509Certificate) certificates.push(readOctetString(child(child(value, 1), 0)));
    }
  };
  for (const info of decodeDer(authSafe).children) {
    const type = readOid(child(info, 0));
    if (type === OID.data) await readBags(octetsOfData(child(child(info, 1), 0)));
    else if (type === P.encryptedData) {
      const eci = child(child(child(info, 1), 0), 1); // EncryptedData { version, EncryptedContentInfo }
      const content = eci.children[2];
      if (!content) continue;
      const plain = await pbes2Decrypt(child(eci, 1), octetsOfData(content), password);
      try {
        decodeDer(plain);
      } catch {
        throw new KeyContainerError('wrong_password');
      }
      await readBags(plain);
    } else throw new KeyContainerError('unsupported_encryption', `PFX content ${type}`);
  }
  if (keys.length === 0) throw new KeyContainerError('no_key');
  return { format: 'pfx', keyPem: keyPemOf(keys[0]!), certificates };
}

/**
 * Opens a key container file. `password` may be empty for an unencrypted PKCS#8.
 * Throws {@link KeyContainerError}.
 */
export async function openKeyContainer(file: Uint8Array, password: string): Promise<OpenedKeyContainer> {
  const text = Buffer.from(file).toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const certificates: Uint8Array[] = [];
    const re = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
    for (let m = re.exec(text); m; m = re.exec(text)) certificates.push(fromPem(m[0], 'CERTIFICATE')!.der);
    const plain = fromPem(text, 'PRIVATE KEY');
    if (plain) return { format: 'pkcs8', keyPem: keyPemOf(plain.der), certificates };
    const enc = fromPem(text, 'ENCRYPTED PRIVATE KEY');
    if (enc) return { format: 'pkcs8-encrypted', keyPem: keyPemOf(await decryptPrivateKeyInfo(decodeOrFail(enc.der), password)), certificates };
    if (/-----BEGIN (EC |RSA |DSA )?PRIVATE KEY-----/.test(text)) throw new KeyContainerError('not_gost_key');
    throw new KeyContainerError('not_a_container');
  }
  const root = decodeOrFail(file);
  const first = root.children[0];
  if (root.tag !== Tag.SEQUENCE || !first) throw new KeyContainerError('not_a_container');
  if (first.tag === Tag.INTEGER && root.children.length >= 2 && root.children[1]!.tag === Tag.SEQUENCE) {
    const version = readBigInt(first);
    if (version === 3n) return openPfx(root, password);
    if (version === 0n || version === 1n) return { format: 'pkcs8', keyPem: keyPemOf(file), certificates: [] };
  }
  if (first.tag === Tag.SEQUENCE && root.children[1]?.tag === Tag.OCTET_STRING && root.children.length === 2) {
    return { format: 'pkcs8-encrypted', keyPem: keyPemOf(await decryptPrivateKeyInfo(root, password)), certificates: [] };
  }
  if (first.tag === Tag.SEQUENCE && root.children.length === 3) {
    // A certificate chosen as the key: say what it is.
    try {
      parseCertificate(file);
      throw new KeyContainerError('not_a_container', 'это сертификат, а не ключ');
    } catch (e) {
      if (e instanceof KeyContainerError) throw e;
    }
  }
  throw new KeyContainerError('not_a_container');
}

function decodeOrFail(der: Uint8Array): DerNode {
  try {
    return decodeDer(der);
  } catch {
    throw new KeyContainerError('not_a_container');
  }
}

/** Reads a certificate file (PEM or DER); null when it is not one. */
export function readCertificateFile(file: Uint8Array): ParsedCertificate | null {
  try {
    const text = Buffer.from(file).toString('latin1');
    return parseCertificate(text.includes('-----BEGIN CERTIFICATE-----') ? text : file);
  } catch {
    return null;
  }
}

/**
 * The certificate among `candidates` whose public key is the key's own, checked for its term at `at`.
 * Throws `no_certificate`, `certificate_mismatch`, `certificate_expired` or `certificate_not_yet_valid`.
 */
export function certificateForKey(keyPem: string, candidates: readonly (Uint8Array | ParsedCertificate)[], at: Date = new Date()): ParsedCertificate {
  const parsed = candidates.map((c) => (c instanceof Uint8Array ? parseCertificate(c) : c));
  if (parsed.length === 0) throw new KeyContainerError('no_certificate');
  const pub = publicFromPrivate(readPrivateKey(keyPem));
  const cert = parsed.find((c) => c.publicKey.key && c.publicKey.key.x === pub.x && c.publicKey.key.y === pub.y);
  if (!cert) throw new KeyContainerError('certificate_mismatch');
  if (cert.notAfter.getTime() < at.getTime()) throw new KeyContainerError('certificate_expired');
  if (cert.notBefore.getTime() > at.getTime()) throw new KeyContainerError('certificate_not_yet_valid');
  return cert;
}
