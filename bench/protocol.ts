// How run.ts talks to a server it started (over the IPC channel of child_process.fork): the child
// says it is ready and on which port, then answers `prepare` and `usage` until run.ts disconnects.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BenchApp, SCENARIOS } from './scenarios';

export type ToTarget = { type: 'prepare'; scenario: string } | { type: 'usage' };
export type FromTarget =
  | { type: 'ready'; port: number }
  | { type: 'prepared' }
  | { type: 'usage'; rssBytes: number; maxRssBytes: number };

export async function serveOverIpc(
  server: http.Server,
  opts: { app?: BenchApp; cleanup?: () => Promise<void> } = {},
): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const send = (message: FromTarget) => process.send?.(message);
  process.on('message', async (message: ToTarget) => {
    if (message.type === 'usage') {
      const maxRssBytes = process.resourceUsage().maxRSS * 1024;
      send({ type: 'usage', rssBytes: process.memoryUsage().rss, maxRssBytes });
    } else if (message.type === 'prepare') {
      const scenario = SCENARIOS.find((s) => s.name === message.scenario);
      if (scenario?.prepare && opts.app) await scenario.prepare(opts.app);
      send({ type: 'prepared' });
    }
  });
  process.on('disconnect', () => {
    server.closeAllConnections();
    server.close(async () => {
      await opts.cleanup?.();
      process.exit(0);
    });
  });
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
}

export function runTarget(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
