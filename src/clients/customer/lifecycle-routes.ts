// « Désactiver », « Réactiver » and « Supprimer » (a draft): a confirmation page (GET) whose form
// posts the version it showed, then Post/Redirect/Get with a notice. No JavaScript involved.
import { Response, Router } from 'express';
import { currentUser } from '../../auth/current-user';
import { NotFoundError } from '../../web/errors';
import { addNotice } from '../../web/notices';
import type { LifecycleAction, LifecycleService } from './lifecycle';
import type { ClientRecord } from '../repository';
import { visibleClient } from '../load-client';
import { nameOf, stateLabel } from '../model';
import { formatParisTime } from '../../web/dates';
import { BadRequestError, formOf, parseVersion } from '../../web/parse';

type Texts = {
  title: string;
  explanation: string;
  button: string;
  done: (name: string) => string;
  already?: string;
  refused: string;
};

const TEXTS: Record<LifecycleAction, Texts & { path: string }> = {
  deactivate: {
    path: 'desactiver',
    title: 'Désactiver le client',
    explanation:
      'Le client reste dans Mes clients avec l’état « Désactivé(e) ». Vous pourrez le réactiver à tout moment.',
    button: 'Désactiver le client',
    done: (name) => `Le client « ${name} » est désactivé.`,
    already: 'Ce client est déjà désactivé.',
    refused: 'Seul un client activé peut être désactivé.',
  },
  reactivate: {
    path: 'reactiver',
    title: 'Réactiver le client',
    explanation: 'Le client retrouve l’état « Activé(e) ».',
    button: 'Réactiver le client',
    done: (name) => `Le client « ${name} » est réactivé.`,
    already: 'Ce client est déjà activé.',
    refused: 'Seul un client désactivé peut être réactivé.',
  },
  delete: {
    path: 'supprimer',
    title: 'Supprimer le brouillon',
    explanation: 'Tout ce qui a été saisi pour ce client sera effacé. Cette suppression est définitive.',
    button: 'Supprimer le brouillon',
    done: (name) => `Le brouillon « ${name} » est supprimé.`,
    refused: 'Seul un brouillon peut être supprimé. Un client activé peut être désactivé.',
  },
};

export function lifecycleRoutes(router: Router, deps: { lifecycle: LifecycleService }): void {
  const { lifecycle } = deps;

  /** The customer, when this person may do this to it; a 404 otherwise, whatever the reason. */
  function target(res: Response, action: LifecycleAction): ClientRecord {
    const client = visibleClient(res);
    if (!lifecycle.allowed(currentUser(res), client, action)) throw new NotFoundError();
    return client;
  }

  function confirmation(
    res: Response,
    client: ClientRecord,
    action: LifecycleAction,
    opts: { status?: number; problem?: string } = {},
  ) {
    const texts = TEXTS[action];
    res.status(opts.status ?? 200).render('pages/clients/confirm-action', {
      title: `${opts.problem ? 'Erreur : ' : ''}${texts.title} « ${nameOf(client)} »`,
      heading: `${texts.title} « ${nameOf(client)} » ?`,
      explanation: texts.explanation,
      button: texts.button,
      problem: opts.problem,
      canConfirm: lifecycle.status(client, action) === 'applies',
      stateText: stateLabel(client.state),
      action: `/clients/${client.id}/${texts.path}`,
      version: client.version,
      cancelHref: `/clients/${client.id}`,
    });
  }

  for (const action of Object.keys(TEXTS) as LifecycleAction[]) {
    const texts = TEXTS[action];

    router.get(`/clients/:id/${texts.path}`, (req, res) => {
      const client = target(res, action);
      const status = lifecycle.status(client, action);
      if (status !== 'applies') {
        addNotice(req, { kind: 'warning', text: status === 'already' ? texts.already! : texts.refused });
        return res.redirect(`/clients/${client.id}`);
      }
      confirmation(res, client, action);
    });

    router.post(`/clients/:id/${texts.path}`, async (req, res) => {
      const client = target(res, action);
      const version = parseVersion(formOf(req).version);
      if (version === undefined) throw new BadRequestError('version illisible');
      const outcome = await lifecycle.apply(currentUser(res), client, action, version);
      switch (outcome.kind) {
        case 'done':
          addNotice(req, { kind: 'success', text: texts.done(nameOf(client)) });
          if (action === 'delete') {
            if (req.session.currentDraftId === client.id) delete req.session.currentDraftId;
            return res.redirect(303, '/clients');
          }
          return res.redirect(303, `/clients/${client.id}`);
        case 'already':
          addNotice(req, { kind: 'success', text: texts.already ?? texts.refused });
          return res.redirect(303, `/clients/${client.id}`);
        case 'refused':
          return confirmation(res, client, action, { status: 409, problem: texts.refused });
        case 'stale':
          return confirmation(res, outcome.current, action, {
            status: 409,
            problem:
              `Ce client a été modifié entre-temps (le ${formatParisTime(outcome.current.updatedAt)}) : ` +
              `son état est maintenant « ${stateLabel(outcome.current.state)} ». Rien n’a été fait : vérifiez, puis confirmez à nouveau.`,
          });
      }
    });
  }
}
