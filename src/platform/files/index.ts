/** Files: the store (local disk or S3-compatible object storage), sending with a correct Content-Disposition, and judging a document's type by content. */
export * from './store.js';
export * from './deployment.js';
export { PART_BYTES, closeS3Clients } from './s3.js';
export * from './send.js';
export * from './sniff.js';
export * from './judged.js';
