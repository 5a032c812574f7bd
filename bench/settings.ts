// The benchmark's knobs, from the environment; the defaults finish in a few minutes on 2 cores.
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} attend un nombre positif`);
  return value;
};

export const settings = {
  /** Seconds of load per measure (autocannon's duration). */
  seconds: number('BENCH_SECONDS', 3),
  /** Alternating rounds of the ceilings and the app's step 1; each figure is their median. */
  rounds: number('BENCH_ROUNDS', 3),
  /** Connections for the throughput figures. */
  connections: number('BENCH_CONNECTIONS', 10),
  /** Mes clients at these sizes (staff, all partners); BENCH_1M=1 adds a million. */
  sizes: (process.env.BENCH_SIZES ?? '10000,100000')
    .split(',')
    .map(Number)
    .concat(process.env.BENCH_1M === '1' ? [1_000_000] : [])
    .filter((n, i, all) => n > 0 && all.indexOf(n) === i)
    .sort((a, b) => a - b),
  /** Customers of the partner whose step 1 is compared with an empty partner's. */
  partnerClients: number('BENCH_PARTNER_CLIENTS', 50_000),
  /** People creating complete customers at once, and for how long. */
  users: number('BENCH_USERS', 16),
  journeySeconds: number('BENCH_JOURNEY_SECONDS', 10),
  /** Where the report goes (docs/BENCHMARKS.md); BENCH_REPORT=0 prints only. */
  report: process.env.BENCH_REPORT !== '0',
};
