/**
 * CMS SignedData / CAdES-BES with ГОСТ Р 34.10-2012 and Streebog: 256-bit keys
 * with Streebog-256, 512-bit keys with Streebog-512 (the digest always matches
 * the key size, as OpenSSL and CryptoPro pair them).
 *
 * Produced structure (what `openssl cms -sign -cades -md md_gost12_256` makes):
 *   SignedData v1, digestAlgorithm id-tc26-gost3411-12-256 (NULL params),
 *   the signer certificate embedded, one SignerInfo v1 (IssuerAndSerialNumber)
 *   with signed attributes (DER-sorted SET OF): contentType, signingTime,
 *   messageDigest, signingCertificateV2; signatureAlgorithm
 *   id-tc26-gost3410-12-256 (as OpenSSL and CryptoPro write it); signature s‖r.
 */
import { createStreebog256, createStreebog512, streebog256, streebog512 } from './streebog.js';
import {
  type DerNode,
  Tag,
  child,
  contextTag,
  decodeDer,
  expectTag,
  fromPem,
  integer,
  nullValue,
  octetString,
  oid,
  readIntegerBytes,
  readOctetString,
  readOid,
  readSmallInt,
  readTime,
  retag,
  sequence,
  setOf,
  time,
  tlv,
  toPem,
} from './der.js';
import {
  type ParsedCertificate,
  type ChainResult,
  digestOidFor,
  keyAlgorithmOid,
  parseCertificate,
  readPrivateKey,
  streebogFor,
  verifyCertificateChain,
} from './certificates.js';
import { type CurveParams, octetsOf, publicFromPrivate, signDigest, verifyDigest } from './gost3410.js';
import { OID } from './oids.js';
import { signatureTimeStampOf } from './timestamp.js';

// ================================================================ signing

export interface SignOptions {
  /** Content to sign (needed for attached signatures). */
  data?: Uint8Array;
  /**
   * Precomputed Streebog digest of the content, e.g. from {@link createStreebog256} while streaming:
   * Streebog-256 (32 bytes) for a 256-bit key, Streebog-512 (64 bytes) for a 512-bit one.
   */
  digest?: Uint8Array;
  /** Signer private key, PKCS#8 PEM. */
  keyPem: string;
  /** Signer certificate, PEM or DER. */
  certPem: string | Uint8Array;
  /** Extra certificates to embed (e.g. intermediate CAs). */
  extraCerts?: readonly (string | Uint8Array)[];
  /** Default: now. */
  signingTime?: Date;
  /** Embed the content (attached signature). Requires `data`. Default false. */
  attached?: boolean;
}

export class SigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningError';
  }
}

const digestAlgorithmId = (curve: CurveParams): Buffer => sequence(oid(digestOidFor(curve)), nullValue());

function attribute(type: string, ...values: Buffer[]): Buffer {
  return sequence(oid(type), setOf(values));
}

/** Creates a CMS SignedData (CAdES-BES), DER-encoded. Detached unless `attached: true`. */
export function signCms(opts: SignOptions): Buffer {
  const cert = parseCertificate(opts.certPem);
  const key = readPrivateKey(opts.keyPem);
  const pub = publicFromPrivate(key);
  const certKey = cert.publicKey.key;
  if (!certKey || certKey.x !== pub.x || certKey.y !== pub.y) {
    throw new SigningError('Private key does not match the signer certificate');
  }
  const curve = key.curve;
  const hash = streebogFor(curve);
  let digest: Buffer;
  if (opts.digest) {
    if (opts.digest.length !== octetsOf(curve)) {
      throw new SigningError(`digest must be a ${octetsOf(curve)}-byte Streebog-${curve.bits} value for this ${curve.bits}-bit key`);
    }
    digest = Buffer.from(opts.digest);
    if (opts.data && !hash(opts.data).equals(digest)) throw new SigningError('digest does not match data');
  } else if (opts.data) {
    digest = hash(opts.data);
  } else {
    throw new SigningError('Either data or digest is required');
  }
  if (opts.attached && !opts.data) throw new SigningError('Attached signatures need data');

  const issuerAndSerial = sequence(cert.raw.issuer, tlv(Tag.INTEGER, cert.raw.serialNumber));
  // ESSCertIDv2 { hashAlgorithm, certHash, issuerSerial { GeneralNames{[4] Name}, serial } }
  const essCertId = sequence(
    digestAlgorithmId(curve),
    octetString(hash(cert.der)),
    sequence(sequence(contextTag(4, cert.raw.issuer)), tlv(Tag.INTEGER, cert.raw.serialNumber)),
  );
  const signedAttrsContent = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(opts.signingTime ?? new Date())),
    attribute(OID.messageDigest, octetString(digest)),
    attribute(OID.signingCertificateV2, sequence(sequence(essCertId))),
  ];
  const signedAttrsSet = setOf(signedAttrsContent); // DER: sorted SET OF
  const signature = signDigest(key, hash(signedAttrsSet));

  const signerInfo = sequence(
    integer(1),
    issuerAndSerial,
    digestAlgorithmId(curve),
    retag(signedAttrsSet, 0xa0), // [0] IMPLICIT SET OF Attribute
    sequence(oid(keyAlgorithmOid(curve)), nullValue()),
    octetString(signature),
  );
  const certs = [cert.der, ...(opts.extraCerts ?? []).map((c) => parseCertificate(c).der)];
  const encap = opts.attached
    ? sequence(oid(OID.data), contextTag(0, octetString(opts.data!)))
    : sequence(oid(OID.data));
  const signedData = sequence(
    integer(1),
    setOf([digestAlgorithmId(curve)]),
    encap,
    contextTag(0, Buffer.concat(certs)), // [0] IMPLICIT CertificateSet
    setOf([signerInfo]),
  );
  return sequence(oid(OID.signedData), contextTag(0, signedData));
}

