// French error pages inside the layout (menu included), and no stack trace outside development.
// A database that cannot answer (down, cut off, locked past the timeout) gets the 503 page: the
// request can be tried again in a moment, and the process carries on serving.
import { ErrorRequestHandler, RequestHandler } from 'express';
import { isCsrfError } from '../auth/csrf';
import { describeError, isDatabaseUnavailable } from '../db/errors';
import { formOf } from './parse';

export class NotFoundError extends Error {
  status = 404;
}

/** Seconds a browser or a client is asked to wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 10;

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).render('pages/errors/not-found', { title: 'Page introuvable' });
};

export function errorHandler(opts: { production: boolean }): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return afterHeaders(err, req, res, next);
    if (err instanceof NotFoundError) return notFound(req, res, next);
    if (isCsrfError(err)) {
      return res.status(403).render('pages/errors/forbidden', { title: 'Action refusée' });
    }
    if (isDatabaseUnavailable(err)) {
      req.log?.warn({ err }, 'base de données indisponible');
      return res
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_SECONDS))
        .render('pages/errors/unavailable', {
          title: 'Service momentanément indisponible',
          resend:
            req.method === 'POST'
              ? { action: req.originalUrl, fields: postedFields(formOf(req)) }
              : undefined,
        });
    }
    const status = statusOf(err);
    if (status === 500) req.log?.error({ err }, 'erreur non traitée');
    if (status === 413) {
      return res.status(413).render('pages/errors/too-large', { title: 'Formulaire trop volumineux' });
    }
    if (status !== 500)
      return res.status(status).render('pages/errors/bad-request', { title: 'Requête invalide' });
    res.status(500).render('pages/errors/server-error', {
      title: 'Erreur du service',
      detail: opts.production ? undefined : describeError(err).stack,
    });
  };
}

const MAX_RESENT_FIELDS = 500;

/** What was posted, as hidden fields of a « Renvoyer le formulaire » button: nothing typed is lost. */
/** A client error's own status (a 400, a 413 from the body parser); 500 for anything else. */
function statusOf(err: unknown): number {
  const status = typeof err === 'object' && err !== null && 'status' in err ? err.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

function postedFields(body: unknown): [string, string][] {
  if (typeof body !== 'object' || body === null) return [];
  return Object.entries(body)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, String(v)]),
    )
    .slice(0, MAX_RESENT_FIELDS);
}

/**
 * An error once the response has started: a stream cut short (the CSV export) or a session that
 * could not be saved after the page was sent. A response still open is destroyed, so that the
 * client sees it is incomplete; one already complete is left as it is.
 */
const afterHeaders: ErrorRequestHandler = (err, req, res) => {
  req.log?.warn({ err }, 'erreur après l’envoi des en-têtes');
  if (!res.writableEnded) res.destroy();
};
