import { type Check, fail, ok } from './result';
import { normaliseTyped } from './typed';

// People copy SIRENs from Kbis extracts and websites, which group digits with spaces, dots or no-break spaces.
const SEPARATORS = /[\s.]/g;

const SIREN_EXAMPLE = '732 829 320';
const SIRET_EXAMPLE = '732 829 320 00074';

// INSEE ran out of Luhn-valid NICs for La Poste's thousands of establishments, so their SIRETs only have
// a digit sum that is a multiple of 5; the head office, numbered before that rule, keeps the Luhn key.
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

const clean = (input: string): string => normaliseTyped(input).replace(SEPARATORS, '');

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const digitSum = (digits: string): number => [...digits].reduce((sum, d) => sum + Number(d), 0);

export function checkSiren(input: string): Check<string> {
  const digits = clean(input);
  if (digits === '') return fail(`Saisissez un SIREN de 9 chiffres, par exemple ${SIREN_EXAMPLE}`);
  if (!/^\d+$/.test(digits)) {
    return fail(`Saisissez un SIREN de 9 chiffres, sans lettres, par exemple ${SIREN_EXAMPLE}`);
  }
  if (digits.length === 14 && luhn(digits.slice(0, 9))) {
    return fail(
      `Vous avez saisi un SIRET : saisissez le SIREN, ses 9 premiers chiffres (${formatSiren(digits.slice(0, 9))})`,
    );
  }
  if (digits.length !== 9) {
    return fail(
      `Saisissez un SIREN de 9 chiffres (vous en avez saisi ${digits.length}), par exemple ${SIREN_EXAMPLE}`,
    );
  }
  if (!luhn(digits)) {
    return fail(`Ce SIREN n'existe pas : vérifiez les chiffres, par exemple ${SIREN_EXAMPLE}`);
  }
  return ok(digits);
}

function siretChecksumOk(digits: string): boolean {
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== LA_POSTE_HEAD_OFFICE) {
    return digitSum(digits) % 5 === 0;
  }
  return luhn(digits);
}

/** « 7,32829E+13 », « 7.3283E+13 »: a number in a spreadsheet's scientific notation. */
const SCIENTIFIC = /^\d[,.]\d+E\+\d+$/i;

export function checkSiret(input: string, siren?: string): Check<string> {
  const digits = clean(input);
  if (digits === '') return fail(`Saisissez un SIRET de 14 chiffres, par exemple ${SIRET_EXAMPLE}`);
  // What a spreadsheet shows of a 14-digit number it took for a number: its last digits are gone.
  if (SCIENTIFIC.test(input.trim())) {
    return fail(
      `Ce SIRET a été abrégé par le tableur (${input.trim()}) : mettez sa colonne au format Texte et saisissez ses 14 chiffres, par exemple ${SIRET_EXAMPLE}`,
    );
  }
  if (!/^\d+$/.test(digits)) {
    return fail(`Saisissez un SIRET de 14 chiffres, sans lettres, par exemple ${SIRET_EXAMPLE}`);
  }
  if (digits.length !== 14) {
    return fail(
      `Saisissez un SIRET de 14 chiffres (vous en avez saisi ${digits.length}), par exemple ${SIRET_EXAMPLE}`,
    );
  }
  // A SIRET typed against a wrong or half-typed SIREN is the SIREN field's problem, not this one's.
  const owner = siren === undefined ? undefined : checkSiren(siren);
  if (owner?.ok && !digits.startsWith(owner.value)) {
    const formatted = formatSiren(owner.value);
    return fail(
      `Ce SIRET n'appartient pas au SIREN ${formatted} : saisissez un SIRET qui commence par ${formatted}`,
    );
  }
  // A SIRET is its SIREN followed by a NIC: the SIREN's own key must hold too, whether or not step 1 gave
  // one (« en cours de création »). La Poste's SIREN passes it like any other.
  if (!luhn(digits.slice(0, 9))) {
    return fail(
      `Ce SIRET n'existe pas : ses 9 premiers chiffres ne forment pas un SIREN valide, vérifiez-les, par exemple ${SIRET_EXAMPLE}`,
    );
  }
  if (!siretChecksumOk(digits)) {
    return fail(`Ce SIRET n'existe pas : vérifiez les chiffres, par exemple ${SIRET_EXAMPLE}`);
  }
  return ok(digits);
}

export function tvaFromSiren(siren: string): string {
  const digits = clean(siren);
  const key = (12 + 3 * (Number(digits) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${digits}`;
}

// Display helpers leave anything that is not a clean number untouched, so drafts show exactly what was typed.
export function formatSiren(siren: string): string {
  const digits = clean(siren);
  return /^\d{9}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : siren;
}

export function formatSiret(siret: string): string {
  const digits = clean(siret);
  return /^\d{14}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4') : siret;
}
