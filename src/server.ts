// Entry point: config → database → migrations → demo accounts → createApp → listen.
// SIGTERM/SIGINT: stop accepting, finish the requests in flight, close the database, exit.
import type { Logger } from 'pino';
import { createApp } from './app';
import { ConfigError, readConfig, type Config } from './config';
import { describeDatabase, migrateToLatest, openDatabase, type Db } from './db/connect';
import { isDatabaseUnavailable, reasonInFrench } from './db/errors';
import { createDemoAccountsIfEmpty, DEMO_PASSWORD } from './demo-accounts';
import { deleteExpiredSessions } from './auth/session';
import { services as buildServices } from './services';
import { createLogger } from './web/request-logging';
import { warmUp } from './warm-up';

const SESSION_CLEANUP_MS = 15 * 60_000;
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * A rejected promise nobody handled is a bug, not an outage: it is logged and the server keeps
 * serving. More than this many in a minute means something is broken for every request: the
 * process then exits (status 70) for its supervisor to restart it, rather than limp on.
 */
const UNHANDLED_REJECTIONS_PER_MINUTE = 20;

class StartupError extends Error {}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  guardProcess(logger);
  await prepareDatabase(config);
  const db = openDatabase(config.databaseUrl, {
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    log: {
      warn: (m) => logger.warn(`base de données : ${m}`),
      error: (m) => logger.warn(`base de données : ${m}`),
    },
  });
  const services = buildServices(db, config);
  const created = await createDemoAccountsIfEmpty(services, config.production).catch((err) => {
    throw isDatabaseUnavailable(err) ? new StartupError(unreachable(config, err)) : err;
  });
  for (const account of created) {
    logger.info(`Compte de démonstration créé : ${account.email} / ${DEMO_PASSWORD} (${account.company})`);
  }
  warmUp(logger);

  const app = createApp({ config, logger, services });
  const server = app.listen(config.port, () => {
    logger.info(`MyOpenIP — Mes clients : http://localhost:${config.port}`);
  });
  const cleanup = setInterval(() => cleanExpiredSessions(db, logger), SESSION_CLEANUP_MS);
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

/**
 * Checks that the database answers and migrates it, on a connection of its own without the
 * request's statement timeout (a migration on a million rows takes longer than a page may).
 */
async function prepareDatabase(config: Config): Promise<void> {
  let db: Db;
  try {
    db = openDatabase(config.databaseUrl, { poolSize: 1, log: { warn: () => {}, error: () => {} } });
  } catch (err) {
    throw new StartupError(unreachable(config, err));
  }
  try {
    await db.raw('select 1').catch((err) => {
      throw new StartupError(unreachable(config, err));
    });
    await migrateToLatest(db).catch((err) => {
      throw new StartupError(
        `Migrations impossibles sur ${describeDatabase(config.databaseUrl)} : ${reasonInFrench(err)}. Démarrage interrompu.`,
      );
    });
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

function unreachable(config: Config, err: unknown): string {
  return `Base de données injoignable (${describeDatabase(config.databaseUrl)}) : ${reasonInFrench(err)}. Démarrage interrompu.`;
}

function cleanExpiredSessions(db: Db, logger: Logger): void {
  deleteExpiredSessions(db).then(
    (n) => logger.debug({ deleted: n }, 'sessions expirées supprimées'),
    // The next run tries again: a database down now is no reason to stop serving.
    (err) => logger.warn({ err }, 'nettoyage des sessions expirées impossible pour le moment'),
  );
}

function guardProcess(logger: Logger): void {
  let recent: number[] = [];
  process.on('unhandledRejection', (reason) => {
    const now = Date.now();
    recent = [...recent.filter((t) => now - t < 60_000), now];
    logger.error({ err: reason, lastMinute: recent.length }, 'promesse rejetée non traitée');
    if (recent.length > UNHANDLED_REJECTIONS_PER_MINUTE) {
      logger.fatal(
        `Plus de ${UNHANDLED_REJECTIONS_PER_MINUTE} promesses rejetées non traitées en une minute : arrêt.`,
      );
      process.exit(70);
    }
  });
  // After an exception nobody caught, Node's state is unknown (its documentation says not to
  // resume): log it without its values, and exit for the supervisor to restart a clean process.
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'exception non traitée : arrêt');
    process.exit(70);
  });
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof StartupError) {
    console.error(err.message);
  } else {
    console.error(`Démarrage impossible : ${reasonInFrench(err)}`);
  }
  process.exit(1);
});
