// The app under load, as `npm start` runs it in production: createApp on a fresh migrated SQLite
// database, with the demo partner to sign in as. Started by run.ts in a process of its own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { migrateToLatest, openDatabase } from '../src/db/connect';
import { services as buildServices } from '../src/services';
import { warmUp } from '../src/warm-up';
import { createLogger } from '../src/web/request-logging';
import { runTarget, serveOverIpc } from './protocol';
import { BENCH_USER } from './scenarios';

runTarget(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'myopenip-bench-'));
  const config = readConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`,
    // As behind a TLS load balancer: the client sends X-Forwarded-Proto: https, so the Secure
    // session cookie of production is set and sent back.
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  });
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const services = buildServices(db);
  await services.signIn.createUser({ ...BENCH_USER });
  const user = await services.users.findByEmail(BENCH_USER.email);
  if (!user) throw new Error('utilisateur de mesure introuvable');
  const logger = createLogger(config.logLevel);
  warmUp(logger);

  await serveOverIpc(http.createServer(createApp({ config, logger, services })), {
    app: { db, services, user },
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});
