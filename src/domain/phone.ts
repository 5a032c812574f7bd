import {
  type CountryCode,
  type PhoneNumber,
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import { type Check, fail, ok } from './result';
import {
  type OverseasPhonePlan,
  countryForPostalCode,
  overseasPhonePlanOf,
  overseasPhonePlans,
  overseasTerritory,
} from './overseas';
import { normaliseTyped } from './typed';

// Areas inside the French numbering plan (overseas.ts): dialled from France as 0X XX XX XX XX, so shown that way.
const FRENCH_PLAN_REGIONS = new Set<CountryCode>(['FR', ...overseasPhonePlans.flatMap((p) => p.regions)]);
const FRENCH_PLAN_CALLING_CODES = new Set([...FRENCH_PLAN_REGIONS].map((r) => getCountryCallingCode(r)));

const LANDLINE_EXAMPLE_FR = '01 45 45 32 45';

export function phoneRegionFor(countryCode: string, postalCode?: string): CountryCode {
  const code = countryCode.trim().toUpperCase();
  if (code === 'FR' && postalCode !== undefined) {
    const territory = countryForPostalCode(normaliseTyped(postalCode).replace(/\s/g, ''));
    if (territory && isSupportedCountry(territory)) return territory;
  }
  return isSupportedCountry(code) ? code : 'FR';
}

const usable = (number: PhoneNumber | undefined): PhoneNumber | undefined =>
  number?.isValid() && !number.ext ? number : undefined;

const parseIn = (input: string, region: CountryCode) => usable(parsePhoneNumberFromString(input, region));

const INTERNATIONAL = /^(\+|00)/;

/**
 * The national form (« 0596… ») of a number written the French way: « 0596 63 12 34 », and also
 * « +33 596… » or « 0033 (0)596… », which put an overseas number behind the metropolitan code by mistake.
 */
function frenchNationalForm(input: string): string | undefined {
  const compact = input.replace(/[\s.\-()/]/g, '');
  const international = /^(?:\+|00)330?([1-9]\d*)$/.exec(compact);
  if (international) return `0${international[1]}`;
  return /^0[1-9]\d*$/.test(compact) ? compact : undefined;
}

type Reading = { number?: PhoneNumber; plan?: OverseasPhonePlan; national?: string };

/**
 * `parsed` is `input` as parsed in `region`, which checkPhone has already done for its extension
 * check: a parse with the max metadata is about 15 µs, and parsing twice was 40 % of a check.
 */
function read(input: string, region: CountryCode, parsed: PhoneNumber | undefined): Reading {
  const national = frenchNationalForm(input);
  const plan = national === undefined ? undefined : overseasPhonePlanOf(national);
  if (national !== undefined && plan) {
    // A foreign country's own numbers may begin the same way (05966 is a German area code).
    const local =
      FRENCH_PLAN_REGIONS.has(region) || INTERNATIONAL.test(input.trim()) ? undefined : usable(parsed);
    if (local) return { number: local };
    // An overseas prefix is read in its territory only: libphonenumber's metropolitan data also accepts
    // most of 0590/0594/0596/0263/0269, and a wrong number there must not turn into a +33 one.
    const regions = [region, ...plan.regions].filter((r) => plan.regions.includes(r));
    for (const r of regions) {
      const number = parseIn(national, r);
      if (number) return { number };
    }
    return { plan, national };
  }
  const direct = usable(parsed);
  if (direct) return { number: direct };
  // A site abroad or overseas may give its office number in metropolitan France: only such a number
  // falls back to +33.
  return { number: national !== undefined && region !== 'FR' ? parseIn(national, 'FR') : undefined };
}

const display = (number: PhoneNumber): string =>
  FRENCH_PLAN_CALLING_CODES.has(number.countryCallingCode)
    ? number.formatNational()
    : number.formatInternational();

/** An example of the kind asked for, from the territory of the address. */
function example(region: CountryCode, mobile: boolean): string {
  if (!mobile && region === 'FR') return LANDLINE_EXAMPLE_FR;
  const fixed = mobile ? undefined : overseasTerritory(region)?.fixedPhoneExample;
  const number = fixed ? parsePhoneNumberFromString(fixed, region) : getExampleNumber(region, mobileExamples);
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
  const text = normaliseTyped(input);
  const mobile = opts?.mobile ?? false;
  const kind = mobile ? 'numéro de mobile' : 'numéro de téléphone';
  // Only a message needs the example: a mobile's is parsed from libphonenumber's examples (8 µs).
  const eg = () => example(defaultRegion, mobile);
  if (text.trim() === '') return fail(`Saisissez un ${kind}, par exemple ${eg()}`);
  const parsed = parsePhoneNumberFromString(text, defaultRegion);
  if (parsed?.ext) {
    return fail(`Saisissez le ${kind} sans numéro de poste, par exemple ${eg()}`);
  }
  const { number, plan, national } = read(text, defaultRegion, parsed);
  if (plan && national !== undefined) {
    const region = plan.regions.includes(defaultRegion) ? defaultRegion : plan.regions[0]!;
    const problem = lengthProblem(national, region) ?? `Ce numéro n'existe pas ${plan.inName}`;
    return fail(`${problem} : saisissez un ${kind} valide, par exemple ${example(region, mobile)}`);
  }
  if (!number) {
    const problem = lengthProblem(text, defaultRegion) ?? "Ce numéro n'existe pas";
    return fail(`${problem} : saisissez un ${kind} valide, par exemple ${eg()}`);
  }
  if (mobile) {
    const type = number.getType();
    if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
      return fail(`Saisissez un numéro de mobile, par exemple ${eg()}`);
    }
  }
  remember(number);
  return ok(number.number);
}

/**
 * The numbers checkPhone accepted last, by E.164: the form shows a number again right after checking
 * it, and parsing it a second time was 60 % of that display. Only numbers whose calling code is one
 * country's: their E.164 form, parsed again, reads in that same country and formats the same; one of
 * a shared code (+590, +262, +1) could be read in another of its countries, so it is parsed again.
 */
const recent = new Map<string, PhoneNumber>();
const RECENT = 16;
let callingCodeCountries: Map<string, number> | undefined;
function remember(number: PhoneNumber): void {
  callingCodeCountries ??= getCountries().reduce(
    (m, c) => m.set(getCountryCallingCode(c), (m.get(getCountryCallingCode(c)) ?? 0) + 1),
    new Map<string, number>(),
  );
  if ((callingCodeCountries.get(number.countryCallingCode) ?? 0) > 1) return;
  recent.delete(number.number);
  recent.set(number.number, number);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
}

export function formatPhoneNational(e164: string): string {
  const number = recent.get(e164) ?? parsePhoneNumberFromString(e164);
  return number ? display(number) : e164;
}
