// The French overseas territories, and the rules they bring to postal codes and phone numbers, in one place.
//
// Phone prefixes: ARCEP, plan national de numérotation (décision n° 2018-0881 modifiée, annexe 1, version du
// 1er septembre 2022), the « numéros territorialisés »: each overseas territory has its own geographic,
// mobile and polyvalent (VoIP) blocks inside the 10-digit French plan, dialled 0XXX XX XX XX from France but
// reached internationally through the territory's own calling code. The blocks below are cross-checked
// against libphonenumber-js 1.13.16's metadata (Google's libphonenumber, which follows ARCEP); where that
// metadata claims a block for two territories (Guyane claims every 0976 number), only the territory that
// alone claims a sub-block gets it here. Compiled on 2 December 2026; to update, compare with the ARCEP plan.
//
// Postal codes: La Poste's codes as @etalab/decoupage-administratif lists them (see postal.ts).
import type { CountryCode } from 'libphonenumber-js/max';

/** The national prefixes of one territory's numbers: never metropolitan, whatever the address. */
export type OverseasPhonePlan = {
  /** The phone regions that share these numbers (Saint-Barthélemy and Saint-Martin share Guadeloupe's). */
  regions: readonly CountryCode[];
  /** How a message names where the number belongs: « Ce numéro n'existe pas en Martinique ». */
  inName: string;
  fixed: readonly string[];
  mobile: readonly string[];
  voip: readonly string[];
};

export const overseasPhonePlans: readonly OverseasPhonePlan[] = [
  {
    regions: ['GP', 'BL', 'MF'],
    inName: 'en Guadeloupe, à Saint-Barthélemy ou à Saint-Martin',
    fixed: ['0590', '05987'],
    mobile: ['0690', '0691', '07090'],
    voip: ['09395', '09475', '09760', '09761', '09768'],
  },
  {
    regions: ['MQ'],
    inName: 'en Martinique',
    fixed: ['0596', '05989'],
    mobile: ['0696', '0697', '07091'],
    voip: ['09397', '09477', '09766', '09767'],
  },
  {
    regions: ['GF'],
    inName: 'en Guyane',
    fixed: ['0594', '05988'],
    mobile: ['0694', '070930', '070931', '070932', '070933'],
    voip: ['09396', '09476'],
  },
  {
    regions: ['RE'],
    inName: 'à La Réunion',
    fixed: ['0262', '0263', '02688'],
    mobile: ['0692', '0693', '07092'],
    voip: ['09399', '09479', '09762', '09763'],
  },
  {
    regions: ['YT'],
    inName: 'à Mayotte',
    fixed: ['0269', '02689'],
    mobile: ['0639', '070935', '070936', '070937'],
    voip: ['09398', '09478', '09769'],
  },
];

/** The overseas plan a number in national form (« 0596… ») belongs to, by its longest prefix. */
export function overseasPhonePlanOf(national: string): OverseasPhonePlan | undefined {
  let found: { plan: OverseasPhonePlan; length: number } | undefined;
  for (const plan of overseasPhonePlans) {
    for (const prefix of [...plan.fixed, ...plan.mobile, ...plan.voip]) {
      if (national.startsWith(prefix) && prefix.length > (found?.length ?? 0)) {
        found = { plan, length: prefix.length };
      }
    }
  }
  return found?.plan;
}

// French overseas territories that have their own ISO 3166-1 code but use French 5-digit postal codes.
// `example` is each territory's main town, for messages; `fixedPhoneExample` a landline there (libphonenumber-js
// ships example numbers for mobiles only), checked valid by the unit tests.
export type OverseasTerritory = {
  code: string;
  postalPrefix: string;
  example: string;
  fixedPhoneExample: string;
};

export const overseasTerritories: readonly OverseasTerritory[] = [
  { code: 'GP', postalPrefix: '971', example: '97110', fixedPhoneExample: '0590 20 12 34' },
  { code: 'MQ', postalPrefix: '972', example: '97200', fixedPhoneExample: '0596 30 12 34' },
  { code: 'GF', postalPrefix: '973', example: '97300', fixedPhoneExample: '0594 10 12 34' },
  { code: 'RE', postalPrefix: '974', example: '97400', fixedPhoneExample: '0262 16 12 34' },
  { code: 'PM', postalPrefix: '975', example: '97500', fixedPhoneExample: '41 12 34' },
  { code: 'YT', postalPrefix: '976', example: '97600', fixedPhoneExample: '0269 60 12 34' },
  // Saint-Barthélemy and Saint-Martin were communes of Guadeloupe until 2007 and kept its 971 postal codes.
  { code: 'BL', postalPrefix: '97133', example: '97133', fixedPhoneExample: '0590 27 12 34' },
  { code: 'MF', postalPrefix: '97150', example: '97150', fixedPhoneExample: '0590 27 12 34' },
  { code: 'WF', postalPrefix: '986', example: '98600', fixedPhoneExample: '72 12 34' },
  { code: 'PF', postalPrefix: '987', example: '98714', fixedPhoneExample: '40 41 23 45' },
  { code: 'NC', postalPrefix: '988', example: '98800', fixedPhoneExample: '20 12 34' },
];

// Clipperton sits in Polynesia's 987 range but is governed directly from Paris and has no ISO code.
const CLIPPERTON = '98799';

// Monaco is a country of its own whose postal codes (98000, and 980xx for its CEDEX) follow the French
// pattern: typed under Pays France, the user is offered to switch Pays to Monaco.
const MONACO_POSTAL_CODE = /^980\d\d$/;

/** The country of its own that a 5-digit code belongs to though it looks French (Monaco), if any. */
export const foreignCountryOfPostalCode = (cp: string): string | undefined =>
  MONACO_POSTAL_CODE.test(cp) ? 'MC' : undefined;

// Longest prefix first, so 97133 is Saint-Barthélemy before 971 makes it Guadeloupe.
const byPrefixLength = [...overseasTerritories].sort((a, b) => b.postalPrefix.length - a.postalPrefix.length);

export function countryForPostalCode(cp: string): string | undefined {
  if (!/^\d{5}$/.test(cp)) return undefined;
  if (cp === CLIPPERTON) return 'FR';
  const territory = byPrefixLength.find((t) => cp.startsWith(t.postalPrefix));
  if (territory) return territory.code;
  // Metropolitan departments 01–95, Corsica included (its postal codes start with 20).
  const department = Number(cp.slice(0, 2));
  return department >= 1 && department <= 95 ? 'FR' : undefined;
}

export const isOverseasTerritory = (code: string): boolean =>
  overseasTerritories.some((t) => t.code === code);

export const overseasTerritory = (code: string): OverseasTerritory | undefined =>
  overseasTerritories.find((t) => t.code === code);
