/**
 * Streebog — ГОСТ Р 34.11-2012 (RFC 6986), 256- and 512-bit, incremental.
 *
 * Byte order follows OpenSSL / the gost engine / CryptoPro: the message is fed
 * as a byte stream and the digest is returned in the same little-endian byte
 * order OpenSSL prints (the standard's big-endian test vectors appear reversed).
 *
 * Implementation: 512-bit vectors are kept as 16 int32 (lo, hi pairs of eight
 * little-endian 64-bit lanes). The S, P and L transforms are merged into eight
 * precomputed 256-entry tables of 64-bit words (the classic "Ax" tables), so
 * one LPSX step is 64 table look-ups. No allocation happens per block.
 * Full blocks go through a WebAssembly version of the same algorithm
 * (`streebog-wasm.ts`) when available; the JavaScript path is the fallback.
 */
import { type BlockCompressor, createWasmCompressor } from './streebog-wasm.js';
import { EARLY_SWITCHES } from '../config.js';

/** Nonlinear bijection π (shared with Kuznyechik). */
export const PI = new Uint8Array([
  252, 238, 221, 17, 207, 110, 49, 22, 251, 196, 250, 218, 35, 197, 4, 77, 233, 119, 240, 219, 147, 46,
  153, 186, 23, 54, 241, 187, 20, 205, 95, 193, 249, 24, 101, 90, 226, 92, 239, 33, 129, 28, 60, 66, 139,
  1, 142, 79, 5, 132, 2, 174, 227, 106, 143, 160, 6, 11, 237, 152, 127, 212, 211, 31, 235, 52, 44, 81,
  234, 200, 72, 171, 242, 42, 104, 162, 253, 58, 206, 204, 181, 112, 14, 86, 8, 12, 118, 18, 191, 114, 19,
  71, 156, 183, 93, 135, 21, 161, 150, 41, 16, 123, 154, 199, 243, 145, 120, 111, 157, 158, 178, 177, 50,
  117, 25, 61, 255, 53, 138, 126, 109, 84, 198, 128, 195, 189, 13, 87, 223, 245, 36, 169, 62, 168, 67,
  201, 215, 121, 214, 246, 124, 34, 185, 3, 224, 15, 236, 222, 122, 148, 176, 188, 220, 232, 40, 80, 78,
  51, 10, 74, 167, 151, 96, 115, 30, 0, 98, 68, 26, 184, 56, 130, 100, 159, 38, 65, 173, 69, 70, 146, 39,
  94, 85, 47, 140, 163, 165, 125, 105, 213, 149, 59, 7, 88, 179, 64, 134, 172, 29, 247, 48, 55, 107, 228,
  136, 217, 231, 137, 225, 27, 131, 73, 76, 63, 248, 254, 141, 83, 170, 144, 202, 216, 133, 97, 32, 113,
  103, 164, 45, 43, 9, 91, 203, 155, 37, 208, 190, 229, 108, 82, 89, 166, 116, 210, 230, 244, 180, 192,
  209, 102, 175, 194, 57, 75, 99, 182,
]);

