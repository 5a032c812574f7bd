// Wires repositories into services by hand: data access → services → createApp(services).
import { signInService } from './auth/sign-in-service';
import { usersRepository } from './auth/users-repository';
import type { Db } from './db/connect';

export function services(db: Db) {
  const users = usersRepository(db);
  return {
    db,
    users,
    signIn: signInService(users),
  };
}

export type Services = ReturnType<typeof services>;
