/**
 * Russian identifiers used in ОССиГ: ИНН, ОГРН, ОГРНИП, СНИЛС, КПП,
 * кадастровый номер, госномер ТС.
 *
 * Every `check*` function is pure: it normalizes the input (strips the
 * spaces and dashes people type), validates it and returns either the
 * normalized value or a Russian message fragment without the field name
 * («неверное контрольное число»), so the caller can prefix its own label
 * (see `IDENTIFIER_LABELS` and `identifierErrorMessage`).
 *
 * Check-digit rules:
 * - ИНН: приказ ФНС России от 29.06.2012 № ММВ-7-6/435@ (weights below);
 * - ОГРН / ОГРНИП: приказ ФНС России (МНС) о правилах ведения ЕГРЮЛ/ЕГРИП —
 *   remainder of the first 12 (14) digits divided by 11 (13), last digit;
 * - СНИЛС: постановление Правления ПФР от 27.12.2016 № 1191п (контрольное
 *   число; checked only for numbers greater than 001-001-998).
 */

/** Outcome of a validation: the normalized value or a Russian error fragment. */
export type ValidationResult = { ok: true; value: string } | { ok: false; error: string };

/** Kinds of identifiers the system knows. */
export type IdentifierKind = 'inn' | 'ogrn' | 'ogrnip' | 'snils' | 'kpp' | 'cadastralNumber' | 'plate' | 'phone';

/** Russian labels of identifier kinds, for form fields and messages. */
export const IDENTIFIER_LABELS: Readonly<Record<IdentifierKind, string>> = Object.freeze({
  inn: 'ИНН',
  ogrn: 'ОГРН',
  ogrnip: 'ОГРНИП',
  snils: 'СНИЛС',
  kpp: 'КПП',
  cadastralNumber: 'Кадастровый номер',
  plate: 'Госномер ТС',
  phone: 'Телефон',
});

/** Full message for a failed check: «ИНН: неверное контрольное число». */
export function identifierErrorMessage(kind: IdentifierKind, error: string): string {
  return `${IDENTIFIER_LABELS[kind]}: ${error}`;
}

const ok = (value: string): ValidationResult => ({ ok: true, value });
const fail = (error: string): ValidationResult => ({ ok: false, error });

/** Removes whitespace (incl. no-break spaces) and all kinds of dashes. */
function stripSeparators(s: string): string {
  return s.replace(/[\s\u00A0\u202F\-\u2010-\u2015\u2212]/g, '');
}

const EMPTY = 'не заполнен';
const NOT_DIGITS = 'должен содержать только цифры';
const BAD_CHECKSUM = 'неверное контрольное число';

/** Digits of a string of decimal digits. */
function digitsOf(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0) - 48);
}

/** Sum of digits[i] * weights[i] mod 11 mod 10 (ИНН check digit). */
function innCheckDigit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i] * weights[i];
  return (sum % 11) % 10;
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

// ---------------------------------------------------------------------------
// ИНН
// ---------------------------------------------------------------------------

/** Strips spaces and dashes from an ИНН. */
export function normalizeInn(s: string): string {
  return stripSeparators(s);
}

function innLegalChecksumOk(inn: string): boolean {
  const d = digitsOf(inn);
  return innCheckDigit(d, INN10_WEIGHTS) === d[9];
}

function innPersonChecksumOk(inn: string): boolean {
  const d = digitsOf(inn);
  return innCheckDigit(d, INN12_WEIGHTS_11) === d[10] && innCheckDigit(d, INN12_WEIGHTS_12) === d[11];
}

/** ИНН of a legal entity (10 digits) or of a person / ИП (12 digits). */
export function checkInn(s: string): ValidationResult {
  const v = normalizeInn(s);
  if (v === '') return fail(EMPTY);
  if (!/^\d+$/.test(v) || (v.length !== 10 && v.length !== 12)) {
    return fail('должен состоять из 10 или 12 цифр');
  }
  const good = v.length === 10 ? innLegalChecksumOk(v) : innPersonChecksumOk(v);
  return good ? ok(v) : fail(BAD_CHECKSUM);
}

