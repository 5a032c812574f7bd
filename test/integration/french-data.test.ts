// The French identifiers and addresses, checked through the wizard's pages as a person types them.
import { Browser, formFields, Page } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient, STEP_ANSWERS, submitStep } from '../support/wizard';
import { text, idFromUrl } from '../support/pages';

let t: TestApp;
let browser: Browser;
beforeAll(async () => {
  t = await createTestApp();
  const user = await t.createUser();
  browser = new Browser(t.app);
  await browser.signIn(user.email, user.password);
});
afterAll(() => t.close());

let references = 0;
const step1 = () => ({ ...STEP_ANSWERS[1], reference: `FD-${++references}` });

/** Opens a new draft and brings it to step `n`, with the earlier steps' answers given. */
async function atStep(n: number, earlier: Record<number, Record<string, string | string[]>> = {}) {
  let page = await browser.get('/clients/nouveau?nouveau=1');
  for (let i = 1; i < n; i++) {
    page = await submitStep(browser, page, { ...(i === 1 ? step1() : STEP_ANSWERS[i]), ...earlier[i] });
    expect(page.$('.error-summary').length).toBe(0);
  }
  return page;
}

describe('SIREN and SIRET', () => {
  it.each([
    ['a transposed digit', '732 829 302', 'Ce SIREN n'],
    ['too few digits', '73282932', '9 chiffres'],
  ])('refuses a SIREN with %s, with an example', async (_case, siren, message) => {
    const page = await atStep(1);
    const result = await submitStep(browser, page, { ...step1(), siren });
    expect(result.status).toBe(400);
    expect(text(result, '#siren-error')).toContain(message);
    expect(text(result, '#siren-error')).toContain('par exemple 732 829 320');
  });

  it('accepts a SIREN typed with dots and spaces, and stores its 9 digits', async () => {
    const page = await createClient(browser, { 1: { ...step1(), siren: '552.081.317' }, 2: { siret: '' } });
    const row = await t
      .db('clients')
      .where({ id: idFromUrl(page.url) })
      .first();
    expect(row!.siren).toBe('552081317');
    expect(text(page, 'main')).toContain('FR03552081317');
  });

  it('refuses the SIRET of another company than the step-1 SIREN', async () => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, { ...STEP_ANSWERS[2], siret: '552 081 317 00036' });
    expect(result.status).toBe(400);
    expect(text(result, '#siret-error')).toContain('732 829 320');
  });

  it('accepts a La Poste SIRET that only passes the digit-sum rule', async () => {
    const page = await atStep(2, { 1: { siren: '356 000 000' } });
    const result = await submitStep(browser, page, { ...STEP_ANSWERS[2], siret: '356 000 000 49837' });
    expect(result.$('form h2').text()).toBe('CRÉATION DU POINT DE FACTURATION');
  });
});

describe('phone numbers', () => {
  it('stores E.164 and shows the national format; « 0033 » and « +33 (0) » parse', async () => {
    const page = await createClient(browser, {
      1: step1(),
      2: { phone: '0033 2 47 27 12 34', fax: '+33 (0)2 47 27 12 99' },
    });
    const site = await t
      .db('sites')
      .where({ client_id: idFromUrl(page.url) })
      .first();
    expect([site!.phone, site!.fax]).toEqual(['+33247271234', '+33247271299']);
    expect(text(page, 'main')).toContain('02 47 27 12 34');
  });

  it('gives a Guadeloupe site’s 0590 number the +590 prefix, and the administrator’s mobile too', async () => {
    const page = await createClient(browser, {
      1: step1(),
      2: { siret: '', postalCode: '97110', city: '', phone: '0590 82 12 34' },
      4: { phone: '0590 82 12 35', mobile: '0690 12 34 56' },
    });
    const id = idFromUrl(page.url);
    const site = await t.db('sites').where({ client_id: id }).first();
    expect(site!.phone).toBe('+590590821234');
    expect(site!.city).toBe('Pointe-à-Pitre');
    const admin = await t.db('contacts').where({ client_id: id }).first();
    expect(admin!.mobile).toBe('+590690123456');
  });

  it('reads a Martinique landline for a site in Martinique', async () => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[2],
      siret: '',
      country: 'MQ',
      postalCode: '97200',
      city: 'Fort-de-France',
      phone: '0596 63 12 34',
    });
    expect(result.$('form h2').text()).toBe('CRÉATION DU POINT DE FACTURATION');
    const site = await t
      .db('sites')
      .where({ client_id: idFromUrl(result.url) })
      .first();
    expect(site!.phone).toBe('+596596631234');
    expect(site!.country).toBe('MQ');
  });

  it('refuses a landline as « Mobile », with an example', async () => {
    const page = await atStep(4);
    const result = await submitStep(browser, page, { ...STEP_ANSWERS[4], mobile: '02 47 27 12 34' });
    expect(result.status).toBe(400);
    expect(text(result, '#mobile-error')).toBe(
      'Erreur : Saisissez un numéro de mobile, par exemple 06 12 34 56 78',
    );
  });

  it('accepts a Réunion mobile for a site in La Réunion', async () => {
    const page = await createClient(browser, {
      1: step1(),
      2: { siret: '', postalCode: '97400', city: 'Saint-Denis', phone: '0262 40 12 34' },
      4: { phone: '0262 40 12 35', mobile: '0692 12 34 56' },
    });
    const admin = await t
      .db('contacts')
      .where({ client_id: idFromUrl(page.url) })
      .first();
    expect(admin!.mobile).toBe('+262692123456');
  });
});

