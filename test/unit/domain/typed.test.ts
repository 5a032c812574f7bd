// Issue 9, class 7: full-width digits and spaces (Asian input methods) and tabs (pasted from a spreadsheet)
// are normalised like the ordinary spaces every identifier already tolerates: NFKC first, then each check.
import fc from 'fast-check';
import {
  checkAmountCents,
  checkBic,
  checkIban,
  checkPhone,
  checkPostalCode,
  checkSiren,
  checkSiret,
  normaliseTyped,
  phoneRegionFor,
} from '../../../src/domain';

/** What an IME in full-width mode types for an ASCII string: digits, letters and the space shifted. */
const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

describe('full-width characters and tabs in identifiers', () => {
  it('are read like the ASCII digits and spaces, in every identifier', () => {
    expect(checkSiren(fullWidth('732 829 320'))).toEqual({ ok: true, value: '732829320' });
    expect(checkSiren('732\t829\t320')).toEqual({ ok: true, value: '732829320' });
    expect(checkSiret(fullWidth('732 829 320 00074'))).toEqual({ ok: true, value: '73282932000074' });
    expect(checkSiret('732829320\t00074', '732829320')).toEqual({ ok: true, value: '73282932000074' });
    expect(checkPhone(fullWidth('02 47 27 12 34'), 'FR')).toEqual({ ok: true, value: '+33247271234' });
    expect(checkPhone('0596\t63\t12\t34', 'MQ')).toEqual({ ok: true, value: '+596596631234' });
    expect(checkPostalCode(fullWidth('37550'), 'FR')).toEqual({ ok: true, value: '37550' });
    expect(checkPostalCode('97\t200', 'FR')).toEqual({ ok: true, value: '97200' });
    expect(phoneRegionFor('FR', fullWidth('97200'))).toBe('MQ');
    expect(checkIban(fullWidth('FR76 3000 6000 0112 3456 7890 189'))).toEqual({
      ok: true,
      value: 'FR7630006000011234567890189',
    });
    expect(checkIban('FR76\t3000\t6000\t0112\t3456\t7890\t189').ok).toBe(true);
    expect(checkBic(fullWidth('BNPA FR PP'))).toEqual({ ok: true, value: 'BNPAFRPP' });
    expect(checkAmountCents(fullWidth('1 500,50'))).toEqual({ ok: true, value: 150050 });
  });

  it('generated: any SIREN typed in full width, grouped by spaces or tabs, reads as its digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.constantFrom(' ', '\t', '\u3000', ''), (digits, sep) => {
        const grouped = digits.replace(/(\d{3})(?=\d)/g, `$1${sep}`);
        expect(checkSiren(fullWidth(grouped))).toEqual(checkSiren(digits));
      }),
    );
  });

  it('leaves ordinary text alone', () => {
    expect(normaliseTyped('Saint-Avertin 37550')).toBe('Saint-Avertin 37550');
  });
});
