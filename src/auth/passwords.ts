// argon2id through @node-rs/argon2: prebuilt binaries, no install script to approve.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

// Argon2id (the library's Algorithm.Argon2id = 2; a const enum, so spelled out here).
const OPTIONS = { algorithm: 2 as const };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed hash never signs anyone in
  }
}

// Verified against when the e-mail is unknown, so that an unknown address takes as long to refuse
// as a wrong password and response times do not reveal which addresses have accounts.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('mot-de-passe-leurre-jamais-utilise');
  return decoy;
}
