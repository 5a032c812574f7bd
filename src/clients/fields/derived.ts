// What is derived from a customer's answers as a whole: the problems that still block its
// activation, and what the list keeps beside its typed columns: the folded text « Rechercher »
// looks in, and the keys each sortable column orders by. The list's are computed here, in one
// place, and written by every writer (the wizard's service, the seed): the database only compares
// them, so both engines and both origins sort « Łódź Café » and « Saint–Avertin » alike.
import { normaliseName } from '../../domain';
import { steps } from './steps';
import type { AllAnswers, Field, FieldError, ListColumn, Step, StepNumber } from './types';
import type { StepColumns } from './kinds';
import { validateStep } from './validation';
import { answerOf, columnOf } from './types';

type SortColumn = 'sort_name' | 'sort_reference' | 'sort_siren' | 'sort_city';

const digits = (s: string) => s.replace(/\D/g, '');

/** The clients column each list column sorts by, and how its answer becomes that key. */
export const LIST_KEYS: Readonly<
  Record<ListColumn, { column: SortColumn; key: (answer: string) => string }>
> = {
  name: { column: 'sort_name', key: normaliseName },
  // A reference is a code: case aside, compared as typed (« ABC-2024-117 » before « CLI-000001 »).
  reference: { column: 'sort_reference', key: (s) => s.trim().toLowerCase() },
  siren: { column: 'sort_siren', key: digits },
  city: { column: 'sort_city', key: normaliseName },
};

export type ListKeys = Record<'search_text' | SortColumn, string>;

type Placed = { step: StepNumber; field: Field };
const placed: Placed[] = steps.flatMap((s) => s.fields.map((field) => ({ step: s.number, field })));
const searched = placed.filter((p) => p.field.searchable);
const listed = placed.filter(
  (p): p is Placed & { field: { listColumn: ListColumn } } => !!p.field.listColumn,
);

/** A list column's header: its field's listHeader, or else its label. */
export function listHeaderOf(column: ListColumn): string {
  const field = listed.find((p) => p.field.listColumn === column)?.field;
  if (!field) throw new Error(`No field is listed as ${column}`);
  return field.listHeader ?? field.label;
}

/** One folded string per customer, searched without regard to case or accents. */
export function searchTextOf(all: AllAnswers): string {
  return normaliseName(
    searched
      .map(({ step, field }) => {
        const answer = answerOf(all[step], field.name);
        return field.searchable === 'digits' ? digits(answer) : answer;
      })
      .join(' '),
  );
}

/**
 * The search text and the sort keys, from the answers as kept (a valid value in its tidy form).
 * Never NULL: keyset paging compares plain values on both databases.
 */
export function listKeysOf(all: AllAnswers): ListKeys {
  const keys: ListKeys = {
    search_text: searchTextOf(all),
    sort_name: '',
    sort_reference: '',
    sort_siren: '',
    sort_city: '',
  };
  for (const { step, field } of listed) {
    const { column, key } = LIST_KEYS[field.listColumn];
    keys[column] = key(answerOf(all[step], field.name));
  }
  return keys;
}

/**
 * The commune Mes clients shows (main_city), as the step that declares it stores it: the checked
 * commune's name, or null. Nothing for the other steps.
 */
export function mainCityOf(step: Step, columns: StepColumns): { main_city?: string | null } {
  const city = step.fields.find((f) => f.listColumn === 'city');
  if (!city) return {};
  const name = columns[columnOf(city)];
  return { main_city: typeof name === 'string' ? name : null };
}

/** The problems that still block activation, step by step. */
export function problemsOf(all: AllAnswers): Map<number, FieldError[]> {
  const problems = new Map<number, FieldError[]>();
  for (const step of steps) {
    const { errors } = validateStep(step, all[step.number] ?? {}, all);
    if (errors.length) problems.set(step.number, errors);
  }
  return problems;
}
