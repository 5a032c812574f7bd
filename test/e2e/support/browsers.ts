// Which of the browser tests' programs this machine has. Without them, `npm test` still passes and
// reports the browser tests as skipped, with the line that installs them; with REQUIRE_BROWSER=1
// (what .ci/run sets) a missing program fails the run instead: CI must never skip them silently.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const W3M_PATH = '/usr/bin/w3m';

export const browserRequired = process.env.REQUIRE_BROWSER === '1';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const hasW3m = existsSync(W3M_PATH);

/** The one line a person needs to run the browser tests here, or undefined when nothing is missing. */
export function installHint(): string | undefined {
  const missing = [hasChromium ? '' : 'chromium', hasW3m ? '' : 'w3m'].filter(Boolean);
  if (!missing.length) return undefined;
  const plural = missing.length > 1 ? 's' : '';
  return `${missing.join(' et ')} introuvable${plural} : installez avec « apt-get install -y ${missing.join(' ')} ».`;
}
