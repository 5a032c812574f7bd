// The overseas territories' own numbers: never turned into metropolitan ones (issue 9, classes 2 and 3).
import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { checkPhone } from '../../../src/domain/phone';
import { overseasPhonePlanOf, overseasPhonePlans, overseasTerritories } from '../../../src/domain/overseas';

const ALL_PREFIXES = overseasPhonePlans.flatMap((plan) =>
  [...plan.fixed, ...plan.mobile, ...plan.voip].map((prefix) => ({ plan, prefix })),
);
/** Addresses in the French numbering plan, metropolitan and overseas, and Saint-Pierre-et-Miquelon's own. */
const FRENCH_ADDRESSES: CountryCode[] = ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'BL', 'MF', 'PM'];

describe('the overseas prefixes (ARCEP plan)', () => {
  it('holds each prefix the issue names, in its territory', () => {
    const territory = (prefix: string) => overseasPhonePlanOf(`${prefix}123456`)?.regions[0];
    expect(['0590', '0690', '0691'].map(territory)).toEqual(['GP', 'GP', 'GP']);
    expect(['0596', '0696', '0697'].map(territory)).toEqual(['MQ', 'MQ', 'MQ']);
    expect(['0594', '0694'].map(territory)).toEqual(['GF', 'GF']);
    expect(['0262', '0263', '0692', '0693'].map(territory)).toEqual(['RE', 'RE', 'RE', 'RE']);
    expect(['0269', '0639'].map(territory)).toEqual(['YT', 'YT']);
    expect(['0145', '0612', '0247', '0975'].map(territory)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('gives each prefix to one territory only', () => {
    const prefixes = ALL_PREFIXES.map((p) => p.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const { prefix } of ALL_PREFIXES) {
      const shadowed = prefixes.filter((other) => other !== prefix && other.startsWith(prefix));
      expect({ prefix, shadowed }).toEqual({ prefix, shadowed: [] });
    }
  });

  // Guards the table against a libphonenumber release that moves a block: every prefix must still hold
  // numbers valid in its own territory and in no metropolitan mobile range.
  it.each(ALL_PREFIXES.map((p) => [p.prefix, p.plan.regions[0]!] as const))(
    '%s holds valid numbers of %s',
    (prefix, region) => {
      const free = Math.min(3, 10 - prefix.length);
      const valid = Array.from({ length: 10 ** free }, (_, i) =>
        `${prefix}${String(i).padStart(free, '0')}`.padEnd(10, '0'),
      ).filter((n) => parsePhoneNumberFromString(n, region)?.isValid());
      expect(valid.length).toBeGreaterThan(0);
    },
  );

  it.each(overseasTerritories.map((t) => [t.code, t.fixedPhoneExample] as const))(
    'the landline example of %s (%s) is a valid landline there',
    (code, example) => {
      const number = parsePhoneNumberFromString(example, code as CountryCode);
      expect(number?.isValid()).toBe(true);
      expect(['FIXED_LINE', 'FIXED_LINE_OR_MOBILE']).toContain(number?.getType());
    },
  );
});

describe('overseas numbers are never metropolitan', () => {
  it.each([
    // Unallocated blocks, which libphonenumber's metropolitan data would accept as +33 numbers.
    ['0596 11 12 34', 'MQ', 'en Martinique', '0596 30 12 34'],
    ['0596 11 12 34', 'FR', 'en Martinique', '0596 30 12 34'],
    ['0263 99 12 34', 'RE', 'à La Réunion', '0262 16 12 34'],
    ['0269 99 12 34', 'YT', 'à Mayotte', '0269 60 12 34'],
    ['0269 99 12 34', 'FR', 'à Mayotte', '0269 60 12 34'],
    ['0590 71 12 34', 'GP', 'en Guadeloupe, à Saint-Barthélemy ou à Saint-Martin', '0590 20 12 34'],
    ['0594 70 12 34', 'RE', 'en Guyane', '0594 10 12 34'],
  ] as const)('refuses %j at a %s address, naming the territory', (input, region, where, example) => {
    expect(checkPhone(input, region)).toEqual({
      ok: false,
      message: `Ce numéro n'existe pas ${where} : saisissez un numéro de téléphone valide, par exemple ${example}`,
    });
  });

  it.each([
    ['0596 63 12 34', 'FR', '+596596631234'],
    ['0269 61 12 34', 'FR', '+262269611234'],
    ['0263 10 12 34', 'FR', '+262263101234'],
    ['0639 01 23 45', 'RE', '+262639012345'],
    // The metropolitan code put before an overseas number by mistake.
    ['+33 596 63 12 34', 'FR', '+596596631234'],
    ['0033 (0)262 40 12 34', 'MQ', '+262262401234'],
    // VoIP blocks of the territories.
    ['0939 51 12 34', 'FR', '+590939511234'],
    ['0976 60 12 34', 'FR', '+596976601234'],
    // Saint-Barthélemy's landlines, valid in Saint-Barthélemy's data and not in Guadeloupe's.
    ['0590 27 12 34', 'GP', '+590590271234'],
  ] as const)('reads %j at a %s address in its territory: %s', (input, region, value) => {
    expect(checkPhone(input, region)).toEqual({ ok: true, value });
  });

  it('names the territory when an overseas mobile number is too short', () => {
    expect(checkPhone('0692 12 34', 'FR', { mobile: true })).toEqual({
      ok: false,
      message: 'Ce numéro est trop court : saisissez un numéro de mobile valide, par exemple 0692 12 34 56',
    });
  });

  it('leaves a foreign country its own numbers that begin like an overseas one', () => {
    expect(checkPhone('0596 63 12 34', 'DE')).toEqual({ ok: true, value: '+49596631234' });
  });

  it('generated: a number with an overseas prefix is read in its territory or refused, never +33', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_PREFIXES),
        fc.constantFrom(...FRENCH_ADDRESSES),
        fc.stringMatching(/^\d{6}$/),
        fc.constantFrom('', ' ', '.'),
        ({ plan, prefix }, region, digits, separator) => {
          const national = `${prefix}${digits}`.slice(0, 10);
          const typed = national.replace(/(\d\d)(?=\d)/g, `$1${separator}`);
          const result = checkPhone(typed, region);
          if (result.ok) {
            const number = parsePhoneNumberFromString(result.value)!;
            expect(plan.regions).toContain(number.country);
            expect(result.value.startsWith('+33')).toBe(false);
          } else {
            expect(result.message).toContain(plan.inName);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('generated: a valid metropolitan number at an overseas address falls back to +33', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('01', '02', '03', '04', '05', '06', '07', '09'),
        fc.stringMatching(/^\d{8}$/),
        fc.constantFrom<CountryCode>('GP', 'MQ', 'GF', 'RE', 'YT'),
        (head, tail, region) => {
          const national = `${head}${tail}`;
          const metropolitan = parsePhoneNumberFromString(national, 'FR');
          fc.pre(metropolitan?.isValid() === true && overseasPhonePlanOf(national) === undefined);
          expect(checkPhone(national, region)).toEqual({ ok: true, value: metropolitan.number });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('examples come from the territory of the address', () => {
  it.each([
    ['FR', 'Saisissez un numéro de téléphone, par exemple 01 45 45 32 45'],
    ['GP', 'Saisissez un numéro de téléphone, par exemple 0590 20 12 34'],
    ['MQ', 'Saisissez un numéro de téléphone, par exemple 0596 30 12 34'],
    ['GF', 'Saisissez un numéro de téléphone, par exemple 0594 10 12 34'],
    ['RE', 'Saisissez un numéro de téléphone, par exemple 0262 16 12 34'],
    ['YT', 'Saisissez un numéro de téléphone, par exemple 0269 60 12 34'],
    ['BL', 'Saisissez un numéro de téléphone, par exemple 0590 27 12 34'],
    ['NC', 'Saisissez un numéro de téléphone, par exemple +687 20 12 34'],
  ] as const)('an empty phone at a %s address', (region, message) => {
    expect(checkPhone('', region)).toEqual({ ok: false, message });
  });

  it.each([
    ['RE', 'Saisissez un numéro de mobile, par exemple 0692 12 34 56'],
    ['YT', 'Saisissez un numéro de mobile, par exemple 0639 01 23 45'],
  ] as const)('an empty mobile at a %s address', (region, message) => {
    expect(checkPhone('', region, { mobile: true })).toEqual({ ok: false, message });
  });
});
