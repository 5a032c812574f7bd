// A customer's history as a person reads it: when (Paris time), what, and who.
import type { ClientEvent } from '../repository';
import { formatParisTime } from '../../web/dates';
import { stepOf } from '../fields/steps';

const ACTIONS: Record<string, string> = {
  created: 'Création',
  updated: 'Modification',
  activated: 'Activation',
  deactivated: 'Désactivation',
  reactivated: 'Réactivation',
  imported: 'Importé',
};

/**
 * The history as a person reads it, most recent first. The steps saved while the customer was being
 * created (a draft, before its activation) are one « Création », not one line per step.
 */
export function historyOf(events: ClientEvent[]) {
  // Most recent first: the first activation is the last one in the list.
  let activation = -1;
  events.forEach((e, i) => {
    if (e.action === 'activated') activation = i;
  });
  const duringCreation = (i: number) => activation === -1 || i > activation;
  return events
    .filter((e, i) => !(e.action === 'updated' && duringCreation(i)))
    .map((e) => {
      const action = ACTIONS[e.action] ?? e.action;
      // A creation always starts at step 1: naming it says nothing; a change says which section.
      const section = e.action === 'updated' && e.step ? stepOf(e.step)?.title : undefined;
      const from = e.action === 'imported' && e.detail ? ` depuis ${e.detail}` : '';
      return {
        at: formatParisTime(e.at),
        datetime: e.at.toISOString(),
        what: section ? `${action} : ${section}` : action + from,
        who: e.userEmail ?? 'Compte supprimé',
      };
    });
}
