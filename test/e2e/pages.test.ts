// SPEC §6 on every page, error states included: axe finds nothing (WCAG 2.1 AA), the HTML is valid,
// and the HTML plus its CSS stays under 14 KB compressed.
import type { Page } from 'playwright-core';
import {
  expectAccessible,
  expectLightweight,
  expectValidHtml,
  navigatesWith,
  servedHtml,
  useE2e,
} from './support/e2e';

const e2e = useE2e();

async function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

async function signedOut(path: string): Promise<Page> {
  const page = await e2e.newPage();
  await page.goto(e2e.url(path));
  return page;
}

async function signedIn(path: string): Promise<Page> {
  const { page } = await e2e.signedInPage();
  if (path !== '/clients') await page.goto(e2e.url(path));
  return page;
}

/** Signed in, the session expires, then the person clicks « Se déconnecter » (a form post). */
async function postedAfterExpiry(): Promise<Page> {
  const { page } = await e2e.signedInPage();
  await e2e.t.db('sessions').delete();
  await navigatesWith(page, () => page.getByRole('button', { name: 'Se déconnecter' }).click());
  return page;
}

// Each page in the state a person sees it, and the heading that proves it is that page.
const PAGES: { name: string; h1: string; open: () => Promise<Page> }[] = [
  { name: 'Connexion', h1: 'Connexion', open: () => signedOut('/connexion') },
  {
    name: 'Connexion, mot de passe erroné',
    h1: 'Connexion',
    open: async () => {
      const user = await e2e.t.createUser();
      const page = await e2e.newPage();
      await e2e.signIn(page, { email: user.email, password: 'pas-le-bon-mot-de-passe' });
      return page;
    },
  },
  { name: 'Connexion, session expirée', h1: 'Connexion', open: postedAfterExpiry },
  {
    name: 'Confirmer l’envoi du formulaire',
    h1: 'Confirmer l’envoi du formulaire',
    open: async () => {
      const page = await postedAfterExpiry();
      const user = await e2e.t.createUser();
      await page.getByLabel('E-mail').fill(user.email);
      await page.getByLabel('Mot de passe').fill(user.password);
      await navigatesWith(page, () => page.getByLabel('Mot de passe').press('Enter'));
      return page;
    },
  },
  { name: 'Mes clients', h1: 'Mes clients', open: () => signedIn('/clients') },
  { name: 'Entreprise', h1: 'Entreprise', open: () => signedIn('/entreprise') },
  { name: 'Page introuvable (404)', h1: 'Page introuvable', open: () => signedIn('/nulle-part') },
  {
    name: 'Action refusée (403)',
    h1: 'Action refusée',
    open: async () => {
      const page = await signedIn('/clients');
      // A stale or forged token, as a form from another site would carry.
      await page
        .locator('form[action="/deconnexion"] input[name=_csrf]')
        .evaluate((input) => ((input as unknown as { value: string }).value = 'faux-jeton'));
      await navigatesWith(page, () => page.getByRole('button', { name: 'Se déconnecter' }).click());
      return page;
    },
  },
];

describe.each(PAGES)('$name', ({ name, h1, open }) => {
  it('has no axe violation (WCAG 2.1 AA)', async () => {
    const page = await open();
    expect(await heading(page)).toBe(h1);
    await expectAccessible(page);
  });

  it('is valid HTML, under 14 KB with its CSS once compressed, with no script', async () => {
    const page = await open();
    expect(await heading(page)).toBe(h1);
    const html = await servedHtml(page);
    expectValidHtml(html, name);
    expectLightweight(html, name);
  });
});
