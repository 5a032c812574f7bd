// Mes clients: the list, with its « État » filter, « Ajouter un client » and draft resumption.
import { Router } from 'express';
import { currentUser } from '../auth/current-user';
import { takeNotices } from '../web/notices';
import type { ClientListRepository } from './list-repository';
import { stateFromSlug, stateLabel, STATES } from './states';

export function listRoutes(deps: { list: ClientListRepository }): Router {
  const router = Router();
  router.get('/clients', async (req, res) => {
    const user = currentUser(res);
    const state = stateFromSlug(req.query.etat);
    const rows = await deps.list.list(user.role === 'staff' ? 'all' : { companyId: user.companyId }, {
      state,
    });
    res.render('pages/clients/list', {
      title: 'Mes clients',
      notices: takeNotices(req),
      states: STATES,
      selectedState: typeof req.query.etat === 'string' ? req.query.etat : '',
      rows: rows.map((r) => ({
        ...r,
        stateLabel: stateLabel(r.state),
        updatedAtText: r.updatedAt.toLocaleString('fr-FR', {
          timeZone: 'Europe/Paris',
          dateStyle: 'short',
          timeStyle: 'short',
        }),
        resumeHref: r.state === 'draft' ? `/clients/${r.id}/etape/${r.reachedStep}` : undefined,
      })),
    });
  });
  return router;
}
