// « Importer des clients »: an uploaded file waits here between its preview and its confirmation
// (any instance can show the one and run the other), its customers remember which import made them
// (Mes clients filters on it), and a history entry can name the file it came from.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('imports', (t) => {
    t.increments('id');
    t.integer('company_id').notNullable().references('id').inTable('companies').onDelete('CASCADE');
    t.integer('user_id').references('id').inTable('users').onDelete('SET NULL');
    t.string('file_name', 255).notNullable();
    t.string('status', 10).notNullable().checkIn(['mapping', 'preview', 'importing', 'done']);
    // The file's header row, and for each of its columns the field it feeds (JSON).
    t.text('headers').notNullable();
    t.text('mapping').notNullable();
    // Counts and the first problems (JSON), then what the confirmation created.
    t.text('preview');
    t.text('result');
    // Rows already written by the confirmation: a confirmation cut short resumes after them.
    t.integer('progress').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['company_id', 'created_at']);
    t.index(['status', 'created_at']);
  });
  // One row of the file each: as read (before the columns are matched), then as it will be written.
  await db.schema.createTable('import_rows', (t) => {
    t.integer('import_id').notNullable().references('id').inTable('imports').onDelete('CASCADE');
    t.integer('line').notNullable();
    t.text('payload').notNullable();
    t.primary(['import_id', 'line']);
  });
  // Plain ALTER TABLE: knex's SQLite alterTable would rebuild `clients` and drop its triggers
  // (see 20261128190000_index_client_list).
  await db.raw('alter table clients add column import_id integer references imports (id) on delete set null');
  await db.raw('create index clients_import_idx on clients (import_id, state)');
  await db.raw('alter table client_events add column detail varchar(255)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('alter table client_events drop column detail');
  await db.raw('drop index clients_import_idx');
  await db.raw('alter table clients drop column import_id');
  await db.schema.dropTable('import_rows');
  await db.schema.dropTable('imports');
}
