// Mes clients' URL: keyset cursors and « Rechercher »'s words, read and written without a database.
import {
  decodeCursor,
  encodeCursor,
  listHref,
  parseListQuery,
  searchTermsOf,
} from '../../../src/clients/list/query';

import { sortColumnsOf } from '../../../src/clients/list/repository';

const widths = { staff: false, sortColumns: sortColumnsOf };
const ONE = ['sort_name'];
const TWO = ['state', 'updated_at'];

describe('cursors', () => {
  it.each([
    [{ values: ['boulangerie martin'], id: 12 }, ONE],
    [{ values: ['draft', '2026-01-01T10:00:00.000Z'], id: 3 }, TWO],
    [{ values: ['«;»&?=é'], id: 1 }, ONE],
  ])('reads back what it wrote: %j', (cursor, width) => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[\w-]+$/); // safe in a URL as it is
    expect(decodeCursor(text, width)).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', 'nimportequoi'],
    ['the wrong width for the sort', encodeCursor({ values: ['a', 'b'], id: 1 })],
    ['an id that is not an integer', Buffer.from('["a", 1.5]').toString('base64url')],
    ['a negative id', Buffer.from('["a", -1]').toString('base64url')],
    ['a value that is not a string', Buffer.from('[12, 1]').toString('base64url')],
    ['an object', Buffer.from('{"values":["a"],"id":1}').toString('base64url')],
    ['far too long', 'a'.repeat(1001)],
    ['empty', ''],
  ])('ignores %s', (_what, text) => {
    expect(decodeCursor(text, ONE)).toBeUndefined();
  });

  it('keeps the cursor of its own sort only, in the list’s URL', () => {
    const after = encodeCursor({ values: ['x'], id: 4 });
    const query = parseListQuery({ tri: 'raison-sociale', ordre: 'asc', apres: after }, widths);
    expect(query.after).toEqual({ values: ['x'], id: 4 });
    expect(parseListQuery({ tri: 'etat', apres: after }, widths).after).toBeUndefined();
    expect(listHref(query)).toBe('/clients?tri=raison-sociale&ordre=asc');
    expect(listHref(query, { after: query.after })).toBe(
      `/clients?tri=raison-sociale&ordre=asc&apres=${after}`,
    );
  });

  it('gives the partner filter to staff only, and ignores unknown sorts and orders', () => {
    expect(parseListQuery({ partenaire: '7' }, widths).partnerId).toBeUndefined();
    expect(parseListQuery({ partenaire: '7' }, { ...widths, staff: true }).partnerId).toBe(7);
    expect(parseListQuery({ partenaire: '-7' }, { ...widths, staff: true }).partnerId).toBeUndefined();
    const odd = parseListQuery({ tri: 'mot_de_passe', ordre: 'sideways', q: ['a', 'b'] }, widths);
    expect(odd).toMatchObject({ sort: 'modifie', order: 'desc', q: '' });
  });
});

describe('searchTermsOf', () => {
  it.each([
    ['École  de Musique', ['ecole', 'de', 'musique']],
    ['Saint-Avertin', ['saint', 'avertin']],
    ['Łódź', ['lodz']],
    ['732 829 320', ['732829320']],
    ['552.081.317', ['552081317']],
    ['2024-11 abc', ['2024', '11', 'abc']],
    ['zenith zenith', ['zenith']],
  ])('looks for « %s » as %j', (q, words) => {
    expect(searchTermsOf(q)).toEqual({ words, tooShort: false });
  });

  it('refuses a search with no word of 3 characters, and looks for nothing when empty', () => {
    expect(searchTermsOf('ab cd')).toEqual({ words: [], tooShort: true });
    expect(searchTermsOf('   ')).toEqual({ words: [], tooShort: false });
  });
});
