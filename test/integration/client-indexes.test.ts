// The indexes on `clients` that 20261203060000_drop_unused_client_indexes dropped, and the read that
// used one: the same-SIREN warning still seeks an index (EXPLAIN on the engine under test), still
// finds exactly the partner's other customers with that SIREN, and the migration goes down and up.
import { migrationSource } from '../../migrations';
import { clientsRepository } from '../../src/clients/repository';
import { isSqlite } from '../../src/db/connect';
import { selected } from '../../src/db/rows';
import { seedBatch, type SeedPartner } from '../../src/seed/customers';
import { seedRepository } from '../../src/seed/repository';
import { randomSource } from '../../src/seed/values';
import { migratedDatabase, type MigratedDatabase } from '../support/databases';

const MIGRATION = '20261203060000_drop_unused_client_indexes';
const SIREN = '732829320';

let fresh: MigratedDatabase;
let partners: SeedPartner[];
beforeAll(async () => {
  fresh = await migratedDatabase();
  const seed = seedRepository(fresh.db);
  partners = await seed.partners(
    [
      { name: 'Télécom Ouest', email: 'ouest@test.fr' },
      { name: 'Réseau Est', email: 'est@test.fr' },
    ],
    'inutilisé',
  );
  const batch = seedBatch(randomSource(7), partners, await seed.nextClientId(), 3000, Date.now());
  await seed.bulkLoad(
    (write) => write(batch),
    () => {},
  );
});
afterAll(() => fresh.close());

/** The statements a call sends, as the engine plans them: one line per plan node. */
async function plansOf(call: () => Promise<unknown>): Promise<string[]> {
  const db = fresh.db;
  const statements: { sql: string; bindings: unknown[] }[] = [];
  const listen = (q: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
  db.on('query', listen);
  try {
    await call();
  } finally {
    db.removeListener('query', listen);
  }
  const lines: string[] = [];
  for (const { sql, bindings } of statements) {
    // SQLite's numbered ?1 and PostgreSQL's $1 both become knex's positional ?.
    const text = sql.replace(/\?\d+|\$\d+/g, '?');
    const numbered = [...sql.matchAll(/\?(\d+)|\$(\d+)/g)].map((m) => bindings[Number(m[1] ?? m[2]) - 1]);
    const values = (numbered.length ? numbered : bindings) as (string | number)[];
    if (isSqlite(db)) {
      const rows = await db.raw<{ detail: string }[]>(`explain query plan ${text}`, values);
      lines.push(...rows.map((r) => r.detail));
    } else {
      const result = await db.raw<{ rows: { 'QUERY PLAN': string }[] }>(`explain ${text}`, values);
      lines.push(...result.rows.map((r) => r['QUERY PLAN']));
    }
  }
  return lines;
}

async function clientIndexes(): Promise<string[]> {
  const db = fresh.db;
  if (isSqlite(db)) {
    const rows = await selected<{ name: string }>(
      db('sqlite_master').where({ type: 'index', tbl_name: 'clients' }).select('name'),
    );
    return rows.map((r) => r.name);
  }
  const result = await db.raw<{ rows: { indexname: string }[] }>(
    `select indexname from pg_indexes where schemaname = current_schema() and tablename = 'clients'`,
  );
  return result.rows.map((r) => r.indexname);
}

/** Three customers of the first partner with SIREN, a draft of it with none, one of the other partner. */
async function twins(): Promise<number[]> {
  const db = fresh.db;
  const [first, second] = partners;
  const ids = await db('clients').where('company_id', first!.companyId).orderBy('id').limit(4).pluck('id');
  await db('clients').whereIn('id', ids.slice(0, 3)).update({ siren: SIREN, sort_siren: SIREN });
  // A draft whose answer is not a SIREN yet: its digits are in sort_siren, its siren column empty.
  await db('clients').where('id', ids[3]).update({ siren: null, sort_siren: SIREN });
  const elsewhere = await db('clients').where('company_id', second!.companyId).first('id');
  await db('clients').where('id', elsewhere!.id).update({ siren: SIREN, sort_siren: SIREN });
  return ids.slice(0, 3).map(Number);
}

it('warns of the same SIREN by a seek on sort_siren, finding only real twins', async () => {
  const ids = await twins();
  const clients = clientsRepository(fresh.db);
  const companyId = partners[0]!.companyId;
  // Sorted: the query has no order, and its index is (company_id, sort_siren, id) anyway.
  const found = async (except?: number) =>
    (await clients.sameSiren(companyId, SIREN, except)).map((t) => t.id).sort((a, b) => a - b);
  expect(await found()).toEqual(ids);
  expect(await found(ids[0])).toEqual(ids.slice(1));

  const plan = (await plansOf(() => clients.sameSiren(companyId, SIREN, ids[0]))).join('\n');
  // A seek on sort_siren: the partner's (company_id, sort_siren, id), or the planner's pick on a
  // small table, (sort_siren, id) then the partner checked: either reads only that SIREN's rows.
  expect(plan).toMatch(/\bclients_(company_)?siren_idx\b/);
  expect(plan).not.toMatch(/^SCAN clients$|Seq Scan/m);
});

it('puts the dropped indexes back with its down, and drops them again with its up', async () => {
  const db = fresh.db;
  const before = (await clientIndexes()).sort();
  expect(before).not.toContain('clients_company_id_siren_index');
  await db.migrate.down({ migrationSource, name: MIGRATION });
  expect((await clientIndexes()).sort()).toEqual([...before, 'clients_company_id_siren_index'].sort());
  await db.migrate.up({ migrationSource, name: MIGRATION });
  expect((await clientIndexes()).sort()).toEqual(before);
  const clients = clientsRepository(fresh.db);
  expect(await clients.sameSiren(partners[0]!.companyId, SIREN)).toHaveLength(3);
});
