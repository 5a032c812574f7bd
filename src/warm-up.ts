// Work done once at start rather than on a user's first request.
import type { Logger } from 'pino';

export function warmUp(_logger: Logger): void {
  // The postal-code index joins here once the domain layer provides it.
}
