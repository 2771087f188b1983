/** Moved to `src/platform/documents/operator-signer.ts` (every document kind signs through it). */
export { operatorSigner, pkiDir, ensureTestPki, certificateOwner, OPERATOR_FALLBACK, operatorKeyDemoHook, type OperatorSigner } from '../../platform/documents/operator-signer.js';
