/**
 * Start-up: configuration → database (embedded or external) → migrations →
 * context. Shared by `npm start`, the demo, the benchmarks and the tests.
 */
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { createDb, createPool } from './db/pool.js';
import { migrate } from './db/migrate.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded.js';
import { createMailer } from './mail/index.js';

export interface Started {
  ctx: AppContext;
  /** The database's address (the embedded server's when it was started here). */
  url: string;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

export async function startDatabase(config: Config): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'ossig' });
  return { url: embedded.url, embedded };
}

export function createContext(config: Config, url: string, poolSize = 20): AppContext {
  const pool = createPool(url, poolSize);
  return { config, pool, db: createDb(pool), mailer: createMailer(config), now: () => new Date() };
}

export async function boot(config: Config): Promise<Started> {
  const { url, embedded } = await startDatabase(config);
  const ctx = createContext(config, url);
  await migrate(ctx.pool);
  return {
    ctx,
    url,
    embedded,
    async close() {
      await ctx.db.destroy().catch(() => {});
      if (embedded) await embedded.stop().catch(() => {});
    },
  };
}
