// The real app (createTestApp: a fresh migrated SQLite database) served over real HTTP on loopback,
// so that a real browser, w3m or fetch can reach it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from '../../support/test-app';

export type ServedApp = { t: TestApp; url: string; close(): Promise<void> };

export async function serveTestApp(env: NodeJS.ProcessEnv = {}): Promise<ServedApp> {
  const t = await createTestApp(env);
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    t,
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
