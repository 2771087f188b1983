/**
 * The rules of the house (docs/ARCHITECTURE.md), checked on the source so
 * that breaking one fails the build: platform/ imports nothing from
 * features/, no route file imports another, no import cycle, nothing but the
 * config module reads process.env, and route files hold no SQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const FILES = sourceFiles(SRC);
const rel = (p: string) => path.relative(ROOT, p);

/** Relative imports (value and type, static, dynamic and side-effect only) of a file, resolved to files — as TypeScript reads them. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName: spec } of importedFiles) {
    if (!spec.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), spec.replace(/\.js$/, ''));
    const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
    if (hit) out.push(hit);
  }
  return out;
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

/** A route file: `routes.ts`, or `<concept>-routes.ts` where a feature splits its routes by concept. */
const ROUTE_FILE = /\/(?:[\w-]+-)?routes\.ts$/;

describe('the rules of the house', () => {
  it('platform/ imports nothing from features/ (nor domain/ from anything with I/O)', () => {
    const bad: string[] = [];
    for (const [f, deps] of GRAPH) {
      const r = rel(f);
      for (const d of deps) {
        if (r.startsWith('src/platform/') && rel(d).startsWith('src/features/')) bad.push(`${r} → ${rel(d)}`);
        if (r.startsWith('src/domain/') && !rel(d).startsWith('src/domain/')) bad.push(`${r} → ${rel(d)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no route file imports another route file', () => {
    const isRoutes = (p: string) => ROUTE_FILE.test(p);
    const bad = [...GRAPH].flatMap(([f, deps]) => (isRoutes(f) ? deps.filter(isRoutes).map((d) => `${rel(f)} → ${rel(d)}`) : []));
    expect(bad).toEqual([]);
  });

  it('there is no import cycle', () => {
    expect([...GRAPH.values()].flat().length).toBeGreaterThan(FILES.length); // the graph was read, not empty
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'visiting');
      stack.push(f);
      for (const d of GRAPH.get(f) ?? []) {
        if (state.get(d) === 'visiting') cycles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(' → '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of FILES) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('nothing but the config module reads process.env', () => {
    const allowed = new Set(['src/platform/config.ts']);
    const bad = FILES.filter((f) => !allowed.has(rel(f)) && /process\.env\b/.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });

  it('features register routes only in route files', () => {
    const registers = /\bapp\.(?:get|post|put|patch|delete|route)\(/;
    const bad = FILES.filter((f) => rel(f).startsWith('src/features/') && !ROUTE_FILE.test(f) && registers.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });

  it('route files hold no SQL: a handler parses, calls a use-case, answers', () => {
    const sqlish = /\bsql`|\.selectFrom\(|\.insertInto\(|\.updateTable\(|\.deleteFrom\(|\.transaction\(\)|\.withTables\b|from 'kysely'/;
    const bad = FILES.filter((f) => ROUTE_FILE.test(f) && sqlish.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });
});
