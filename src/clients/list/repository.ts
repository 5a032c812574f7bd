// Mes clients: pages of customers by keyset (never a large OFFSET), their counts per état, and the
// same rows in batches for the export. The indexes these queries rely on are in the migration
// 20261128190000_index_client_list.
import type { Knex } from 'knex';
import { isSqlite, type Db } from '../../db/connect';
import { parseJson, selected } from '../../db/rows';
import type { ClientRow, StepTableRow, StoredDate } from '../../db/tables';
import type { AllAnswers } from '../fields/types';
import { stepOf } from '../fields/steps';
import type { Cursor, Order, SortName } from './query';
import type { ClientState, Scope } from '../repository';

export const PAGE_SIZE = 50;
/** Trigrams: a shorter word cannot use the search index. */
const MIN_INDEXED_WORD = 3;
const LOOKUP_LIMIT = 2000;
/**
 * A search counts its matches exactly up to this many; past it, the page says « plus de 1 000 ».
 * Counting every match of « ecole » (50,000 of a million) took 256 ms on SQLite, 290 ms on
 * PostgreSQL; reading the first 1,001 takes a few milliseconds on both.
 */
export const COUNT_BOUND = 1000;

type SortColumn = 'sort_name' | 'sort_reference' | 'sort_siren' | 'sort_city' | 'state' | 'updated_at';

type SearchPlan = { match: string | undefined; many: boolean };

/** The columns each sort orders by, before the id that breaks ties. */
const SORT_COLUMNS: Record<SortName, SortColumn[]> = {
  'raison-sociale': ['sort_name'],
  reference: ['sort_reference'],
  siren: ['sort_siren'],
  commune: ['sort_city'],
  etat: ['state', 'updated_at'],
  modifie: ['updated_at'],
};

export const sortWidth = (sort: SortName): number => SORT_COLUMNS[sort].length;
/** The columns a cursor of this sort holds values of, in order (before the id). */
export const sortColumnsOf = (sort: SortName): readonly string[] => SORT_COLUMNS[sort];

export type ListFilters = {
  state?: ClientState;
  /** Staff: one partner. Ignored for a partner, whose scope is its own company. */
  partnerId?: number;
  /** Folded words that must all appear in search_text. */
  words: string[];
  /** Only the customers this import created. */
  importId?: number;
};

export type ListRow = {
  id: number;
  companyId: number;
  companyName: string;
  raisonSociale: string | null;
  reference: string | null;
  siren: string | null;
  mainCity: string | null;
  state: ClientState;
  reachedStep: number;
  updatedAt: Date;
  /** Drafts only: what « Reprendre la saisie » needs to find the first incomplete step. */
  answers?: AllAnswers;
  cursor: Cursor;
};

export type ListPage = { rows: ListRow[]; hasPrevious: boolean; hasNext: boolean };

/** Per état; `moreThan` when a search matched more than COUNT_BOUND (then byState is not given). */
export type Counts = { byState: Record<ClientState, number>; moreThan?: number };

/** A customer and what it is made of, as the four tables hold the checked values. */
export type ExportRow = {
  client: ClientRow & StepTableRow;
  companyName: string;
  site?: StepTableRow;
  billing?: StepTableRow;
  contact?: StepTableRow;
};

/** What fetch() selects: the list's columns, its sort's, and a draft's answers. */
type SelectedRow = Pick<
  ClientRow,
  | 'id'
  | 'company_id'
  | 'raison_sociale'
  | 'reference'
  | 'siren'
  | 'main_city'
  | 'state'
  | 'reached_step'
  | 'updated_at'
  | 'sort_name'
  | 'sort_reference'
  | 'sort_siren'
  | 'sort_city'
> & { company_name: string; draft_answers: string | null };

/** A count as the drivers give it: a number on SQLite, a string (bigint) on PostgreSQL. */
type CountRow = { n: number | string };
type StateCount = CountRow & { state: ClientState };

