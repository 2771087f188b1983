/**
 * Passwords: Argon2id (memory-hard). Cost: 19 MiB, 2 passes, 1 lane — the
 * OWASP minimum for Argon2id; see the identity benchmark for its time here.
 */
import { hash, verify } from '@node-rs/argon2';

export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 /* Argon2id */ } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Same work as a real check, so timing does not tell whether the login exists.
    await hash(password, ARGON2_OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Seed 003: at least 8 characters, upper- and lower-case Latin letters and digits. */
export function checkPasswordPolicy(password: string): string | null {
  if (password.length < 8) return 'Пароль: не короче 8 символов';
  if (password.length > 200) return 'Пароль: не длиннее 200 символов';
  if (!/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password)) {
    return 'Пароль: должен содержать заглавные и строчные латинские буквы и цифры';
  }
  return null;
}
