// The app under load, as `npm start` runs it in production: createApp on a fresh migrated database
// (SQLite in a temporary folder, or BENCH_DATABASE_URL: an empty PostgreSQL database), its request
// log at info level written to /dev/null. run.ts asks it for accounts between rounds.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { DEFAULT_SORT, FIRST_ORDER, listHref } from '../src/clients/list/query';
import { readConfig } from '../src/config';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { DEMO_PASSWORD } from '../src/demo-accounts';
import { services as buildServices } from '../src/services';
import { warmUp } from '../src/warm-up';
import { createLogger } from '../src/web/request-logging';
import { runTarget, serve } from './protocol';

runTarget(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'myopenip-bench-'));
  const config = readConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: process.env.BENCH_DATABASE_URL || `sqlite:${path.join(dir, 'bench.sqlite')}`,
    // As behind a TLS load balancer: the client sends X-Forwarded-Proto: https, so the Secure
    // session cookie of production is set and sent back.
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  });
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const services = buildServices(db, config);
  const logger = createLogger(config.logLevel);
  warmUp(logger);

  await serve(
    { app: http.createServer(createApp({ config, logger, services })) },
    {
      /** Accounts in one company (created when new), all with the demo password. */
      createUsers: async (company: string, emails: string[], role: 'partner' | 'staff') => {
        for (const email of emails) {
          // A database kept from an earlier run (BENCH_DATABASE_URL) has them already.
          if (await services.users.findByEmail(email)) continue;
          await services.signIn.createUser({ company, email, password: DEMO_PASSWORD, role });
        }
      },
      /** Where run.ts's `npm run db:seed` writes (in a process of its own, so that its memory is not the app's). */
      databaseUrl: async () => config.databaseUrl,
      /** How many customers the database holds already (BENCH_DATABASE_URL may be filled). */
      /** How many customers the company of this user holds. */
      customersOf: async (email: string) => {
        const user = await services.users.findByEmail(email);
        if (!user) return 0;
        return Number(
          (await db('clients').where('company_id', user.companyId).count({ n: '*' }).first())?.n ?? 0,
        );
      },
      customers: async () => Number((await db('clients').count({ n: '*' }).first())?.n ?? 0),
      /** The URL of staff's list (default sort) starting after the `offset`-th customer. */
      deepPage: async (offset: number) => {
        // The harness reads the row directly: no page of the app lists the n-th customer.
        const row = await db('clients')
          .orderBy([
            { column: 'updated_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .offset(offset)
          .first('id', 'updated_at');
        if (!row) throw new Error(`moins de ${offset} clients`);
        const at = row.updated_at instanceof Date ? row.updated_at.toISOString() : String(row.updated_at);
        const query = { q: '', sort: DEFAULT_SORT, order: FIRST_ORDER[DEFAULT_SORT] };
        return listHref(query, { after: { values: [at], id: Number(row.id) } });
      },
    },
    async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  );
});
