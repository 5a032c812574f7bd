// Bulk writes for `npm run db:seed`: partners with one user each, then customers in large batches.
//
// At a million customers the cost is in binding parameters, not in the database: multi-row INSERTs,
// a column that holds one value for a whole chunk written once as a literal, the history derived in
// SQL from the rows just written, and each driver used directly (knex would re-parse each
// 30,000-parameter statement). On both engines the customers' own indexes and triggers are set
// aside during the load and rebuilt after: the seed writes the sort keys itself, and one sort
// builds an index far faster than a million inserts into it (PostgreSQL took 467 s for a million
// with them, five times SQLite).
import type { Database, Statement } from 'sqlite3';
import { clientOf, insertedId, isSqlite, type Db } from '../db/connect';
import type { SeedBatch, SeedPartner, TableRows } from './customers';

// Below SQLite's 32,766 bound parameters per statement (and PostgreSQL's 65,535).
const MAX_PARAMETERS = 30_000;

type Value = TableRows['values'][number];
/** Runs a statement whose parameters are written `param(1)`, `param(2)`… */
type Run = (sql: string, bindings: Value[]) => Promise<void>;
type Param = (n: number) => string;
/** What knex's PostgreSQL pool lends: a node-postgres client. */
type PgConnection = { query(sql: string, values: unknown[]): Promise<unknown> };

/** A value written into the statement itself: only numbers, booleans and quoted strings. */
function literal(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (!Number.isFinite(value)) throw new Error(`valeur non littérale : ${value}`);
  return String(value);
}

