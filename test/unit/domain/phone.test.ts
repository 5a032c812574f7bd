import { checkPhone, formatPhoneNational, phoneRegionFor } from '../../../src/domain/phone';

describe('phoneRegionFor', () => {
  it.each([
    ['FR', undefined, 'FR'],
    ['FR', '75016', 'FR'],
    ['FR', '20000', 'FR'],
    ['FR', '97110', 'GP'],
    ['FR', '97200', 'MQ'],
    ['FR', '97300', 'GF'],
    ['FR', '97400', 'RE'],
    ['FR', '97 400', 'RE'],
    ['FR', '97600', 'YT'],
    ['FR', '97500', 'PM'],
    ['FR', '97133', 'BL'],
    ['FR', '97150', 'MF'],
    ['FR', '98600', 'WF'],
    ['FR', '98714', 'PF'],
    ['FR', '98800', 'NC'],
    ['GP', '97110', 'GP'],
    ['DE', '10115', 'DE'],
    ['be', undefined, 'BE'],
    ['AQ', undefined, 'FR'], // Antarctica has no numbering plan
    ['ZZ', undefined, 'FR'],
  ] as const)('%s %s → %s', (country, postalCode, region) => {
    expect(phoneRegionFor(country, postalCode)).toBe(region);
  });
});

describe('checkPhone', () => {
  it.each([
    ['01 45 45 32 45', 'FR', '+33145453245'],
    ['0145453245', 'FR', '+33145453245'],
    ['0033 1 45 45 32 45', 'FR', '+33145453245'],
    ['+33 (0)1 45 45 32 45', 'FR', '+33145453245'],
    ['01.45.45.32.45', 'FR', '+33145453245'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['0590 82 12 34', 'GP', '+590590821234'], // Guadeloupe landline
    ['0596 63 12 34', 'MQ', '+596596631234'], // Martinique landline
    ['0594 30 12 34', 'GF', '+594594301234'], // Guyane landline
    ['0262 40 12 34', 'RE', '+262262401234'], // Réunion landline
    ['0269 61 12 34', 'YT', '+262269611234'], // Mayotte landline
    ['0590 27 12 34', 'BL', '+590590271234'], // Saint-Barthélemy landline
    // An overseas number given for a metropolitan address still finds its territory.
    ['0590 82 12 34', 'FR', '+590590821234'],
    ['0262 40 12 34', 'FR', '+262262401234'],
    // And a Paris number given for an overseas or Belgian address stays in Paris.
    ['01 45 45 32 45', 'RE', '+33145453245'],
    ['01 45 45 32 45', 'BE', '+33145453245'],
    ['27 12 34', 'NC', '+687271234'],
    ['030 1234567', 'DE', '+49301234567'],
    ['+44 20 7946 0958', 'FR', '+442079460958'],
  ] as const)('accepts %j in %s as %s', (input, region, value) => {
    expect(checkPhone(input, region)).toEqual({ ok: true, value });
  });

  it.each([
    ['0692 12 34 56', 'RE', '+262692123456'], // Réunion mobile
    ['0690 12 34 56', 'GP', '+590690123456'], // Guadeloupe mobile
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 7 81 23 45 67', 'FR', '+33781234567'],
  ] as const)('accepts the mobile %j in %s', (input, region, value) => {
    expect(checkPhone(input, region, { mobile: true })).toEqual({ ok: true, value });
  });

  it.each([
    ['01 45 45 32 45', 'FR', 'Saisissez un numéro de mobile, par exemple 06 12 34 56 78'],
    ['0590 82 12 34', 'GP', 'Saisissez un numéro de mobile, par exemple 0690 00 12 34'],
  ] as const)('rejects the landline %j where a mobile is needed', (input, region, message) => {
    expect(checkPhone(input, region, { mobile: true })).toEqual({ ok: false, message });
  });

  it.each([
    ['', 'FR', 'Saisissez un numéro de téléphone, par exemple 01 45 45 32 45'],
    [
      '01 45 45',
      'FR',
      'Ce numéro est trop court : saisissez un numéro de téléphone valide, par exemple 01 45 45 32 45',
    ],
    [
      '01 45 45 32 45 67',
      'FR',
      'Ce numéro est trop long : saisissez un numéro de téléphone valide, par exemple 01 45 45 32 45',
    ],
    // 07 0x numbers are not allocated.
    [
      '07 01 23 45 67',
      'FR',
      "Ce numéro n'existe pas : saisissez un numéro de téléphone valide, par exemple 01 45 45 32 45",
    ],
    [
      'bureau',
      'FR',
      "Ce numéro n'existe pas : saisissez un numéro de téléphone valide, par exemple 01 45 45 32 45",
    ],
    [
      '01 45 45 32 45 ext. 12',
      'FR',
      'Saisissez le numéro de téléphone sans numéro de poste, par exemple 01 45 45 32 45',
    ],
  ] as const)('rejects %j in %s', (input, region, message) => {
    expect(checkPhone(input, region)).toEqual({ ok: false, message });
  });
});

describe('formatPhoneNational', () => {
  it.each([
    ['+33145453245', '01 45 45 32 45'],
    // Overseas departments are dialled from France like any French number.
    ['+590590821234', '0590 82 12 34'],
    ['+262692123456', '0692 12 34 56'],
    // Elsewhere, including the Pacific territories, the number is dialled internationally.
    ['+687271234', '+687 27 12 34'],
    ['+442079460958', '+44 20 7946 0958'],
    ['not a number', 'not a number'],
  ])('%s → %s', (e164, shown) => {
    expect(formatPhoneNational(e164)).toBe(shown);
  });
});
