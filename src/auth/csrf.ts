// Synchroniser-token CSRF protection (csrf-sync): every POST carries the session's token in `_csrf`.
// Pages get `csrfToken()` as a function so that a token, and so a session, is only created for a
// visitor when a page actually shows a form.
import { csrfSync } from 'csrf-sync';
import { Router } from 'express';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => (typeof req.body?._csrf === 'string' ? req.body._csrf : undefined),
});

export function setUpCsrf(): Router {
  const router = Router();
  router.use((req, res, next) => {
    res.locals.csrfToken = () => generateToken(req);
    next();
  });
  router.use(csrfSynchronisedProtection);
  return router;
}

export function isCsrfError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'EBADCSRFTOKEN';
}
