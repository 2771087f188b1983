import type pg from 'pg';
import type { Config } from './config.js';
import type { Db } from './db/pool.js';
import type { Mailer } from './mail/index.js';

/** What features share at run time; built once by `createContext`. */
export interface AppContext {
  readonly config: Config;
  readonly pool: pg.Pool;
  readonly db: Db;
  readonly mailer: Mailer;
  /** Wall clock; tests may replace it. */
  now(): Date;
}
