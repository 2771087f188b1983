/**
 * `node:crypto` for the signing library in the browser bundle (web/vite.config.ts maps it here):
 * random bytes from the Web Crypto API. Nothing else is needed to open a key and sign.
 */
type BufferLike = { from(b: Uint8Array): Uint8Array };

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65_536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65_536)));
  return (globalThis as unknown as { Buffer: BufferLike }).Buffer.from(out);
}

export function createHash(): never {
  throw new Error('createHash is not available in the browser bundle');
}

export default { randomBytes, createHash };
