/** ГОСТ electronic signature library: Streebog, GOST R 34.10-2012 keys, X.509 and CMS/CAdES-BES. */
export * from './streebog.js';
export * from './certificates.js';
export * from './cms.js';
export { OID } from './oids.js';
export {
  CURVES,
  DEFAULT_PARAMSET_OID,
  type CurveParams,
  type GostPrivateKey,
  type GostPublicKey,
  signDigest,
  verifyDigest,
  publicFromPrivate,
} from './gost3410.js';
export { DerError } from './der.js';
export * from './timestamp.js';
export * from "./key-containers.js";
