// Sign-in, sign-out, and the confirmation of a form that was posted after the session expired.
import { Request, Router } from 'express';
import { formOf } from '../web/parse';
import { safeNextPath } from './safe-redirect';
import type { SignInService } from './sign-in-service';

const FAILURE_MESSAGE =
  'E-mail ou mot de passe incorrect. Après 5 essais infructueux, le compte est bloqué pendant 15 minutes.';

export function authRoutes(router: Router, signIn: SignInService): void {
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
    const form = formOf(req);
    const email = String(form.email ?? '').slice(0, 254);
    const password = String(form.password ?? '').slice(0, 1000);
    const next = safeNextPath(form.next, '');
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