/** ИНН of a legal entity (ЮЛ): exactly 10 digits. */
export function checkInnLegal(s: string): ValidationResult {
  const v = normalizeInn(s);
  if (v === '') return fail(EMPTY);
  if (!/^\d{10}$/.test(v)) return fail('должен состоять из 10 цифр');
  return innLegalChecksumOk(v) ? ok(v) : fail(BAD_CHECKSUM);
}

/** ИНН of a natural person or ИП (ФЛ): exactly 12 digits. */
export function checkInnPerson(s: string): ValidationResult {
  const v = normalizeInn(s);
  if (v === '') return fail(EMPTY);
  if (!/^\d{12}$/.test(v)) return fail('должен состоять из 12 цифр');
  return innPersonChecksumOk(v) ? ok(v) : fail(BAD_CHECKSUM);
}

// ---------------------------------------------------------------------------
// ОГРН / ОГРНИП
// ---------------------------------------------------------------------------

/** Strips spaces and dashes from an ОГРН or ОГРНИП. */
export function normalizeOgrn(s: string): string {
  return stripSeparators(s);
}

/** Check digit: (body as an integer mod `modulus`) mod 10, exact via BigInt. */
function ogrnCheckDigit(body: string, modulus: bigint): number {
  return Number((BigInt(body) % modulus) % 10n);
}

function checkRegistrationNumber(
  s: string,
  length: number,
  modulus: bigint,
  firstDigits: string,
  firstDigitsError: string,
): ValidationResult {
  const v = normalizeOgrn(s);
  if (v === '') return fail(EMPTY);
  if (!/^\d+$/.test(v) || v.length !== length) return fail(`должен состоять из ${length} цифр`);
  if (!firstDigits.includes(v[0])) return fail(firstDigitsError);
  const check = ogrnCheckDigit(v.slice(0, length - 1), modulus);
  return check === Number(v[length - 1]) ? ok(v) : fail(BAD_CHECKSUM);
}

/** ОГРН of a legal entity: 13 digits, starts with 1 or 5, check = (first 12 mod 11) mod 10. */
export function checkOgrn(s: string): ValidationResult {
  return checkRegistrationNumber(s, 13, 11n, '15', 'должен начинаться с цифры 1 или 5');
}

/** ОГРНИП of an individual entrepreneur: 15 digits, starts with 3, check = (first 14 mod 13) mod 10. */
export function checkOgrnip(s: string): ValidationResult {
  return checkRegistrationNumber(s, 15, 13n, '3', 'должен начинаться с цифры 3');
}

// ---------------------------------------------------------------------------
// СНИЛС
// ---------------------------------------------------------------------------

/** Strips spaces and dashes from a СНИЛС: «123-456-789 01» → «12345678901». */
export function normalizeSnils(s: string): string {
  return stripSeparators(s);
}

/** Formats 11 digits of a СНИЛС as «123-456-789 01». */
export function formatSnils(digits: string): string {
  const v = normalizeSnils(digits);
  if (!/^\d{11}$/.test(v)) return digits;
  return `${v.slice(0, 3)}-${v.slice(3, 6)}-${v.slice(6, 9)} ${v.slice(9)}`;
}

/** Numbers up to and including 001-001-998 carry no checked control number. */
const SNILS_UNCHECKED_MAX = 1001998;

/**
 * Control number of a СНИЛС from its first 9 digits: Σ digit × (9..1);
 * < 100 → the sum; 100 or 101 → 00; > 101 → sum mod 101, again 100 → 00.
 */
export function snilsControlNumber(first9: string): string {
  const d = digitsOf(first9);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += d[i] * (9 - i);
  let control = sum;
  if (control > 101) control %= 101;
  if (control === 100 || control === 101) control = 0;
  return String(control).padStart(2, '0');
}