/** Rows of the linear transform matrix A (A[0] applies to the most significant bit). */
const A_HEX = [
  '8e20faa72ba0b470', '47107ddd9b505a38', 'ad08b0e0c3282d1c', 'd8045870ef14980e',
  '6c022c38f90a4c07', '3601161cf205268d', '1b8e0b0e798c13c8', '83478b07b2468764',
  'a011d380818e8f40', '5086e740ce47c920', '2843fd2067adea10', '14aff010bdd87508',
  '0ad97808d06cb404', '05e23c0468365a02', '8c711e02341b2d01', '46b60f011a83988e',
  '90dab52a387ae76f', '486dd4151c3dfdb9', '24b86a840e90f0d2', '125c354207487869',
  '092e94218d243cba', '8a174a9ec8121e5d', '4585254f64090fa0', 'accc9ca9328a8950',
  '9d4df05d5f661451', 'c0a878a0a1330aa6', '60543c50de970553', '302a1e286fc58ca7',
  '18150f14b9ec46dd', '0c84890ad27623e0', '0642ca05693b9f70', '0321658cba93c138',
  '86275df09ce8aaa8', '439da0784e745554', 'afc0503c273aa42a', 'd960281e9d1d5215',
  'e230140fc0802984', '71180a8960409a42', 'b60c05ca30204d21', '5b068c651810a89e',
  '456c34887a3805b9', 'ac361a443d1c8cd2', '561b0d22900e4669', '2b838811480723ba',
  '9bcf4486248d9f5d', 'c3e9224312c8c1a0', 'effa11af0964ee50', 'f97d86d98a327728',
  'e4fa2054a80b329c', '727d102a548b194e', '39b008152acb8227', '9258048415eb419d',
  '492c024284fbaec0', 'aa16012142f35760', '550b8e9e21f7a530', 'a48b474f9ef5dc18',
  '70a6a56e2440598e', '3853dc371220a247', '1ca76e95091051ad', '0edd37c48a08a6d8',
  '07e095624504536c', '8d70c431ac02a736', 'c83862965601dd1b', '641c314b2b8ee083',
];

/** Iteration constants C1..C12, as little-endian byte strings (hex). */
const C_HEX = [
  '0745a6f2596580dd234d74cc3674760515d360a4082a42a20169679291e07c4bfcc485758db84e7116d0452e43766a2f1f7c65c0812fcbebe9daca1eda5b08b1',
  'b79bb121700479e656cdcbd71ba2dd55caa70adbc261b55c5899d6126b17b59a3101b5160f5ed561982b230a72eafef3d7b5700f469de34f1a2f9da98ab5a36f',
  'b20aba0af5961e9931db7a8643f4b6c209db6260373ac9c1b19e3590e40fe2d37b7b29b11475eaf28b1f9c525f5ef10635843d6a28fc390ac72fce2bacdc74f5',
  '2ed1e384bcbe0c22f137e893a1ea5334be0352933313b7d875d603ed822cd7a93f355e68ad1c729d7d3c5c337e858e48dde4715da0e148f9d26615e8b3df1fef',
  '57fe6c7cfd581760f563eaa97ea2567a161a2723b700ffdfa3f53a254717cdbfbdff0f80d7359e354a1086161f1c157f6323a96c0c413f9a994747adac6bea4b',
  '6e7d64467a4068fa354f903672c571bfb6c6bec2661ff20ab4b79a1cb7a6facfc68ef09ab49a7f186ca44251f9c4662dc039307a3bc3a46fd9d33a1daeae4fae',
  '93d4143a4d568688f34a3ca24c45173504054a2883694706372c822dc5ab9209c9937a19333e47d3c987bfe6c7c69e39540924bffe86ac51ecc5aaee160ec7f4',
  '1ee702bfd40d7fa4d9a8515935c2ac362fc4a5d12b8dd16990069b92cb2b89f49ac4db4d3b44b4891ede369c71f8b74e41416e0c02aae703a7c9934d425b1f9b',
  'db5a238351446172602a1fcb92dc380e549c07a69a8a2b7bb1ceb2db0b440a8084090de0b755d93c244289251b3a7d3ade5f16ecd89a4c949b223116545a8f37',
  'ed9c4598fbc7b474c3b63b15d1fa9836f452763b306c1e7a4b3369af0267e79f0361331b8ae1ff1fdb788aff1ce74189f3f3e4b248e52a38526f0580a6debeab',
  '1b2df381cda4ca6b5dd86fc04a59a2de986e477d1dcdbaefcab948eaef711d8a79668414218001206107abebbb6bfad894fe5a63cdc60230fb89c8efd09ecd7b',
  '20d71bf14a92bc48991bb2d9d517f4fa5228e188aaa41de786cc91189def805d9b9f2130d41220f8771ddfbc323ca4cd7ab14904b08013d2ba3116f167e78e37',
];

