import { countries, countryName, isCountryCode } from '../../../src/domain/countries';

describe('countries', () => {
  it('lists every ISO 3166-1 country, France first', () => {
    const list = countries();
    expect(list.length).toBeGreaterThanOrEqual(249);
    expect(list[0]).toEqual({ code: 'FR', name: 'France' });
    expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
  });

  it('sorts the rest in French order, accents ignored', () => {
    const names = countries()
      .slice(1)
      .map((c) => c.name);
    const collator = new Intl.Collator('fr');
    expect([...names].sort(collator.compare)).toEqual(names);
    expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Espagne'));
  });

  it.each([
    ['GP', 'Guadeloupe'],
    ['MQ', 'Martinique'],
    ['GF', 'Guyane française'],
    ['RE', 'Réunion'],
    ['YT', 'Mayotte'],
    ['PM', 'Saint-Pierre-et-Miquelon'],
    ['BL', 'Saint-Barthélemy'],
    ['MF', 'Saint-Martin (partie française)'],
    ['WF', 'Wallis-et-Futuna'],
    ['PF', 'Polynésie française'],
    ['NC', 'Nouvelle-Calédonie'],
    ['TF', 'Terres australes françaises'],
    ['DE', 'Allemagne'],
    ['GB', 'Royaume-Uni'],
  ])('names %s « %s »', (code, name) => {
    expect(countryName(code)).toBe(name);
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['', 'fr', 'ZZ', 'FRA'])('does not know %j', (code) => {
    expect(countryName(code)).toBeUndefined();
    expect(isCountryCode(code)).toBe(false);
  });

  it('computes the list once', () => {
    expect(countries()).toBe(countries());
  });
});
