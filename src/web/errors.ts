// French error pages inside the layout (menu included), and no stack trace outside development.
import { ErrorRequestHandler, RequestHandler } from 'express';
import { isCsrfError } from '../auth/csrf';

export class NotFoundError extends Error {
  status = 404;
}

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).render('pages/errors/not-found', { title: 'Page introuvable' });
};

export function errorHandler(opts: { production: boolean }): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof NotFoundError) return notFound(req, res, next);
    if (isCsrfError(err)) {
      return res.status(403).render('pages/errors/forbidden', { title: 'Action refusée' });
    }
    const status =
      typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) req.log?.error({ err }, 'erreur non traitée');
    if (status === 413) {
      return res.status(413).render('pages/errors/too-large', { title: 'Formulaire trop volumineux' });
    }
    if (status !== 500)
      return res.status(status).render('pages/errors/bad-request', { title: 'Requête invalide' });
    res.status(500).render('pages/errors/server-error', {
      title: 'Erreur du service',
      detail: opts.production ? undefined : String(err?.stack ?? err),
    });
  };
}
