// The few statements every signed-in request runs (its session with its user, the suggested
// reference), prepared once per pooled connection and run straight on the driver.
//
// Why: through knex, each run of even a constant `db.raw` text is parsed and planned again by
// SQLite (node-sqlite3 prepares a new statement per call) and costs knex's runner on top: about
// 150 µs a statement on one core of this machine, against about 50 µs for a statement prepared once
// (docs/BENCHMARKS.md). The connection still comes from knex's pool, so the pool's size, its
// acquire timeout, transactions holding the connection and PostgreSQL's statement_timeout all
// apply as they do to every other statement; knex's `query` and `query-error` events are emitted as
// for its own statements, so what listens to them (the scrubbing of bound values from errors, a
// test counting statements) sees these too.
import { isSqlite, type Db } from './connect';

/** One statement's text for each engine, with `?` placeholders on SQLite and `$1…` on PostgreSQL. */
export type StatementText = { sqlite: string; postgres: string };

export type PreparedStatement<Row> = (params: unknown[]) => Promise<Row[]>;

type SqliteStatement = {
  all(params: unknown[], callback: (err: Error | null, rows: unknown[]) => void): void;
};
type SqliteConnection = {
  prepare(sql: string, callback: (err: Error | null) => void): SqliteStatement;
};
/** The part of knex's client (typed any by knex) that lends and takes back pooled connections. */
type ConnectionPool = {
  acquireConnection(): Promise<unknown>;
  releaseConnection(conn: unknown): Promise<void>;
};
type PgConnection = {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
};

// A connection's prepared statements live as long as it does (a closed connection is forgotten).
const preparedOn = new WeakMap<object, Map<string, SqliteStatement>>();

/** The connection's statement for this text, prepared on first use; one that fails is not kept. */
async function sqliteStatement(conn: SqliteConnection, text: string): Promise<SqliteStatement> {
  let statements = preparedOn.get(conn);
  if (!statements) preparedOn.set(conn, (statements = new Map<string, SqliteStatement>()));
  const known = statements.get(text);
  if (known) return known;
  // With a callback, node-sqlite3 reports a failed prepare to it rather than as an `error` event
  // nobody listens to (which would end the process and leave the connection taken).
  const statement = await new Promise<SqliteStatement>((resolve, reject) => {
    const prepared = conn.prepare(text, (err) => (err ? reject(err) : resolve(prepared)));
  });
  statements.set(text, statement);
  return statement;
}

let names = 0;

export function prepareStatement<Row>(db: Db, text: StatementText): PreparedStatement<Row> {
  const sqlite = isSqlite(db);
  // node-postgres prepares a named statement once per connection and reuses it by name.
  const name = `myopenip_${++names}`;
  const sql = sqlite ? text.sqlite : text.postgres;
  return async (params) => {
    const query = { method: 'raw', sql, bindings: params, options: {} };
    db.emit('query', query);
    const pool = db.client as ConnectionPool;
    const conn = (await pool.acquireConnection()) as SqliteConnection & PgConnection;
    try {
      if (sqlite) {
        const statement = await sqliteStatement(conn, text.sqlite);
        return await new Promise<Row[]>((resolve, reject) =>
          statement.all(params, (err, rows) => (err ? reject(err) : resolve(rows as Row[]))),
        );
      }
      return (await conn.query({ name, text: text.postgres, values: params })).rows as Row[];
    } catch (err) {
      db.emit('query-error', err, query);
      throw err;
    } finally {
      await pool.releaseConnection(conn);
    }
  };
}
