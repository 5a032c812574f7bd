// The package root registers all of its ~80 locales; its plain index registers none, so we load French only.
import { getNames, registerLocale } from 'i18n-iso-countries/index';
import fr from 'i18n-iso-countries/langs/fr.json';

export type Country = { code: string; name: string };

let list: readonly Country[] | undefined;
let names: ReadonlyMap<string, string> | undefined;

// Includes XK (Kosovo): not in ISO 3166-1 yet, but the code that the EU, banks and phone numbering use.
function build(): readonly Country[] {
  registerLocale(fr);
  const collator = new Intl.Collator('fr');
  const all = Object.entries(getNames('fr', { select: 'official' })).map(([code, name]) => ({ code, name }));
  const others = all.filter((c) => c.code !== 'FR').sort((a, b) => collator.compare(a.name, b.name));
  const france = all.filter((c) => c.code === 'FR');
  return Object.freeze([...france, ...others].map((c) => Object.freeze(c)));
}

// France first: almost every customer is French, and it is the select's default.
export function countries(): readonly Country[] {
  list ??= build();
  return list;
}

export function countryName(code: string): string | undefined {
  names ??= new Map(countries().map((c) => [c.code, c.name]));
  return names.get(code);
}

export const isCountryCode = (code: string): boolean => countryName(code) !== undefined;
