// A search's counts read at most COUNT_BOUND + 1 matches: past that, « Tous : plus de 1 000 » and the
// états without a number; at or under it, every count exact. On SQLite and on PostgreSQL.
import { Browser, Page } from '../support/browser';
import { seedCustomers } from '../support/seeded';
import { createTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let browser: Browser;

const counts = (page: Page) => page.$('.counts').text().replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.createUser({ company: 'Télécom Ouest' });
  // 1,001 customers: their references CLI-000001 … CLI-001001 all match « cli ».
  await seedCustomers(t, user, 1001);
  browser = new Browser(t.app);
  await browser.signIn(user.email, user.password);
}, 60_000);

afterAll(() => t.close());

describe('counts of a search', () => {
  it('says « plus de 1 000 » past the bound, and gives no count per état it has not read', async () => {
    const page = await browser.get('/clients?q=cli');
    expect(page.status).toBe(200);
    expect(counts(page)).toBe('Tous : plus de 1 000 Brouillon Activé(e) Désactivé(e)');
    // The états still filter, and the page still lists the first 50 matches.
    expect(
      page
        .$('.counts a')
        .filter((_, el) => page.$(el).text() === 'Brouillon')
        .attr('href'),
    ).toBe('/clients?q=cli&etat=brouillon');
    expect(page.$('tbody tr').length).toBe(50);
  });

  it('counts exactly under the bound', async () => {
    // « cli 0001 »: the references CLI-000100 … CLI-000199, CLI-001000, CLI-001001, and any SIREN
    // or SIRET with 0001 in it: counted here by reading every row.
    const rows: { state: string }[] = await t
      .db('clients')
      .where('search_text', 'like', '%cli%')
      .andWhere('search_text', 'like', '%0001%')
      .select('state');
    const n = (state?: string) => rows.filter((r) => !state || r.state === state).length;
    expect(n()).toBeGreaterThanOrEqual(102);
    const page = await browser.get('/clients?q=cli+0001');
    expect(counts(page)).toBe(
      `Tous : ${n()} Brouillon : ${n('draft')} Activé(e) : ${n('active')} Désactivé(e) : ${n('inactive')}`,
    );
  });

  it('without a search, counts every customer from the counters', async () => {
    const page = await browser.get('/clients');
    expect(counts(page)).toMatch(/^Tous : 1 001 Brouillon : \d+/);
  });
});
