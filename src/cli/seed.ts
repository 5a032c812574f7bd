// npm run db:seed -- --clients 1000000 [--partners 200] [--seed 1]
// Fills the database (DATABASE_URL, migrated first) with realistic customers spread over partner
// companies that each get one user (partenaire-001@seed.myopenip.test…, password demo-demo-demo).
import { parseArgs } from 'node:util';
import { startWorker } from '../threads';
import { hashPassword } from '../auth/passwords';
import { readConfig } from '../config';
import { migrateToLatest, openDatabase, type Db } from '../db/connect';
import { DEMO_PASSWORD } from '../demo-accounts';
import { partnerNames, seedBatch, type SeedBatch } from '../seed/customers';
import { randomSource } from '../seed/values';
import { seedRepository } from '../seed/repository';
import type { SeedWorkerData } from './seed-worker';

// Large enough that per-statement costs vanish, small enough to stay a few tens of MB in memory.
const BATCH_SIZE = 20_000;

export type SeedOptions = {
  clients: number;
  partners: number;
  seed: number;
  /** Build the customers on a second thread (the command line); tests build them inline. */
  parallel?: boolean;
  log?: (line: string) => void;
};

/** The batches, built here or on the worker thread; `next()` asks the worker for one more. */
function batches(data: SeedWorkerData, parallel: boolean) {
  if (!parallel) {
    const r = randomSource(data.seed);
    return {
      async *[Symbol.asyncIterator](): AsyncGenerator<SeedBatch> {
        for (let done = 0; done < data.total; done += data.batchSize) {
          const size = Math.min(data.batchSize, data.total - done);
          yield seedBatch(r, data.partners, data.firstId + done, size, data.now);
        }
      },
      next: () => {},
      close: async () => {},
    };
  }
  const worker = startWorker(__dirname, 'seed-worker', { workerData: data });
  const ready: SeedBatch[] = [];
  let failure: unknown;
  let wake = () => {};
  worker.on('message', (batch: SeedBatch) => {
    ready.push(batch);
    wake();
  });
  worker.on('error', (err) => {
    failure = err;
    wake();
  });
  return {
    async *[Symbol.asyncIterator](): AsyncGenerator<SeedBatch> {
      for (let done = 0; done < data.total;) {
        while (!ready.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
        if (failure) throw failure;
        const batch = ready.shift()!;
        done += batch.lastId - batch.firstId + 1;
        yield batch;
      }
    },
    next: () => worker.postMessage('next'),
    close: () => worker.terminate().then(() => undefined),
  };
}

export async function seed(db: Db, opts: SeedOptions): Promise<void> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const repository = seedRepository(db);
  const companies = partnerNames(opts.partners).map((name, i) => ({
    name,
    email: `partenaire-${String(i + 1).padStart(3, '0')}@seed.myopenip.test`,
  }));
  const partners = await repository.partners(companies, await hashPassword(DEMO_PASSWORD));
  const source = batches(
    {
      seed: opts.seed,
      partners,
      firstId: await repository.nextClientId(),
      total: opts.clients,
      batchSize: BATCH_SIZE,
      now: Date.now(),
    },
    opts.parallel ?? false,
  );
  let done = 0;
  try {
    await repository.bulkLoad(
      async (write) => {
        for await (const batch of source) {
          await write(batch);
          source.next();
          done += batch.lastId - batch.firstId + 1;
          log(`${done.toLocaleString('fr-FR')} clients insérés (${elapsed()})`);
        }
      },
      (stage) => log(`Construction : ${stage} (${elapsed()})`),
    );
  } finally {
    await source.close();
  }
  log(
    `Terminé : ${done.toLocaleString('fr-FR')} clients chez ${partners.length} partenaires en ${elapsed()}. ` +
      `Comptes : ${companies[0]?.email} … ${companies[companies.length - 1]?.email}, mot de passe ${DEMO_PASSWORD}.`,
  );
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`--${name} attend un entier positif (reçu « ${value} »).`);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      partners: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const config = readConfig();
  if (config.production) throw new Error('db:seed refuse de remplir une base de production.');
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
    await seed(db, {
      clients: positiveInteger(values.clients, 'clients', 1000),
      partners: positiveInteger(values.partners, 'partners', 200),
      seed: positiveInteger(values.seed, 'seed', 1),
      parallel: true,
      log: (line) => console.log(line),
    });
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