/** Reads little-endian bytes into int32 words (endianness-independent). */
function bytesToWords(src: Uint8Array, srcOff: number, dst: Int32Array, dstOff: number, words: number): void {
  for (let i = 0; i < words; i++) {
    const o = srcOff + i * 4;
    dst[dstOff + i] = src[o]! | (src[o + 1]! << 8) | (src[o + 2]! << 16) | (src[o + 3]! << 24);
  }
}

/** AX[((j << 8) | b) << 1] = low 32 bits, [+1] = high 32 bits of L(P(S(byte b in lane j)))). */
const AX: Int32Array = (() => {
  const aLo = new Int32Array(64);
  const aHi = new Int32Array(64);
  A_HEX.forEach((h, i) => {
    aHi[i] = parseInt(h.slice(0, 8), 16) | 0;
    aLo[i] = parseInt(h.slice(8), 16) | 0;
  });
  const t = new Int32Array(8 * 256 * 2);
  for (let j = 0; j < 8; j++) {
    for (let b = 0; b < 256; b++) {
      const v = PI[b]!;
      let lo = 0;
      let hi = 0;
      for (let bit = 0; bit < 8; bit++) {
        if ((v >>> bit) & 1) {
          const k = 8 * j + bit; // bit position in the 64-bit lane
          lo ^= aLo[63 - k]!;
          hi ^= aHi[63 - k]!;
        }
      }
      const idx = ((j << 8) | b) << 1;
      t[idx] = lo;
      t[idx + 1] = hi;
    }
  }
  return t;
})();

const C: Int32Array = (() => {
  const out = new Int32Array(12 * 16);
  C_HEX.forEach((h, i) => bytesToWords(Buffer.from(h, 'hex'), 0, out, i * 16, 16));
  return out;
})();

const ZERO = new Int32Array(16);

/**
 * out = LPS(a ^ b[bOff..bOff+16]). `out` may alias `a` or `b`.
 * Fully unrolled over lanes; loops over the 8 output lanes.
 */
function lpsx(out: Int32Array, a: Int32Array, b: Int32Array, bOff: number): void {
  const T = AX;
  const l0 = a[0]! ^ b[bOff]!, h0 = a[1]! ^ b[bOff + 1]!;
  const l1 = a[2]! ^ b[bOff + 2]!, h1 = a[3]! ^ b[bOff + 3]!;
  const l2 = a[4]! ^ b[bOff + 4]!, h2 = a[5]! ^ b[bOff + 5]!;
  const l3 = a[6]! ^ b[bOff + 6]!, h3 = a[7]! ^ b[bOff + 7]!;
  const l4 = a[8]! ^ b[bOff + 8]!, h4 = a[9]! ^ b[bOff + 9]!;
  const l5 = a[10]! ^ b[bOff + 10]!, h5 = a[11]! ^ b[bOff + 11]!;
  const l6 = a[12]! ^ b[bOff + 12]!, h6 = a[13]! ^ b[bOff + 13]!;
  const l7 = a[14]! ^ b[bOff + 14]!, h7 = a[15]! ^ b[bOff + 15]!;
  for (let i = 0; i < 4; i++) {
    const s = i << 3;
    const k0 = ((l0 >>> s) & 255) << 1;
    const k1 = (256 | ((l1 >>> s) & 255)) << 1;
    const k2 = (512 | ((l2 >>> s) & 255)) << 1;
    const k3 = (768 | ((l3 >>> s) & 255)) << 1;
    const k4 = (1024 | ((l4 >>> s) & 255)) << 1;
    const k5 = (1280 | ((l5 >>> s) & 255)) << 1;
    const k6 = (1536 | ((l6 >>> s) & 255)) << 1;
    const k7 = (1792 | ((l7 >>> s) & 255)) << 1;
    out[i << 1] = T[k0]! ^ T[k1]! ^ T[k2]! ^ T[k3]! ^ T[k4]! ^ T[k5]! ^ T[k6]! ^ T[k7]!;
    out[(i << 1) | 1] =
      T[k0 | 1]! ^ T[k1 | 1]! ^ T[k2 | 1]! ^ T[k3 | 1]! ^ T[k4 | 1]! ^ T[k5 | 1]! ^ T[k6 | 1]! ^ T[k7 | 1]!;
  }
  for (let i = 0; i < 4; i++) {
    const s = i << 3;
    const k0 = ((h0 >>> s) & 255) << 1;
    const k1 = (256 | ((h1 >>> s) & 255)) << 1;
    const k2 = (512 | ((h2 >>> s) & 255)) << 1;
    const k3 = (768 | ((h3 >>> s) & 255)) << 1;
    const k4 = (1024 | ((h4 >>> s) & 255)) << 1;
    const k5 = (1280 | ((h5 >>> s) & 255)) << 1;
    const k6 = (1536 | ((h6 >>> s) & 255)) << 1;
    const k7 = (1792 | ((h7 >>> s) & 255)) << 1;
    out[(i + 4) << 1] = T[k0]! ^ T[k1]! ^ T[k2]! ^ T[k3]! ^ T[k4]! ^ T[k5]! ^ T[k6]! ^ T[k7]!;
    out[((i + 4) << 1) | 1] =
      T[k0 | 1]! ^ T[k1 | 1]! ^ T[k2 | 1]! ^ T[k3 | 1]! ^ T[k4 | 1]! ^ T[k5 | 1]! ^ T[k6 | 1]! ^ T[k7 | 1]!;
  }
}

