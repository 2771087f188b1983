/**
 * Money: exact amounts in kopecks (BigInt), never binary floats.
 *
 * Between modules and in the API an amount travels as a canonical decimal string of rubles with
 * two decimals ('1234.56'); in the database as bigint kopecks. Rounding is half up (half away from
 * zero for the positive amounts we have), to the kopeck, once per load (a load's charge) and once
 * per VAT rate of a document (the VAT of an act: the sum of its loads' charges at that rate × rate).
 */
import { formatRu, fromScaled, toScaled } from './quantity.js';

export type MoneyResult = { ok: true; kop: bigint } | { ok: false; error: string };

const INPUT = /^(\d+)(?:[.,](\d*))?$/;

/** Rubles typed by a person or read from a file: «1 234,56», '1234.5', 1234.56 → kopecks. Must be > 0, ≤ 2 decimals. */
export function parseRubles(input: string | number, max: bigint = 100_000_000_000_00n): MoneyResult {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: 'должно быть числом' };
    s = String(input);
    if (/e/i.test(s)) return { ok: false, error: 'должно быть числом в обычной записи' };
  } else s = input.replace(/[\s\u00A0\u202F]/g, '');
  if (s === '') return { ok: false, error: 'не заполнено' };
  if (/^[-\u2212]/.test(s)) return { ok: false, error: 'не может быть отрицательным' };
  const m = INPUT.exec(s);
  if (!m) return { ok: false, error: 'должно быть суммой в рублях (например, 1234,56)' };
  const frac = m[2] ?? '';
  if (frac.length > 2) return { ok: false, error: 'не более 2 знаков после запятой (копейки)' };
  const kop = BigInt(m[1]) * 100n + BigInt(frac.padEnd(2, '0') || '0');
  if (kop === 0n) return { ok: false, error: 'должно быть больше нуля' };
  if (kop > max) return { ok: false, error: `не больше ${formatRubles(max)} ₽` };
  return { ok: true, kop };
}

/** Kopecks → '1234.56' (the API's form). */
export function kopToRubles(kop: bigint | string | number): string {
  return fromScaled(BigInt(kop), 2);
}

/** Kopecks → «1 234,56» (documents and pages). */
export function formatRubles(kop: bigint | string | number): string {
  return formatRu(kopToRubles(kop));
}

/** Divides n ≥ 0 by d > 0, rounding half up. */
function divHalfUp(n: bigint, d: bigint): bigint {
  if (n < 0n) return -divHalfUp(-n, d);
  return (n * 2n + d) / (2n * d);
}

/**
 * The charge of one load: quantity (m³ to 0.01 or t to 0.001, a canonical decimal) × price per unit
 * (kopecks), rounded half up to the kopeck: 12.345 t × 1000.01 ₽ = 12 345.12345 ₽ → 1 234 512 kop. The SQL in
 * features/money/charges.ts (`round(quantity * price_kop)`) is the same rule.
 */
export function chargeKop(quantity: string, priceKop: bigint): bigint {
  const scaled = toScaled(quantity, 3); // quantity × 1000
  return divHalfUp(scaled * priceKop, 1000n);
}

/** VAT on a net amount at `rate` percent ('22.00'), rounded half up to the kopeck. */
export function vatKop(netKop: bigint, rate: string): bigint {
  const r = toScaled(rate, 2); // percent × 100
  return divHalfUp(netKop * r, 10_000n);
}

/** A VAT rate for documents: '22.00' → «22 %», '0.00' → «0 %», '10.50' → «10,5 %». */
export function formatVatRate(rate: string): string {
  const [i, f = ''] = rate.split('.');
  const frac = f.replace(/0+$/, '');
  return `${i}${frac ? `,${frac}` : ''} %`;
}
