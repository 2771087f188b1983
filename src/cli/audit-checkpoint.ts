/**
 * `npm run audit:checkpoint`: signs the current head of the audit log into a
 * checkpoint under DATA_DIR/audit-checkpoints (nothing when the head has not
 * moved since the last one). Meant to run periodically; see README.
 */
import { parseConfig } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';
import { createAuditCheckpoint } from '../features/audit/checkpoints.js';

const started = await boot(parseConfig());
try {
  const r = await createAuditCheckpoint(started.ctx);
  if (r.created && r.checkpoint) {
    const c = r.checkpoint;
    console.log(`Контрольная точка №${c.seq}: запись id=${c.headId}, записей — ${c.count}. Файл: ${r.file}`);
  } else console.log('Журнал не изменился после последней контрольной точки — новая не нужна.');
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await started.close();
}
