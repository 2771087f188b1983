/**
 * ГОСТ Р 34.10-2012 (256-bit) signature maths on BigInt.
 *
 * Conventions (as in OpenSSL's gost engine, CryptoPro and RFC 4491 / RFC 9215):
 *  - the Streebog digest is read as a little-endian integer `e`;
 *  - a signature is 64 octets: big-endian `s` followed by big-endian `r`;
 *  - a public key is 64 octets: little-endian `x` followed by little-endian `y`
 *    (wrapped in an OCTET STRING inside the SubjectPublicKeyInfo BIT STRING);
 *  - a private key is 32 octets little-endian (PKCS#8 OCTET STRING).
 *
 * Not constant-time (BigInt); fine for a server holding its own keys, not for
 * hostile co-tenants measuring timings.
 */
import { randomBytes } from 'node:crypto';

export interface CurveParams {
  /** Human name, e.g. `cryptopro-a`. */
  readonly name: string;
  /** Paramset OID used in SubjectPublicKeyInfo. */
  readonly oid: string;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly q: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
}

const h = (s: string): bigint => BigInt('0x' + s);

const CRYPTOPRO_A = {
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97'),
  a: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD94'),
  b: 166n,
  q: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893'),
  gx: 1n,
  gy: h('8D91E471E0989CDA27DF505A453F2B7635294F2DDF23E3B122ACC99C9E9F1E14'),
};
const CRYPTOPRO_B = {
  p: h('8000000000000000000000000000000000000000000000000000000000000C99'),
  a: h('8000000000000000000000000000000000000000000000000000000000000C96'),
  b: h('3E1AF419A269A5F866A7D3C25C3DF80AE979259373FF2B182F49D4CE7E1BBC8B'),
  q: h('800000000000000000000000000000015F700CFFF1A624E5E497161BCC8A198F'),
  gx: 1n,
  gy: h('3FA8124359F96680B83D1C3EB2C070E5C545C9858D03ECFB744BF8D717717EFC'),
};
const CRYPTOPRO_C = {
  p: h('9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D759B'),
  a: h('9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D7598'),
  b: 32858n,
  q: h('9B9F605F5A858107AB1EC85E6B41C8AA582CA3511EDDFB74F02F3A6598980BB9'),
  gx: 0n,
  gy: h('41ECE55743711A8C3CBF3783CD08C0EE4D4DC440D4641A8F366E550DFDB3BB67'),
};
/** id-tc26-gost-3410-2012-256-paramSetA (twisted Edwards curve in Weierstrass form). */
const TC26_A = {
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97'),
  a: h('C2173F1513981673AF4892C23035A27CE25E2013BF95AA33B22C656F277E7335'),
  b: h('295F9BAE7428ED9CCC20E7C359A9D41A22FCCD9108E17BF7BA9337A6F8AE9513'),
  q: h('400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67'),
  gx: h('91E38443A5E82C0D880923425712B2BB658B9196932E02C78B2582FE742DAA28'),
  gy: h('32879423AB1A0375895786C4BB46E9565FDE0B5344766740AF268ADB32322E5C'),
};

