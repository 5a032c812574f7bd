// Mes clients' state lives in its URL, so that a filtered, sorted page can be bookmarked and every
// action is a plain link: the search, the état, the partner (staff), the sort, and the page's
// keyset cursor. This file reads that URL and writes it back; nothing here touches the database.
import { normaliseName } from '../../domain';
import type { ClientState } from '../repository';
import { stateFromSlug, STATES } from '../model';
import { isRowId, parseId, queryText, storableText } from '../../web/parse';

export const SORTS = ['raison-sociale', 'reference', 'siren', 'commune', 'etat', 'modifie'] as const;
export type SortName = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';

/** Where a page starts or ends: the sort values of a row, then its id (which breaks ties). */
export type Cursor = { values: string[]; id: number };

export type ListQuery = {
  /** « Rechercher » as typed. */
  q: string;
  state?: ClientState;
  /** Staff only: one partner's customers. */
  partnerId?: number;
  /** The customers one import created (its result page links here). */
  importId?: number;
  sort: SortName;
  order: Order;
  /** The page after this row (« Suivant »), or the page before that one (« Précédent »). */
  after?: Cursor;
  before?: Cursor;
};

export const DEFAULT_SORT: SortName = 'modifie';
/** Clicking a column sorts it this way first: names A to Z, the latest change first. */
export const FIRST_ORDER: Record<SortName, Order> = {
  'raison-sociale': 'asc',
  reference: 'asc',
  siren: 'asc',
  commune: 'asc',
  etat: 'asc',
  modifie: 'desc',
};

/** Shorter words cannot use the substring index: they only narrow down what longer words found. */
export const MIN_SEARCH_WORD = 3;

const single = queryText;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([...cursor.values, cursor.id])).toString('base64url');
}

/**
 * Whether a cursor value can be compared with its column on both databases: PostgreSQL refuses to
 * compare a timestamp with « abc », or any text with one holding a NUL, where SQLite compares anything.
 */
function fitsColumn(column: string, value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 500) return false;
  if (column === 'updated_at') {
    const time = Date.parse(value);
    return /^\d{4}-/.test(value) && Number.isFinite(time) && new Date(time).toISOString() === value;
  }
  if (column === 'state') return STATES.some((s) => s.value === value);
  return storableText(value) === value;
}

/**
 * A cursor from the URL, or undefined (the first page) when it is not one this sort could have
 * written: someone edited the URL, or the sort changed under it.
 */
export function decodeCursor(text: string, columns: readonly string[]): Cursor | undefined {
  if (!text || text.length > 2000) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const length = columns.length;
    if (!Array.isArray(parsed) || parsed.length !== length + 1) return undefined;
    const items: readonly unknown[] = parsed;
    const id = items[length];
    const values = items.slice(0, length);
    if (!isRowId(id) || !values.every((v, i) => fitsColumn(columns[i]!, v))) return undefined;
    return { values: values as string[], id };
  } catch {
    return undefined;
  }
}

export function parseListQuery(
  query: Record<string, unknown>,
  opts: { staff: boolean; sortColumns: (sort: SortName) => readonly string[] },
): ListQuery {
  const sort = (SORTS as readonly string[]).includes(single(query.tri))
    ? (single(query.tri) as SortName)
    : DEFAULT_SORT;
  const order =
    single(query.ordre) === 'asc' || single(query.ordre) === 'desc' ? single(query.ordre) : undefined;
  const partner = parseId(single(query.partenaire));
  const columns = opts.sortColumns(sort);
  return {
    q: single(query.q).slice(0, 200),
    state: stateFromSlug(query.etat),
    partnerId: opts.staff ? partner : undefined,
    importId: parseId(single(query.import)),
    sort,
    order: (order as Order | undefined) ?? FIRST_ORDER[sort],
    after: decodeCursor(single(query.apres), columns),
    before: decodeCursor(single(query.avant), columns),
  };
}

/** The URL of the list with some of its state changed; defaults are left out to keep it short. */
export function listHref(query: ListQuery, changes: Partial<ListQuery> = {}, path = '/clients'): string {
  const next = { ...query, after: undefined, before: undefined, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  const slug = STATES.find((s) => s.value === next.state)?.slug;
  if (slug) params.set('etat', slug);
  if (next.partnerId) params.set('partenaire', String(next.partnerId));
  if (next.importId) params.set('import', String(next.importId));
  if (next.sort !== DEFAULT_SORT || next.order !== FIRST_ORDER[DEFAULT_SORT]) {
    params.set('tri', next.sort);
    params.set('ordre', next.order);
  }
  if (next.after) params.set('apres', encodeCursor(next.after));
  if (next.before) params.set('avant', encodeCursor(next.before));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export type SearchTerms = { words: string[]; tooShort: boolean };

/**
 * The words to look for, folded like search_text. A SIREN or SIRET typed in groups
 * (« 732 829 320 ») is one number. Every word must appear, anywhere (« avertin » finds
 * « Saint-Avertin »); at least one must be 3 characters long, or the search is refused.
 */
export function searchTermsOf(q: string): SearchTerms {
  const folded = normaliseName(q);
  if (!folded) return { words: [], tooShort: false };
  // Only digits, spaces and dots: one number in groups. « 2024-11 » stays two words.
  const words = /^[\d\s.]+$/.test(q.trim()) ? [folded.replace(/[\s.]/g, '')] : folded.split(' ');
  const unique = [...new Set(words)];
  if (!unique.some((w) => w.length >= MIN_SEARCH_WORD)) return { words: [], tooShort: true };
  return { words: unique, tooShort: false };
}
