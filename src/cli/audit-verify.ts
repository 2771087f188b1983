/** `npm run audit:verify`: walks the audit log and checks every entry's hash chain. Exit 1 if broken. */
import { parseConfig } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';
import { verifyAuditChain } from '../platform/audit.js';

const started = await boot(parseConfig());
try {
  const r = await verifyAuditChain(started.ctx.db);
  if (r.ok) console.log(`Журнал аудита цел: проверено записей — ${r.checked}.`);
  else {
    console.error(`Цепочка журнала аудита нарушена на записи id=${r.brokenAt} (после ${r.checked} верных записей).`);
    process.exitCode = 1;
  }
  console.log(JSON.stringify(r));
} finally {
  await started.close();
}
