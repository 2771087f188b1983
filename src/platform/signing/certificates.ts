/**
 * ГОСТ Р 34.10-2012 keys (256 and 512 bits) and X.509 v3 certificates with
 * Russian subject attributes (ИНН, ИНН ЮЛ, ОГРН, ОГРНИП, СНИЛС).
 *
 * Keys are PKCS#8 PEM exactly as `openssl genpkey -engine gost -algorithm
 * gost2012_256|gost2012_512 -pkeyopt paramset:…` writes them; certificates are
 * signed with id-tc26-signwithdigest-gost3410-12-256 over Streebog-256 (or the
 * -512 pair when the issuer's key is 512-bit).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  type DerNode,
  DerError,
  Tag,
  bitString,
  boolean,
  child,
  contextTag,
  decodeDer,
  expectTag,
  fromPem,
  ia5String,
  integer,
  numericString,
  octetString,
  oid,
  printableString,
  readBitString,
  readBoolean,
  readIntegerBytes,
  readOctetString,
  readOid,
  readSmallInt,
  readString,
  readTime,
  sequence,
  tlv,
  time,
  toPem,
  utf8String,
} from './der.js';
import {
  CURVES,
  type CurveParams,
  DEFAULT_PARAMSET_OID,
  DEFAULT_PARAMSET_512_OID,
  octetsOf,
  type GostPrivateKey,
  type GostPublicKey,
  bigIntToBytesLE,
  bytesToBigIntBE,
  bytesToBigIntLE,
  curveByOid,
  decodePublicKeyPoint,
  encodePublicKeyPoint,
  generatePrivateKey,
  publicFromPrivate,
  signDigest,
  verifyDigest,
} from './gost3410.js';
import { OID } from './oids.js';
import { streebog256, streebog512 } from './streebog.js';

export class CertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}

// ================================================================ keys

export interface KeyPair {
  /** PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), readable by `openssl pkey -engine gost`. */
  readonly privateKeyPem: string;
  readonly publicKey: GostPublicKey;
}

/** Resolves a paramset given by OID or by name (`cryptopro-a`, `tc26-256-a`, …). */
export function resolveCurve(paramSet: string = DEFAULT_PARAMSET_OID): CurveParams {
  const byOid = curveByOid(paramSet);
  if (byOid) return byOid;
  const byName = Object.values(CURVES).find((c) => c.name === paramSet.toLowerCase());
  if (!byName) throw new CertificateError(`Unknown GOST paramset: ${paramSet}`);
  return byName;
}

/** Key algorithm OID of a curve's size. */
export const keyAlgorithmOid = (curve: CurveParams): string => (curve.bits === 512 ? OID.gost3410_2012_512 : OID.gost3410_2012_256);
/** Streebog digest OID of a curve's size. */
export const digestOidFor = (curve: CurveParams): string => (curve.bits === 512 ? OID.gost3411_2012_512 : OID.gost3411_2012_256);
/** «Signature with digest» OID of a curve's size (certificates). */
export const signWithDigestOidFor = (curve: CurveParams): string => (curve.bits === 512 ? OID.signWithDigest_2012_512 : OID.signWithDigest_2012_256);
/** Streebog of the curve's size. */
export const streebogFor = (curve: CurveParams) => (curve.bits === 512 ? streebog512 : streebog256);

/**
 * AlgorithmIdentifier parameters: SEQUENCE { publicKeyParamSet, digestParamSet }; the digest
 * parameter is left out for the twisted-Edwards paramsets (tc26 256-A, 512-C), as OpenSSL writes them.
 */
function keyAlgorithmIdentifier(curve: CurveParams): Buffer {
  const params = curve.h === 4n ? sequence(oid(curve.oid)) : sequence(oid(curve.oid), oid(digestOidFor(curve)));
  return sequence(oid(keyAlgorithmOid(curve)), params);
}

/** Encodes a PKCS#8 PrivateKeyInfo (private key as 32 or 64 little-endian octets). */
export function encodePrivateKeyPem(key: GostPrivateKey): string {
  const der = sequence(integer(0), keyAlgorithmIdentifier(key.curve), octetString(bigIntToBytesLE(key.d, octetsOf(key.curve))));
  return toPem(der, 'PRIVATE KEY');
}

