// Chromium from Debian (never a browser downloaded by Playwright), with JavaScript off in the
// pages: the product ships no script, so everything a person does must work without one.
import { Browser, BrowserContext, BrowserContextOptions, chromium } from 'playwright-core';
import { CHROMIUM_PATH, hasChromium } from './browsers';

export { CHROMIUM_PATH };

export async function launchChromium(): Promise<Browser> {
  if (!hasChromium) {
    // Reached only when the tests are not skipped (REQUIRE_BROWSER=1, or a script): fail loudly.
    throw new Error(
      `Chromium est introuvable (${CHROMIUM_PATH}) : les tests navigateur ne peuvent pas tourner. ` +
        'Installez-le avec « apt-get install -y chromium » (ou indiquez son chemin dans CHROMIUM_PATH).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A context as a person with JavaScript turned off would have, in French. */
export function newNoJsContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR', ...options });
}
