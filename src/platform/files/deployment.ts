/**
 * The deployment's file stores, one per area, on the backend the configuration names
 * (local directory or S3-compatible object storage).
 */
import path from 'node:path';
import type { StorageConfig } from '../config.js';
import { localFileStore, type FileStore } from './store.js';
import { s3FileStore } from './s3.js';

const stores = new Map<string, FileStore>();

/**
 * The areas of the deployment's files: `store` (the general file store: application and report
 * files, permit/report/act PDFs and their signatures, meeting files), `files` (statements),
 * `uploads` (uploaded trip files and their result files). Locally each is a directory of
 * DATA_DIR; in object storage each is a key prefix of the same name.
 */
export type StoreArea = 'store' | 'files' | 'uploads';

export type StoreConfig = { dataDir: string; storage?: StorageConfig };

/** The local directory of an area (also where temporary files are made before they are stored). */
export function storeRoot(config: { dataDir: string }, area: StoreArea = 'store'): string {
  return path.join(config.dataDir, area);
}

/** The deployment's store of an area: `<DATA_DIR>/<area>` or `s3://bucket/<prefix><area>/` — one for every process of a deployment. */
export function fileStore(config: StoreConfig, area: StoreArea = 'store'): FileStore {
  const s3 = config.storage?.kind === 's3' ? config.storage : null;
  const id = s3 ? `s3:${s3.endpoint ?? ''}:${s3.bucket}:${s3.prefix}${area}` : storeRoot(config, area);
  let s = stores.get(id);
  if (!s) {
    s = s3 ? s3FileStore(s3, `${s3.prefix}${area}/`) : localFileStore(storeRoot(config, area));
    stores.set(id, s);
  }
  return s;
}
