// Partners (companies), the people who sign in, and the sessions they hold.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('companies', (t) => {
    t.increments('id');
    t.string('name', 120).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  await db.schema.createTable('users', (t) => {
    t.increments('id');
    t.integer('company_id').notNullable().references('id').inTable('companies').onDelete('RESTRICT');
    // Stored lower-cased, so that the unique index is case-insensitive on every database.
    t.string('email', 254).notNullable().unique();
    t.string('password_hash', 200).notNullable();
    t.string('role', 10).notNullable().defaultTo('partner').checkIn(['partner', 'staff']);
    t.integer('failed_sign_ins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['company_id']);
  });
  // The layout connect-session-knex expects (sid, sess, expired), created here so it has a down.
  await db.schema.createTable('sessions', (t) => {
    t.string('sid', 255).primary();
    t.json('sess').notNullable();
    t.timestamp('expired', { useTz: true }).notNullable().index();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('sessions');
  await db.schema.dropTable('users');
  await db.schema.dropTable('companies');
}
