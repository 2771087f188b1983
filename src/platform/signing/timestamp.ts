/**
 * RFC 3161 time-stamps for CAdES-T: a time-stamp authority (TSA) signs the
 * hash of a signature's value together with the time; the token goes into
 * the SignerInfo as the unsigned attribute id-aa-signatureTimeStampToken
 * (1.2.840.113549.1.9.16.2.14). From then on the signature provably existed at
 * that time, whatever the signer's own `signingTime` claims.
 *
 * The imprint is Стрибог-256 (or -512) of the signature value's octets, as
 * CryptoPro's TSP and OpenSSL's `ts` (with the GOST engine) accept.
 */
import { randomBytes } from 'node:crypto';
import {
  type DerNode,
  Tag,
  boolean,
  child,
  contextTag,
  decodeDer,
  integer,
  nullValue,
  octetString,
  oid,
  readBigInt,
  readIntegerBytes,
  readOctetString,
  readOid,
  readSmallInt,
  readTime,
  sequence,
  setOf,
  tlv,
} from './der.js';
import { OID } from './oids.js';
import { streebog256, streebog512 } from './streebog.js';

export const OID_SIGNATURE_TIME_STAMP = '1.2.840.113549.1.9.16.2.14';
export const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';

export class TimeStampError extends Error {
  override readonly name = 'TimeStampError';
}

/** TimeStampReq DER for `imprint` (a Стрибог digest), with a nonce and a request for the TSA's certificate. */
export function timeStampRequest(imprint: Uint8Array, nonce: Buffer = randomBytes(8)): { der: Buffer; nonce: bigint } {
  const alg = imprint.length === 64 ? OID.gost3411_2012_512 : OID.gost3411_2012_256;
  const n = Buffer.from(nonce);
  n[0] = (n[0]! & 0x7f) | 0x01; // positive, no leading zero
  const der = sequence(integer(1), sequence(sequence(oid(alg), nullValue()), octetString(Buffer.from(imprint))), integer(n), boolean(true));
  return { der, nonce: BigInt('0x' + n.toString('hex')) };
}

/** What a time-stamp token says. */
export interface TimeStampInfo {
  genTime: Date;
  imprintAlgorithm: string;
  imprint: Buffer;
  nonce: bigint | null;
  serialNumber: string;
  policy: string;
}

/** Reads a TimeStampResp: the token (a CMS ContentInfo, DER) when granted, else an error with the TSA's status. */
export function parseTimeStampResponse(der: Uint8Array): Buffer {
  let root: DerNode;
  try {
    root = decodeDer(Buffer.from(der));
  } catch (e) {
    throw new TimeStampError(`the TSA's answer is not a TimeStampResp: ${(e as Error).message}`);
  }
  const status = readSmallInt(child(child(root, 0, 'PKIStatusInfo'), 0, 'status'));
  if (status !== 0 && status !== 1) throw new TimeStampError(`the TSA refused the request (PKIStatus ${status})`);
  const token = root.children[1];
  if (!token) throw new TimeStampError('the TSA granted the request but sent no token');
  return token.raw;
}

/** Reads the TSTInfo of a token (does not check the TSA's signature; see `verifyCms` on the token for that). */
export function readTimeStampToken(token: Uint8Array): TimeStampInfo {
  const root = decodeDer(Buffer.from(token));
  if (readOid(child(root, 0)) !== OID.signedData) throw new TimeStampError('the token is not a CMS SignedData');
  const sd = child(child(root, 1), 0);
  const encap = child(sd, 2, 'encapContentInfo');
  if (readOid(child(encap, 0)) !== OID_TST_INFO) throw new TimeStampError('the token does not hold a TSTInfo');
  const tst = decodeDer(readOctetString(child(child(encap, 1), 0)));
  // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, accuracy?, ordering?, nonce?, tsa? [0], extensions? [1] }
  const policy = readOid(child(tst, 1));
  const mi = child(tst, 2, 'messageImprint');
  const imprintAlgorithm = readOid(child(child(mi, 0), 0));
  const imprint = readOctetString(child(mi, 1));
  const serialNumber = readIntegerBytes(child(tst, 3)).toString('hex');
  const genTime = readTime(child(tst, 4));
  let nonce: bigint | null = null;
  for (const n of tst.children.slice(5)) if (n.tag === Tag.INTEGER) nonce = readBigInt(n);
  return { genTime, imprintAlgorithm, imprint, nonce, serialNumber, policy };
}

const hashFor = (alg: string) => (alg === OID.gost3411_2012_512 ? streebog512 : alg === OID.gost3411_2012_256 ? streebog256 : null);

