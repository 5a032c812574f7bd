// The entry points as a newcomer runs them: the server, its demo accounts, its shutdown, and the CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../src/config';
import { openDatabase } from '../../src/db/connect';
import { DEMO_ACCOUNTS } from '../../src/demo-accounts';
import { Browser } from '../support/browser';
import { exitOf, runScript, startServer } from '../support/processes';
import { createTestApp } from '../support/test-app';

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'myopenip-server-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function usersIn(databaseUrl: string): Promise<string[]> {
  const db = openDatabase(databaseUrl);
  try {
    return (await db('users').orderBy('email').select('email')).map((r) => r.email);
  } finally {
    await db.destroy();
  }
}

describe('configuration', () => {
  it('refuses to start in production without a session secret of 32 characters, and says why', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET.*32 caractères/);
    expect(() => readConfig({ NODE_ENV: 'production', SESSION_SECRET: 'court' })).toThrow(/SESSION_SECRET/);
    expect(readConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).production).toBe(true);
  });

  it('defaults to port 3000 and the embedded SQLite database in data/', () => {
    const config = readConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('sqlite:data/myopenip.sqlite');
  });

  it('the production server process exits with the reason when the secret is missing', () => {
    const run = runScript('src/server.ts', [], {
      NODE_ENV: 'production',
      SESSION_SECRET: '',
      DATABASE_URL: `sqlite:${dir}/db.sqlite`,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SESSION_SECRET doit contenir au moins 32 caractères');
  });
});

describe('the server', () => {
  it('creates the demo accounts on the first start, serves them, and stops cleanly on SIGTERM', async () => {
    const databaseUrl = `sqlite:${dir}/db.sqlite`;
    const server = await startServer({ DATABASE_URL: databaseUrl });
    try {
      expect(server.output()).toContain('demo@myopenip.test');
      const res = await fetch(`${server.url}/connexion`);
      expect(res.status).toBe(200);
    } finally {
      server.process.kill('SIGTERM');
    }
    expect(await exitOf(server.process)).toBe(0);
    expect(await usersIn(databaseUrl)).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });

  it('never creates demo accounts in production', async () => {
    const databaseUrl = `sqlite:${dir}/db.sqlite`;
    const server = await startServer({
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      SESSION_SECRET: 'un-secret-de-test-assez-long-pour-la-production',
    });
    server.process.kill('SIGTERM');
    expect(await exitOf(server.process)).toBe(0);
    expect(server.output()).not.toContain('demo@myopenip.test');
    expect(await usersIn(databaseUrl)).toEqual([]);
  });
});

describe('npm run user:create', () => {
  it('creates an account, and its company, that can sign in', async () => {
    const databaseUrl = `sqlite:${dir}/db.sqlite`;
    const run = runScript(
      'src/cli/user-create.ts',
      [
        '--company',
        'Réseaux du Centre',
        '--email',
        'Marie@Centre.test',
        '--password',
        'un-long-mot-de-passe',
      ],
      { DATABASE_URL: databaseUrl },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const t = await createTestApp({ DATABASE_URL: databaseUrl });
    try {
      const browser = new Browser(t.app);
      const page = await browser.signIn('marie@centre.test', 'un-long-mot-de-passe');
      expect(page.url).toBe('/clients');
      expect(page.$('.account').text()).toContain('Réseaux du Centre');
    } finally {
      await t.close();
    }
  });

  it('refuses a password shorter than 12 characters', () => {
    const run = runScript(
      'src/cli/user-create.ts',
      ['--company', 'X', '--email', 'x@x.test', '--password', 'court'],
      {
        DATABASE_URL: `sqlite:${dir}/db.sqlite`,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('au moins 12 caractères');
  });
});
