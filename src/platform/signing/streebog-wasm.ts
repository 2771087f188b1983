/**
 * WebAssembly fast path for Streebog's stage 2 (full 64-byte blocks).
 *
 * The module is assembled here at load time (no binary blob, no toolchain):
 * LPSX is straight-line code of 64 `i64.load` table look-ups, so each step
 * costs half the loads of the int32-pair JavaScript version and no bounds
 * checks. Used only on little-endian hosts with WebAssembly; otherwise
 * `streebog.ts` falls back to its JavaScript implementation.
 */

// ---- memory map (bytes) ----
const T = 0; // 8 × 256 × u64 merged SPL tables (16 KiB)
const C = 16384; // 12 × 64-byte iteration constants
const H = 17152; // h, N, Σ are contiguous: the 48-word state copied in/out
const N = H + 64;
const S = H + 128;
const K = H + 192;
const ST = H + 256;
const C512 = H + 320; // the 512-bit constant 512
const INPUT = 65536;
const INPUT_SIZE = 131072; // bytes of input per call
const PAGES = 3;

// ---- tiny assembler ----
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const str = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s, 'latin1')];

const op = {
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  i64: (v: number) => [0x42, ...sleb(v)],
  load64: (offset: number) => [0x29, 3, ...uleb(offset)],
  store64: (offset: number) => [0x37, 3, ...uleb(offset)],
  call: (f: number) => [0x10, ...uleb(f)],
  i32and: [0x71],
  i32or: [0x72],
  i32add: [0x6a],
  i32sub: [0x6b],
  i32eqz: [0x45],
  i64xor: [0x85],
  i64shrU: [0x88],
  i64add: [0x7c],
  i64ltU: [0x54],
  i64extendI32U: [0xad],
  i32wrapI64: [0xa7],
};
const I32 = 0x7f;
const I64 = 0x7e;

/** lpsx(out, a, b): out = LPS(a ^ b). Locals 3..10: x0..x7 (i64). */
function lpsxBody(): number[] {
  const code: number[] = [];
  for (let j = 0; j < 8; j++) {
    code.push(...op.localGet(1), ...op.load64(8 * j), ...op.localGet(2), ...op.load64(8 * j), ...op.i64xor, ...op.localSet(3 + j));
  }
  for (let i = 0; i < 8; i++) {
    code.push(...op.localGet(0));
    for (let j = 0; j < 8; j++) {
      // address = ((x_j >> 8i) & 0xff) << 3, table j at offset j·2048
      code.push(...op.localGet(3 + j));
      if (i === 0) {
        code.push(...op.i32wrapI64, ...op.i32(3), 0x74 /* i32.shl */, ...op.i32(0x7f8), ...op.i32and);
      } else {
        code.push(...op.i64(8 * i - 3), ...op.i64shrU, ...op.i32wrapI64, ...op.i32(0x7f8), ...op.i32and);
      }
      code.push(...op.load64(T + 2048 * j));
      if (j > 0) code.push(...op.i64xor);
    }
    code.push(...op.store64(8 * i));
  }
  return [...vec([[8, I64]]), ...code, 0x0b];
}

/** g(n, m): h = g_N(h, m). */
function gBody(): number[] {
  const code: number[] = [];
  const lpsx = (out: number[], a: number[], b: number[]) => code.push(...out, ...a, ...b, ...op.call(0));
  lpsx(op.i32(K), op.i32(H), op.localGet(0));
  lpsx(op.i32(ST), op.i32(K), op.localGet(1));
  for (let i = 0; i < 11; i++) {
    lpsx(op.i32(K), op.i32(K), op.i32(C + 64 * i));
    lpsx(op.i32(ST), op.i32(ST), op.i32(K));
  }
  lpsx(op.i32(K), op.i32(K), op.i32(C + 64 * 11));
  for (let w = 0; w < 8; w++) {
    code.push(
      ...op.i32(0),
      ...op.i32(0), ...op.load64(H + 8 * w),
      ...op.i32(0), ...op.load64(ST + 8 * w), ...op.i64xor,
      ...op.i32(0), ...op.load64(K + 8 * w), ...op.i64xor,
      ...op.localGet(1), ...op.load64(8 * w), ...op.i64xor,
      ...op.store64(H + 8 * w),
    );
  }
  return [...vec([]), ...code, 0x0b];
}