describe('postal codes and communes', () => {
  it.each([
    ['75116', '', 'Paris', '75056'],
    ['20000', 'ajaccio', 'Ajaccio', '2A004'],
    ['97133', '', 'Saint-Barthélemy', '97701'],
    ['37550', 'ST AVERTIN', 'Saint-Avertin', '37208'],
  ])('%s « %s » → %s (INSEE %s)', async (postalCode, city, name, insee) => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[2],
      siret: '',
      phone: '+33 1 45 45 32 45',
      postalCode,
      city,
    });
    expect(result.$('.error-summary').text()).toBe('');
    const site = await t
      .db('sites')
      .where({ client_id: idFromUrl(result.url) })
      .first();
    expect([site!.city, site!.city_insee]).toEqual([name, insee]);
  });

  it('refuses a postal code that does not exist, and a commune that is not the postal code’s', async () => {
    const page = await atStep(2);
    const unknown = await submitStep(browser, page, { ...STEP_ANSWERS[2], postalCode: '99999' });
    expect(text(unknown, '#postalCode-error')).toContain('n’existe pas');
    const wrong = await submitStep(browser, unknown, { postalCode: '37550', city: 'Tours' });
    expect(wrong.status).toBe(400);
    expect(text(wrong, '#city-error')).toContain('« Tours » n’est pas une commune du code postal 37550');
  });

  it('a postal code of several communes left without one: the message names them, the list offers them', async () => {
    const page = await atStep(2);
    const next = await submitStep(browser, page, { ...STEP_ANSWERS[2], postalCode: '01400', city: '' });
    expect(next.status).toBe(400);
    expect(text(next, '#city-error')).toContain(
      'Choisissez la commune parmi les 10 du code postal 01400 : Chanoz-Châtenay, Châtillon-sur-Chalaronne, Condeissiat…',
    );
    expect(next.$('select#city option').length).toBeGreaterThanOrEqual(10);
  });

  it('« Rechercher la commune » fills in the only commune of a postal code, saving nothing', async () => {
    const page = await atStep(2);
    const search = await submitStep(
      browser,
      page,
      { ...STEP_ANSWERS[2], postalCode: '20000', city: '' },
      'commune',
    );
    expect(search.status).toBe(200);
    expect(search.$('#city').val()).toBe('Ajaccio');
    expect(search.$('.error-summary').length).toBe(0);
    expect(
      await t
        .db('sites')
        .where({ client_id: idFromUrl(search.url) })
        .first(),
    ).toBeUndefined();
  });

  it('accepts a foreign address with its own postal code format', async () => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[2],
      siret: '',
      country: 'BE',
      postalCode: '1050',
      city: 'Ixelles',
      phone: '02 512 34 56',
    });
    expect(result.$('.error-summary').text()).toBe('');
    const site = await t
      .db('sites')
      .where({ client_id: idFromUrl(result.url) })
      .first();
    expect([site!.country, site!.postal_code, site!.city, site!.phone]).toEqual([
      'BE',
      '1050',
      'Ixelles',
      '+3225123456',
    ]);
  });

  it('lists every country with its French name, France first and preselected', async () => {
    const page = await atStep(2);
    const options = page.$('#country option');
    expect(options.length).toBeGreaterThanOrEqual(249);
    expect(options.first().text()).toBe('France');
    expect(page.$('#country option[selected]').val()).toBe('FR');
    const names = options.map((_, o) => page.$(o).text()).get();
    expect(names).toEqual(expect.arrayContaining(['Guadeloupe', 'Martinique', 'Allemagne', 'Belgique']));
  });
});

