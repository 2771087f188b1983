/** Files: the atomic store, sending with a correct Content-Disposition, and judging a document's type by content. */
export * from './store.js';
export * from './send.js';
export * from './sniff.js';
