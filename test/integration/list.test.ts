// Mes clients as a person uses it with JavaScript off: search, filters, counts, sorts, pages.
import { Browser, Page } from '../support/browser';
import { seedCustomers } from '../support/seeded';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient, STEP_ANSWERS, submitStep } from '../support/wizard';
import { text, signedIn as signInAs } from '../support/pages';

// Creating customers through the wizard takes a few seconds on a busy machine.
jest.setTimeout(30_000);

let t: TestApp;
let partner: { email: string; company: string; password: string };
let a: Browser; // the partner « Télécom Ouest »
let other: Browser; // another partner
let staff: Browser;

const names = (page: Page) =>
  page
    .$('tbody tr td:first-child a')
    .map((_, el) => page.$(el).text())
    .get();
const rowIds = (page: Page) =>
  page
    .$('tbody tr td:first-child a')
    .map((_, el) => Number(/\/clients\/(\d+)$/.exec(page.$(el).attr('href')!)?.[1]))
    .get();
const counts = (page: Page) => text(page, '.counts');

const signedIn = (user: { email: string; password: string }) => signInAs(t.app, user);

beforeAll(async () => {
  t = await createTestApp();
  partner = await t.createUser({ company: 'Télécom Ouest' });
  a = await signedIn(partner);
  other = await signedIn(await t.createUser({ company: 'Réseau Est' }));
  staff = await signedIn(await t.createUser({ company: 'OpenIP', role: 'staff' }));
  await createClient(a); // Boulangerie Martin, SIREN 732 829 320, Saint-Avertin, CLI-000001
  await createClient(a, {
    1: { raisonSociale: 'École de musique Cœur', reference: 'ABC-2024-117', siren: '552 081 317' },
    2: { siret: '', phone: '01 45 45 32 45', postalCode: '75011', city: 'Paris' },
    3: { postalCode: '75011', city: 'Paris' },
  });
  await createClient(a, {
    1: { raisonSociale: 'Zénith Conseil', enCreation: 'oui', siren: '' },
    2: { siret: '', postalCode: '69003', city: 'Lyon' },
    3: { postalCode: '69003', city: 'Lyon' },
  });
  await createClient(other, { 1: { raisonSociale: 'Boulangerie du Port' } });
});
afterAll(() => t.close());

describe('the table', () => {
  it('shows each of the partner’s customers with its page, référence, SIREN, commune, état and date', async () => {
    const page = await a.get('/clients');
    expect(
      page
        .$('th[scope=col] a')
        .map((_, el) => page.$(el).text().replace(/[▲▼]/g, '').trim())
        .get(),
    ).toEqual(['Raison sociale', 'Référence client', 'SIREN', 'Commune', 'État', 'Modifié le']);
    expect(page.$('caption').text()).toContain('Vos clients');
    const row = page.$('tbody tr').filter((_, tr) => page.$(tr).text().includes('Boulangerie Martin'));
    const cells = row
      .find('td')
      .map((_, td) => page.$(td).text().trim())
      .get();
    expect(cells.slice(0, 5)).toEqual([
      'Boulangerie Martin',
      'CLI-000001',
      '732\u00a0829\u00a0320', // no-break spaces: never split in a text browser
      'Saint-Avertin',
      'Activé(e)',
    ]);
    expect(cells[5]).toMatch(/^\d{2}\/\d{2}\/\d{4}\u00a0\d{2}:\d{2}$/);
    expect((await a.get(row.find('a').attr('href')!)).$('h1').text()).toBe('Boulangerie Martin');
    // The most recently changed first, and nothing of another partner.
    expect(names(page)).toEqual(['Zénith Conseil', 'École de musique Cœur', 'Boulangerie Martin']);
    expect(page.$('th:contains("Partenaire")').length).toBe(0);
  });

  it('gives staff every partner’s customers, a « Partenaire » column and filter', async () => {
    const page = await staff.get('/clients');
    expect(names(page)).toEqual(
      expect.arrayContaining(['Boulangerie Martin', 'Boulangerie du Port', 'Zénith Conseil']),
    );
    expect(
      page
        .$('thead th')
        .map((_, th) => page.$(th).text().trim())
        .get(),
    ).toContain('Partenaire');
    const option = page.$('#partenaire option').filter((_, o) => page.$(o).text() === 'Télécom Ouest');
    expect(page.$('label[for=partenaire]').text()).toBe('Partenaire');
    const filtered = await staff.get(`/clients?partenaire=${option.attr('value')}`);
    expect(names(filtered).sort()).toEqual(
      ['Boulangerie Martin', 'Zénith Conseil', 'École de musique Cœur'].sort(),
    );
    expect(filtered.$('#partenaire option[selected]').text()).toBe('Télécom Ouest');
    // A partner cannot use the staff filter to look elsewhere.
    const sneaky = await other.get(`/clients?partenaire=${option.attr('value')}`);
    expect(names(sneaky)).toEqual(['Boulangerie du Port']);
  });
});

