import { type Commune, communesForPostalCode } from './postal-index';

export type CommuneMatch =
  | { status: 'matched'; commune: Commune }
  | { status: 'choose'; communes: Commune[] }
  | { status: 'unknown'; communes: Commune[] };

// NFD splits accents off their letters but leaves ligatures and a few barred or slashed letters
// whole (« Łódź », « Ørsted »); people type « oe » for « œ ».
const UNSPLIT: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ł: 'l', ø: 'o', đ: 'd', ß: 'ss' };

export function normaliseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæłøđß]/g, (c) => UNSPLIT[c] ?? c)
    .replace(/[-‐‑‒–—'’‘`´]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// La Poste's own spelling (« ST AVERTIN CEDEX ») is what people copy from letters and invoices.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

function matchKey(s: string): string {
  return normaliseName(s.replace(/\./g, ' '))
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ')
    .replace(/ cedex( \d+)?$/, '');
}

// People write « Paris 16e » or « Lyon 3 » for the commune of Paris, Lyon or Marseille.
const ARRONDISSEMENT_COMMUNES = new Set(['75056', '69123', '13055']);
const ARRONDISSEMENT_SUFFIX = /^ \d{1,2}( ?(e|er|eme|ieme))?( arrondissement| arr)?$/;

// A commune's own key, once: every check of a commune typed for a postal code compares it with each
// commune of that code (40 for some), and folding a name is about a microsecond.
const communeKeys = new WeakMap<Commune, string>();
function communeKey(commune: Commune): string {
  let key = communeKeys.get(commune);
  if (key === undefined) communeKeys.set(commune, (key = matchKey(commune.name)));
  return key;
}

function sameCommune(commune: Commune, key: string): boolean {
  const name = communeKey(commune);
  if (key === name) return true;
  return (
    ARRONDISSEMENT_COMMUNES.has(commune.insee) &&
    key.startsWith(name) &&
    ARRONDISSEMENT_SUFFIX.test(key.slice(name.length))
  );
}

export function matchCommune(cp: string, typed: string): CommuneMatch {
  const communes = communesForPostalCode(cp);
  const key = matchKey(typed);
  const hits = key === '' ? communes : communes.filter((c) => sameCommune(c, key));
  const [first] = hits;
  if (hits.length === 1 && first) return { status: 'matched', commune: first };
  if (hits.length > 1) return { status: 'choose', communes: hits };
  return { status: 'unknown', communes };
}
