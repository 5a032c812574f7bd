// The list's sort keys come from the app (listKeysOf in src/clients/fields/derived.ts), no longer
// from triggers folding in SQL: the triggers' folding differed by engine (SQLite's lower() knows
// ASCII only, PostgreSQL's every letter) and from the seed's, so « Boulangerie␣␣Martin »,
// « Saint–Avertin » or « Łódź Café » sorted differently by engine and by who wrote the row.
// On PostgreSQL the keys also compare byte by byte (collation "C"), as SQLite compares them: a
// locale's collation would skip spaces and punctuation, and the order would again differ by engine.
import type { Knex } from 'knex';
import { listKeysOf } from '../src/clients/fields/derived';
import type { AllAnswers } from '../src/clients/fields/types';
import { createSortTriggers } from './20261128190000_index_client_list';

// knex types its client any: only its config is read.
const isSqlite = (db: Knex) => (db.client as { config: Knex.Config }).config.client === 'sqlite3';
const SORT_COLUMNS = ['sort_name', 'sort_reference', 'sort_siren', 'sort_city'];
const BATCH = 1000;

/** Every existing customer's keys and search text, recomputed from its answers, in id order. */
async function rewriteKeys(db: Knex) {
  let last = 0;
  for (;;) {
    const rows: { id: number; answers: string }[] = await db('clients')
      .where('id', '>', last)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'answers');
    if (rows.length === 0) return;
    await db.transaction(async (trx) => {
      for (const row of rows) {
        const answers = JSON.parse(row.answers || '{}') as AllAnswers;
        await trx('clients').where('id', row.id).update(listKeysOf(answers));
      }
    });
    last = rows[rows.length - 1]!.id;
  }
}

async function collate(db: Knex, collation: '"C"' | '"default"') {
  for (const column of SORT_COLUMNS) {
    await db.raw(`alter table clients alter column ${column} type text collate ${collation}`);
  }
}

export async function up(db: Knex): Promise<void> {
  if (isSqlite(db)) {
    await db.raw('drop trigger clients_sort_insert');
    await db.raw('drop trigger clients_sort_update');
  } else {
    await db.raw('drop trigger clients_sort_keys on clients');
    await db.raw('drop function clients_sort_keys');
    await collate(db, '"C"');
  }
  await rewriteKeys(db);
}

export async function down(db: Knex): Promise<void> {
  const sqlite = isSqlite(db);
  if (!sqlite) await collate(db, '"default"');
  await createSortTriggers(db, sqlite);
}
