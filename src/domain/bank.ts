/**
 * Bank details of an organization: расчётный счёт, БИК, корреспондентский счёт, bank name.
 *
 * The account numbers carry a key digit (9th digit of the 20) fixed by the Bank of Russia
 * («Порядок расчёта контрольного ключа в номере лицевого счёта», ЦБ РФ 08.09.1997 № 515;
 * the account plan of Положение Банка России № 809-П): the key is checked over 23 digits —
 * a three-digit conditional number of the settlement institution and the 20 digits of the
 * account — with weights 7, 1, 3 repeated; the sum of the low digits of the products must
 * end in 0.
 * - расчётный счёт in a credit institution: the conditional number is the last three digits
 *   of its БИК; when they are «000» (an account opened in a division of the Bank of Russia,
 *   РКЦ), «0» and the 5th and 6th digits of the БИК;
 * - корреспондентский счёт (always opened in the Bank of Russia): «0» and the 5th and 6th
 *   digits of the БИК; it begins with 30101 and ends with the last three digits of the БИК.
 *
 * Pure functions: the normalized value or a Russian message fragment without the field
 * name, like ./identifiers.ts.
 */
import type { ValidationResult } from './identifiers.js';

export const BANK_LABELS = {
  bankAccount: 'Расчётный счёт',
  bik: 'БИК',
  corrAccount: 'Корреспондентский счёт',
  bankName: 'Наименование банка',
} as const;

const ok = (value: string): ValidationResult => ({ ok: true, value });
const fail = (error: string): ValidationResult => ({ ok: false, error });

/** Spaces and dashes people type between groups of digits. */
const strip = (s: string) => s.replace(/[\s\u00A0\u202F\-\u2010-\u2015\u2212.]/g, '');

const WEIGHTS = [7, 1, 3];

/** The Bank of Russia's key sum over 23 digits: Σ (dᵢ·wᵢ mod 10), weights 7,1,3 repeated; valid when it ends in 0. */
export function accountKeyOk(conditional3: string, account20: string): boolean {
  const s = conditional3 + account20;
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += ((s.charCodeAt(i) - 48) * WEIGHTS[i % 3]!) % 10;
  return sum % 10 === 0;
}

/** The key digit (9th of the account) that makes the account valid for this conditional number. */
export function accountKeyDigit(conditional3: string, account20: string): string {
  for (let k = 0; k <= 9; k++) {
    const a = account20.slice(0, 8) + k + account20.slice(9);
    if (accountKeyOk(conditional3, a)) return String(k);
  }
  throw new Error('unreachable: weight 3 at the key position covers every residue');
}

function digits(s: string, n: number): ValidationResult {
  const v = strip(s);
  if (v === '') return fail('не заполнен');
  if (!/^\d+$/.test(v)) return fail('должен содержать только цифры');
  if (v.length !== n) return fail(`должен состоять из ${n} цифр (сейчас ${v.length})`);
  return ok(v);
}

/** БИК: 9 digits, the first «0» (the Russian Federation's code). */
export function checkBik(s: string): ValidationResult {
  const r = digits(s, 9);
  if (!r.ok) return r;
  if (!r.value.startsWith('0')) return fail('российский БИК начинается с 0');
  return r;
}

/** Conditional number for an account in the bank of this БИК. */
const settlementConditional = (bik: string) => (bik.slice(6) === '000' ? `0${bik.slice(4, 6)}` : bik.slice(6));
const corrConditional = (bik: string) => `0${bik.slice(4, 6)}`;

/** Расчётный счёт: 20 digits with the key digit right for the bank's БИК (the БИК already checked; null: the shape only). */
export function checkSettlementAccount(s: string, bik: string | null): ValidationResult {
  const r = digits(s, 20);
  if (!r.ok || bik === null) return r;
  if (!accountKeyOk(settlementConditional(bik), r.value)) return fail(`неверный контрольный ключ для БИК ${bik}: проверьте номер счёта и БИК`);
  return r;
}

/** Корреспондентский счёт: 20 digits, 30101…, ending with the БИК's last three digits, with the right key digit. */
export function checkCorrAccount(s: string, bik: string | null): ValidationResult {
  const r = digits(s, 20);
  if (!r.ok) return r;
  if (!r.value.startsWith('30101')) return fail('корреспондентский счёт банка начинается с 30101');
  if (bik === null) return r;
  if (r.value.slice(17) !== bik.slice(6)) return fail(`последние три цифры должны совпадать с последними тремя цифрами БИК (${bik.slice(6)})`);
  if (!accountKeyOk(corrConditional(bik), r.value)) return fail(`неверный контрольный ключ для БИК ${bik}: проверьте номер счёта и БИК`);
  return r;
}
