import fc from 'fast-check';
import { checkBic, checkIban, formatIban, ribKeyOk } from '../../../src/domain/iban';

const EXAMPLE = 'FR76 3000 6000 0112 3456 7890 189';

describe('checkIban', () => {
  it.each([
    ['FR7630006000011234567890189', 'FR7630006000011234567890189'],
    ['FR76 3000 6000 0112 3456 7890 189', 'FR7630006000011234567890189'],
    ['fr76 3000\u00a06000 0112 3456 7890 189', 'FR7630006000011234567890189'],
    // An account number with a letter, converted the RIB way (A → 1): key 05.
    ['FR4820041000011234567A01205', 'FR4820041000011234567A01205'],
    // Same RIB held by a bank in Guadeloupe.
    ['GP7330006000011234567890189', 'GP7330006000011234567890189'],
    ['DE89370400440532013000', 'DE89370400440532013000'],
    ['BE68539007547034', 'BE68539007547034'],
  ])('accepts %j', (input, value) => {
    expect(checkIban(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', `Saisissez un IBAN, par exemple ${EXAMPLE}`],
    // Check digits 76 typed as 77.
    [
      'FR7730006000011234567890189',
      `Cet IBAN n'existe pas : vérifiez les caractères, par exemple ${EXAMPLE}`,
    ],
    // Two digits of the account swapped.
    [
      'FR7630006000012134567890189',
      `Cet IBAN n'existe pas : vérifiez les caractères, par exemple ${EXAMPLE}`,
    ],
    ['DE89370400440532013001', `Cet IBAN n'existe pas : vérifiez les caractères, par exemple ${EXAMPLE}`],
    [
      'FR763000600001123456789018',
      `Cet IBAN n'a pas le bon nombre de caractères : vérifiez-le, par exemple ${EXAMPLE}`,
    ],
    ['30006000011234567890189', `Saisissez un IBAN qui commence par le code du pays, par exemple ${EXAMPLE}`],
    // The right RIB key is 97 − ((89 × 30006 + 15 × 00001 + 3 × 12345678901) mod 97) = 89; here it is 90,
    // with IBAN check digits recomputed so that mod 97 holds: 30006000011234567890190 152700 mod 97 = 49,
    // and 98 − 49 = 49.
    [
      'FR4930006000011234567890190',
      `La clé RIB de cet IBAN est fausse : vérifiez le numéro de compte, par exemple ${EXAMPLE}`,
    ],
    // Same mistake in Guadeloupe, where ibantools does not check the RIB key.
    [
      'GP4630006000011234567890190',
      `La clé RIB de cet IBAN est fausse : vérifiez le numéro de compte, par exemple ${EXAMPLE}`,
    ],
  ])('rejects %j', (input, message) => {
    expect(checkIban(input)).toEqual({ ok: false, message });
  });
});

describe('ribKeyOk', () => {
  it.each([
    ['30006000011234567890189', true],
    ['30006000011234567890190', false],
    ['20041000011234567A01205', true],
    ['20041000011234567J01205', true], // J converts to 1, like A
    ['20041000011234567S01205', false], // S converts to 2
  ])('%s → %s', (bban, valid) => {
    expect(ribKeyOk(bban)).toBe(valid);
  });
});

describe('checkBic', () => {
  it.each([
    ['BNPAFRPP', 'BNPAFRPP'],
    ['BNPAFRPPXXX', 'BNPAFRPPXXX'],
    ['bnpa fr pp xxx', 'BNPAFRPPXXX'],
    ['DEUTDEFF500', 'DEUTDEFF500'],
  ])('accepts %j', (input, value) => {
    expect(checkBic(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Saisissez un BIC de 8 ou 11 caractères, par exemple BNPAFRPPXXX'],
    ['BNPAFRP', 'Saisissez un BIC de 8 ou 11 caractères (vous en avez saisi 7), par exemple BNPAFRPPXXX'],
    ['BNPAFRPPXX', 'Saisissez un BIC de 8 ou 11 caractères (vous en avez saisi 10), par exemple BNPAFRPPXXX'],
    ['BNPAZZPP', "Ce BIC n'existe pas : vérifiez-le, par exemple BNPAFRPPXXX"], // no country ZZ
    ['BNP1FRPP', "Ce BIC n'existe pas : vérifiez-le, par exemple BNPAFRPPXXX"],
  ])('rejects %j', (input, message) => {
    expect(checkBic(input)).toEqual({ ok: false, message });
  });
});

// Issue 9, class 4: the separators come off before the length is counted.
describe('checkBic with the separators banks print', () => {
  it.each([
    ['BNPA FR PP XXX', 'BNPAFRPPXXX'],
    ['BNPA-FR-PP-XXX', 'BNPAFRPPXXX'],
    ['bnpa–fr–pp', 'BNPAFRPP'], // en dashes, from a word processor
    ['AGRI\tFR\tPP', 'AGRIFRPP'],
  ])('accepts %j as %s', (input, value) => {
    expect(checkBic(input)).toEqual({ ok: true, value });
  });

  it('counts only the code’s own characters in its message', () => {
    expect(checkBic('BNPA-FR-PP-XX')).toEqual({
      ok: false,
      message: 'Saisissez un BIC de 8 ou 11 caractères (vous en avez saisi 10), par exemple BNPAFRPPXXX',
    });
  });

  it('generated: a valid BIC grouped with spaces or dashes anywhere reads as the BIC', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    const bic = fc
      .tuple(
        fc.array(letter, { minLength: 4, maxLength: 4 }),
        fc.constantFrom('FR', 'DE', 'BE', 'MC', 'GP'),
        fc.array(alnum, { minLength: 2, maxLength: 2 }),
        fc.option(fc.array(alnum, { minLength: 3, maxLength: 3 }), { nil: undefined }),
      )
      .map(
        ([bank, country, location, branch]) =>
          `${bank.join('')}${country}${location.join('')}${branch?.join('') ?? ''}`,
      )
      .filter((code) => checkBic(code).ok);
    fc.assert(
      fc.property(bic, fc.array(fc.constantFrom(' ', '-', ' - ', '\t')), (code, separators) => {
        const chars = [...code];
        separators.forEach((sep, i) => chars.splice(1 + ((i * 3) % (chars.length - 1)), 0, sep));
        expect(checkBic(chars.join('').toLowerCase())).toEqual({ ok: true, value: code });
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatIban', () => {
  it('groups by four', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe(EXAMPLE);
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});