/** Detached CMS signature (the `.sig` next to a file). */
export function signDetached(opts: Omit<SignOptions, 'attached'>): Buffer {
  return signCms({ ...opts, attached: false });
}

/** Attached CMS signature (content embedded) — e.g. for short challenges. */
export function signAttached(opts: Omit<SignOptions, 'attached' | 'digest'> & { data: Uint8Array }): Buffer {
  return signCms({ ...opts, attached: true });
}

/** PEM armour for a CMS blob (`-----BEGIN CMS-----`). */
export function cmsToPem(der: Uint8Array): string {
  return toPem(der, 'CMS');
}

// ================================================================ verification

export type VerifyFailureReason =
  | 'not_cms'
  | 'unsupported_algorithm'
  | 'no_content'
  | 'no_certificate'
  | 'digest_mismatch'
  | 'bad_signature'
  | 'signing_certificate_mismatch'
  | 'expired'
  | 'not_yet_valid'
  | 'untrusted';

export interface SignerSummary {
  commonName?: string;
  organization?: string;
  surname?: string;
  givenName?: string;
  title?: string;
  inn?: string;
  innLe?: string;
  ogrn?: string;
  ogrnip?: string;
  snils?: string;
  email?: string;
  /** Subject as one line. */
  subject: string;
  issuer: string;
  /** Certificate serial, lower-case hex. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** Streebog-256 fingerprint of the certificate, hex. */
  fingerprint: string;
}

export interface VerifyResult {
  valid: boolean;
  reason?: VerifyFailureReason;
  detail?: string;
  /** The (first) signer, when its certificate was found. */
  signer?: SignerSummary;
  /** signingTime signed attribute (claimed by the signer, not a timestamp). */
  signedAt?: Date;
  /** Signer certificate, when found. */
  certificate?: ParsedCertificate;
  /** Embedded content of an attached signature. */
  content?: Buffer;
  /** Number of SignerInfos (all of them must verify). */
  signerCount?: number;
  /**
   * RFC 3161 signature time-stamp (CAdES-T), when the signature carries one: the TSA's time, and
   * whether the token covers this signature's value and its own signature verifies.
   */
  timestamp?: { at: Date; valid: boolean; detail?: string; tsa?: string };
}

export interface VerifyOptions {
  /**
   * The signed content: bytes, a stream of chunks (e.g. `fs.createReadStream`), or its
   * precomputed Streebog-256 digest via `digest`. Omit for attached signatures.
   */
  data?: Uint8Array | AsyncIterable<Uint8Array | string>;
  /** Precomputed Streebog-256 (or -512 if the signature uses it) digest of the content. */
  digest?: Uint8Array;
  /** The signature: DER, PEM (`BEGIN CMS`/`PKCS7`/`SIGNED MESSAGE`) or base64 text. */
  signature: Uint8Array | string;
  /** Trust anchors; when given, the signer certificate must chain to one of them. */
  trustedCaCerts?: readonly (string | Uint8Array | ParsedCertificate)[];
  /** Extra certificates (signer / intermediates) not embedded in the signature. */
  certificates?: readonly (string | Uint8Array)[];
  /** Time at which certificate validity is checked; default now. */
  at?: Date;
}

