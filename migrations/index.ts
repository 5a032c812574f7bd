// The migrations, listed explicitly so that knex finds the same set from TypeScript sources
// (tests, tsx) and from the compiled JavaScript (npm start), whatever the file extension.
import type { Knex } from 'knex';
import * as createAccounts from './20261128170000_create_accounts';
import * as createClients from './20261128180000_create_clients';
import * as indexClientList from './20261128190000_index_client_list';
import * as createImports from './20261202040000_create_imports';
import * as indexClientReferenceBytes from './20261202040000_index_client_reference_bytes';
import * as sortKeysFromTheApp from './20261202050000_sort_keys_from_the_app';
import * as dropUnusedClientIndexes from './20261203060000_drop_unused_client_indexes';

type Migration = { up(db: Knex): Promise<void>; down(db: Knex): Promise<void> };

const migrations: Record<string, Migration> = {
  '20261128170000_create_accounts': createAccounts,
  '20261128180000_create_clients': createClients,
  '20261128190000_index_client_list': indexClientList,
  '20261202040000_create_imports': createImports,
  '20261202040000_index_client_reference_bytes': indexClientReferenceBytes,
  '20261202050000_sort_keys_from_the_app': sortKeysFromTheApp,
  '20261203060000_drop_unused_client_indexes': dropUnusedClientIndexes,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Migration inconnue : ${name}`);
    return migration;
  },
};
