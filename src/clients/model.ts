// The three états of a customer, as the filter and the list name them, and as URLs carry them;
// who may see which customers.
import type { User } from '../auth/users-repository';
import type { ClientState, Scope } from './repository';

export const STATES: readonly { value: ClientState; slug: string; label: string }[] = [
  { value: 'draft', slug: 'brouillon', label: 'Brouillon' },
  { value: 'active', slug: 'active', label: 'Activé(e)' },
  { value: 'inactive', slug: 'desactive', label: 'Désactivé(e)' },
];

export const stateLabel = (state: ClientState): string =>
  STATES.find((s) => s.value === state)?.label ?? state;

export const stateFromSlug = (slug: unknown): ClientState | undefined =>
  STATES.find((s) => s.slug === slug)?.value;

/** How a customer is named wherever it appears: its raison sociale, or this before it has one. */
export const nameOf = (client: { raisonSociale: string | null }): string =>
  client.raisonSociale || 'Client sans nom';

/** A partner sees its own company's customers; staff see every partner's. */
export const scopeOf = (user: Pick<User, 'role' | 'companyId'>): Scope =>
  user.role === 'staff' ? 'all' : { companyId: user.companyId };
