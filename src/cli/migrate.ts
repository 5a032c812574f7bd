// npm run db:migrate / db:rollback
import { readConfig } from '../config';
import { migrateToLatest, openDatabase, rollback } from '../db/connect';
import { migrationSource } from '../../migrations';

async function main(): Promise<void> {
  const action = process.argv[2];
  const db = openDatabase(readConfig().databaseUrl);
  try {
    if (action === 'latest') await migrateToLatest(db);
    else if (action === 'rollback') await rollback(db, process.argv.includes('--all'));
    else throw new Error('Usage : migrate.js latest|rollback [--all]');
    const current = await db.migrate.currentVersion({ migrationSource });
    console.log(`Base de données à la version ${current}.`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
