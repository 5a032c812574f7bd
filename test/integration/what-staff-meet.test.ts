// What a partner's staff meet on the server's side (issue 10): a search that is not an error, customer
// fields the browser does not fill with the user's own data, required groups announced, titles and
// messages that say what is shown and what to do.
import { Browser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { signedIn as signedInAs, text } from '../support/pages';
import { createClient, STEP_ANSWERS, submitStep } from '../support/wizard';

jest.setTimeout(30_000);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signedIn = async () => signedInAs(t.app, await t.createUser());

async function atStep(browser: Browser, n: number) {
  let page = await browser.get('/clients/nouveau?nouveau=1');
  for (let i = 1; i < n; i++) page = await submitStep(browser, page, STEP_ANSWERS[i]!);
  return page;
}

describe('« Rechercher la commune »', () => {
  it('with 51300, a neutral prompt and the list: status 200, no « Erreur : », no error summary', async () => {
    const browser = await signedIn();
    const page = await atStep(browser, 2);
    const search = await submitStep(browser, page, { postalCode: '51300', city: '' }, 'commune');
    expect(search.status).toBe(200);
    expect(search.$('title').text()).not.toMatch(/Erreur/);
    expect(search.$('.error-summary').length).toBe(0);
    expect(search.$('[aria-invalid]').length).toBe(0);
    const count = search.$('select#city option').filter((_, o) => search.$(o).attr('value') !== '').length;
    expect(text(search, '.notice')).toBe(`${count} communes pour 51300 : choisissez la vôtre`);
  });

  it('with an unknown postal code, says so without an error page', async () => {
    const browser = await signedIn();
    const page = await atStep(browser, 2);
    const search = await submitStep(browser, page, { postalCode: '99999', city: '' }, 'commune');
    expect(search.status).toBe(200);
    expect(search.$('.error-summary').length).toBe(0);
    expect(text(search, '.notice.warning')).toContain('n’existe pas');
  });
});

describe('the step forms', () => {
  it('give every customer field autocomplete="off": a browser never offers the user’s own data', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    for (const n of [1, 2, 3, 4]) {
      const controls = page
        .$('form.step-form')
        .find('input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea');
      expect(controls.length).toBeGreaterThan(3);
      controls.each((_, el) =>
        expect([n, page.$(el).attr('name'), page.$(el).attr('autocomplete')]).toEqual([
          n,
          page.$(el).attr('name'),
          'off',
        ]),
      );
      page = await submitStep(browser, page, STEP_ANSWERS[n]!);
    }
    // The sign-in form, the user's own data, keeps its tokens.
    const signIn = await new Browser(t.app).get('/connexion');
    expect(signIn.$('input[type=password]').attr('autocomplete')).toBe('current-password');
  });

  it('announce required radio groups as required, and « * champ obligatoire » with its star', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    const groups: Record<number, string[]> = { 1: ['enCreation'], 3: ['paperInvoice'], 4: ['civility'] };
    for (const n of [1, 2, 3, 4]) {
      expect(text(page, '.required-note')).toBe('* champ obligatoire');
      expect(page.$('.required-note [aria-hidden]').length).toBe(0);
      for (const name of groups[n] ?? []) {
        const group = page.$(`fieldset:has(input[name=${name}])`);
        expect([name, group.attr('role'), group.attr('aria-required')]).toEqual([name, 'radiogroup', 'true']);
        expect(text(page, `fieldset:has(input[name=${name}]) legend`)).toMatch(/\(obligatoire\)$/);
        group.find('input').each((_, r) => expect(page.$(r).attr('required')).toBeDefined());
      }
      page = await submitStep(browser, page, STEP_ANSWERS[n]!);
    }
  });

  it('keep Enter on « Enregistrer et continuer » with a first button a text browser does not show', async () => {
    const browser = await signedIn();
    const page = await atStep(browser, 2);
    const first = page.$('form.step-form button[type=submit]').first();
    expect(first.attr('value')).toBe('continuer');
    expect(first.attr('hidden')).toBeDefined();
    expect(first.text()).toBe('');
  });

  it('step 3 says the billing address may differ from the main site’s', async () => {
    const browser = await signedIn();
    const page = await atStep(browser, 3);
    expect(text(page, 'fieldset.group')).toContain(
      'L’adresse de facturation peut être, au choix, identique ou non à celle du site principal',
    );
  });

  it('step 4 ticks « Administration des ventes » for a new administrator', async () => {
    const browser = await signedIn();
    const page = await atStep(browser, 4);
    const ticked = page.$('input[name=functions][checked]');
    expect(ticked.map((_, i) => page.$(i).parent().text().trim()).get()).toEqual([
      'Administration des ventes',
    ]);
  });

  it('a required e-mail left empty says « Renseignez », and one bad postal code gives one error', async () => {
    const browser = await signedIn();
    const page = await atStep(browser, 3);
    const result = await submitStep(browser, page, { billingEmail: '', postalCode: '9999', city: 'Tours' });
    expect(text(result, '#billingEmail-error')).toContain('Renseignez « E-mail facturation »');
    expect(result.$('#city-error').length).toBe(0);
    expect(result.$('#postalCode-error').length).toBe(1);
  });

  it('the Référence hint does not quote another example than the suggested value', async () => {
    const browser = await signedIn();
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const suggested = String(page.$('#reference').val());
    const hint = text(page, '#reference-hint');
    expect(hint.match(/CLI-\d+/g) ?? [suggested]).toEqual([suggested]);
  });

  it('messages use the typographic apostrophe, as the labels do', async () => {
    const browser = await signedIn();
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const result = await submitStep(browser, page, {
      ...STEP_ANSWERS[1],
      siren: '732 829 321',
      website: 'a b',
    });
    expect(text(result, '.error-summary')).not.toContain("'");
    expect(text(result, '#siren-error')).toContain('n’existe pas');
  });
});