/**
 * Generates a new key pair: 256-bit by default (paramset CryptoPro-A, OID 1.2.643.2.2.35.1);
 * a 512-bit paramset (`tc26-512-a|b|c` or its OID, or `512` for the default one) gives a 512-bit key.
 */
export function generateKeyPair(paramSet: string = DEFAULT_PARAMSET_OID): KeyPair {
  if (paramSet === '512') paramSet = DEFAULT_PARAMSET_512_OID;
  const priv = generatePrivateKey(resolveCurve(paramSet));
  return { privateKeyPem: encodePrivateKeyPem(priv), publicKey: publicFromPrivate(priv) };
}

/** Reads a PKCS#8 GOST 2012 private key, 256 or 512 bits (PEM or DER). */
export function readPrivateKey(pemOrDer: string | Uint8Array): GostPrivateKey {
  let der: Buffer;
  if (typeof pemOrDer === 'string') {
    const block = fromPem(pemOrDer, 'PRIVATE KEY');
    if (!block) throw new CertificateError('No "PRIVATE KEY" PEM block (encrypted keys are not supported)');
    der = block.der;
  } else {
    der = Buffer.from(pemOrDer);
  }
  try {
    const root = decodeDer(der);
    const alg = child(root, 1, 'privateKeyAlgorithm');
    const algOid = readOid(child(alg, 0));
    if (algOid !== OID.gost3410_2012_256 && algOid !== OID.gost3410_2012_512) throw new CertificateError(`Unsupported key algorithm ${algOid}`);
    const params = child(alg, 1, 'key parameters');
    const curve = curveByOid(readOid(child(params, 0)));
    if (!curve) throw new CertificateError('Unsupported GOST paramset in private key');
    if (keyAlgorithmOid(curve) !== algOid) throw new CertificateError('Key algorithm and paramset disagree on the key size');
    const size = octetsOf(curve);
    const octets = readOctetString(child(root, 2, 'privateKey'));
    let d: bigint;
    if (octets.length === size) {
      d = bytesToBigIntLE(octets); // raw little-endian (OpenSSL gost engine)
    } else {
      const inner = decodeDer(octets);
      if (inner.tag === Tag.OCTET_STRING && inner.content.length === size) d = bytesToBigIntLE(inner.content);
      else if (inner.tag === Tag.INTEGER) d = bytesToBigIntBE(readIntegerBytes(inner));
      else throw new CertificateError('Unsupported private key encoding (masked keys are not supported)');
    }
    if (d <= 0n || d >= curve.q) throw new CertificateError('Private key out of range');
    return { curve, d };
  } catch (e) {
    if (e instanceof CertificateError) throw e;
    throw new CertificateError(`Malformed private key: ${(e as Error).message}`);
  }
}

/** SubjectPublicKeyInfo DER for a GOST 2012 public key (256 or 512 bits). */
export function encodeSubjectPublicKeyInfo(pub: GostPublicKey): Buffer {
  return sequence(keyAlgorithmIdentifier(pub.curve), bitString(octetString(encodePublicKeyPoint(pub))));
}

// ================================================================ names

/** Subject / issuer attributes (all optional). Digit fields are validated. */
export interface NameInput {
  commonName?: string;
  surname?: string;
  givenName?: string;
  title?: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  stateOrProvince?: string;
  locality?: string;
  street?: string;
  email?: string;
  /** ИНН (физлица / ИП), 12 digits; OID 1.2.643.3.131.1.1. */
  inn?: string;
  /** ИНН юридического лица, 10 digits; OID 1.2.643.100.4. */
  innLe?: string;
  /** ОГРН, 13 digits; OID 1.2.643.100.1. */
  ogrn?: string;
  /** ОГРНИП, 15 digits; OID 1.2.643.100.5. */
  ogrnip?: string;
  /** СНИЛС, 11 digits; OID 1.2.643.100.3. */
  snils?: string;
}

