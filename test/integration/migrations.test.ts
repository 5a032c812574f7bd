// The migrations on a real database: each down undoes its up, and the list's sort keys moved from
// SQL triggers to the app without leaving a row sorted the old way.
import type { Knex } from 'knex';
import { migrationSource } from '../../migrations';
import { isSqlite, migrateToLatest, openDatabase, rollback } from '../../src/db/connect';
import { freshDatabase, FreshDatabase } from '../support/databases';
import { selected } from '../../src/db/rows';

let fresh: FreshDatabase;
let db: Knex;
beforeEach(async () => {
  fresh = await freshDatabase();
  db = openDatabase(fresh.url);
});
afterEach(async () => {
  await db.destroy();
  await fresh.drop();
});

async function tables(): Promise<string[]> {
  const rows = isSqlite(db)
    ? await selected<{ name: string }>(
        db('sqlite_master').whereIn('type', ['table', 'trigger']).select('name'),
      )
    : (
        await db.raw<{ rows: { name: string }[] }>(
          `select table_name as name from information_schema.tables where table_schema = 'public'
           union all select trigger_name from information_schema.triggers where trigger_schema = 'public'`,
        )
      ).rows;
  return rows
    .map((r) => r.name)
    .filter((name) => !/^(knex_|sqlite_)/.test(name))
    .sort();
}

async function upTo(name: string) {
  for (const migration of await migrationSource.getMigrations([])) {
    if (migration > name) return;
    await db.migrate.up({ migrationSource, name: migration });
  }
}

it('undoes every migration with its down, so that the database can be built again', async () => {
  await migrateToLatest(db);
  expect(await tables()).toEqual(expect.arrayContaining(['clients', 'companies', 'sessions', 'users']));
  await rollback(db, true);
  expect(await tables()).toEqual([]);
  await migrateToLatest(db);
  expect(await tables()).toEqual(expect.arrayContaining(['clients', 'client_counts']));
});

it('recomputes the sort keys the SQL triggers folded, and writes none from then on', async () => {
  await upTo('20261128190000_index_client_list');
  const [company] = await db('companies')
    .insert({ name: 'Partenaire', created_at: new Date().toISOString() })
    .returning('id');
  const at = new Date().toISOString();
  const answers = { 1: { raisonSociale: 'Łódź  Café', reference: 'CLI-000001' } };
  await db('clients').insert({
    company_id: typeof company === 'object' ? company.id : company,
    raison_sociale: 'Łódź  Café',
    reference: 'CLI-000001',
    answers: JSON.stringify(answers),
    created_at: at,
    updated_at: at,
  });
  const sortName = async () => (await db('clients').first('sort_name'))!.sort_name;
  // Folded in SQL: the capital « Ł » kept (SQLite) or lowered (PostgreSQL), the two spaces kept.
  expect(await sortName()).not.toBe('lodz cafe');

  await db.migrate.up({ migrationSource, name: '20261202050000_sort_keys_from_the_app' });
  expect(await sortName()).toBe('lodz cafe');
  await db('clients').update({ raison_sociale: 'Zénith' });
  expect(await sortName()).toBe('lodz cafe'); // the app writes the keys now, not a trigger

  await db.migrate.down({ migrationSource, name: '20261202050000_sort_keys_from_the_app' });
  await db('clients').update({ raison_sociale: 'Zénith Conseil' });
  expect(await sortName()).toBe('zenith conseil'); // the triggers are back
});
