import {
  type CountryCode,
  type PhoneNumber,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import { type Check, fail, ok } from './result';
import { countryForPostalCode } from './overseas';

// Areas inside the French numbering plan: dialled from France as 0X XX XX XX XX, so shown that way.
const FRENCH_PLAN_CALLING_CODES = new Set(['33', '590', '594', '596', '262']);

// Tried in turn when a 0-prefixed number is not valid where the address is: a site in Paris may well give
// its office number in Réunion. 590 also covers Saint-Barthélemy and Saint-Martin, 262 Mayotte.
const FRENCH_PLAN_REGIONS: readonly CountryCode[] = ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT'];

const LANDLINE_EXAMPLE_FR = '01 45 45 32 45';

export function phoneRegionFor(countryCode: string, postalCode?: string): CountryCode {
  const code = countryCode.trim().toUpperCase();
  if (code === 'FR' && postalCode !== undefined) {
    const territory = countryForPostalCode(postalCode.replace(/\s/g, ''));
    if (territory && isSupportedCountry(territory)) return territory;
  }
  return isSupportedCountry(code) ? code : 'FR';
}

function parseIn(input: string, region: CountryCode): PhoneNumber | undefined {
  const number = parsePhoneNumberFromString(input, region);
  return number?.isValid() && !number.ext ? number : undefined;
}

function parse(input: string, region: CountryCode): PhoneNumber | undefined {
  const direct = parseIn(input, region);
  if (direct || !/^\s*0[1-9]/.test(input)) return direct;
  const found = new Map<string, PhoneNumber>();
  for (const other of FRENCH_PLAN_REGIONS) {
    const number = other === region ? undefined : parseIn(input, other);
    if (number) found.set(number.number, number);
  }
  // Two readings would be a guess; none happens in practice since overseas prefixes do not overlap.
  return found.size === 1 ? [...found.values()][0] : undefined;
}

const display = (number: PhoneNumber): string =>
  FRENCH_PLAN_CALLING_CODES.has(number.countryCallingCode)
    ? number.formatNational()
    : number.formatInternational();

function example(region: CountryCode, mobile: boolean): string {
  if (region === 'FR' && !mobile) return LANDLINE_EXAMPLE_FR;
  const number = getExampleNumber(region, mobileExamples);
  return number ? display(number) : LANDLINE_EXAMPLE_FR;
}

function lengthProblem(input: string, region: CountryCode): string | undefined {
  const problem = validatePhoneNumberLength(input, region);
  if (problem === 'TOO_SHORT') return 'Ce numéro est trop court';
  if (problem === 'TOO_LONG') return 'Ce numéro est trop long';
  return undefined;
}

export function checkPhone(
  input: string,
  defaultRegion: CountryCode,
  opts?: { mobile?: boolean },
): Check<string> {
  const mobile = opts?.mobile ?? false;
  const kind = mobile ? 'numéro de mobile' : 'numéro de téléphone';
  const eg = example(defaultRegion, mobile);
  if (input.trim() === '') return fail(`Saisissez un ${kind}, par exemple ${eg}`);
  if (parsePhoneNumberFromString(input, defaultRegion)?.ext) {
    return fail(`Saisissez le ${kind} sans numéro de poste, par exemple ${eg}`);
  }
  const number = parse(input, defaultRegion);
  if (!number) {
    const problem = lengthProblem(input, defaultRegion) ?? "Ce numéro n'existe pas";
    return fail(`${problem} : saisissez un ${kind} valide, par exemple ${eg}`);
  }
  const type = number.getType();
  if (mobile && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return fail(`Saisissez un numéro de mobile, par exemple ${eg}`);
  }
  return ok(number.number);
}

export function formatPhoneNational(e164: string): string {
  const number = parsePhoneNumberFromString(e164);
  return number ? display(number) : e164;
}