export interface NameAttribute {
  readonly oid: string;
  /** Short name (CN, O, INN, …) or the OID if unknown. */
  readonly type: string;
  readonly value: string;
}

export interface DistinguishedName extends NameInput {
  /** All attributes in encoding order. */
  readonly attributes: readonly NameAttribute[];
  /** Human-readable one-line form, e.g. `C=RU, O=ООО Ромашка, CN=Иванов, INNLE=7700000000`. */
  readonly text: string;
}

interface AttrSpec {
  key: keyof NameInput;
  oid: string;
  short: string;
  encode: (v: string) => Buffer;
  digits?: number;
}

const digitsOnly = (n: number) => (v: string) => {
  if (!new RegExp(`^\\d{${n}}$`).test(v)) throw new CertificateError(`Expected exactly ${n} digits, got "${v}"`);
  return numericString(v);
};

/** Encoding order of RDNs (one attribute per RDN). */
const ATTRS: readonly AttrSpec[] = [
  { key: 'country', oid: OID.countryName, short: 'C', encode: (v) => printableString(v) },
  { key: 'stateOrProvince', oid: OID.stateOrProvinceName, short: 'ST', encode: utf8String },
  { key: 'locality', oid: OID.localityName, short: 'L', encode: utf8String },
  { key: 'street', oid: OID.streetAddress, short: 'STREET', encode: utf8String },
  { key: 'organization', oid: OID.organizationName, short: 'O', encode: utf8String },
  { key: 'organizationalUnit', oid: OID.organizationalUnitName, short: 'OU', encode: utf8String },
  { key: 'title', oid: OID.title, short: 'T', encode: utf8String },
  { key: 'commonName', oid: OID.commonName, short: 'CN', encode: utf8String },
  { key: 'surname', oid: OID.surname, short: 'SN', encode: utf8String },
  { key: 'givenName', oid: OID.givenName, short: 'G', encode: utf8String },
  { key: 'email', oid: OID.emailAddress, short: 'E', encode: ia5String },
  { key: 'inn', oid: OID.inn, short: 'INN', encode: digitsOnly(12), digits: 12 },
  { key: 'innLe', oid: OID.innLe, short: 'INNLE', encode: digitsOnly(10), digits: 10 },
  { key: 'ogrn', oid: OID.ogrn, short: 'OGRN', encode: digitsOnly(13), digits: 13 },
  { key: 'ogrnip', oid: OID.ogrnip, short: 'OGRNIP', encode: digitsOnly(15), digits: 15 },
  { key: 'snils', oid: OID.snils, short: 'SNILS', encode: digitsOnly(11), digits: 11 },
];
const ATTR_BY_OID = new Map(ATTRS.map((a) => [a.oid, a]));
const EXTRA_SHORT: Record<string, string> = { [OID.serialNumber]: 'SERIALNUMBER' };

/** Encodes a Name (RDNSequence). */
export function encodeName(input: NameInput): Buffer {
  const rdns: Buffer[] = [];
  for (const spec of ATTRS) {
    const v = input[spec.key];
    if (v === undefined || v === '') continue;
    rdns.push(tlv(Tag.SET, sequence(oid(spec.oid), spec.encode(v))));
  }
  if (rdns.length === 0) throw new CertificateError('Name must have at least one attribute');
  return sequence(...rdns);
}

/** Decodes a Name into known fields plus the raw attribute list. */
export function decodeName(node: DerNode): DistinguishedName {
  expectTag(node, Tag.SEQUENCE, 'Name');
  const attributes: NameAttribute[] = [];
  const fields: NameInput = {};
  for (const rdn of node.children) {
    expectTag(rdn, Tag.SET, 'RelativeDistinguishedName');
    for (const atv of rdn.children) {
      const o = readOid(child(atv, 0));
      let value: string;
      try {
        value = readString(child(atv, 1));
      } catch {
        value = '#' + child(atv, 1).raw.toString('hex');
      }
      const spec = ATTR_BY_OID.get(o);
      attributes.push({ oid: o, type: spec?.short ?? EXTRA_SHORT[o] ?? o, value });
      if (spec && fields[spec.key] === undefined) fields[spec.key] = value;
    }
  }
  const text = attributes.map((a) => `${a.type}=${a.value}`).join(', ');
  return { ...fields, attributes, text };
}

