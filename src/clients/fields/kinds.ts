// What each kind of field means: how it is typed, checked, shown and stored. The checks themselves
// live in src/domain; this file only adapts them to a field and its context.
import Joi from 'joi';
import {
  Check,
  checkAmountCents,
  checkBic,
  checkIban,
  checkPhone,
  checkPositiveAmountCents,
  checkPostalCode,
  checkSiren,
  checkSiret,
  checkWebAddress,
  communesForPostalCode,
  countries,
  fail,
  formatCents,
  formatIban,
  formatPhoneNational,
  formatSiren,
  formatSiret,
  isCountryCode,
  isFrenchPostalArea,
  matchCommune,
  ok,
  phoneRegionFor,
  type Commune,
  type Option,
} from '../../domain';
import { parseJson } from '../../db/rows';
import type { ColumnValue, StepTableRow } from '../../db/tables';
import { AllAnswers, Answers, answerOf, columnOf, Field, FieldRef, KindName, optionsOf } from './types';

export type KindContext = { answers: Answers; all: AllAnswers };

/** The columns of a step's table a field's checked value is stored in. */
export type StepColumns = Record<string, ColumnValue>;

/** The other answers a kind reads, under the names it gives them; a field's dependsOn says whose. */
export type Needs<D extends string> = Readonly<Record<D, string>>;

type Input =
  'text' | 'email' | 'tel' | 'url' | 'textarea' | 'select' | 'radio' | 'checkboxes' | 'commune' | 'fixed';

type Shape = {
  input: Input;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  maxLength: number;
  /**
   * The longest string the check lets through to be stored: its column's size, enforced after the
   * check (a web address grows by its « https:// »). A number; 'typed' for the typed maximum;
   * 'options' for the longest option value; 'none' when what is stored is not a bounded string.
   */
  stored: number | 'typed' | 'options' | 'none';
};

/**
 * A kind as declared, typed by the value T its check gives: its display, its answer and its
 * columns take that T (or null when the field is empty), its needs D the other answers it reads.
 * A value that is already what a form posts (a string, a list) is its own answer; a value that
 * fits a column is stored as is: other kinds must say how.
 */
export type KindSpec<T, D extends string = never> = Shape & {
  /** The other answers the check reads: each field of this kind declares whose in its dependsOn. */
  needs?: readonly D[];
  /** The value typed, or for a list each of its items (a ticked box). */
  check(value: string, field: Field, needs: Needs<D>): Check<ItemOf<T>>;
  /** How a checked value reads on the summary and in the export. */
  display(value: T | null, field: Field): string;
} & ([T] extends [string | string[]]
    ? { toAnswer?(value: T, field: Field): string }
    : { toAnswer(value: T, field: Field): string }) &
  ([T] extends [ColumnValue]
    ? {
        toColumns?(value: T | null, field: Field): StepColumns;
        fromColumns?(row: StepTableRow, field: Field): T | null;
      }
    : {
        toColumns(value: T | null, field: Field): StepColumns;
        fromColumns(row: StepTableRow, field: Field): T | null;
      });

/** What a kind checks one at a time: the items of a list, or the value itself. */
type ItemOf<T> = [T] extends [readonly (infer I)[]] ? I : T;

/** A kind as the generic code (validation, summary, columns, export) calls it, whatever its T. */
export type Kind = Shape & {
  needs: readonly string[];
  check(value: string, field: Field, ctx: KindContext): Check<unknown>;
  display(value: unknown, field: Field): string;
  /** What the form shows again once the value has been checked. */
  toAnswer(value: unknown, field: Field): string | string[];
  /** The columns a checked value (or null) is stored in. */
  toColumns(value: unknown, field: Field): StepColumns;
  /** The same columns, written into a step's row: an import writes 45 fields a row. */
  writeColumns(value: unknown, field: Field, into: StepColumns): void;
  /** The checked value back from a stored row (the inverse of toColumns). */
  fromColumns(row: StepTableRow, field: Field): unknown;
};

/** The answers a field's kind needs, read where its dependsOn points. */
export function needsOf(field: Field, all: AllAnswers): Needs<string> {
  const needs: Record<string, string> = {};
  for (const [name, ref] of dependenciesOf(field)) needs[name] = answerOf(all[ref.step], ref.field);
  return needs;
}

