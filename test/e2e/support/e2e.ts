// One served app and one Chromium per test file; each test gets fresh JavaScript-off pages.
//   const e2e = useE2e();
//   const page = await e2e.newPage();  await page.goto(e2e.url('/connexion'));
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import { browserRequired, hasChromium } from './browsers';
import { launchChromium, newNoJsContext } from './chromium';
import { serveTestApp, ServedApp } from './server';

export { expectAccessible, expectLightweight, expectValidHtml } from './checks';

const documents = new WeakMap<Page, Response>();

/** The HTML of the page's current document exactly as the server sent it (what a validator reads). */
export async function servedHtml(page: Page): Promise<string> {
  const response = documents.get(page);
  if (!response) throw new Error('servedHtml : page ouverte hors de useE2e().newPage()');
  return response.text();
}

/**
 * Runs an action that submits a form or follows a link, and waits until the next document
 * (after any redirect) has loaded. Returns that document's response.
 */
export async function navigatesWith(page: Page, action: () => Promise<unknown>): Promise<Response> {
  const next = page.waitForResponse((r) => isDocument(page, r));
  await action();
  const response = await next;
  await page.waitForLoadState('load');
  return response;
}

function isDocument(page: Page, r: Response): boolean {
  const redirect = r.status() >= 300 && r.status() < 400;
  return !redirect && r.request().isNavigationRequest() && r.frame() === page.mainFrame();
}

export type SignedIn = { email: string; password: string; company: string };

export function useE2e() {
  let served: ServedApp | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];

  jest.setTimeout(30_000);

  beforeAll(async () => {
    if (!hasChromium && !browserRequired) return; // every test of the file is skipped
    served = await serveTestApp();
    browser = await launchChromium();
  }, 60_000);

  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const e2e = {
    get t() {
      if (!served) throw new Error("l'application n'a pas démarré");
      return served.t;
    },
    url(path: string): string {
      if (!served) throw new Error("l'application n'a pas démarré");
      return served.url + path;
    },
    /** A new page, JavaScript off, in a context (cookies) of its own. */
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      if (!browser) throw new Error("Chromium n'a pas démarré");
      const context = await newNoJsContext(browser, options);
      contexts.push(context);
      const page = await context.newPage();
      page.on('response', (r) => {
        if (isDocument(page, r)) documents.set(page, r);
      });
      return page;
    },
    /** Signs in through the form, the way a person does: type, then press Enter. */
    async signIn(page: Page, user: { email: string; password: string }): Promise<Response> {
      await page.goto(e2e.url('/connexion'));
      await page.getByLabel('E-mail').fill(user.email);
      await page.getByLabel('Mot de passe').fill(user.password);
      return navigatesWith(page, () => page.getByLabel('Mot de passe').press('Enter'));
    },
    /** A page signed in as a new user (a partner unless said), on Mes clients. */
    async signedInPage(
      options: BrowserContextOptions = {},
      role: 'partner' | 'staff' = 'partner',
    ): Promise<{ page: Page; user: SignedIn }> {
      const user = await e2e.t.createUser({ role });
      const page = await e2e.newPage(options);
      await e2e.signIn(page, user);
      return { page, user };
    },
  };
  return e2e;
}
