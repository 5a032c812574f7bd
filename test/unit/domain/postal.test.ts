import {
  checkPostalCode,
  communesForPostalCode,
  countryForPostalCode,
  foreignCountryOfPostalCode,
  isFrenchPostalArea,
  matchCommune,
  normaliseName,
} from '../../../src/domain/postal';

describe('communesForPostalCode', () => {
  it.each([
    ['75116', [{ insee: '75056', name: 'Paris' }]],
    ['75016', [{ insee: '75056', name: 'Paris' }]],
    ['69003', [{ insee: '69123', name: 'Lyon' }]],
    ['13008', [{ insee: '13055', name: 'Marseille' }]],
    ['37550', [{ insee: '37208', name: 'Saint-Avertin' }]],
    ['20000', [{ insee: '2A004', name: 'Ajaccio' }]],
    ['97133', [{ insee: '97701', name: 'Saint-Barthélemy' }]],
    ['97150', [{ insee: '97801', name: 'Saint-Martin' }]],
    ['98800', [{ insee: '98818', name: 'Nouméa' }]],
    ['99999', []],
    ['75700', []], // a CEDEX code
  ])('%s', (cp, communes) => {
    expect(communesForPostalCode(cp)).toEqual(communes);
  });

  it('lists a commune under each of its postal codes', () => {
    expect(communesForPostalCode('20090')).toContainEqual({ insee: '2A004', name: 'Ajaccio' });
  });

  it('sorts the communes of a shared postal code in French order', () => {
    const names = communesForPostalCode('51300').map((c) => c.name);
    expect(names.length).toBeGreaterThan(40);
    expect(names.indexOf('Écriennes')).toBeLessThan(names.indexOf('Favresse'));
    expect(names).toContain('Vitry-le-François');
  });

  it('gives the caller a copy it may change', () => {
    communesForPostalCode('37550').pop();
    expect(communesForPostalCode('37550')).toHaveLength(1);
  });
});

describe('matchCommune', () => {
  const saintAvertin = { insee: '37208', name: 'Saint-Avertin' };

  it.each([
    ['37550', 'Saint-Avertin', saintAvertin],
    ['37550', 'saint avertin', saintAvertin],
    ['37550', 'ST AVERTIN', saintAvertin],
    ['37550', 'St-Avertin', saintAvertin],
    ['37550', 'St. Avertin', saintAvertin],
    ['37550', 'SAINT AVERTIN CEDEX', saintAvertin],
    ['37550', '', saintAvertin],
    ['51300', 'vitry le francois', { insee: '51649', name: 'Vitry-le-François' }],
    ['51300', 'ECRIENNES', { insee: '51224', name: 'Écriennes' }],
    ['75116', 'Paris', { insee: '75056', name: 'Paris' }],
    ['75116', 'PARIS 16', { insee: '75056', name: 'Paris' }],
    ['75116', 'Paris 16e arrondissement', { insee: '75056', name: 'Paris' }],
    ['69001', 'Lyon 1er', { insee: '69123', name: 'Lyon' }],
    ['20000', 'ajaccio', { insee: '2A004', name: 'Ajaccio' }],
    ['97133', 'St Barthelemy', { insee: '97701', name: 'Saint-Barthélemy' }],
  ])('%s %j → matched', (cp, typed, commune) => {
    expect(matchCommune(cp, typed)).toEqual({ status: 'matched', commune });
  });

  it('offers a choice when the postal code has several communes and none was typed', () => {
    const result = matchCommune('51300', '');
    expect(result.status).toBe('choose');
    expect(result.status === 'choose' && result.communes).toEqual(communesForPostalCode('51300'));
  });

  it.each([
    ['37550', 'Tours'],
    ['51300', 'Vitry'],
    ['75116', 'Paris 16 bis'],
  ])('%s %j → unknown, with the candidates to choose from', (cp, typed) => {
    expect(matchCommune(cp, typed)).toEqual({ status: 'unknown', communes: communesForPostalCode(cp) });
  });

  it('has nothing to offer for an unknown postal code', () => {
    expect(matchCommune('99999', 'Paris')).toEqual({ status: 'unknown', communes: [] });
  });
});

describe('normaliseName', () => {
  it.each([
    ["L'Abergement-Clémenciat", 'l abergement clemenciat'],
    ['  Saint-Cyr-l’École ', 'saint cyr l ecole'],
    ['Bœurs-en-Othe', 'boeurs en othe'],
    ['VITRY   LE FRANÇOIS', 'vitry le francois'],
  ])('%j → %j', (name, normalised) => {
    expect(normaliseName(name)).toBe(normalised);
  });
});

