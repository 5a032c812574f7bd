// The preview's helper thread: checks chunks of a large file's rows by the same checkRow as the
// main thread, so that both cores work on a 10,000-row preview. It keeps nothing between chunks.
import { parentPort, workerData } from 'node:worker_threads';
import { type Commune, usePostalIndex } from '../../domain';
import { importColumns } from './columns';
import { checkRow } from './prepare';
import type { CheckedChunk, RowsChunk } from './prepare-rows';
import { exampleCells } from './template';

/** Rows of the model's example checked at start: the first rows of a fresh thread run 3 to 5 times slower. */
const WARM_UP_ROWS = 300;

const port = parentPort!;
// The main thread's postal index, copied rather than built again from the 8.6 MB source.
usePostalIndex((workerData as { postalIndex: Map<string, Commune[]> }).postalIndex);

const columns = importColumns();
const headers = columns.map((c) => c.header);
const mapping = columns.map((c) => c.key);
const cells = exampleCells();
for (let line = 2; line < WARM_UP_ROWS + 2; line++) checkRow({ line, cells }, headers, mapping);

port.on('message', ({ id, headers, mapping, rows }: RowsChunk) => {
  const checked: CheckedChunk = { id, prepared: rows.map((row) => checkRow(row, headers, mapping)) };
  port.postMessage(checked);
});
