// The demo accounts of SPEC §4, created on an empty database outside production only.
import type { Role } from './auth/users-repository';
import type { Services } from './services';

export const DEMO_PASSWORD = 'demo-demo-demo';

export const DEMO_ACCOUNTS: readonly { email: string; company: string; role: Role }[] = [
  { email: 'demo@myopenip.test', company: 'Démo Télécom', role: 'partner' },
  { email: 'autre@myopenip.test', company: 'Autre Réseau', role: 'partner' },
  { email: 'staff@myopenip.test', company: 'OpenIP', role: 'staff' },
];

/** Returns the accounts it created: none unless the database has no user at all. */
export async function createDemoAccountsIfEmpty(services: Services, production: boolean) {
  if (production || (await services.users.countUsers()) > 0) return [];
  for (const account of DEMO_ACCOUNTS) {
    await services.signIn.createUser({ ...account, password: DEMO_PASSWORD });
  }
  return DEMO_ACCOUNTS;
}
