// What only a browser shows about signing in: the browser's own form submission with JavaScript
// off, where the focus goes, and what a text browser reads.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { browserRequired, hasW3m } from './support/browsers';
import { STEP_ANSWERS } from '../support/wizard';
import { navigatesWith, useE2e } from './support/e2e';
import { fillForm } from './support/forms';

const e2e = useE2e();

describe('signing in with JavaScript off', () => {
  it('types the e-mail and password, presses Enter, and lands on Mes clients', async () => {
    const user = await e2e.t.createUser({ company: 'Télécom Ouest' });
    const page = await e2e.newPage();
    await page.goto(e2e.url('/'));
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Mot de passe').fill(user.password);
    await navigatesWith(page, () => page.getByLabel('Mot de passe').press('Enter'));

    expect(new URL(page.url()).pathname).toBe('/clients');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes clients');
    expect(await page.title()).toBe('Mes clients (0) — MyOpenIP');
    await expect(page.getByRole('navigation', { name: 'Menu principal' }).textContent()).resolves.toContain(
      'Entreprise',
    );
  });

  it('puts the focus on the error summary after a wrong password, keeping the e-mail typed', async () => {
    const user = await e2e.t.createUser();
    const page = await e2e.newPage();
    await page.goto(e2e.url('/connexion'));
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    const response = await navigatesWith(page, () => page.getByLabel('Mot de passe').press('Enter'));

    expect(response.status()).toBe(401);
    expect(await page.title()).toMatch(/^Erreur : /);
    // The focus comes from the HTML (autofocus), not from a script: read it both ways. Playwright's
    // evaluate reaches the page through the DevTools protocol, so it works with JavaScript off.
    const focused = page.locator(':focus');
    await expect(focused.count()).resolves.toBe(1);
    await expect(focused.getAttribute('class')).resolves.toContain('error-summary');
    await expect(focused.textContent()).resolves.toContain('E-mail ou mot de passe incorrect');
    expect(await page.evaluate("document.activeElement.classList.contains('error-summary')")).toBe(true);
    await expect(page.getByLabel('E-mail').inputValue()).resolves.toBe(user.email);
    await expect(page.getByLabel('Mot de passe').inputValue()).resolves.toBe('');
  });

  it('signs out with the button in the header, a form of its own', async () => {
    const { page } = await e2e.signedInPage();
    await navigatesWith(page, () => page.getByRole('button', { name: 'Se déconnecter' }).click());
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await page.goto(e2e.url('/clients'));
    expect(new URL(page.url()).pathname).toBe('/connexion');
  });

  it('is reachable from the keyboard alone: « Aller au contenu » comes first', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/connexion'));
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Aller au contenu');
  });
});

// Skipped, like the Chromium tests, on a machine without w3m (unless REQUIRE_BROWSER=1).
const describeWithW3m = hasW3m || browserRequired ? describe : describe.skip;

describeWithW3m('in a text browser', () => {
  // Asynchronous: the app answers from this very process, so a blocking call would never return.
  async function w3m(path: string, ...args: string[]): Promise<string> {
    if (!hasW3m) throw new Error('w3m est introuvable : installez-le avec « apt-get install -y w3m ».');
    // w3m keeps a cookie jar of its own in ~/.w3m across runs: off, so that only our cookie counts.
    const options = ['-dump', '-cols', '80', '-o', 'use_cookie=0', '-o', 'accept_cookie=0'];
    const { stdout } = await promisify(execFile)('w3m', [...options, ...args, e2e.url(path)], {
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, http_proxy: '', HTTP_PROXY: '', no_proxy: '*' },
    });
    return stdout;
  }

  it('shows the sign-in form to w3m', async () => {
    const text = await w3m('/connexion');
    expect(text).toContain('Connexion');
    expect(text).toContain('E-mail');
    expect(text).toContain('Mot de passe');
    expect(text).toContain('Se connecter');
  });

  it('shows Mes clients and its menu to w3m, signed in', async () => {
    const { page } = await e2e.signedInPage();
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const text = await w3m('/clients', '-header', `Cookie: ${cookie}`);
    expect(text).toContain('Mes clients');
    expect(text).toContain('Entreprise');
    expect(text).toContain('Se déconnecter');
    expect(text).toContain('+ Ajouter un client');
  });

  it('shows a step to w3m with one « Enregistrer et continuer », and the stepper as the steps’ names', async () => {
    const { page } = await e2e.signedInPage();
    await page.goto(e2e.url('/clients/nouveau?nouveau=1'));
    await fillForm(page.locator('form.step-form'), STEP_ANSWERS[1]!);
    await navigatesWith(page, () => page.getByRole('button', { name: 'Enregistrer et continuer' }).click());
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const text = await w3m(new URL(page.url()).pathname, '-header', `Cookie: ${cookie}`);
    expect(text).toContain('CRÉATION DU SITE PRINCIPAL');
    // The hidden default button (Enter's) shows nothing: the visible one is the only one.
    expect(text.match(/Enregistrer et continuer/g)).toHaveLength(1);
    // The stepper's and the back link's buttons read as the steps' names.
    expect(text).toMatch(/1\. Informations générales ✓ complète/);
    expect(text).toContain('Retour à l’étape précédente');
  });
});