/** СНИЛС: 11 digits, «123-456-789 01» or plain; returns plain 11 digits. */
export function checkSnils(s: string): ValidationResult {
  const v = normalizeSnils(s);
  if (v === '') return fail(EMPTY);
  if (!/^\d+$/.test(v)) return fail(NOT_DIGITS);
  if (v.length !== 11) return fail('должен состоять из 11 цифр');
  const number = Number(v.slice(0, 9));
  if (number <= SNILS_UNCHECKED_MAX) return ok(v);
  return snilsControlNumber(v.slice(0, 9)) === v.slice(9) ? ok(v) : fail(BAD_CHECKSUM);
}

// ---------------------------------------------------------------------------
// КПП
// ---------------------------------------------------------------------------

/** Strips spaces and dashes from a КПП and upper-cases its letters. */
export function normalizeKpp(s: string): string {
  return stripSeparators(s).toUpperCase();
}

/** КПП: 9 characters — 4 digits, 2 of [0-9A-Z] (причина постановки), 3 digits. */
export function checkKpp(s: string): ValidationResult {
  const v = normalizeKpp(s);
  if (v === '') return fail(EMPTY);
  if (v.length !== 9) return fail('должен состоять из 9 знаков');
  if (!/^\d{4}[0-9A-Z]{2}\d{3}$/.test(v)) {
    return fail('должен иметь вид ННННППННН: 4 цифры, 2 цифры или латинские буквы, 3 цифры');
  }
  return ok(v);
}

// ---------------------------------------------------------------------------
// Телефон
// ---------------------------------------------------------------------------

/**
 * A Russian phone number as people write it — «+7 (495) 123-45-67»,
 * «8 916 123 45 67», «84951234567», «9161234567» — normalized to +7XXXXXXXXXX.
 * The ten national digits begin with 3, 4, 8 (area and free-call codes) or 9
 * (mobile). Anything but digits, spaces, brackets, dashes, dots and one
 * leading plus is refused.
 */
export function checkPhone(s: string): ValidationResult {
  const t = s.trim();
  if (t === '') return fail(EMPTY);
  if (!/^\+?[\d\s()\u00A0.\-\u2010-\u2015]+$/.test(t)) return fail('допускаются только цифры, пробелы, скобки, дефисы и знак + в начале');
  const digits = t.replace(/\D/g, '');
  let national: string;
  if (digits.length === 11 && (digits[0] === '7' || (digits[0] === '8' && !t.startsWith('+')))) national = digits.slice(1);
  else if (digits.length === 10 && !t.startsWith('+')) national = digits;
  else return fail('укажите российский номер из 10 цифр после +7, например +7 495 123-45-67');
  if (!/^[3489]/.test(national)) return fail('российский номер после +7 начинается с 3, 4, 8 или 9');
  return ok(`+7${national}`);
}

// ---------------------------------------------------------------------------
// Кадастровый номер
// ---------------------------------------------------------------------------

/** Strips whitespace from a cadastral number (colons are kept). */
export function normalizeCadastralNumber(s: string): string {
  return s.replace(/[\s\u00A0\u202F]/g, '');
}

/** Кадастровый номер Росреестра «77:01:0001001:1234» — округ:район:квартал:номер. */
export function checkCadastralNumber(s: string): ValidationResult {
  const v = normalizeCadastralNumber(s);
  if (v === '') return fail(EMPTY);
  if (!/^\d{2}:\d{2}:\d{6,7}:\d+$/.test(v)) {
    return fail('должен иметь вид АА:ВВ:ССССССС:КК (например, 77:01:0001001:1234)');
  }
  return ok(v);
}

// ---------------------------------------------------------------------------
// Госномер ТС (ГОСТ Р 50577-2018, тип 1)
// ---------------------------------------------------------------------------

