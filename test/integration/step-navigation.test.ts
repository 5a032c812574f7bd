// Leaving a step by the back link or the stepper never loses typing (SPEC §3): both are buttons of
// the step's form that save the draft, never blocked, then go where they point; looking is not typing.
import { Browser, Page } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { idFromUrl, signedIn as signedInAs, text } from '../support/pages';
import { createClient, STEP_ANSWERS, submitStep } from '../support/wizard';
import { parseJson } from '../../src/db/rows';
import type { AllAnswers } from '../../src/clients/fields/types';

jest.setTimeout(30_000);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signedIn = async () => signedInAs(t.app, await t.createUser());

const row = (id: number) => t.db('clients').where({ id }).first();
const stepperButton = (page: Page, title: string) =>
  page.$('.stepper button').filter((_, b) => page.$(b).text() === title);

async function atStep(browser: Browser, n: number) {
  let page = await browser.get('/clients/nouveau?nouveau=1');
  for (let i = 1; i < n; i++) page = await submitStep(browser, page, STEP_ANSWERS[i]!);
  return page;
}

/** A draft whose first three steps were saved, open on step 3. */
async function atStep3(browser: Browser) {
  let page = await browser.get('/clients/nouveau?nouveau=1');
  for (const n of [1, 2]) page = await submitStep(browser, page, STEP_ANSWERS[n]!);
  page = await submitStep(browser, page, STEP_ANSWERS[3]!);
  return browser.get(page.url.replace('/etape/4', '/etape/3'));
}

describe('the back link and the stepper', () => {
  it('are submit buttons of the step’s form, named after where they go', async () => {
    const browser = await signedIn();
    const page = await atStep3(browser);
    const form = page.$('form.step-form');
    const back = form.find('button.back-link');
    expect(back.text()).toBe('Retour à l’étape précédente');
    expect(back.attr('value')).toBe('retour');
    expect(
      form
        .find('.stepper button')
        .map((_, b) => `${page.$(b).text()}=${page.$(b).attr('value')}`)
        .get(),
    ).toEqual(['Informations générales=etape-1', 'Site principal=etape-2', 'Administrateur=etape-4']);
    expect(page.$('.stepper a').length).toBe(0);
    // Enter still presses « Enregistrer et continuer »: the form's first submit button continues.
    expect(form.find('button[type=submit]').first().attr('value')).toBe('continuer');
  });

  it('« Retour à l’étape précédente » saves what was typed, invalid values included, then opens the previous step', async () => {
    const browser = await signedIn();
    const page = await atStep3(browser);
    const id = idFromUrl(page.url);
    const before = await row(id);
    const left = await submitStep(
      browser,
      page,
      { billingEmail: 'compta@', accountHolder: 'Martin & Fils', iban: 'FR76 12' },
      'retour',
    );
    expect(left.status).toBe(200);
    expect(left.url).toBe(`/clients/${id}/etape/2`);
    expect(text(left, '.notice')).toContain('Étape 3 enregistrée dans le brouillon.');
    const after = await row(id);
    expect(after!.version).toBe(before!.version + 1);
    expect(after!.state).toBe('draft');
    const again = await browser.get(`/clients/${id}/etape/3`);
    expect(again.$('#billingEmail').val()).toBe('compta@');
    expect(again.$('#accountHolder').val()).toBe('Martin & Fils');
    expect(again.$('#iban').val()).toBe('FR76 12');
  });

  it('a stepper button saves what was typed, then opens that step', async () => {
    const browser = await signedIn();
    const page = await atStep3(browser);
    const id = idFromUrl(page.url);
    const target = stepperButton(page, 'Informations générales').attr('value');
    const left = await submitStep(browser, page, { accountHolder: 'Titulaire changé' }, target);
    expect(left.url).toBe(`/clients/${id}/etape/1`);
    expect(left.$('#raisonSociale').val()).toBe('Boulangerie Martin');
    const billing = await t.db('billing_points').where({ client_id: id }).first();
    expect(billing!.account_holder).toBe('Titulaire changé');
  });

  it('writes nothing when nothing differs from what is stored', async () => {
    const browser = await signedIn();
    const page = await atStep3(browser);
    const id = idFromUrl(page.url);
    const before = await row(id);
    const events = await t.db('client_events').where({ client_id: id }).count({ n: '*' }).first();
    const left = await submitStep(browser, page, {}, 'etape-2');
    expect(left.url).toBe(`/clients/${id}/etape/2`);
    expect(left.$('.notice').length).toBe(0);
    const after = await row(id);
    expect([after!.version, after!.updated_at]).toEqual([before!.version, before!.updated_at]);
    expect(await t.db('client_events').where({ client_id: id }).count({ n: '*' }).first()).toEqual(events);
  });

  it('writes nothing for a step opened but never saved, left as its defaults and prefills show it', async () => {
    const browser = await signedIn();
    let page = await browser.get('/clients/nouveau?nouveau=1');
    page = await submitStep(browser, page, STEP_ANSWERS[1]!);
    page = await submitStep(browser, page, STEP_ANSWERS[2]!);
    const id = idFromUrl(page.url);
    // Step 3, prefilled from steps 1 and 2 (Titulaire du compte), as it opened.
    expect(page.$('#accountHolder').val()).toBe('Boulangerie Martin');
    const before = await row(id);
    const left = await submitStep(browser, page, {}, 'retour');
    expect(left.url).toBe(`/clients/${id}/etape/2`);
    expect((await row(id))!.version).toBe(before!.version);
    expect(await t.db('billing_points').where({ client_id: id }).first()).toBeUndefined();
  });

  it('on a new step 1 with nothing typed, « Retour à Mes clients » creates nothing', async () => {
    const browser = await signedIn();
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const back = page.$('form.step-form button.back-link');
    expect(back.text()).toBe('Retour à Mes clients');
    const count = async () => Number((await t.db('clients').count({ n: '*' }).first())!.n);
    const before = await count();
    const left = await submitStep(browser, page, {}, 'retour');
    expect(left.url).toBe('/clients');
    expect(await count()).toBe(before);
  });

  it('on a new step 1 with something typed, « Retour à Mes clients » keeps it as a draft', async () => {
    const browser = await signedIn();
    const page = await browser.get('/clients/nouveau?nouveau=1');
    const left = await submitStep(
      browser,
      page,
      { raisonSociale: 'Fromagerie Dubois', siren: '123' },
      'retour',
    );
    expect(left.url).toBe('/clients');
    expect(text(left, '.notice')).toContain('Brouillon enregistré.');
    const saved = await t.db('clients').where({ raison_sociale: 'Fromagerie Dubois' }).first();
    expect(saved!.state).toBe('draft');
    expect(parseJson<AllAnswers>(saved!.answers)[1]!.siren).toBe('123');
  });

  it('a save over a newer version is refused (409) with what was typed, as any save is', async () => {
    const browser = await signedIn();
    const page = await atStep3(browser);
    const id = idFromUrl(page.url);
    await t.db('clients').where({ id }).increment('version', 1);
    const refused = await submitStep(browser, page, { accountHolder: 'Ma version' }, 'retour');
    expect(refused.status).toBe(409);
    expect(refused.$('#accountHolder').val()).toBe('Ma version');
  });

  it('a reopened draft counts the problems of every step it reached, each other step a button', async () => {
    const browser = await signedIn();
    const page = await atStep(browser, 2);
    const id = idFromUrl(page.url);
    await submitStep(browser, page, { ...STEP_ANSWERS[2], phone: '12', street: '' }, 'brouillon');
    // Reopened on step 1, which is fine: the status still tells about step 2.
    const reopened = await browser.get(`/clients/${id}/etape/1`);
    const status = reopened.$('.notice.warning');
    expect(text(reopened, '.notice.warning p')).toBe(
      'Ce brouillon n’est pas complet : 2 points à corriger avant l’activation.',
    );
    expect(text(reopened, '.notice.warning li')).toBe('Site principal : 2 points');
    expect(status.find('button').attr('value')).toBe('etape-2');
  });
});