describe('Mes clients and a customer’s page', () => {
  it('« + Ajouter un client » in words, and a new account told how to start', async () => {
    const browser = await signedIn();
    const list = await browser.get('/clients');
    expect(text(list, 'a.add-client')).toBe('+ Ajouter un client');
    expect(list.$('a.add-client').attr('aria-label')).toBeUndefined();
    expect(text(list, 'main')).toContain('Vous n’avez pas encore de client');
    expect(text(list, 'main')).not.toContain('Aucun client ne correspond');
  });

  it('titles say what is shown: « Mes clients — Brouillons (1) »', async () => {
    const browser = await signedIn();
    await submitStep(browser, await browser.get('/clients/nouveau?nouveau=1'), STEP_ANSWERS[1]!, 'brouillon');
    await createClient(browser, { 1: { reference: 'CLI-9', raisonSociale: 'Fromagerie Dubois' } });
    expect((await browser.get('/clients')).$('title').text()).toBe('Mes clients (2) — MyOpenIP');
    expect((await browser.get('/clients?etat=brouillon')).$('title').text()).toBe(
      'Mes clients — Brouillons (1) — MyOpenIP',
    );
    expect((await browser.get('/clients?etat=active&q=fromagerie')).$('title').text()).toBe(
      'Mes clients — Activés, « fromagerie » (1) — MyOpenIP',
    );
  });

  it('one warning listing every customer with the same SIREN', async () => {
    const browser = await signedIn();
    await createClient(browser);
    await createClient(browser, { 1: { raisonSociale: 'Martin Fils', reference: 'CLI-50' } });
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const next = await submitStep(browser, page, { ...STEP_ANSWERS[1], raisonSociale: 'Martin Petit-fils' });
    expect(next.$('.notice.warning').length).toBe(1);
    expect(text(next, '.notice.warning p')).toContain('vous avez déjà 2 clients avec ce SIREN');
    expect(
      next
        .$('.notice.warning a')
        .map((_, a) => next.$(a).text())
        .get()
        .sort(),
    ).toEqual(['Voir « Boulangerie Martin »', 'Voir « Martin Fils »']);
  });

  it('more customers with the same SIREN than the warning names: « plus de 5 », five links', async () => {
    const browser = await signedIn();
    for (let i = 1; i <= 6; i++) {
      const page = await browser.get('/clients/nouveau?nouveau=1');
      const fields = { ...STEP_ANSWERS[1], raisonSociale: `Martin ${i}`, reference: `CLI-7${i}` };
      await submitStep(browser, page, fields, 'brouillon');
    }
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const next = await submitStep(browser, page, { ...STEP_ANSWERS[1], raisonSociale: 'Martin 7' });
    expect(text(next, '.notice.warning p')).toContain('vous avez déjà plus de 5 clients avec ce SIREN');
    expect(next.$('.notice.warning a').length).toBe(5);
  });

  it('the customer’s page: « Désactiver » in the warning style, its history table reachable by keyboard', async () => {
    const browser = await signedIn();
    const created = await createClient(browser);
    const page = await browser.get(created.url.replace('/cree', ''));
    expect(page.$('a.warning-button').text()).toBe('Désactiver');
    const wrap = page.$('.history .table-wrap');
    expect(wrap.attr('tabindex')).toBe('0');
    expect(wrap.is('section[aria-label]')).toBe(true);
  });
});