interface SignerInfoParts {
  node: DerNode;
  sidIssuer?: Buffer;
  sidSerial?: Buffer;
  sidKeyId?: Buffer;
  digestAlg: string;
  signedAttrs?: DerNode;
  sigAlg: string;
  signature: Buffer;
}

interface ParsedCms {
  eContentType: string;
  content?: Buffer;
  certificates: ParsedCertificate[];
  signerInfos: SignerInfoParts[];
}

function signatureBytes(sig: Uint8Array | string): Buffer {
  if (typeof sig !== 'string') {
    const b = Buffer.from(sig);
    if (b[0] === 0x30) return b;
    return signatureBytes(b.toString('latin1'));
  }
  const block = fromPem(sig);
  if (block) return block.der;
  const compact = sig.replace(/\s+/g, '');
  if (compact.length > 0 && /^[A-Za-z0-9+/]+=*$/.test(compact)) return Buffer.from(compact, 'base64');
  return Buffer.from(sig, 'latin1');
}

function parseSignerInfo(si: DerNode): SignerInfoParts {
  const version = readSmallInt(child(si, 0));
  const sid = child(si, 1, 'sid');
  const out: Partial<SignerInfoParts> = { node: si };
  if (sid.tag === Tag.SEQUENCE) {
    out.sidIssuer = child(sid, 0).raw;
    out.sidSerial = readIntegerBytes(child(sid, 1));
  } else if (sid.tag === 0x80) {
    out.sidKeyId = sid.content;
  } else {
    throw new Error(`Unsupported SignerIdentifier (version ${version})`);
  }
  out.digestAlg = readOid(child(child(si, 2), 0));
  let i = 3;
  if (si.children[i]?.tag === 0xa0) {
    out.signedAttrs = si.children[i];
    i++;
  }
  out.sigAlg = readOid(child(child(si, i), 0));
  out.signature = readOctetString(child(si, i + 1, 'signature'));
  return out as SignerInfoParts;
}

function parseCms(der: Buffer): ParsedCms {
  const root = decodeDer(der, true);
  expectTag(root, Tag.SEQUENCE, 'ContentInfo');
  if (readOid(child(root, 0)) !== OID.signedData) throw new Error('Not SignedData');
  const sd = child(child(root, 1), 0, 'SignedData');
  expectTag(sd, Tag.SEQUENCE, 'SignedData');
  readSmallInt(child(sd, 0));
  const encap = child(sd, 2, 'encapContentInfo');
  const eContentType = readOid(child(encap, 0));
  const eContent = encap.children[1];
  const content = eContent ? readOctetString(child(eContent, 0)) : undefined;
  const certificates: ParsedCertificate[] = [];
  let i = 3;
  for (; i < sd.children.length; i++) {
    const n = sd.children[i]!;
    if (n.tag === 0xa0) {
      for (const c of n.children) {
        if (c.tag !== Tag.SEQUENCE) continue; // other certificate formats
        try {
          certificates.push(parseCertificate(c.raw));
        } catch {
          /* skip unparsable certificates */
        }
      }
    } else if (n.tag !== 0xa1) {
      break;
    }
  }
  const sis = expectTag(child(sd, i, 'signerInfos'), Tag.SET, 'SignerInfos');
  return { eContentType, content, certificates, signerInfos: sis.children.map(parseSignerInfo) };
}

function summarize(c: ParsedCertificate): SignerSummary {
  const s = c.subject;
  const out: SignerSummary = {
    subject: s.text,
    issuer: c.issuer.text,
    serialNumber: c.serialNumber,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    fingerprint: c.fingerprint,
  };
  for (const k of ['commonName', 'organization', 'surname', 'givenName', 'title', 'inn', 'innLe', 'ogrn', 'ogrnip', 'snils', 'email'] as const) {
    if (s[k] !== undefined) out[k] = s[k];
  }
  return out;
}

function findAttr(attrs: DerNode, type: string): DerNode[] | undefined {
  for (const a of attrs.children) {
    if (readOid(child(a, 0)) === type) return child(a, 1).children;
  }
  return undefined;
}

function isAsyncIterable(x: unknown): x is AsyncIterable<Uint8Array | string> {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}