describe('countryForPostalCode', () => {
  it.each([
    ['75116', 'FR'],
    ['01400', 'FR'],
    ['20000', 'FR'],
    ['20200', 'FR'],
    ['97110', 'GP'],
    ['97200', 'MQ'],
    ['97300', 'GF'],
    ['97400', 'RE'],
    ['97500', 'PM'],
    ['97600', 'YT'],
    ['97133', 'BL'],
    ['97150', 'MF'],
    ['98600', 'WF'],
    ['98714', 'PF'],
    ['98800', 'NC'],
    ['98799', 'FR'], // Clipperton
    ['98000', undefined], // Monaco
    ['00100', undefined],
    ['7511', undefined],
  ])('%s → %s', (cp, country) => {
    expect(countryForPostalCode(cp)).toBe(country);
  });
});

describe('isFrenchPostalArea', () => {
  it.each(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC'])(
    '%s uses French postal codes',
    (c) => {
      expect(isFrenchPostalArea(c)).toBe(true);
    },
  );

  it.each(['BE', 'MC', 'TF', 'DE'])('%s does not', (c) => {
    expect(isFrenchPostalArea(c)).toBe(false);
  });
});

describe('checkPostalCode', () => {
  it.each([
    ['75116', 'FR', '75116'],
    ['37 550', 'FR', '37550'],
    ['20000', 'FR', '20000'],
    // Under Pays France an overseas code means that territory.
    ['97110', 'FR', '97110'],
    ['97133', 'FR', '97133'],
    ['98800', 'FR', '98800'],
    ['97110', 'GP', '97110'],
    ['97133', 'BL', '97133'],
    ['97400', 'RE', '97400'],
    [' 1050 ', 'BE', '1050'],
    ['SW1A  1AA', 'GB', 'SW1A 1AA'],
    ['98000', 'MC', '98000'],
  ])('accepts %j in %s', (input, country, value) => {
    expect(checkPostalCode(input, country)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'FR', 'Saisissez un code postal de 5 chiffres, par exemple 37550'],
    ['7511', 'FR', 'Saisissez un code postal de 5 chiffres, par exemple 37550'],
    ['75O16', 'FR', 'Saisissez un code postal de 5 chiffres, par exemple 37550'],
    ['9711', 'GP', 'Saisissez un code postal de 5 chiffres, par exemple 97110'],
    // A code whose leading 0 a spreadsheet dropped: the one it stands for, when it exists.
    ['1400', 'FR', 'Saisissez un code postal de 5 chiffres, par exemple 01400 si le 0 du début manque'],
    [
      '99999',
      'FR',
      "Ce code postal n'existe pas : vérifiez-le, par exemple 37550 (pour une adresse CEDEX, saisissez le code postal de la commune)",
    ],
    [
      '75700',
      'FR',
      "Ce code postal n'existe pas : vérifiez-le, par exemple 37550 (pour une adresse CEDEX, saisissez le code postal de la commune)",
    ],
    [
      '75116',
      'GP',
      "Ce code postal n'est pas dans le pays choisi (Guadeloupe) : saisissez un code postal de ce pays, par exemple 97110, ou changez de pays",
    ],
    [
      '97110',
      'BL',
      "Ce code postal n'est pas dans le pays choisi (Saint-Barthélemy) : saisissez un code postal de ce pays, par exemple 97133, ou changez de pays",
    ],
    ['  ', 'BE', 'Saisissez le code postal, par exemple 1050 pour Bruxelles'],
    ['123456789012345678901', 'BE', 'Saisissez un code postal de 20 caractères au plus, par exemple 1050'],
  ])('rejects %j in %s', (input, country, message) => {
    expect(checkPostalCode(input, country)).toEqual({ ok: false, message });
  });
});

// Issue 9, class 6.
describe('Monaco and CEDEX codes under a French Pays', () => {
  it.each([
    ['98000', 'FR', '37550'],
    ['98 000', 'FR', '37550'],
    ['98025', 'FR', '37550'], // a Monaco CEDEX code
    ['98000', 'GP', '97110'],
  ])('%j in %s says Monaco is a country of its own', (input, country, example) => {
    expect(checkPostalCode(input, country)).toEqual({
      ok: false,
      message: `${input.replace(/ /g, '')} est un code postal de Monaco, qui est un pays à part entière : choisissez le pays Monaco, ou saisissez un code postal français, par exemple ${example}`,
    });
  });

  it('knows 980xx as Monaco’s, and nothing else', () => {
    expect(foreignCountryOfPostalCode('98000')).toBe('MC');
    expect(foreignCountryOfPostalCode('98099')).toBe('MC');
    expect(['98100', '97133', '75116', '9800'].map(foreignCountryOfPostalCode)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  // CEDEX codes are not in La Poste's list of localities: the current message stays (README, data section).
  it.each(['75700', '92055', '33076', '69401'])(
    'refuses the CEDEX code %s, asking for the commune’s',
    (cp) => {
      expect(checkPostalCode(cp, 'FR')).toEqual({
        ok: false,
        message:
          "Ce code postal n'existe pas : vérifiez-le, par exemple 37550 (pour une adresse CEDEX, saisissez le code postal de la commune)",
      });
    },
  );
});
