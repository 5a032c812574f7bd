// How run.ts talks to a server it started (over the IPC channel of child_process.fork): the child
// says it is ready and on which ports, then answers numbered calls until run.ts disconnects.
import { fork, execFileSync, type ChildProcess } from 'node:child_process';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

type Call = { id: number; method: string; args: unknown[] };
type Reply = { id: number; result?: unknown; error?: string };
type Ready = { ready: Record<string, number> };

export type Handlers = Record<string, (...args: never[]) => Promise<unknown>>;

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** In the child: serve these servers, answer these calls, stop when the parent goes. */
export async function serve(
  servers: Record<string, http.Server>,
  handlers: Handlers,
  cleanup: () => Promise<void> = async () => {},
): Promise<void> {
  const ports: Record<string, number> = {};
  for (const [name, server] of Object.entries(servers)) ports[name] = await listen(server);
  const all: Handlers = {
    ...handlers,
    usage: async () => ({
      rssBytes: process.memoryUsage().rss,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    }),
  };
  process.on('message', async ({ id, method, args }: Call) => {
    try {
      const handler = all[method] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`appel inconnu : ${method}`);
      process.send?.({ id, result: await handler(...args) } satisfies Reply);
    } catch (err) {
      process.send?.({ id, error: (err as Error).stack ?? String(err) } satisfies Reply);
    }
  });
  process.on('disconnect', () => {
    for (const server of Object.values(servers)) server.closeAllConnections();
    void Promise.all(Object.values(servers).map((s) => new Promise((r) => s.close(r))))
      .then(cleanup)
      .finally(() => process.exit(0));
  });
  process.send?.({ ready: ports } satisfies Ready);
}

export function runTarget(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

export type Target = {
  name: string;
  ports: Record<string, number>;
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  stop(): void;
};

/** Pins a process (all its threads) to one core, where taskset exists; says whether it could. */
export function pin(pid: number, core: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-c', '-p', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** In run.ts: starts bench/<name>.(ts|js) in a process of its own, pinned to `core`. */
export function start(name: string, core: number, env: NodeJS.ProcessEnv = {}): Promise<Target> {
  const file = path.join(__dirname, name + path.extname(__filename));
  // Request logs go to /dev/null: their cost counts, as in production, but their lines do not show.
  // BENCH_CPU_PROF=dir: the app's CPU profile (node --cpu-prof), read with bench/profile.ts.
  const profile = name === 'app-server' ? process.env.BENCH_CPU_PROF : undefined;
  const child: ChildProcess = fork(file, [], {
    execArgv: [...process.execArgv, ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [])],
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const err = new Error(`la cible ${name} s'est arrêtée (${code})`);
      reject(err);
      for (const p of pending.values()) p.reject(err);
    });
    child.on('message', (m: Reply | Ready) => {
      if ('ready' in m) {
        // Threads started later (libuv's pool) inherit the pinning of the process.
        pin(child.pid!, core);
        return resolve({
          name,
          ports: m.ready,
          call: <T>(method: string, ...args: unknown[]) =>
            new Promise<T>((res, rej) => {
              const id = next++;
              pending.set(id, { resolve: res, reject: rej });
              child.send({ id, method, args } satisfies Call);
            }),
          stop: () => child.connected && child.disconnect(),
        });
      }
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
  });
}
