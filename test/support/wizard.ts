// A person filling « Nouveau client final » with sensible, real-looking answers.
import { Browser, formFields, Page } from './browser';

export const STEP_ANSWERS: Record<number, Record<string, string | string[]>> = {
  1: {
    raisonSociale: 'Boulangerie Martin',
    enCreation: 'non',
    siren: '732 829 320',
    legalForm: '5499',
    website: 'www.boulangerie-martin.fr',
    emailAdmin: 'Admin@Boulangerie-Martin.fr',
  },
  2: {
    siret: '732 829 320 00074',
    phone: '02 47 27 12 34',
    streetNumber: '12',
    street: 'rue de la République',
    country: 'FR',
    postalCode: '37550',
    city: 'saint avertin',
  },
  3: {
    paymentMethod: 'cheque',
    streetNumber: '12',
    street: 'rue de la République',
    country: 'FR',
    postalCode: '37550',
    city: 'Saint-Avertin',
  },
  4: {
    civility: 'm',
    lastName: 'Martin',
    firstName: 'Paul',
    phone: '02 47 27 12 35',
    mobile: '06 12 34 56 78',
    email: 'paul.martin@boulangerie-martin.fr',
    functions: ['direction_generale', 'comptabilite'],
  },
};

/** Fills the step shown on `page` and presses a button; returns the page that follows. */
export async function submitStep(
  browser: Browser,
  page: Page,
  overrides: Record<string, string | string[]>,
  /** The pressed button: one of the form's actions, or a step to go to (« retour », « etape-2 »). */
  action = 'continuer',
) {
  const form = page.$('form.step-form');
  const url = form.attr('action')!;
  return browser.post(url, { ...formFields(page, overrides), action });
}

/** From Mes clients to « Votre client est créé. », step by step. */
export async function createClient(browser: Browser, answers: Partial<typeof STEP_ANSWERS> = {}) {
  let page = await browser.get('/clients/nouveau?nouveau=1');
  for (const n of [1, 2, 3, 4]) {
    page = await submitStep(browser, page, { ...STEP_ANSWERS[n], ...answers[n] });
    if (page.status !== 200)
      throw new Error(`étape ${n} : ${page.status} ${page.$('.error-summary').text()}`);
  }
  return page;
}
