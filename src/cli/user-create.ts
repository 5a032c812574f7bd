// npm run user:create -- --company "Nom" --email a@b.fr --password '…' [--role staff]
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/connect';
import { services } from '../services';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      company: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', default: 'partner' },
    },
  });
  if (!values.company || !values.email || !values.password) {
    throw new Error(
      'Usage : npm run user:create -- --company "Nom" --email a@b.fr --password "…" [--role staff]',
    );
  }
  if (values.role !== 'partner' && values.role !== 'staff') {
    throw new Error('--role vaut « partner » (par défaut) ou « staff ».');
  }
  const db = openDatabase(readConfig().databaseUrl);
  try {
    await migrateToLatest(db);
    await services(db).signIn.createUser({
      company: values.company,
      email: values.email,
      password: values.password,
      role: values.role,
    });
    console.log(`Compte créé : ${values.email} (${values.company}, ${values.role}).`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
