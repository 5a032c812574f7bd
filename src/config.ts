// Reads the environment once. Production refuses to start without a real session secret,
// because a guessable secret lets anyone forge a session cookie.
import { randomBytes } from 'node:crypto';

export type Config = {
  port: number;
  databaseUrl: string;
  sessionSecret: string;
  production: boolean;
  logLevel: string;
  trustProxy: boolean | number | string;
  /** PostgreSQL connections per instance: instances × this must stay under max_connections. */
  databasePoolSize: number;
  /** The longest a request's statement may run or wait for a lock, in ms (0: no limit). */
  statementTimeoutMs: number;
  /** From how many rows an import's preview also checks them on a second thread (0: never). */
  importHelperRows: number;
};

export class ConfigError extends Error {}

const MIN_SECRET_LENGTH = 32;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const secret = env.SESSION_SECRET ?? '';
  if (production && secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `SESSION_SECRET doit contenir au moins ${MIN_SECRET_LENGTH} caractères en production ` +
        '(par exemple : openssl rand -hex 32). Démarrage refusé.',
    );
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT invalide : « ${env.PORT} ».`);
  }
  const databasePoolSize = wholeNumber(env, 'DATABASE_POOL_SIZE', 10, 1, 1000);
  const statementTimeoutMs = wholeNumber(env, 'DATABASE_STATEMENT_TIMEOUT', 5000, 0, 3_600_000);
  const importHelperRows = wholeNumber(env, 'IMPORT_HELPER_ROWS', 2000, 0, 1_000_000);
  return {
    port,
    databaseUrl: env.DATABASE_URL || 'sqlite:data/myopenip.sqlite',
    // Outside production a random secret is fine: sessions simply do not survive a restart.
    sessionSecret: secret || randomBytes(32).toString('hex'),
    production,
    logLevel: env.LOG_LEVEL || (production ? 'info' : env.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    databasePoolSize,
    statementTimeoutMs,
    importHelperRows,
  };
}

function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new ConfigError(`${name} invalide : « ${value} » (un nombre entier de ${min} à ${max}).`);
  }
  return n;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // a list of addresses or subnets, as Express accepts it
}
