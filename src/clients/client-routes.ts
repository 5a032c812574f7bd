// A customer's page: its four sections, TVA number, état and history.
import { Router } from 'express';
import { currentUser } from '../auth/current-user';
import { NotFoundError } from '../web/errors';
import { takeNotices } from '../web/notices';
import type { ClientsRepository } from './repository';
import { stateLabel } from './states';
import { summaryOf, tvaOf } from './summary-view';

export function clientRoutes(deps: { clients: ClientsRepository }): Router {
  const router = Router();
  router.get('/clients/:id', async (req, res) => {
    const client = await deps.clients.find(Number(req.params.id), { companyId: currentUser(res).companyId });
    if (!client) throw new NotFoundError();
    res.render('pages/clients/show', {
      title: client.raisonSociale || 'Client sans nom',
      client,
      stateText: stateLabel(client.state),
      notices: takeNotices(req),
      tva: tvaOf(client.answers),
      sections: summaryOf(client.id, client.answers),
      resumeHref: client.state === 'draft' ? `/clients/${client.id}/etape/${client.reachedStep}` : undefined,
    });
  });
  return router;
}
