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

export { checkPasswordPolicy } from '../../domain/password.js';