/** x += y mod 2^512 (16 little-endian 32-bit words). */
function add512(x: Int32Array, y: Int32Array, yOff: number): void {
  let carry = 0;
  for (let i = 0; i < 16; i++) {
    const s = (x[i]! >>> 0) + (y[yOff + i]! >>> 0) + carry;
    x[i] = s | 0;
    carry = s > 0xffffffff ? 1 : 0;
  }
}

/** x += n (small non-negative integer) mod 2^512. */
function addSmall512(x: Int32Array, n: number): void {
  let carry = n;
  for (let i = 0; i < 16 && carry !== 0; i++) {
    const s = (x[i]! >>> 0) + carry;
    x[i] = s | 0;
    carry = s > 0xffffffff ? 1 : 0;
  }
}

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * WebAssembly stage-2 compressor (≈3× faster), unless unavailable, on a
 * big-endian host, or disabled with OSSIG_STREEBOG_JS=1.
 */
const wasmCompress: BlockCompressor | null =
  IS_LITTLE_ENDIAN && !EARLY_SWITCHES.streebogJsOnly ? createWasmCompressor(AX, C) : null;

/** Which implementation handles full blocks: `'wasm'` or `'js'`. */
export const streebogBackend: 'wasm' | 'js' = wasmCompress ? 'wasm' : 'js';

/** Incremental Streebog hasher. */
export interface StreebogHasher {
  /** Output size in bytes (32 or 64). */
  readonly size: 32 | 64;
  /** Feeds more data; returns `this` for chaining. */
  update(data: Uint8Array): this;
  /** Finishes and returns the digest (OpenSSL byte order). The hasher cannot be reused. */
  digest(): Buffer;
}

export interface StreebogOptions {
  /** Use the WebAssembly block function when available (default true). */
  useWasm?: boolean;
}

class Streebog implements StreebogHasher {
  readonly size: 32 | 64;
  /** h, N, Σ (16 words each), contiguous so the WebAssembly path can copy them at once. */
  private readonly state = new Int32Array(48);
  private readonly h = this.state.subarray(0, 16);
  private readonly n = this.state.subarray(16, 32);
  private readonly sigma = this.state.subarray(32, 48);
  private readonly k = new Int32Array(16);
  private readonly st = new Int32Array(16);
  private readonly block = new Uint8Array(64);
  private readonly blockWords = new Int32Array(16);
  private blockLen = 0;
  private finished = false;

  private readonly compressMany: BlockCompressor | null;

  constructor(size: 32 | 64, options?: StreebogOptions) {
    this.size = size;
    this.compressMany = options?.useWasm === false ? null : wasmCompress;
    if (size === 32) this.h.fill(0x01010101);
  }

