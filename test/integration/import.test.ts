// « Importer des clients »: real files written here (French Excel CSV, UTF-8 CSV, .xlsx), uploaded
// through the form, previewed, mapped, confirmed, and found again in Mes clients.
import { deflateRawSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Browser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient } from '../support/wizard';
import { parseJson } from '../../src/db/rows';
import type { AllAnswers } from '../../src/clients/fields/types';

jest.setTimeout(30_000);

let t: TestApp;
let a: Browser;
let other: Browser;
let staff: Browser;

async function signedIn(user: { email: string; password: string }) {
  const browser = new Browser(t.app);
  await browser.signIn(user.email, user.password);
  return browser;
}

/** Uploads a file through the form the way a browser does, and follows the redirect. */
async function upload(browser: Browser, name: string, bytes: Buffer) {
  await browser.get('/clients/importer');
  const res = await browser.agent
    .post('/clients/importer')
    .field('_csrf', browser.csrfToken())
    .attach('fichier', bytes, name);
  if (res.status === 303) return browser.get(res.headers.location!);
  return { status: res.status, url: '/clients/importer', html: res.text, $: cheerio.load(res.text) };
}

async function confirm(browser: Browser, page: { url: string }) {
  return browser.post(`${page.url}/confirmer`, {});
}

const HEADER = [
  'Raison sociale',
  'Référence client',
  'Siren',
  'Site principal : Téléphone',
  'Site principal : n°',
  'Site principal : Voie',
  'Site principal : Code postal',
  'Site principal : Commune de l’adresse',
  'Point de facturation : Voie',
  'Point de facturation : Code postal',
  'Civilité',
  'Nom',
  'Prénom',
  'Administrateur : Téléphone',
  'E-mail',
  'Mode de paiement',
  'E-mail administratif',
];

/** A complete customer by those columns. */
function complete(name: string, reference: string): string[] {
  return [
    name,
    reference,
    '732 829 320',
    '02 47 27 12 34',
    '12',
    'rue de la République',
    '37550',
    'Saint-Avertin',
    'rue de la République',
    '37550',
    'Monsieur',
    'Martin',
    'Paul',
    '02 47 27 12 35',
    'paul@exemple.fr',
    'Chèque',
    'compta@exemple.fr',
  ];
}

