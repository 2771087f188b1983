/**
 * Test database: the PostgreSQL server named by TEST_DATABASE_URL, or an
 * embedded one started here. A template database is migrated once; each
 * test file clones it (see db.ts), so files run in parallel, isolated.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/platform/db/embedded.js';
import { createPool } from '../../src/platform/db/pool.js';
import { migrate } from '../../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

let embedded: EmbeddedServer | null = null;

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = path.resolve('.tmp/test-pg');
    fs.rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({ dataDir: dir, port: 54339 + (process.pid % 500), database: 'ossig_test' });
    serverUrl = embedded.url;
  }
  const template = `ossig_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const pool = createPool(url.toString(), 2);
  await migrate(pool);
  const { FKKO_CONSTRUCTION } = await import('../../src/domain/fkko.js');
  for (const w of FKKO_CONSTRUCTION) {
    await pool.query('insert into waste_types (code, name) values ($1, $2)', [w.code, w.name]);
  }
  await pool.end();
  project.provide('pgServerUrl', serverUrl);
  project.provide('pgTemplate', template);

  return async () => {
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    const dbs = await a.query<{ datname: string }>(`select datname from pg_database where datname like 't\\_${process.pid}\\_%' or datname = $1`, [template]);
    for (const d of dbs.rows) await a.query(`drop database if exists ${d.datname} with (force)`).catch(() => {});
    await a.end();
    if (embedded) await embedded.stop();
  };
}
