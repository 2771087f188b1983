/**
 * `npm run backup -- DIR [--allow-missing-files]`: the database (one snapshot)
 * and the files it names, into a new or empty DIR. See src/features/backup/backup.ts.
 */
import { createBackup } from '../features/backup/backup.js';
import { describeManifest } from '../features/backup/report.js';
import { runDirectoryCommand } from './backup-command.js';

await runDirectoryCommand({
  usage: 'npm run backup -- КАТАЛОГ [--allow-missing-files]',
  done: (dir, s) => `Резервная копия записана в ${dir} за ${s} с.`,
  failed: 'Резервная копия не записана',
  run: async (ctx, dir, flags) => describeManifest(await createBackup(ctx, dir, { allowMissingFiles: flags['allow-missing-files'] === true })),
});
