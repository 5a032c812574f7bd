// One knex factory for both databases. SQLite is the embedded default; PostgreSQL is for scale-out.
// Nothing connects here: knex opens connections lazily on the first query.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import knex, { Knex } from 'knex';
import { migrationSource } from '../../migrations';
import { maskQuoted, scrubQueryError } from './errors';
// The tables' row types, declared to knex.
export type * from './tables';

export type Db = Knex;

export type DatabaseOptions = {
  /** PostgreSQL connections per instance (SQLite always uses one: it has one writer at a time). */
  poolSize?: number;
  /**
   * The longest a statement may run or wait for a lock, in ms (0: no limit). PostgreSQL's
   * statement_timeout; on SQLite, how long a write waits for another process's write lock.
   * The server sets it; CLI tasks (migrations, seeding a million rows) run without it.
   */
  statementTimeoutMs?: number;
  /** Where knex's own warnings go (a broken pooled connection, say) instead of the console. */
  log?: { warn(msg: string): void; error(msg: string): void };
};

export const DEFAULT_POOL_SIZE = 10;
/** Without a limit a dead network holds a request until TCP gives up (minutes). */
const CONNECT_TIMEOUT_MS = 5_000;
/** How long a request waits for a free pooled connection before it gets the 503 page. */
const ACQUIRE_TIMEOUT_MS = 10_000;
const SQLITE_DEFAULT_BUSY_MS = 5_000;

export function openDatabase(databaseUrl: string, options: DatabaseOptions = {}): Db {
  const db = databaseUrl.startsWith('sqlite:')
    ? openSqlite(databaseUrl.slice('sqlite:'.length), options)
    : /^postgres(ql)?:\/\//.test(databaseUrl)
      ? openPostgres(databaseUrl, options)
      : undefined;
  if (!db) {
    throw new Error(`DATABASE_URL non pris en charge : « ${databaseUrl} » (sqlite:CHEMIN ou postgres://…)`);
  }
  db.on('query-error', scrubQueryError);
  return db;
}

function knexLog(log: DatabaseOptions['log']): Knex.Config['log'] {
  if (!log) return undefined;
  const line = (message: unknown) => maskQuoted(String(message instanceof Error ? message.message : message));
  return {
    warn: (m) => log.warn(line(m)),
    error: (m) => log.error(line(m)),
    deprecate: (method, alternative) => log.warn(`knex : ${method} est obsolète, utiliser ${alternative}`),
    debug: () => undefined,
  };
}

function openPostgres(
  url: string,
  { poolSize = DEFAULT_POOL_SIZE, statementTimeoutMs = 0, log }: DatabaseOptions,
): Db {
  const timeouts = statementTimeoutMs
    ? // The server cancels a long statement; the client-side limit, a little later, ends a statement
      // whose connection went silent (a network cut sends no reset).
      { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + CONNECT_TIMEOUT_MS }
    : {};
  return knex({
    client: 'pg',
    connection: {
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      ...timeouts,
    },
    pool: { min: 0, max: poolSize },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
    compileSqlOnError: false,
    log: knexLog(log),
  });
}

function openSqlite(filename: string, { statementTimeoutMs, log }: DatabaseOptions): Db {
  if (filename !== ':memory:') mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const busyTimeout = statementTimeoutMs || SQLITE_DEFAULT_BUSY_MS;
  return knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS + busyTimeout,
    compileSqlOnError: false,
    log: knexLog(log),
    // SQLite allows one writer at a time: one pooled connection avoids SQLITE_BUSY between our own
    // connections, and the busy timeout covers other processes (the CLI, a second instance).
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) {
        conn.exec(
          `PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${busyTimeout}; PRAGMA synchronous = NORMAL;`,
          (err) => done(err, conn),
        );
      },
    },
  });
}

type SqliteConnection = { exec(sql: string, cb: (err: Error | null) => void): void };

/** The members of knex's client (which knex types any) that we use, typed once. */
type KnexClient = {
  config: Knex.Config;
  /** A connection of the driver's own (a sqlite3 Database, a pg Client), taken from the pool. */
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
};

export const clientOf = (db: Db): KnexClient => db.client as KnexClient;

export function isSqlite(db: Db): boolean {
  return clientOf(db).config.client === 'sqlite3';
}

export async function migrateToLatest(db: Db): Promise<void> {
  await db.migrate.latest({ migrationSource });
}

export async function rollback(db: Db, all = false): Promise<void> {
  await db.migrate.rollback({ migrationSource }, all);
}

/** The id of an inserted row from `.returning('id')`: a row object on PostgreSQL, a bare value on SQLite. */
export function insertedId(returned: unknown): number {
  return Number(
    typeof returned === 'object' && returned !== null ? (returned as { id: unknown }).id : returned,
  );
}

/** The database's address as a log line may show it: no password. */
export function describeDatabase(databaseUrl: string): string {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) return databaseUrl;
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    url.search = '';
    return url.toString();
  } catch {
    return 'postgres://(adresse illisible)';
  }
}

/** True when the database answers a trivial query: what /healthz reports. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  }
}
