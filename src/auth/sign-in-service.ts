// Sign-in rules: one answer for every failure, and a lock after repeated failures, held in the
// database so that it holds across app instances.
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
import type { Role, User, UsersRepository } from './users-repository';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type SignInResult = { ok: true; user: User } | { ok: false };

export function signInService(users: UsersRepository, now: () => Date = () => new Date()) {
  return {
    async signIn(email: string, password: string): Promise<SignInResult> {
      const user = await users.findByEmail(email);
      if (!user) {
        await verifyPassword(await decoyHash(), password);
        return { ok: false };
      }
      const at = now();
      const lockUntil = new Date(at.getTime() + LOCK_MINUTES * 60_000);
      if (!(await users.claimAttempt(user.id, MAX_FAILED_SIGN_INS, at, lockUntil))) {
        // Locked: the password is not checked at all, but the refusal takes as long as a check.
        await verifyPassword(await decoyHash(), password);
        return { ok: false };
      }
      if (!(await verifyPassword(user.passwordHash, password))) return { ok: false };
      await users.recordSuccess(user.id);
      return { ok: true, user };
    },

    async createUser(input: { company: string; email: string; password: string; role: Role }) {
      if (input.password.length < MIN_PASSWORD_LENGTH) {
        throw new Error(`Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`);
      }
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) {
        throw new Error(`Adresse e-mail invalide : « ${input.email} ».`);
      }
      if (await users.findByEmail(input.email)) {
        throw new Error(`Un compte existe déjà pour ${input.email}.`);
      }
      const companyId = await users.companyIdFor(input.company.trim());
      return users.insertUser({
        companyId,
        email: input.email,
        passwordHash: await hashPassword(input.password),
        role: input.role,
      });
    },
  };
}

export type SignInService = ReturnType<typeof signInService>;
