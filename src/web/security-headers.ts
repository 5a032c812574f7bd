// Strict headers: the product ships no script at all, so the CSP forbids every script.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function setUpSecurityHeaders() {
  return helmet({
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
