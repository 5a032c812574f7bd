// What the logs may hold, and what the server says when it cannot start: no bound value, cookie or
// token in any line; one line per request; one line naming the database (no password) at startup.
import { Writable } from 'node:stream';
import { createApp } from '../../src/app';
import { readConfig } from '../../src/config';
import type { Db } from '../../src/db/connect';
import { services as buildServices } from '../../src/services';
import { createLogger } from '../../src/web/request-logging';
import { Browser } from '../support/browser';
import { migratedDatabase, type MigratedDatabase } from '../support/databases';
import { freePort, runScript } from '../support/processes';
import { parseJson } from '../../src/db/rows';

jest.setTimeout(90_000);

const SECRET = 'jeton-secret-4f7a9c';

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream), text: () => lines.join('\n') };
}

let fresh: MigratedDatabase;
let db: Db;
beforeAll(async () => {
  fresh = await migratedDatabase();
  db = fresh.db;
});
afterAll(() => fresh.close());

describe('a failed query', () => {
  it('loses its bound values before anyone sees it, and logs none', async () => {
    const log = captured();
    await db('companies').insert({ name: SECRET, created_at: new Date().toISOString() });
    const err = await db('companies')
      .insert({ name: SECRET, created_at: new Date().toISOString() })
      .then(
        () => undefined,
        (e: unknown) => e as Error & { detail?: string },
      );
    if (!err) throw new Error('la seconde insertion aurait dû échouer');
    expect(String(err.message)).toMatch(/unique|duplicate/i);
    expect(String(err.message)).not.toContain(SECRET);
    expect(err.detail).toBeUndefined();
    log.logger.error({ err }, 'échec');
    expect(log.text()).toContain('échec');
    expect(log.text()).not.toContain(SECRET);
  });

  it('a value quoted in the driver message is masked too', async () => {
    const err = await db.raw('select cast(? as integer) as n', [SECRET]).then(
      () => undefined,
      (e: Error) => e,
    );
    // SQLite casts anything to an integer; PostgreSQL refuses, quoting the value in its message.
    if (err) expect(err.message).not.toContain(SECRET);
  });
});

describe('the request log', () => {
  it('writes one short line per request: no cookie, no header, no query value, no form field', async () => {
    const log = captured();
    const services = buildServices(db);
    const app = createApp({
      config: readConfig({ NODE_ENV: 'test', DATABASE_URL: fresh.url }),
      logger: log.logger,
      services,
    });
    await services.signIn.createUser({
      company: 'Journal',
      email: 'journal@exemple.test',
      password: 'demo-demo-demo',
      role: 'partner',
    });
    const browser = new Browser(app);
    await browser.signIn('journal@exemple.test', 'demo-demo-demo');
    log.lines.length = 0;
    const res = await browser.agent
      .get(`/clients?q=${SECRET}&etat=brouillon`)
      .set('Authorization', `Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    expect(log.lines).toHaveLength(1);
    const line = parseJson<{ ms?: unknown; reqId?: unknown }>(log.lines[0]!);
    expect(line).toMatchObject({ level: 30, method: 'GET', path: '/clients?q&etat', status: 200 });
    expect(typeof line.ms).toBe('number');
    expect(line.reqId).toBe(res.headers['x-request-id']);
    expect(log.text()).not.toContain(SECRET);
    expect(log.text()).not.toMatch(/myopenip\.sid|cookie|authorization/i);
  });

  it('reads a signed-in session with its user in one statement, and nothing else about the user', async () => {
    const services = buildServices(db);
    const app = createApp({
      config: readConfig({ NODE_ENV: 'test', DATABASE_URL: fresh.url }),
      logger: createLogger('silent'),
      services,
    });
    await services.signIn.createUser({
      company: 'Compteur',
      email: 'compteur@exemple.test',
      password: 'demo-demo-demo',
      role: 'partner',
    });
    const browser = new Browser(app);
    await browser.signIn('compteur@exemple.test', 'demo-demo-demo');
    await browser.get('/entreprise');
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    db.on('query', listen);
    try {
      const page = await browser.get('/entreprise');
      expect(page.$('.account').text()).toContain('Compteur');
    } finally {
      db.off('query', listen);
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/from sessions s\s+left join users u/);
  });
});

describe('starting with the database unreachable', () => {
  it('says in one line which PostgreSQL (without its password) could not be reached and why, and exits 1', async () => {
    const port = await freePort(); // nothing listens there
    const run = runScript('src/server.ts', [], {
      DATABASE_URL: `postgres://app:${SECRET}@127.0.0.1:${port}/myopenip`,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      `Base de données injoignable (postgres://app@127.0.0.1:${port}/myopenip) : connexion refusée (le serveur est-il démarré, sur ce port ?) [ECONNREFUSED]. Démarrage interrompu.`,
    ]);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('says the same for a SQLite file that cannot be opened', () => {
    const run = runScript('src/server.ts', [], { DATABASE_URL: 'sqlite:/etc/hostname/base.sqlite' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Base de données injoignable (sqlite:/etc/hostname/base.sqlite)');
  });
});
