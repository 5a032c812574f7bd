// What each index and insert trigger on `clients` costs a write, and which reads use it (issue 13).
// On a freshly migrated database holding BENCH_INDEX_CUSTOMERS seeded customers, on SQLite and on
// PostgreSQL: customers are imported through the app's own write path (importCustomers, all four
// tables and the history), with every index, then with one index or trigger set aside; then every
// read Mes clients, the wizard and the import make on `clients` is EXPLAINed, to name the indexes
// it uses. Prints Markdown tables (docs/BENCHMARKS-indexes.md keeps them):
//   npm run build && node dist/bench/indexes.js
// Knobs: BENCH_INDEX_CUSTOMERS (50000), BENCH_INDEX_ROWS (1000 per write), BENCH_INDEX_ROUNDS (5),
// BENCH_INDEX_ENGINES (sqlite,postgres), BENCH_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/test),
// BENCH_INDEX_BEFORE=1 (with the indexes 20261203060000_drop_unused_client_indexes dropped put back).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { migrationSource } from '../migrations';
import { clientListRepository, type ListFilters } from '../src/clients/list/repository';
import { SORTS } from '../src/clients/list/query';
import { importsRepository } from '../src/clients/import/repository';
import { clientsRepository, type ImportedCustomer, type Scope } from '../src/clients/repository';
import type { AllAnswers } from '../src/clients/fields/types';
import type { StepColumns } from '../src/clients/fields/kinds';
import { insertedId, isSqlite, migrateToLatest, openDatabase, type Db } from '../src/db/connect';
import { selected } from '../src/db/rows';
import { partnerNames, seedBatch, seedCustomer, type SeedPartner } from '../src/seed/customers';
import { seedRepository } from '../src/seed/repository';
import { randomSource } from '../src/seed/values';

const CUSTOMERS = Number(process.env.BENCH_INDEX_CUSTOMERS ?? 50_000);
const ROWS = Number(process.env.BENCH_INDEX_ROWS ?? 1000);
const ROUNDS = Number(process.env.BENCH_INDEX_ROUNDS ?? 5);
const ENGINES = (process.env.BENCH_INDEX_ENGINES ?? 'sqlite,postgres').split(',');
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BEFORE = process.env.BENCH_INDEX_BEFORE === '1';
const LAST_DROP = '20261203060000_drop_unused_client_indexes';
const PARTNERS = 10;
const SEED_BATCH = 5000;

type Opened = { db: Db; drop(): Promise<void> };

async function sqliteDatabase(): Promise<Opened> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'myopenip-bench-indexes-'));
  const db = openDatabase(`sqlite:${path.join(dir, 'bench.sqlite')}`);
  return { db, drop: async () => (await db.destroy(), rmSync(dir, { recursive: true, force: true })) };
}

