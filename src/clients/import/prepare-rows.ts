// What each row of a file becomes (checkRow), on both cores for a large file: the main thread
// takes chunks of rows from the front, one helper thread from the back, until none is left. The
// helper starts when a partner opens the upload form (it is warm by the time a file is chosen) or
// with a large preview, and stops after five minutes without one. If it fails or exits, the chunks
// it held are checked here: a preview never depends on it.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { builtPostalIndex } from '../../domain';
import { startWorker } from '../../threads';
import type { FileRow } from './file-error';
import { checkRow, type CheckedRow } from './prepare';

const CHUNK = 250;
/** Checking a row takes a quarter of a millisecond: the instance's other requests pass between. */
const YIELD_EVERY = 100;
const IDLE_MS = 5 * 60_000;

export type RowsChunk = { id: number; headers: string[]; mapping: (string | null)[]; rows: FileRow[] };
export type CheckedChunk = { id: number; prepared: CheckedRow[] };

/** A chunk's rows as checked, or undefined when the helper could not check them. */
type Settle = (prepared: CheckedRow[] | undefined) => void;
type Helper = { worker: Worker; waiting: Map<number, Settle>; idle?: NodeJS.Timeout };

let helper: Helper | undefined;
let chunkIds = 0;
let rowsFromHelper = 0;

/** How many rows the helper thread has checked in this process (the tests see that it takes a share). */
export const rowsCheckedByHelper = () => rowsFromHelper;

function startHelper(): Helper {
  const worker = startWorker(__dirname, 'prepare-worker', {
    workerData: { postalIndex: builtPostalIndex() },
  });
  const started: Helper = { worker, waiting: new Map() };
  const lost = () => {
    if (helper === started) helper = undefined;
    clearTimeout(started.idle);
    for (const settle of started.waiting.values()) settle(undefined);
    started.waiting.clear();
  };
  worker.on('message', ({ id, prepared }: CheckedChunk) => {
    started.waiting.get(id)?.(prepared);
    started.waiting.delete(id);
    if (started.waiting.size === 0) {
      started.idle = idleStop(started);
    }
  });
  worker.on('error', lost);
  worker.on('exit', lost);
  // An idle helper never keeps the process alive (after the listeners: one on 'message' refs it again).
  worker.unref();
  started.idle = idleStop(started);
  return started;
}

const idleStop = (idle: Helper) =>
  setTimeout(() => {
    if (helper === idle) void stopPrepareHelper();
  }, IDLE_MS).unref();

/** Whether this machine has a second core for the helper. */
const twoCores = () => availableParallelism() > 1;

/** Starts the helper ahead of a preview that may need it (the upload form). */
export function warmPrepareHelper(): void {
  if (twoCores()) helper ??= startHelper();
}

/** Hands a chunk to the helper thread (started if need be). */
function checkOnHelper(chunk: Omit<RowsChunk, 'id'>): Promise<CheckedRow[] | undefined> {
  helper ??= startHelper();
  clearTimeout(helper.idle);
  const id = ++chunkIds;
  const { waiting, worker } = helper;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ id, ...chunk });
  });
}

/**
 * Stops the helper thread now (the tests; a process that shuts down need not: the thread is unref'd).
 * The next large preview starts another.
 */
export async function stopPrepareHelper(): Promise<void> {
  const stopping = helper;
  helper = undefined;
  if (stopping) await stopping.worker.terminate();
}

/** Every row as checkRow makes it, in the file's order. */
export async function prepareRows(
  rows: FileRow[],
  headers: string[],
  mapping: (string | null)[],
  /** From this many rows the helper takes a share (0: never); below, its start would cost more. */
  helperFromRows: number,
): Promise<CheckedRow[]> {
  const prepared: CheckedRow[] = new Array<CheckedRow>(rows.length);
  const starts: number[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) starts.push(start);
  const onHelper = new Set<Promise<void>>();
  let helperLost = false;

  /** Keeps the helper's next chunk, from the back, while there is one. */
  const handOne = () => {
    if (helperLost || !starts.length) return;
    const start = starts.pop()!;
    const checked = checkOnHelper({ headers, mapping, rows: rows.slice(start, start + CHUNK) }).then(
      (result) => {
        onHelper.delete(checked);
        if (!result) {
          helperLost = true;
          starts.push(start);
          return;
        }
        for (let i = 0; i < result.length; i++) prepared[start + i] = result[i]!;
        rowsFromHelper += result.length;
        handOne();
      },
    );
    onHelper.add(checked);
  };
  if (helperFromRows > 0 && rows.length >= helperFromRows && twoCores()) {
    // Two in hand, so that the helper never waits for the main thread to answer.
    handOne();
    handOne();
  }

  let sinceYield = 0;
  for (;;) {
    while (starts.length) {
      const start = starts.shift()!;
      const end = Math.min(start + CHUNK, rows.length);
      for (let i = start; i < end; i++) {
        prepared[i] = checkRow(rows[i]!, headers, mapping);
        if (++sinceYield === YIELD_EVERY) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    if (!onHelper.size) return prepared;
    // The helper's last chunks; one it could not check comes back to `starts`.
    await Promise.race(onHelper);
  }
}
