// The portal's menu pages. Mes clients itself lives in src/clients.
import { Router } from 'express';

export function portalRoutes(router: Router): void {
  router.get('/entreprise', (_req, res) => res.render('pages/enterprise', { title: 'Entreprise' }));
}
