// Postal codes and communes from @etalab/decoupage-administratif 6.0.0 (INSEE 2026 geography, La Poste codes).
//
// Index cost, measured with Node 20.20 (node --expose-gc --import tsx, 3 runs): built in 120–135 ms on first
// use, 4.4 MB of heap after GC for 6,310 postal codes and 34,964 communes (the parsed source alone would hold
// 10.9 MB had it stayed in the require cache); a lookup takes about 0.15 µs.
//
// What the data holds, and what follows from it:
// - Paris, Lyon and Marseille: the commune lists every arrondissement's postal code (75116 included), so a
//   postal code resolves to the commune (Paris, INSEE 75056), not to « Paris 16e Arrondissement » (75116).
//   That is what French addresses say (« 75116 Paris »), and the commune is what the spec asks for;
//   « Paris 16e » typed by the user still matches Paris.
// - CEDEX codes (75700, …) are not in the data: the user must give the commune's ordinary postal code.
// - Saint-Pierre-et-Miquelon (97500), Saint-Barthélemy (97133), Saint-Martin (97150), Wallis-et-Futuna,
//   Polynésie française and Nouvelle-Calédonie are all present. The TAAF (984) have no postal code in the
//   data, so TF is treated as a foreign country (free postal code). Monaco (980xx) is a country of its own:
//   free under Pays Monaco, and under a French Pays the message says so (the form offers to switch Pays).
//   Clipperton (98799) is present and belongs to FR.
import { type Check, fail, ok } from './result';
import { countryName } from './countries';
import {
  countryForPostalCode,
  foreignCountryOfPostalCode,
  isOverseasTerritory,
  overseasTerritories,
} from './overseas';
import { postalCodeExists } from './postal-index';
import { normaliseTyped } from './typed';

export {
  type Commune,
  builtPostalIndex,
  communesForPostalCode,
  loadPostalIndex,
  usePostalIndex,
} from './postal-index';
export { type CommuneMatch, matchCommune, normaliseName } from './commune-match';
export { countryForPostalCode, foreignCountryOfPostalCode } from './overseas';

const MAX_FOREIGN_LENGTH = 20;

export const isFrenchPostalArea = (countryCode: string): boolean =>
  countryCode === 'FR' || isOverseasTerritory(countryCode);

const exampleFor = (countryCode: string): string =>
  overseasTerritories.find((t) => t.code === countryCode)?.example ?? '37550';

/** A French postal code as typed, spaces (tabs, full-width ones) removed: what the postal index is keyed by. */
export const normalisePostalCode = (input: string): string => normaliseTyped(input).replace(/\s/g, '');

/**
 * The French postal code a 4-digit one stands for when its leading 0 was lost (a spreadsheet reads
 * 01400 as the number 1400): the code with the 0 put back, if that one exists; otherwise undefined.
 */
export function withLostZero(input: string, countryCode: string): string | undefined {
  const cp = normalisePostalCode(input);
  if (!isFrenchPostalArea(countryCode) || !/^\d{4}$/.test(cp)) return undefined;
  return postalCodeExists(`0${cp}`) ? `0${cp}` : undefined;
}

export function checkPostalCode(input: string, countryCode: string): Check<string> {
  if (!isFrenchPostalArea(countryCode)) return checkForeignPostalCode(input);
  const cp = normalisePostalCode(input);
  const example = exampleFor(countryCode);
  if (!/^\d{5}$/.test(cp)) {
    const zero = withLostZero(cp, countryCode);
    return fail(
      zero
        ? `Saisissez un code postal de 5 chiffres, par exemple ${zero} si le 0 du début manque`
        : `Saisissez un code postal de 5 chiffres, par exemple ${example}`,
    );
  }
  if (foreignCountryOfPostalCode(cp) === 'MC') {
    return fail(
      `${cp} est un code postal de Monaco, qui est un pays à part entière : choisissez le pays Monaco, ou saisissez un code postal français, par exemple ${example}`,
    );
  }
  if (!postalCodeExists(cp)) {
    return fail(
      `Ce code postal n'existe pas : vérifiez-le, par exemple ${example} (pour une adresse CEDEX, saisissez le code postal de la commune)`,
    );
  }
  // Pays France covers the whole Republic (the spec reads 971xx under France as Guadeloupe), but a
  // territory chosen as Pays must get its own codes.
  if (countryCode !== 'FR' && countryForPostalCode(cp) !== countryCode) {
    const name = countryName(countryCode) ?? countryCode;
    return fail(
      `Ce code postal n'est pas dans le pays choisi (${name}) : saisissez un code postal de ce pays, par exemple ${example}, ou changez de pays`,
    );
  }
  return ok(cp);
}

function checkForeignPostalCode(input: string): Check<string> {
  const cp = normaliseTyped(input).trim().replace(/\s+/g, ' ');
  if (cp === '') return fail('Saisissez le code postal, par exemple 1050 pour Bruxelles');
  if (cp.length > MAX_FOREIGN_LENGTH) {
    return fail(`Saisissez un code postal de ${MAX_FOREIGN_LENGTH} caractères au plus, par exemple 1050`);
  }
  return ok(cp);
}
