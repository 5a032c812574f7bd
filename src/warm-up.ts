// Work done once at start rather than on a user's first request.
import type { Logger } from 'pino';
import { countries, loadPostalIndex } from './domain';

export function warmUp(logger: Logger): void {
  const started = process.hrtime.bigint();
  loadPostalIndex();
  countries();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  logger.info(`Index des codes postaux chargé en ${ms.toFixed(0)} ms`);
}
