/** `npm run demo -- --trips N [--reset]`: fills an empty database with a demo of N trips. */
import { parseConfig } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';
import { isDatabaseEmpty, seedDemo, DEMO_LOGINS, DEMO_PASSWORD } from '../features/demo/seed.js';
import { sql } from 'kysely';
import { intFlag, parseArgs } from './args.js';

const { flags } = parseArgs(process.argv.slice(2));
const trips = intFlag(flags, 'trips', 3000);
const started = await boot(parseConfig());
try {
  if (!(await isDatabaseEmpty(started.ctx))) {
    if (!flags.reset) {
      console.error('База данных не пуста. Чтобы стереть её и загрузить демо заново, добавьте --reset');
      process.exitCode = 2;
    } else {
      await sql`drop schema public cascade; create schema public`.execute(started.ctx.db);
      await sql`drop schema if exists graphile_worker cascade`.execute(started.ctx.db);
      const { migrate } = await import('../platform/db/migrate.js');
      await migrate(started.ctx.pool);
    }
  }
  if (process.exitCode !== 2) {
    const t = Date.now();
    await seedDemo(started.ctx, { trips, log: (l) => console.log(l) });
    console.log(`Демо загружено за ${((Date.now() - t) / 1000).toFixed(1)} с. Входы (пароль ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((d) => d.login).join(', ')}`);
  }
} finally {
  await started.close();
}
