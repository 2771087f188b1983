/**
 * `npm start`: configuration → PostgreSQL (embedded unless DATABASE_URL) →
 * migrations → demo data into an empty database → web and/or worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ConfigError, childEnv, parseConfig, type Config } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';
import { buildServer, WEB_DIST } from '../platform/http/server.js';
import { startWorker } from '../platform/jobs/index.js';
import { supervise } from '../platform/supervisor.js';
import { fileURLToPath } from 'node:url';
import { JOBS, ROUTES, SCHEDULES } from '../features/index.js';
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo, syncCatalog } from '../features/demo/seed.js';
import { parseArgs } from './args.js';
import { startReceiver } from '../features/telemetry/receiver.js';

const t0 = Date.now();
const { flags } = parseArgs(process.argv.slice(2));

let config: Config;
try {
  config = parseConfig(undefined, typeof flags.role === 'string' ? { role: parseConfig({ ROLE: flags.role }).role } : {});
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}

/** Builds the web cabinet when its bundle is missing or older than its sources. */
function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const srcDir = path.resolve(WEB_DIST, '..', 'src');
  const newest = (dir: string): number =>
    fs.existsSync(dir)
      ? Math.max(
          0,
          ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs)),
        )
      : 0;
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newest(srcDir)) return;
  console.log('Сборка веб-кабинета…');
  const r = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('Не удалось собрать веб-кабинет');
    process.exit(1);
  }
}

if (config.role !== 'worker' && config.role !== 'telemetry') ensureWebBuilt();

const started = await boot(config);
const { ctx } = started;
await syncCatalog(ctx);
if (config.demo && (await isDatabaseEmpty(ctx))) {
  console.log(`База пуста — загружаю демо-данные (${config.demoTrips} рейсов)…`);
  await seedDemo(ctx, { trips: config.demoTrips });
}

const stops: Array<() => Promise<void>> = [];
if (config.role === 'worker') {
  const runner = await startWorker(ctx, JOBS, SCHEDULES);
  stops.push(() => runner.stop());
} else if (config.role === 'all') {
  // The worker runs in a child process of its own, so nothing a job does can take the web down.
  const worker = supervise({
    name: 'Обработчик фоновых задач',
    script: fileURLToPath(import.meta.url),
    args: ['--role', 'worker'],
    env: childEnv({ ROLE: 'worker', DATABASE_URL: started.url, DEMO: 'false' }),
    log: (line) => console.error(line),
  });
  stops.push(() => worker.stop());
  // The trackers' receiver too: a flood of packets never slows the cabinet.
  const telemetry = supervise({
    name: 'Приёмник телематики',
    script: fileURLToPath(import.meta.url),
    args: ['--role', 'telemetry'],
    env: childEnv({ ROLE: 'telemetry', DATABASE_URL: started.url, DEMO: 'false' }),
    log: (line) => console.error(line),
  });
  stops.push(() => telemetry.stop());
} else if (config.role === 'telemetry') {
  const receiver = await startReceiver(ctx, { log: (line) => console.error(line) });
  stops.push(() => receiver.close());
  console.log(`ОССиГ: приёмник телематики (EGTS, Wialon IPS) слушает порт ${receiver.port}`);
}
if (config.role !== 'worker' && config.role !== 'telemetry') {
  // JSON log lines at LOG_LEVEL (info by default) on stdout; LOG_LEVEL=silent turns them off.
  const app = await buildServer(ctx, ROUTES);
  await app.listen({ port: config.port, host: config.host });
  stops.unshift(() => app.close());
  const url = `http://localhost:${config.port}`;
  console.log(`\nОССиГ работает: ${url}  (API: ${url}/api/docs)`);
  console.log(`База данных: ${config.databaseUrl ? 'внешний PostgreSQL (DATABASE_URL)' : `встроенный PostgreSQL, данные в ${config.dataDir}`}`);
  if (config.demo) {
    console.log(`\nДемо-входы (пароль ${DEMO_PASSWORD}):`);
    for (const d of DEMO_LOGINS) console.log(`  ${d.login.padEnd(22)} ${d.who}`);
  }
  console.log(`\nГотово за ${((Date.now() - t0) / 1000).toFixed(1)} с`);
} else if (config.role === 'worker') {
  console.log('ОССиГ: обработчик фоновых задач запущен');
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: останавливаюсь…`);
  for (const stop of stops) await stop().catch(() => {});
  await started.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
