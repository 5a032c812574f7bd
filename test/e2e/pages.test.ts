// SPEC §6 on every page, error states included: axe finds nothing (WCAG 2.1 AA), the HTML is valid,
// and the HTML plus its CSS stays under 14 KB compressed.
import type { Page } from 'playwright-core';
import type { ClientState } from '../../src/clients/repository';
import {
  expectAccessible,
  expectLightweight,
  expectValidHtml,
  navigatesWith,
  servedHtml,
  useE2e,
} from './support/e2e';
import { fillForm } from './support/forms';
import { seedCustomers } from '../support/seeded';
import { STEP_ANSWERS } from '../support/wizard';

const e2e = useE2e();

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

/** A partner with 60 customers (drafts, active, deactivated), signed in on `path(ids)`. */
async function withCustomers(
  path: (ids: number[]) => Promise<string> | string,
  role: 'partner' | 'staff' = 'partner',
) {
  const owner = await e2e.t.createUser();
  const ids = await seedCustomers(e2e.t, owner, 60);
  const { page } = await e2e.signedInPage({}, role);
  await page.goto(e2e.url(await path(ids)));
  return page;
}

async function idInState(ids: number[], state: ClientState): Promise<number> {
  const row = await e2e.t.db('clients').whereIn('id', ids).andWhere({ state }).first('id');
  return row!.id;
}

/** The partner's own draft, started in the browser and saved with « Enregistrer en brouillon ». */
async function withOwnDraft(): Promise<Page> {
  const { page } = await e2e.signedInPage();
  await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
  await fillForm(page.locator('form.step-form'), STEP_ANSWERS[1]!);
  await navigatesWith(page, () => page.getByRole('button', { name: 'Enregistrer en brouillon' }).click());
  return page;
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
const PAGES: { name: string; h1: string | RegExp; open: () => Promise<Page> }[] = [
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
  { name: 'Mes clients, 60 clients', h1: 'Mes clients', open: () => withCustomers(() => '/clients') },
  {
    name: 'Mes clients, staff, filtré et trié',
    h1: 'Mes clients',
    open: () => withCustomers(() => '/clients?etat=active&tri=raison-sociale', 'staff'),
  },
  {
    name: 'Mes clients, recherche sans résultat',
    h1: 'Mes clients',
    open: () => withCustomers(() => '/clients?q=zzzzzz'),
  },
  {
    name: 'Fiche d’un client (staff)',
    h1: /.+/,
    open: () => withCustomers(async (ids) => `/clients/${await idInState(ids, 'active')}`, 'staff'),
  },
  {
    name: 'Désactiver : confirmation',
    h1: /^Désactiver le client/,
    open: () =>
      withCustomers(async (ids) => `/clients/${await idInState(ids, 'active')}/desactiver`, 'staff'),
  },
  {
    name: 'Supprimer le brouillon : confirmation',
    h1: /^Supprimer le brouillon/,
    open: async () => {
      const page = await withOwnDraft();
      const id = (await e2e.t.db('clients').orderBy('id', 'desc').first('id'))!.id;
      await page.goto(e2e.url(`/clients/${id}/supprimer`));
      return page;
    },
  },
  {
    name: 'Ajouter un client : reprendre ou commencer',
    h1: 'Ajouter un client',
    open: async () => {
      const page = await withOwnDraft();
      await page.goto(e2e.url('/clients/nouveau'));
      return page;
    },
  },
  {
    name: 'Étape 1, modifiée entre-temps (409)',
    h1: 'Nouveau client final',
    open: async () => {
      const page = await withOwnDraft();
      const id = (await e2e.t.db('clients').orderBy('id', 'desc').first('id'))!.id;
      await page.goto(e2e.url(`/clients/${id}/etape/1`));
      // Someone else saves meanwhile.
      await e2e.t.db('clients').where({ id }).increment('version', 1);
      await page.getByLabel('Raison sociale').fill('Boulangerie Martine');
      const refused = await navigatesWith(page, () =>
        page.getByRole('button', { name: 'Enregistrer et continuer' }).click(),
      );
      expect(refused.status()).toBe(409);
      return page;
    },
  },
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
    expect(await heading(page)).toMatch(h1);
    await expectAccessible(page);
  });

  it('is valid HTML, under 14 KB with its CSS once compressed, with no script', async () => {
    const page = await open();
    expect(await heading(page)).toMatch(h1);
    const html = await servedHtml(page);
    expectValidHtml(html, name);
    expectLightweight(html, name);
  });
});
