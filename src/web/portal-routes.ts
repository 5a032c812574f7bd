// The portal's menu pages. Mes clients itself lives in src/clients.
import { Router } from 'express';

export function portalRoutes(): Router {
  const router = Router();
  router.get('/entreprise', (_req, res) => res.render('pages/enterprise', { title: 'Entreprise' }));
  return router;
}
