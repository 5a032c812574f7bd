// Mes clients at a million rows: sort keys, counts per état, the indexes that match the list's
// filters and sorts, and a substring index for « Rechercher ».
// For later migrations on SQLite: an alteration that makes knex rebuild `clients` (its dropColumn,
// renameColumn or alter) drops the triggers below; use plain ALTER TABLE statements instead.
import type { Knex } from 'knex';

// knex types its client any: only its config is read.
const isSqlite = (db: Knex) => (db.client as { config: Knex.Config }).config.client === 'sqlite3';

// Sort keys are real columns, never NULL, so that keyset paging compares plain values on both
// databases (SQLite sorts NULLs first, PostgreSQL last). Raison sociale and commune are folded
// (lower case, no accents, hyphens and apostrophes as spaces) so that « École » sorts among the e's
// and not after « Zénith »: the same folding as normaliseName in src/domain, which the seed uses.
// They are kept by triggers so that every writer gets them. Not generated columns: SQLite computes
// those on every insert, and this folding costs 15 µs a row, a quarter of a million-row seed.
// Superseded by 20261202050000_sort_keys_from_the_app: this SQL folding was not normaliseName's
// (SQLite's lower() is ASCII only, no en dash, no « Ł »), so the app now writes the keys itself.
const FOLDS: Record<string, string> = {
  a: 'àáâãäåÀÁÂÃÄÅ',
  ae: 'æÆ',
  c: 'çÇ',
  e: 'èéêëÈÉÊË',
  i: 'ìíîïÌÍÎÏ',
  n: 'ñÑ',
  o: 'òóôõöøÒÓÔÕÖØ',
  oe: 'œŒ',
  u: 'ùúûüÙÚÛÜ',
  y: 'ýÿÝŸ',
  ' ': "-'’",
};

function folded(column: string): string {
  // SQLite's lower() only knows ASCII, hence the capitals in the table.
  let sql = `lower(coalesce(${column}, ''))`;
  for (const [to, from] of Object.entries(FOLDS)) {
    for (const ch of from) sql = `replace(${sql}, '${ch.replace(/'/g, "''")}', '${to}')`;
  }
  return `trim(${sql})`;
}

const SORT_KEYS = (row: string): Record<string, string> => ({
  sort_name: folded(`${row}raison_sociale`),
  sort_reference: `lower(coalesce(${row}reference, ''))`,
  sort_siren: `coalesce(${row}siren, '')`,
  sort_city: folded(`${row}main_city`),
});
const SORT_SOURCES = 'raison_sociale, reference, siren, main_city';

// For each sort (then id, which breaks ties): all partners, and one partner. The état sort is
// (state, updated_at, id) below, and (company_id, state, updated_at, id) from the create migration;
// they also serve the état filter with the default sort. The état filter with another sort walks
// the sort's index and skips the other états (each état is a sizeable share of the rows), rather
// than sorting all the rows of that état: four more indexes per sort were not worth their cost.
function indexes(): Record<string, string[]> {
  const all: Record<string, string[]> = { clients_state_updated_idx: ['state', 'updated_at', 'id'] };
  for (const key of ['updated_at', ...Object.keys(SORT_KEYS(''))]) {
    const name = key.replace(/^sort_/, '');
    all[`clients_${name}_idx`] = [key, 'id'];
    all[`clients_company_${name}_idx`] = ['company_id', key, 'id'];
  }
  return all;
}

async function addSortKeys(db: Knex, sqlite: boolean) {
  await db.schema.alterTable('clients', (t) => {
    for (const column of Object.keys(SORT_KEYS(''))) t.text(column).notNullable().defaultTo('');
  });
  await createSortTriggers(db, sqlite);
}

/** The triggers that folded the sort keys in SQL, until 20261202050000_sort_keys_from_the_app. */
export async function createSortTriggers(db: Knex, sqlite: boolean): Promise<void> {
  const keys = Object.entries(SORT_KEYS(sqlite ? 'new.' : 'NEW.'));
  if (sqlite) {
    const set = keys.map(([column, sql]) => `${column} = ${sql}`).join(', ');
    await db.raw(`create trigger clients_sort_insert after insert on clients begin
      update clients set ${set} where id = new.id; end`);
    await db.raw(`create trigger clients_sort_update after update of ${SORT_SOURCES} on clients begin
      update clients set ${set} where id = new.id; end`);
  } else {
    await db.raw(`create function clients_sort_keys() returns trigger language plpgsql as $$ begin
      ${keys.map(([column, sql]) => `NEW.${column} := ${sql};`).join('\n')}
      return NEW; end $$`);
    await db.raw(`create trigger clients_sort_keys before insert or update of ${SORT_SOURCES} on clients
      for each row execute function clients_sort_keys()`);
  }
  const backfill = Object.entries(SORT_KEYS(''));
  await db.raw(`update clients set ${backfill.map(([column, sql]) => `${column} = ${sql}`).join(', ')}`);
}

