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
import { AllAnswers, Answers, answerOf, columnOf, Field, KindName, optionsOf } from './types';

export type KindContext = { answers: Answers; all: AllAnswers };

export type Kind = {
  input:
    'text' | 'email' | 'tel' | 'url' | 'textarea' | 'select' | 'radio' | 'checkboxes' | 'commune' | 'fixed';
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  maxLength: number;
  /**
   * The longest string the check lets through to be stored: its column's size, enforced after the
   * check (a web address grows by its « https:// »). A number; 'typed' for the typed maximum;
   * 'options' for the longest option value; 'none' when what is stored is not a bounded string.
   */
  stored: number | 'typed' | 'options' | 'none';
  check(value: string, field: Field, ctx: KindContext): Check<unknown>;
  /** How a checked value reads on the summary and in the export. */
  display(value: unknown, field: Field): string;
  /** What the form shows again once the value has been checked; by default its display. */
  toAnswer?(value: unknown, field: Field): string;
  /** The columns a checked value (or null) is stored in. */
  toColumns?(value: unknown, field: Field): Record<string, unknown>;
  /** The checked value back from a stored row (the inverse of toColumns); by default its column. */
  fromColumns?(row: Record<string, unknown>, field: Field): unknown;
};

const emailSchema = Joi.string().email({ tlds: { allow: false } });

const labelOf = (field: Field, value: unknown) =>
  optionsOf(field).find((o) => o.value === value)?.label ?? String(value ?? '');

const choice = (value: string, field: Field): Check<string> =>
  optionsOf(field).some((o) => o.value === value) ? ok(value) : fail('Choisissez une valeur dans la liste');

const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The address a phone number belongs to: this step's own address, or else the main site's. */
function phoneRegion(ctx: KindContext) {
  const own = 'country' in ctx.answers ? ctx.answers : ctx.all[2];
  return phoneRegionFor(answerOf(own, 'country') || 'FR', answerOf(own, 'postalCode').replace(/\s/g, ''));
}

/** The step-1 SIREN when it is valid, so that a SIRET can be checked against it. */
function knownSiren(ctx: KindContext): string | undefined {
  const siren = checkSiren(answerOf(ctx.all[1], 'siren'));
  return siren.ok ? siren.value : undefined;
}

