// Screenshots for the README, taken by hand (not in CI), from the real app with JavaScript off:
//   npx tsx test/e2e/support/take-screenshots.ts [folder]     (default: docs/screenshots)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seedCustomers } from '../../support/seeded';
import { STEP_ANSWERS } from '../../support/wizard';
import { launchChromium, newNoJsContext } from './chromium';
import { fillForm } from './forms';
import { serveTestApp } from './server';

const WIDTHS = [320, 1024];

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots');
  mkdirSync(outDir, { recursive: true });
  const served = await serveTestApp();
  const browser = await launchChromium();
  try {
    const user = await served.t.createUser({ email: 'demo@myopenip.test', company: 'Démo Télécom' });
    // The list's screenshots show it with rows, as a partner's staff meet it, and its search.
    await seedCustomers(served.t, user, 40);
    for (const width of WIDTHS) {
      const context = await newNoJsContext(browser, { viewport: { width, height: 640 } });
      const page = await context.newPage();
      const shoot = async (name: string) => {
        const file = path.join(outDir, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      };
      await page.goto(`${served.url}/connexion`);
      await shoot('connexion');
      await signIn(page, user);
      await shoot('mes-clients-vide');
      await page.goto(`${served.url}/clients/nouveau?nouveau=1`);
      for (const n of [1, 2, 3, 4] as const) {
        await shoot(`etape-${n}`);
        if (n === 2) {
          await fillForm(page.locator('form.step-form'), { postalCode: '51300', city: '' });
          await Promise.all([
            page.waitForLoadState('load'),
            page.getByRole('button', { name: 'Rechercher la commune' }).click(),
          ]);
          await shoot('etape-2-communes');
          await fillForm(page.locator('form.step-form'), {
            phone: '01 23',
            postalCode: '51300',
            siret: '732 829 320 00075',
          });
          await submit(page);
          await shoot('etape-2-erreurs');
        }
        const answers = n === 2 ? { ...STEP_ANSWERS[2], postalCode: '51300', city: 'Vitry-le-François' } : {};
        await fillForm(page.locator('form.step-form'), { ...STEP_ANSWERS[n], ...answers });
        await submit(page);
      }
      await shoot('client-cree');
      await page.goto(`${served.url}/clients`);
      await shoot('mes-clients');
      await page.goto(`${served.url}/clients?q=boulangerie`);
      await shoot('mes-clients-recherche');
      await page.goto(`${served.url}/clients?q=boulangerie`);
      await Promise.all([page.waitForLoadState('load'), page.locator('tbody tr a').first().click()]);
      await shoot('fiche-client');
      await Promise.all([
        page.waitForLoadState('load'),
        page.locator('.summary-section h2 a').nth(1).click(),
      ]);
      await shoot('modifier-site-principal');
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
}

async function submit(page: Page): Promise<void> {
  await Promise.all([
    page.waitForLoadState('load'),
    page.locator('form.step-form .actions button[value=continuer]').click(),
  ]);
}

async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  await Promise.all([page.waitForURL('**/clients'), page.getByLabel('Mot de passe').press('Enter')]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
