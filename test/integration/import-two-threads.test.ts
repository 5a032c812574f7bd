// A large file's preview, checked on two threads (IMPORT_HELPER_ROWS), on the engine under test: the
// same preview, problem for problem, and the same customers written as when the main thread checks
// every row alone. The helper thread does take a share.
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { importColumns } from '../../src/clients/import/columns';
import { rowsCheckedByHelper, stopPrepareHelper } from '../../src/clients/import/prepare-rows';
import { exampleCells } from '../../src/clients/import/template';
import { csvLine } from '../../src/clients/list/export';
import { Browser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const ROWS = 1200;
const columns = importColumns();
const at = (key: string) => columns.findIndex((c) => c.key === key);

/** Valid rows, drafts (a wrong phone, a postal code with several communes), skipped ones (no reference, a repeat). */
function mixedFile(): Buffer {
  const lines = [csvLine(columns.map((c) => c.header))];
  for (let i = 0; i < ROWS; i++) {
    const cells = [...exampleCells()];
    cells[at('1.reference')] = i % 97 === 0 ? '' : i % 101 === 3 ? 'REF-1' : `REF-${i}`;
    cells[at('1.raisonSociale')] = `Client ${i}`;
    if (i % 5 === 1) cells[at('2.phone')] = '02 47';
    if (i % 7 === 2) [cells[at('2.postalCode')], cells[at('2.city')]] = ['01400', ''];
    lines.push(csvLine(cells));
  }
  return iconv.encode(lines.join(''), 'win1252');
}

/** The app with or without the helper, a partner of its own signed in. */
async function importerWith(helperFromRows: string) {
  const t = await createTestApp({ IMPORT_HELPER_ROWS: helperFromRows });
  const user = await t.createUser();
  const browser = new Browser(t.app);
  await browser.signIn(user.email, user.password);
  return { t, browser };
}

/** The preview's counts and its problems, as the page shows them. */
function previewOf(html: string) {
  const $ = cheerio.load(html);
  const text = (el: Parameters<typeof $>[0]) => $(el).text().replace(/\s+/g, ' ').trim();
  return {
    counts: $('.import-counts li')
      .map((_, li) => text(li))
      .get(),
    problems: $('tbody tr')
      .map((_, tr) => text(tr))
      .get(),
    button: text('button.primary'),
  };
}

/** What was written for the partner, without the ids and times that differ by construction. */
async function written(t: TestApp) {
  const clients = await t
    .db('clients')
    .orderBy('reference')
    .select(
      'reference',
      'state',
      'raison_sociale',
      'siren',
      'answers',
      'sort_name',
      'sort_city',
      'search_text',
    );
  const sites = await t.db('sites').count({ n: '*' }).first();
  return { clients, sites: Number(sites?.n) };
}

let alone: Awaited<ReturnType<typeof importerWith>>;
let shared: Awaited<ReturnType<typeof importerWith>>;
beforeAll(async () => {
  alone = await importerWith('0');
  shared = await importerWith('1');
});
afterAll(async () => {
  await stopPrepareHelper();
  await alone.t.close();
  await shared.t.close();
});

async function previewAndConfirm(browser: Browser, file: Buffer) {
  await browser.get('/clients/importer');
  const res = await browser.agent
    .post('/clients/importer')
    .field('_csrf', browser.csrfToken())
    .attach('fichier', file, 'clients.csv');
  expect(res.status).toBe(303);
  const page = await browser.get(res.headers.location!);
  const preview = previewOf(page.html);
  const result = await browser.post(`${page.url}/confirmer`, {});
  expect(result.$('h1').text()).toBe('Import terminé');
  return preview;
}

it('previews and writes the same on two threads as on one', async () => {
  const file = mixedFile();
  const before = rowsCheckedByHelper();
  const one = await previewAndConfirm(alone.browser, file);
  expect(rowsCheckedByHelper()).toBe(before);
  const two = await previewAndConfirm(shared.browser, file);
  expect(rowsCheckedByHelper()).toBeGreaterThan(before);

  expect(two).toEqual(one);
  expect(one.button).toMatch(/^Importer 1\s1\d\d clients$/);
  expect(one.problems.length).toBeGreaterThan(10);
  expect(one.counts.some((c) => /« Brouillon »/.test(c))).toBe(true);
  expect(one.counts.some((c) => /lignes ignorées/.test(c))).toBe(true);

  const writtenAlone = await written(alone.t);
  expect(writtenAlone.clients.length).toBeGreaterThan(1100);
  expect(await written(shared.t)).toEqual(writtenAlone);
});
