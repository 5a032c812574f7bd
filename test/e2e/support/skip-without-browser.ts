// Set up before each browser test file (jest.config.js, e2e project): with no Chromium on this
// machine, and unless REQUIRE_BROWSER=1, every test of the file is reported as skipped rather than
// failed, so that `npm test` passes on a fresh machine as the README promises.
import { browserRequired, hasChromium } from './browsers';

if (!hasChromium && !browserRequired) {
  const g = globalThis as unknown as Record<string, unknown>;
  g.it = it.skip;
  g.test = test.skip;
}
