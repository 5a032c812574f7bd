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

export function historyOf(events: ClientEvent[]) {
  return events.map((e) => {
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
