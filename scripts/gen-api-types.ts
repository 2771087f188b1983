/**
 * Writes web/src/api/schema.d.ts from the server's OpenAPI document.
 *
 * Builds the Fastify app with every feature's routes without listening and
 * without touching the database (the pool connects lazily and is never
 * queried), takes `app.swagger()` and runs openapi-typescript over it.
 *
 *   node --import tsx scripts/gen-api-types.ts            (writes the file)
 *   node --import tsx scripts/gen-api-types.ts --check    (fails if the file is stale)
 *   node --import tsx scripts/gen-api-types.ts --url http://localhost:3000/api/openapi.json
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'web/src/api/schema.d.ts');
const args = process.argv.slice(2);
const check = args.includes('--check');
const urlIdx = args.indexOf('--url');

async function loadDocument(): Promise<Record<string, unknown>> {
  if (urlIdx >= 0) {
    const res = await fetch(args[urlIdx + 1]!);
    if (!res.ok) throw new Error(`GET ${args[urlIdx + 1]}: ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  }
  const { parseConfig } = await import('../src/platform/config.js');
  const { createContext } = await import('../src/platform/bootstrap.js');
  const { buildServer } = await import('../src/platform/http/server.js');
  const { ROUTES } = await import('../src/features/index.js');
  const url = 'postgres://openapi@127.0.0.1:1/never-queried';
  // DEMO: the document includes the routes that exist only on a demo stand (the outbox), so the cabinet has their types.
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'true', DATABASE_URL: url });
  const ctx = createContext(config, url, 1);
  const app = await buildServer(ctx, ROUTES, { logger: false });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await ctx.db.destroy().catch(() => {});
  return doc;
}

const doc = await loadDocument();
const ast = await openapiTS(doc as never, { alphabetize: false });
const header =
  '/**\n * Generated from the server\'s OpenAPI document by scripts/gen-api-types.ts.\n * Do not edit by hand: run `npm run gen:api`.\n */\n\n';
const text = header + astToString(ast);
if (check) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== text) {
    console.error('web/src/api/schema.d.ts устарел: выполните npm run gen:api');
    process.exit(1);
  }
  console.log('web/src/api/schema.d.ts актуален');
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`Записан ${path.relative(root, out)} (${Object.keys((doc.paths as object) ?? {}).length} путей)`);
}
process.exit(0);
