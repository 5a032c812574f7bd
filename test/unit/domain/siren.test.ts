import fc from 'fast-check';
import {
  checkSiren,
  checkSiret,
  formatSiren,
  formatSiret,
  luhn,
  tvaFromSiren,
} from '../../../src/domain/siren';

describe('checkSiren', () => {
  it.each([
    ['732829320', '732829320'],
    ['732 829 320', '732829320'],
    ['732.829.320', '732829320'],
    ['732\u00a0829\u202f320', '732829320'],
    ['552081317', '552081317'],
    ['356000000', '356000000'],
    ['542065479', '542065479'],
  ])('accepts %j as %s', (input, value) => {
    expect(checkSiren(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Saisissez un SIREN de 9 chiffres, par exemple 732 829 320'],
    ['73282932', 'Saisissez un SIREN de 9 chiffres (vous en avez saisi 8), par exemple 732 829 320'],
    ['7328293201', 'Saisissez un SIREN de 9 chiffres (vous en avez saisi 10), par exemple 732 829 320'],
    ['732829302', "Ce SIREN n'existe pas : vérifiez les chiffres, par exemple 732 829 320"], // 2 and 0 swapped
    ['737829320', "Ce SIREN n'existe pas : vérifiez les chiffres, par exemple 732 829 320"], // 2 typed as 7
    ['73282932O', 'Saisissez un SIREN de 9 chiffres, sans lettres, par exemple 732 829 320'], // letter O
    [
      '73282932000074',
      'Vous avez saisi un SIRET : saisissez le SIREN, ses 9 premiers chiffres (732 829 320)',
    ],
  ])('rejects %j', (input, message) => {
    expect(checkSiren(input)).toEqual({ ok: false, message });
  });
});

describe('checkSiret', () => {
  it.each([
    ['73282932000074', undefined],
    ['732 829 320 00074', '732 829 320'],
    // La Poste's head office keeps the Luhn key.
    ['35600000000048', '356000000'],
    // Other La Poste establishments: digit sum 45, Luhn fails, yet valid.
    ['35600000049837', '356000000'],
    // A SIREN that is still being typed does not make the SIRET wrong.
    ['73282932000074', '7328'],
  ])('accepts %j (SIREN %j)', (input, siren) => {
    expect(checkSiret(input, siren)).toEqual({ ok: true, value: input.replace(/ /g, '') });
  });

  it.each([
    ['', undefined, 'Saisissez un SIRET de 14 chiffres, par exemple 732 829 320 00074'],
    // As a spreadsheet shows a 14-digit number: the message says what happened and how to avoid it.
    [
      '7,32829E+13',
      undefined,
      'Ce SIRET a été abrégé par le tableur (7,32829E+13) : mettez sa colonne au format Texte et saisissez ses 14 chiffres, par exemple 732 829 320 00074',
    ],
    [
      '7.32829320000740e+13',
      undefined,
      'Ce SIRET a été abrégé par le tableur (7.32829320000740e+13) : mettez sa colonne au format Texte et saisissez ses 14 chiffres, par exemple 732 829 320 00074',
    ],
    [
      '7328293200007',
      undefined,
      'Saisissez un SIRET de 14 chiffres (vous en avez saisi 13), par exemple 732 829 320 00074',
    ],
    [
      '73282932000047',
      undefined,
      "Ce SIRET n'existe pas : vérifiez les chiffres, par exemple 732 829 320 00074",
    ],
    // Digit sum 19: the La Poste rule rejects it even though it is not Luhn-valid either.
    [
      '35600000000014',
      undefined,
      "Ce SIRET n'existe pas : vérifiez les chiffres, par exemple 732 829 320 00074",
    ],
    [
      '73282932000074',
      '552081317',
      "Ce SIRET n'appartient pas au SIREN 552 081 317 : saisissez un SIRET qui commence par 552 081 317",
    ],
  ])('rejects %j (SIREN %j)', (input, siren, message) => {
    expect(checkSiret(input, siren)).toEqual({ ok: false, message });
  });
});

describe('La Poste exception', () => {
  it('is needed: this La Poste SIRET fails Luhn', () => {
    expect(luhn('35600000049837')).toBe(false);
  });
});

describe('tvaFromSiren', () => {
  it.each([
    ['732829320', 'FR44732829320'],
    ['552081317', 'FR03552081317'],
    ['356000000', 'FR39356000000'],
  ])('%s → %s', (siren, tva) => {
    expect(tvaFromSiren(siren)).toBe(tva);
  });
});

describe('formatting', () => {
  it('groups a SIREN by three and a SIRET with its NIC apart', () => {
    expect(formatSiren('732829320')).toBe('732 829 320');
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
  });

  it('leaves a draft value as it was typed', () => {
    expect(formatSiren('7328')).toBe('7328');
    expect(formatSiret('abc')).toBe('abc');
  });
});

// Issue 9, class 1: a SIRET is a SIREN (with its own key) followed by a NIC, whether or not step 1 gave one.
describe('a SIRET carries a valid SIREN', () => {
  const SIREN_KEY_MESSAGE =
    "Ce SIRET n'existe pas : ses 9 premiers chiffres ne forment pas un SIREN valide, vérifiez-les, par exemple 732 829 320 00074";

  it.each([
    ['73282932100007', undefined], // 732829321 fails the SIREN key; the 14 digits pass Luhn
    ['12345678900007', undefined],
    ['732 829 321 00007', '7328'], // a SIREN still being typed does not excuse it
  ])('refuses %j (SIREN %j), whose 14 digits pass Luhn', (input, siren) => {
    expect(luhn(input.replace(/ /g, ''))).toBe(true);
    expect(checkSiret(input, siren)).toEqual({ ok: false, message: SIREN_KEY_MESSAGE });
  });

  /** Appends the check digit that makes the whole pass Luhn. */
  const withLuhnKey = (digits: string) =>
    [...'0123456789'].map((d) => digits + d).find((candidate) => luhn(candidate))!;

  it('generated: refuses every Luhn-valid SIRET whose first 9 digits fail the SIREN key', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{4}$/), (siren, nic) => {
        fc.pre(!luhn(siren));
        expect(checkSiret(withLuhnKey(siren + nic))).toEqual({ ok: false, message: SIREN_KEY_MESSAGE });
      }),
      { numRuns: 1000 },
    );
  });

  it('generated: accepts every Luhn-valid SIRET of a valid SIREN, with or without step 1’s SIREN', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^\d{4}$/), (eight, nic) => {
        const siren = withLuhnKey(eight);
        fc.pre(siren !== '356000000');
        const siret = withLuhnKey(siren + nic);
        expect(checkSiret(siret)).toEqual({ ok: true, value: siret });
        expect(checkSiret(siret, siren)).toEqual({ ok: true, value: siret });
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps La Poste’s rule: its SIREN passes the key, its SIRETs the digit sum', () => {
    expect(checkSiret('35600000049837')).toEqual({ ok: true, value: '35600000049837' });
  });
});
