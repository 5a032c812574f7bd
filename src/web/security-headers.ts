// Strict headers: the product ships no script at all, so the CSP forbids every script.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const strict = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
});

/**
 * The headers helmet sets, asked of it once: they are the same for every response (no nonce, no
 * directive that depends on the request), and rebuilding them each time was a few percent of a page.
 */
function headersOnce(): [string, string][] {
  const headers: [string, string][] = [];
  const res = {
    setHeader: (name: string, value: string) => void headers.push([name, String(value)]),
    removeHeader: () => {},
  };
  let done = false;
  strict({} as IncomingMessage, res as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('helmet did not set its headers synchronously');
  return headers;
}

export function setUpSecurityHeaders(): RequestHandler {
  const headers = headersOnce();
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * A signed-in person's pages carry customer data: no browser or proxy may keep them, so that none
 * is shown again from a cache after sign-out (the back button, another person at the same desk).
 * Mounted after the current user is known; static files and /healthz come before and stay cacheable.
 */
export const noStoreWhenSignedIn: RequestHandler = (_req, res, next) => {
  if (res.locals.user) res.setHeader('Cache-Control', 'no-store');
  next();
};
