// Sign-in, sign-out, and the confirmation of a form that was posted after the session expired.
import { ErrorRequestHandler, Request, Router } from 'express';
import { isCsrfError } from './csrf';
import { safeNextPath } from './safe-redirect';
import type { SignInService } from './sign-in-service';

const FAILURE_MESSAGE =
  'E-mail ou mot de passe incorrect. Après 5 essais infructueux, le compte est bloqué pendant 15 minutes.';

export function authRoutes(signIn: SignInService): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    if (res.locals.user) return res.redirect('/clients');
    res.render('pages/sign-in', { title: 'Connexion', email: '', next: '', error: undefined });
  });

  router.get('/connexion', (req, res) => {
    const next = safeNextPath(req.query.next, '');
    if (res.locals.user) return res.redirect(next || '/clients');
    const expired = req.query.expiree === '1' && Boolean(req.session.pendingPost);
    res.render('pages/sign-in', { title: 'Connexion', email: '', next, error: undefined, expired });
  });

  router.post('/connexion', async (req, res) => {
    const email = String(req.body.email ?? '').slice(0, 254);
    const password = String(req.body.password ?? '').slice(0, 1000);
    const next = safeNextPath(req.body.next, '');
    const result = email && password ? await signIn.signIn(email, password) : { ok: false as const };
    if (!result.ok) {
      return res.status(401).render('pages/sign-in', {
        title: 'Erreur : Connexion',
        email,
        next,
        error: email && password ? FAILURE_MESSAGE : 'Saisissez votre e-mail et votre mot de passe.',
      });
    }
    await startSession(req, result.user.id);
    res.redirect(303, req.session.pendingPost ? '/renvoyer-formulaire' : next || '/clients');
  });

  router.post('/deconnexion', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('myopenip.sid');
      res.redirect(303, '/connexion');
    });
  });

  router.get('/renvoyer-formulaire', (req, res) => {
    const pending = req.session.pendingPost;
    if (!res.locals.user || !pending) return res.redirect('/');
    res.render('pages/resend-form', { title: 'Confirmer l’envoi du formulaire', pending });
  });

  router.post('/renvoyer-formulaire/abandon', (req, res) => {
    delete req.session.pendingPost;
    res.redirect(303, '/clients');
  });

  return router;
}

/** A new session id at sign-in (no session fixation), keeping only a pending form. */
function startSession(req: Request, userId: number): Promise<void> {
  const pendingPost = req.session.pendingPost;
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = userId;
      req.session.signedInAt = Date.now();
      if (pendingPost) req.session.pendingPost = pendingPost;
      req.session.save((saveErr) => (saveErr ? reject(saveErr) : resolve()));
    });
  });
}

const MAX_PENDING_FIELDS = 200;

/**
 * A form posted by a signed-out visitor fails the CSRF check because the session (and its token)
 * expired. Rather than lose what was typed, keep the fields in a new session and offer them back,
 * for an explicit confirmation, once the person has signed in again.
 */
export const rescueExpiredPost: ErrorRequestHandler = (err, req, res, next) => {
  const rescuable =
    isCsrfError(err) && req.method === 'POST' && !res.locals.user && req.path !== '/connexion';
  if (!rescuable) return next(err);
  const fields = Object.entries(req.body ?? {})
    .filter(([name]) => name !== '_csrf')
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => [name, String(v)]))
    .slice(0, MAX_PENDING_FIELDS) as [string, string][];
  req.session.pendingPost = { action: safeNextPath(req.originalUrl), fields };
  res.redirect(303, '/connexion?expiree=1');
};
