/**
 * In a browser bundle the library's `Buffer` is the `buffer` package (same API); in Node this does
 * nothing. Imported first by `browser.ts`, so it runs before the modules that use `Buffer`.
 */
import { Buffer as BufferPolyfill } from 'buffer/';

const g = globalThis as { Buffer?: unknown };
if (!g.Buffer) g.Buffer = BufferPolyfill;
