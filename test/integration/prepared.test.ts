// The hot statements prepared once per connection (src/db/prepared.ts), on the engine under test.
import { isSqlite, type Db } from '../../src/db/connect';
import { describeError } from '../../src/db/errors';
import { prepareStatement } from '../../src/db/prepared';
import { migratedDatabase, type MigratedDatabase } from '../support/databases';

const company = (name: string) => ({ name, created_at: new Date().toISOString() });

let fresh: MigratedDatabase;
let db: Db;

beforeAll(async () => {
  fresh = await migratedDatabase();
  db = fresh.db;
  await db('companies').insert([company('Alpha'), company('Béta')]);
});
afterAll(() => fresh.close());

const byName = {
  sqlite: 'select id from companies where name = ?',
  postgres: 'select id from companies where name = $1',
};

it('answers with the rows for each run’s parameters, the statement reused', async () => {
  const find = prepareStatement<{ id: number }>(db, byName);
  const [alpha] = await find(['Alpha']);
  const [beta] = await find(['Béta']);
  expect(Number(alpha!.id)).not.toBe(Number(beta!.id));
  expect(await find(['Gamma'])).toEqual([]);
});

it('runs as knex’s own statements do: a `query` event each, and in turn with a transaction', async () => {
  const find = prepareStatement<{ id: number }>(db, byName);
  const seen: string[] = [];
  const listen = (q: { sql: string }) => seen.push(q.sql);
  db.on('query', listen);
  try {
    // The prepared statement waits for the pooled connection the transaction holds (one on SQLite).
    await db.transaction(async (trx) => {
      await trx('companies').insert(company('Gamma'));
    });
    expect(await find(['Gamma'])).toHaveLength(1);
  } finally {
    db.off('query', listen);
  }
  expect(seen.filter((sql) => sql === (isSqlite(db) ? byName.sqlite : byName.postgres))).toHaveLength(1);
});

it('rejects a failing statement with an error that carries no bound value, and frees its connection', async () => {
  const broken = prepareStatement(db, {
    sqlite: "select id from companies where id = ? and missing_column = 'secret-valeur'",
    postgres: "select id from companies where id = $1 and missing_column = 'secret-valeur'",
  });
  const err = await broken([1]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeDefined();
  expect(JSON.stringify(describeError(err))).not.toContain('secret-valeur');
  // The connection went back to the pool: the next statement runs.
  expect(await prepareStatement(db, byName)(['Alpha'])).toHaveLength(1);
});
