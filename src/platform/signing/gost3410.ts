/**
 * ГОСТ Р 34.10-2012 signatures, 256- and 512-bit, on `@noble/curves`'
 * short-Weierstrass implementation with the GOST curve parameters.
 *
 * Every multiplication by a secret scalar (the private key `d` when deriving
 * the public key, the per-signature nonce `k`) goes through noble's
 * `Point.multiply`, which is constant-time by construction: a fixed-window
 * wNAF walk that performs the same sequence of point operations whatever the
 * scalar's bits (a "fake" accumulator absorbs the zero digits), on
 * projective coordinates, with no secret-dependent branches or table
 * indices. Only verification, whose scalars are public, uses the faster
 * variable-time `mulAddUnsafe`. (BigInt limb arithmetic underneath is the
 * same for every value of a given size; noble documents the residual
 * caveats of JavaScript BigInt.)
 *
 * Conventions (as in OpenSSL's gost engine, CryptoPro and RFC 4491 / RFC 9215),
 * with `L` = 32 octets for 256-bit curves and 64 for 512-bit ones:
 *  - the Streebog digest (of the same size) is read as a little-endian integer `e`;
 *  - a signature is 2L octets: big-endian `s` followed by big-endian `r`;
 *  - a public key is 2L octets: little-endian `x` followed by little-endian `y`
 *    (wrapped in an OCTET STRING inside the SubjectPublicKeyInfo BIT STRING);
 *  - a private key is L octets little-endian (PKCS#8 OCTET STRING).
 */
