// « Ajouter un client » driven the way a browser with JavaScript off drives it.
import { formFields } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { createClient, STEP_ANSWERS, submitStep } from '../support/wizard';
import { steps } from '../../src/clients/fields/steps';
import { requiredMessage } from '../../src/clients/fields/validation';
import { text, idFromUrl, signedIn as signInAs } from '../support/pages';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A browser signed in as a new user of its own company (or of the one named). */
const signedIn = async (company?: string) => signInAs(t.app, await t.createUser({ company }));

describe('the four steps', () => {
  it('goes from « + » on Mes clients to « Votre client est créé. » with a summary of the four sections', async () => {
    const browser = await signedIn();
    const list = await browser.get('/clients');
    // Its visible text says what it does: a bare « + » means nothing in a text browser.
    const plus = list.$('a.add-client');
    expect(plus.text()).toBe('+ Ajouter un client');
    let page = await browser.get(plus.attr('href')!);
    const headings: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      expect(page.status).toBe(200);
      expect(text(page, 'h1')).toBe('Nouveau client final');
      headings.push(text(page, 'form h2'));
      const stepper = page.$('.stepper li');
      expect(stepper.length).toBe(4);
      expect(stepper.index(page.$('.stepper li[aria-current=step]'))).toBe(n - 1);
      // Reached steps are buttons styled as links (they save before leaving), each telling whether it is complete.
      expect(page.$('.stepper li button').length).toBe(n - 1);
      expect(page.$('.stepper li.complete').length).toBe(n - 1);
      expect(page.$('form.step-form').attr('novalidate')).toBeDefined();
      expect(text(page, '.required-note')).toBe('* champ obligatoire');
      const buttons = page
        .$('.actions button')
        .map((_, b) => page.$(b).text())
        .get();
      expect(buttons).toEqual(['Enregistrer et continuer', 'Enregistrer en brouillon']);
      // The first submit button of the form, the one Enter presses, continues.
      expect(page.$('form.step-form button[type=submit]').first().attr('value')).toBe('continuer');
      page = await submitStep(browser, page, STEP_ANSWERS[n]!);
    }
    expect(headings).toEqual([
      'INFORMATIONS GÉNÉRALES',
      'CRÉATION DU SITE PRINCIPAL',
      'CRÉATION DU POINT DE FACTURATION',
      'CRÉATION DE L’ADMINISTRATEUR',
    ]);
    expect(text(page, 'h1')).toBe('Votre client est créé.');
    expect(
      page
        .$('.summary-section h2')
        .map((_, h) => page.$(h).contents().first().text().trim())
        .get(),
    ).toEqual(['Informations générales', 'Site principal', 'Point de facturation', 'Administrateur']);
    expect(
      page
        .$('.summary-section h2 a')
        .map((_, a) => page.$(a).contents().first().text())
        .get(),
    ).toEqual(Array(4).fill('Modifier'));
    const summary = text(page, 'main');
    expect(summary).toContain('FR44732829320'); // TVA computed from the SIREN
    expect(summary).toContain('Saint-Avertin'); // « saint avertin » matched to the official name
    expect(summary).toContain('732 829 320 00074');
    expect(summary).toContain('https://www.boulangerie-martin.fr');
    expect(summary).toContain('Direction Générale, Comptabilité');
    const id = idFromUrl(page.url);
    const row = await t.db('clients').where({ id }).first();
    expect(row!.state).toBe('active');
    expect(row!.siren).toBe('732829320');
    const site = await t.db('sites').where({ client_id: id }).first();
    expect(site!.phone).toBe('+33247271234');
    expect(site!.city_insee).toBe('37208');
    const admin = await t.db('contacts').where({ client_id: id }).first();
    expect(JSON.parse(admin!.functions!)).toEqual(['direction_generale', 'comptabilite']);
    const events = await t.db('client_events').where({ client_id: id }).orderBy('id').pluck('action');
    expect(events).toEqual(['created', 'updated', 'updated', 'updated', 'activated']);
  });

  it('suggests the next free reference', async () => {
    const browser = await signedIn();
    const first = await browser.get('/clients/nouveau?nouveau=1');
    expect(first.$('#reference').val()).toBe('CLI-000001');
    await createClient(browser);
    const second = await browser.get('/clients/nouveau?nouveau=1');
    expect(second.$('#reference').val()).toBe('CLI-000002');
  });

  it('prefills the billing point from the first steps, and copies the main site’s address on request', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    page = await submitStep(browser, page, STEP_ANSWERS[1]!);
    page = await submitStep(browser, page, {
      ...STEP_ANSWERS[2],
      streetNumber: '7 bis',
      street: 'avenue du Général de Gaulle',
    });
    expect(page.$('#accountHolder').val()).toBe('Boulangerie Martin');
    expect(page.$('#billingEmail').val()).toBe('admin@boulangerie-martin.fr');
    expect(page.$('#street').val()).toBe('');
    const copied = await submitStep(
      browser,
      page,
      { billingEmail: 'compta@boulangerie-martin.fr' },
      'adresse',
    );
    expect(copied.status).toBe(200);
    expect(copied.$('#streetNumber').val()).toBe('7 bis');
    expect(copied.$('#street').val()).toBe('avenue du Général de Gaulle');
    expect(copied.$('#city').val()).toBe('Saint-Avertin');
    // What was typed in the form is kept, and nothing was saved yet.
    expect(copied.$('#billingEmail').val()).toBe('compta@boulangerie-martin.fr');
    const id = idFromUrl(copied.url);
    expect(await t.db('billing_points').where({ client_id: id }).first()).toBeUndefined();
  });

  it('fills in the commune of a postal code that has only one, on submit', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    page = await submitStep(browser, page, STEP_ANSWERS[1]!);
    page = await submitStep(browser, page, { ...STEP_ANSWERS[2], city: '' });
    expect(page.$('form h2').text()).toBe('CRÉATION DU POINT DE FACTURATION');
    const id = idFromUrl(page.url);
    const site = await t.db('sites').where({ client_id: id }).first();
    expect(site!.city).toBe('Saint-Avertin');
  });

  it('offers a select of communes for a postal code that has several, without JavaScript', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    page = await submitStep(browser, page, STEP_ANSWERS[1]!);
    const search = await submitStep(
      browser,
      page,
      { ...STEP_ANSWERS[2], siret: '', postalCode: '51300', city: '' },
      'commune',
    );
    expect(search.status).toBe(200);
    const options = search
      .$('select#city option')
      .map((_, o) => search.$(o).text())
      .get();
    expect(options.length).toBeGreaterThan(10);
    expect(options).toContain('Vitry-le-François');
    const chosen = await submitStep(browser, search, { city: 'Vitry-le-François' });
    expect(chosen.$('form h2').text()).toBe('CRÉATION DU POINT DE FACTURATION');
  });

  it('the browser’s back button never meets a « resubmit » prompt: every successful POST redirects (303)', async () => {
    const browser = await signedIn();
    await browser.get('/clients/nouveau?nouveau=1');
    const res = await browser.agent
      .post('/clients/nouveau')
      .type('form')
      .send({
        ...formFields(await browser.get('/clients/nouveau?nouveau=1'), STEP_ANSWERS[1]),
        _csrf: browser.csrfToken(),
        action: 'continuer',
      });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/clients\/\d+\/etape\/2$/);
  });
});

