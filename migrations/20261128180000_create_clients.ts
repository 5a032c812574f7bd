// Customers ("clients finals") and what they are made of: the main site, the default billing point,
// the administrator, and the history of who did what.
//
// A draft keeps what was typed in `answers` (JSON, one object per step, invalid values included);
// the typed columns hold only values that passed their field's validation.
import type { Knex } from 'knex';

function addressColumns(t: Knex.CreateTableBuilder): void {
  t.string('street_number', 10);
  t.string('street', 120);
  t.string('building', 30);
  t.string('floor', 30);
  t.string('door', 30);
  t.string('staircase', 30);
  t.string('complement', 120);
  t.string('country', 2);
  t.string('postal_code', 20);
  t.string('city', 120);
  t.string('city_insee', 5);
}

function timestamps(t: Knex.CreateTableBuilder): void {
  t.timestamp('created_at', { useTz: true }).notNullable();
  t.timestamp('updated_at', { useTz: true }).notNullable();
}

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('clients', (t) => {
    t.increments('id');
    t.integer('company_id').notNullable().references('id').inTable('companies').onDelete('RESTRICT');
    t.string('state', 10).notNullable().defaultTo('draft').checkIn(['draft', 'active', 'inactive']);
    t.integer('version').notNullable().defaultTo(1);
    t.integer('reached_step').notNullable().defaultTo(1);
    t.text('answers').notNullable().defaultTo('{}');
    // Step 1 — Informations générales
    t.string('raison_sociale', 120);
    t.string('reference', 50);
    t.boolean('en_creation');
    t.string('siren', 9);
    t.string('legal_form', 10);
    t.text('comment');
    t.string('website', 300);
    t.string('universe', 20);
    t.string('guarantee_type', 20);
    t.bigInteger('deposit_cents');
    t.string('email_commercial', 254);
    t.string('email_sales_admin', 254);
    t.string('email_admin', 254);
    // Kept here for the list: the main site's commune, and one folded string to search in.
    t.string('main_city', 120);
    t.text('search_text');
    t.integer('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.integer('updated_by').references('id').inTable('users').onDelete('SET NULL');
    timestamps(t);
    t.timestamp('activated_at', { useTz: true });
    // Unique per partner, drafts included; NULLs (not yet validated) never collide.
    t.unique(['company_id', 'reference']);
    t.index(['company_id', 'state', 'updated_at', 'id']);
    t.index(['company_id', 'siren']);
  });

  await db.schema.createTable('sites', (t) => {
    t.increments('id');
    t.integer('client_id').notNullable().references('id').inTable('clients').onDelete('CASCADE');
    t.boolean('is_main').notNullable().defaultTo(true);
    t.string('siret', 14);
    t.string('phone', 20);
    t.string('fax', 20);
    t.string('email', 254);
    t.text('comment');
    addressColumns(t);
    t.string('opening_hours', 200);
    timestamps(t);
    t.index(['client_id']);
  });

  await db.schema.createTable('billing_points', (t) => {
    t.increments('id');
    t.integer('client_id').notNullable().references('id').inTable('clients').onDelete('CASCADE');
    t.boolean('is_default').notNullable().defaultTo(true);
    t.string('account_holder', 120);
    t.string('billing_email', 254);
    t.string('payment_method', 20);
    t.string('iban', 34);
    t.string('bic', 11);
    t.string('payment_terms', 20);
    t.string('vat_regime', 20);
    t.boolean('paper_invoice');
    addressColumns(t);
    timestamps(t);
    t.index(['client_id']);
  });

  await db.schema.createTable('contacts', (t) => {
    t.increments('id');
    t.integer('client_id').notNullable().references('id').inTable('clients').onDelete('CASCADE');
    t.string('role', 20).notNullable().defaultTo('administrator');
    t.string('civility', 10);
    t.string('last_name', 80);
    t.string('first_name', 80);
    t.string('phone', 20);
    t.string('mobile', 20);
    t.string('fax', 20);
    t.string('email', 254);
    t.text('functions');
    timestamps(t);
    t.index(['client_id']);
  });

  await db.schema.createTable('client_events', (t) => {
    t.increments('id');
    t.integer('client_id').notNullable().references('id').inTable('clients').onDelete('CASCADE');
    t.integer('user_id').references('id').inTable('users').onDelete('SET NULL');
    t.string('action', 20).notNullable();
    t.integer('step');
    t.timestamp('at', { useTz: true }).notNullable();
    t.index(['client_id', 'at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('client_events');
  await db.schema.dropTable('contacts');
  await db.schema.dropTable('billing_points');
  await db.schema.dropTable('sites');
  await db.schema.dropTable('clients');
}
