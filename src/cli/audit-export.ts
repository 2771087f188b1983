/**
 * `npm run audit:export -- DIR`: copies the signed checkpoints of the audit
 * log (with their .sig files, the operator's certificate, the trust anchors
 * and OpenSSL instructions) into DIR. Files already in DIR are never replaced;
 * a different file under the same name is reported (exit 1).
 */
import { parseConfig } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';
import { exportAuditCheckpoints } from '../features/audit/checkpoints.js';
import { parseArgs } from './args.js';

const { positional } = parseArgs(process.argv.slice(2));
if (positional.length !== 1) {
  console.error('Использование: npm run audit:export -- КАТАЛОГ');
  process.exit(2);
}
const started = await boot(parseConfig());
try {
  const r = await exportAuditCheckpoints(started.ctx, positional[0]);
  console.log(`Выгружено в ${r.dir}: новых файлов — ${r.written.length}, уже были — ${r.unchanged.length}.`);
  if (r.conflicts.length) {
    console.error(`В каталоге уже есть другие файлы с теми же именами (оставлены как были — сверьте их): ${r.conflicts.join(', ')}`);
    process.exitCode = 1;
  }
  console.log('Проверка подписей OpenSSL: см. VERIFY.txt в каталоге.');
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await started.close();
}