describe('validation', () => {
  it.each(
    steps.flatMap((s) =>
      s.fields
        .filter((f) => f.required === true && f.kind !== 'fixed')
        .map((f) => [s.number, f.name, f] as const),
    ),
  )(
    'step %i: « %s » left empty gets its message, by the field and in the summary',
    async (n, name, field) => {
      const browser = await signedIn();
      let page = await browser.get('/clients/nouveau?nouveau=1');
      for (let i = 1; i < n; i++) page = await submitStep(browser, page, STEP_ANSWERS[i]!);
      const emptied = field.kind === 'checkboxes' ? [] : '';
      // A postal code with one commune fills the commune in: leave it empty under one that has several.
      const typed = {
        ...STEP_ANSWERS[n],
        ...(name === 'city' ? { postalCode: '51300' } : {}),
        [name]: emptied,
      };
      // A radio group left unanswered sends nothing at all.
      const fields = formFields(page, typed);
      if (field.kind === 'radio' || field.kind === 'yesno') delete fields[name];
      const result = await browser.post(page.$('form.step-form').attr('action')!, {
        ...fields,
        action: 'continuer',
      });
      expect(result.status).toBe(400);
      // Knowing the answers (a commune's message names its postal code's communes).
      const message = requiredMessage(field, { answers: typed, all: { [n]: typed } });
      expect(text(result, `#${name}-error`)).toContain(message);
      expect(
        result
          .$('.error-summary a')
          .map((_, a) => result.$(a).text())
          .get(),
      ).toContain(message);
    },
  );

  it('an error page: status 400, « Erreur : » title, focusable summary whose links point at existing ids, everything kept', async () => {
    const browser = await signedIn();
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const result = await submitStep(browser, page, {
      raisonSociale: '',
      reference: 'CLI-777',
      siren: '732 829 321',
      website: 'pas une adresse',
      emailCommercial: 'commercial@',
      guaranteeType: 'depot',
      deposit: '',
      comment: 'Client rencontré au salon « Franchise Expo » ; rappeler lundi.',
    });
    expect(result.status).toBe(400);
    expect(result.$('title').text()).toMatch(/^Erreur : /);
    const summary = result.$('.error-summary');
    expect(summary.attr('tabindex')).toBe('-1');
    expect(summary.attr('autofocus')).toBeDefined();
    expect(text(result, '.error-summary h2')).toBe('Le formulaire contient 5 erreurs');
    for (const href of summary
      .find('a')
      .map((_, a) => result.$(a).attr('href'))
      .get()) {
      expect(result.$(href).length).toBe(1);
    }
    expect(result.$('#siren').attr('aria-invalid')).toBe('true');
    expect(result.$('#siren').attr('aria-describedby')).toContain('siren-error');
    expect(text(result, '#siren-error')).toMatch(/SIREN/);
    expect(text(result, '#deposit-error')).toMatch(/dépôt|montant/i);
    // Everything typed comes back.
    expect(result.$('#reference').val()).toBe('CLI-777');
    expect(result.$('#siren').val()).toBe('732 829 321');
    expect(result.$('#website').val()).toBe('pas une adresse');
    expect(result.$('#comment').text()).toBe(
      'Client rencontré au salon « Franchise Expo » ; rappeler lundi.',
    );
    expect(result.$('#guaranteeType option[selected]').val()).toBe('depot');
    // And nothing was saved.
    expect(await t.db('clients').where({ reference: 'CLI-777' }).first()).toBeUndefined();
  });

  it.each([
    ['SIREN is required for a company that exists', { enCreation: 'non', siren: '' }, 'siren'],
    ['SIREN may stay empty for a company being created', { enCreation: 'oui', siren: '' }, undefined],
    ['Dépôt is required with « Dépôt de garantie »', { guaranteeType: 'depot', deposit: '' }, 'deposit'],
    [
      'SIREN must still be valid when given for a company being created',
      { enCreation: 'oui', siren: '123' },
      'siren',
    ],
    [
      'Dépôt is refused without « Dépôt de garantie »',
      { guaranteeType: 'aucune', deposit: '500' },
      'deposit',
    ],
    [
      'Dépôt must be positive with « Dépôt de garantie »',
      { guaranteeType: 'depot', deposit: '0' },
      'deposit',
    ],
    ['Dépôt accepts « 1 500,50 »', { guaranteeType: 'depot', deposit: '1 500,50' }, undefined],
    ['Raison sociale over 120 characters', { raisonSociale: 'A'.repeat(121) }, 'raisonSociale'],
  ])('%s', async (_name, overrides, failing) => {
    const browser = await signedIn();
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const result = await submitStep(browser, page, { ...STEP_ANSWERS[1], ...overrides });
    if (failing) {
      expect(result.status).toBe(400);
      expect(result.$(`#${failing}-error`).length).toBe(1);
    } else {
      expect(result.$('form h2').text()).toBe('CRÉATION DU SITE PRINCIPAL');
    }
  });

  it('stores the deposit in cents', async () => {
    const browser = await signedIn();
    const page = await createClient(browser, { 1: { guaranteeType: 'depot', deposit: '1 500,50' } });
    const row = await t
      .db('clients')
      .where({ id: idFromUrl(page.url) })
      .first();
    expect(Number(row!.deposit_cents)).toBe(150050);
    expect(text(page, 'main')).toMatch(/1\s500,50\s€/);
  });

  it('IBAN is required and checked for Prélèvement SEPA only', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    page = await submitStep(browser, page, STEP_ANSWERS[1]!);
    page = await submitStep(browser, page, STEP_ANSWERS[2]!);
    const sepa = await submitStep(browser, page, { ...STEP_ANSWERS[3], paymentMethod: 'sepa', iban: '' });
    expect(sepa.status).toBe(400);
    expect(sepa.$('#iban-error').length).toBe(1);
    const wrong = await submitStep(browser, sepa, {
      paymentMethod: 'sepa',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
    });
    expect(wrong.status).toBe(400);
    const cheque = await submitStep(browser, wrong, {
      paymentMethod: 'cheque',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
    });
    expect(cheque.$('form h2').text()).toBe('CRÉATION DE L’ADMINISTRATEUR');
    const page3 = await browser.get(cheque.url.replace('/etape/4', '/etape/3'));
    const good = await submitStep(browser, page3, {
      paymentMethod: 'sepa',
      iban: 'fr76 3000 6000 0112 3456 7890 189',
      bic: 'agrifrpp',
    });
    expect(good.$('form h2').text()).toBe('CRÉATION DE L’ADMINISTRATEUR');
    const row = await t
      .db('billing_points')
      .where({ client_id: idFromUrl(good.url) })
      .first();
    expect(row!.iban).toBe('FR7630006000011234567890189');
    expect(row!.bic).toBe('AGRIFRPP');
  });

  it('refuses a reference another customer of the same partner has, drafts included, but not another partner’s', async () => {
    const browser = await signedIn('Partenaire A');
    let page = await browser.get('/clients/nouveau?nouveau=1');
    await submitStep(browser, page, { ...STEP_ANSWERS[1], reference: 'MARTIN-1' }, 'brouillon');
    page = await browser.get('/clients/nouveau?nouveau=1');
    const twice = await submitStep(browser, page, {
      ...STEP_ANSWERS[1],
      raisonSociale: 'Autre',
      reference: 'MARTIN-1',
    });
    expect(twice.status).toBe(400);
    expect(text(twice, '#reference-error')).toContain('déjà utilisée par le client « Boulangerie Martin »');
    const other = await signedIn('Partenaire B');
    page = await other.get('/clients/nouveau?nouveau=1');
    const elsewhere = await submitStep(other, page, { ...STEP_ANSWERS[1], reference: 'MARTIN-1' });
    expect(elsewhere.$('form h2').text()).toBe('CRÉATION DU SITE PRINCIPAL');
  });

  it('warns, without blocking, about another customer with the same SIREN', async () => {
    const browser = await signedIn();
    await createClient(browser);
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const next = await submitStep(browser, page, { ...STEP_ANSWERS[1], raisonSociale: 'Martin Fils' });
    expect(next.$('form h2').text()).toBe('CRÉATION DU SITE PRINCIPAL');
    expect(text(next, '.notice.warning')).toContain('déjà un client avec ce SIREN');
    expect(next.$('.notice.warning a').text()).toBe('Voir « Boulangerie Martin »');
  });

  it('activation with an invalid earlier step sends the person to the first step with errors', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    for (const n of [1, 2, 3]) page = await submitStep(browser, page, STEP_ANSWERS[n]!);
    const id = idFromUrl(page.url);
    // Back to step 1 through the stepper, a typo in the SIREN saved as a draft, then on to step 4.
    const step1 = await submitStep(browser, page, {}, page.$('.stepper button').first().attr('value'));
    expect(step1.url).toBe(`/clients/${id}/etape/1`);
    await submitStep(browser, step1, { siren: '123 456 789' }, 'brouillon');
    page = await browser.get(`/clients/${id}/etape/4`);
    const result = await submitStep(browser, page, STEP_ANSWERS[4]!);
    expect(result.url).toBe(`/clients/${id}/etape/1?verifier=1`);
    expect(result.$('#siren-error').length).toBe(1);
    expect((await t.db('clients').where({ id }).first())!.state).toBe('draft');
  });
});

