/**
 * `npm run backup -- DIR [--allow-missing-files]`: the database (one snapshot)
 * and the files it names, into a new or empty DIR. See src/features/backup/backup.ts.
 */
import { parseConfig } from '../platform/config.js';
import { createContext, startDatabase } from '../platform/bootstrap.js';
import { createBackup } from '../features/backup/backup.js';
import { describeManifest } from '../features/backup/report.js';
import { parseArgs } from './args.js';

const { flags, positional } = parseArgs(process.argv.slice(2));
if (positional.length !== 1) {
  console.error('Использование: npm run backup -- КАТАЛОГ [--allow-missing-files]');
  process.exit(2);
}
const t0 = Date.now();
const config = parseConfig();
const { url, embedded } = await startDatabase(config);
const ctx = createContext(config, url, 2);
try {
  const m = await createBackup(ctx, positional[0], { allowMissingFiles: flags['allow-missing-files'] === true });
  for (const line of describeManifest(m)) console.log(line);
  console.log(`Резервная копия записана в ${positional[0]} за ${((Date.now() - t0) / 1000).toFixed(1)} с.`);
} catch (e) {
  console.error(`Резервная копия не записана: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  // The backup talks to the pool directly (COPY), so Kysely may never have opened it: end the pool itself.
  await ctx.pool.end().catch(() => {});
  if (embedded) await embedded.stop().catch(() => {});
}
