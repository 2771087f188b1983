/**
 * What `npm run backup` and `npm run restore` share: one directory argument, the database started
 * (the embedded one of DATA_DIR, or DATABASE_URL), the work done with its lines printed, the time
 * taken, a failure said in Russian with exit code 1, and the pool and embedded server stopped.
 */
import { parseConfig } from '../platform/config.js';
import { createContext, startDatabase } from '../platform/bootstrap.js';
import type { AppContext } from '../platform/context.js';
import { parseArgs } from './args.js';

export async function runDirectoryCommand(o: {
  usage: string;
  done: (dir: string, seconds: string) => string;
  failed: string;
  run: (ctx: AppContext, dir: string, flags: Record<string, string | boolean>) => Promise<string[]>;
}): Promise<void> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  if (positional.length !== 1) {
    console.error(`Использование: ${o.usage}`);
    process.exit(2);
  }
  const dir = positional[0]!;
  const t0 = Date.now();
  const config = parseConfig();
  const { url, embedded } = await startDatabase(config);
  const ctx = createContext(config, url, 2);
  try {
    for (const line of await o.run(ctx, dir, flags)) console.log(line);
    console.log(o.done(dir, ((Date.now() - t0) / 1000).toFixed(1)));
  } catch (e) {
    console.error(`${o.failed}: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    // Backup and restore talk to the pool directly (COPY, migrations), so Kysely may never have opened it: end the pool itself.
    await ctx.pool.end().catch(() => {});
    if (embedded) await embedded.stop().catch(() => {});
  }
}