describe('drafts', () => {
  it.each([1, 2, 3, 4])(
    'saved at step %i: lands on Mes clients filtered on Brouillon, and reopens with what was typed, invalid values included',
    async (n) => {
      const browser = await signedIn();
      let page = await browser.get('/clients/nouveau?nouveau=1');
      for (let i = 1; i < n; i++) page = await submitStep(browser, page, STEP_ANSWERS[i]!);
      const invalid: Record<number, Record<string, string>> = {
        1: { raisonSociale: 'Café « Le Zinc » & Cie', siren: '12345', comment: 'Rappeler   après 18h' },
        2: { phone: '01 23', postalCode: '3755', street: 'rue Nationale' },
        3: { billingEmail: 'compta@', paymentMethod: 'sepa', iban: 'FR00 1234' },
        4: { email: 'paul@', mobile: '01 45 45 32 45', lastName: 'Dupont-Aignan' },
      };
      const saved = await submitStep(browser, page, { ...STEP_ANSWERS[n], ...invalid[n] }, 'brouillon');
      expect(saved.url).toBe('/clients?etat=brouillon');
      expect(text(saved, '.notice')).toBe(
        'Brouillon enregistré. Retrouvez votre client à l’aide des filtres, état « brouillon ».',
      );
      const row = saved
        .$('tbody tr')
        .filter((_, tr) => saved.$(tr).text().includes('Brouillon'))
        .first();
      const resume = row.find('a').filter((_, a) => saved.$(a).text().startsWith('Reprendre la saisie'));
      expect(resume.length).toBe(1);
      const reopened = await browser.get(`${resume.attr('href')!.replace(/etape\/\d/, `etape/${n}`)}`);
      for (const [name, value] of Object.entries(invalid[n]!)) {
        const control = reopened.$(`#${name}`);
        const shown = control.is('textarea')
          ? control.text()
          : control.is('select')
            ? control.find('option[selected]').val()
            : control.val();
        expect(shown).toBe(value);
      }
      // The problems are marked, not as errors until the person continues.
      expect(reopened.$('.error-summary').length).toBe(0);
      expect(reopened.$('[aria-invalid]').length).toBe(0);
      expect(reopened.$('.pending-message').length).toBeGreaterThan(0);
      expect(text(reopened, '.notice.warning')).toMatch(/Ce brouillon n’est pas complet/);
    },
  );

  it('« + » with an unfinished draft offers to resume it or start a new one', async () => {
    const browser = await signedIn();
    const page = await browser.get('/clients/nouveau');
    await submitStep(browser, page, STEP_ANSWERS[1]!);
    const choice = await browser.get('/clients/nouveau');
    expect(text(choice, 'h1')).toBe('Ajouter un client');
    const links = choice.$('main .actions a');
    expect(links.eq(0).text()).toBe('Reprendre le brouillon en cours');
    expect(links.eq(0).attr('href')).toMatch(/^\/clients\/\d+\/etape\/2$/);
    expect(links.eq(1).text()).toBe('Commencer un nouveau client');
    expect(links.eq(1).attr('href')).toBe('/clients/nouveau?nouveau=1');
    const fresh = await browser.get(links.eq(1).attr('href')!);
    expect(fresh.$('#raisonSociale').val()).toBe('');
  });

  it('two drafts in two tabs never mix', async () => {
    const browser = await signedIn();
    const tabA = await browser.get('/clients/nouveau?nouveau=1');
    const tabB = await browser.get('/clients/nouveau?nouveau=1');
    const a2 = await submitStep(browser, tabA, {
      ...STEP_ANSWERS[1],
      raisonSociale: 'Client A',
      reference: 'A-1',
    });
    const b2 = await submitStep(browser, tabB, {
      ...STEP_ANSWERS[1],
      raisonSociale: 'Client B',
      reference: 'B-1',
    });
    expect(idFromUrl(a2.url)).not.toBe(idFromUrl(b2.url));
    await submitStep(browser, a2, { ...STEP_ANSWERS[2], street: 'rue de A' });
    await submitStep(browser, b2, { ...STEP_ANSWERS[2], street: 'rue de B' });
    const siteA = await t
      .db('sites')
      .where({ client_id: idFromUrl(a2.url) })
      .first();
    const siteB = await t
      .db('sites')
      .where({ client_id: idFromUrl(b2.url) })
      .first();
    expect([siteA!.street, siteB!.street]).toEqual(['rue de A', 'rue de B']);
  });

  it('refuses a save over a newer version, keeps what was typed and shows both versions', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    page = await submitStep(browser, page, STEP_ANSWERS[1]!);
    const id = idFromUrl(page.url);
    const tab1 = await browser.get(`/clients/${id}/etape/1`);
    const tab2 = await browser.get(`/clients/${id}/etape/1`);
    await submitStep(browser, tab1, { raisonSociale: 'Boulangerie Martin et Fils' }, 'brouillon');
    const stale = await submitStep(browser, tab2, { raisonSociale: 'Boulangerie Martine' });
    expect(stale.status).toBe(409);
    expect(stale.$('title').text()).toMatch(/^Erreur : /);
    expect(text(stale, '#conflict-title')).toBe('Ce client a été modifié entre-temps');
    expect(text(stale, 'table')).toContain('Boulangerie Martine');
    expect(text(stale, 'table')).toContain('Boulangerie Martin et Fils');
    expect(stale.$('#raisonSociale').val()).toBe('Boulangerie Martine');
    expect((await t.db('clients').where({ id }).first())!.raison_sociale).toBe('Boulangerie Martin et Fils');
    // Saving again from there, knowingly, goes through.
    const again = await submitStep(browser, stale, {});
    expect(again.$('form h2').text()).toBe('CRÉATION DU SITE PRINCIPAL');
    expect((await t.db('clients').where({ id }).first())!.raison_sociale).toBe('Boulangerie Martine');
  });

  it('the final POST sent twice creates one customer and lands on the same confirmation', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    page = await submitStep(browser, page, { ...STEP_ANSWERS[1], raisonSociale: 'Double Clic SARL' });
    for (const n of [2, 3]) page = await submitStep(browser, page, STEP_ANSWERS[n]!);
    const fields = { ...formFields(page, STEP_ANSWERS[4]), action: 'continuer' };
    const url = page.$('form.step-form').attr('action')!;
    const first = await browser.post(url, fields);
    const second = await browser.post(url, fields);
    expect(text(first, 'h1')).toBe('Votre client est créé.');
    expect(second.url).toBe(first.url);
    expect(text(second, 'h1')).toBe('Votre client est créé.');
    const id = idFromUrl(url);
    const activations = await t.db('client_events').where({ client_id: id, action: 'activated' }).pluck('id');
    expect(activations).toHaveLength(1);
    expect(await t.db('clients').where({ raison_sociale: 'Double Clic SARL' }).pluck('id')).toEqual([id]);
  });

  it('does not let a draft skip steps it has not reached', async () => {
    const browser = await signedIn();
    const page = await submitStep(browser, await browser.get('/clients/nouveau?nouveau=1'), STEP_ANSWERS[1]!);
    const id = idFromUrl(page.url);
    const skipped = await browser.get(`/clients/${id}/etape/4`);
    expect(skipped.url).toBe(`/clients/${id}/etape/2`);
  });
});

