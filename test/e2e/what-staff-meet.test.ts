// What a partner's staff meet (issue 10), walked in Chromium with JavaScript off at 1024 and 320 px:
// leaving a step by a link keeps the typing, no page scrolls sideways, the focus is visible at 3:1,
// axe finds nothing, edits read as edits, and the narrow layout keeps fields and steps together.
import type { Page } from 'playwright-core';
import { seedCustomers } from '../support/seeded';
import { STEP_ANSWERS } from '../support/wizard';
import { expectAccessible, navigatesWith, useE2e } from './support/e2e';
import { fillForm } from './support/forms';
import { expectNoHorizontalScroll, focusContrastProblems } from './support/layout';

const e2e = useE2e();
jest.setTimeout(120_000);

const form = (page: Page) => page.locator('form.step-form');
const continueButton = (page: Page) => page.locator('form.step-form .actions button[value=continuer]');
const h2 = (page: Page) => page.locator('form.step-form h2').textContent();

async function signedInAt(width: number) {
  const user = await e2e.t.createUser();
  const page = await e2e.newPage({ viewport: { width, height: 700 } });
  await e2e.signIn(page, user);
  return { page, user };
}

/** A new draft, steps 1 and 2 saved, open on step 3. */
async function toStep3(page: Page) {
  await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
  for (const n of [1, 2]) {
    await fillForm(form(page), STEP_ANSWERS[n]!);
    await navigatesWith(page, () => continueButton(page).click());
  }
  expect(await h2(page)).toBe('CRÉATION DU POINT DE FACTURATION');
}

/** Every check a page must pass at this width, gathered so that one run shows them all. */
async function layoutProblems(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const check of [() => expectNoHorizontalScroll(page, name), () => expectAccessible(page)]) {
    try {
      await check();
    } catch (err) {
      problems.push(`[${name}] ${(err as Error).message}`);
    }
  }
  return problems;
}

