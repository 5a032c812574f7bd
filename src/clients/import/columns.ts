// The columns of an import file, one per field of the four steps, derived from the declarations:
// the same headers as the export (a label two steps share says which section it belongs to), and
// the rule that matches a file's header to one of them.
import { normaliseName } from '../../domain';
import { steps } from '../fields/steps';
import type { Field, Step } from '../fields/types';

export type ImportColumn = {
  /** Stable across requests: what the mapping stores and the mapping page posts. */
  key: string;
  header: string;
  step: Step;
  field: Field;
};

let cached: ImportColumn[] | undefined;

export function importColumns(): ImportColumn[] {
  if (cached) return cached;
  const fields = steps.flatMap((step) =>
    step.fields.filter((f) => f.kind !== 'fixed').map((f) => ({ step, f })),
  );
  const shared = new Set(fields.map(({ f }) => f.label).filter((l, i, all) => all.indexOf(l) !== i));
  cached = fields.map(({ step, f }) => ({
    key: `${step.number}.${f.name}`,
    header: shared.has(f.label) ? `${step.title} : ${f.label}` : f.label,
    step,
    field: f,
  }));
  return cached;
}

let columnsByKey: ReadonlyMap<string, ImportColumn> | undefined;
/** Asked for each cell of each row: a lookup, not a search through the 45 columns. */
export const columnByKey = (key: string): ImportColumn | undefined =>
  (columnsByKey ??= new Map(importColumns().map((c) => [c.key, c]))).get(key);

/** A header as compared: no case, no accents, no « * », no spaces (hyphens and apostrophes neither). */
export const headerKey = (header: string): string =>
  normaliseName(header.replace(/\*/g, '')).replace(/\s+/g, '');

/**
 * The field each of the file's columns feeds, by header; null where none matches (the mapping page
 * asks), and null for a second column with the same header (the first one is read). A label two
 * steps share, written without its section (« Code postal », « Téléphone »), is matched by label too:
 * to the first of those fields, in the steps' order, that no other column of the file names.
 */
export function matchHeaders(headers: string[]): (string | null)[] {
  const byHeader = new Map(importColumns().map((c) => [headerKey(c.header), c.key]));
  const byLabel = new Map<string, string[]>();
  for (const c of importColumns()) {
    if (c.header === c.field.label) continue;
    const label = headerKey(c.field.label);
    byLabel.set(label, [...(byLabel.get(label) ?? []), c.key]);
  }
  const seen = new Set<string>();
  const exact = headers.map((h) => {
    const key = byHeader.get(headerKey(h));
    if (!key || seen.has(key)) return null;
    seen.add(key);
    return key;
  });
  return exact.map((key, i) => {
    if (key) return key;
    const free = byLabel.get(headerKey(headers[i] ?? ''))?.find((k) => !seen.has(k));
    if (free) seen.add(free);
    return free ?? null;
  });
}

/** A header as an alias is compared: as headerKey, and without dots (« Tél. », « Réf. »). */
const aliasKey = (header: string) => headerKey(header).replace(/\./g, '');

/**
 * The field the mapping page proposes for a column no header matched: the first, in the steps'
 * order, that declares this header among its importAliases and is not `taken`.
 */
export function suggestedField(header: string, taken: ReadonlySet<string>): string | undefined {
  const key = aliasKey(header);
  return importColumns().find(
    (c) => !taken.has(c.key) && (c.field.importAliases ?? []).some((a) => aliasKey(a) === key),
  )?.key;
}

/** The most characters of a file's header the pages quote. */
const QUOTED_HEADER_LENGTH = 60;
/** A file's header as the pages and messages quote it: a cell of any length must not become a page of it. */
export const shortHeader = (header: string): string =>
  header.length > QUOTED_HEADER_LENGTH ? `${header.slice(0, QUOTED_HEADER_LENGTH)}…` : header;

export const RAISON_SOCIALE = '1.raisonSociale';
export const REFERENCE = '1.reference';
