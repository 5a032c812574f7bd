// Makes the signed-in user available to every request, so that pages (error pages included) show
// the menu, and guards the pages that need an account. The user comes with the session, read by
// the session store in the same statement (session-store.ts): no second lookup per request.
import { RequestHandler } from 'express';
import { keepPostForLater } from './pending-post';
import type { User } from './users-repository';

declare module 'express-serve-static-core' {
  interface Locals {
    user?: User;
  }
}

export function setUpCurrentUser(): RequestHandler {
  return (req, res, next) => {
    const { userId, signedInUser } = req.session;
    if (userId !== undefined) {
      if (signedInUser?.id === userId) res.locals.user = signedInUser;
      else delete req.session.userId; // account deleted since sign-in
    }
    next();
  };
}

/** Signed-out visitors go to sign-in, then come back to the page they asked for. */
export const requireSignIn: RequestHandler = (req, res, next) => {
  if (res.locals.user) return next();
  // A POST cannot be replayed by a redirect: its fields are kept and offered back after sign-in
  // (here when the session outlived its sign-in, e.g. past the 12 hours; see also rescueExpiredPost).
  if (req.method === 'POST') return keepPostForLater(req, res);
  res.redirect(`/connexion?next=${encodeURIComponent(req.originalUrl)}`);
};

export function currentUser(res: { locals: { user?: User } }): User {
  const user = res.locals.user;
  if (!user) throw new Error('requireSignIn must run before this handler');
  return user;
}
