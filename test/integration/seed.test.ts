// `npm run db:seed`: realistic customers that the app shows and checks like its own.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seed } from '../../src/cli/seed';
import { kindOf } from '../../src/clients/fields/kinds';
import type { AllAnswers } from '../../src/clients/fields/types';
import { steps } from '../../src/clients/fields/steps';
import { validateStep } from '../../src/clients/fields/validation';
import { listKeysOf, problemsOf } from '../../src/clients/fields/derived';
import { openDatabase } from '../../src/db/connect';
import type { StepTableRow } from '../../src/db/tables';
import { Browser, Page } from '../support/browser';
import { runScript } from '../support/processes';
import { createTestApp, TestApp } from '../support/test-app';
import { parseJson } from '../../src/db/rows';

jest.setTimeout(60_000);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seed(t.db, { clients: 500, partners: 4, seed: 3 });
});
afterAll(() => t.close());

const total = (page: Page) =>
  Number(/Tous : ([\d\s ]+)/.exec(page.$('.counts').text())?.[1]?.replace(/\D/g, ''));

describe('the seeded database', () => {
  it('spreads the customers over partners whose users sign in and page through them', async () => {
    const byCompany: { company_id: number; n: number | string }[] = await t
      .db('clients')
      .select('company_id')
      .count({ n: '*' })
      .groupBy('company_id');
    expect(byCompany).toHaveLength(4);
    const browser = new Browser(t.app);
    let page: Page = await browser.signIn('partenaire-001@seed.myopenip.test', 'demo-demo-demo');
    expect(page.url).toBe('/clients');
    const mine = total(page);
    expect(mine).toBeGreaterThan(50);
    const seen: string[] = [];
    for (;;) {
      seen.push(
        ...page
          .$('tbody tr td:first-child a')
          .map((_, a) => page.$(a).attr('href')!)
          .get(),
      );
      const next = page.$('a[rel=next]').attr('href');
      if (!next) break;
      page = await browser.get(next);
    }
    expect(new Set(seen).size).toBe(mine);
    const companyId = (await t.db('users').where({ email: 'partenaire-001@seed.myopenip.test' }).first())!
      .company_id;
    expect(mine).toBe(Number(byCompany.find((r) => r.company_id === companyId)!.n));
  });

  it('counts every état, and finds customers by their seeded name, SIREN and commune', async () => {
    const staffUser = await t.createUser({ company: 'OpenIP', role: 'staff' });
    const staff = new Browser(t.app);
    const page = await staff.signIn(staffUser.email, staffUser.password);
    expect(total(page)).toBe(500);
    for (const slug of ['brouillon', 'active', 'desactive']) {
      expect(total(page)).toBeGreaterThan(
        Number(/\d+/.exec(page.$(`.counts a[href*="etat=${slug}"]`).text().replace(/\s/g, ''))),
      );
    }
    const one = await t.db('clients').where({ state: 'active' }).first();
    for (const q of [one!.raison_sociale!, one!.siren!.replace(/(\d{3})(?=\d)/g, '$1 '), one!.main_city!]) {
      const found = await staff.get(`/clients?q=${encodeURIComponent(q)}`);
      expect(found.$(`a[href="/clients/${one!.id}"]`).length).toBe(1);
    }
  });

  it('holds valid answers for the four steps, and typed columns that match them', async () => {
    const active = await t.db('clients').where({ state: 'active' }).orderBy('id').limit(25);
    for (const client of active) {
      const answers = JSON.parse(client.answers) as AllAnswers;
      expect(problemsOf(answers)).toEqual(new Map());
      // The search text and sort keys the wizard would have written.
      const keys = listKeysOf(answers);
      expect(Object.fromEntries(Object.keys(keys).map((k) => [k, client[k as keyof typeof client]]))).toEqual(
        keys,
      );
      const children: Record<string, StepTableRow | undefined> = {
        clients: client,
        sites: await t.db('sites').where({ client_id: client.id }).first(),
        billing_points: await t.db('billing_points').where({ client_id: client.id }).first(),
        contacts: await t.db('contacts').where({ client_id: client.id }).first(),
      };
      for (const step of steps) {
        const { values } = validateStep(step, answers[step.number]!, answers);
        for (const field of step.fields.filter((f) => f.kind !== 'fixed')) {
          const kind = kindOf(field);
          const expected = kind.toColumns(values[field.name] ?? null, field);
          for (const [column, value] of Object.entries(expected)) {
            // SQLite gives booleans as 0/1, PostgreSQL bigints as strings.
            const plain = (v: unknown) => (typeof v === 'boolean' ? Number(v) : (v ?? null));
            const stored = children[step.table]![column];
            const read = typeof value === 'number' ? Number(stored) : plain(stored);
            expect([column, read]).toEqual([column, plain(value)]);
          }
        }
      }
    }
  });

  it('leaves drafts incomplete where the list says to resume them, with their history', async () => {
    const draft = await t.db('clients').where({ state: 'draft' }).first();
    const problems = problemsOf(parseJson<AllAnswers>(draft!.answers));
    expect(problems.has(draft!.reached_step)).toBe(true);
    const events = await t.db('client_events').where({ client_id: draft!.id }).orderBy('at');
    expect(events[0]!.action).toBe('created');
    const inactive = await t.db('clients').where({ state: 'inactive' }).first();
    const actions = (await t.db('client_events').where({ client_id: inactive!.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['created', 'activated', 'deactivated']));
    const counted = await t.db('client_counts').sum({ n: 'n' }).first();
    expect(Number(counted?.n)).toBe(500);
  });

  it('shows a seeded customer’s page with its four sections and TVA number', async () => {
    const one = await t.db('clients').where({ state: 'active' }).first();
    const owner = await t.db('users').where({ company_id: one!.company_id }).first();
    const browser = new Browser(t.app);
    await browser.signIn(owner!.email, 'demo-demo-demo');
    const page = await browser.get(`/clients/${one!.id}`);
    expect(page.$('.summary-section').length).toBe(4);
    expect(page.$('main').text()).toMatch(/FR\d{11}/);
    expect(page.$('.history tbody tr').length).toBeGreaterThanOrEqual(2);
  });
});

describe('npm run db:seed', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'myopenip-seed-'));
  });
  // After the test's database is closed (countIn awaits its destroy), so nothing holds the file.
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('migrates the database named by DATABASE_URL, fills it on two threads and says how long it took', async () => {
    const url = `sqlite:${path.join(dir, 'seed.sqlite')}`;
    const run = runScript('src/cli/seed.ts', ['--clients', '300', '--partners', '3'], {
      DATABASE_URL: url,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/300 clients insérés/);
    expect(run.stdout).toMatch(/Terminé : 300 clients chez 3 partenaires en \d+\.\d s/);
    const refused = runScript('src/cli/seed.ts', ['--clients', 'beaucoup'], { DATABASE_URL: url });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--clients attend un entier positif');
    expect(await countIn(url)).toBe(300);
  });
});

async function countIn(url: string): Promise<number> {
  const db = openDatabase(url);
  try {
    return Number((await db('clients').count({ n: '*' }).first())?.n);
  } finally {
    await db.destroy();
  }
}
