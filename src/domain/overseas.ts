// French overseas territories that have their own ISO 3166-1 code but use French 5-digit postal codes.
// The example postal code is each territory's main town, for messages.
export type OverseasTerritory = { code: string; postalPrefix: string; example: string };

export const overseasTerritories: readonly OverseasTerritory[] = [
  { code: 'GP', postalPrefix: '971', example: '97110' },
  { code: 'MQ', postalPrefix: '972', example: '97200' },
  { code: 'GF', postalPrefix: '973', example: '97300' },
  { code: 'RE', postalPrefix: '974', example: '97400' },
  { code: 'PM', postalPrefix: '975', example: '97500' },
  { code: 'YT', postalPrefix: '976', example: '97600' },
  // Saint-Barthélemy and Saint-Martin were communes of Guadeloupe until 2007 and kept its 971 postal codes.
  { code: 'BL', postalPrefix: '97133', example: '97133' },
  { code: 'MF', postalPrefix: '97150', example: '97150' },
  { code: 'WF', postalPrefix: '986', example: '98600' },
  { code: 'PF', postalPrefix: '987', example: '98714' },
  { code: 'NC', postalPrefix: '988', example: '98800' },
];

// Clipperton sits in Polynesia's 987 range but is governed directly from Paris and has no ISO code.
const CLIPPERTON = '98799';

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