/** A database of our own on the shared server, dropped after (as test/support/databases.ts does). */
async function postgresDatabase(): Promise<Opened> {
  const name = `myopenip_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = () => knex({ client: 'pg', connection: POSTGRES, pool: { min: 0, max: 1 } });
  const create = admin();
  await create.raw(`create database ${name}`).finally(() => create.destroy());
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  // One connection: its backend's CPU time is the database's share of a write (see cpuMicros).
  const db = openDatabase(url.toString(), { poolSize: 1 });
  return {
    db,
    async drop() {
      await db.destroy();
      const dropper = admin();
      await dropper.raw(`drop database if exists ${name} with (force)`).finally(() => dropper.destroy());
    },
  };
}

async function seed(db: Db): Promise<SeedPartner[]> {
  const repository = seedRepository(db);
  const companies = partnerNames(PARTNERS).map((name, i) => ({ name, email: `p${i}@bench.test` }));
  const partners = await repository.partners(companies, 'inutilisé');
  const random = randomSource(1);
  let id = await repository.nextClientId();
  await repository.bulkLoad(
    async (write) => {
      for (let done = 0; done < CUSTOMERS; done += SEED_BATCH) {
        const size = Math.min(SEED_BATCH, CUSTOMERS - done);
        await write(seedBatch(random, partners, id, size, Date.now()));
        id += size;
      }
    },
    () => {},
  );
  return partners;
}

// What the import's checks hand importCustomers: the seed's rows split back into their parts.
const KEPT_APART = new Set(['id', 'company_id', 'state', 'version', 'reached_step', 'answers', 'reference']);
const LIST_KEYS = ['search_text', 'sort_name', 'sort_reference', 'sort_siren', 'sort_city'];
const STAMPS = ['created_by', 'updated_by', 'created_at', 'updated_at', 'activated_at'];

function importedOf(random: ReturnType<typeof randomSource>, partner: SeedPartner): ImportedCustomer {
  const { client, site, billing, contact } = seedCustomer(random, 0, partner, Date.now());
  const pick = (keep: (k: string) => boolean): StepColumns =>
    Object.fromEntries(Object.entries(client).filter(([k]) => keep(k)));
  return {
    state: client.state === 'draft' ? 'draft' : 'active',
    reference: String(client.reference),
    answers: JSON.parse(String(client.answers)) as AllAnswers,
    columns: {
      clients: pick((k) => !KEPT_APART.has(k) && !LIST_KEYS.includes(k) && !STAMPS.includes(k)),
      sites: site ?? {},
      billing_points: billing ?? {},
      contacts: contact ?? {},
    },
    listColumns: pick((k) => LIST_KEYS.includes(k)) as ImportedCustomer['listColumns'],
  };
}

/** An index or trigger set aside for a measure, then put back exactly as it was. */
type Part = {
  name: string;
  kind: 'index' | 'trigger' | 'all';
  /** The indexes and triggers it sets aside: itself, or every one for the sum of them all. */
  covers: string[];
  remove(): Promise<void>;
  restore(): Promise<void>;
};

/** Every part set aside at once: what all of them cost together, measured rather than added up. */
function together(parts: Part[]): Part {
  return {
    name: 'tous ensemble',
    kind: 'all',
    covers: parts.flatMap((p) => p.covers),
    remove: async () => {
      for (const p of parts) await p.remove();
    },
    restore: async () => {
      for (const p of parts) await p.restore();
    },
  };
}

async function partsOf(db: Db): Promise<Part[]> {
  if (isSqlite(db)) {
    // The unique (company_id, reference) is a constraint: the import's ON CONFLICT needs it.
    const rows = await selected<{ type: 'index' | 'trigger'; name: string; sql: string }>(
      db('sqlite_master')
        .where('tbl_name', 'clients')
        .whereNotNull('sql')
        .whereNot('sql', 'like', 'CREATE UNIQUE%')
        .where((q) =>
          q
            .where('type', 'index')
            .orWhere((t) => t.where('type', 'trigger').andWhere('name', 'like', '%insert')),
        )
        .orderBy('name')
        .select('type', 'name', 'sql'),
    );
    return rows.map((r) => ({
      name: r.name,
      kind: r.type,
      covers: [r.name],
      remove: async () => void (await db.raw(`drop ${r.type} "${r.name}"`)),
      restore: async () => void (await db.raw(r.sql)),
    }));
  }
  const { rows } = await db.raw<{ rows: { indexname: string; indexdef: string }[] }>(
    `select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename = 'clients' and indexname not in
      (select conname from pg_constraint where conrelid = 'clients'::regclass) order by indexname`,
  );
  const indexes: Part[] = rows.map((r) => ({
    name: r.indexname,
    kind: 'index',
    covers: [r.indexname],
    remove: async () => void (await db.raw(`drop index "${r.indexname}"`)),
    restore: async () => void (await db.raw(r.indexdef)),
  }));
  const trigger = 'client_counts_track';
  return indexes.concat({
    name: trigger,
    kind: 'trigger',
    covers: [trigger],
    remove: async () => void (await db.raw(`alter table clients disable trigger ${trigger}`)),
    restore: async () => void (await db.raw(`alter table clients enable trigger ${trigger}`)),
  });
}

const REBUILD_COUNTS = `insert into client_counts (company_id, state, n)
  select company_id, state, count(*) from clients group by company_id, state`;

/**
 * CPU time spent so far, in µs: this process's (SQLite's threads included) and, on PostgreSQL, its
 * one backend's (the server runs on this machine). On a shared machine the wall clock also counts
 * the time other sessions held the cores; the CPU time counts only the work.
 */
async function cpuClock(db: Db): Promise<() => number> {
  const own = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  if (isSqlite(db)) return own;
  const { rows } = await db.raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid');
  const schedstat = `/proc/${rows[0]!.pid}/schedstat`;
  return () => own() + Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e3;
}

type Measure = { wall: number; cpu: number };

/** Times one import of ROWS customers for a partner; then removes them, outside the timing. */
function writer(db: Db, partners: SeedPartner[], lastSeeded: number) {
  const clients = clientsRepository(db);
  const sqlite = isSqlite(db);
  const random = randomSource(2);
  let turn = 0;
  return async function write(without?: Part): Promise<Measure> {
    const partner = partners[turn++ % partners.length]!;
    const customers = Array.from({ length: ROWS }, () => importedOf(random, partner));
    const at = new Date().toISOString();
    const [row] = await db('imports')
      .insert({
        company_id: partner.companyId,
        user_id: partner.userId,
        file_name: 'mesure.csv',
        status: 'importing',
        headers: '[]',
        mapping: '[]',
        created_at: at,
        updated_at: at,
      })
      .returning('id');
    const importId = insertedId(row);
    const aside = without?.covers ?? [];
    const gin = !sqlite && !aside.includes('clients_search_trgm_idx');
    const cpu = await cpuClock(db);
    const [start, startCpu] = [process.hrtime.bigint(), cpu()];
    const input = { companyId: partner.companyId, userId: partner.userId, importId, fileName: 'mesure.csv' };
    await clients.importCustomers(input, customers, async () => {});
    // GIN defers its entries to a pending list: the cost is the inserts', paid later by whoever
    // flushes it (autovacuum, or an insert that fills it). Counted here, with the rows that caused it.
    if (gin) await db.raw(`select gin_clean_pending_list('clients_search_trgm_idx')`);
    const measure = {
      wall: Number(process.hrtime.bigint() - start) / 1e3 / ROWS,
      cpu: (cpu() - startCpu) / ROWS,
    };
    // Put back what a set-aside trigger would have written, so that the delete leaves no trace.
    if (aside.includes('clients_search_insert')) {
      await db.raw(
        `insert into clients_search(rowid, search_text) select id, search_text from clients where id > ?`,
        [lastSeeded],
      );
    }
    await db('clients').where('id', '>', lastSeeded).delete();
    await db('imports').delete();
    if (aside.some((name) => name.startsWith('client_counts'))) {
      await db('client_counts').delete();
      await db.raw(REBUILD_COUNTS);
    }
    // Outside the timing: SQLite's checkpoint of what the last rebuild or delete wrote to the WAL
    // (else it lands in the next measure), PostgreSQL's dead rows.
    if (sqlite) await db.raw('pragma wal_checkpoint(truncate)');
    else await db.raw('vacuum clients, sites, billing_points, contacts, client_events');
    return measure;
  };
}

/** Linear between the closest ranks, as spreadsheets compute it. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}
const median = (values: number[]) => quantile(values, 0.5);

/**
 * Alternating rounds; in each, every part is measured against all indexes right next to it (which
 * goes first alternates), and the round's figure is their ratio: the machine's noise moves both.
 */
async function writeCosts(write: (without?: Part) => Promise<Measure>, parts: Part[]) {
  const saved = new Map(parts.map((p) => [p.name, [] as number[]]));
  const full: Measure[] = [];
  await write(); // warms the caches and the prepared statements
  for (let round = 0; round < ROUNDS; round++) {
    const order = parts.map((_, i) => parts[(i + round * 3) % parts.length]!);
    for (const part of order) {
      const measureWithout = async () => {
        await part.remove();
        try {
          return await write(part);
        } finally {
          await part.restore();
        }
      };
      let all: Measure, without: Measure;
      if (round % 2) {
        all = await write();
        without = await measureWithout();
      } else {
        without = await measureWithout();
        all = await write();
      }
      full.push(all);
      saved.get(part.name)!.push((all.cpu - without.cpu) / all.cpu);
    }
    process.stderr.write(`  tour ${round + 1}/${ROUNDS}\n`);
  }
  const perRow = median(full.map((m) => m.cpu));
  const wallPerRow = median(full.map((m) => m.wall));
  // The median and half the interquartile range of the rounds' shares: a cost within its spread of
  // zero is not told apart from the machine's noise.
  const spread = (ratios: number[]) => (quantile(ratios, 0.75) - quantile(ratios, 0.25)) / 2;
  return {
    perRow,
    wallPerRow,
    saved: new Map(
      [...saved].map(([name, ratios]) => [name, { share: median(ratios), spread: spread(ratios) }]),
    ),
  };
}

type Read = { name: string; run: () => Promise<unknown> };

function reads(db: Db, partner: SeedPartner, sample: { siren: string; reference: string; words: string[] }) {
  const list = clientListRepository(db);
  const clients = clientsRepository(db);
  const imports = importsRepository(db);
  const all: Read[] = [];
  const scopes: [string, Scope][] = [
    ['un partenaire', { companyId: partner.companyId }],
    ['tous (équipe)', 'all'],
  ];
  const filters: [string, Omit<ListFilters, 'partnerId'>][] = [
    ['', { words: [] }],
    ['état actif', { words: [], state: 'active' }],
    ['« ecole » (5 %)', { words: ['ecole'] }],
    [`« ${sample.words.join(' ')} » (rare)`, { words: sample.words }],
  ];
  for (const sort of SORTS) {
    for (const [scopeName, scope] of scopes) {
      for (const [filterName, filter] of filters) {
        all.push({
          name: `liste, tri ${sort}, ${scopeName}${filterName ? `, ${filterName}` : ''}`,
          run: () => list.list(scope, filter, sort, sort === 'modifie' ? 'desc' : 'asc', {}),
        });
      }
    }
  }
  all.push(
    {
      name: 'liste, un partenaire, clients d’un import',
      run: () =>
        list.list({ companyId: partner.companyId }, { words: [], importId: 1 }, 'modifie', 'desc', {}),
    },
    { name: 'même SIREN (étape 1)', run: () => clients.sameSiren(partner.companyId, sample.siren, 1) },
    { name: 'référence proposée', run: () => clients.suggestReference(partner.companyId) },
    {
      name: 'référence déjà prise (étape 1)',
      run: () => clients.referenceOwner(partner.companyId, sample.reference, 1),
    },
    {
      name: 'import : références déjà prises',
      run: () => imports.referencesInUse(partner.companyId, [sample.reference, 'CLI-999998', 'X-1']),
    },
    // What the foreign keys run when an import or a partner is deleted (not seen by EXPLAIN of the delete).
    {
      name: 'import supprimé (clé étrangère : import_id := null)',
      run: () => db('clients').where('import_id', 1).update({ import_id: null }),
    },
    {
      name: 'partenaire supprimé (clé étrangère : restrict)',
      run: () => db('clients').where('company_id', partner.companyId).first('id'),
    },
  );
  return all;
}

/** The statements a read sends, each EXPLAINed: the indexes it names, and whether it sorts or scans. */
async function plansOf(db: Db, read: Read, indexNames: string[]) {
  const statements: { sql: string; bindings: unknown[] }[] = [];
  const listen = (q: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
  db.on('query', listen);
  try {
    await read.run();
  } finally {
    db.removeListener('query', listen);
  }
  const sqlite = isSqlite(db);
  const used = new Set<string>();
  const notes = new Set<string>();
  for (const { sql, bindings } of statements.filter(
    (s) => /\bclients\b/.test(s.sql) && !/^(begin|commit|rollback|savepoint)/i.test(s.sql),
  )) {
    // SQLite's numbered ?1 and PostgreSQL's $1 (a value may be used twice) become knex's positional ?.
    const text = sql.replace(/\?\d+|\$\d+/g, '?');
    const numbered = [...sql.matchAll(/\?(\d+)|\$(\d+)/g)].map((m) => bindings[Number(m[1] ?? m[2]) - 1]);
    const rows: unknown = await db.raw(
      `explain ${sqlite ? 'query plan ' : ''}${text}`,
      (numbered.length ? numbered : bindings) as knex.Knex.RawBinding[],
    );
    const lines: string[] = sqlite
      ? (rows as { detail: string }[]).map((r) => r.detail)
      : (rows as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']);
    for (const line of lines) {
      for (const name of indexNames) if (new RegExp(`\\b${name}\\b`).test(line)) used.add(name);
      if (/^SCAN clients$|Seq Scan on clients\b/.test(line.trim())) notes.add('lit toute la table');
      if (/TEMP B-TREE FOR ORDER BY|^\s*(->\s*)?Sort\b/.test(line)) notes.add('trie');
    }
  }
  return { used: [...used].sort(), notes: [...notes] };
}

async function indexNamesOf(db: Db): Promise<string[]> {
  if (isSqlite(db)) {
    const rows = await selected<{ name: string }>(
      db('sqlite_master').where({ type: 'index', tbl_name: 'clients' }).select('name'),
    );
    return rows.map((r) => r.name).concat('clients_search');
  }
  const { rows } = await db.raw<{ rows: { indexname: string }[] }>(
    `select indexname from pg_indexes where schemaname = current_schema() and tablename = 'clients'`,
  );
  return rows.map((r) => r.indexname);
}

const us = (n: number) => n.toFixed(1);
const pct = (n: number) => `${(100 * n).toFixed(1)} %`;

async function bench(engine: string) {
  const opened = engine === 'sqlite' ? await sqliteDatabase() : await postgresDatabase();
  const { db } = opened;
  try {
    await migrateToLatest(db);
    // The indexes as they were before the last review dropped some: what that drop saves.
    if (BEFORE) await db.migrate.down({ migrationSource, name: LAST_DROP });
    const seeded = Date.now();
    const partners = await seed(db);
    const lastSeeded = Number((await db('clients').max({ id: 'id' }).first())!.id);
    process.stderr.write(
      `${engine} : ${CUSTOMERS} clients en ${((Date.now() - seeded) / 1000).toFixed(0)} s\n`,
    );
    const single = await partsOf(db);
    const parts = [...single, together(single)];
    const { perRow, wallPerRow, saved } = await writeCosts(writer(db, partners, lastSeeded), parts);

    const partner = partners[0]!;
    const sample = (await db('clients')
      .where({ company_id: partner.companyId, state: 'active' })
      .orderBy('id')
      .first('siren', 'reference', 'sort_name'))!;
    const words = String(sample.sort_name)
      .split(' ')
      .filter((w) => w.length >= 3)
      .slice(-2);
    const indexNames = await indexNamesOf(db);
    const usedBy = new Map(indexNames.map((n) => [n, [] as string[]]));
    const planLines: string[] = [];
    for (const read of reads(db, partner, {
      siren: String(sample.siren),
      reference: String(sample.reference),
      words,
    })) {
      const { used, notes } = await plansOf(db, read, indexNames);
      for (const name of used) usedBy.get(name)?.push(read.name);
      planLines.push(`| ${read.name} | ${used.join(', ') || '—'} | ${notes.join(', ')} |`);
    }

    console.log(`\n### ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}\n`);
    console.log(
      `${CUSTOMERS} clients, ${PARTNERS} partenaires ; import de ${ROWS} clients, ${ROUNDS} tours : ${us(perRow)} µs de CPU (${us(wallPerRow)} µs d’horloge) par client avec tout.\n`,
    );
    console.log(
      '| index ou déclencheur | coût par client importé | part de l’import | lectures qui s’en servent |',
    );
    console.log('|---|---:|---:|---|');
    for (const part of parts) {
      const { share, spread } = saved.get(part.name)!;
      const readers =
        usedBy.get(part.name) ??
        (part.name.startsWith('clients_search') ? usedBy.get('clients_search') : undefined);
      const summary =
        part.kind === 'all'
          ? '—'
          : part.kind === 'trigger' && !readers
            ? '(déclencheur)'
            : `${readers?.length ?? 0} : ${(readers ?? []).slice(0, 3).join(' ; ')}${(readers?.length ?? 0) > 3 ? ' ; …' : ''}`;
      console.log(
        `| ${part.name} | ${us(share * perRow)} ± ${us(spread * perRow)} µs | ${pct(share)} | ${summary} |`,
      );
    }
    console.log('\n| lecture | index | remarque |\n|---|---|---|');
    for (const line of planLines) console.log(line);
  } finally {
    await opened.drop();
  }
}

async function main() {
  console.log(
    `# Index de clients${BEFORE ? ' (avant 20261203060000)' : ''} — ${new Date().toISOString().slice(0, 16)}, ${os.cpus().length} cœurs, charge ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (const engine of ENGINES) await bench(engine);
}

main().catch((err: Error) => {
  console.error(err.message.slice(-500));
  process.exitCode = 1;
});