// ================================================================ certificates

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';
const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

export interface CertificatePublicKey {
  /** Key algorithm OID (1.2.643.7.1.1.1.1 for GOST 2012-256, 1.2.643.7.1.1.1.2 for 2012-512). */
  readonly algorithm: string;
  readonly paramSet?: string;
  readonly digestParamSet?: string;
  /** Parsed key when the algorithm/paramset is supported, else null. */
  readonly key: GostPublicKey | null;
  /** The subjectPublicKey BIT STRING contents. */
  readonly raw: Buffer;
}

export interface CertificateExtensions {
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLength?: number; readonly critical: boolean };
  readonly keyUsage?: readonly KeyUsageName[];
  readonly extKeyUsage?: readonly string[];
  /** Hex, lower case. */
  readonly subjectKeyIdentifier?: string;
  /** Hex, lower case. */
  readonly authorityKeyIdentifier?: string;
}

export interface ParsedCertificate {
  readonly der: Buffer;
  readonly pem: string;
  readonly version: number;
  /** Serial number as lower-case hex without sign padding. */
  readonly serialNumber: string;
  readonly subject: DistinguishedName;
  readonly issuer: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: CertificatePublicKey;
  readonly extensions: CertificateExtensions;
  readonly signatureAlgorithm: string;
  /** Raw signature (BIT STRING contents). */
  readonly signature: Buffer;
  /** Streebog-256 of the DER certificate, hex (as CryptoPro shows "отпечаток" for GOST). */
  readonly fingerprint: string;
  /** DER pieces needed for signature checks and CMS. */
  readonly raw: {
    readonly tbs: Buffer;
    readonly issuer: Buffer;
    readonly subject: Buffer;
    /** INTEGER content octets of the serial number, exactly as encoded. */
    readonly serialNumber: Buffer;
    readonly subjectPublicKeyInfo: Buffer;
  };
}

function parsePublicKeyInfo(spki: DerNode): CertificatePublicKey {
  const alg = child(spki, 0, 'algorithm');
  const algorithm = readOid(child(alg, 0));
  const { bytes } = readBitString(child(spki, 1, 'subjectPublicKey'));
  let paramSet: string | undefined;
  let digestParamSet: string | undefined;
  const params = alg.children[1];
  if (params && params.tag === Tag.SEQUENCE) {
    paramSet = readOid(child(params, 0));
    if (params.children[1]) digestParamSet = readOid(params.children[1]);
  }
  let key: GostPublicKey | null = null;
  if ((algorithm === OID.gost3410_2012_256 || algorithm === OID.gost3410_2012_512) && paramSet) {
    const curve = curveByOid(paramSet);
    if (curve && keyAlgorithmOid(curve) === algorithm) {
      try {
        const inner = decodeDer(bytes);
        key = decodePublicKeyPoint(curve, readOctetString(inner));
      } catch {
        key = null;
      }
    }
  }
  return { algorithm, paramSet, digestParamSet, key, raw: bytes };
}