// Read at every check of every row an import checks: listed once per declaration.
const dependencies = new WeakMap<Field, [string, FieldRef][]>();
function dependenciesOf(field: Field) {
  let list = dependencies.get(field);
  if (!list) dependencies.set(field, (list = Object.entries(field.dependsOn ?? {})));
  return list;
}

/**
 * Declares a kind whose check gives a T. The generic code hands each field's value back to the
 * kind that produced it (its check, or its fromColumns from the columns its toColumns wrote): that
 * is the one place a value meets its kind's type again.
 */
export function defineKind<T, D extends string = never>(spec: KindSpec<T, D>): Kind {
  const typed = (value: unknown) => value as T | null;
  // The optional members, seen once without the conditional type that makes them required for some T.
  const own = spec as Shape & {
    toAnswer?(value: T, field: Field): string;
    toColumns?(value: T | null, field: Field): StepColumns;
    fromColumns?(row: StepTableRow, field: Field): T | null;
  };
  return {
    input: spec.input,
    inputmode: spec.inputmode,
    maxLength: spec.maxLength,
    stored: spec.stored,
    needs: spec.needs ?? [],
    check: (value, field, ctx) => spec.check(value, field, needsOf(field, ctx.all)),
    display: (value, field) => spec.display(typed(value ?? null), field),
    // Without toAnswer, T is a string or a list: what a form posts.
    toAnswer: (value, field) =>
      own.toAnswer ? own.toAnswer(value as T, field) : (value as string | string[]),
    // Without toColumns, T fits a column.
    toColumns: (value, field) =>
      own.toColumns ? own.toColumns(typed(value), field) : { [columnOf(field)]: value as ColumnValue },
    // Most kinds store one column: written in place, without an object of its own per field.
    writeColumns: (value, field, into) => {
      if (own.toColumns) Object.assign(into, own.toColumns(typed(value), field));
      else into[columnOf(field)] = value as ColumnValue;
    },
    fromColumns: (row, field) =>
      own.fromColumns ? own.fromColumns(row, field) : (row[columnOf(field)] ?? null),
  };
}

const emailSchema = Joi.string().email({ tlds: { allow: false } });

const labelOf = (field: Field, value: string | null) =>
  optionsOf(field).find((o) => o.value === value)?.label ?? value ?? '';

const choice = (value: string, field: Field): Check<string> =>
  optionsOf(field).some((o) => o.value === value) ? ok(value) : fail('Choisissez une valeur dans la liste');

const asText = (value: string | null) => value ?? '';

/** The country a postal code, a commune or a phone is read in: France when none is chosen. */
const countryIn = (needs: Needs<'country'>) => needs.country || 'FR';

/** The commune a check finds: France's with its INSEE code, another country's as typed. */
type CheckedCommune = Commune | { name: string; insee: null };

function checkCommune(typed: string, needs: Needs<'country' | 'postalCode'>): Check<CheckedCommune> {
  const country = countryIn(needs);
  if (!isFrenchPostalArea(country)) return ok({ name: typed, insee: null });
  const postal = checkPostalCode(needs.postalCode, country);
  if (!postal.ok) return fail('Saisissez d’abord un code postal valide : la commune en dépend');
  const match = matchCommune(postal.value, typed);
  if (match.status === 'matched') return ok(match.commune);
  if (match.status === 'choose')
    return fail(`Choisissez la commune du code postal ${postal.value} dans la liste`);
  return fail(
    `« ${typed} » n’est pas une commune du code postal ${postal.value} : choisissez-la dans la liste`,
  );
}

/** The communes to offer as a select: all those of the postal code, when it has several. */
export function communeChoices(field: Field, all: AllAnswers): Commune[] {
  const needs = needsOf(field, all);
  const country = needs.country || 'FR';
  if (!isFrenchPostalArea(country)) return [];
  const postal = checkPostalCode(needs.postalCode ?? '', country);
  if (!postal.ok) return [];
  const communes = communesForPostalCode(postal.value);
  return communes.length > 1 ? communes : [];
}

// Built once: mapping the 250 countries at every check was 6–14 µs, three times a customer.
let countryList: readonly Option[] | undefined;
const countryOptions = (): readonly Option[] =>
  (countryList ??= Object.freeze(countries().map((c) => Object.freeze({ value: c.code, label: c.name }))));

