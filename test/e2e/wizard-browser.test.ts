// What only a real browser shows about the wizard, JavaScript off: which button Enter presses, that the
// browser's own checks never block a draft, and that the commune list works by plain form submission.
import { STEP_ANSWERS } from '../support/wizard';
import { navigatesWith, useE2e } from './support/e2e';
import { fillForm } from './support/forms';

const e2e = useE2e();

it('Enter in the postal code presses « Enregistrer et continuer », not « Rechercher la commune »', async () => {
  const { page } = await e2e.signedInPage();
  await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
  await fillForm(page.locator('form.step-form'), STEP_ANSWERS[1]!);
  await navigatesWith(page, () => page.getByLabel('Raison sociale').press('Enter'));
  expect(await page.locator('form.step-form h2').textContent()).toBe('CRÉATION DU SITE PRINCIPAL');
  await fillForm(page.locator('form.step-form'), { ...STEP_ANSWERS[2], city: '' });
  await navigatesWith(page, () => page.getByLabel('Code postal').press('Enter'));
  // 37550 has one commune: filled in on submit, the step saved, the next one open.
  expect(await page.locator('form.step-form h2').textContent()).toBe('CRÉATION DU POINT DE FACTURATION');
});

it('« Enregistrer en brouillon » goes through with required fields empty and invalid values', async () => {
  const { page } = await e2e.signedInPage();
  await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
  await page.getByLabel('Raison sociale').fill('');
  await page.getByLabel('E-mail commercial').fill('pas-une-adresse');
  await navigatesWith(page, () => page.getByRole('button', { name: 'Enregistrer en brouillon' }).click());
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/clients?etat=brouillon');
  expect(await page.getByRole('status').first().textContent()).toContain('Brouillon enregistré.');
  await navigatesWith(page, () =>
    page
      .getByRole('link', { name: /Reprendre la saisie/ })
      .first()
      .click(),
  );
  expect(await page.getByLabel('E-mail commercial').inputValue()).toBe('pas-une-adresse');
});

it('« Rechercher la commune » offers the communes of 51300 as a list, then the chosen one is kept', async () => {
  const { page } = await e2e.signedInPage();
  await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
  await fillForm(page.locator('form.step-form'), STEP_ANSWERS[1]!);
  await navigatesWith(page, () => page.getByRole('button', { name: 'Enregistrer et continuer' }).click());
  await fillForm(page.locator('form.step-form'), { ...STEP_ANSWERS[2], postalCode: '51300', city: '' });
  await navigatesWith(page, () => page.getByRole('button', { name: 'Rechercher la commune' }).click());
  const commune = page.getByLabel('Commune de l’adresse');
  expect(await commune.evaluate((el) => (el as unknown as { tagName: string }).tagName)).toBe('SELECT');
  await commune.selectOption('Vitry-le-François');
  await navigatesWith(page, () => page.getByRole('button', { name: 'Enregistrer et continuer' }).click());
  expect(await page.locator('form.step-form h2').textContent()).toBe('CRÉATION DU POINT DE FACTURATION');
});
