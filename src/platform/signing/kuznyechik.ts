/**
 * Кузнечик (ГОСТ Р 34.12-2015, RFC 7801), encryption direction only, and CTR-ACPKM (Р 1323565.1.017-2018)
 * — what opening a container encrypted with `kuznyechik-ctr-acpkm` (OpenSSL's gost engine,
 * `-v2 kuznyechik-ctr-acpkm` / `-keypbe kuznyechik-ctr-acpkm`) needs. Bytes are in the order the
 * standard writes them (the first byte is a15). Not constant-time (table look-ups): used to decrypt
 * a container on its owner's own machine, not as a service.
 */
import { PI } from './streebog.js';

const L_COEF = [148, 32, 133, 16, 194, 192, 1, 251, 1, 192, 194, 16, 133, 32, 148, 1];

/** Multiplication in GF(2^8) modulo x^8 + x^7 + x^6 + x + 1. */
function gmul(a: number, b: number): number {
  let r = 0;
  while (b) {
    if (b & 1) r ^= a;
    a = a & 0x80 ? ((a << 1) ^ 0x1c3) & 0xff : a << 1;
    b >>= 1;
  }
  return r;
}

/** MUL[c][x] = c·x for the 16 coefficients of l (only eight distinct ones). */
const MUL = new Map<number, Uint8Array>();
for (const c of new Set(L_COEF)) MUL.set(c, Uint8Array.from({ length: 256 }, (_, x) => gmul(c, x)));
const COEF_TABLES = L_COEF.map((c) => MUL.get(c)!);

function lTransform(block: Uint8Array): void {
  for (let round = 0; round < 16; round++) {
    let x = 0;
    for (let i = 0; i < 16; i++) x ^= COEF_TABLES[i]![block[i]!]!;
    block.copyWithin(1, 0, 15);
    block[0] = x;
  }
}

function lsx(block: Uint8Array, key: Uint8Array): void {
  for (let i = 0; i < 16; i++) block[i] = PI[block[i]! ^ key[i]!]!;
  lTransform(block);
}

/** The ten round keys of a 32-byte key. */
export function kuznyechikRoundKeys(key: Uint8Array): Uint8Array[] {
  if (key.length !== 32) throw new Error('Kuznyechik key must be 32 bytes');
  key = new Uint8Array(key); // a copy, and a plain Uint8Array (Buffer#slice would share memory)
  const keys = [key.slice(0, 16), key.slice(16, 32)];
  let a = key.slice(0, 16);
  let b = key.slice(16, 32);
  for (let i = 1; i <= 32; i++) {
    const c = new Uint8Array(16);
    c[15] = i;
    lTransform(c);
    const t = a.slice();
    lsx(t, c);
    for (let j = 0; j < 16; j++) t[j]! ^= b[j]!;
    b = a;
    a = t;
    if (i % 8 === 0) keys.push(a.slice(), b.slice());
  }
  return keys;
}

export function kuznyechikEncryptBlock(roundKeys: readonly Uint8Array[], input: Uint8Array): Uint8Array {
  const block = new Uint8Array(input.subarray(0, 16));
  for (let r = 0; r < 9; r++) lsx(block, roundKeys[r]!);
  for (let i = 0; i < 16; i++) block[i]! ^= roundKeys[9]![i]!;
  return block;
}

/** ACPKM's next section key: E_K(D1) ‖ E_K(D2) with D = 0x80‥0x9F. */
function acpkmNextKey(roundKeys: readonly Uint8Array[]): Uint8Array {
  const d = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
  const out = new Uint8Array(32);
  out.set(kuznyechikEncryptBlock(roundKeys, d.subarray(0, 16)), 0);
  out.set(kuznyechikEncryptBlock(roundKeys, d.subarray(16, 32)), 16);
  return out;
}

/**
 * Кузнечик in CTR mode with ACPKM key change every `sectionSize` octets (the gost engine's
 * kuznyechik-ctr-acpkm: 8-byte IV, counter in the low half, sections of 4 KiB). Encrypts and
 * decrypts alike.
 */
export function kuznyechikCtrAcpkm(key: Uint8Array, iv: Uint8Array, data: Uint8Array, sectionSize = 4096): Uint8Array {
  if (iv.length !== 8) throw new Error('Kuznyechik CTR IV must be 8 bytes');
  let roundKeys = kuznyechikRoundKeys(key);
  const counter = new Uint8Array(16);
  counter.set(iv);
  const out = new Uint8Array(data.length);
  for (let pos = 0; pos < data.length; pos += 16) {
    if (pos > 0 && pos % sectionSize === 0) roundKeys = kuznyechikRoundKeys(acpkmNextKey(roundKeys));
    const gamma = kuznyechikEncryptBlock(roundKeys, counter);
    for (let i = 0; i < 16 && pos + i < data.length; i++) out[pos + i] = data[pos + i]! ^ gamma[i]!;
    for (let i = 15; i >= 8; i--) {
      counter[i] = (counter[i]! + 1) & 0xff;
      if (counter[i] !== 0) break;
    }
  }
  return out;
}
