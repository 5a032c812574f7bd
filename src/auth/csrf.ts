// Synchroniser-token CSRF protection (csrf-sync): every POST carries the session's token in `_csrf`.
// Pages get `csrfToken()` as a function so that a token, and so a session, is only created for a
// visitor when a page actually shows a form.
import { csrfSync } from 'csrf-sync';
import { RequestHandler } from 'express';
import { formOf } from '../web/parse';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => {
    const token = formOf(req)._csrf;
    return typeof token === 'string' ? token : undefined;
  },
});

export function setUpCsrf(): RequestHandler[] {
  const offerToken: RequestHandler = (req, res, next) => {
    res.locals.csrfToken = () => generateToken(req);
    next();
  };
  return [offerToken, csrfSynchronisedProtection];
}

export function isCsrfError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'EBADCSRFTOKEN';
}
