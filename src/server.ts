// Entry point: config → database → migrations → demo accounts → createApp → listen.
// SIGTERM/SIGINT: stop accepting, finish the requests in flight, close the database, exit.
import { createApp } from './app';
import { ConfigError, readConfig } from './config';
import { migrateToLatest, openDatabase } from './db/connect';
import { createDemoAccountsIfEmpty, DEMO_PASSWORD } from './demo-accounts';
import { deleteExpiredSessions } from './auth/session';
import { services as buildServices } from './services';
import { createLogger } from './web/request-logging';
import { warmUp } from './warm-up';

const SESSION_CLEANUP_MS = 15 * 60_000;
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const services = buildServices(db);
  const created = await createDemoAccountsIfEmpty(services, config.production);
  for (const account of created) {
    logger.info(`Compte de démonstration créé : ${account.email} / ${DEMO_PASSWORD} (${account.company})`);
  }
  warmUp(logger);

  const app = createApp({ config, logger, services });
  const server = app.listen(config.port, () => {
    logger.info(`MyOpenIP — Mes clients : http://localhost:${config.port}`);
  });
  const cleanup = setInterval(() => {
    deleteExpiredSessions(db).catch((err) => logger.error({ err }, 'nettoyage des sessions'));
  }, SESSION_CLEANUP_MS);
  cleanup.unref();

  const shutdown = (signal: string) => {
    logger.info(`${signal} reçu : fin des requêtes en cours, puis arrêt.`);
    clearInterval(cleanup);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      db.destroy().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
