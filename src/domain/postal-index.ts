import { readFileSync } from 'node:fs';

export type Commune = { insee: string; name: string };

type RawCommune = { code: string; nom: string; type: string; codesPostaux?: string[] };

let index: ReadonlyMap<string, readonly Commune[]> | undefined;

// The 8.6 MB source is read with fs rather than require() so that it is not kept in the module cache:
// once the index is built, the parsed array is garbage.
function buildIndex(): ReadonlyMap<string, readonly Commune[]> {
  const file = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawCommune[];
  const byCode = new Map<string, Commune[]>();
  for (const c of raw) {
    // Only current communes: delegated and associated communes are not postal localities, and Paris, Lyon
    // and Marseille already list every arrondissement's postal code (75116 included) under the commune.
    if (c.type !== 'commune-actuelle' || !c.codesPostaux) continue;
    const commune: Commune = Object.freeze({ insee: c.code, name: c.nom });
    for (const cp of c.codesPostaux) {
      const list = byCode.get(cp);
      if (list) list.push(commune);
      else byCode.set(cp, [commune]);
    }
  }
  const collator = new Intl.Collator('fr');
  for (const list of byCode.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  return byCode;
}

function postalIndex(): ReadonlyMap<string, readonly Commune[]> {
  index ??= buildIndex();
  return index;
}

// Call at start-up so that the first user who types a postal code does not wait for the build.
export function loadPostalIndex(): void {
  postalIndex();
}

/** The index as built, for a worker thread to use rather than build its own (a copy is 45 MB less). */
export const builtPostalIndex = (): ReadonlyMap<string, readonly Commune[]> => postalIndex();

/** Installs an index built by another thread (structured-cloned: the same codes and communes). */
export function usePostalIndex(built: ReadonlyMap<string, readonly Commune[]>): void {
  index = built;
}

export function communesForPostalCode(cp: string): Commune[] {
  return [...(postalIndex().get(cp.replace(/\s/g, '')) ?? [])];
}

export const postalCodeExists = (cp: string): boolean => postalIndex().has(cp);
