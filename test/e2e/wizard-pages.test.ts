// SPEC §6 on « Ajouter un client », walked through in the browser with JavaScript off: each of the
// four steps blank and with its errors, then the confirmation, the list and the client's page.
import type { Page } from 'playwright-core';
import { STEP_ANSWERS } from '../support/wizard';
import {
  expectAccessible,
  expectLightweight,
  expectValidHtml,
  navigatesWith,
  servedHtml,
  useE2e,
} from './support/e2e';
import { fillForm } from './support/forms';

const e2e = useE2e();

/** Every check on the page as it is now; the problems are gathered so that one run shows them all. */
async function problemsOf(page: Page, name: string): Promise<string[]> {
  const html = await servedHtml(page);
  const problems: string[] = [];
  for (const check of [
    () => expectAccessible(page),
    async () => expectValidHtml(html, name),
    async () => expectLightweight(html, name),
  ]) {
    try {
      await check();
    } catch (err) {
      problems.push(`[${name}] ${(err as Error).message}`);
    }
  }
  return problems;
}

function continueButton(page: Page) {
  return page.locator('form.step-form .actions button[name=action][value=continuer]');
}

it('keeps every page of the journey accessible, valid and light, error states included', async () => {
  const { page } = await e2e.signedInPage();
  const problems: string[] = [];
  await page.goto(e2e.url('/clients/nouveau?nouveau=1'));

  for (const n of [1, 2, 3, 4] as const) {
    const stepUrl = page.url();
    problems.push(...(await problemsOf(page, `étape ${n}`)));

    // Sent with the required fields emptied: the same step comes back with its errors.
    const required = page.locator('form.step-form [aria-required=true]:not(fieldset)');
    for (const field of await required.all()) {
      if ((await field.evaluate((el) => (el as unknown as { tagName: string }).tagName)) !== 'SELECT') {
        await field.fill('');
      }
    }
    const invalid = await navigatesWith(page, () => continueButton(page).click());
    expect(invalid.status()).toBe(400);
    await expect(page.locator(':focus').getAttribute('class')).resolves.toContain('error-summary');
    problems.push(...(await problemsOf(page, `étape ${n}, erreurs`)));

    await page.goto(stepUrl);
    await fillForm(page.locator('form.step-form'), STEP_ANSWERS[n]!);
    const next = await navigatesWith(page, () => continueButton(page).click());
    expect(next.status()).toBe(200);
    expect(page.url()).not.toBe(stepUrl);
  }

  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Votre client est créé.');
  problems.push(...(await problemsOf(page, 'client créé')));
  await navigatesWith(page, () => page.getByRole('link', { name: 'Retour à Mes clients' }).click());
  problems.push(...(await problemsOf(page, 'Mes clients, un client')));
  await navigatesWith(page, () =>
    page
      .getByRole('link', { name: /Boulangerie Martin/ })
      .first()
      .click(),
  );
  problems.push(...(await problemsOf(page, 'fiche du client')));

  if (problems.length > 0) throw new Error(problems.join('\n\n'));
}, 180_000);