// Counts per état, kept by triggers: counting a million index entries takes 60 ms on every page
// staff open; adding up a few hundred counters takes nothing.
async function addCounts(db: Knex, sqlite: boolean) {
  await db.schema.createTable('client_counts', (t) => {
    t.integer('company_id').notNullable().references('id').inTable('companies').onDelete('CASCADE');
    t.string('state', 10).notNullable();
    t.integer('n').notNullable();
    t.primary(['company_id', 'state']);
  });
  const add = (
    row: string,
  ) => `insert into client_counts (company_id, state, n) values (${row}.company_id, ${row}.state, 1)
      on conflict (company_id, state) do update set n = client_counts.n + 1;`;
  const remove = (row: string) =>
    `update client_counts set n = n - 1 where company_id = ${row}.company_id and state = ${row}.state;`;
  if (sqlite) {
    await db.raw(`create trigger client_counts_insert after insert on clients begin ${add('new')} end`);
    await db.raw(`create trigger client_counts_delete after delete on clients begin ${remove('old')} end`);
    await db.raw(`create trigger client_counts_update after update of state, company_id on clients begin
      ${remove('old')} ${add('new')} end`);
  } else {
    await db.raw(`create function client_counts_track() returns trigger language plpgsql as $$ begin
      if tg_op in ('UPDATE', 'DELETE') then ${remove('OLD')} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${add('NEW')} end if;
      return null; end $$`);
    await db.raw(`create trigger client_counts_track after insert or delete or update of state, company_id
      on clients for each row execute function client_counts_track()`);
  }
  await db.raw(`insert into client_counts (company_id, state, n)
    select company_id, state, count(*) from clients group by company_id, state`);
}

// « Rechercher » matches search_text (kept folded by the wizard) on substrings. SQLite: an FTS5
// trigram index over it, external content kept by triggers; `detail=full` so that a phrase query
// checks positions without reading the rows back. PostgreSQL: pg_trgm, which serves LIKE '%…%'.
async function addSearch(db: Knex, sqlite: boolean) {
  if (!sqlite) {
    // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    await db.raw('create extension if not exists pg_trgm');
    await db.raw('create index clients_search_trgm_idx on clients using gin (search_text gin_trgm_ops)');
    return;
  }
  await db.raw(
    `create virtual table clients_search using fts5(search_text, content='clients', content_rowid='id', tokenize='trigram')`,
  );
  const remove = `insert into clients_search(clients_search, rowid, search_text) values ('delete', old.id, old.search_text);`;
  const add = `insert into clients_search(rowid, search_text) values (new.id, new.search_text);`;
  await db.raw(`create trigger clients_search_insert after insert on clients begin ${add} end`);
  await db.raw(`create trigger clients_search_delete after delete on clients begin ${remove} end`);
  await db.raw(`create trigger clients_search_update after update of search_text on clients begin
    ${remove} ${add} end`);
  await db.raw(`insert into clients_search(clients_search) values ('rebuild')`);
}

export async function up(db: Knex): Promise<void> {
  const sqlite = isSqlite(db);
  await addSortKeys(db, sqlite);
  await addCounts(db, sqlite);
  for (const [name, columns] of Object.entries(indexes())) {
    await db.schema.alterTable('clients', (t) => t.index(columns, name));
  }
  await addSearch(db, sqlite);
}

export async function down(db: Knex): Promise<void> {
  const sqlite = isSqlite(db);
  if (sqlite) {
    for (const name of ['insert', 'delete', 'update']) {
      await db.raw(`drop trigger clients_search_${name}`);
      await db.raw(`drop trigger client_counts_${name}`);
    }
    await db.raw('drop trigger clients_sort_insert');
    await db.raw('drop trigger clients_sort_update');
    await db.raw('drop table clients_search');
  } else {
    await db.raw('drop index clients_search_trgm_idx');
    await db.raw('drop trigger client_counts_track on clients');
    await db.raw('drop function client_counts_track');
    await db.raw('drop trigger clients_sort_keys on clients');
    await db.raw('drop function clients_sort_keys');
  }
  await db.schema.dropTable('client_counts');
  for (const name of Object.keys(indexes())) await db.raw(`drop index ${name}`);
  // Plain SQL: knex's SQLite dropColumn rebuilds the whole table; SQLite ≥ 3.35 drops in place.
  for (const column of Object.keys(SORT_KEYS(''))) await db.raw(`alter table clients drop column ${column}`);
}
