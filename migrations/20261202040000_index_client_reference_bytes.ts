// The suggested reference (CLI-000124) is one past the partner's highest « CLI-dddddd », found by a
// seek down an index in byte order. SQLite's (company_id, reference) index already is in byte order
// (BINARY); PostgreSQL's follows the database's collation, which may interleave « cli-… » and
// « CLI-… », so it gets a second one in the "C" collation (byte order) for that seek.
import type { Knex } from 'knex';

// knex types its client any: only its config is read.
const isSqlite = (db: Knex) => (db.client as { config: Knex.Config }).config.client === 'sqlite3';

export async function up(db: Knex): Promise<void> {
  if (isSqlite(db)) return;
  await db.raw(
    'create index clients_company_reference_bytes_idx on clients (company_id, reference collate "C")',
  );
}

export async function down(db: Knex): Promise<void> {
  if (isSqlite(db)) return;
  await db.raw('drop index clients_company_reference_bytes_idx');
}
