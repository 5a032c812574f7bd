// Indexes on `clients` that no read needs, dropped: each one is paid on every insert (see
// docs/BENCHMARKS-indexes.md, measured by bench/indexes.ts). (company_id, siren) served only the
// same-SIREN warning, which now seeks (company_id, sort_siren, id) from 20261128190000_index_client_list
// instead: sort_siren is the SIREN's digits, so equal to siren wherever siren is set.
// Plain CREATE and DROP INDEX: knex's SQLite alterTable would rebuild `clients` and drop its triggers.
import type { Knex } from 'knex';

/** Each index as the migration that made it created it, so that down puts it back exactly. */
const DROPPED: Record<string, string> = {
  clients_company_id_siren_index:
    'create index clients_company_id_siren_index on clients (company_id, siren)',
};

export async function up(db: Knex): Promise<void> {
  for (const name of Object.keys(DROPPED)) await db.raw(`drop index ${name}`);
}

export async function down(db: Knex): Promise<void> {
  for (const sql of Object.values(DROPPED)) await db.raw(sql);
}