  /** Compression g_N(h, m) with m = m[mOff..mOff+16]. */
  private g(nvec: Int32Array, m: Int32Array, mOff: number): void {
    const { h, k, st } = this;
    lpsx(k, h, nvec, 0);
    lpsx(st, k, m, mOff);
    for (let i = 0; i < 11; i++) {
      lpsx(k, k, C, i << 4);
      lpsx(st, st, k, 0);
    }
    lpsx(k, k, C, 176);
    for (let i = 0; i < 16; i++) h[i] = h[i]! ^ st[i]! ^ k[i]! ^ m[mOff + i]!;
  }

  /** Stage 2 for one full block. */
  private compress(m: Int32Array, mOff: number): void {
    this.g(this.n, m, mOff);
    addSmall512(this.n, 512);
    add512(this.sigma, m, mOff);
  }

  update(data: Uint8Array): this {
    if (this.finished) throw new Error('Streebog: update() after digest()');
    let off = 0;
    let len = data.length;
    // Fill a partially filled block first.
    if (this.blockLen > 0) {
      const take = Math.min(64 - this.blockLen, len);
      this.block.set(data.subarray(0, take), this.blockLen);
      this.blockLen += take;
      off += take;
      len -= take;
      if (this.blockLen < 64) return this;
      bytesToWords(this.block, 0, this.blockWords, 0, 16);
      this.compress(this.blockWords, 0);
      this.blockLen = 0;
    }
    const full = len >>> 6;
    if (full > 0) {
      const abs = data.byteOffset + off;
      if (this.compressMany) {
        this.compressMany(this.state, data, off, full);
      } else if (IS_LITTLE_ENDIAN && (abs & 3) === 0) {
        // Zero-copy view over the aligned input.
        const words = new Int32Array(data.buffer, abs, full << 4);
        for (let b = 0; b < full; b++) this.compress(words, b << 4);
      } else {
        const w = this.blockWords;
        for (let b = 0; b < full; b++) {
          bytesToWords(data, off + (b << 6), w, 0, 16);
          this.compress(w, 0);
        }
      }
      off += full << 6;
      len -= full << 6;
    }
    if (len > 0) {
      this.block.set(data.subarray(off, off + len), 0);
      this.blockLen = len;
    }
    return this;
  }

  digest(): Buffer {
    if (this.finished) throw new Error('Streebog: digest() called twice');
    this.finished = true;
    // Stage 3: pad the remainder M as 0…0 1 M (in stream order: M, 0x01, zeros).
    const r = this.blockLen;
    this.block.fill(0, r);
    this.block[r] = 1;
    const m = this.blockWords;
    bytesToWords(this.block, 0, m, 0, 16);
    this.g(this.n, m, 0);
    addSmall512(this.n, r << 3);
    add512(this.sigma, m, 0);
    this.g(ZERO, this.n, 0);
    this.g(ZERO, this.sigma, 0);
    const out = Buffer.alloc(64);
    for (let i = 0; i < 16; i++) out.writeInt32LE(this.h[i]!, i * 4);
    return this.size === 64 ? out : Buffer.from(out.subarray(32));
  }
}

/** New incremental Streebog-256 hasher. */
export function createStreebog256(options?: StreebogOptions): StreebogHasher {
  return new Streebog(32, options);
}

/** New incremental Streebog-512 hasher. */
export function createStreebog512(options?: StreebogOptions): StreebogHasher {
  return new Streebog(64, options);
}

/** One-shot Streebog-256. */
export function streebog256(data: Uint8Array): Buffer {
  return new Streebog(32).update(data).digest();
}

/** One-shot Streebog-512. */
export function streebog512(data: Uint8Array): Buffer {
  return new Streebog(64).update(data).digest();
}

/** Streebog-256 over a stream of chunks (e.g. `fs.createReadStream(path)`). */
export async function streebog256Stream(source: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const h = new Streebog(32);
  for await (const chunk of source) h.update(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return h.digest();
}

/** Streebog-256 of a file, read as a stream. */
export async function streebog256File(path: string): Promise<Buffer> {
  const { createReadStream } = await import('node:fs');
  return streebog256Stream(createReadStream(path, { highWaterMark: 1 << 20 }));
}
