/**
 * The error contract: the problem `code` is a closed union in the OpenAPI
 * document (generic codes from the platform, each feature's from its own
 * problems.ts), every error answer refers to that one schema, and the platform
 * throws only its generic codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS, ROUTES } from '../src/features/index.js';
import { AppError, GENERIC_PROBLEMS, registerProblems, type ProblemCode } from '../src/platform/http/errors.js';
import { buildServer, type App } from '../src/platform/http/server.js';
import { parseConfig } from '../src/platform/config.js';
import { createContext } from '../src/platform/bootstrap.js';
import type { AppContext } from '../src/platform/context.js';
import { createTestContext, type TestContext } from './helpers/db.js';
import { Client } from './helpers/http.js';

const root = path.resolve(import.meta.dirname, '..');

let ctx: AppContext;
let app: App;
let doc: any;

beforeAll(async () => {
  // The document needs no database: the pool connects lazily and is never queried.
  const url = 'postgres://openapi@127.0.0.1:1/never-queried';
  ctx = createContext(parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: 'false', DATABASE_URL: url }), url, 1);
  app = await buildServer(ctx, ROUTES, { logger: false });
  await app.ready();
  doc = app.swagger();
});
afterAll(async () => {
  await app?.close();
  await ctx?.db.destroy().catch(() => {});
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The codes a file constructs `new AppError('code', …)` with. */
const codesThrownIn = (file: string): string[] => [...fs.readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'([a-z_]+)'/g)].map((m) => m[1]!);

describe('problem codes', () => {
  it('the OpenAPI Problem schema lists exactly the registered codes, and every error answer refers to it', () => {
    const problem = doc.components.schemas.Problem;
    expect(problem.properties.code.enum.slice().sort()).toEqual(Object.keys(PROBLEMS).sort());
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']));
    let errorAnswers = 0;
    for (const [url, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        for (const [status, answer] of Object.entries<any>(op.responses ?? {})) {
          if (Number(status) < 400) continue;
          errorAnswers++;
          expect(answer.content?.['application/json']?.schema, `${method.toUpperCase()} ${url} ${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
        }
      }
    }
    expect(errorAnswers).toBeGreaterThan(100);
  });

  it('keeps the features’ codes out of the platform: the platform throws only generic codes', () => {
    const thrown = sourceFiles(path.join(root, 'src/platform')).flatMap((f) => codesThrownIn(f).map((code) => ({ file: path.relative(root, f), code })));
    expect(thrown.length).toBeGreaterThan(10);
    for (const t of thrown) expect(Object.keys(GENERIC_PROBLEMS), `${t.file}: ${t.code}`).toContain(t.code);
    for (const file of ['errors.ts', 'schemas.ts', 'labels.ts']) {
      expect(fs.readFileSync(path.join(root, 'src/platform/http', file), 'utf8'), file).not.toMatch(/from '[^']*features\//);
    }
  });

  it('registers every code the sources throw', () => {
    for (const file of sourceFiles(path.join(root, 'src'))) {
      for (const code of codesThrownIn(file)) expect(Object.keys(PROBLEMS), `${path.relative(root, file)}: ${code}`).toContain(code);
    }
  });

  it('refuses a code declared twice with another meaning, and an unregistered code', () => {
    expect(() => registerProblems({ not_found: { status: 404, title: 'Не найдено' } })).not.toThrow();
    expect(() => registerProblems({ not_found: { status: 410, title: 'Нет' } })).toThrow(/not_found/);
    expect(() => new AppError('no_such_code' as ProblemCode)).toThrow(/не зарегистрирован/);
  });
});

describe('texts shared with the cabinet', () => {
  it('live in modules without imports, so the cabinet can bundle them', () => {
    for (const file of ['src/platform/http/labels.ts', 'src/features/identity/texts.ts']) {
      expect(fs.readFileSync(path.join(root, file), 'utf8'), file).not.toMatch(/^\s*import\s/m);
    }
    const shared = fs.readFileSync(path.join(root, 'web/src/lib/shared.ts'), 'utf8');
    for (const m of shared.matchAll(/from '(\.\.\/\.\.\/\.\.\/src\/[^']+)'/g)) {
      expect(fs.existsSync(path.join(root, 'web/src/lib', `${m[1]}.ts`)), m[1]).toBe(true);
    }
  });
});

describe('problem answers', () => {
  let db: TestContext;
  let live: App;
  beforeAll(async () => {
    db = await createTestContext();
    live = await buildServer(db, ROUTES, { logger: false });
    await live.ready();
  });
  afterAll(async () => {
    await live?.close();
    await db?.close();
  });

  it('answers a feature’s code with its table’s status and title', async () => {
    const res = await new Client(live).post('/api/auth/login', { login: 'nobody@ossig.test', password: 'Wrong2026pass' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'invalid_credentials', title: PROBLEMS.invalid_credentials.title, status: 401 });
    const generic = await new Client(live).get('/api/nothing-here');
    expect(generic.body).toMatchObject({ code: 'not_found', title: PROBLEMS.not_found.title, status: 404 });
  });
});
