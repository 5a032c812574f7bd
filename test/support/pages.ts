// What the integration tests read off a page, and a signed-in browser, in one place.
import type { Express } from 'express';
import { Browser, type Page } from './browser';

/** The text a person reads in an element, with the HTML's line breaks and indentation folded. */
export const text = (page: Page, selector: string): string =>
  page.$(selector).text().replace(/\s+/g, ' ').trim();

/** The customer id in a URL such as /clients/12/etape/2. */
export const idFromUrl = (url: string): number => Number(/\/clients\/(\d+)/.exec(url)?.[1]);

/** A browser signed in as this user. */
export async function signedIn(app: Express, user: { email: string; password: string }): Promise<Browser> {
  const browser = new Browser(app);
  await browser.signIn(user.email, user.password);
  return browser;
}
