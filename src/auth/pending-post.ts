// A form posted while signed out (the session expired, or outlived its 12 hours) is not lost: its
// fields wait in a new session and are offered back, for an explicit confirmation, after sign-in.
import { ErrorRequestHandler, Request, Response } from 'express';
import { isCsrfError } from './csrf';
import { formOf, storableText } from '../web/parse';
import { safeNextPath } from './safe-redirect';

const MAX_PENDING_FIELDS = 200;

/**
 * A form posted by a signed-out visitor fails the CSRF check because the session (and its token)
 * expired. Rather than lose what was typed, keep the fields in a new session and offer them back,
 * for an explicit confirmation, once the person has signed in again.
 */
export const rescueExpiredPost: ErrorRequestHandler = (err, req, res, next) => {
  const rescuable =
    isCsrfError(err) &&
    req.method === 'POST' &&
    !res.locals.user &&
    req.path !== '/connexion' &&
    postedFromThisSite(req);
  if (!rescuable) return next(err);
  keepPostForLater(req, res);
};

/**
 * Only a form of this site is rescued. A cross-site page can post here too (with no cookie, as
 * SameSite=Lax withholds it): rescuing that post would set a new session cookie over the victim's
 * and offer the attacker's form for replay after sign-in. Browsers say where a post comes from in
 * Sec-Fetch-Site, or else in Origin; a client that sends neither (a text browser) cannot be led
 * there by another site's page, so its post is rescued.
 */
export function postedFromThisSite(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = req.get('origin');
  if (origin === undefined) return true;
  // The host alone: behind a TLS-terminating proxy without TRUST_PROXY, req.protocol says http.
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false; // « null » (a sandboxed or privacy-sensitive context) or garbage
  }
}

/** Keeps a signed-out visitor's posted fields in the session and sends them to sign in again. */
export function keepPostForLater(req: Request, res: Response): void {
  const fields = Object.entries(formOf(req))
    .filter(([name]) => name !== '_csrf')
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => [name, storableText(String(v))]),
    )
    .slice(0, MAX_PENDING_FIELDS) as [string, string][];
  req.session.pendingPost = { action: safeNextPath(req.originalUrl), fields };
  res.redirect(303, '/connexion?expiree=1');
}
