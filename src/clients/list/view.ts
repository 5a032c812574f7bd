// What views/pages/clients/list.ejs shows: the filter form's values, the counts, the sortable
// headers with their links and aria-sort, the rows as a person reads them, and the page links.
import { formatSiren } from '../../domain';
import { formatParisTime } from '../../web/dates';
import { resumeHrefOf } from '../wizard/drafts';
import type { Counts, ListPage } from './repository';
import { DEFAULT_SORT, FIRST_ORDER, listHref, type ListQuery, type SortName } from './query';
import { nameOf, stateLabel, STATES } from '../model';
import { listHeaderOf } from '../fields/derived';
import type { ClientState } from '../repository';

const COLUMNS: { sort: SortName; label: string }[] = [
  { sort: 'raison-sociale', label: listHeaderOf('name') },
  { sort: 'reference', label: listHeaderOf('reference') },
  { sort: 'siren', label: listHeaderOf('siren') },
  { sort: 'commune', label: listHeaderOf('city') },
  { sort: 'etat', label: 'État' },
  { sort: 'modifie', label: 'Modifié le' },
];

const keepTogether = (text: string) => text.replace(/ /g, '\u00a0');

/** What the page's title says is shown, e.g. « Mes clients — Brouillons (12) ». */
const PLURALS: Record<ClientState, string> = {
  draft: 'Brouillons',
  active: 'Activés',
  inactive: 'Désactivés',
};

function titleOf(query: ListQuery, counts: Counts, total: number): string {
  const parts = [query.state ? PLURALS[query.state] : '', query.q.trim() ? `« ${query.q.trim()} »` : '']
    .filter(Boolean)
    .join(', ');
  const n = counts.moreThan
    ? `plus de ${count(counts.moreThan)}`
    : count(query.state ? counts.byState[query.state] : total);
  return `Mes clients${parts ? ` — ${parts}` : ''} (${n})`;
}

const isDefaultSort = (q: ListQuery) => q.sort === DEFAULT_SORT && q.order === FIRST_ORDER[DEFAULT_SORT];
const count = (n: number) => n.toLocaleString('fr-FR');

export function listView(input: {
  query: ListQuery;
  page: ListPage;
  counts: Counts;
  staff: boolean;
  companyId: number;
  partners: { id: number; name: string }[];
  /** The import the list is filtered on (from its result page). */
  fromImport?: { fileName: string; at: Date };
  searchTooShort: boolean;
}) {
  const { query, page, counts, staff } = input;
  const { byState, moreThan } = counts;
  const total = byState.draft + byState.active + byState.inactive;
  const sortColumn = COLUMNS.find((c) => c.sort === query.sort)!;
  const orderText = query.order === 'asc' ? 'croissant' : 'décroissant';
  const first = page.rows[0];
  const last = page.rows[page.rows.length - 1];
  return {
    title: titleOf(query, counts, total),
    // A new account: say how to start, rather than « no customer matches ».
    empty: !staff && total === 0 && !query.q.trim() && !query.state,
    q: query.q,
    searchTooShort: input.searchTooShort,
    selectedState: STATES.find((s) => s.value === query.state)?.slug ?? '',
    states: STATES,
    staff,
    partners: input.partners.map((p) => ({ ...p, selected: p.id === query.partnerId })),
    // The form keeps the sort; a new filter starts again from the first page.
    sort: isDefaultSort(query) ? undefined : { tri: query.sort, ordre: query.order },
    // An import's customers (from its result page) stay the subject of a new filter.
    importId: query.importId,
    // Said above the list, with the way back to every customer: the filter is not in the form.
    importFilter: query.importId
      ? {
          text: input.fromImport
            ? `Clients importés depuis « ${input.fromImport.fileName} » le ${formatParisTime(input.fromImport.at)}.`
            : 'Cet import est introuvable : aucun client ne lui correspond.',
          allHref: listHref(query, { importId: undefined }),
          allText: staff ? 'Voir tous les clients' : 'Voir tous vos clients',
        }
      : undefined,
    counts: [
      // Past the bound, a search's counts per état are not known: only « plus de 1 000 » in all.
      {
        label: 'Tous',
        n: moreThan ? `plus de ${count(moreThan)}` : count(total),
        href: listHref(query, { state: undefined }),
        current: !query.state,
      },
      ...STATES.map((s) => ({
        label: s.label,
        n: moreThan ? undefined : count(byState[s.value]),
        href: listHref(query, { state: s.value }),
        current: query.state === s.value,
      })),
    ],
    exportHref: listHref(query, {}, '/clients/export'),
    caption: `Vos clients, triés par ${sortColumn.label.toLowerCase()} (ordre ${orderText})`,
    columns: [
      ...COLUMNS.map((c) => {
        const current = c.sort === query.sort;
        const order = current ? (query.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[c.sort];
        return {
          label: c.label,
          href: listHref(query, { sort: c.sort, order }),
          ariaSort: current ? (query.order === 'asc' ? 'ascending' : 'descending') : undefined,
          arrow: current ? (query.order === 'asc' ? '▲' : '▼') : '',
        };
      }),
    ],
    rows: page.rows.map((r) => {
      const own = r.companyId === input.companyId;
      const draft = r.state === 'draft';
      return {
        href: `/clients/${r.id}`,
        name: nameOf(r),
        reference: r.reference ?? '',
        // No-break spaces: a text browser's narrow column must not split a SIREN or a date.
        siren: r.siren ? keepTogether(formatSiren(r.siren)) : '',
        city: r.mainCity ?? '',
        state: stateLabel(r.state),
        updatedAt: keepTogether(formatParisTime(r.updatedAt)),
        partner: r.companyName,
        // Drafts are their partner's work in progress: staff see them, only the partner resumes them.
        resumeHref: draft && own ? resumeHrefOf(r) : undefined,
        deleteHref: draft && own ? `/clients/${r.id}/supprimer` : undefined,
      };
    }),
    previousHref: page.hasPrevious && first ? listHref(query, { before: first.cursor }) : undefined,
    nextHref: page.hasNext && last ? listHref(query, { after: last.cursor }) : undefined,
  };
}