function checkCommune(typed: string, ctx: KindContext): Check<Commune | { name: string; insee: null }> {
  const country = answerOf(ctx.answers, 'country') || 'FR';
  if (!isFrenchPostalArea(country)) return ok({ name: typed, insee: null });
  const postal = checkPostalCode(answerOf(ctx.answers, 'postalCode'), country);
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
export function communeChoices(answers: Answers): Commune[] {
  const country = answerOf(answers, 'country') || 'FR';
  if (!isFrenchPostalArea(country)) return [];
  const postal = checkPostalCode(answerOf(answers, 'postalCode'), country);
  if (!postal.ok) return [];
  const communes = communesForPostalCode(postal.value);
  return communes.length > 1 ? communes : [];
}

// Built once: mapping the 250 countries at every check was 6–14 µs, three times a customer.
let countryList: readonly Option[] | undefined;
const countryOptions = (): readonly Option[] =>
  (countryList ??= Object.freeze(countries().map((c) => Object.freeze({ value: c.code, label: c.name }))));

/** A phone number read with the address's country as default, stored E.164, shown nationally. */
function phoneKind(opts: { mobile: boolean }): Kind {
  const display = (v: unknown) => (v ? formatPhoneNational(String(v)) : '');
  return {
    input: 'tel',
    inputmode: 'tel',
    maxLength: 30,
    stored: 20,
    check: (v, _f, ctx) => checkPhone(v, phoneRegion(ctx), opts),
    display,
    toAnswer: display,
  };
}

const text: Kind = { input: 'text', maxLength: 120, stored: 'typed', check: (v) => ok(v), display: asText };

export const kinds: Record<KindName, Kind> = {
  text,
  // Stored in a text column: bounded by what may be typed.
  textarea: { ...text, input: 'textarea', maxLength: 2000 },
  streetNumber: {
    ...text,
    maxLength: 10,
    check: (v) =>
      /^(\d{1,5} ?(bis|ter|quater|[a-z])?|s\/n)$/i.test(v)
        ? ok(v.toUpperCase() === 'S/N' ? 'S/N' : v)
        : fail('Saisissez un numéro de voie, par exemple 12, 12 bis, 12B, ou S/N s’il n’y en a pas'),
  },
  email: {
    input: 'email',
    inputmode: 'email',
    maxLength: 254,
    stored: 'typed',
    check: (v) =>
      emailSchema.validate(v).error
        ? fail('Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr')
        : ok(v.toLowerCase()),
    display: asText,
  },
  phone: phoneKind({ mobile: false }),
  mobile: phoneKind({ mobile: true }),
  amount: {
    toAnswer: (v, f) => kinds[f.kind].display(v, f),
    input: 'text',
    inputmode: 'decimal',
    maxLength: 20,
    stored: 'none',
    check: (v, field) => (field.onlyWhen ? checkPositiveAmountCents(v) : checkAmountCents(v)),
    display: (v) => (typeof v === 'number' ? formatCents(v) : ''),
    // PostgreSQL gives a bigint back as a string.
    fromColumns: (row, f) => (row[columnOf(f)] === null ? null : Number(row[columnOf(f)])),
  },
  select: {
    input: 'select',
    maxLength: 40,
    stored: 'options',
    check: choice,
    display: (v, f) => labelOf(f, v),
  },
  country: {
    input: 'select',
    maxLength: 2,
    stored: 2,
    check: (v) => (isCountryCode(v) ? ok(v) : fail('Choisissez un pays dans la liste')),
    display: (v) => countryOptions().find((o) => o.value === v)?.label ?? asText(v),
  },
  radio: {
    input: 'radio',
    maxLength: 40,
    stored: 'options',
    check: choice,
    display: (v, f) => labelOf(f, v),
  },
  yesno: {
    input: 'radio',
    maxLength: 3,
    stored: 'none',
    check: (v, f) => {
      const checked = choice(v, f);
      return checked.ok ? ok(checked.value === 'oui') : checked;
    },
    display: (v) => (v === true ? 'Oui' : v === false ? 'Non' : ''),
    toAnswer: (v) => (v === true ? 'oui' : v === false ? 'non' : ''),
    // SQLite gives booleans back as 0/1.
    fromColumns: (row, f) => (row[columnOf(f)] === null ? null : Boolean(row[columnOf(f)])),
  },
  checkboxes: {
    input: 'checkboxes',
    maxLength: 40,
    stored: 'none',
    check: choice,
    display: (v, f) => (Array.isArray(v) ? v.map((x) => labelOf(f, x)).join(', ') : ''),
    toColumns: (v, f) => ({ [columnOf(f)]: Array.isArray(v) ? JSON.stringify(v) : null }),
    fromColumns: (row, f) => (row[columnOf(f)] ? (JSON.parse(String(row[columnOf(f)])) as string[]) : null),
  },
  siren: {
    toAnswer: (v, f) => kinds[f.kind].display(v, f),
    input: 'text',
    inputmode: 'numeric',
    maxLength: 20,
    stored: 9,
    check: (v) => checkSiren(v),
    display: (v) => (v ? formatSiren(String(v)) : ''),
  },
  siret: {
    toAnswer: (v, f) => kinds[f.kind].display(v, f),
    input: 'text',
    inputmode: 'numeric',
    maxLength: 25,
    stored: 14,
    check: (v, _f, ctx) => checkSiret(v, knownSiren(ctx)),
    display: (v) => (v ? formatSiret(String(v)) : ''),
  },
  web: {
    input: 'url',
    inputmode: 'url',
    maxLength: 300,
    stored: 300,
    // Checked once normalised too: « https:// » and percent-encoding lengthen what was typed.
    check: (v) => checkWebAddress(v, 300),
    display: asText,
  },
  postalCode: {
    input: 'text',
    maxLength: 20,
    stored: 'typed',
    check: (v, _f, ctx) => checkPostalCode(v, answerOf(ctx.answers, 'country') || 'FR'),
    display: asText,
  },
  commune: {
    toAnswer: (v) => (v as Commune).name,
    input: 'commune',
    maxLength: 120,
    // The commune's name (its INSEE code beside it has 5 characters).
    stored: 'typed',
    check: (v, _f, ctx) => checkCommune(v, ctx),
    display: (v) => (v && typeof v === 'object' ? (v as Commune).name : asText(v)),
    toColumns: (v, f) => {
      const commune = v as Commune | { name: string; insee: null } | null;
      return { [columnOf(f)]: commune?.name ?? null, [`${columnOf(f)}_insee`]: commune?.insee ?? null };
    },
  },
  iban: {
    toAnswer: (v, f) => kinds[f.kind].display(v, f),
    input: 'text',
    maxLength: 42,
    stored: 34,
    check: (v) => checkIban(v),
    display: (v) => (v ? formatIban(String(v)) : ''),
  },
  // 30 typed, for the spaces and dashes people group it with; 11 stored once they are removed.
  bic: { input: 'text', maxLength: 30, stored: 11, check: (v) => checkBic(v), display: asText },
  fixed: {
    input: 'fixed',
    maxLength: 0,
    stored: 'none',
    check: (v) => ok(v),
    display: (_v, f) => f.fixedValue ?? '',
  },
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