describe('an active customer', () => {
  it('« Modifier » opens the same step with the same rules', async () => {
    const browser = await signedIn();
    const created = await createClient(browser);
    const edit = await browser.get(created.$('.summary-section h2 a').eq(1).attr('href')!);
    expect(text(edit, 'h1')).toBe('Modifier le site principal');
    expect(edit.$('#phone').val()).toBe('02 47 27 12 34');
    const invalid = await submitStep(browser, edit, { phone: '12' });
    expect(invalid.status).toBe(400);
    const saved = await submitStep(browser, invalid, { phone: '02 47 00 00 00' });
    expect(saved.url).toBe(`/clients/${idFromUrl(created.url)}`);
    expect(text(saved, '.notice')).toBe('Modifications enregistrées.');
  });
});

describe('ownership', () => {
  it('another partner gets 404 on every page of a draft and of a customer', async () => {
    const owner = await signedIn('Propriétaire');
    const created = await createClient(owner);
    const id = idFromUrl(created.url);
    const draftPage = await submitStep(owner, await owner.get('/clients/nouveau?nouveau=1'), {
      ...STEP_ANSWERS[1],
      reference: 'X-2',
    });
    const draftId = idFromUrl(draftPage.url);
    const intruder = await signedIn('Intrus');
    await intruder.get('/clients');
    for (const url of [
      `/clients/${draftId}/etape/1`,
      `/clients/${draftId}/etape/2`,
      `/clients/${id}/etape/3`,
      `/clients/${id}/cree`,
      `/clients/${id}`,
    ]) {
      expect((await intruder.get(url)).status).toBe(404);
    }
    const post = await intruder.post(`/clients/${draftId}/etape/1`, {
      ...STEP_ANSWERS[1],
      version: '1',
      action: 'brouillon',
    });
    expect(post.status).toBe(404);
    expect((await t.db('clients').where({ id: draftId }).first())!.raison_sociale).toBe('Boulangerie Martin');
  });
});
