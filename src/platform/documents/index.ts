/** Documents the system issues: registry, verification codes, signing (see registry.ts and signer.ts). */
export * from './code.js';
export * from './registry.js';
export * from './signer.js';
export * from './operator-signer.js';
export type { DocumentTables, DocumentFact, DocumentStatus } from './tables.js';
export * from './stamp.js';
export * from './pdf-stamp.js';
export * from './pdf.js';
export * from './docx.js';
export * from './publish.js';
