/** A fresh database per test file, cloned from the migrated template. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { parseConfig, type Config } from '../../src/platform/config.js';
import { createContext } from '../../src/platform/bootstrap.js';
import type { AppContext } from '../../src/platform/context.js';

export interface TestContext extends AppContext {
  url: string;
  /** Moves the clock used by `ctx.now()`. */
  setNow(d: Date | null): void;
  close(): Promise<void>;
}

export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DEMO: 'false',
};

export async function createTestContext(overrides: Partial<Config> = {}, env: Record<string, string> = {}): Promise<TestContext> {
  const serverUrl = inject('pgServerUrl');
  const template = inject('pgTemplate');
  const name = `t_${template.split('_').pop()}_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // Cloning needs the template to have no other connections; retry briefly if another file clones right now.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (e) {
      if (attempt > 50) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Files a test makes (statements, uploads, keys) go to a directory of its own, never ./data.
  const ownDataDir = overrides.dataDir === undefined && env.DATA_DIR === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-test-')) : null;
  const config = parseConfig({ ...TEST_ENV, DATABASE_URL: url.toString(), ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...env }, overrides);
  const base = createContext(config, url.toString(), 8);
  let fixedNow: Date | null = null;
  const ctx: TestContext = {
    ...base,
    url: url.toString(),
    now: () => fixedNow ?? new Date(),
    setNow: (d) => {
      fixedNow = d;
    },
    async close() {
      await base.db.destroy().catch(() => {});
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await a.end();
      if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
  return ctx;
}
