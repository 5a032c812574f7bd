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
      const locked = user.lockedUntil !== null && user.lockedUntil > now();
      // The password is checked even while locked, so that a locked account answers as slowly as
      // any other; a right password does not unlock it.
      const passwordMatches = await verifyPassword(user.passwordHash, password);
      if (locked) return { ok: false };
      if (!passwordMatches) {
        const lockUntil = new Date(now().getTime() + LOCK_MINUTES * 60_000);
        await users.recordFailure(user.id, MAX_FAILED_SIGN_INS, lockUntil);
        return { ok: false };
      }
      if (user.failedSignIns > 0 || user.lockedUntil) await users.recordSuccess(user.id);
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
