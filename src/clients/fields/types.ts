// The shape of a field declaration. Each step declares its fields once (steps.ts); the form, the
// joi schema, the messages, the summary, the columns and the draft's completeness derive from it.
import type { Option } from '../../domain';

export type StepNumber = 1 | 2 | 3 | 4;
export const STEP_NUMBERS: readonly StepNumber[] = [1, 2, 3, 4];

/** One step's answers exactly as typed (a checkbox group gives a list). */
export type Answers = Record<string, string | string[]>;
/** Every step's answers: what a draft keeps. */
export type AllAnswers = Partial<Record<StepNumber, Answers>>;

/** Another field of the same step, and the value that switches a rule on. */
export type Condition = { field: string; is: string };

/** A field of a step (this one or another), by the step's number and the field's name. */
export type FieldRef = { step: StepNumber; field: string };

export type KindName =
  | 'text'
  | 'textarea'
  | 'streetNumber'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'amount'
  | 'select'
  | 'radio'
  | 'yesno'
  | 'checkboxes'
  | 'siren'
  | 'siret'
  | 'web'
  | 'country'
  | 'postalCode'
  | 'commune'
  | 'iban'
  | 'bic'
  | 'fixed';

/** The columns of Mes clients a field feeds (its sort key; see derived.ts). */
export type ListColumn = 'name' | 'reference' | 'siren' | 'city';

export type Field = {
  /** Form name and id; also the key in the answers. */
  name: string;
  label: string;
  kind: KindName;
  /** The table column; defaults to the snake_case of the name. */
  column?: string;
  required?: boolean | Condition;
  /**
   * The rule only applies under a condition. Otherwise the field must stay empty ('empty', with
   * the message given) or is kept as typed without being checked ('unchecked').
   */
  onlyWhen?: Condition & ({ otherwise: 'empty'; message: string } | { otherwise: 'unchecked' });
  maxLength?: number;
  options?: readonly Option[] | (() => readonly Option[]);
  /** Preselected on a new form. */
  defaultValue?: string;
  /** Prefilled on a new form with another field's answer, when it has one (the Raison sociale). */
  prefillFrom?: FieldRef;
  /**
   * The other answers its kind reads, under the names the kind gives them (hmpo-form-wizard's
   * `dependent`): a phone's country and postal code, a SIRET's SIREN. Checked at startup.
   */
  dependsOn?: Readonly<Record<string, FieldRef>>;
  hint?: string;
  /**
   * Other headers a partner's own spreadsheet gives this column (« Ville », « CP », « Réf »): the
   * import's mapping page proposes the field for them, to be checked, never matched unasked.
   */
  importAliases?: readonly string[];
  /** A realistic value, quoted by the message of a required free-text field left empty. */
  example?: string;
  /** The fieldset the field belongs to: the id of one of its step's groups. */
  group?: string;
  /** Laid out side by side with the next fields of the same row name (short address parts). */
  row?: string;
  /** A value shown but never typed ('fixed' kind). */
  fixedValue?: string;
  /** Shown in Mes clients, which sorts on it. */
  listColumn?: ListColumn;
  /** Its header in Mes clients, where SPEC §3 names it otherwise than its label (« SIREN », « Commune »). */
  listHeader?: string;
  /** Found by « Rechercher »: as words, or as its digits alone (a SIREN typed in groups). */
  searchable?: 'words' | 'digits';
};

/** A fieldset of a step. */
export type Group = {
  id: string;
  legend: string;
  /**
   * A button fills this group's fields from the same fields of another step's group, without
   * saving (the billing point's address from the main site's).
   */
  copyFrom?: { step: StepNumber; group: string; button: string };
};

export type Step = {
  number: StepNumber;
  /** The heading the user guide shows, in capitals. */
  heading: string;
  /** The summary's section title. */
  title: string;
  /** The title and heading of its page when an existing customer's section is changed. */
  editHeading: string;
  /** Where the step's typed columns live. */
  table: 'clients' | 'sites' | 'billing_points' | 'contacts';
  /**
   * Which of the customer's rows in that table is this step's (a customer may later have several
   * sites, billing points and contacts): the main site, the default billing point, the administrator.
   */
  rowKey?: Readonly<Record<string, string | boolean>>;
  groups?: readonly Group[];
  fields: readonly Field[];
};

export type FieldError = { field: string; message: string };

export function groupOf(step: Step, field: Field): Group | undefined {
  return step.groups?.find((g) => g.id === field.group);
}

/** The group of this step that copies another step's fields, with the names of the fields copied. */
export function copyOf(step: Step): { group: Group; from: StepNumber; names: string[] } | undefined {
  const group = step.groups?.find((g) => g.copyFrom);
  if (!group?.copyFrom) return undefined;
  const names = step.fields.filter((f) => f.group === group.id).map((f) => f.name);
  return { group, from: group.copyFrom.step, names };
}

export function optionsOf(field: Field): readonly Option[] {
  return typeof field.options === 'function' ? field.options() : (field.options ?? []);
}

// Asked for every field of every row an import writes: the regex once per declaration, not per call.
const columns = new WeakMap<Field, string>();
export function columnOf(field: Field): string {
  let column = columns.get(field);
  if (column === undefined) {
    column = field.column ?? field.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    columns.set(field, column);
  }
  return column;
}

/** What a new form shows in a field before anything is typed: its prefill, else its default. */
export function defaultOf(field: Field, all: AllAnswers): string | undefined {
  const prefill = field.prefillFrom && answerOf(all[field.prefillFrom.step], field.prefillFrom.field);
  return prefill || field.defaultValue;
}

export function answerOf(answers: Answers | undefined, name: string): string {
  const value = answers?.[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
