// What the list keeps of a customer's answers: the search text and the sort keys.
import { listKeysOf, searchTextOf } from '../../../src/clients/fields/derived';

describe('listKeysOf', () => {
  it.each([
    ['Boulangerie  Martin', 'boulangerie martin'],
    ['Saint–Avertin Conseil', 'saint avertin conseil'],
    ['Dvořák Musique', 'dvorak musique'],
    ['Łódź Café', 'lodz cafe'],
    ['Ørsted Énergie', 'orsted energie'],
    ['École de musique Cœur', 'ecole de musique coeur'],
    ['L’Atelier d’Anaïs', 'l atelier d anais'],
  ])('sorts « %s » as %j', (raisonSociale, key) => {
    expect(listKeysOf({ 1: { raisonSociale } }).sort_name).toBe(key);
  });

  it('keys every sortable column, from the main site’s commune and never the billing point’s', () => {
    expect(
      listKeysOf({
        1: { raisonSociale: 'Zénith', reference: ' ABC-2024-117 ', siren: '732 829 320' },
        2: { city: 'Saint-Avertin', siret: '732 829 320 00074' },
        3: { city: 'Paris' },
      }),
    ).toEqual({
      search_text: 'zenith abc 2024 117 732829320 73282932000074 saint avertin',
      sort_name: 'zenith',
      sort_reference: 'abc-2024-117',
      sort_siren: '732829320',
      sort_city: 'saint avertin',
    });
  });

  it('gives empty keys, never missing ones, for a draft with nothing yet', () => {
    expect(listKeysOf({})).toEqual({
      search_text: '',
      sort_name: '',
      sort_reference: '',
      sort_siren: '',
      sort_city: '',
    });
  });
});

describe('searchTextOf', () => {
  it('holds the SIREN and SIRET as digits alone, so that any grouping finds them', () => {
    expect(searchTextOf({ 1: { siren: '732.829.320' }, 2: { siret: '732 829 320 00074' } })).toBe(
      '732829320 73282932000074',
    );
  });
});
