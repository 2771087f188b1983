/**
 * `npm run restore -- DIR [--force]`: a backup into an empty database (the
 * embedded one of DATA_DIR, or DATABASE_URL) and DATA_DIR. See src/features/backup/restore.ts.
 */
import { restoreBackup } from '../features/backup/restore.js';
import { describeRestore } from '../features/backup/report.js';
import { runDirectoryCommand } from './backup-command.js';

await runDirectoryCommand({
  usage: 'npm run restore -- КАТАЛОГ [--force]',
  done: (dir, s) => `Восстановлено из ${dir} за ${s} с.`,
  failed: 'Восстановление не выполнено',
  run: async (ctx, dir, flags) => describeRestore(await restoreBackup(ctx, dir, { force: flags.force === true, onProgress: (l) => console.log(l) })),
});