/** Supported 256-bit parameter sets, keyed by OID. Several OIDs alias the same curve. */
export const CURVES: Readonly<Record<string, CurveParams>> = {
  '1.2.643.2.2.35.1': { name: 'cryptopro-a', oid: '1.2.643.2.2.35.1', ...CRYPTOPRO_A },
  '1.2.643.2.2.35.2': { name: 'cryptopro-b', oid: '1.2.643.2.2.35.2', ...CRYPTOPRO_B },
  '1.2.643.2.2.35.3': { name: 'cryptopro-c', oid: '1.2.643.2.2.35.3', ...CRYPTOPRO_C },
  '1.2.643.2.2.36.0': { name: 'cryptopro-xcha', oid: '1.2.643.2.2.36.0', ...CRYPTOPRO_A },
  '1.2.643.2.2.36.1': { name: 'cryptopro-xchb', oid: '1.2.643.2.2.36.1', ...CRYPTOPRO_C },
  '1.2.643.7.1.2.1.1.1': { name: 'tc26-256-a', oid: '1.2.643.7.1.2.1.1.1', ...TC26_A },
  '1.2.643.7.1.2.1.1.2': { name: 'tc26-256-b', oid: '1.2.643.7.1.2.1.1.2', ...CRYPTOPRO_A },
  '1.2.643.7.1.2.1.1.3': { name: 'tc26-256-c', oid: '1.2.643.7.1.2.1.1.3', ...CRYPTOPRO_B },
  '1.2.643.7.1.2.1.1.4': { name: 'tc26-256-d', oid: '1.2.643.7.1.2.1.1.4', ...CRYPTOPRO_C },
};

/** Default paramset for new keys: id-GostR3410-2001-CryptoPro-A-ParamSet (OpenSSL `paramset:A`). */
export const DEFAULT_PARAMSET_OID = '1.2.643.2.2.35.1';

export function curveByOid(oid: string): CurveParams | undefined {
  return CURVES[oid];
}

// ------------------------------------------------------------- field / point maths

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

/** Jacobian point (X, Y, Z); Z = 0 is infinity. */
type Jac = readonly [bigint, bigint, bigint];
const INF: Jac = [1n, 1n, 0n];

function jDouble(c: CurveParams, P: Jac): Jac {
  const [X, Y, Z] = P;
  if (Z === 0n || Y === 0n) return INF;
  const p = c.p;
  const YY = (Y * Y) % p;
  const S = (4n * X * YY) % p;
  const ZZ = (Z * Z) % p;
  const M = mod(3n * X * X + c.a * ((ZZ * ZZ) % p), p);
  const X3 = mod(M * M - 2n * S, p);
  const Y3 = mod(M * (S - X3) - 8n * YY * YY, p);
  const Z3 = (2n * Y * Z) % p;
  return [X3, Y3, Z3];
}

function jAdd(c: CurveParams, P: Jac, Q: Jac): Jac {
  if (P[2] === 0n) return Q;
  if (Q[2] === 0n) return P;
  const p = c.p;
  const [X1, Y1, Z1] = P;
  const [X2, Y2, Z2] = Q;
  const Z1Z1 = (Z1 * Z1) % p;
  const Z2Z2 = (Z2 * Z2) % p;
  const U1 = (X1 * Z2Z2) % p;
  const U2 = (X2 * Z1Z1) % p;
  const S1 = (((Y1 * Z2) % p) * Z2Z2) % p;
  const S2 = (((Y2 * Z1) % p) * Z1Z1) % p;
  const H = mod(U2 - U1, p);
  const R = mod(S2 - S1, p);
  if (H === 0n) return R === 0n ? jDouble(c, P) : INF;
  const HH = (H * H) % p;
  const HHH = (H * HH) % p;
  const V = (U1 * HH) % p;
  const X3 = mod(R * R - HHH - 2n * V, p);
  const Y3 = mod(R * (V - X3) - S1 * HHH, p);
  const Z3 = (((Z1 * Z2) % p) * H) % p;
  return [X3, Y3, Z3];
}

function toAffine(c: CurveParams, P: Jac): { x: bigint; y: bigint } | null {
  if (P[2] === 0n) return null;
  const zi = invMod(P[2], c.p);
  const zi2 = (zi * zi) % c.p;
  return { x: (P[0] * zi2) % c.p, y: (((P[1] * zi2) % c.p) * zi) % c.p };
}