async function contentDigest(
  alg: string,
  opts: VerifyOptions,
  attached: Buffer | undefined,
): Promise<Buffer | null> {
  if (opts.digest) return Buffer.from(opts.digest);
  const h = alg === OID.gost3411_2012_512 ? createStreebog512() : createStreebog256();
  const data = opts.data ?? attached;
  if (data === undefined) return null;
  if (isAsyncIterable(data)) {
    for await (const chunk of data) h.update(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } else {
    h.update(data);
  }
  return h.digest();
}

const fail = (reason: VerifyFailureReason, detail: string, extra: Partial<VerifyResult> = {}): VerifyResult => ({
  valid: false,
  reason,
  detail,
  ...extra,
});

/**
 * Verifies a CMS signature (detached or attached). Never throws on bad input:
 * anything that is not a parsable SignedData yields `reason: 'not_cms'`.
 * (Errors raised by a `data` stream itself, e.g. I/O errors, are propagated.)
 */
export async function verifyCms(opts: VerifyOptions): Promise<VerifyResult> {
  return verifyCmsAt(opts, 0);
}

async function verifyCmsAt(opts: VerifyOptions, depth: number): Promise<VerifyResult> {
  let cms: ParsedCms;
  try {
    cms = parseCms(signatureBytes(opts.signature));
    if (cms.signerInfos.length === 0) throw new Error('No SignerInfo');
  } catch (e) {
    return fail('not_cms', `not a CMS SignedData: ${(e as Error).message}`);
  }

  let extra: ParsedCertificate[] = [];
  try {
    extra = (opts.certificates ?? []).map((c) => parseCertificate(c));
  } catch {
    /* ignore bad extra certificates */
  }
  const pool = [...cms.certificates, ...extra];
  const algs = new Set(cms.signerInfos.map((s) => s.digestAlg));
  for (const a of algs) {
    if (a !== OID.gost3411_2012_256 && a !== OID.gost3411_2012_512) {
      return fail('unsupported_algorithm', `digest algorithm ${a}`);
    }
  }
  if (algs.size > 1 && !opts.digest) return fail('unsupported_algorithm', 'signers use different digest algorithms');

  // Content digest (streams can only be read once, hence once per message).
  const [alg] = [...algs] as [string];
  const digest = await contentDigest(alg, opts, cms.content);
  if (!digest) return fail('no_content', 'detached signature: pass data or digest');

  let first: VerifyResult | undefined;
  for (const si of cms.signerInfos) {
    const r = verifySignerInfo(si, cms, pool, digest, opts);
    first ??= r;
    if (!r.valid) return withContent({ ...r, signerCount: cms.signerInfos.length }, cms.content);
  }
  const timestamp = await checkTimeStamp(cms.signerInfos[0]!, depth);
  return withContent({ ...first!, signerCount: cms.signerInfos.length, ...(timestamp ? { timestamp } : {}) }, cms.content);
}

const withContent = (r: VerifyResult, content: Buffer | undefined): VerifyResult => (content ? { ...r, content } : r);

function verifySignerInfo(
  si: SignerInfoParts,
  cms: ParsedCms,
  pool: ParsedCertificate[],
  digest: Buffer,
  opts: VerifyOptions,
): VerifyResult {
  try {
    const cert = pool.find((c) =>
      si.sidKeyId
        ? c.extensions.subjectKeyIdentifier === si.sidKeyId.toString('hex')
        : c.raw.issuer.equals(si.sidIssuer!) && c.serialNumber === si.sidSerial!.toString('hex'),
    );
    if (!cert) return fail('no_certificate', 'signer certificate is not in the signature');
    const base: Partial<VerifyResult> = { signer: summarize(cert), certificate: cert };
    const key = cert.publicKey.key;
    if (!key) return fail('unsupported_algorithm', `signer key ${cert.publicKey.algorithm}/${cert.publicKey.paramSet ?? '-'}`, base);
    const sigAlgs: string[] =
      key.curve.bits === 512 ? [OID.gost3410_2012_512, OID.signWithDigest_2012_512] : [OID.gost3410_2012_256, OID.signWithDigest_2012_256];
    if (!sigAlgs.includes(si.sigAlg)) return fail('unsupported_algorithm', `signature algorithm ${si.sigAlg} with a ${key.curve.bits}-bit key`, base);
    if (si.digestAlg !== digestOidFor(key.curve)) {
      return fail('unsupported_algorithm', `digest ${si.digestAlg} with a ${key.curve.bits}-bit key`, base);
    }
    const hash = streebogFor(key.curve);

    let toVerify: Buffer;
    if (si.signedAttrs) {
      const attrs = si.signedAttrs;
      const ct = findAttr(attrs, OID.contentType);
      if (!ct || readOid(ct[0]) !== cms.eContentType) return fail('bad_signature', 'contentType attribute missing or wrong', base);
      const md = findAttr(attrs, OID.messageDigest);
      if (!md) return fail('bad_signature', 'messageDigest attribute missing', base);
      const st = findAttr(attrs, OID.signingTime);
      if (st?.[0]) {
        try {
          base.signedAt = readTime(st[0]);
        } catch {
          /* ignore malformed signingTime */
        }
      }
      if (!readOctetString(md[0]).equals(digest)) return fail('digest_mismatch', 'content does not match the signature', base);
      const setDer = Buffer.from(attrs.raw);
      setDer[0] = Tag.SET; // signature covers the attributes encoded as SET OF
      toVerify = hash(setDer);
      if (!verifyDigest(key, toVerify, si.signature)) return fail('bad_signature', 'signature does not verify', base);

      const scv2 = findAttr(attrs, OID.signingCertificateV2);
      if (scv2?.[0]) {
        const ids = child(scv2[0], 0).children;
        const firstId = ids[0];
        if (firstId) {
          let hashAlg = '2.16.840.1.101.3.4.2.1'; // DEFAULT sha256
          let idx = 0;
          if (firstId.children[0]?.tag === Tag.SEQUENCE) {
            hashAlg = readOid(child(firstId.children[0], 0));
            idx = 1;
          }
          const certHash = readOctetString(child(firstId, idx));
          const known = hashAlg === OID.gost3411_2012_256 ? streebog256 : hashAlg === OID.gost3411_2012_512 ? streebog512 : null;
          if (known && !certHash.equals(known(cert.der))) {
            return fail('signing_certificate_mismatch', 'signingCertificateV2 does not match the signer certificate', base);
          }
        }
      }
    } else {
      if (!verifyDigest(key, digest, si.signature)) return fail('bad_signature', 'signature does not verify', base);
    }

    // Certificate validity and trust.
    const at = opts.at ?? new Date();
    if (opts.trustedCaCerts) {
      const chain: ChainResult = verifyCertificateChain(cert, opts.trustedCaCerts, at, pool);
      if (!chain.valid) {
        const reason: VerifyFailureReason =
          chain.reason === 'expired' ? 'expired' : chain.reason === 'not_yet_valid' ? 'not_yet_valid' : 'untrusted';
        return fail(reason, `${chain.reason}: ${chain.detail ?? ''}`, base);
      }
    } else if (at < cert.notBefore) {
      return fail('not_yet_valid', `certificate is valid from ${cert.notBefore.toISOString()}`, base);
    } else if (at > cert.notAfter) {
      return fail('expired', `certificate expired at ${cert.notAfter.toISOString()}`, base);
    }
    return { valid: true, ...base };
  } catch (e) {
    return fail('not_cms', `malformed SignerInfo: ${(e as Error).message}`);
  }
}

/** The signature time-stamp of a SignerInfo, checked: it covers the signature value and the TSA's signature verifies. */
async function checkTimeStamp(si: SignerInfoParts, depth: number): Promise<VerifyResult['timestamp']> {
  let ts: ReturnType<typeof signatureTimeStampOf>;
  try {
    ts = signatureTimeStampOf(si.node, si.signature);
  } catch (e) {
    return { at: new Date(NaN), valid: false, detail: `malformed time-stamp: ${(e as Error).message}` };
  }
  if (!ts) return undefined;
  if (!ts.coversSignature) return { at: ts.info.genTime, valid: false, detail: 'the time-stamp does not cover this signature' };
  if (depth > 0) return { at: ts.info.genTime, valid: false, detail: 'nested time-stamps are not followed' };
  const r = await verifyCmsAt({ signature: ts.token, at: ts.info.genTime }, depth + 1);
  return {
    at: ts.info.genTime,
    valid: r.valid,
    ...(r.valid ? {} : { detail: `the TSA's signature: ${r.reason}` }),
    ...(r.signer ? { tsa: r.signer.commonName ?? r.signer.subject } : {}),
  };
}

/** The digest algorithm OID of a signature's first signer (to hash its content with), or null when it is not CMS. */
export function digestAlgorithmOf(signature: Uint8Array | string): string | null {
  try {
    return parseCms(signatureBytes(signature)).signerInfos[0]?.digestAlg ?? null;
  } catch {
    return null;
  }
}

/** Verifies a detached signature; same as {@link verifyCms}. */
export const verifyDetached = verifyCms;
