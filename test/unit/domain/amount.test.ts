import { checkAmountCents, checkPositiveAmountCents, formatCents } from '../../../src/domain/amount';

describe('checkAmountCents', () => {
  it.each([
    ['1 500,50', 150050],
    ['1500.5', 150050],
    ['1 500 €', 150000],
    ['1.500,50', 150050],
    ['1,500.50', 150050],
    ['1\u202f500,50', 150050], // narrow no-break space, as Intl writes it
    ['1\u00a0500,50\u00a0€', 150050],
    ['1500', 150000],
    ['0,5', 50],
    ['0', 0],
    ['1 000 000,00 EUR', 100000000],
    ['1.500.000', 150000000],
    ['€ 250', 25000],
    ['12,3', 1230],
  ])('%j → %d cents', (input, cents) => {
    expect(checkAmountCents(input)).toEqual({ ok: true, value: cents });
  });

  it.each([
    ['', 'Saisissez un montant en euros, par exemple 1 500,50'],
    ['mille', 'Saisissez un montant en euros, par exemple 1 500,50'],
    ['12a', 'Saisissez un montant en euros, par exemple 1 500,50'],
    ['1.50.0', 'Saisissez un montant en euros, par exemple 1 500,50'],
    ['-150', 'Saisissez un montant positif, par exemple 1 500,50'],
    ['1500,505', 'Saisissez au plus 2 chiffres après la virgule, par exemple 1 500,50'],
    ['1234.567', 'Saisissez au plus 2 chiffres après la virgule, par exemple 1 500,50'],
    // « 1.500 » is 1 500 € in Paris and 1,50 € in London: refused rather than guessed.
    ['1.500', 'Ce montant est ambigu : séparez les milliers par une espace, par exemple 1 500,50'],
    ['1,500', 'Ce montant est ambigu : séparez les milliers par une espace, par exemple 1 500,50'],
    ['1234567890123', 'Ce montant est trop grand : vérifiez-le, par exemple 1 500,50'],
  ])('rejects %j', (input, message) => {
    expect(checkAmountCents(input)).toEqual({ ok: false, message });
  });
});

describe('checkPositiveAmountCents', () => {
  it('refuses zero', () => {
    expect(checkPositiveAmountCents('0,00')).toEqual({
      ok: false,
      message: 'Saisissez un montant supérieur à zéro, par exemple 1 500,50',
    });
  });

  it('accepts a positive amount', () => {
    expect(checkPositiveAmountCents('1 500,50')).toEqual({ ok: true, value: 150050 });
  });
});

describe('formatCents', () => {
  it.each([
    [150050, '1\u202f500,50\u00a0€'],
    [5, '0,05\u00a0€'],
    [100000000, '1\u202f000\u202f000,00\u00a0€'],
  ])('%d → %j', (cents, shown) => {
    expect(formatCents(cents)).toBe(shown);
  });

  it('reads back what it writes', () => {
    expect(checkAmountCents(formatCents(150050))).toEqual({ ok: true, value: 150050 });
  });
});
