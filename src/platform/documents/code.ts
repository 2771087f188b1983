/**
 * The verification code printed on every document: 15 characters of
 * Crockford's base32 (digits and Latin capitals without I, L, O, U), i.e.
 * 75 random bits — not guessable, short enough to type from paper — printed
 * in three groups of five: «7KQ2M-9XW4T-HB3RZ».
 *
 * Reading is forgiving the way paper needs: case, spaces and dashes do not
 * matter; O reads as 0, I and L as 1; Cyrillic look-alikes typed by mistake
 * (А, В, Е, К, М, Н, Р, С, Т, Х, О) read as the Latin letters they look like.
 */
import { randomBytes } from 'node:crypto';

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 15;

/** A new random code (75 bits from the system's CSPRNG). */
export function newDocumentCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let out = '';
  // 32 divides 256: `byte % 32` is uniform.
  for (const b of bytes) out += CODE_ALPHABET[b % 32];
  return out;
}

/** «XXXXX-XXXXX-XXXXX». */
export function formatDocumentCode(code: string): string {
  return code.match(/.{1,5}/g)!.join('-');
}

const LOOKALIKE: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', Р: 'P', С: 'C', Т: 'T', Х: 'X', О: '0', O: '0', I: '1', L: '1', З: '3',
};

/** The code as typed (any case, groups, look-alikes) → canonical, or null when it cannot be one. */
export function normalizeDocumentCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const s = input
    .toUpperCase()
    .replace(/[\s\u00a0\-\u2010-\u2015_.]/g, '')
    .replace(/[АВЕКМНРСТХОOILЗ]/g, (c) => LOOKALIKE[c] ?? c);
  if (s.length !== CODE_LENGTH) return null;
  for (const c of s) if (!CODE_ALPHABET.includes(c)) return null;
  return s;
}
