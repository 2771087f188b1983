/**
 * `npm run restore -- DIR [--force]`: a backup into an empty database (the
 * embedded one of DATA_DIR, or DATABASE_URL) and DATA_DIR. See src/features/backup/restore.ts.
 */
import { parseConfig } from '../platform/config.js';
import { createContext, startDatabase } from '../platform/bootstrap.js';
import { restoreBackup } from '../features/backup/restore.js';
import { describeRestore } from '../features/backup/report.js';
import { parseArgs } from './args.js';

const { flags, positional } = parseArgs(process.argv.slice(2));
if (positional.length !== 1) {
  console.error('Использование: npm run restore -- КАТАЛОГ [--force]');
  process.exit(2);
}
const t0 = Date.now();
const config = parseConfig();
const { url, embedded } = await startDatabase(config);
const ctx = createContext(config, url, 2);
try {
  const r = await restoreBackup(ctx, positional[0], { force: flags.force === true, onProgress: (l) => console.log(l) });
  for (const line of describeRestore(r)) console.log(line);
  console.log(`Восстановлено из ${positional[0]} за ${((Date.now() - t0) / 1000).toFixed(1)} с.`);
} catch (e) {
  console.error(`Восстановление не выполнено: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  // The restore talks to the pool directly (COPY, migrations), so Kysely may never have opened it: end the pool itself.
  await ctx.pool.end().catch(() => {});
  if (embedded) await embedded.stop().catch(() => {});
}