/** A phone number read with its address's country as default, stored E.164, shown nationally. */
function phoneKind(opts: { mobile: boolean }): Kind {
  const display = (v: string | null) => (v ? formatPhoneNational(v) : '');
  return defineKind<string, 'country' | 'postalCode'>({
    input: 'tel',
    inputmode: 'tel',
    maxLength: 30,
    stored: 20,
    needs: ['country', 'postalCode'],
    check: (v, _f, needs) =>
      checkPhone(v, phoneRegionFor(countryIn(needs), needs.postalCode.replace(/\s/g, '')), opts),
    display,
    toAnswer: display,
  });
}

/** A value shown formatted (a SIREN in groups of three) and kept formatted in the answers. */
const formatted = (format: (v: string) => string) => ({
  display: (v: string | null) => (v ? format(v) : ''),
  toAnswer: (v: string) => (v ? format(v) : ''),
});

const textShape = { input: 'text', maxLength: 120, stored: 'typed' } as const;
const text = defineKind<string>({ ...textShape, check: (v) => ok(v), display: asText });

export const kinds: Record<KindName, Kind> = {
  text,
  // Stored in a text column: bounded by what may be typed.
  textarea: defineKind<string>({
    ...textShape,
    input: 'textarea',
    maxLength: 2000,
    check: (v) => ok(v),
    display: asText,
  }),
  streetNumber: defineKind<string>({
    ...textShape,
    maxLength: 10,
    check: (v) =>
      /^(\d{1,5} ?(bis|ter|quater|[a-z])?|s\/n)$/i.test(v)
        ? ok(v.toUpperCase() === 'S/N' ? 'S/N' : v)
        : fail('Saisissez un numéro de voie, par exemple 12, 12 bis, 12B, ou S/N s’il n’y en a pas'),
    display: asText,
  }),
  email: defineKind<string>({
    input: 'email',
    inputmode: 'email',
    maxLength: 254,
    stored: 'typed',
    check: (v) =>
      emailSchema.validate(v).error
        ? fail('Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr')
        : ok(v.toLowerCase()),
    display: asText,
  }),
  phone: phoneKind({ mobile: false }),
  mobile: phoneKind({ mobile: true }),
  amount: defineKind<number>({
    input: 'text',
    inputmode: 'decimal',
    maxLength: 20,
    stored: 'none',
    check: (v, field) => (field.onlyWhen ? checkPositiveAmountCents(v) : checkAmountCents(v)),
    display: (v) => (v === null ? '' : formatCents(v)),
    toAnswer: (v) => formatCents(v),
    // PostgreSQL gives a bigint back as a string.
    fromColumns: (row, f) => (row[columnOf(f)] === null ? null : Number(row[columnOf(f)])),
  }),
  select: defineKind<string>({
    input: 'select',
    maxLength: 40,
    stored: 'options',
    check: choice,
    display: (v, f) => labelOf(f, v),
  }),
  country: defineKind<string>({
    input: 'select',
    maxLength: 2,
    stored: 2,
    check: (v) => (isCountryCode(v) ? ok(v) : fail('Choisissez un pays dans la liste')),
    display: (v) => countryOptions().find((o) => o.value === v)?.label ?? asText(v),
  }),
  radio: defineKind<string>({
    input: 'radio',
    maxLength: 40,
    stored: 'options',
    check: choice,
    display: (v, f) => labelOf(f, v),
  }),
  yesno: defineKind<boolean>({
    input: 'radio',
    maxLength: 3,
    stored: 'none',
    check: (v, f) => {
      const checked = choice(v, f);
      return checked.ok ? ok(checked.value === 'oui') : checked;
    },
    display: (v) => (v === true ? 'Oui' : v === false ? 'Non' : ''),
    toAnswer: (v) => (v ? 'oui' : 'non'),
    // SQLite gives booleans back as 0/1.
    fromColumns: (row, f) => (row[columnOf(f)] === null ? null : Boolean(row[columnOf(f)])),
  }),
  checkboxes: defineKind<string[]>({
    input: 'checkboxes',
    maxLength: 40,
    stored: 'none',
    // Each ticked box on its own.
    check: choice,
    display: (v, f) => (v ? v.map((x) => labelOf(f, x)).join(', ') : ''),
    toColumns: (v, f) => ({ [columnOf(f)]: v ? JSON.stringify(v) : null }),
    fromColumns: (row, f) => {
      const stored = row[columnOf(f)];
      return typeof stored === 'string' && stored ? parseJson<string[]>(stored) : null;
    },
  }),
  siren: defineKind<string>({
    input: 'text',
    inputmode: 'numeric',
    maxLength: 20,
    stored: 9,
    check: (v) => checkSiren(v),
    ...formatted(formatSiren),
  }),
  siret: defineKind<string, 'siren'>({
    input: 'text',
    inputmode: 'numeric',
    maxLength: 25,
    stored: 14,
    needs: ['siren'],
    // Checked against the SIREN when that one is valid.
    check: (v, _f, needs) => {
      const siren = checkSiren(needs.siren);
      return checkSiret(v, siren.ok ? siren.value : undefined);
    },
    ...formatted(formatSiret),
  }),
  web: defineKind<string>({
    input: 'url',
    inputmode: 'url',
    maxLength: 300,
    stored: 300,
    // Checked once normalised too: « https:// » and percent-encoding lengthen what was typed.
    check: (v) => checkWebAddress(v, 300),
    display: asText,
  }),
  postalCode: defineKind<string, 'country'>({
    input: 'text',
    maxLength: 20,
    stored: 'typed',
    needs: ['country'],
    check: (v, _f, needs) => checkPostalCode(v, countryIn(needs)),
    display: asText,
  }),
  commune: defineKind<CheckedCommune, 'country' | 'postalCode'>({
    input: 'commune',
    maxLength: 120,
    // The commune's name (its INSEE code beside it has 5 characters).
    stored: 'typed',
    needs: ['country', 'postalCode'],
    check: (v, _f, needs) => checkCommune(v, needs),
    display: (v) => v?.name ?? '',
    toAnswer: (v) => v.name,
    toColumns: (v, f) => ({ [columnOf(f)]: v?.name ?? null, [`${columnOf(f)}_insee`]: v?.insee ?? null }),
    fromColumns: (row, f) => {
      const name = row[columnOf(f)];
      const insee = row[`${columnOf(f)}_insee`];
      if (typeof name !== 'string') return null;
      return typeof insee === 'string' ? { name, insee } : { name, insee: null };
    },
  }),
  iban: defineKind<string>({
    input: 'text',
    maxLength: 42,
    stored: 34,
    check: (v) => checkIban(v),
    ...formatted(formatIban),
  }),
  // 30 typed, for the spaces and dashes people group it with; 11 stored once they are removed.
  bic: defineKind<string>({
    input: 'text',
    maxLength: 30,
    stored: 11,
    check: (v) => checkBic(v),
    display: asText,
  }),
  fixed: defineKind<string>({
    input: 'fixed',
    maxLength: 0,
    stored: 'none',
    check: (v) => ok(v),
    display: (_v, f) => f.fixedValue ?? '',
  }),
};

export function kindOf(field: Field): Kind {
  return kinds[field.kind];
}

export function maxLengthOf(field: Field): number {
  return field.maxLength ?? kindOf(field).maxLength;
}

/** The longest string a field stores in its column, or undefined when it stores no bounded string. */
export function storedMaxOf(field: Field): number | undefined {
  const { stored } = kindOf(field);
  if (stored === 'none') return undefined;
  if (stored === 'typed') return maxLengthOf(field);
  if (stored === 'options') return Math.max(...optionsOf(field).map((o) => o.value.length));
  return stored;
}

/**
 * A value checked by its kind, then bounded by what its column holds: a value that grows once
 * tidied (« www.exemple.fr » stored as https://www.exemple.fr) can pass the typed limit and not fit.
 */
export function checkValue(value: string, field: Field, ctx: KindContext): Check<unknown> {
  const checked = kindOf(field).check(value, field, ctx);
  const max = storedMaxOf(field);
  if (checked.ok && typeof checked.value === 'string' && max !== undefined && checked.value.length > max) {
    return fail(
      `« ${field.label} » : ${max} caractères au maximum tel qu’enregistré (ici ${checked.value.length})`,
    );
  }
  return checked;
}

export { countryOptions };
