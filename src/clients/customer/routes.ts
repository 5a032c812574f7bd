// A customer's page: its four sections, TVA number, état, the actions its état allows, and history.
import { Router } from 'express';
import { currentUser } from '../../auth/current-user';
import { takeNotices } from '../../web/notices';
import { resumeHrefOf } from '../wizard/drafts';
import { historyOf } from './history';
import type { LifecycleService } from './lifecycle';
import { formatParisTime } from '../../web/dates';
import type { ClientsRepository } from '../repository';
import { nameOf, stateLabel } from '../model';
import { summaryOf, tvaOf } from '../fields/summary';
import { listHeaderOf } from '../fields/derived';
import { visibleClient } from '../load-client';

export function clientRoutes(
  router: Router,
  deps: { clients: ClientsRepository; lifecycle: LifecycleService },
): void {
  const { clients, lifecycle } = deps;
  router.get('/clients/:id', async (req, res) => {
    const user = currentUser(res);
    const client = visibleClient(res);
    // Staff may look at any partner's customer, but its sections are that partner's to change.
    const own = client.companyId === user.companyId;
    const can = (action: 'deactivate' | 'reactivate' | 'delete') =>
      lifecycle.allowed(user, client, action) && lifecycle.status(client, action) === 'applies';
    res.render('pages/clients/show', {
      title: nameOf(client),
      client,
      name: nameOf(client),
      referenceLabel: listHeaderOf('reference'),
      stateText: stateLabel(client.state),
      partner: user.role === 'staff' ? client.companyName : undefined,
      createdAt: formatParisTime(client.createdAt),
      updatedAt: formatParisTime(client.updatedAt),
      notices: takeNotices(req),
      tva: tvaOf(client.answers),
      sections: summaryOf(client.id, client.answers, { editable: own }),
      resumeHref: own && client.state === 'draft' ? resumeHrefOf(client) : undefined,
      deactivateHref: can('deactivate') ? `/clients/${client.id}/desactiver` : undefined,
      reactivateHref: can('reactivate') ? `/clients/${client.id}/reactiver` : undefined,
      deleteHref: can('delete') ? `/clients/${client.id}/supprimer` : undefined,
      history: historyOf(await clients.events(client.id)),
    });
  });
}
