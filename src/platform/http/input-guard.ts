/**
 * Characters no field may hold, checked once for every request before any
 * route sees it: in the JSON body (at the content-type parser), the query
 * string and the path. A NUL byte cannot be stored by PostgreSQL, a lone
 * UTF-16 surrogate is not text at all, and other control characters have no
 * place in a form field; each is refused with a 422 naming the field, instead
 * of failing deep inside a query. Tab, line feed and carriage return are text.
 * JSON nested deeper than any of our schemas is refused before it is walked.
 * A number too large to be finite (`1e400` in JSON, or a query or path value
 * coerced by validation — Ajv lets Infinity pass `integer` and `maximum`) is
 * refused after validation, before any handler.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, fieldLabel, type FieldError } from './errors.js';

/** Deeper than any schema of ours (trips[i].field is depth 3). */
export const MAX_JSON_DEPTH = 32;

// C0 controls except \t \n \r, and DEL.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** Why a string is refused, or null when it is fine. */
export function badCharacter(s: string): string | null {
  const m = CONTROL.exec(s);
  if (m) {
    const code = m[0].charCodeAt(0);
    return code === 0
      ? 'содержит нулевой символ (NUL), уберите его'
      : `содержит управляющий символ U+${code.toString(16).toUpperCase().padStart(4, '0')}, уберите его`;
  }
  if (!wellFormed(s)) return 'содержит непарный суррогат UTF-16 — это не текст в кодировке Unicode';
  return null;
}

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * The first field of a parsed value holding a forbidden character (in a
 * value or a key), or nested deeper than MAX_JSON_DEPTH. Iterative, so no
 * input can exhaust the stack. `root` names the value itself (e.g. `body`).
 */
export function findBadInput(value: unknown, root: string, opts: { strings?: boolean } = {}): FieldError | null {
  const strings = opts.strings ?? true;
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    const name = path || root;
    if (typeof v === 'string') {
      if (!strings) continue;
      const why = badCharacter(v);
      if (why) return { field: name, message: `${fieldLabel(name)}: ${why}` };
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { field: name, message: `${fieldLabel(name)}: число вне допустимого диапазона` };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      return { field: name, message: `${fieldLabel(name)}: слишком глубокая вложенность (не более ${MAX_JSON_DEPTH} уровней)` };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      const why = strings ? badCharacter(k) : null;
      if (why) {
        const shown = JSON.stringify(k).slice(1, -1).slice(0, 60);
        return { field: join(path, shown) || root, message: `Название поля «${shown}»: ${why}` };
      }
      stack.push({ v: (v as Record<string, unknown>)[k], path: join(path, k), depth: depth + 1 });
    }
  }
  return null;
}

function refuse(bad: FieldError): AppError {
  return new AppError('validation', bad.message, [bad]);
}

/**
 * Installs the guard: the JSON parser (Fastify's own, with its prototype
 * poisoning protection) followed by the check, and a hook that checks the
 * query string and path parameters before access checks and validation.
 */
export function installInputGuard(app: FastifyInstance<any, any, any, any, any>, bodyLimit: number): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (req: FastifyRequest, body: string | Buffer, done: (err: Error | null, value?: unknown) => void) => {
    parseJson(req, body as string, (err: Error | null, value?: unknown) => {
      if (err) return done(err);
      const bad = findBadInput(value, 'body');
      if (bad) return done(refuse(bad));
      done(null, value);
    });
  });
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const bad = findBadInput(req.params, 'params') ?? findBadInput(req.query, 'query');
    if (bad) throw refuse(bad);
  });
  // Validation coerces strings to numbers («1e400» → Infinity): look again at what it made.
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const numbers = { strings: false };
    const bad = findBadInput(req.params, 'params', numbers) ?? findBadInput(req.query, 'query', numbers) ?? findBadInput(req.body, 'body', numbers);
    if (bad) throw refuse(bad);
  });
}