const iso = (v: StoredDate): string => (v instanceof Date ? v.toISOString() : v);
const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** (a, b, id) > (x, y, z), as both databases compare row values, in the sort's direction. */
function keyset(query: Knex.QueryBuilder, columns: string[], cursor: Cursor, direction: Order) {
  const op = direction === 'asc' ? '>' : '<';
  const list = [...columns, 'id'].map((c) => `clients.${c}`).join(', ');
  query.whereRaw(`(${list}) ${op} (${[...columns, 'id'].map(() => '?').join(', ')})`, [
    ...cursor.values,
    cursor.id,
  ]);
}

export function clientListRepository(db: Db) {
  const sqlite = isSqlite(db);

  const longWords = (filters: ListFilters) => filters.words.filter((w) => w.length >= MIN_INDEXED_WORD);
  const matchOf = (words: string[]) => words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');

  /**
   * SQLite: how to use the trigram index's matches. A few are looked up one by one; many are better
   * used as a filter while walking the sort's index, which stops at the 51st row. SQLite's planner
   * cannot tell the two apart, so the number of matches decides (measured at a million rows: a
   * search matching 5 % of them takes 80 ms by lookups, 11 ms as a filter; one matching 35 rows,
   * 1 ms by lookups and up to 60 ms as a filter).
   */
  async function searchPlan(filters: ListFilters): Promise<SearchPlan> {
    const words = longWords(filters);
    if (!sqlite || !words.length) return { match: undefined, many: false };
    const match = matchOf(words);
    // Only whether there are more than LOOKUP_LIMIT: FTS5 stops reading its matches there.
    const matches = db('clients_search')
      .whereRaw('clients_search match ?', [match])
      .select('rowid')
      .limit(LOOKUP_LIMIT + 1);
    const row = await db.from(matches.as('m')).count({ n: '*' }).first<CountRow | undefined>();
    return { match, many: Number(row?.n ?? 0) > LOOKUP_LIMIT };
  }

  function filtered(
    scope: Scope,
    filters: ListFilters,
    plan: SearchPlan,
    opts: { state: boolean; sort?: SortName; filterMatches: boolean; fromMatches?: boolean },
  ) {
    // fromMatches (SQLite): read the customers in the order the trigram index finds them, so that
    // a LIMIT stops the search itself; `id in (…)` would first collect every match.
    const match = opts.fromMatches ? plan.match : undefined;
    const fromMatches = match !== undefined;
    // Both read clients' columns: the search table only adds its matches.
    const query: Knex.QueryBuilder = fromMatches
      ? db('clients_search')
          .join('clients', 'clients.id', 'clients_search.rowid')
          .whereRaw('clients_search match ?', [match])
      : db('clients');
    const companyId = scope === 'all' ? filters.partnerId : scope.companyId;
    if (companyId !== undefined) query.where('clients.company_id', companyId);
    if (filters.importId !== undefined) query.where('clients.import_id', filters.importId);
    if (opts.state && filters.state) {
      // On SQLite, the unary + keeps the planner on the sort's index (skipping the other états)
      // instead of sorting every row of that état: it cannot tell which is cheaper.
      const hint = sqlite && opts.sort !== 'etat' && opts.sort !== 'modifie' ? '+' : '';
      query.whereRaw(`${hint}clients.state = ?`, [filters.state]);
    }
    if (plan.match && !fromMatches) {
      // The unary + stops SQLite from looking the matches up by id: it filters with them instead.
      const id = opts.filterMatches ? '+clients.id' : 'clients.id';
      query.whereRaw(`${id} in (select rowid from clients_search where clients_search match ?)`, [
        plan.match,
      ]);
    }
    // Words too short for the trigram index (and on PostgreSQL every word, pg_trgm serving LIKE).
    const rest = sqlite ? filters.words.filter((w) => w.length < MIN_INDEXED_WORD) : filters.words;
    for (const word of rest) {
      query.whereRaw(`clients.search_text like ? escape '\\'`, [`%${escapeLike(word)}%`]);
    }
    return query;
  }

  function toRow(r: SelectedRow, sort: SortName): ListRow {
    return {
      id: Number(r.id),
      companyId: Number(r.company_id),
      companyName: r.company_name,
      raisonSociale: r.raison_sociale ?? null,
      reference: r.reference ?? null,
      siren: r.siren ?? null,
      mainCity: r.main_city ?? null,
      state: r.state,
      reachedStep: Number(r.reached_step),
      updatedAt: new Date(iso(r.updated_at)),
      answers: r.draft_answers ? parseJson<AllAnswers>(r.draft_answers) : undefined,
      cursor: {
        values: SORT_COLUMNS[sort].map((c) => (c === 'updated_at' ? iso(r[c]) : String(r[c]))),
        id: Number(r.id),
      },
    };
  }

  /** Up to `limit` rows after (or before) the cursor, in the page's order. */
  async function fetch(
    scope: Scope,
    filters: ListFilters,
    sort: SortName,
    order: Order,
    position: { after?: Cursor; before?: Cursor },
    limit: number,
    plan: SearchPlan,
  ): Promise<ListRow[]> {
    const columns = SORT_COLUMNS[sort];
    const backwards = position.before !== undefined && position.after === undefined;
    const direction: Order = backwards ? (order === 'asc' ? 'desc' : 'asc') : order;
    const query = filtered(scope, filters, plan, { state: true, sort, filterMatches: plan.many })
      .select(
        'clients.id',
        'clients.company_id',
        // A subquery rather than a join: evaluated for the 50 rows shown, and it leaves SQLite's
        // planner on the sort's index instead of walking the companies and sorting everything.
        db.raw('(select name from companies where companies.id = clients.company_id) as company_name'),
        'clients.raison_sociale',
        'clients.reference',
        'clients.siren',
        'clients.main_city',
        'clients.state',
        'clients.reached_step',
        'clients.updated_at',
        ...columns.filter((c) => c !== 'state' && c !== 'updated_at').map((c) => `clients.${c}`),
        db.raw(`case when clients.state = 'draft' then clients.answers end as draft_answers`),
      )
      .orderBy([...columns, 'id'].map((c) => ({ column: `clients.${c}`, order: direction })))
      .limit(limit);
    const cursor = backwards ? position.before : position.after;
    if (cursor) keyset(query, columns, cursor, direction);
    const rows = (await selected<SelectedRow>(query)).map((r) => toRow(r, sort));
    return backwards ? rows.reverse() : rows;
  }

  async function page(
    scope: Scope,
    filters: ListFilters,
    sort: SortName,
    order: Order,
    position: { after?: Cursor; before?: Cursor },
    plan: SearchPlan,
  ): Promise<ListPage> {
    const rows = await fetch(scope, filters, sort, order, position, PAGE_SIZE + 1, plan);
    if (position.before && !position.after) {
      // Back at the start (rows were added or removed meanwhile): show a full first page.
      if (rows.length <= PAGE_SIZE) return page(scope, filters, sort, order, {}, plan);
      return { rows: rows.slice(1), hasPrevious: true, hasNext: true };
    }
    return {
      rows: rows.slice(0, PAGE_SIZE),
      hasPrevious: position.after !== undefined,
      hasNext: rows.length > PAGE_SIZE,
    };
  }

  /** The customers' rows of a step's table: their main site, default billing point or administrator. */
  async function stepRows(n: 2 | 3 | 4, ids: number[]): Promise<StepTableRow[]> {
    const step = stepOf(n)!;
    return db(step.table).whereIn('client_id', ids).andWhere(step.rowKey!);
  }

  /** The customers' rows with their main site, default billing point and administrator. */
  async function details(ids: number[]): Promise<ExportRow[]> {
    const [clients, sites, billing, contacts] = await Promise.all([
      db('clients')
        .join('companies', 'companies.id', 'clients.company_id')
        .whereIn('clients.id', ids)
        .select<(ClientRow & { company_name: string })[]>('clients.*', 'companies.name as company_name'),
      stepRows(2, ids),
      stepRows(3, ids),
      stepRows(4, ids),
    ]);
    const byClient = (rows: StepTableRow[]) => new Map(rows.map((r) => [Number(r.client_id), r]));
    const [site, bill, contact] = [byClient(sites), byClient(billing), byClient(contacts)];
    const byId = new Map(clients.map((c) => [c.id, c]));
    return ids.flatMap((id) => {
      const client = byId.get(id);
      if (!client) return [];
      const row = { client, companyName: client.company_name };
      return [{ ...row, site: site.get(id), billing: bill.get(id), contact: contact.get(id) }];
    });
  }

  /**
   * Counts per état under the other filters. Without a search, the counters the triggers keep; with
   * one, the matches up to COUNT_BOUND (and one more, to know there are more).
   */
  async function counts(scope: Scope, filters: ListFilters, plan: SearchPlan): Promise<Counts> {
    const byState: Record<ClientState, number> = { draft: 0, active: 0, inactive: 0 };
    const companyId = scope === 'all' ? filters.partnerId : scope.companyId;
    // The counters only know partners and états: a search or an import's customers are counted.
    if (!filters.words.length && filters.importId === undefined) {
      const rows = await db('client_counts')
        .modify((q) => (companyId === undefined ? q : q.where('company_id', companyId)))
        .select('state')
        .sum<StateCount[]>({ n: 'n' })
        .groupBy('state');
      for (const row of rows) byState[row.state] = Number(row.n);
      return { byState };
    }
    // Many matches within one partner: walking its index is cheaper than looking each match up;
    // across all partners, reading the matches as the index finds them stops soonest.
    const filterMatches = plan.many && companyId !== undefined;
    const matches = filtered(scope, filters, plan, {
      state: false,
      filterMatches,
      fromMatches: !filterMatches,
    })
      .select('clients.state')
      .limit(COUNT_BOUND + 1);
    const rows = await selected<StateCount>(
      db.from(matches.as('m')).select('state').count({ n: '*' }).groupBy('state'),
    );
    for (const row of rows) byState[row.state] = Number(row.n);
    const total = byState.draft + byState.active + byState.inactive;
    return total > COUNT_BOUND ? { byState, moreThan: COUNT_BOUND } : { byState };
  }

  return {
    /** One page of the list and the counts per état of everything the filters select. */
    async list(
      scope: Scope,
      filters: ListFilters,
      sort: SortName,
      order: Order,
      position: { after?: Cursor; before?: Cursor },
    ): Promise<{ page: ListPage; counts: Counts }> {
      const plan = await searchPlan(filters);
      return {
        page: await page(scope, filters, sort, order, position, plan),
        counts: await counts(scope, filters, plan),
      };
    },

    /** The import a list is filtered on, as its result page names it; undefined if not the partner's. */
    async importOf(id: number, scope: Scope): Promise<{ fileName: string; at: Date } | undefined> {
      const query = db('imports').where('id', id).first('file_name', 'created_at');
      const row = await (scope === 'all' ? query : query.where('company_id', scope.companyId));
      return row ? { fileName: row.file_name, at: new Date(row.created_at) } : undefined;
    },

    /** The partners staff can filter on. */
    async partners(): Promise<{ id: number; name: string }[]> {
      return db('companies').orderBy('name').select('id', 'name');
    },

    /**
     * Every row of the list, in its order, a batch at a time: each batch is one short query, so an
     * export of a million rows never holds them all, nor the database's only SQLite connection.
     */
    async *exportBatches(
      scope: Scope,
      filters: ListFilters,
      sort: SortName,
      order: Order,
      batchSize = 1000,
    ): AsyncGenerator<ExportRow[]> {
      const plan = await searchPlan(filters);
      let after: Cursor | undefined;
      for (;;) {
        const batch = await fetch(scope, filters, sort, order, { after }, batchSize, plan);
        if (!batch.length) return;
        yield await details(batch.map((r) => r.id));
        if (batch.length < batchSize) return;
        after = batch[batch.length - 1]!.cursor;
      }
    },
  };
}

export type ClientListRepository = ReturnType<typeof clientListRepository>;