const csv = (rows: string[][], sep: string) =>
  rows
    .map((r) => r.map((c) => (/["\n;,]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep))
    .join('\r\n') + '\r\n';

const count = (page: { $: cheerio.CheerioAPI }) =>
  page
    .$('.import-counts li')
    .map((_, li) => page.$(li).text().replace(/\s+/g, ' ').trim())
    .get();

async function listed(browser: Browser, url: string) {
  const page = await browser.get(url);
  return page
    .$('tbody tr td:first-child a')
    .map((_, el) => page.$(el).text())
    .get();
}

beforeAll(async () => {
  t = await createTestApp();
  a = await signedIn(await t.createUser({ company: 'Télécom Ouest' }));
  other = await signedIn(await t.createUser({ company: 'Réseau Est' }));
  staff = await signedIn(await t.createUser({ company: 'OpenIP', role: 'staff' }));
});

afterAll(() => t.close());

const clientsCount = async () => Number((await t.db('clients').count({ n: '*' }).first())!.n);

describe('a French Excel CSV (Windows-1252, « ; », no BOM)', () => {
  let page: Awaited<ReturnType<typeof upload>>;
  const rows = [
    HEADER,
    complete('Crêperie Bénédicte', 'CP-001'),
    // Invalid SIREN and an e-mail without domain: a draft keeping what was typed.
    [
      'Élagage Ségolène',
      'CP-002',
      '123 456 789',
      '02 47 27 12 34',
      '12',
      'rue de l’Église',
      '37550',
      'Saint-Avertin',
      'rue',
      '37550',
      'Madame',
      'Dupré',
      'Anaïs',
      '02 47 27 12 35',
      'anais@',
      'Chèque',
      'compta@exemple.fr',
    ],
    // Repeated reference: skipped.
    complete('Doublon', 'CP-001'),
    // A formula: kept as text, never evaluated.
    complete('=1+1', 'CP-003'),
    // No reference: skipped, it could not be told apart on a second import.
    complete('Sans référence', ''),
  ];

  beforeAll(async () => {
    page = await upload(a, 'clients-excel.csv', iconv.encode(csv(rows, ';'), 'win1252'));
  });

  it('is previewed on its own page (Post/Redirect/Get), nothing written yet', async () => {
    expect(page.status).toBe(200);
    expect(page.url).toMatch(/^\/clients\/importer\/\d+$/);
    expect(page.$('h1').text()).toBe('Aperçu de l’import');
    expect(count(page)).toEqual([
      expect.stringMatching(/^2 clients seront créés « Activé\(e\) »/),
      expect.stringMatching(/^1 client sera enregistré en « Brouillon »/),
      expect.stringMatching(/^2 lignes ignorées/),
    ]);
    const problems = page
      .$('tbody tr')
      .map((_, tr) =>
        page
          .$(tr)
          .find('td')
          .map((__, td) => page.$(td).text())
          .get()
          .join(' | '),
      )
      .get();
    expect(problems).toEqual([
      expect.stringMatching(/^3 \| Siren \| /),
      expect.stringMatching(/^3 \| E-mail \| Saisissez une adresse e-mail valide/),
      expect.stringMatching(
        /^4 \| Référence client \| La référence « CP-001 » figure déjà ligne 2 du fichier/,
      ),
      expect.stringMatching(/^6 \| Référence client \| Renseignez « Référence client »/),
    ]);
    expect(page.$('button.primary').text()).toBe('Importer 3 clients');
    expect(await clientsCount()).toBe(0);
  });

  it('another partner gets a 404 on every route of this import', async () => {
    expect((await other.get(page.url)).status).toBe(404);
    await other.get('/clients');
    expect((await other.post(`${page.url}/confirmer`, {})).status).toBe(404);
    expect((await other.post(`${page.url}/correspondances`, {})).status).toBe(404);
    expect(await clientsCount()).toBe(0);
  });

  it('confirmed, creates the customers with the wizard’s columns, answers as typed, and history', async () => {
    const result = await confirm(a, page);
    expect(result.url).toBe(page.url);
    expect(result.$('h1').text()).toBe('Import terminé');
    expect(count(result)).toEqual([
      '2 clients « Activé(e) »',
      '1 brouillon à compléter',
      '2 lignes ignorées',
    ]);
    const activeHref = result.$('a:contains("Activé(e)")').attr('href')!;
    expect((await listed(a, activeHref)).sort()).toEqual(['=1+1', 'Crêperie Bénédicte']);
    const draftHref = result.$('a:contains("brouillon")').attr('href')!;
    expect(await listed(a, draftHref)).toEqual(['Élagage Ségolène']);
    // The counts per état are this import's too.
    const counts = (await a.get(draftHref)).$('.counts').text().replace(/\s+/g, ' ');
    expect(counts).toContain('Tous : 3');
    expect(counts).toContain('Brouillon : 1');
    // « Filtrer » keeps to this import: its form carries the import, and a new état applies within it.
    const list = await a.get(draftHref);
    expect(list.$('form.filters input[name="import"]').val()).toBe(
      new URL(draftHref, 'http://x').searchParams.get('import'),
    );
    const allOfImport = await a.get(
      `/clients?import=${String(list.$('form.filters input[name="import"]').val())}&etat=`,
    );
    expect(allOfImport.$('.counts').text().replace(/\s+/g, ' ')).toContain('Tous : 3');
    // The page says which import it shows, and leads back to every customer (keeping the état).
    expect(list.$('.import-filter').text()).toMatch(
      /^Clients importés depuis « clients-excel\.csv » le \d\d\/\d\d\/\d{4}/,
    );
    expect(list.$('.import-filter a').text()).toBe('Voir tous vos clients');
    expect(list.$('.import-filter a').attr('href')).toBe('/clients?etat=brouillon');
    // Another partner's import names nothing of it.
    const elsewhere = await other.get(draftHref);
    expect(elsewhere.$('.import-filter').text()).toContain('Cet import est introuvable');
    expect(elsewhere.html).not.toContain('clients-excel.csv');

    const crepe = await t.db('clients').where({ reference: 'CP-001' }).first();
    expect(crepe).toMatchObject({ state: 'active', siren: '732829320', main_city: 'Saint-Avertin' });
    const site = await t.db('sites').where({ client_id: crepe!.id }).first();
    expect(site).toMatchObject({
      phone: '+33247271234',
      city_insee: '37208',
      street: 'rue de la République',
    });
    const billing = await t.db('billing_points').where({ client_id: crepe!.id }).first();
    expect(billing).toMatchObject({ payment_method: 'cheque', account_holder: 'Crêperie Bénédicte' });
    const show = await a.get(`/clients/${crepe!.id}`);
    expect(show.html).toContain('Importé depuis clients-excel.csv');
    // Found by « Rechercher », like a customer typed in.
    expect(await listed(a, '/clients?q=crêperie')).toEqual(['Crêperie Bénédicte']);

    const draft = await t.db('clients').where({ reference: 'CP-002' }).first();
    expect(parseJson<AllAnswers>(draft!.answers)[1]!.siren).toBe('123 456 789');
    expect(parseJson<AllAnswers>(draft!.answers)[4]!.email).toBe('anais@');
    // « Reprendre la saisie » opens its first step with a problem, what was typed shown.
    const resume = await a.get(`/clients/${draft!.id}/etape/1`);
    expect(resume.$('#siren').val()).toBe('123 456 789');
  });

  it('a second confirm lands on the same result and creates nothing', async () => {
    const before = await clientsCount();
    const again = await confirm(a, page);
    expect(again.url).toBe(page.url);
    expect(count(again)).toEqual(['2 clients « Activé(e) »', '1 brouillon à compléter', '2 lignes ignorées']);
    expect(await clientsCount()).toBe(before);
  });

  it('the same file imported again creates nothing: its references are taken', async () => {
    const before = await clientsCount();
    const second = await upload(a, 'clients-excel.csv', iconv.encode(csv(rows, ';'), 'win1252'));
    expect(count(second)[0]).toMatch(/^0 client/);
    expect(count(second)[2]).toMatch(/^5 lignes ignorées/);
    expect(second.$('tbody').text()).toContain(
      'La référence « CP-001 » est déjà celle de votre client « Crêperie Bénédicte »',
    );
    expect(second.$('button.primary').length).toBe(0);
    expect(await clientsCount()).toBe(before);
  });

  it('the export neutralises the imported formula', async () => {
    const res = await a.agent.get('/clients/export');
    expect(res.text).toContain("'=1+1");
  });
});

it('a UTF-8 CSV with BOM and « , », quoted cells with line breaks', async () => {
  const rows = [
    HEADER.concat('Informations générales : Commentaire'),
    complete('Boulangerie, Pâtisserie', 'UTF-1').concat('Ligne 1\nLigne "2"'),
  ];
  const page = await upload(a, 'utf8.csv', Buffer.from('\uFEFF' + csv(rows, ','), 'utf8'));
  expect(count(page)[0]).toMatch(/^1 client sera créé/);
  await confirm(a, page);
  const row = await t.db('clients').where({ reference: 'UTF-1' }).first();
  expect(row).toMatchObject({
    raison_sociale: 'Boulangerie, Pâtisserie',
    comment: 'Ligne 1\nLigne "2"',
    state: 'active',
  });
});

it('an .xlsx written by exceljs, a formula kept as its text, numbers as typed', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Clients');
  sheet.addRow(HEADER);
  const row = sheet.addRow(complete('Fromagerie Noël', 'XL-1'));
  row.getCell(7).value = 37550;
  sheet.addRow(complete('', 'XL-2')).getCell(1).value = {
    formula: 'A2&" bis"',
    result: 'Fromagerie Noël bis',
  };
  const page = await upload(a, 'clients.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
  expect(count(page)[0]).toMatch(/^2 clients seront créés/);
  await confirm(a, page);
  expect((await t.db('clients').where({ reference: 'XL-2' }).first())!.raison_sociale).toBe('=A2&" bis"');
  expect((await t.db('clients').where({ reference: 'XL-1' }).first())!.main_city).toBe('Saint-Avertin');
});

it('the model downloads with the export’s headers and re-imports as one « Activé(e) » customer', async () => {
  const res = await a.agent.get('/clients/importer/modele.csv').buffer(true);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const text = res.text;
  expect(text.startsWith('\uFEFF')).toBe(true);
  const header = text.slice(1).split('\r\n')[0]!.split(';');
  const exported = (await a.agent.get('/clients/export')).text.slice(1).split('\r\n')[0]!.split(';');
  expect(exported.slice(exported.indexOf('Raison sociale'))).toEqual(header);
  const page = await upload(a, 'modele.csv', Buffer.from(text, 'utf8'));
  expect(count(page)[0]).toMatch(/^1 client sera créé « Activé\(e\) »/);
  expect(page.$('tbody tr').length).toBe(0);
});

it('unknown headers are asked about, one select each, then mapped', async () => {
  const rows = [
    ['Raison sociale', 'Réf', 'Siren', 'Tél.', 'Notes internes', ...HEADER.slice(4)],
    [
      'Garage Lemaire',
      'MAP-1',
      '732 829 320',
      '02 47 27 12 34',
      'à rappeler',
      ...complete('x', 'x').slice(4),
    ],
  ];
  const page = await upload(a, 'map.csv', Buffer.from(csv(rows, ';')));
  expect(page.$('h1').text()).toBe('Colonnes à associer');
  expect(
    page
      .$('label')
      .map((_, l) => page.$(l).text())
      .get(),
  ).toEqual(['Colonne « Réf »', 'Colonne « Tél. »', 'Colonne « Notes internes »']);
  // Each comes with the field its header suggests, to be checked; an unknown one with « Ignorer ».
  expect(page.$('#colonne-1 option[selected]').attr('value')).toBe('1.reference');
  expect(page.$('#colonne-3 option[selected]').attr('value')).toBe('2.phone');
  expect(page.$('#colonne-4 option[selected]').length).toBe(0);
  expect(page.$('#colonne-4').val()).toBe('');
  expect(await clientsCount()).toBeGreaterThan(0);
  const mappingUrl = page.url;
  // One field for two columns: refused, what was chosen kept.
  const twice = await a.post(`${mappingUrl}/correspondances`, {
    'colonne-1': '1.reference',
    'colonne-3': '1.reference',
    'colonne-4': '',
  });
  expect(twice.status).toBe(400);
  expect(twice.$('title').text()).toMatch(/^Erreur : /);
  expect(twice.$('#colonne-1 option[selected]').attr('value')).toBe('1.reference');
  expect(twice.$('#colonne-3').attr('aria-invalid')).toBe('true');
  const preview = await a.post(`${mappingUrl}/correspondances`, {
    'colonne-1': '1.reference',
    'colonne-3': '2.phone',
    'colonne-4': '',
  });
  expect(preview.$('h1').text()).toBe('Aperçu de l’import');
  expect(count(preview)[0]).toMatch(/^1 client sera créé/);
  await confirm(a, preview);
  const site = await t
    .db('sites')
    .join('clients', 'clients.id', 'sites.client_id')
    .where('clients.reference', 'MAP-1')
    .first<{ phone: string | null } | undefined>('sites.phone');
  expect(site!.phone).toBe('+33247271234');
});

it('a header of 100,000 characters is quoted shortened on the mapping page and in its messages', async () => {
  const long = 'X'.repeat(100_000);
  const page = await upload(a, 'long.csv', Buffer.from(`Raison sociale;${long}\r\nMartin;a\r\n`));
  expect(page.$('label[for="colonne-1"]').text()).toBe(`Colonne « ${'X'.repeat(60)}… »`);
  expect(page.html.length).toBeLessThan(20_000);
  const refused = await a.post(`${page.url}/correspondances`, { 'colonne-1': 'pas-un-champ' });
  expect(refused.status).toBe(400);
  expect(refused.$('#colonne-1-error').text()).toContain(`pour la colonne « ${'X'.repeat(60)}… »`);
  expect(refused.html.length).toBeLessThan(20_000);
});

it('a postal code whose leading 0 the spreadsheet dropped (1400) reads as 01400', async () => {
  const row = complete('Garage de l’Ain', 'ZERO-1');
  row[HEADER.indexOf('Site principal : Code postal')] = '1400';
  row[HEADER.indexOf('Site principal : Commune de l’adresse')] = 'Châtillon-sur-Chalaronne';
  row[HEADER.indexOf('Point de facturation : Code postal')] = '6000';
  const page = await upload(a, 'zeros.csv', Buffer.from(csv([HEADER, row], ';')));
  expect(count(page)[0]).toMatch(/^1 client sera créé « Activé\(e\) »/);
  await confirm(a, page);
  const client = await t.db('clients').where({ reference: 'ZERO-1' }).first();
  const site = await t.db('sites').where({ client_id: client!.id }).first();
  expect([site!.postal_code, site!.city]).toEqual(['01400', 'Châtillon-sur-Chalaronne']);
  const billing = await t.db('billing_points').where({ client_id: client!.id }).first();
  expect(billing!.postal_code).toBe('06000');
});

it('a SIRET a spreadsheet abbreviated (7,32829E+13) is a draft whose problem says what happened', async () => {
  const header = [...HEADER, 'SIRET du site'];
  const row = [...complete('Scierie Moreau', 'SCI-1'), '7,32829E+13'];
  const page = await upload(a, 'siret.csv', Buffer.from(csv([header, row], ';')));
  expect(count(page)[1]).toMatch(/^1 client sera enregistré en « Brouillon »/);
  expect(page.$('tbody').text()).toContain('Ce SIRET a été abrégé par le tableur (7,32829E+13)');
});

it('a postal code with several communes and no commune column gives a draft whose commune is to choose', async () => {
  const header = HEADER.filter((h) => h !== 'Site principal : Commune de l’adresse');
  const row = complete('Vitrerie Marne', 'PC-1').filter(
    (_, i) => HEADER[i] !== 'Site principal : Commune de l’adresse',
  );
  row[header.indexOf('Site principal : Code postal')] = '51300';
  const page = await upload(a, 'communes.csv', Buffer.from(csv([header, row], ';')));
  expect(page.$('tbody').text()).toMatch(/Choisissez la commune parmi les \d+ du code postal 51300 : \S/);
  await confirm(a, page);
  const draft = await t.db('clients').where({ reference: 'PC-1' }).first();
  expect(draft!.state).toBe('draft');
  const step2 = await a.get(`/clients/${draft!.id}/etape/2`);
  expect(step2.$('select#city option').length).toBeGreaterThan(1);
});

describe('bad files: a French message, the right status, nothing written', () => {
  const cases: [string, string, () => Buffer | Promise<Buffer>, number, RegExp][] = [
    ['a PDF', 'clients.pdf', () => Buffer.from('%PDF-1.4\n'), 415, /CSV \(\.csv\) ou Excel \(\.xlsx\)/],
    ['an old .xls', 'clients.xls', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 415, /97-2003/],
    ['an empty file', 'vide.csv', () => Buffer.alloc(0), 400, /Le fichier est vide/],
    [
      'a header and no rows',
      'entete.csv',
      () => Buffer.from('Raison sociale;Référence client\r\n'),
      400,
      /Le fichier est vide/,
    ],
    [
      'no « Raison sociale » column',
      'sans.csv',
      () => Buffer.from('Nom;Ville\r\nMartin;Tours\r\n'),
      400,
      /pas de colonne « Raison sociale ».*Renommez en « Raison sociale » la colonne qui porte le nom de vos clients ; celles du fichier : « Nom », « Ville »\./s,
    ],
    [
      'no « Raison sociale » column, but a « Société » one',
      'societe.csv',
      () => Buffer.from('Société;Ville\r\nMartin;Tours\r\n'),
      400,
      /pas de colonne « Raison sociale ».*Renommez « Société » en « Raison sociale » si cette colonne porte le nom de vos clients\./s,
    ],
    [
      'no « Raison sociale » column, and a header of 100,000 characters',
      'long.csv',
      () => Buffer.from(`${'X'.repeat(100_000)};Ville\r\nMartin;Tours\r\n`),
      400,
      /celles du fichier : « X{60}… », « Ville »\./,
    ],
    [
      'undecodable bytes',
      'binaire.csv',
      () => Buffer.from([0x52, 0x61, 0x81, 0x8d, 0x0a, 0x00, 0xff]),
      400,
      /caractères illisibles/,
    ],
    [
      'a row of 10,000 columns',
      'large.csv',
      () => Buffer.from('Raison sociale;Référence client\r\n' + 'x;'.repeat(10_000) + '\r\n'),
      400,
      /plus de 200 colonnes/,
    ],
    [
      'more than 10,000 rows',
      'long.csv',
      () => Buffer.from('Raison sociale;Référence client\r\n' + 'Client;R\r\n'.repeat(10_001)),
      413,
      /plus de 10\s000 lignes/u,
    ],
    [
      'over 5 MB',
      'gros.csv',
      () => Buffer.from('Raison sociale\r\n' + 'x'.repeat(5 * 1024 * 1024)),
      413,
      /dépasse 5 Mo/,
    ],
    [
      'a zip bomb named .xlsx',
      'bombe.xlsx',
      () => zipBomb(),
      413,
      /Une fois décompressé, ce classeur dépasse 100 Mo/,
    ],
    [
      'a broken .xlsx',
      'casse.xlsx',
      () => Buffer.from('PK\u0003\u0004pas un zip'),
      400,
      /n’est pas un classeur Excel/,
    ],
  ];
  it.each(cases)(
    '%s',
    async (_what, name, bytes, status, message) => {
      const before = await clientsCount();
      const imports = Number((await t.db('imports').count({ n: '*' }).first())!.n);
      const page = await upload(a, name, await bytes());
      expect(page.status).toBe(status);
      expect(page.$('title').text()).toMatch(/^Erreur : /);
      expect(page.$('.error-summary').text()).toMatch(message);
      expect(page.$('#fichier').attr('aria-invalid')).toBe('true');
      expect(await clientsCount()).toBe(before);
      expect(Number((await t.db('imports').count({ n: '*' }).first())!.n)).toBe(imports);
    },
    30_000,
  );

  it('no file chosen', async () => {
    await a.get('/clients/importer');
    const res = await a.agent.post('/clients/importer').field('_csrf', a.csrfToken());
    expect(res.status).toBe(400);
    expect(res.text).toContain('Choisissez le fichier à importer');
  });

  it('without the CSRF token: the French 403 page', async () => {
    const res = await a.agent
      .post('/clients/importer')
      .attach('fichier', Buffer.from('Raison sociale\r\nX\r\n'), 'x.csv');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Action refusée');
  });
});

/** A valid zip whose one entry, 150 kB on disk, inflates to 150 MB of zeros (and claims 1 kB). */
function zipBomb(): Buffer {
  const data = deflateRawSync(Buffer.alloc(150 * 1024 * 1024), { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22); // a lie: the directory claims a small file
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

it('staff may not import: a French 403 on every import route, and no « Importer » link', async () => {
  const list = await staff.get('/clients');
  expect(list.$('a[href="/clients/importer"]').length).toBe(0);
  expect((await staff.get('/clients/importer')).status).toBe(403);
  const res = await staff.agent.get('/clients/importer/1');
  expect(res.status).toBe(403);
  expect(res.text).toContain('Import réservé aux partenaires');
});

it('Mes clients links to « Importer » for a partner', async () => {
  const list = await a.get('/clients');
  expect(list.$('a[href="/clients/importer"]').text()).toBe('Importer');
});

it('an unknown import id is a 404', async () => {
  expect((await a.get('/clients/importer/999999')).status).toBe(404);
  expect((await a.get('/clients/importer/abc')).status).toBe(404);
  void createClient;
});

describe('confirming', () => {
  const file = () =>
    Buffer.from(csv([HEADER, complete('Primeur Léa', 'CC-1'), complete('Primeur Marc', 'CC-2')], ';'));

  it('twice at the same moment (two tabs, a double press) writes each customer once, both land on the result', async () => {
    const page = await upload(a, 'deux-onglets.csv', file());
    const token = a.csrfToken();
    const press = () => a.agent.post(`${page.url}/confirmer`).type('form').send({ _csrf: token });
    const [first, second] = await Promise.all([press(), press()]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect([first.headers.location, second.headers.location]).toEqual([page.url, page.url]);
    expect(count(await a.get(page.url))[0]).toBe('2 clients « Activé(e) »');
    expect(
      Number((await t.db('clients').whereIn('reference', ['CC-1', 'CC-2']).count({ n: '*' }).first())!.n),
    ).toBe(2);
  });

  it('an import left unconfirmed for a day is gone: a 404, and its rows are dropped at the next upload', async () => {
    const page = await upload(a, 'oublie.csv', Buffer.from(csv([HEADER, complete('Oubli', 'OUB-1')], ';')));
    const id = Number(page.url.split('/').pop());
    await t
      .db('imports')
      .where({ id })
      .update({ created_at: new Date(Date.now() - 25 * 3600_000).toISOString() });
    expect((await a.get(page.url)).status).toBe(404);
    await a.get('/clients');
    expect((await a.post(`${page.url}/confirmer`, {})).status).toBe(404);
    await upload(a, 'suivant.csv', file());
    expect(await t.db('imports').where({ id }).first()).toBeUndefined();
    expect(await t.db('import_rows').where({ import_id: id }).first()).toBeUndefined();
    expect(await t.db('clients').where({ reference: 'OUB-1' }).first()).toBeUndefined();
  });

  it('a confirmation whose process died mid-way is resumed after the last batch it wrote', async () => {
    const rows = [HEADER, ...Array.from({ length: 3 }, (_, i) => complete(`Reprise ${i}`, `RES-${i}`))];
    const page = await upload(a, 'reprise.csv', Buffer.from(csv(rows, ';')));
    const id = Number(page.url.split('/').pop());
    // As if a confirmation had written line 2 (and counted it), then its process had died.
    const dying = {
      status: 'importing' as const,
      progress: 2,
      result: JSON.stringify({ active: 1, draft: 0, skipped: 0 }),
    };
    await t
      .db('imports')
      .where({ id })
      .update({ ...dying, updated_at: new Date().toISOString() });
    // Still running for all anyone knows: a confirmation now writes nothing and says so.
    const running = await a.post(`${page.url}/confirmer`, {});
    expect(running.$('h1').text()).toBe('Import en cours');
    expect(await t.db('clients').where('reference', 'like', 'RES-%').first()).toBeUndefined();
    // Two minutes without progress: the next confirmation takes over after line 2.
    await t
      .db('imports')
      .where({ id })
      .update({ updated_at: new Date(Date.now() - 3 * 60_000).toISOString() });
    const resumed = await a.post(`${page.url}/confirmer`, {});
    expect(count(resumed)[0]).toBe('3 clients « Activé(e) »');
    const references = await t
      .db('clients')
      .where('reference', 'like', 'RES-%')
      .orderBy('reference')
      .pluck('reference');
    expect(references).toEqual(['RES-1', 'RES-2']);
  });
});
