// A small load generator: a bounded number of GETs over keep-alive connections on loopback, a fixed
// number in flight at once, stopped early if a time limit passes.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type LoadOptions = {
  port: number;
  path: string;
  headers?: Record<string, string>;
  requests: number;
  concurrency: number;
  timeLimitMs: number;
  status: number;
};

export type LoadResult = {
  done: number;
  /** Answers with another status than expected, or no answer at all. */
  errors: number;
  firstError?: string;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
};

export async function fire(opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + opts.timeLimitMs;

  const worker = async () => {
    while (issued < opts.requests && performance.now() < deadline) {
      issued += 1;
      const t0 = performance.now();
      try {
        const status = await get(agent, opts);
        if (status !== opts.status) throw new Error(`statut ${status} au lieu de ${opts.status}`);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors += 1;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    done: latencies.length,
    errors,
    firstError,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
  };
}

function get(agent: http.Agent, opts: LoadOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { agent, host: '127.0.0.1', port: opts.port, path: opts.path, headers: opts.headers },
      (res) => {
        res.resume(); // read the whole body, as a client would
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('pas de réponse en 10 s')));
    req.on('error', reject);
  });
}
