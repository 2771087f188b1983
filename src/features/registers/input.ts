/**
 * Checking a register entry's fields: each check adds a Russian message that
 * begins with the field's label, and `done()` throws them all at once.
 */
import { invalid, type FieldError } from '../../platform/http/errors.js';
import { FIELD_LABELS } from '../../platform/http/labels.js';
import { parseIsoDate } from '../../domain/period.js';
import { parseMass, parseVolume } from '../../domain/quantity.js';

const label = (field: string) => (FIELD_LABELS as Record<string, string>)[field.replace(/\[\d+\]$/, '')] ?? field;

export class FieldCheck {
  readonly errors: FieldError[] = [];

  add(field: string, message: string, labelOf = field): void {
    if (this.errors.some((e) => e.field === field)) return;
    this.errors.push({ field, message: `${label(labelOf)}: ${message}` });
  }

  /** A message that names its field itself. */
  addMessage(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  has(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  /** Trimmed text; null when empty and not required. */
  text(field: string, v: string | null | undefined, opts: { required?: boolean; max: number; min?: number }): string | null {
    const t = typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '';
    if (t === '') {
      if (opts.required) this.add(field, 'обязательное поле');
      return null;
    }
    if (t.length > opts.max) this.add(field, `не длиннее ${opts.max} символов`);
    if (opts.min && t.length < opts.min) this.add(field, `не короче ${opts.min} символов`);
    return t;
  }

  /** A calendar date YYYY-MM-DD that exists. */
  date(field: string, v: string | null | undefined, opts: { required?: boolean } = {}): string | null {
    if (v === null || v === undefined || v === '') {
      if (opts.required) this.add(field, 'обязательное поле');
      return null;
    }
    const d = parseIsoDate(v);
    if (!d.ok) {
      this.add(field, d.error);
      return null;
    }
    return v.trim();
  }

  /** A positive decimal (m³ with 2 decimals, t with 3) not above `max`. */
  decimal(field: string, v: string | number | null | undefined, opts: { required?: boolean; kind: 'volume' | 'mass'; max: number }): string | null {
    if (v === null || v === undefined || v === '') {
      if (opts.required) this.add(field, 'обязательное поле');
      return null;
    }
    const r = (opts.kind === 'volume' ? parseVolume : parseMass)(v);
    if (!r.ok) {
      this.add(field, r.error);
      return null;
    }
    if (Number(r.value) > opts.max) {
      this.add(field, `не больше ${opts.max.toLocaleString('ru-RU')}`);
      return null;
    }
    return r.value;
  }

  oneOf<T extends string>(field: string, v: string | null | undefined, allowed: Record<T, string>, opts: { required?: boolean } = {}): T | null {
    if (v === null || v === undefined || v === '') {
      if (opts.required) this.add(field, 'обязательное поле');
      return null;
    }
    if (!(v in allowed)) {
      this.add(field, `выберите из списка: ${Object.values<string>(allowed).join(', ')}`);
      return null;
    }
    return v as T;
  }

  done(): void {
    if (this.errors.length) throw invalid(this.errors);
  }
}

/** Keyset paging: an opaque cursor of (sort key, id). */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { key: string; id: string } | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/i.test(v[1])) return { key: v[0], id: v[1] };
  } catch {
    /* falls through */
  }
  throw invalid({ field: 'after', message: 'Курсор страницы: неверное значение, начните с первой страницы' });
}

/** A keyset page from a query of `limit + 1` rows: the first `limit`, and the cursor after the last when there were more. */
export function keysetPageOf<R extends { id: string }>(rows: R[], limit: number, key: (r: R) => string): { items: R[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(key(items[items.length - 1]), items[items.length - 1].id) : null };
}
