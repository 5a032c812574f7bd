// The seed's second thread: it builds the customers while the main thread writes the previous
// batch, so that both cores work. It runs at most two batches ahead of the writes.
import { parentPort, workerData } from 'node:worker_threads';
import { seedBatch, type SeedPartner } from '../seed/customers';
import { randomSource } from '../seed/values';

export type SeedWorkerData = {
  seed: number;
  partners: SeedPartner[];
  firstId: number;
  total: number;
  batchSize: number;
  now: number;
};

const data = workerData as SeedWorkerData;
const port = parentPort!;
let credits = 2;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  wake?.();
});

async function run() {
  const r = randomSource(data.seed);
  for (let done = 0; done < data.total;) {
    const size = Math.min(data.batchSize, data.total - done);
    const batch = seedBatch(r, data.partners, data.firstId + done, size, data.now);
    done += size;
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    port.postMessage(batch);
  }
}

run().catch((err) => {
  throw err;
});