describe('an activated customer’s section', () => {
  it('is worded as an edit: « Modifier le site principal », no stepper, « Enregistrer » / « Annuler », back to the customer', async () => {
    const browser = await signedIn();
    const id = idFromUrl((await createClient(browser)).url);
    const headings: Record<number, string> = {
      1: 'Modifier les informations générales',
      2: 'Modifier le site principal',
      3: 'Modifier le point de facturation',
      4: 'Modifier l’administrateur',
    };
    for (const n of [1, 2, 3, 4]) {
      const page = await browser.get(`/clients/${id}/etape/${n}`);
      expect(text(page, 'h1')).toBe(headings[n]);
      expect(page.$('title').text()).toBe(`${headings[n]} — Boulangerie Martin — MyOpenIP`);
      expect(page.html).not.toMatch(/CRÉATION|Étape \d sur 4|Nouveau client final/);
      expect(page.$('.stepper').length).toBe(0);
      expect(
        page
          .$('.actions')
          .children()
          .map((_, el) => page.$(el).text())
          .get(),
      ).toEqual(['Enregistrer', 'Annuler']);
      expect(page.$('.actions a').attr('href')).toBe(`/clients/${id}`);
      expect(page.$('a.back-link').attr('href')).toBe(`/clients/${id}`);
    }
    const refused = await submitStep(browser, await browser.get(`/clients/${id}/etape/2`), { phone: '12' });
    expect(refused.$('title').text()).toBe(
      'Erreur : Modifier le site principal — Boulangerie Martin — MyOpenIP',
    );
  });
});
