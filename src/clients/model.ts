// The three états of a customer, as the filter and the list name them, and as URLs carry them.
import type { ClientState } from './repository';

export const STATES: readonly { value: ClientState; slug: string; label: string }[] = [
  { value: 'draft', slug: 'brouillon', label: 'Brouillon' },
  { value: 'active', slug: 'active', label: 'Activé(e)' },
  { value: 'inactive', slug: 'desactive', label: 'Désactivé(e)' },
];

export const stateLabel = (state: ClientState): string =>
  STATES.find((s) => s.value === state)?.label ?? state;

export const stateFromSlug = (slug: unknown): ClientState | undefined =>
  STATES.find((s) => s.slug === slug)?.value;