function parseExtensions(node: DerNode | undefined): CertificateExtensions {
  const out: {
    basicConstraints?: { ca: boolean; pathLength?: number; critical: boolean };
    keyUsage?: KeyUsageName[];
    extKeyUsage?: string[];
    subjectKeyIdentifier?: string;
    authorityKeyIdentifier?: string;
  } = {};
  if (!node) return out;
  const list = child(node, 0, 'Extensions');
  for (const ext of list.children) {
    const id = readOid(child(ext, 0));
    let critical = false;
    let valueNode = child(ext, 1);
    if (valueNode.tag === Tag.BOOLEAN) {
      critical = readBoolean(valueNode);
      valueNode = child(ext, 2);
    }
    const value = decodeDer(readOctetString(valueNode));
    switch (id) {
      case OID.basicConstraints: {
        let ca = false;
        let pathLength: number | undefined;
        for (const c of value.children) {
          if (c.tag === Tag.BOOLEAN) ca = readBoolean(c);
          else if (c.tag === Tag.INTEGER) pathLength = readSmallInt(c);
        }
        out.basicConstraints = pathLength === undefined ? { ca, critical } : { ca, pathLength, critical };
        break;
      }
      case OID.keyUsage: {
        const { bytes } = readBitString(value);
        out.keyUsage = KEY_USAGE_BITS.filter((_, i) => ((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1);
        break;
      }
      case OID.extKeyUsage:
        out.extKeyUsage = value.children.map((c) => readOid(c));
        break;
      case OID.subjectKeyIdentifier:
        out.subjectKeyIdentifier = readOctetString(value).toString('hex');
        break;
      case OID.authorityKeyIdentifier: {
        const kid = value.children.find((c) => c.tag === 0x80);
        if (kid) out.authorityKeyIdentifier = kid.content.toString('hex');
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Reads DER from PEM text, a base64 string, or raw bytes. */
function certificateDer(pemOrDer: string | Uint8Array): Buffer {
  if (typeof pemOrDer !== 'string') return Buffer.from(pemOrDer);
  const block = fromPem(pemOrDer, 'CERTIFICATE') ?? fromPem(pemOrDer);
  if (block) return block.der;
  const compact = pemOrDer.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+=*$/.test(compact)) return Buffer.from(compact, 'base64');
  throw new CertificateError('Not a PEM/DER certificate');
}

/** Parses an X.509 certificate (PEM, base64 or DER). Throws CertificateError on malformed input. */
export function parseCertificate(pemOrDer: string | Uint8Array): ParsedCertificate {
  const der = certificateDer(pemOrDer);
  try {
    const root = decodeDer(der);
    expectTag(root, Tag.SEQUENCE, 'Certificate');
    const tbs = expectTag(child(root, 0, 'tbsCertificate'), Tag.SEQUENCE, 'TBSCertificate');
    const sigAlg = child(root, 1, 'signatureAlgorithm');
    const { bytes: signature } = readBitString(child(root, 2, 'signatureValue'));
    let i = 0;
    let version = 1;
    if (tbs.children[0]?.tag === 0xa0) {
      version = readSmallInt(child(tbs.children[0], 0)) + 1;
      i = 1;
    }
    const serialNode = child(tbs, i, 'serialNumber');
    const serial = readIntegerBytes(serialNode);
    const issuerNode = child(tbs, i + 2, 'issuer');
    const validity = child(tbs, i + 3, 'validity');
    const subjectNode = child(tbs, i + 4, 'subject');
    const spkiNode = child(tbs, i + 5, 'subjectPublicKeyInfo');
    const extNode = tbs.children.slice(i + 6).find((c) => c.tag === 0xa3);
    return {
      der,
      pem: toPem(der, 'CERTIFICATE'),
      version,
      serialNumber: serial.toString('hex'),
      subject: decodeName(subjectNode),
      issuer: decodeName(issuerNode),
      notBefore: readTime(child(validity, 0)),
      notAfter: readTime(child(validity, 1)),
      publicKey: parsePublicKeyInfo(spkiNode),
      extensions: parseExtensions(extNode),
      signatureAlgorithm: readOid(child(sigAlg, 0)),
      signature,
      fingerprint: streebog256(der).toString('hex'),
      raw: {
        tbs: tbs.raw,
        issuer: issuerNode.raw,
        subject: subjectNode.raw,
        serialNumber: serialNode.content,
        subjectPublicKeyInfo: spkiNode.raw,
      },
    };
  } catch (e) {
    if (e instanceof CertificateError) throw e;
    if (e instanceof DerError) throw new CertificateError(`Malformed certificate: ${e.message}`);
    throw new CertificateError(`Malformed certificate: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------- issuing

export interface IssueCertificateOptions {
  subject: NameInput;
  /** The subject's key: its private key PEM, or just the public key. */
  subjectKey: string | GostPublicKey;
  /** Issuing CA; omit for a self-signed certificate (then `subjectKey` must be a private key PEM). */
  issuer?: { certPem: string | Uint8Array; keyPem: string };
  /** Hex serial; default 16 random octets. */
  serialNumber?: string;
  /** Default: now − 5 minutes. */
  notBefore?: Date;
  /** Default: notBefore + 365 days. */
  notAfter?: Date;
  /** Issue a CA certificate (basicConstraints cA=TRUE, keyCertSign+cRLSign). */
  ca?: boolean;
  pathLength?: number;
  /** Default: CA → keyCertSign, cRLSign, digitalSignature; end entity → digitalSignature, nonRepudiation. */
  keyUsage?: readonly KeyUsageName[];
  /** Default for end entities: clientAuth, emailProtection. CA: none. */
  extKeyUsage?: readonly string[];
}

export interface IssuedCertificate {
  readonly pem: string;
  readonly der: Buffer;
  readonly certificate: ParsedCertificate;
}

function keyUsageBits(usages: readonly KeyUsageName[]): Buffer {
  let bits = 0;
  for (const u of usages) bits |= 1 << (15 - KEY_USAGE_BITS.indexOf(u));
  const bytes = [bits >> 8, bits & 0xff];
  while (bytes.length > 1 && bytes[bytes.length - 1] === 0) bytes.pop();
  const last = bytes[bytes.length - 1]!;
  let unused = 0;
  if (last === 0) unused = 0;
  else while (((last >> unused) & 1) === 0) unused++;
  return bitString(Buffer.from(bytes), unused);
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING value (what OpenSSL uses). */
function keyIdentifier(pub: GostPublicKey): Buffer {
  return createHash('sha1').update(octetString(encodePublicKeyPoint(pub))).digest();
}

function samePoint(a: GostPublicKey, b: GostPublicKey): boolean {
  return a.x === b.x && a.y === b.y && a.curve.q === b.curve.q && a.curve.p === b.curve.p;
}

function randomSerial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString('hex');
}

/** Issues (signs) an X.509 v3 certificate. */
export function issueCertificate(opts: IssueCertificateOptions): IssuedCertificate {
  const subjectPub = typeof opts.subjectKey === 'string' ? publicFromPrivate(readPrivateKey(opts.subjectKey)) : opts.subjectKey;
  let signingKey: GostPrivateKey;
  let issuerName: Buffer;
  let issuerPub: GostPublicKey;
  let authorityKeyId: Buffer | undefined;
  if (opts.issuer) {
    const ca = parseCertificate(opts.issuer.certPem);
    signingKey = readPrivateKey(opts.issuer.keyPem);
    issuerPub = publicFromPrivate(signingKey);
    if (!ca.publicKey.key || !samePoint(ca.publicKey.key, issuerPub)) {
      throw new CertificateError('Issuer key does not match the issuer certificate');
    }
    issuerName = ca.raw.subject;
    authorityKeyId = ca.extensions.subjectKeyIdentifier
      ? Buffer.from(ca.extensions.subjectKeyIdentifier, 'hex')
      : keyIdentifier(issuerPub);
  } else {
    if (typeof opts.subjectKey !== 'string') throw new CertificateError('Self-signed certificate needs the subject private key PEM');
    signingKey = readPrivateKey(opts.subjectKey);
    issuerPub = subjectPub;
    issuerName = encodeName(opts.subject);
    authorityKeyId = keyIdentifier(subjectPub);
  }
  const notBefore = opts.notBefore ?? new Date(Date.now() - 5 * 60_000);
  const notAfter = opts.notAfter ?? new Date(notBefore.getTime() + 365 * 86_400_000);
  const serialHex = (opts.serialNumber ?? randomSerial()).replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]+$/.test(serialHex)) throw new CertificateError('serialNumber must be hex');
  const serial = Buffer.from(serialHex.length % 2 ? '0' + serialHex : serialHex, 'hex');

  const ca = opts.ca === true;
  const keyUsage = opts.keyUsage ?? (ca ? ['digitalSignature', 'keyCertSign', 'cRLSign'] : ['digitalSignature', 'nonRepudiation']);
  const extKeyUsage = opts.extKeyUsage ?? (ca ? [] : [OID.clientAuth, OID.emailProtection]);
  const basic = ca
    ? sequence(boolean(true), ...(opts.pathLength !== undefined ? [integer(opts.pathLength)] : []))
    : sequence();
  const exts: Buffer[] = [
    extension(OID.basicConstraints, ca, basic),
    extension(OID.keyUsage, true, keyUsageBits(keyUsage)),
    extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(subjectPub))),
    extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, authorityKeyId))),
  ];
  if (extKeyUsage.length > 0) exts.push(extension(OID.extKeyUsage, false, sequence(...extKeyUsage.map((o) => oid(o)))));

  const sigAlg = sequence(oid(signWithDigestOidFor(signingKey.curve)));
  const tbs = sequence(
    contextTag(0, integer(2)),
    integer(serial),
    sigAlg,
    issuerName,
    sequence(time(notBefore), time(notAfter)),
    encodeName(opts.subject),
    encodeSubjectPublicKeyInfo(subjectPub),
    contextTag(3, sequence(...exts)),
  );
  const tbsDigest = streebogFor(signingKey.curve)(tbs);
  const signature = signDigest(signingKey, tbsDigest);
  if (!verifyDigest(issuerPub, tbsDigest, signature)) throw new CertificateError('Self-check of certificate signature failed');
  const der = sequence(tbs, sigAlg, bitString(signature));
  return { der, pem: toPem(der, 'CERTIFICATE'), certificate: parseCertificate(der) };
}

export interface CertificateWithKey {
  readonly certPem: string;
  readonly keyPem: string;
  readonly certificate: ParsedCertificate;
}

/** Creates a self-signed CA: new key pair + CA certificate. */
export function createCertificateAuthority(opts: {
  subject: NameInput;
  notBefore?: Date;
  notAfter?: Date;
  paramSet?: string;
  pathLength?: number;
}): CertificateWithKey {
  const kp = generateKeyPair(opts.paramSet);
  const c = issueCertificate({
    subject: opts.subject,
    subjectKey: kp.privateKeyPem,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter ?? (opts.notBefore ? undefined : new Date(Date.now() + 10 * 365 * 86_400_000)),
    ca: true,
    pathLength: opts.pathLength,
  });
  return { certPem: c.pem, keyPem: kp.privateKeyPem, certificate: c.certificate };
}

/** Issues an end-entity (signer) certificate with a fresh key pair, signed by `ca`. */
export function issueEndEntityCertificate(opts: {
  ca: { certPem: string | Uint8Array; keyPem: string };
  subject: NameInput;
  notBefore?: Date;
  notAfter?: Date;
  paramSet?: string;
  serialNumber?: string;
}): CertificateWithKey {
  const kp = generateKeyPair(opts.paramSet);
  const c = issueCertificate({
    subject: opts.subject,
    subjectKey: kp.publicKey,
    issuer: opts.ca,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    serialNumber: opts.serialNumber,
  });
  return { certPem: c.pem, keyPem: kp.privateKeyPem, certificate: c.certificate };
}

// ---------------------------------------------------------------- verification

/** Verifies `cert`'s signature with `issuer`'s public key (ГОСТ Р 34.10-2012, 256 or 512). Never throws. */
export function verifyCertificateSignature(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const key = issuer.publicKey.key;
  if (!key) return false;
  if (cert.signatureAlgorithm !== signWithDigestOidFor(key.curve)) return false;
  return verifyDigest(key, streebogFor(key.curve)(cert.raw.tbs), cert.signature);
}

export type ChainFailureReason =
  | 'untrusted_issuer'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_signature'
  | 'issuer_not_ca'
  | 'unsupported_algorithm'
  | 'malformed';

export interface ChainResult {
  readonly valid: boolean;
  readonly reason?: ChainFailureReason;
  /** Human-readable detail (which certificate failed and why). */
  readonly detail?: string;
  /** The path from the certificate to a trust anchor (when built). */
  readonly chain?: readonly ParsedCertificate[];
}

const toParsed = (c: ParsedCertificate | string | Uint8Array): ParsedCertificate =>
  typeof c === 'object' && 'raw' in c && 'fingerprint' in c ? (c as ParsedCertificate) : parseCertificate(c as string | Uint8Array);

function timeCheck(c: ParsedCertificate, at: Date, who: string): ChainResult | null {
  if (at.getTime() < c.notBefore.getTime()) {
    return { valid: false, reason: 'not_yet_valid', detail: `${who} "${c.subject.text}" is valid from ${c.notBefore.toISOString()}` };
  }
  if (at.getTime() > c.notAfter.getTime()) {
    return { valid: false, reason: 'expired', detail: `${who} "${c.subject.text}" expired at ${c.notAfter.toISOString()}` };
  }
  return null;
}

function isIssuerOf(candidate: ParsedCertificate, cert: ParsedCertificate): boolean {
  if (!candidate.raw.subject.equals(cert.raw.issuer)) return false;
  const aki = cert.extensions.authorityKeyIdentifier;
  const ski = candidate.extensions.subjectKeyIdentifier;
  return !(aki && ski && aki !== ski);
}

/**
 * Verifies a certificate against trust anchors at time `at`: validity periods,
 * issuer signatures and issuer basicConstraints (cA=TRUE). A certificate that is
 * itself one of the trusted certificates is accepted as is (after the time check).
 * `intermediates` may supply CA certificates between the certificate and an anchor.
 * Never throws.
 */
export function verifyCertificateChain(
  cert: ParsedCertificate | string | Uint8Array,
  trustedCaCerts: readonly (ParsedCertificate | string | Uint8Array)[],
  at: Date = new Date(),
  intermediates: readonly (ParsedCertificate | string | Uint8Array)[] = [],
): ChainResult {
  let current: ParsedCertificate;
  let anchors: ParsedCertificate[];
  let pool: ParsedCertificate[];
  try {
    current = toParsed(cert);
    anchors = trustedCaCerts.map(toParsed);
    pool = intermediates.map(toParsed);
  } catch (e) {
    return { valid: false, reason: 'malformed', detail: (e as Error).message };
  }
  const chain: ParsedCertificate[] = [current];
  const leafTime = timeCheck(current, at, 'certificate');
  if (leafTime) return { ...leafTime, chain };
  for (let depth = 0; depth < 8; depth++) {
    if (anchors.some((a) => a.der.equals(current.der))) return { valid: true, chain };
    const anchor = anchors.find((a) => isIssuerOf(a, current));
    const issuer = anchor ?? pool.find((p) => isIssuerOf(p, current) && !chain.includes(p));
    if (!issuer) {
      return { valid: false, reason: 'untrusted_issuer', detail: `no trusted issuer for "${current.issuer.text}"`, chain };
    }
    if (!issuer.extensions.basicConstraints?.ca) {
      return { valid: false, reason: 'issuer_not_ca', detail: `"${issuer.subject.text}" is not a CA`, chain };
    }
    if (issuer.extensions.keyUsage && !issuer.extensions.keyUsage.includes('keyCertSign')) {
      return { valid: false, reason: 'issuer_not_ca', detail: `"${issuer.subject.text}" lacks keyCertSign`, chain };
    }
    const t = timeCheck(issuer, at, 'issuer');
    if (t) return { ...t, chain };
    if (
      (current.signatureAlgorithm !== OID.signWithDigest_2012_256 && current.signatureAlgorithm !== OID.signWithDigest_2012_512) ||
      !issuer.publicKey.key
    ) {
      return { valid: false, reason: 'unsupported_algorithm', detail: `signature algorithm ${current.signatureAlgorithm}`, chain };
    }
    if (!verifyCertificateSignature(current, issuer)) {
      return { valid: false, reason: 'bad_signature', detail: `signature of "${current.subject.text}" does not verify`, chain };
    }
    chain.push(issuer);
    if (anchor) return { valid: true, chain };
    current = issuer;
  }
  return { valid: false, reason: 'untrusted_issuer', detail: 'chain too long', chain };
}
