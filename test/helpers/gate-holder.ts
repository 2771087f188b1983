/**
 * A process that takes one slot of the shared upload gate and holds it, renewing its lease, until
 * it is killed: `node --import tsx test/helpers/gate-holder.ts <database url> <lease s> <heartbeat s>`.
 * Prints «taken» once the slot is held (or «full» when none was free).
 */
import pg from 'pg';
import { PgGate } from '../../src/features/uploads/gate.js';

const [url, lease, heartbeat] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 2 });
const gate = new PgGate(pool, () => 1_000, () => ({ leaseSeconds: Number(lease), heartbeatSeconds: Number(heartbeat) }));
const release = await gate.tryAcquire();
process.stdout.write(release ? 'taken\n' : 'full\n');
// Keeps running (the heartbeat is unref'd): the test ends this process with SIGKILL.
setInterval(() => {}, 60_000);
