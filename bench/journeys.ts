// Complete customers per second: simulated people, each signed in with an account of their own,
// creating customers one after another as a browser does: Mes clients' « + », the four steps (each
// page loaded, then posted, then redirected) and « Votre client est créé. ».
import { performance } from 'node:perf_hooks';
import { STEP_ANSWERS } from '../test/support/wizard';
import { BenchBrowser, stepForm } from './browser';

// A real-looking customer (the one the integration tests' person fills in), with a new reference
// each time: references are unique per partner.
const ANSWERS = STEP_ANSWERS;

export const STEP_1 = ANSWERS[1]!;

async function createCustomer(browser: BenchBrowser, reference: string): Promise<void> {
  let path = '/clients/nouveau?nouveau=1';
  for (const n of [1, 2, 3, 4]) {
    const page = await browser.get(path);
    if (page.status !== 200) throw new Error(`étape ${n} : statut ${page.status}`);
    const answers = n === 1 ? { ...ANSWERS[1], reference } : ANSWERS[n]!;
    const posted = await browser.post(path.split('?')[0]!, stepForm(page.html, answers));
    if (posted.status !== 303) throw new Error(`étape ${n} refusée : statut ${posted.status}`);
    path = posted.location;
  }
  const done = await browser.get(path);
  if (!done.html.includes('Votre client est créé.')) throw new Error(`pas de confirmation sur ${path}`);
}

export async function journeys(
  browsers: BenchBrowser[],
  seconds: number,
): Promise<{ customersPerSecond: number; customers: number; failures: number; firstFailure?: string }> {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let customers = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  await Promise.all(
    browsers.map(async (browser, i) => {
      for (let k = 0; performance.now() < deadline; k++) {
        try {
          await createCustomer(browser, `P${i}-${Date.now()}-${k}`);
          customers += 1;
        } catch (err) {
          failures += 1;
          firstFailure ??= (err as Error).message;
        }
      }
    }),
  );
  return {
    customersPerSecond: customers / ((performance.now() - started) / 1000),
    customers,
    failures,
    firstFailure,
  };
}
