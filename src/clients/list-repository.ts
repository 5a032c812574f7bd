// Mes clients: the rows of the list, filtered by état, newest change first.
import type { Db } from '../db/connect';
import type { ClientState, Scope } from './repository';

export type ListRow = {
  id: number;
  raisonSociale: string | null;
  reference: string | null;
  state: ClientState;
  reachedStep: number;
  updatedAt: Date;
};

export type ListFilters = { state?: ClientState };

export const PAGE_SIZE = 50;

export function clientListRepository(db: Db) {
  return {
    async list(scope: Scope, filters: ListFilters): Promise<ListRow[]> {
      const query = db('clients')
        .select('id', 'raison_sociale', 'reference', 'state', 'reached_step', 'updated_at')
        .orderBy([
          { column: 'updated_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(PAGE_SIZE);
      if (scope !== 'all') query.where('company_id', scope.companyId);
      if (filters.state) query.where('state', filters.state);
      const rows = await query;
      return rows.map((r) => ({
        id: r.id,
        raisonSociale: r.raison_sociale,
        reference: r.reference,
        state: r.state,
        reachedStep: r.reached_step,
        updatedAt: new Date(r.updated_at),
      }));
    },
  };
}

export type ClientListRepository = ReturnType<typeof clientListRepository>;