/** add512(x, y): x += y mod 2^512. Locals: carry(2) a(3) t(4) s(5), all i64. */
function addBody(): number[] {
  const code: number[] = [];
  for (let w = 0; w < 8; w++) {
    code.push(
      ...op.localGet(0), ...op.load64(8 * w), ...op.localSet(3),
      ...op.localGet(3), ...op.localGet(1), ...op.load64(8 * w), ...op.i64add, ...op.localSet(4),
      ...op.localGet(0), ...op.localGet(4), ...op.localGet(2), ...op.i64add, ...op.localTee(5), ...op.store64(8 * w),
      ...op.localGet(4), ...op.localGet(3), ...op.i64ltU, ...op.localGet(5), ...op.localGet(4), ...op.i64ltU, ...op.i32or,
      ...op.i64extendI32U, ...op.localSet(2),
    );
  }
  return [...vec([[4, I64]]), ...code, 0x0b];
}

/** blocks(ptr, count): stage 2 over `count` consecutive blocks. */
function blocksBody(): number[] {
  const code = [
    0x02, 0x40, // block
    0x03, 0x40, // loop
    ...op.localGet(1), ...op.i32eqz, 0x0d, 1, // br_if 1 (exit)
    ...op.i32(N), ...op.localGet(0), ...op.call(1), // g(N, ptr)
    ...op.i32(N), ...op.i32(C512), ...op.call(2), // N += 512
    ...op.i32(S), ...op.localGet(0), ...op.call(2), // Σ += m
    ...op.localGet(0), ...op.i32(64), ...op.i32add, ...op.localSet(0),
    ...op.localGet(1), ...op.i32(1), ...op.i32sub, ...op.localSet(1),
    0x0c, 0, // br 0
    0x0b, 0x0b, // end loop, end block
  ];
  return [...vec([]), ...code, 0x0b];
}

function assemble(): Uint8Array<ArrayBuffer> {
  const types = vec([
    [0x60, ...vec([[I32], [I32], [I32]]), ...vec([])],
    [0x60, ...vec([[I32], [I32]]), ...vec([])],
  ]);
  const funcs = vec([[0], [1], [1], [1]]);
  const memory = vec([[0x00, ...uleb(PAGES)]]);
  const exports = vec([
    [...str('memory'), 0x02, 0],
    [...str('blocks'), 0x00, 3],
  ]);
  const bodies = [lpsxBody(), gBody(), addBody(), blocksBody()].map((b) => [...uleb(b.length), ...b]);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, types),
    ...section(3, funcs),
    ...section(5, memory),
    ...section(7, exports),
    ...section(10, vec(bodies)),
  ]);
}

/** Processes `count` full blocks of `data` from `offset`, updating the 48-word state (h, N, Σ). */
export type BlockCompressor = (state: Int32Array, data: Uint8Array, offset: number, count: number) => void;

/**
 * Builds the WebAssembly compressor, given the merged tables and constants as
 * little-endian int32 pairs. Returns null when WebAssembly is unavailable.
 */
export function createWasmCompressor(ax: Int32Array, c: Int32Array): BlockCompressor | null {
  try {
    if (typeof WebAssembly !== 'object') return null;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(assemble()));
    const memory = instance.exports.memory as WebAssembly.Memory;
    const blocks = instance.exports.blocks as (ptr: number, count: number) => void;
    const mem32 = new Int32Array(memory.buffer);
    const mem8 = new Uint8Array(memory.buffer);
    mem32.set(ax, T >> 2);
    mem32.set(c, C >> 2);
    mem32[C512 >> 2] = 512;
    const maxBlocks = INPUT_SIZE >> 6;
    return (state, data, offset, count) => {
      mem32.set(state, H >> 2);
      let off = offset;
      for (let left = count; left > 0; ) {
        const n = Math.min(left, maxBlocks);
        mem8.set(data.subarray(off, off + (n << 6)), INPUT);
        blocks(INPUT, n);
        off += n << 6;
        left -= n;
      }
      state.set(mem32.subarray(H >> 2, (H >> 2) + 48));
    };
  } catch {
    return null;
  }
}
