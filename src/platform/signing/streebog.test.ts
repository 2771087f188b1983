import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { GOST } from '../../../test/helpers/openssl.js';
import {
  createStreebog256,
  createStreebog512,
  streebog256,
  streebog256Stream,
  streebog512,
  streebogBackend,
} from './streebog.js';

/** The standard prints vectors as big-endian numbers; OpenSSL byte order is the reverse. */
const rev = (hex: string): Buffer => Buffer.from(hex, 'hex').reverse();

// GOST R 34.11-2012 / RFC 6986, section 10.
const M1 = rev('323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039383736353433323130');
const M2 = rev(
  'fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202ce8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1',
);

interface LibDigest {
  digest(data: Uint8Array): ArrayBuffer;
}
// The library ships CommonJS without type declarations.
const { GostEngine } = createRequire(import.meta.url)('@wavesenterprise/crypto-gost-js') as {
  GostEngine: { getGostDigest(alg: { name: string; version: number; length: number }): LibDigest };
};

describe('Streebog (GOST R 34.11-2012)', () => {
  it('matches the standard test vectors M1 and M2', () => {
    expect(M1.toString('latin1')).toBe('012345678901234567890123456789012345678901234567890123456789012');
    // 512-bit
    expect(Buffer.from(streebog512(M1)).reverse().toString('hex')).toBe(
      '486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b',
    );
    expect(Buffer.from(streebog512(M2)).reverse().toString('hex')).toBe(
      '28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f037613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e',
    );
    // 256-bit
    expect(Buffer.from(streebog256(M1)).reverse().toString('hex')).toBe(
      '00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d',
    );
    expect(Buffer.from(streebog256(M2)).reverse().toString('hex')).toBe(
      '508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d',
    );
  });

  it('hashes the empty string like OpenSSL prints it', () => {
    expect(streebog256(Buffer.alloc(0)).toString('hex')).toBe('3f539a213e97c802cc229d474c6aa32a825a360b2a933a949fd925208d9ce1bb');
  });

  it('agrees with @wavesenterprise/crypto-gost-js', () => {
    const d256 = GostEngine.getGostDigest({ name: 'GOST R 34.11', version: 2012, length: 256 });
    const d512 = GostEngine.getGostDigest({ name: 'GOST R 34.11', version: 2012, length: 512 });
    for (const n of [0, 1, 31, 63, 64, 65, 127, 128, 129, 1000, 4096 + 7]) {
      const b = randomBytes(n);
      expect(streebog256(b).toString('hex'), `256, ${n} bytes`).toBe(Buffer.from(d256.digest(b)).toString('hex'));
      expect(streebog512(b).toString('hex'), `512, ${n} bytes`).toBe(Buffer.from(d512.digest(b)).toString('hex'));
    }
  });

  it.skipIf(!GOST)('agrees with `openssl dgst -engine gost` on random data (0, 1, 63, 64, 65 bytes, 1 MB)', async () => {
    const openssl = GOST!;
    for (const n of [0, 1, 63, 64, 65, 1 << 20]) {
      const b = randomBytes(n);
      expect(streebog256(b).toString('hex'), `256, ${n} bytes`).toBe(await openssl.dgst(256, b));
      expect(streebog512(b).toString('hex'), `512, ${n} bytes`).toBe(await openssl.dgst(512, b));
    }
  });

  it('gives the same result however the input is chunked (incl. unaligned views)', () => {
    const data = randomBytes(10_000);
    const expected = streebog256(data).toString('hex');
    const expected512 = streebog512(data).toString('hex');
    for (const sizes of [[1], [7], [63], [64], [65], [100, 1], [3, 64, 129]]) {
      const h = createStreebog256();
      const h5 = createStreebog512();
      let off = 0;
      for (let i = 0; off < data.length; i++) {
        const n = sizes[i % sizes.length]!;
        h.update(data.subarray(off, off + n));
        h5.update(data.subarray(off, off + n));
        off += n;
      }
      expect(h.digest().toString('hex'), `chunks ${sizes.join(',')}`).toBe(expected);
      expect(h5.digest().toString('hex')).toBe(expected512);
    }
    // Unaligned backing buffer (byteOffset 1) takes the copying path.
    const shifted = Buffer.alloc(data.length + 1);
    data.copy(shifted, 1);
    expect(streebog256(shifted.subarray(1)).toString('hex')).toBe(expected);
  });

  it.skipIf(!GOST)('uses the WebAssembly backend, and the JavaScript fallback gives identical results', async () => {
    expect(streebogBackend).toBe('wasm');
    const openssl = GOST!;
    for (const n of [0, 1, 63, 64, 65, 200_003]) {
      const b = randomBytes(n);
      const js256 = createStreebog256({ useWasm: false }).update(b).digest();
      const js512 = createStreebog512({ useWasm: false }).update(b).digest();
      expect(js256.toString('hex'), `256, ${n} bytes`).toBe(streebog256(b).toString('hex'));
      expect(js512.toString('hex'), `512, ${n} bytes`).toBe(streebog512(b).toString('hex'));
      expect(js256.toString('hex')).toBe(await openssl.dgst(256, b));
    }
    // Unaligned input on the JavaScript path.
    const data = randomBytes(5000);
    const shifted = Buffer.alloc(data.length + 3);
    data.copy(shifted, 3);
    expect(createStreebog256({ useWasm: false }).update(shifted.subarray(3)).digest().equals(streebog256(data))).toBe(true);
  });

  it('interleaved hashers do not share state', () => {
    const a = randomBytes(100_000);
    const b = randomBytes(100_000);
    const ha = createStreebog256();
    const hb = createStreebog256();
    for (let off = 0; off < a.length; off += 10_000) {
      ha.update(a.subarray(off, off + 10_000));
      hb.update(b.subarray(off, off + 10_000));
    }
    expect(ha.digest().equals(streebog256(a))).toBe(true);
    expect(hb.digest().equals(streebog256(b))).toBe(true);
  });

  it('hashes streams and refuses reuse after digest()', async () => {
    const data = randomBytes(300_000);
    const chunks = [data.subarray(0, 1000), data.subarray(1000, 150_001), data.subarray(150_001)];
    expect((await streebog256Stream(Readable.from(chunks))).toString('hex')).toBe(streebog256(data).toString('hex'));
    const h = createStreebog256();
    h.digest();
    expect(() => h.update(Buffer.from('x'))).toThrow();
  });
});
