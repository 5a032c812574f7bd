// Builds the real app on a fresh, migrated database for each test file (see databases.ts).
import { createApp } from '../../src/app';
import { readConfig } from '../../src/config';
import { migrateToLatest, openDatabase } from '../../src/db/connect';
import { DEMO_PASSWORD } from '../../src/demo-accounts';
import { services as buildServices } from '../../src/services';
import { createLogger } from '../../src/web/request-logging';
import type { Role } from '../../src/auth/users-repository';
import { freshDatabase } from './databases';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createTestApp(env: NodeJS.ProcessEnv = {}, kind?: 'sqlite' | 'postgres') {
  const fresh = env.DATABASE_URL ? undefined : await freshDatabase(kind);
  // The import's helper thread only where a test asks for it: each test file would start its own.
  const config = readConfig({ NODE_ENV: 'test', DATABASE_URL: fresh?.url, IMPORT_HELPER_ROWS: '0', ...env });
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const services = buildServices(db, config);
  const app = createApp({ config, logger: createLogger('silent'), services });
  let counter = 0;
  return {
    app,
    db,
    services,
    config,
    /** Creates a user in a company of its own unless one is named; password DEMO_PASSWORD. */
    async createUser(opts: { company?: string; role?: Role; email?: string } = {}) {
      counter += 1;
      const email = opts.email ?? `user${counter}-${Date.now()}@exemple.test`;
      const company = opts.company ?? `Partenaire ${counter}`;
      await services.signIn.createUser({
        company,
        email,
        password: DEMO_PASSWORD,
        role: opts.role ?? 'partner',
      });
      return { email, password: DEMO_PASSWORD, company };
    },
    async close() {
      await db.destroy();
      await fresh?.drop();
    },
  };
}