describe('« Rechercher »', () => {
  const search = async (q: string, browser = a) =>
    names(await browser.get(`/clients?q=${encodeURIComponent(q)}`));

  it.each([
    ['without accents or capitals', 'ecole', ['École de musique Cœur']],
    ['in capitals with accents', 'ÉCOLE DE', ['École de musique Cœur']],
    ['a ligature typed as two letters', 'coeur', ['École de musique Cœur']],
    ['a part of a word', 'ulange', ['Boulangerie Martin']],
    ['a part of the référence', '2024-11', ['École de musique Cœur']],
    ['the SIREN typed in groups', '732 829 320', ['Boulangerie Martin']],
    ['the SIREN typed with dots', '552.081.317', ['École de musique Cœur']],
    ['the SIRET', '732 829 320 00074', ['Boulangerie Martin']],
    ['the commune with its hyphen', 'Saint-Avertin', ['Boulangerie Martin']],
    ['part of the commune', 'avert', ['Boulangerie Martin']],
    ['several words, all required', 'zenith lyon', ['Zénith Conseil']],
    ['a short word with a long one', 'cl zenith', ['Zénith Conseil']],
  ])('finds %s', async (_what, q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  it('finds nothing that does not match, and only among the partner’s own customers', async () => {
    expect(await search('marseille')).toEqual([]);
    expect(await search('zenith paris')).toEqual([]);
    expect(await search('boulangerie', other)).toEqual(['Boulangerie du Port']);
    const page = await a.get('/clients?q=marseille');
    expect(text(page, 'main')).toContain('Aucun client ne correspond à ces critères.');
  });

  it('keeps what was typed, and says so when it is too short to search', async () => {
    const page = await a.get('/clients?q=%C3%89cole');
    expect(page.$('#q').val()).toBe('École');
    expect(page.$('label[for=q]').text()).toBe('Rechercher');
    const short = await a.get('/clients?q=ab');
    expect(text(short, '.notice')).toContain('au moins 3 caractères');
    expect(names(short)).toHaveLength(3);
  });
});

describe('« État » and the counts', () => {
  let draftId: number;
  beforeAll(async () => {
    // A draft left at step 1 with « Enregistrer en brouillon ».
    const form = await a.get('/clients/nouveau?nouveau=1');
    const saved = await submitStep(a, form, { raisonSociale: 'Garage des Pins', siren: '12' }, 'brouillon');
    draftId = Number(
      /\/clients\/(\d+)\//.exec(saved.$('a:contains("Reprendre la saisie")').attr('href') ?? '')?.[1],
    );
  });

  it('lands on the drafts with the message after « Enregistrer en brouillon »', async () => {
    const form = await a.get('/clients/nouveau?nouveau=1');
    const landed = await submitStep(a, form, { raisonSociale: 'Atelier Lumière' }, 'brouillon');
    expect(landed.url).toBe('/clients?etat=brouillon');
    expect(text(landed, '.notice')).toBe(
      'Brouillon enregistré. Retrouvez votre client à l’aide des filtres, état « brouillon ».',
    );
    expect(names(landed)).toEqual(['Atelier Lumière', 'Garage des Pins']);
    expect(landed.$('#etat option[selected]').text()).toBe('Brouillon');
    await a.post(`/clients/${rowIds(landed)[0]}/supprimer`, { version: '1' });
  });

  it('filters on each état, and counts each under the other filters', async () => {
    const all = await a.get('/clients');
    expect(counts(all)).toBe('Tous : 4 Brouillon : 1 Activé(e) : 3 Désactivé(e) : 0');
    expect(all.$('.counts a[aria-current=true]').text()).toContain('Tous');
    const drafts = await a.get('/clients?etat=brouillon');
    expect(names(drafts)).toEqual(['Garage des Pins']);
    expect(counts(drafts)).toBe('Tous : 4 Brouillon : 1 Activé(e) : 3 Désactivé(e) : 0');
    expect(names(await a.get('/clients?etat=active'))).toHaveLength(3);
    expect(names(await a.get('/clients?etat=desactive'))).toEqual([]);
    const searched = await a.get('/clients?q=boulangerie');
    expect(counts(searched)).toBe('Tous : 1 Brouillon : 0 Activé(e) : 1 Désactivé(e) : 0');
    // Each count is a link that keeps the search.
    const link = searched.$('.counts a').filter((_, el) => searched.$(el).text().startsWith('Activé'));
    expect(link.attr('href')).toBe('/clients?q=boulangerie&etat=active');
    const staffCounts = counts(await staff.get('/clients'));
    expect(staffCounts).toBe('Tous : 5 Brouillon : 1 Activé(e) : 4 Désactivé(e) : 0');
  });

  it('offers « Reprendre la saisie » at the first incomplete step, to the partner only', async () => {
    const page = await a.get('/clients?etat=brouillon');
    expect(page.$('a:contains("Reprendre la saisie")').attr('href')).toBe(`/clients/${draftId}/etape/1`);
    expect(page.$('a:contains("Supprimer")').attr('href')).toBe(`/clients/${draftId}/supprimer`);
    // A draft whose first two steps are done, saved as a draft on the third.
    let form = await a.get('/clients/nouveau?nouveau=1');
    form = await submitStep(a, form, { ...STEP_ANSWERS[1], raisonSociale: 'Fromagerie Alpine' });
    form = await submitStep(a, form, STEP_ANSWERS[2]!);
    await submitStep(a, form, { accountHolder: '' }, 'brouillon');
    const drafts = await a.get('/clients?etat=brouillon&q=fromagerie');
    expect(drafts.$('a:contains("Reprendre la saisie")').attr('href')).toMatch(/\/etape\/3$/);
    const staffView = await staff.get('/clients?etat=brouillon');
    expect(staffView.$('a:contains("Reprendre la saisie")').length).toBe(0);
    expect(names(staffView)).toContain('Garage des Pins');
  });
});

describe('sorting', () => {
  it('sorts by each column from its header, says so with aria-sort, and reverses on a second click', async () => {
    const first = await a.get('/clients?etat=active');
    expect(first.$('th[aria-sort]').length).toBe(1);
    expect(first.$('th[aria-sort=descending]').text()).toContain('Modifié le');
    const header = first.$('th a').filter((_, el) => first.$(el).text() === 'Raison sociale');
    // The header link keeps the filter.
    expect(header.attr('href')).toBe('/clients?etat=active&tri=raison-sociale&ordre=asc');
    const byName = await a.get(header.attr('href')!);
    // « École » among the e's, not after « Zénith »: the sort ignores accents and case.
    expect(names(byName)).toEqual(['Boulangerie Martin', 'École de musique Cœur', 'Zénith Conseil']);
    expect(byName.$('th[aria-sort=ascending]').text()).toContain('Raison sociale');
    expect(byName.$('caption').text()).toContain('triés par raison sociale (ordre croissant)');
    // The filter form keeps the sort.
    expect(byName.$('form.filters input[name=tri]').val()).toBe('raison-sociale');
    const again = byName.$('th a').filter((_, el) => byName.$(el).text().startsWith('Raison sociale'));
    const reversed = await a.get(again.attr('href')!);
    expect(names(reversed)).toEqual(['Zénith Conseil', 'École de musique Cœur', 'Boulangerie Martin']);
    expect(reversed.$('th[aria-sort=descending]').text()).toContain('Raison sociale');
  });

  it.each([
    ['reference', ['ABC-2024-117', 'CLI-000001', 'CLI-000002']],
    ['siren', ['', '552\u00a0081\u00a0317', '732\u00a0829\u00a0320']],
    ['commune', ['Lyon', 'Paris', 'Saint-Avertin']],
  ])('sorts by %s', async (sort, expected) => {
    const page = await a.get(`/clients?etat=active&tri=${sort}&ordre=asc`);
    const column = { reference: 2, siren: 3, commune: 4 }[sort]!;
    const values = page
      .$(`tbody tr td:nth-child(${column})`)
      .map((_, td) => page.$(td).text().trim())
      .get();
    expect(values).toEqual(expected);
  });

  it('groups by état, drafts last', async () => {
    const page = await a.get('/clients?tri=etat&ordre=asc');
    const states = page
      .$('tbody tr td:nth-child(5)')
      .map((_, td) => page.$(td).text())
      .get();
    expect(states).toEqual([...states].sort());
    expect(states[states.length - 1]).toBe('Brouillon');
  });

  describe('with names that fold differently in SQL', () => {
    let tri: Browser;
    // In the order a person expects: letters first, whatever the spaces, dashes and accents.
    const SORTED = [
      'Boulangerie Alpha',
      'Boulangerie  Martin', // two spaces
      'Dvořák Musique',
      'Dvorel',
      'Lille Conseil',
      'Łódź Café',
      'Lyon Traiteur',
      'Saint-Aubin Services',
      'Saint–Avertin Conseil', // an en dash
      'Saint Barthélemy Conseil',
    ];
    let draftIds: number[];
    beforeAll(async () => {
      tri = await signedIn(await t.createUser({ company: 'Tri Télécom' }));
      await createClient(tri, { 1: { raisonSociale: 'Dvorel', reference: 'TRI-1' } });
      for (const name of [...SORTED].reverse().filter((n) => n !== 'Dvorel')) {
        const form = await tri.get('/clients/nouveau?nouveau=1');
        await submitStep(tri, form, { raisonSociale: name }, 'brouillon');
      }
      draftIds = rowIds(await tri.get('/clients?etat=brouillon&tri=raison-sociale&ordre=asc'));
    });

    it('sorts by raison sociale as a person reads it, on either database', async () => {
      expect(names(await tri.get('/clients?tri=raison-sociale&ordre=asc'))).toEqual(SORTED);
      expect(names(await tri.get('/clients?tri=raison-sociale&ordre=desc'))).toEqual([...SORTED].reverse());
    });

    it('sorts by état, then by date (not by the order they were created in)', async () => {
      // Dates in the opposite order of the ids: removing the date from the sort would show it.
      for (const [i, id] of draftIds.entries()) {
        await t
          .db('clients')
          .where({ id })
          .update({ updated_at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() });
      }
      const byState = await tri.get('/clients?tri=etat&ordre=asc');
      expect(names(byState)).toEqual(['Dvorel', ...SORTED.filter((n) => n !== 'Dvorel')]);
      const reversed = await tri.get('/clients?tri=etat&ordre=desc');
      expect(names(reversed)).toEqual([...SORTED.filter((n) => n !== 'Dvorel')].reverse().concat('Dvorel'));
    });
  });

  it('ignores a sort it does not know', async () => {
    const page = await a.get('/clients?tri=mot_de_passe&ordre=sideways');
    expect(page.status).toBe(200);
    expect(page.$('th[aria-sort=descending]').text()).toContain('Modifié le');
  });
});

describe('pages of 50', () => {
  let volume: Browser;
  let ids: number[];
  beforeAll(async () => {
    const user = await t.createUser({ company: 'Volume Télécom' });
    volume = await signedIn(user);
    ids = await seedCustomers(t, user, 120, 42);
    // Ties everywhere: three dates shared by forty customers each.
    for (const [i, at] of [
      '2026-01-01T10:00:00.000Z',
      '2026-02-01T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ].entries()) {
      await t
        .db('clients')
        .whereIn('id', ids.slice(i * 40, i * 40 + 40))
        .update({ updated_at: at });
    }
  });

  async function walk(start: string) {
    const pages: number[][] = [];
    let page = await volume.get(start);
    pages.push(rowIds(page));
    while (page.$('a[rel=next]').length) {
      page = await volume.get(page.$('a[rel=next]').attr('href')!);
      pages.push(rowIds(page));
      expect(page.$('a[rel=prev]').length).toBe(1);
    }
    const back: number[][] = [rowIds(page)];
    while (page.$('a[rel=prev]').length) {
      page = await volume.get(page.$('a[rel=prev]').attr('href')!);
      back.unshift(rowIds(page));
    }
    return { pages, back, first: page };
  }

  it.each([
    ['the default sort', '/clients'],
    ['raison sociale, with many equal names', '/clients?tri=raison-sociale&ordre=asc'],
    ['état, descending', '/clients?tri=etat&ordre=desc'],
    ['commune', '/clients?tri=commune&ordre=asc'],
  ])('goes forwards and back without a gap or a repeat (%s)', async (_sort, start) => {
    const { pages, back, first } = await walk(start);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(new Set(pages.flat()).size).toBe(120);
    expect([...pages.flat()].sort((x, y) => x - y)).toEqual(ids);
    expect(back).toEqual(pages);
    expect(first.$('a[rel=prev]').length).toBe(0);
  });

  it('keeps the order stable: ties are broken by id', async () => {
    const { pages } = await walk('/clients');
    const order = pages.flat();
    // Within each shared date, ids descend (the order is descending).
    for (let i = 0; i < 3; i++) {
      const group = order.slice(i * 40, i * 40 + 40);
      expect(group).toEqual([...group].sort((x, y) => y - x));
    }
  });

  it('pages within a filter, and a page can be bookmarked', async () => {
    const drafts = await volume.get('/clients?etat=brouillon');
    const total = Number(/Brouillon : (\d+)/.exec(counts(drafts))?.[1]);
    expect(total).toBeGreaterThan(0);
    expect(rowIds(drafts).length).toBe(Math.min(50, total));
    const page = await volume.get('/clients');
    const next = page.$('a[rel=next]').attr('href')!;
    expect(next).toMatch(/^\/clients\?apres=[\w-]+$/);
    expect(rowIds(await volume.get(next))).toEqual(rowIds(await volume.get(next)));
    // A cursor that is not one is ignored rather than an error.
    const garbled = await volume.get('/clients?apres=nimportequoi');
    expect(rowIds(garbled)).toEqual(rowIds(page));
  });
});
