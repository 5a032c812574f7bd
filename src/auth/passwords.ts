// argon2id through @node-rs/argon2: prebuilt binaries, no install script to approve.
import { hash, verify, Algorithm } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

const OPTIONS = { algorithm: Algorithm.Argon2id } as const;

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
