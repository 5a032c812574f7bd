import { importColumns, matchHeaders } from '../../../src/clients/import/columns';

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
