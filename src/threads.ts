// A worker thread from a module of ours: compiled, a .js file beside the caller's; from the sources
// (tsx, the tests), the .ts file, loaded through tsx's own loader.
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(dir: string, name: string, options: WorkerOptions = {}): Worker {
  const extension = path.extname(__filename);
  const file = path.join(dir, `${name}${extension}`);
  if (extension === '.js') return new Worker(file, options);
  const tsx = require.resolve('tsx/cjs', { paths: [__dirname] });
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`, {
    ...options,
    eval: true,
  });
}