import { randomBytes } from 'node:crypto';
import { weierstrass, type WeierstrassPoint, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';

export interface CurveParams {
  /** Human name, e.g. `cryptopro-a`, `tc26-512-a`. */
  readonly name: string;
  /** Paramset OID used in SubjectPublicKeyInfo. */
  readonly oid: string;
  /** 256 or 512: the key size, and the Streebog variant that goes with it. */
  readonly bits: 256 | 512;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  /** Order of the prime subgroup the base point generates. */
  readonly q: bigint;
  /** Cofactor: 4 for the twisted-Edwards-derived tc26 256-A and 512-C, 1 otherwise. */
  readonly h: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
}

const h = (s: string): bigint => BigInt('0x' + s);

type Raw = Omit<CurveParams, 'name' | 'oid'>;

const CRYPTOPRO_A: Raw = {
  bits: 256,
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97'),
  a: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD94'),
  b: 166n,
  q: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893'),
  h: 1n,
  gx: 1n,
  gy: h('8D91E471E0989CDA27DF505A453F2B7635294F2DDF23E3B122ACC99C9E9F1E14'),
};
const CRYPTOPRO_B: Raw = {
  bits: 256,
  p: h('8000000000000000000000000000000000000000000000000000000000000C99'),
  a: h('8000000000000000000000000000000000000000000000000000000000000C96'),
  b: h('3E1AF419A269A5F866A7D3C25C3DF80AE979259373FF2B182F49D4CE7E1BBC8B'),
  q: h('800000000000000000000000000000015F700CFFF1A624E5E497161BCC8A198F'),
  h: 1n,
  gx: 1n,
  gy: h('3FA8124359F96680B83D1C3EB2C070E5C545C9858D03ECFB744BF8D717717EFC'),
};
const CRYPTOPRO_C: Raw = {
  bits: 256,
  p: h('9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D759B'),
  a: h('9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D7598'),
  b: 32858n,
  q: h('9B9F605F5A858107AB1EC85E6B41C8AA582CA3511EDDFB74F02F3A6598980BB9'),
  h: 1n,
  gx: 0n,
  gy: h('41ECE55743711A8C3CBF3783CD08C0EE4D4DC440D4641A8F366E550DFDB3BB67'),
};
/** id-tc26-gost-3410-2012-256-paramSetA (twisted Edwards curve in Weierstrass form, cofactor 4). */
const TC26_256_A: Raw = {
  bits: 256,
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97'),
  a: h('C2173F1513981673AF4892C23035A27CE25E2013BF95AA33B22C656F277E7335'),
  b: h('295F9BAE7428ED9CCC20E7C359A9D41A22FCCD9108E17BF7BA9337A6F8AE9513'),
  q: h('400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67'),
  h: 4n,
  gx: h('91E38443A5E82C0D880923425712B2BB658B9196932E02C78B2582FE742DAA28'),
  gy: h('32879423AB1A0375895786C4BB46E9565FDE0B5344766740AF268ADB32322E5C'),
};
/** id-tc26-gost-3410-12-512-paramSetA (Р 50.1.114-2016). */
const TC26_512_A: Raw = {
  bits: 512,
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7'),
  a: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC4'),
  b: h('E8C2505DEDFC86DDC1BD0B2B6667F1DA34B82574761CB0E879BD081CFD0B6265EE3CB090F30D27614CB4574010DA90DD862EF9D4EBEE4761503190785A71C760'),
  q: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF27E69532F48D89116FF22B8D4E0560609B4B38ABFAD2B85DCACDB1411F10B275'),
  h: 1n,
  gx: 3n,
  gy: h('7503CFE87A836AE3A61B8816E25450E6CE5E1C93ACF1ABC1778064FDCBEFA921DF1626BE4FD036E93D75E6A50E3A41E98028FE5FC235F5B889A589CB5215F2A4'),
};
/** id-tc26-gost-3410-12-512-paramSetB. */
const TC26_512_B: Raw = {
  bits: 512,
  p: h('8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006F'),
  a: h('8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006C'),
  b: h('687D1B459DC841457E3E06CF6F5E2517B97C7D614AF138BCBF85DC806C4B289F3E965D2DB1416D217F8B276FAD1AB69C50F78BEE1FA3106EFB8CCBC7C5140116'),
  q: h('800000000000000000000000000000000000000000000000000000000000000149A1EC142565A545ACFDB77BD9D40CFA8B996712101BEA0EC6346C54374F25BD'),
  h: 1n,
  gx: 2n,
  gy: h('1A8F7EDA389B094C2C071E3647A8940F3C123B697578C213BE6DD9E6C8EC7335DCB228FD1EDF4A39152CBCAAF8C0398828041055F94CEEEC7E21340780FE41BD'),
};
/** id-tc26-gost-3410-2012-512-paramSetC (twisted Edwards curve in Weierstrass form, cofactor 4). */
const TC26_512_C: Raw = {
  bits: 512,
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7'),
  a: h('DC9203E514A721875485A529D2C722FB187BC8980EB866644DE41C68E143064546E861C0E2C9EDD92ADE71F46FCF50FF2AD97F951FDA9F2A2EB6546F39689BD3'),
  b: h('B4C4EE28CEBC6C2C8AC12952CF37F16AC7EFB6A9F69F4B57FFDA2E4F0DE5ADE038CBC2FFF719D2C18DE0284B8BFEF3B52B8CC7A5F5BF0A3C8D2319A5312557E1'),
  q: h('3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC98CDBA46506AB004C33A9FF5147502CC8EDA9E7A769A12694623CEF47F023ED'),
  h: 4n,
  gx: h('E2E31EDFC23DE7BDEBE241CE593EF5DE2295B7A9CBAEF021D385F7074CEA043AA27272A7AE602BF2A7B9033DB9ED3610C6FB85487EAE97AAC5BC7928C1950148'),
  gy: h('F5CE40D95B5EB899ABBCCFF5911CB8577939804D6527378B8C108C3D2090FF9BE18E2D33E3021ED2EF32D85822423B6304F726AA854BAE07D0396E9A9ADDC40F'),
};

const def = (name: string, oid: string, raw: Raw): CurveParams => Object.freeze({ name, oid, ...raw });

/** Supported parameter sets, keyed by OID. Several OIDs alias the same curve. */
export const CURVES: Readonly<Record<string, CurveParams>> = {
  '1.2.643.2.2.35.1': def('cryptopro-a', '1.2.643.2.2.35.1', CRYPTOPRO_A),
  '1.2.643.2.2.35.2': def('cryptopro-b', '1.2.643.2.2.35.2', CRYPTOPRO_B),
  '1.2.643.2.2.35.3': def('cryptopro-c', '1.2.643.2.2.35.3', CRYPTOPRO_C),
  '1.2.643.2.2.36.0': def('cryptopro-xcha', '1.2.643.2.2.36.0', CRYPTOPRO_A),
  '1.2.643.2.2.36.1': def('cryptopro-xchb', '1.2.643.2.2.36.1', CRYPTOPRO_C),
  '1.2.643.7.1.2.1.1.1': def('tc26-256-a', '1.2.643.7.1.2.1.1.1', TC26_256_A),
  '1.2.643.7.1.2.1.1.2': def('tc26-256-b', '1.2.643.7.1.2.1.1.2', CRYPTOPRO_A),
  '1.2.643.7.1.2.1.1.3': def('tc26-256-c', '1.2.643.7.1.2.1.1.3', CRYPTOPRO_B),
  '1.2.643.7.1.2.1.1.4': def('tc26-256-d', '1.2.643.7.1.2.1.1.4', CRYPTOPRO_C),
  '1.2.643.7.1.2.1.2.1': def('tc26-512-a', '1.2.643.7.1.2.1.2.1', TC26_512_A),
  '1.2.643.7.1.2.1.2.2': def('tc26-512-b', '1.2.643.7.1.2.1.2.2', TC26_512_B),
  '1.2.643.7.1.2.1.2.3': def('tc26-512-c', '1.2.643.7.1.2.1.2.3', TC26_512_C),
};

/** Default paramset for new 256-bit keys: id-GostR3410-2001-CryptoPro-A-ParamSet (OpenSSL `paramset:A`). */
export const DEFAULT_PARAMSET_OID = '1.2.643.2.2.35.1';
/** Default paramset for new 512-bit keys: id-tc26-gost-3410-12-512-paramSetA (OpenSSL `gost2012_512 paramset:A`). */
export const DEFAULT_PARAMSET_512_OID = '1.2.643.7.1.2.1.2.1';

export function curveByOid(oid: string): CurveParams | undefined {
  return CURVES[oid];
}

/** Octets of one coordinate / scalar / digest on the curve. */
export const octetsOf = (c: CurveParams): 32 | 64 => (c.bits === 512 ? 64 : 32);

// ------------------------------------------------------------- noble points, one constructor per distinct curve

type Point = WeierstrassPoint<bigint>;
const points = new Map<string, WeierstrassPointCons<bigint>>();

function pointsOf(c: CurveParams): WeierstrassPointCons<bigint> {
  const key = `${c.p}:${c.a}:${c.b}:${c.gx}:${c.gy}`;
  let P = points.get(key);
  if (!P) {
    P = weierstrass({ p: c.p, n: c.q, h: c.h, a: c.a, b: c.b, Gx: c.gx, Gy: c.gy });
    points.set(key, P);
  }
  return P;
}

const mod = (x: bigint, m: bigint): bigint => {
  const r = x % m;
  return r < 0n ? r + m : r;
};

function invMod(x: bigint, m: bigint): bigint {
  let [a, b] = [mod(x, m), m];
  let [u, v] = [1n, 0n];
  while (b !== 0n) {
    const t = a / b;
    [a, b] = [b, a - t * b];
    [u, v] = [v, u - t * v];
  }
  if (a !== 1n) throw new Error('Not invertible');
  return mod(u, m);
}

export function isOnCurve(c: CurveParams, x: bigint, y: bigint): boolean {
  if (x < 0n || y < 0n || x >= c.p || y >= c.p) return false;
  return mod(y * y - (x * x * x + c.a * x + c.b), c.p) === 0n;
}

// ------------------------------------------------------------- byte helpers

export function bytesToBigIntLE(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt('0x' + Buffer.from(b).reverse().toString('hex'));
}

export function bytesToBigIntBE(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt('0x' + Buffer.from(b).toString('hex'));
}

export function bigIntToBytesBE(v: bigint, len: number): Buffer {
  const hex = v.toString(16).padStart(len * 2, '0');
  if (hex.length > len * 2) throw new Error('Integer too large');
  return Buffer.from(hex, 'hex');
}

export function bigIntToBytesLE(v: bigint, len: number): Buffer {
  return bigIntToBytesBE(v, len).reverse();
}

// ------------------------------------------------------------- keys and signatures

export interface GostPublicKey {
  readonly curve: CurveParams;
  readonly x: bigint;
  readonly y: bigint;
}

export interface GostPrivateKey {
  readonly curve: CurveParams;
  readonly d: bigint;
}

function randomScalar(q: bigint, octets: number): bigint {
  for (;;) {
    const k = bytesToBigIntBE(randomBytes(octets + 8)) % q; // 64 extra bits → negligible bias
    if (k !== 0n) return k;
  }
}

/** d·G, constant-time in d. */
export function publicFromPrivate(key: GostPrivateKey): GostPublicKey {
  const c = key.curve;
  if (key.d <= 0n || key.d >= c.q) throw new Error('Invalid private key');
  const Q = pointsOf(c).BASE.multiply(key.d).toAffine();
  return { curve: c, x: Q.x, y: Q.y };
}

export function generatePrivateKey(curve: CurveParams): GostPrivateKey {
  return { curve, d: randomScalar(curve.q, octetsOf(curve)) };
}

/**
 * Signs a Streebog digest of the curve's size (32 octets for 256-bit keys, 64 for
 * 512-bit ones); returns s‖r, big-endian each. C = k·G is computed in constant time.
 */
export function signDigest(key: GostPrivateKey, digest: Uint8Array): Buffer {
  const c = key.curve;
  const len = octetsOf(c);
  if (digest.length !== len) throw new Error(`Digest must be ${len} octets for a ${c.bits}-bit key, got ${digest.length}`);
  const G = pointsOf(c).BASE;
  let e = mod(bytesToBigIntLE(digest), c.q);
  if (e === 0n) e = 1n;
  for (;;) {
    const k = randomScalar(c.q, len);
    const C = G.multiply(k).toAffine();
    const r = mod(C.x, c.q);
    if (r === 0n) continue;
    const s = mod(r * key.d + k * e, c.q);
    if (s === 0n) continue;
    return Buffer.concat([bigIntToBytesBE(s, len), bigIntToBytesBE(r, len)]);
  }
}

/** Verifies an s‖r signature over a Streebog digest of the curve's size. Never throws. */
export function verifyDigest(pub: GostPublicKey, digest: Uint8Array, signature: Uint8Array): boolean {
  try {
    const c = pub.curve;
    const len = octetsOf(c);
    if (signature.length !== 2 * len || digest.length !== len) return false;
    const s = bytesToBigIntBE(signature.subarray(0, len));
    const r = bytesToBigIntBE(signature.subarray(len));
    if (r <= 0n || s <= 0n || r >= c.q || s >= c.q) return false;
    if (!isOnCurve(c, pub.x, pub.y)) return false;
    const Pts = pointsOf(c);
    const Q: Point = Pts.fromAffine({ x: pub.x, y: pub.y });
    Q.assertValidity();
    let e = mod(bytesToBigIntLE(digest), c.q);
    if (e === 0n) e = 1n;
    const v = invMod(e, c.q);
    const z1 = mod(s * v, c.q);
    const z2 = mod(-r * v, c.q);
    // Public scalars: the variable-time double multiplication is fine here.
    const C = Pts.BASE.mulAddUnsafe(z1, Q, z2);
    if (C.is0()) return false;
    return mod(C.toAffine().x, c.q) === r;
  } catch {
    return false;
  }
}

/** Public key encoding: x‖y, each little-endian, L octets each. */
export function encodePublicKeyPoint(pub: GostPublicKey): Buffer {
  const len = octetsOf(pub.curve);
  return Buffer.concat([bigIntToBytesLE(pub.x, len), bigIntToBytesLE(pub.y, len)]);
}

export function decodePublicKeyPoint(curve: CurveParams, raw: Uint8Array): GostPublicKey {
  const len = octetsOf(curve);
  if (raw.length !== 2 * len) throw new Error(`Unsupported public key length ${raw.length} for a ${curve.bits}-bit paramset`);
  const x = bytesToBigIntLE(raw.subarray(0, len));
  const y = bytesToBigIntLE(raw.subarray(len));
  if (!isOnCurve(curve, x, y)) throw new Error('Public key is not on the curve');
  return { curve, x, y };
}

/** Sanity check used by tests: G is on the curve and q·G = O. */
export function checkCurve(c: CurveParams): boolean {
  if (!isOnCurve(c, c.gx, c.gy)) return false;
  const G = pointsOf(c).BASE;
  return G.multiplyUnsafe(c.q - 1n).add(G).is0();
}
