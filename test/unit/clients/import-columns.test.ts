import { importColumns, matchHeaders, suggestedField } from '../../../src/clients/import/columns';

describe('matching a file’s headers to the fields', () => {
  it('reads the model’s own headers, whatever their case, accents, « * » and spaces', () => {
    const headers = importColumns().map((c) => c.header);
    expect(matchHeaders(headers)).toEqual(importColumns().map((c) => c.key));
    expect(matchHeaders(['RAISON SOCIALE *', 'reference client', 'Site principal : code  postal'])).toEqual([
      '1.raisonSociale',
      '1.reference',
      '2.postalCode',
    ]);
  });

  it('reads a label two steps share, written without its section, as the first step’s not named elsewhere', () => {
    expect(matchHeaders(['Raison sociale', 'Code postal', 'Téléphone'])).toEqual([
      '1.raisonSociale',
      '2.postalCode',
      '2.phone',
    ]);
    // Twice: the main site's, then the billing point's.
    expect(matchHeaders(['Code postal', 'Code postal'])).toEqual(['2.postalCode', '3.postalCode']);
    // The section named elsewhere in the file keeps its field: the bare label takes the next one.
    expect(matchHeaders(['Site principal : Code postal', 'Code postal'])).toEqual([
      '2.postalCode',
      '3.postalCode',
    ]);
  });

  it('leaves unknown headers and a repeated header to the mapping page', () => {
    expect(matchHeaders(['Raison sociale', 'Raison sociale', 'Notes', ''])).toEqual([
      '1.raisonSociale',
      null,
      null,
      null,
    ]);
  });
});

describe('the field the mapping page proposes for a header it does not know', () => {
  it.each([
    ['Ville', '2.city'],
    ['CP', '2.postalCode'],
    ['Réf.', '1.reference'],
    ['Société', '1.raisonSociale'],
    ['Tél. portable', '4.mobile'],
    ['TÉL', '2.phone'],
  ])('« %s » → %s', (header, key) => {
    expect(suggestedField(header, new Set())).toBe(key);
  });

  it('proposes a field taken by another column to none: the next one that declares the header, or nothing', () => {
    expect(suggestedField('Ville', new Set(['2.city']))).toBe('3.city');
    expect(suggestedField('Ville', new Set(['2.city', '3.city']))).toBeUndefined();
    expect(suggestedField('Notes internes', new Set())).toBeUndefined();
  });
});
