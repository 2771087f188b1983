/** `npm run migrate`: applies pending migrations and exits. */
import { parseConfig } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';

const started = await boot(parseConfig());
console.log('Миграции применены');
await started.close();
