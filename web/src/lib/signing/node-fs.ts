/** `node:fs` for the signing library in the browser bundle: hashing a file by path does not exist there. */
export function createReadStream(): never {
  throw new Error('Files by path are not available in the browser bundle');
}
