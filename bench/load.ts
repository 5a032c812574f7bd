// Load from the benchmark's own core: autocannon over keep-alive connections on loopback, for a
// fixed time. Every answer must have the expected status: a redirect to sign-in or a 400 would make
// a figure look good for the wrong reason, so any other status fails the run.
import autocannon from 'autocannon';

export type Load = {
  port: number;
  path: string;
  connections: number;
  seconds: number;
  status: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A form body; `[<id>]` in it becomes a new value for each request (autocannon's idReplacement). */
  body?: string;
};

export type Measure = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers with another status than expected, errors and timeouts. */
  failures: number;
  /** Every status seen, with its count: what a failure was. */
  statuses: string;
};

export async function cannon(load: Load): Promise<Measure> {
  const result = await autocannon({
    url: `http://127.0.0.1:${load.port}${load.path}`,
    connections: load.connections,
    duration: load.seconds,
    method: load.method ?? 'GET',
    headers: {
      ...(load.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...load.headers,
    },
    body: load.body,
    idReplacement: load.body?.includes('[<id>]') ?? false,
    timeout: 10,
  });
  const codes = result.statusCodeStats as unknown as Record<string, { count: number } | undefined>;
  const ok = codes[String(load.status)]?.count ?? 0;
  const answered = Object.values(codes).reduce((sum, c) => sum + (c?.count ?? 0), 0);
  return {
    requestsPerSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: ok,
    failures: answered - ok + result.errors + result.timeouts,
    statuses: Object.entries(codes)
      .map(([code, c]) => `${code} × ${c?.count ?? 0}`)
      .concat(
        result.errors ? [`${result.errors} erreurs`] : [],
        result.timeouts ? [`${result.timeouts} délais`] : [],
      )
      .join(', '),
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