describe('IBAN, amounts, web addresses, legal forms', () => {
  it('refuses a French IBAN whose RIB key is wrong though its mod-97 key is right', async () => {
    const page = await atStep(3);
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[3],
      paymentMethod: 'sepa',
      iban: 'FR49 3000 6000 0112 3456 7890 190',
    });
    expect(result.status).toBe(400);
    expect(text(result, '#iban-error')).toMatch(/clé RIB/i);
  });

  it('shows the IBAN in groups of four on the summary', async () => {
    const page = await createClient(browser, {
      1: step1(),
      3: { paymentMethod: 'sepa', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' },
    });
    expect(text(page, 'main')).toContain('FR76 3000 6000 0112 3456 7890 189');
  });

  it.each([
    ['1500.5', 150050],
    ['1 500 €', 150000],
    ['0,99', 99],
  ])('reads the deposit « %s » as %i cents', async (deposit, cents) => {
    const page = await atStep(1);
    const result = await submitStep(browser, page, { ...step1(), guaranteeType: 'depot', deposit });
    const row = await t
      .db('clients')
      .where({ id: idFromUrl(result.url) })
      .first();
    expect(Number(row!.deposit_cents)).toBe(cents);
  });

  it('offers the legal forms as « SIGLE - Libellé » and stores the INSEE code', async () => {
    const page = await atStep(1);
    const labels = page
      .$('#legalForm option')
      .map((_, o) => page.$(o).text())
      .get();
    expect(labels).toEqual(
      expect.arrayContaining(['EI - Entreprise individuelle', 'Association loi 1901', 'Autre']),
    );
    const result = await submitStep(browser, page, { ...step1(), legalForm: '5710' });
    const row = await t
      .db('clients')
      .where({ id: idFromUrl(result.url) })
      .first();
    expect(row!.legal_form).toBe('5710');
  });

  it('refuses a web address that is not one, with an example', async () => {
    const page = await atStep(1);
    const result = await submitStep(browser, page, { ...step1(), website: 'javascript:alert(1)' });
    expect(result.status).toBe(400);
    expect(text(result, '#website-error')).toContain('par exemple');
  });
});

