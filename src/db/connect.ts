// One knex factory for both databases. SQLite is the embedded default; PostgreSQL is for scale-out.
// Nothing connects here: knex opens connections lazily on the first query.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import knex, { Knex } from 'knex';
import { migrationSource } from '../../migrations';

export type Db = Knex;

export function openDatabase(databaseUrl: string): Db {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 10 } });
  }
  throw new Error(`DATABASE_URL non pris en charge : « ${databaseUrl} » (sqlite:CHEMIN ou postgres://…)`);
}

function openSqlite(filename: string): Db {
  if (filename !== ':memory:') mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  return knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    // SQLite allows one writer at a time: one pooled connection avoids SQLITE_BUSY between our own
    // connections, and the busy timeout covers other processes (the CLI, a second instance).
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) {
        conn.exec(
          'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;',
          (err) => done(err, conn),
        );
      },
    },
  });
}

type SqliteConnection = { exec(sql: string, cb: (err: Error | null) => void): void };

export function isSqlite(db: Db): boolean {
  return db.client.config.client === 'sqlite3';
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

/** True when the database answers a trivial query: what /healthz reports. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  }
}
