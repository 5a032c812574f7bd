// Turns a step's declarations, answers and messages into what the field partial renders.
import {
  countryName,
  foreignCountryOfPostalCode,
  isCountryCode,
  isFrenchPostalArea,
  normalisePostalCode,
} from '../../domain';
import { communeChoices, kindOf, maxLengthOf, needsOf } from './kinds';
import { AllAnswers, Answers, defaultOf, Field, FieldError, groupOf, optionsOf, Step } from './types';

/** « Choisir le pays Monaco » posts this action followed by the country's code. */
const SWITCH_COUNTRY = 'pays:';

/** The country a « Choisir le pays … » button asks for, if the action is one. */
export function countrySwitchOf(action: string): string | undefined {
  const code = action.startsWith(SWITCH_COUNTRY) ? action.slice(SWITCH_COUNTRY.length) : '';
  return isCountryCode(code) ? code : undefined;
}

/** A French-looking postal code of a country of its own (98000, Monaco) gets a button to switch Pays. */
function countrySwitch(field: Field, all: AllAnswers, postalCode: string) {
  if (!isFrenchPostalArea(needsOf(field, all).country || 'FR')) return undefined;
  const code = foreignCountryOfPostalCode(normalisePostalCode(postalCode));
  return code
    ? { action: `${SWITCH_COUNTRY}${code}`, label: `Choisir le pays ${countryName(code)}` }
    : undefined;
}

export type FieldView = {
  id: string;
  name: string;
  label: string;
  input: string;
  inputmode?: string;
  /** An input as wide as what it holds: a postal code is short, a street is not. */
  width?: 'short' | 'medium';
  maxLength: number;
  required: boolean;
  value: string;
  values: string[];
  options: { value: string; label: string; selected: boolean }[];
  hint?: string;
  error?: string;
  /** A problem that still blocks activation, shown on a reopened draft without being an error. */
  pending?: string;
  describedBy?: string;
  row?: string;
  fixedValue?: string;
  /** The id an error summary links to: the input itself, or a group's first option. */
  anchor: string;
  /** A postal code gets its « Rechercher la commune » button. */
  searchCommune: boolean;
  /** A postal code of another country (Monaco) than the chosen Pays: the button that switches Pays. */
  switchCountry?: { action: string; label: string };
};

export type FieldsetView = {
  legend?: string;
  /** The label of the button that fills this fieldset from another step (action « adresse »). */
  copyButton?: string;
  rows: FieldView[][];
};

function shownDefault(field: Field, all: AllAnswers): string | string[] {
  const value = defaultOf(field, all);
  if (field.kind === 'checkboxes') return value === undefined ? [] : [value];
  return value ?? '';
}

function valueFor(field: Field, answers: Answers | undefined, all: AllAnswers): string | string[] {
  return answers?.[field.name] ?? shownDefault(field, all);
}

/** What a step's form shows before anything is typed: its defaults and prefills. */
export function defaultAnswers(step: Step, all: AllAnswers): Answers {
  const answers: Answers = {};
  for (const field of step.fields) if (field.kind !== 'fixed') answers[field.name] = shownDefault(field, all);
  return answers;
}

const SHORT_KINDS = new Set(['streetNumber', 'postalCode']);
const MEDIUM_KINDS = new Set(['siren', 'siret', 'phone', 'mobile', 'amount', 'bic']);

function widthOf(field: Field): FieldView['width'] {
  if (SHORT_KINDS.has(field.kind)) return 'short';
  if (MEDIUM_KINDS.has(field.kind) || maxLengthOf(field) <= 30) return 'medium';
  return undefined;
}

function fieldView(
  field: Field,
  answers: Answers | undefined,
  all: AllAnswers,
  errors: FieldError[],
  pending: FieldError[],
): FieldView {
  const kind = kindOf(field);
  const raw = valueFor(field, answers, all);
  const values = Array.isArray(raw) ? raw : [raw];
  const value = values[0] ?? '';
  const error = errors.find((e) => e.field === field.name)?.message;
  const pendingMessage = error ? undefined : pending.find((e) => e.field === field.name)?.message;
  let input: string = kind.input;
  let options = optionsOf(field).map((o) => ({
    value: o.value,
    label: o.label,
    selected: values.includes(o.value),
  }));
  if (kind.input === 'commune') {
    const communes = communeChoices(field, all);
    input = communes.length ? 'select' : 'text';
    options = communes.map((c) => ({
      value: c.name,
      label: c.name,
      selected: c.name.toLowerCase() === value.trim().toLowerCase(),
    }));
    if (communes.length && !options.some((o) => o.selected)) {
      options.unshift({ value: '', label: 'Choisissez la commune', selected: true });
    }
  }
  const hint = field.hint;
  const describedBy = [hint && `${field.name}-hint`, (error || pendingMessage) && `${field.name}-error`]
    .filter(Boolean)
    .join(' ');
  return {
    id: field.name,
    name: field.name,
    label: field.label,
    input,
    inputmode: kind.inputmode,
    width: widthOf(field),
    maxLength: maxLengthOf(field),
    required: field.required === true,
    value,
    values,
    options,
    hint,
    error,
    pending: pendingMessage,
    describedBy: describedBy || undefined,
    row: field.row,
    fixedValue: field.fixedValue,
    anchor:
      input === 'radio' || input === 'checkboxes' ? `${field.name}-${options[0]?.value ?? ''}` : field.name,
    searchCommune: field.kind === 'postalCode',
    switchCountry:
      field.kind === 'postalCode' && (error || pendingMessage) ? countrySwitch(field, all, value) : undefined,
  };
}

/** The step's fields grouped in fieldsets (by legend) and rows (short fields side by side). */
export function fieldsets(
  step: Step,
  answers: Answers | undefined,
  all: AllAnswers,
  errors: FieldError[] = [],
  pending: FieldError[] = [],
): FieldsetView[] {
  const sets: (FieldsetView & { key?: string })[] = [];
  // What this step's fields read of each other (a commune its postal code) is what the form shows.
  const current: AllAnswers = { ...all, [step.number]: answers ?? {} };
  for (const field of step.fields) {
    const view = fieldView(field, answers, current, errors, pending);
    let set = sets[sets.length - 1];
    if (!set || set.key !== field.group) {
      const group = groupOf(step, field);
      set = { legend: group?.legend, copyButton: group?.copyFrom?.button, key: field.group, rows: [] };
      sets.push(set);
    }
    const lastRow = set.rows[set.rows.length - 1];
    if (view.row && lastRow?.[0]?.row === view.row) lastRow.push(view);
    else set.rows.push([view]);
  }
  return sets.map(({ legend, copyButton, rows }) => ({ legend, copyButton, rows }));
}
