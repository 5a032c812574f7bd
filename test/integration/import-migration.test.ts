// The imports migration goes down and up again on a database in use, and leaves Mes clients'
// triggers (sort keys, counts, search) working: it alters `clients` without rebuilding it.
import { migrationSource } from '../../migrations';
import { Browser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient } from '../support/wizard';

jest.setTimeout(30_000);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('down removes the imports, the column and the history detail; up puts them back; the list still works', async () => {
  const browser = new Browser(t.app);
  const user = await t.createUser();
  await browser.signIn(user.email, user.password);
  await createClient(browser);

  await t.db.migrate.down({ migrationSource, name: '20261202040000_create_imports' });
  expect(await t.db.schema.hasTable('imports')).toBe(false);
  expect(await t.db.schema.hasTable('import_rows')).toBe(false);
  expect(await t.db.schema.hasColumn('clients', 'import_id')).toBe(false);
  expect(await t.db.schema.hasColumn('client_events', 'detail')).toBe(false);

  await t.db.migrate.latest({ migrationSource });
  expect(await t.db.schema.hasColumn('clients', 'import_id')).toBe(true);
  await createClient(browser, { 1: { raisonSociale: 'Épicerie Zoé', reference: 'APRES-1' } });
  const list = await browser.get('/clients?q=epicerie&tri=raison-sociale&ordre=asc');
  expect(list.$('tbody tr td:first-child a').text()).toBe('Épicerie Zoé');
  expect(list.$('.counts').text()).toContain('Activé(e) : 1');
});