/** The 12 Cyrillic letters allowed on Russian plates. */
export const PLATE_LETTERS = 'АВЕКМНОРСТУХ';

/** Latin look-alikes users type instead of the Cyrillic letters. */
const LATIN_TWINS: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', Y: 'У', X: 'Х',
};

/**
 * Normalizes a plate as typed: removes spaces and dashes, upper-cases,
 * replaces Latin look-alikes with their Cyrillic twins. Does not validate.
 */
export function normalizePlate(s: string): string {
  return Array.from(stripSeparators(s).toUpperCase(), (c) => LATIN_TWINS[c] ?? c).join('');
}

/**
 * Regular plate (ГОСТ Р 50577, тип 1): letter, 3 digits, 2 letters,
 * region of 2 or 3 digits — «А123ВС77», «А123ВС777». Only this format is
 * accepted: other types (trailers, taxis, transit) are not supported.
 */
export function checkPlate(s: string): ValidationResult {
  const v = normalizePlate(s);
  if (v === '') return fail(EMPTY);
  for (const c of v) {
    if (/[0-9]/.test(c) || PLATE_LETTERS.includes(c)) continue;
    if (/\p{L}/u.test(c)) return fail(`буква «${c}» недопустима в госномере`);
    return fail(`символ «${c}» недопустим в госномере`);
  }
  const letter = `[${PLATE_LETTERS}]`;
  const m = new RegExp(`^(${letter})(\\d{3})(${letter}{2})(\\d{2,3})$`).exec(v);
  if (!m) return fail('должен иметь вид А123ВС77 или А123ВС777');
  const [, , number, , region] = m;
  if (number === '000') return fail('номер 000 не выдаётся');
  if (/^0+$/.test(region)) return fail(`код региона ${region} недопустим`);
  if (region.length === 3 && region[0] === '0') return fail(`код региона ${region} недопустим`);
  return ok(v);
}

// ---------------------------------------------------------------------------
// Deterministic generators of valid numbers (demo data, tests)
// ---------------------------------------------------------------------------

/**
 * `width` digits derived from `seed` by an affine map modulo 10^width, which
 * is a bijection: different seeds (below 10^width) give different digits.
 */
function seedDigits(seed: number, width: number): string {
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
  const mod = 10n ** BigInt(width);
  const s = ((BigInt(seed) % mod) + mod) % mod;
  return ((s * 7919n + 1234567n) % mod).toString().padStart(width, '0');
}

/** A valid 10-digit ИНН of a Moscow legal entity (prefix 77). */
export function makeValidInnLegal(seed: number): string {
  const body = '77' + seedDigits(seed, 7);
  return body + innCheckDigit(digitsOf(body), INN10_WEIGHTS);
}

/** A valid 12-digit ИНН of a person registered in Moscow (prefix 77). */
export function makeValidInnPerson(seed: number): string {
  const body = '77' + seedDigits(seed, 8);
  const d11 = innCheckDigit(digitsOf(body), INN12_WEIGHTS_11);
  const withD11 = body + d11;
  return withD11 + innCheckDigit(digitsOf(withD11), INN12_WEIGHTS_12);
}

/** A valid 13-digit ОГРН: sign 1, year 02, region 77, 7 seeded digits. */
export function makeValidOgrn(seed: number): string {
  const body = '10277' + seedDigits(seed, 7);
  return body + ogrnCheckDigit(body, 11n);
}

/** A valid 15-digit ОГРНИП: sign 3, year 04, region 77, 9 seeded digits. */
export function makeValidOgrnip(seed: number): string {
  const body = '30477' + seedDigits(seed, 9);
  return body + ogrnCheckDigit(body, 13n);
}

/** A valid СНИЛС (plain 11 digits) above 001-001-998, so its checksum is checked. */
export function makeValidSnils(seed: number): string {
  const body = String(1 + (Number(seedDigits(seed, 1)) % 9)) + seedDigits(seed, 8);
  return body + snilsControlNumber(body);
}