/** k·P with a 4-bit fixed window. */
function jMul(c: CurveParams, P: Jac, k: bigint): Jac {
  if (k === 0n || P[2] === 0n) return INF;
  const table: Jac[] = [INF, P];
  for (let i = 2; i < 16; i++) table.push(jAdd(c, table[i - 1]!, P));
  const bits = k.toString(16);
  let R: Jac = INF;
  for (const ch of bits) {
    R = jDouble(c, jDouble(c, jDouble(c, jDouble(c, R))));
    const d = parseInt(ch, 16);
    if (d) R = jAdd(c, R, table[d]!);
  }
  return R;
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

function randomScalar(q: bigint): bigint {
  for (;;) {
    const k = bytesToBigIntBE(randomBytes(40)) % q; // 64 extra bits → negligible bias
    if (k !== 0n) return k;
  }
}

export function publicFromPrivate(key: GostPrivateKey): GostPublicKey {
  const c = key.curve;
  const Q = toAffine(c, jMul(c, [c.gx, c.gy, 1n], key.d));
  if (!Q) throw new Error('Invalid private key');
  return { curve: c, x: Q.x, y: Q.y };
}

export function generatePrivateKey(curve: CurveParams): GostPrivateKey {
  return { curve, d: randomScalar(curve.q) };
}

/** Signs a 32-byte Streebog-256 digest; returns 64 bytes s‖r (big-endian each). */
export function signDigest(key: GostPrivateKey, digest: Uint8Array): Buffer {
  const c = key.curve;
  const len = 32;
  let e = mod(bytesToBigIntLE(digest), c.q);
  if (e === 0n) e = 1n;
  for (;;) {
    const k = randomScalar(c.q);
    const C = toAffine(c, jMul(c, [c.gx, c.gy, 1n], k));
    if (!C) continue;
    const r = mod(C.x, c.q);
    if (r === 0n) continue;
    const s = mod(r * key.d + k * e, c.q);
    if (s === 0n) continue;
    return Buffer.concat([bigIntToBytesBE(s, len), bigIntToBytesBE(r, len)]);
  }
}

/** Verifies a 64-byte s‖r signature over a Streebog-256 digest. Never throws. */
export function verifyDigest(pub: GostPublicKey, digest: Uint8Array, signature: Uint8Array): boolean {
  try {
    const c = pub.curve;
    if (signature.length !== 64) return false;
    const s = bytesToBigIntBE(signature.subarray(0, 32));
    const r = bytesToBigIntBE(signature.subarray(32));
    if (r <= 0n || s <= 0n || r >= c.q || s >= c.q) return false;
    if (!isOnCurve(c, pub.x, pub.y)) return false;
    let e = mod(bytesToBigIntLE(digest), c.q);
    if (e === 0n) e = 1n;
    const v = invMod(e, c.q);
    const z1 = mod(s * v, c.q);
    const z2 = mod(-r * v, c.q);
    const C = toAffine(c, jAdd(c, jMul(c, [c.gx, c.gy, 1n], z1), jMul(c, [pub.x, pub.y, 1n], z2)));
    if (!C) return false;
    return mod(C.x, c.q) === r;
  } catch {
    return false;
  }
}

/** 64-byte public key encoding: x‖y, each little-endian. */
export function encodePublicKeyPoint(pub: GostPublicKey): Buffer {
  return Buffer.concat([bigIntToBytesLE(pub.x, 32), bigIntToBytesLE(pub.y, 32)]);
}

export function decodePublicKeyPoint(curve: CurveParams, raw: Uint8Array): GostPublicKey {
  if (raw.length !== 64) throw new Error(`Unsupported public key length ${raw.length}`);
  const x = bytesToBigIntLE(raw.subarray(0, 32));
  const y = bytesToBigIntLE(raw.subarray(32));
  if (!isOnCurve(curve, x, y)) throw new Error('Public key is not on the curve');
  return { curve, x, y };
}

/** Sanity check used by tests: G is on the curve and q·G = O. */
export function checkCurve(c: CurveParams): boolean {
  return isOnCurve(c, c.gx, c.gy) && jMul(c, [c.gx, c.gy, 1n], c.q)[2] === 0n;
}
