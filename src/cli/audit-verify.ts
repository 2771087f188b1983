/**
 * `npm run audit:verify [-- --with DIR ...]`: checks the audit log's hash chain
 * and every signed checkpoint (in DATA_DIR/audit-checkpoints, the
 * audit_checkpoints table, and exported copies named by --with or as
 * arguments). Exit 1 when anything does not hold.
 */
import { parseConfig } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';
import { verifyAuditLog } from '../features/audit/checkpoints.js';
import { describeAuditVerification } from '../features/audit/report.js';
import { parseArgs } from './args.js';

const { flags, positional } = parseArgs(process.argv.slice(2));
const copies = [...(typeof flags.with === 'string' ? [flags.with] : []), ...positional];
const started = await boot(parseConfig());
try {
  const r = await verifyAuditLog(started.ctx, { copies });
  for (const line of describeAuditVerification(r)) console.log(line);
  if (!r.ok) process.exitCode = 1;
  console.log(JSON.stringify({ ok: r.ok, chain: r.chain, checkpoints: r.checkpoints.length, lastCheckpoint: r.lastCheckpoint, unanchored: r.unanchored, problems: r.problems }));
} catch (e) {
  console.error(`Проверка журнала аудита не выполнена: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await started.close();
}
