/**
 * Sign-in benchmark: how many password sign-ins per second the server
 * sustains with Argon2id at its chosen cost (19 MiB, 2 passes, 1 lane — the
 * OWASP minimum), on this machine, and the hash's own time. Runs the whole
 * route (throttle check, lookup, verify, session, device, audit) against a
 * throw-away database through the HTTP layer (inject), several in flight.
 */
import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { buildServer } from '../src/platform/http/server.js';
import { ROUTES } from '../src/features/index.js';
import { ARGON2_OPTIONS, hashPassword } from '../src/features/identity/password.js';

export async function benchLogin(opts: { n?: number; concurrency?: number } = {}): Promise<object> {
  const n = opts.n ?? 200;
  const concurrency = opts.concurrency ?? Math.max(2, os.availableParallelism());
  // Hash time alone.
  const stored = await hash('Bench2026pass', ARGON2_OPTIONS);
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) await verify(stored, 'Bench2026pass');
  const hashMs = (performance.now() - t0) / 10;

  const started = await boot(parseConfig(process.env, { logLevel: 'silent' } as any));
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const ctx = started.ctx;
    const email = `bench-${Date.now()}@bench.test`;
    await ctx.db.insertInto('persons').values({ full_name: 'Нагрузочный Тест', email, phone: null, snils: null, password_hash: await hashPassword('Bench2026pass') }).execute();
    const app = await buildServer(ctx, ROUTES, { logger: false });
    await app.ready();
    let done = 0;
    let failed = 0;
    const start = performance.now();
    let i = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        while (i < n) {
          i++;
          const res = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { login: email, password: 'Bench2026pass' },
            // Different client addresses: the per-IP rate limit of the route is not what is measured.
            headers: { 'x-forwarded-for': `10.77.${w}.${i % 250}`, 'user-agent': 'bench' },
          });
          if (res.statusCode === 200) done++;
          else failed++;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    await app.close();
    await ctx.db.deleteFrom('known_devices').where('person_id', 'in', ctx.db.selectFrom('persons').select('id').where('email', '=', email)).execute();
    return {
      case: 'login',
      n: done,
      failed,
      seconds: Number(seconds.toFixed(3)),
      peakRssMb: Math.round(peakRss / 1048576),
      loginsPerSecond: Number((done / seconds).toFixed(1)),
      hashMs: Number(hashMs.toFixed(1)),
      argon2: { memoryKiB: ARGON2_OPTIONS.memoryCost, passes: ARGON2_OPTIONS.timeCost, lanes: ARGON2_OPTIONS.parallelism },
      concurrency,
      cpus: os.availableParallelism(),
    };
  } finally {
    clearInterval(timer);
    await started.close();
  }
}
