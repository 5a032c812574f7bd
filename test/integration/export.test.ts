// « Exporter (CSV) »: exactly the filtered rows, as bytes French Excel opens safely.
import { Browser } from '../support/browser';
import { seedCustomers } from '../support/seeded';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient } from '../support/wizard';
import { steps } from '../../src/clients/fields/steps';
import { signedIn as signInAs } from '../support/pages';

let t: TestApp;
let a: Browser;
let other: Browser;
let staff: Browser;

const signedIn = (user: { email: string; password: string }) => signInAs(t.app, user);

/** The response as bytes, and its lines split the way a CSV reader would (quotes respected). */
async function download(browser: Browser, url: string) {
  const res = await browser.agent
    .get(url)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const bytes = res.body as Buffer;
  const body = bytes.toString('utf8');
  const rows = parseCsv(body.slice(1));
  return { res, bytes, body, header: rows[0]!, rows: rows.slice(1) };
}

/** Cells split on « ; » and lines on CRLF, outside double quotes (doubled inside). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const partner = await t.createUser({ company: 'Télécom Ouest' });
  a = await signedIn(partner);
  other = await signedIn(await t.createUser({ company: 'Réseau Est' }));
  staff = await signedIn(await t.createUser({ company: 'OpenIP', role: 'staff' }));
  await createClient(a);
  await createClient(a, {
    1: {
      raisonSociale: '=HYPERLINK("http://example.test";"clic")',
      reference: '-42',
      comment: '@SOMME(A1:A9)',
      emailAdmin: 'admin@exemple.fr',
    },
    2: { comment: '+33 1 23 45 67 89', openingHours: 'Lun; Mar\n"Mer"' },
  });
  await createClient(other, { 1: { raisonSociale: 'Boulangerie du Port' } });
});
afterAll(() => t.close());

describe('the file', () => {
  it('is UTF-8 with a BOM, « ; » between cells and CRLF between lines, as an attachment with a date', async () => {
    const { res, bytes, body } = await download(a, '/clients/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="clients-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '').includes('\n')).toBe(true); // only the quoted opening hours
    expect(body.split('\r\n')[0]).toMatch(
      /^\uFEFFÉtat;Créé le;Modifié le;N° de TVA intracommunautaire;Raison sociale;/,
    );
  });

  it('has French headers taken from the field declarations, and the values as the page shows them', async () => {
    const { header, rows } = await download(a, '/clients/export?q=martin');
    for (const field of steps.flatMap((s) => s.fields).filter((f) => f.kind !== 'fixed')) {
      expect(header.some((h) => h === field.label || h.endsWith(` : ${field.label}`))).toBe(true);
    }
    expect(new Set(header).size).toBe(header.length);
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0]![header.indexOf(name)];
    expect(cell('Raison sociale')).toBe('Boulangerie Martin');
    expect(cell('Siren')).toBe('732 829 320');
    expect(cell('N° de TVA intracommunautaire')).toBe('FR44732829320');
    expect(cell('État')).toBe('Activé(e)');
    expect(cell('Statut juridique')).toBe('SARL - Société à responsabilité limitée');
    expect(cell('Site principal : Téléphone')).toBe('02 47 27 12 34');
    expect(cell('Site principal : Commune de l’adresse')).toBe('Saint-Avertin');
    expect(cell('Entreprise en cours de création ?')).toBe('Non');
    expect(cell('Fonction')).toBe('Direction Générale, Comptabilité');
    expect(cell('Modifié le')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it('neutralises formulas and escapes « ; », quotes and line breaks', async () => {
    const { body, header, rows } = await download(a, '/clients/export?q=hyperlink');
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0]![header.indexOf(name)];
    expect(cell('Raison sociale')).toBe(`'=HYPERLINK("http://example.test";"clic")`);
    expect(body).toContain(`;"'=HYPERLINK(""http://example.test"";""clic"")";`);
    expect(cell('Référence client')).toBe("'-42");
    expect(cell('Informations générales : Commentaire')).toBe("'@SOMME(A1:A9)");
    expect(cell('Site principal : Commentaire')).toBe("'+33 1 23 45 67 89");
    expect(cell('Horaire d’ouverture')).toBe('Lun; Mar\n"Mer"');
  });
});

describe('the rows', () => {
  it('are exactly the filtered ones: the search, the état, the partner’s own', async () => {
    expect((await download(a, '/clients/export')).rows).toHaveLength(2);
    expect((await download(a, '/clients/export?etat=desactive')).rows).toHaveLength(0);
    expect((await download(a, '/clients/export?q=boulangerie')).rows.map((r) => r[4])).toEqual([
      'Boulangerie Martin',
    ]);
    const theirs = await download(other, '/clients/export');
    expect(theirs.rows.map((r) => r[4])).toEqual(['Boulangerie du Port']);
    expect(theirs.header).not.toContain('Partenaire');
  });

  it('are every partner’s for staff, with the partner, and follow the list’s filters', async () => {
    const all = await download(staff, '/clients/export');
    expect(all.header[0]).toBe('Partenaire');
    expect(all.rows.map((r) => r[0]).sort()).toEqual(['Réseau Est', 'Télécom Ouest', 'Télécom Ouest']);
    const list = await staff.get('/clients?q=boulangerie&etat=active');
    const link = list.$('a:contains("Exporter (CSV)")').attr('href')!;
    expect(link).toBe('/clients/export?q=boulangerie&etat=active');
    expect((await download(staff, link)).rows.map((r) => r[5])).toEqual(
      expect.arrayContaining(['Boulangerie Martin', 'Boulangerie du Port']),
    );
  });

  it('go past one batch of the stream, in the list’s order, without a repeat', async () => {
    const user = await t.createUser({ company: 'Volume Export' });
    const volume = await signedIn(user);
    await seedCustomers(t, user, 2500, 9);
    const { rows, header } = await download(volume, '/clients/export?tri=reference&ordre=asc');
    expect(rows).toHaveLength(2500);
    const references = rows.map((r) => r[header.indexOf('Référence client')]!);
    expect(new Set(references).size).toBe(2500);
    expect(references).toEqual([...references].sort());
  });
});

// Last, because staff see every partner's rows and the tests above count them.
describe('values read back from the typed columns', () => {
  it('reads amounts, yes/no and SEPA details back from their columns', async () => {
    // A partner of its own, so that the other tests' rows stay as they expect.
    const mine = await signedIn(await t.createUser());
    await createClient(mine, {
      1: { raisonSociale: 'Garage du Port', reference: 'GDP-1', guaranteeType: 'depot', deposit: '1 500,50' },
      3: { paymentMethod: 'sepa', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', paperInvoice: 'oui' },
    });
    const { header, rows } = await download(mine, '/clients/export?q=GDP-1');
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0]![header.indexOf(name)];
    expect(cell('Dépôt')).toMatch(/^1\s500,50\s€$/);
    expect(cell('IBAN')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(cell('Envoyer la facture papier')).toBe('Oui');
  });
});
