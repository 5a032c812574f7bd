// Loads the signed-in user for every request, so that pages (error pages included) show the menu,
// and guards the pages that need an account.
import { RequestHandler } from 'express';
import { keepPostForLater } from './pending-post';
import type { User, UsersRepository } from './users-repository';

declare module 'express-serve-static-core' {
  interface Locals {
    user?: User;
  }
}

export function setUpCurrentUser(users: UsersRepository): RequestHandler {
  return async (req, res, next) => {
    const userId = req.session.userId;
    if (userId) {
      const user = await users.findById(userId);
      if (user) res.locals.user = user;
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