describe.each([1024, 320])('at %i px', (width) => {
  it('leaving a step by the back link or the stepper keeps what was typed', async () => {
    const { page } = await signedInAt(width);
    await toStep3(page);
    await page.getByLabel('Titulaire du compte').fill('Martin & Fils');
    await page.getByLabel('IBAN').fill('FR76 12');
    await navigatesWith(page, () =>
      page.getByRole('button', { name: 'Retour à l’étape précédente' }).click(),
    );
    expect(await h2(page)).toBe('CRÉATION DU SITE PRINCIPAL');
    await page.getByLabel('Horaire d’ouverture').fill('Lun-Ven 8h-19h');
    const stepper = page.getByRole('navigation', { name: 'Étapes de la saisie' });
    await navigatesWith(page, () => stepper.getByRole('button', { name: 'Point de facturation' }).click());
    expect(await h2(page)).toBe('CRÉATION DU POINT DE FACTURATION');
    expect(await page.getByLabel('Titulaire du compte').inputValue()).toBe('Martin & Fils');
    expect(await page.getByLabel('IBAN').inputValue()).toBe('FR76 12');
    await navigatesWith(page, () => stepper.getByRole('button', { name: 'Site principal' }).click());
    expect(await page.getByLabel('Horaire d’ouverture').inputValue()).toBe('Lun-Ven 8h-19h');
  });

  it('no page scrolls sideways and axe finds nothing: list with rows and its search, steps and errors, customer, edit', async () => {
    const { page, user } = await signedInAt(width);
    await seedCustomers(e2e.t, user, 60);
    const problems: string[] = [];
    await page.goto(e2e.url('/clients'));
    expect(await page.locator('tbody tr').count()).toBe(50);
    problems.push(...(await layoutProblems(page, 'Mes clients, 50 lignes')));
    await page.goto(e2e.url('/clients?q=sas&etat=brouillon'));
    problems.push(...(await layoutProblems(page, 'Mes clients, recherche')));
    await page.goto(e2e.url('/clients?etat=active'));
    await navigatesWith(page, () => page.locator('tbody tr a').first().click());
    problems.push(...(await layoutProblems(page, 'fiche du client')));
    await navigatesWith(page, () => page.locator('.summary-section h2 a').nth(1).click());
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Modifier le site principal');
    problems.push(...(await layoutProblems(page, 'modifier le site principal')));

    await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
    for (const n of [1, 2, 3, 4]) {
      problems.push(...(await layoutProblems(page, `étape ${n}`)));
      const stepUrl = page.url();
      await page.locator('form.step-form input[aria-required=true]').first().fill('');
      await navigatesWith(page, () => continueButton(page).click());
      problems.push(...(await layoutProblems(page, `étape ${n}, erreurs`)));
      await page.goto(stepUrl);
      await fillForm(form(page), STEP_ANSWERS[n]!);
      await navigatesWith(page, () => continueButton(page).click());
    }
    await navigatesWith(page, () => page.getByRole('link', { name: 'Retour à Mes clients' }).click());
    await navigatesWith(page, () => page.getByRole('link', { name: 'Boulangerie Martin' }).click());
    problems.push(...(await layoutProblems(page, 'fiche du client créé, historique')));
    if (problems.length) throw new Error(problems.join('\n\n'));
  });

  it('the focus is visible at 3:1 or more on every stop: step page with errors, list, customer page', async () => {
    const { page, user } = await signedInAt(width);
    await seedCustomers(e2e.t, user, 3);
    const problems: string[] = [];
    await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
    await fillForm(form(page), STEP_ANSWERS[1]!);
    await navigatesWith(page, () => continueButton(page).click());
    await page.getByLabel('Téléphone').fill('12');
    await navigatesWith(page, () => continueButton(page).click());
    problems.push(...(await focusContrastProblems(page, 40)));
    await page.goto(e2e.url('/clients'));
    problems.push(...(await focusContrastProblems(page, 40)));
    if (problems.length) throw new Error(`indicateur de focus sous 3:1 :\n${problems.join('\n')}`);
  });

  it('« Rechercher la commune » is a neutral prompt; an error summary link shows the label and message', async () => {
    const { page } = await signedInAt(width);
    await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
    await fillForm(form(page), STEP_ANSWERS[1]!);
    await navigatesWith(page, () => continueButton(page).click());
    await fillForm(form(page), { postalCode: '51300', city: '' });
    const search = await navigatesWith(page, () =>
      page.getByRole('button', { name: 'Rechercher la commune' }).click(),
    );
    expect(search.status()).toBe(200);
    expect(await page.title()).not.toMatch(/Erreur/);
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(
      /^\d+ communes pour 51300 : choisissez la vôtre$/,
    );
    // Then an error, and its link in the summary: the field's label and message are in view.
    await page.getByLabel('Téléphone').fill('12');
    await navigatesWith(page, () => continueButton(page).click());
    await page.locator('.error-summary a[href="#phone"]').click();
    const label = await page.locator('label[for=phone]').boundingBox();
    expect(label!.y).toBeGreaterThanOrEqual(0);
    await expect(page.locator('#phone-error').isVisible()).resolves.toBe(true);
  });

  it('narrow screens keep fields and steps together; wide ones put n° and Voie side by side', async () => {
    const { page } = await signedInAt(width);
    await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
    await fillForm(form(page), STEP_ANSWERS[1]!);
    await navigatesWith(page, () => continueButton(page).click());
    const n = (await page.locator('label[for=streetNumber]').boundingBox())!;
    const voie = (await page.locator('label[for=street]').boundingBox())!;
    if (width < 640) expect(voie.y).toBeGreaterThan(n.y + n.height);
    else expect(voie.y).toBe(n.y);
    // n° and Code postal are as short as what they hold.
    expect((await page.getByLabel('n°').boundingBox())!.width).toBeLessThan(160);
    expect((await page.getByLabel('Code postal').boundingBox())!.width).toBeLessThan(160);
    // The stepper never leaves one step alone on a line.
    const tops = await page
      .locator('.stepper li')
      .evaluateAll((items) =>
        items.map((li) => Math.round((li as unknown as { offsetTop: number }).offsetTop)),
      );
    const perLine = [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
    expect(Math.min(...perLine)).toBeGreaterThanOrEqual(2);
  });

  it('« + Ajouter un client » reads in words; warnings look like warnings; « Désactiver » too', async () => {
    const { page, user } = await signedInAt(width);
    await seedCustomers(e2e.t, user, 5);
    await page.goto(e2e.url('/clients?q=ab'));
    await expect(page.getByRole('link', { name: '+ Ajouter un client' }).isVisible()).resolves.toBe(true);
    const warning = page.locator('.notice.warning').first();
    const border = await warning.evaluate((el) => {
      const style = (
        globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }
      ).getComputedStyle(el);
      return style.borderLeftColor;
    });
    expect(border).toBe('rgb(179, 92, 0)');
  });

  it('required radio groups are announced as required; customer fields have autocomplete off', async () => {
    const { page } = await signedInAt(width);
    await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
    const group = page.getByRole('radiogroup', { name: /Entreprise en cours de création/ });
    await expect(group.getAttribute('aria-required')).resolves.toBe('true');
    await expect(
      group
        .getByRole('radio', { name: 'Non' })
        .evaluate((r) => (r as unknown as { required: boolean }).required),
    ).resolves.toBe(true);
    const notOff = await page
      .locator(
        'form.step-form input:not([type=hidden]):not([type=radio]), form.step-form select, form.step-form textarea',
      )
      .evaluateAll(
        (els) => els.filter((e) => (e as unknown as { autocomplete: string }).autocomplete !== 'off').length,
      );
    expect(notOff).toBe(0);
  });

  it('an activated customer’s section is an edit: no stepper, « Enregistrer », « Annuler » back to the customer', async () => {
    const { page } = await signedInAt(width);
    await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
    for (const n of [1, 2, 3, 4]) {
      await fillForm(form(page), STEP_ANSWERS[n]!);
      await navigatesWith(page, () => continueButton(page).click());
    }
    await navigatesWith(page, () => page.getByRole('link', { name: /^Modifier : Site principal/ }).click());
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Modifier le site principal');
    expect(await page.locator('.stepper').count()).toBe(0);
    await page.getByLabel('Horaire d’ouverture').fill('Jamais enregistré');
    await navigatesWith(page, () => page.getByRole('link', { name: 'Annuler' }).click());
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Boulangerie Martin');
    expect(await page.locator('main').textContent()).not.toContain('Jamais enregistré');
  });
});
