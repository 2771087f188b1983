/**
 * Exact decimal quantities: volumes in m³ with 2 decimals, masses in t with 3.
 *
 * Values travel as canonical decimal strings ('12.50', '0.125') — the form
 * PostgreSQL `numeric` accepts and returns — and arithmetic is done on BigInt
 * scaled by 10^scale. No binary floating point is used in arithmetic; a
 * `number` input is only read through its shortest decimal representation.
 */

export const VOLUME_SCALE = 2;
export const MASS_SCALE = 3;

export type QuantityResult = { ok: true; value: string } | { ok: false; error: string };

/** Loose input: digits with optional spaces as group separators, ',' or '.' as the decimal mark. */
const INPUT = /^(\d*)(?:[.,](\d*))?$/;
/** Canonical form used between modules: optional minus, digits, optional '.digits'. */
const CANONICAL = /^(-)?(\d+)(?:\.(\d+))?$/;

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

function parsePositive(input: string | number, scale: number): QuantityResult {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: 'должно быть числом' };
    if (input < 0) return { ok: false, error: 'не может быть отрицательным' };
    s = String(input);
    if (/e/i.test(s)) return { ok: false, error: 'должно быть числом в обычной записи' };
  } else {
    s = input.replace(/[\s\u00A0\u202F]/g, '');
  }
  if (s === '') return { ok: false, error: 'не заполнено' };
  if (/^[-\u2212]/.test(s) && INPUT.test(s.slice(1))) return { ok: false, error: 'не может быть отрицательным' };
  const m = INPUT.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, error: 'должно быть числом' };
  const intPart = m[1] === '' ? '0' : m[1];
  const fracPart = m[2] ?? '';
  if (fracPart.length > scale) {
    return {
      ok: false,
      error: `допускается не более ${scale} ${plural(scale, 'знака', 'знаков', 'знаков')} после запятой`,
    };
  }
  const scaled = BigInt(intPart + fracPart.padEnd(scale, '0'));
  if (scaled === 0n) return { ok: false, error: 'должно быть больше нуля' };
  return { ok: true, value: fromScaled(scaled, scale) };
}

/** Volume in m³: accepts «12,5», «12.50», «1 234,5», 12.5; returns e.g. '12.50'. Must be > 0, ≤ 2 decimals. */
export function parseVolume(input: string | number): QuantityResult {
  return parsePositive(input, VOLUME_SCALE);
}

/** Mass in t: as `parseVolume` with 3 decimals; returns e.g. '12.500'. */
export function parseMass(input: string | number): QuantityResult {
  return parsePositive(input, MASS_SCALE);
}

/** Canonical decimal string → BigInt scaled by 10^scale; throws if it has more decimals than `scale`. */
export function toScaled(value: string, scale: number): bigint {
  const m = CANONICAL.exec(value);
  if (!m) throw new RangeError(`not a decimal: ${JSON.stringify(value)}`);
  const frac = m[3] ?? '';
  if (frac.length > scale) {
    if (/[^0]/.test(frac.slice(scale))) throw new RangeError(`${value} has more than ${scale} decimals`);
  }
  const n = BigInt(m[2] + frac.slice(0, scale).padEnd(scale, '0'));
  return m[1] ? -n : n;
}

/** BigInt scaled by 10^scale → canonical decimal string with exactly `scale` decimals. */
export function fromScaled(n: bigint, scale: number): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return (negative ? '-' : '') + (scale > 0 ? `${intPart}.${frac}` : intPart);
}

/** Exact a + b with `scale` decimals: addDecimal('12.50', '0.5', 2) → '13.00'. */
export function addDecimal(a: string, b: string, scale: number): string {
  return fromScaled(toScaled(a, scale) + toScaled(b, scale), scale);
}

/** Exact sum of many values with `scale` decimals ('0.00…' for none). */
export function sumDecimals(values: Iterable<string>, scale: number): string {
  let total = 0n;
  for (const v of values) total += toScaled(v, scale);
  return fromScaled(total, scale);
}

function decimalsOf(value: string): number {
  const m = CANONICAL.exec(value);
  if (!m) throw new RangeError(`not a decimal: ${JSON.stringify(value)}`);
  return (m[3] ?? '').length;
}

/** -1, 0 or 1 as a <, =, > b; values may have different numbers of decimals. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const x = toScaled(a, scale);
  const y = toScaled(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Group separator of `formatRu`: a no-break space, so numbers never wrap. */
export const RU_GROUP_SEPARATOR = '\u00A0';

/** Russian notation of a canonical decimal: '1234.50' → '1 234,50' (no-break space). */
export function formatRu(value: string): string {
  const m = CANONICAL.exec(value);
  if (!m) throw new RangeError(`not a decimal: ${JSON.stringify(value)}`);
  const [, minus, intPart, frac] = m;
  const grouped = intPart.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+$)/g, RU_GROUP_SEPARATOR);
  return (minus ? '-' : '') + grouped + (frac !== undefined ? `,${frac}` : '');
}
