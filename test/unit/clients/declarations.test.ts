// The declarations hold together: what a field reads of others (dependsOn, prefillFrom, its
// conditions, a copied group) names fields that exist, and each kind gets the answers it reads.
import { declarationProblems } from '../../../src/clients/fields/declarations';
import { kindOf } from '../../../src/clients/fields/kinds';
import { listHeaderOf } from '../../../src/clients/fields/derived';
import { steps } from '../../../src/clients/fields/steps';
import type { Field, Step } from '../../../src/clients/fields/types';
import { validateStep } from '../../../src/clients/fields/validation';

/** The declared steps with one field of one step replaced. */
function withField(stepNumber: number, name: string, change: (f: Field) => Field): Step[] {
  return steps.map((s) =>
    s.number === stepNumber ? { ...s, fields: s.fields.map((f) => (f.name === name ? change(f) : f)) } : s,
  );
}

describe('declarationProblems', () => {
  it('finds none in the declared steps (steps.ts would not load otherwise)', () => {
    expect(declarationProblems(steps)).toEqual([]);
  });

  it('refuses a dependsOn that names a field no step has', () => {
    const broken = withField(2, 'siret', (f) => ({
      ...f,
      dependsOn: { siren: { step: 1, field: 'sirene' } },
    }));
    expect(declarationProblems(broken)).toEqual([
      "step 2, field siret: dependsOn.siren names step 1's sirene, which does not exist",
    ]);
  });

  it('refuses a field whose kind reads an answer its declaration does not point to', () => {
    const broken = withField(4, 'mobile', (f) => ({ ...f, dependsOn: undefined }));
    expect(declarationProblems(broken)).toEqual([
      'step 4, field mobile: its kind mobile reads « country »: declare it in dependsOn',
      'step 4, field mobile: its kind mobile reads « postalCode »: declare it in dependsOn',
    ]);
  });

  it('refuses a dependsOn its kind never reads, a prefill or a condition on a missing field', () => {
    const broken = withField(3, 'iban', (f) => ({
      ...f,
      dependsOn: { siren: { step: 1, field: 'siren' } },
      prefillFrom: { step: 1, field: 'rib' },
      onlyWhen: { field: 'mode', is: 'sepa', otherwise: 'unchecked' },
    }));
    expect(declarationProblems(broken)).toEqual([
      'step 3, field iban: dependsOn.siren, which its kind iban does not read',
      'step 3, field iban: prefillFrom names a field that does not exist',
      'step 3, field iban: its condition reads mode, not a field of its step',
    ]);
  });

  it('refuses a copied group whose fields differ from its source', () => {
    const broken = withField(3, 'complement', (f) => ({ ...f, group: undefined }));
    expect(declarationProblems(broken)).toContain(
      "step 3, group address: copyFrom step 2's address, whose fields differ",
    );
  });
});

describe('dependsOn', () => {
  const step2 = steps[1]!;
  const step4 = steps[3]!;

  it('checks a SIRET against the SIREN its declaration points to', () => {
    const all = { 1: { siren: '732 829 320' } };
    const errors = (siret: string) =>
      validateStep(step2, { siret }, all).errors.filter((e) => e.field === 'siret');
    expect(errors('732 829 320 00074')).toEqual([]);
    expect(errors('552 081 317 00012')).toHaveLength(1);
  });

  it('reads an administrator’s phone in the main site’s territory', () => {
    const all = { 2: { country: 'FR', postalCode: '97110' } };
    const { values } = validateStep(step4, { phone: '0590 82 12 34' }, all);
    expect(values.phone).toBe('+590590821234');
  });
});

describe('defineKind', () => {
  const field = (kind: Field['kind'], extra: Partial<Field> = {}): Field => ({
    name: 'x',
    label: 'X',
    kind,
    ...extra,
  });

  it('keeps a string value as its own answer and stores it in its column', () => {
    const kind = kindOf(field('email'));
    expect(kind.toAnswer('nom@exemple.fr', field('email'))).toBe('nom@exemple.fr');
    expect(kind.toColumns('nom@exemple.fr', field('email'))).toEqual({ x: 'nom@exemple.fr' });
    expect(kind.fromColumns({ x: 'nom@exemple.fr' }, field('email'))).toBe('nom@exemple.fr');
  });

  it('stores a commune with its INSEE code and reads both back', () => {
    const city = field('commune', { name: 'city' });
    const columns = kindOf(city).toColumns({ name: 'Saint-Avertin', insee: '37208' }, city);
    expect(columns).toEqual({ city: 'Saint-Avertin', city_insee: '37208' });
    expect(kindOf(city).fromColumns(columns, city)).toEqual({ name: 'Saint-Avertin', insee: '37208' });
    expect(kindOf(city).display(kindOf(city).fromColumns(columns, city), city)).toBe('Saint-Avertin');
    expect(kindOf(city).fromColumns({ city: null, city_insee: null }, city)).toBeNull();
  });

  it('reads a yes/no and an amount back from either engine’s columns', () => {
    const yes = field('yesno');
    expect(kindOf(yes).fromColumns({ x: 1 }, yes)).toBe(true);
    expect(kindOf(yes).toAnswer(false, yes)).toBe('non');
    const amount = field('amount');
    expect(kindOf(amount).fromColumns({ x: '150050' }, amount)).toBe(150050);
    expect(kindOf(amount).display(null, amount)).toBe('');
  });
});

describe('listHeaderOf', () => {
  it('names the columns of Mes clients as SPEC §3 does, from the declarations', () => {
    expect((['name', 'reference', 'siren', 'city'] as const).map((c) => listHeaderOf(c))).toEqual([
      'Raison sociale',
      'Référence client',
      'SIREN',
      'Commune',
    ]);
  });
});