async function insertRows(run: Run, param: Param, table: string, { columns, values }: TableRows) {
  const width = columns.length;
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values `;
  const perStatement = Math.floor(MAX_PARAMETERS / width);
  for (let start = 0; start < values.length; start += perStatement * width) {
    const end = Math.min(values.length, start + perStatement * width);
    const varies = columns.map((_, c) => {
      for (let k = start + width + c; k < end; k += width) if (values[k] !== values[start + c]) return true;
      return false;
    });
    const fixed = columns.map((_, c) => (varies[c] ? '' : literal(values[start + c]!)));
    const bindings: Value[] = [];
    const tuples: string[] = [];
    for (let k = start; k < end; k += width) {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) {
        if (!varies[c]) cells.push(fixed[c]!);
        else cells.push(param(bindings.push(values[k + c]!)));
      }
      tuples.push(`(${cells.join(',')})`);
    }
    await run(head + tuples.join(','), bindings);
  }
}

// The history each seeded customer's dates imply: created, activated, deactivated, last changed.
const events = (p: Param) => `insert into client_events (client_id, user_id, action, step, at)
  select id, created_by, 'created', 1, created_at from clients where id between ${p(1)} and ${p(2)}
  union all select id, created_by, 'activated', null, activated_at from clients
    where id between ${p(1)} and ${p(2)} and activated_at is not null
  union all select id, created_by, 'deactivated', null, updated_at from clients
    where id between ${p(1)} and ${p(2)} and state = 'inactive'
  union all select id, created_by, 'updated', case when state = 'draft' then reached_step else 1 + id % 4 end,
    updated_at from clients where id between ${p(1)} and ${p(2)} and state <> 'inactive'
    and updated_at > coalesce(activated_at, created_at)`;

async function writeBatch(run: Run, param: Param, batch: SeedBatch) {
  for (const [table, rows] of Object.entries(batch.tables)) await insertRows(run, param, table, rows);
  await run(events(param), [batch.firstId, batch.lastId]);
}

// SQLite's numbered parameters (?1) and PostgreSQL's ($1): a statement reuses one value twice.
const sqliteParam: Param = (n) => `?${n}`;
const pgParam: Param = (n) => `$${n}`;

const REBUILD_COUNTS = `insert into client_counts (company_id, state, n)
  select company_id, state, count(*) from clients group by company_id, state`;

/** The SQLite driver's connection, with each distinct statement prepared once. */
function sqliteRun(conn: Database): { run: Run; finalize(): void } {
  const prepared = new Map<string, Statement>();
  const run: Run = (sql, bindings) =>
    new Promise((resolve, reject) => {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = conn.prepare(sql)));
      statement.run(bindings, (err) => (err ? reject(err) : resolve()));
    });
  return { run, finalize: () => prepared.forEach((s) => s.finalize()) };
}

export function seedRepository(db: Db) {
  return {
    /** The partner companies, created with their user when new; references continue after the last. */
    async partners(
      companies: { name: string; email: string }[],
      passwordHash: string,
    ): Promise<SeedPartner[]> {
      const at = new Date().toISOString();
      const partners: SeedPartner[] = [];
      for (const { name, email } of companies) {
        let company = await db('companies').where({ name }).first('id');
        if (!company) [company] = await db('companies').insert({ name, created_at: at }).returning('id');
        const companyId = insertedId(company);
        let user = await db('users').where({ email }).first('id');
        if (!user) {
          [user] = await db('users')
            .insert({
              company_id: companyId,
              email,
              password_hash: passwordHash,
              role: 'partner',
              created_at: at,
            })
            .returning('id');
        }
        const last = await db('clients')
          .where('company_id', companyId)
          .andWhere('reference', 'like', 'CLI-______')
          .max({ reference: 'reference' })
          .first();
        const lastNumber = Number(String(last?.reference ?? 'CLI-000000').slice(4)) || 0;
        partners.push({ companyId, userId: insertedId(user), nextReference: lastNumber + 1 });
      }
      return partners;
    },

    async nextClientId(): Promise<number> {
      const row = await db('clients').max({ id: 'id' }).first();
      return Number(row?.id ?? 0) + 1;
    },

    /**
     * Runs a bulk load: `load` gets the function that writes one batch, each in one transaction.
     * SQLite builds an index far faster in one sort than row by row, so the customers' indexes and
     * triggers (search, sort keys, counters) are dropped first and rebuilt after, even when the load
     * fails; the other tables' indexes start with client_id, which only grows, and stay. PostgreSQL
     * keeps everything; its id sequence is moved past the ids given.
     */
    async bulkLoad(
      load: (write: (batch: SeedBatch) => Promise<void>) => Promise<void>,
      onStage: (stage: string) => void,
    ): Promise<void> {
      if (!isSqlite(db)) return bulkLoadPostgres(db, load, onStage);
      // One pooled connection: these pragmas hold for the whole load. The rows are consistent by
      // construction, so checking their foreign keys one by one is a tenth of the time for nothing.
      await db.raw('pragma foreign_keys = off');
      await db.raw('pragma synchronous = off');
      await db.raw('pragma cache_size = -4000000');
      await db.raw('pragma temp_store = memory');
      const dropped: { type: string; name: string; sql: string }[] = await db('sqlite_master')
        .whereIn('type', ['index', 'trigger'])
        .where('tbl_name', 'clients')
        .whereNotNull('sql')
        .select('type', 'name', 'sql');
      for (const o of dropped) await db.raw(`drop ${o.type} "${o.name}"`);
      try {
        const conn = (await clientOf(db).acquireConnection()) as Database;
        const driver = sqliteRun(conn);
        try {
          await load(async (batch) => {
            await driver.run('begin', []);
            try {
              await writeBatch(driver.run, sqliteParam, batch);
              await driver.run('commit', []);
            } catch (err) {
              await driver.run('rollback', []);
              throw err;
            }
          });
        } finally {
          driver.finalize();
          await clientOf(db).releaseConnection(conn);
        }
      } finally {
        onStage('index');
        for (const o of dropped.filter((x) => x.type === 'index')) await db.raw(o.sql);
        for (const o of dropped.filter((x) => x.type === 'trigger')) await db.raw(o.sql);
        await db('client_counts').delete();
        await db.raw(REBUILD_COUNTS);
        onStage('index de recherche');
        await db.raw(`insert into clients_search(clients_search) values ('rebuild')`);
        onStage('statistiques');
        // Sampled statistics: enough for the planner, seconds instead of a minute.
        await db.raw('pragma analysis_limit = 1000');
        await db.raw('analyze');
        await db.raw('pragma synchronous = normal');
        await db.raw('pragma foreign_keys = on');
        await db.raw('pragma cache_size = -2000');
      }
    },
  };
}

/**
 * PostgreSQL: the customers' indexes other than constraints are dropped and their triggers (sort
 * keys, counters) disabled for the load, on one connection, then rebuilt; the id sequence is moved
 * past the ids given.
 */
async function bulkLoadPostgres(
  db: Db,
  load: (write: (batch: SeedBatch) => Promise<void>) => Promise<void>,
  onStage: (stage: string) => void,
): Promise<void> {
  const { rows: dropped } = await db.raw<{ rows: { indexname: string; indexdef: string }[] }>(
    `select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename = 'clients' and indexname not in
      (select conname from pg_constraint where conrelid = 'clients'::regclass)`,
  );
  const conn = (await clientOf(db).acquireConnection()) as PgConnection;
  const run: Run = async (sql, bindings) => void (await conn.query(sql, bindings));
  try {
    for (const index of dropped) await run(`drop index "${index.indexname}"`, []);
    await run('alter table clients disable trigger user', []);
    try {
      await load(async (batch) => {
        await run('begin', []);
        try {
          await writeBatch(run, pgParam, batch);
          await run('commit', []);
        } catch (err) {
          await run('rollback', []);
          throw err;
        }
      });
    } finally {
      onStage('index');
      await run('alter table clients enable trigger user', []);
      await run(`set maintenance_work_mem = '256MB'`, []);
      for (const index of dropped) await run(index.indexdef, []);
      await run('reset maintenance_work_mem', []);
      await run('delete from client_counts', []);
      await run(REBUILD_COUNTS, []);
      await run(`select setval(pg_get_serial_sequence('clients', 'id'), (select max(id) from clients))`, []);
    }
  } finally {
    await clientOf(db).releaseConnection(conn);
  }
  onStage('statistiques');
  await db.raw('analyze');
}

export type SeedRepository = ReturnType<typeof seedRepository>;
