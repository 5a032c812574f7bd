// What happens to a customer after its creation: deactivation, reactivation, and deleting a draft.
// Each is confirmed on a page first, applied over the version that page showed, and answered with
// the outcome the routes turn into a redirect or a page.
import type { User } from '../../auth/users-repository';
import type { ClientRecord, ClientsRepository, ClientState } from '../repository';

export type LifecycleAction = 'deactivate' | 'reactivate' | 'delete';

type Rule = {
  from: ClientState;
  /** The état it leads to; none for a deletion. */
  to?: ClientState;
  event?: string;
  /** May staff do it to any partner's customer, or only the partner itself? */
  staff: boolean;
};

const RULES: Record<LifecycleAction, Rule> = {
  deactivate: { from: 'active', to: 'inactive', event: 'deactivated', staff: true },
  reactivate: { from: 'inactive', to: 'active', event: 'reactivated', staff: true },
  // A draft is its partner's work in progress: only the partner throws it away.
  delete: { from: 'draft', staff: false },
};

export type LifecycleOutcome =
  | { kind: 'done' }
  /** Already in the état this leads to: a repeated click, or someone else was quicker. */
  | { kind: 'already' }
  /** Not in an état this applies to (deleting an active customer). */
  | { kind: 'refused' }
  /** Changed since the confirmation page was shown: nothing done. */
  | { kind: 'stale'; current: ClientRecord };

function status(client: ClientRecord, action: LifecycleAction): 'applies' | 'already' | 'refused' {
  const rule = RULES[action];
  if (client.state === rule.from) return 'applies';
  return rule.to && client.state === rule.to ? 'already' : 'refused';
}

export function lifecycleService(clients: ClientsRepository) {
  return {
    /** Whether this person may do this to this customer at all (otherwise the routes answer 404). */
    allowed(user: User, client: ClientRecord, action: LifecycleAction): boolean {
      return client.companyId === user.companyId || (RULES[action].staff && user.role === 'staff');
    },

    /** Whether the customer's état lets the action apply, or it is already done. */
    status,

    async apply(
      user: User,
      client: ClientRecord,
      action: LifecycleAction,
      version: number,
    ): Promise<LifecycleOutcome> {
      const rule = RULES[action];
      const now = status(client, action);
      if (now !== 'applies') return { kind: now };
      if (client.version !== version) return { kind: 'stale', current: client };
      const done = rule.to
        ? await clients.changeState(client.id, {
            expectedVersion: version,
            from: rule.from,
            to: rule.to,
            action: rule.event!,
            userId: user.id,
          })
        : await clients.deleteDraft(client.id, version);
      if (done) return { kind: 'done' };
      // Someone was quicker between our read and our write: tell what it is now.
      const current = await clients.find(client.id, 'all');
      if (!current) return { kind: 'done' };
      return rule.to && current.state === rule.to ? { kind: 'already' } : { kind: 'stale', current };
    },
  };
}

export type LifecycleService = ReturnType<typeof lifecycleService>;