/** The first SignerInfo of a CMS SignedData: its node, the signature value, and where things are. */
function firstSignerInfo(cms: Buffer): { root: DerNode; sd: DerNode; sis: DerNode; si: DerNode; signature: Buffer } {
  const root = decodeDer(cms);
  if (readOid(child(root, 0)) !== OID.signedData) throw new TimeStampError('not a CMS SignedData');
  const sd = child(child(root, 1), 0, 'SignedData');
  const sis = sd.children[sd.children.length - 1]!;
  if (sis.tag !== Tag.SET || sis.children.length === 0) throw new TimeStampError('no SignerInfo');
  const si = sis.children[0]!;
  const sigNode = si.children.find((c, i) => i > 2 && c.tag === Tag.OCTET_STRING);
  if (!sigNode) throw new TimeStampError('SignerInfo without a signature value');
  return { root, sd, sis, si, signature: readOctetString(sigNode) };
}

/** The octets a signature time-stamp covers: the first signer's signature value. */
export function signatureValueOf(cms: Uint8Array): Buffer {
  return firstSignerInfo(Buffer.from(cms)).signature;
}

/**
 * Adds a signature time-stamp token to the first SignerInfo (CAdES-BES → CAdES-T),
 * after checking that the token covers this signature's value.
 */
export function addSignatureTimeStamp(cms: Uint8Array, token: Uint8Array): Buffer {
  const buf = Buffer.from(cms);
  const { sd, sis, si, signature } = firstSignerInfo(buf);
  const info = readTimeStampToken(token);
  const hash = hashFor(info.imprintAlgorithm);
  if (!hash || !hash(signature).equals(info.imprint)) throw new TimeStampError('the time-stamp does not cover this signature');
  const attr = sequence(oid(OID_SIGNATURE_TIME_STAMP), setOf([Buffer.from(token)]));
  // Keep every element as it is; add (or extend) [1] IMPLICIT unsignedAttrs at the end.
  const kept = si.children.filter((c) => c.tag !== 0xa1).map((c) => c.raw);
  const oldUnsigned = si.children.find((c) => c.tag === 0xa1);
  const unsigned = oldUnsigned ? [...oldUnsigned.children.map((c) => c.raw), attr] : [attr];
  const newSi = sequence(...kept, tlv(0xa1, Buffer.concat(setOfSorted(unsigned))));
  const newSis = setOf([newSi, ...sis.children.slice(1).map((c) => c.raw)]);
  const sdChildren = sd.children.map((c) => (c === sis ? newSis : c.raw));
  const signedData = sequence(...sdChildren);
  return sequence(oid(OID.signedData), contextTag(0, signedData));
}

/** DER SET OF ordering of already-encoded elements. */
function setOfSorted(items: Buffer[]): Buffer[] {
  return [...items].sort(Buffer.compare);
}

/** The signature time-stamp token (DER) of a CMS's first signer, or null when it carries none. */
export function signatureTimeStampToken(cms: Uint8Array): Buffer | null {
  const { si, signature } = firstSignerInfo(Buffer.from(cms));
  return signatureTimeStampOf(si, signature)?.token ?? null;
}

/** The signature time-stamp of a SignerInfo node (unsigned attributes), if any: token and what it says. */
export function signatureTimeStampOf(si: DerNode, signature: Buffer): { token: Buffer; info: TimeStampInfo; coversSignature: boolean } | null {
  const unsigned = si.children.find((c) => c.tag === 0xa1);
  if (!unsigned) return null;
  for (const a of unsigned.children) {
    if (readOid(child(a, 0)) !== OID_SIGNATURE_TIME_STAMP) continue;
    const token = child(child(a, 1), 0).raw;
    const info = readTimeStampToken(token);
    const hash = hashFor(info.imprintAlgorithm);
    return { token, info, coversSignature: !!hash && hash(signature).equals(info.imprint) };
  }
  return null;
}

/**
 * Asks the TSA at `url` (RFC 3161 over HTTP) for a time-stamp of `cms`'s signature
 * and returns the CAdES-T signature. Checks the nonce and the imprint of the answer.
 */
export async function timeStampSignature(cms: Uint8Array, url: string, opts: { timeoutMs?: number; digestBits?: 256 | 512 } = {}): Promise<{ cms: Buffer; info: TimeStampInfo }> {
  const signature = signatureValueOf(cms);
  const imprint = (opts.digestBits === 512 ? streebog512 : streebog256)(signature);
  const req = timeStampRequest(imprint);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: new Uint8Array(req.der),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (e) {
    throw new TimeStampError(`the TSA did not answer: ${(e as Error).message}`);
  }
  if (!res.ok) throw new TimeStampError(`the TSA answered HTTP ${res.status}`);
  const token = parseTimeStampResponse(Buffer.from(await res.arrayBuffer()));
  const info = readTimeStampToken(token);
  if (info.nonce !== req.nonce) throw new TimeStampError('the TSA answered with another nonce');
  return { cms: addSignatureTimeStamp(cms, token), info };
}