// Issue 9: French data right in every territory, each class through the step that shows it.
describe('French data in every territory (issue 9)', () => {
  const fullWidth = (s: string) =>
    s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
  const sitesOf = (page: Page) => t.db('sites').where({ client_id: idFromUrl(page.url) });
  const martinique = { siret: '', country: 'FR', postalCode: '97200', city: 'Fort-de-France' };

  it('refuses, for a company being created, a SIRET whose SIREN part fails its key', async () => {
    const page = await atStep(2, { 1: { enCreation: 'oui', siren: '' } });
    // 732 829 321 is not a SIREN, yet the 14 digits pass Luhn.
    const result = await submitStep(browser, page, { ...STEP_ANSWERS[2], siret: '732 829 321 00007' });
    expect(result.status).toBe(400);
    expect(text(result, '#siret-error')).toContain('ses 9 premiers chiffres ne forment pas un SIREN valide');
    expect(result.$('#siret').val()).toBe('732 829 321 00007');
  });

  it('refuses a Martinique number outside the allocated blocks instead of making it metropolitan', async () => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[2],
      ...martinique,
      phone: '0596 11 12 34',
    });
    expect(result.status).toBe(400);
    expect(text(result, '#phone-error')).toBe(
      'Erreur : Ce numéro n’existe pas en Martinique : saisissez un numéro de téléphone valide, par exemple 0596 30 12 34',
    );
    expect(result.$('#phone').val()).toBe('0596 11 12 34');
    expect(await sitesOf(result)).toEqual([]);
  });

  it('reads « +33 596 … » for a site in Paris as the Martinique number it is', async () => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[2],
      siret: '',
      phone: '+33 596 63 12 34',
    });
    expect(result.$('form h2').text()).toBe('CRÉATION DU POINT DE FACTURATION');
    expect((await sitesOf(result))[0]!.phone).toBe('+596596631234');
  });

  it('gives the example of the address’s territory when Téléphone is left empty', async () => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, { ...STEP_ANSWERS[2], ...martinique, phone: '' });
    expect(result.status).toBe(400);
    expect(text(result, '#phone-error')).toBe(
      'Erreur : Saisissez un numéro de téléphone, par exemple 0596 30 12 34',
    );
    // Step 4's Téléphone takes the main site's territory: La Réunion here.
    const step4 = await atStep(4, {
      2: { siret: '', postalCode: '97400', city: 'Saint-Denis', phone: '0262 40 12 34' },
    });
    const admin = await submitStep(browser, step4, { ...STEP_ANSWERS[4], phone: '' });
    expect(text(admin, '#phone-error')).toBe(
      'Erreur : Saisissez un numéro de téléphone, par exemple 0262 16 12 34',
    );
  });

  it.each([
    ['BNPA FR PP XXX', 'BNPAFRPPXXX'],
    ['BNPA-FR-PP-XXX', 'BNPAFRPPXXX'],
  ])('accepts the BIC « %s » and stores %s', async (bic, stored) => {
    const page = await atStep(3);
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[3],
      paymentMethod: 'sepa',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic,
    });
    expect(result.$('.error-summary').text()).toBe('');
    expect(result.$('form h2').text()).toBe('CRÉATION DE L’ADMINISTRATEUR');
    const billing = await t
      .db('billing_points')
      .where({ client_id: idFromUrl(result.url) })
      .first();
    expect(billing!.bic).toBe(stored);
  });

  it('keeps the commune it found when another field of the step is wrong', async () => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[2],
      street: '',
      postalCode: '37550',
      city: '',
    });
    expect(result.status).toBe(400);
    expect(text(result, '#street-error')).toContain('Voie');
    expect(result.$('#city').val()).toBe('Saint-Avertin');
    expect(result.$('#city-error').length).toBe(0);
  });

  it('says that 98000 is Monaco’s and switches Pays to Monaco, keeping everything typed', async () => {
    const page = await atStep(2);
    const typed = {
      ...STEP_ANSWERS[2],
      siret: '',
      postalCode: '98000',
      city: 'Monaco',
      phone: '93 15 26 00',
    };
    const refused = await submitStep(browser, page, typed);
    expect(refused.status).toBe(400);
    expect(text(refused, '#postalCode-error')).toContain('Monaco, qui est un pays à part entière');
    const button = refused.$('button[name=action][value="pays:MC"]');
    expect(button.text()).toBe('Choisir le pays Monaco');

    // What the browser sends when the button is pressed: the form as it stands, and the button's value.
    const action = refused.$('form.step-form').attr('action')!;
    const switched = await browser.post(action, { ...formFields(refused), action: 'pays:MC' });
    expect(switched.status).toBe(200);
    expect(switched.$('#country option[selected]').val()).toBe('MC');
    expect(switched.$('.error-summary').length).toBe(0);
    expect(text(switched, '.notice')).toContain('Pays changé pour Monaco');
    for (const name of ['postalCode', 'city', 'street', 'streetNumber', 'phone']) {
      expect([name, switched.$(`#${name}`).val()]).toEqual([name, typed[name as keyof typeof typed]]);
    }
    expect(await sitesOf(switched)).toEqual([]);

    const saved = await submitStep(browser, switched, {});
    expect(saved.$('form h2').text()).toBe('CRÉATION DU POINT DE FACTURATION');
    const site = (await sitesOf(saved))[0];
    expect([site!.country, site!.postal_code, site!.city, site!.phone]).toEqual([
      'MC',
      '98000',
      'Monaco',
      '+37793152600',
    ]);
  });

  it('refuses a CEDEX code, asking for the commune’s postal code', async () => {
    const page = await atStep(2);
    const result = await submitStep(browser, page, { ...STEP_ANSWERS[2], postalCode: '92055', city: '' });
    expect(text(result, '#postalCode-error')).toContain(
      'pour une adresse CEDEX, saisissez le code postal de la commune',
    );
  });

  it('normalises full-width digits and tabs in identifiers like spaces (NFKC)', async () => {
    const page = await createClient(browser, {
      1: { ...step1(), siren: fullWidth('732 829 320') },
      2: {
        siret: '732\t829\t320\t00074',
        phone: fullWidth('02 47 27 12 34'),
        postalCode: fullWidth('37550'),
        city: '',
      },
      3: {
        paymentMethod: 'sepa',
        iban: fullWidth('FR76 3000 6000 0112 3456 7890 189'),
        bic: 'BNPA\tFR\tPP',
      },
    });
    const id = idFromUrl(page.url);
    const client = await t.db('clients').where({ id }).first();
    const site = await t.db('sites').where({ client_id: id }).first();
    const billing = await t.db('billing_points').where({ client_id: id }).first();
    expect(client!.siren).toBe('732829320');
    expect([site!.siret, site!.phone, site!.postal_code, site!.city]).toEqual([
      '73282932000074',
      '+33247271234',
      '37550',
      'Saint-Avertin',
    ]);
    expect([billing!.iban, billing!.bic]).toEqual(['FR7630006000011234567890189', 'BNPAFRPP']);
  });
});
