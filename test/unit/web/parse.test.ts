import { parseId, parseVersion, storableBody, storableText } from '../../../src/web/parse';
import { safeNextPath } from '../../../src/auth/safe-redirect';

describe('parseId and parseVersion', () => {
  it.each([
    ['1', 1],
    ['2147483647', 2147483647],
    ['2147483648', undefined],
    ['99999999999', undefined],
    ['0', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['1e3', undefined],
    ['abc', undefined],
    [' 1', undefined],
    ['', undefined],
    [['1', '2'], undefined],
  ])('id %p → %p', (value, expected) => {
    expect(parseId(value)).toBe(expected);
  });

  it.each([
    ['0', 0],
    ['12', 12],
    ['1e309', undefined],
    ['1.5', undefined],
    ['abc', undefined],
  ])('version %p → %p', (value, expected) => {
    expect(parseVersion(value)).toBe(expected);
  });
});

describe('storableText', () => {
  it('removes NUL characters and replaces a lone half of a surrogate pair, keeping the rest', () => {
    expect(storableText('Boulan\u0000gerie')).toBe('Boulangerie');
    expect(storableText('a\uD800b')).toBe('a\uFFFDb');
    expect(storableText('🥖 Boulangerie')).toBe('🥖 Boulangerie');
  });

  it('says when a form had to be cleaned', () => {
    expect(storableBody({ a: 'x\u0000', b: ['y', 'z\u0000'] })).toEqual({
      body: { a: 'x', b: ['y', 'z'] },
      cleaned: true,
    });
    expect(storableBody({ a: 'x' }).cleaned).toBe(false);
  });
});

describe('safeNextPath', () => {
  it.each([
    '/.//evil.example',
    '/..//evil.example',
    '/%2e%2e//evil.example',
    '/./%2E%2E//evil.example',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/',
    'evil.example',
  ])('%p falls back to Mes clients', (next) => {
    expect(safeNextPath(next)).toBe('/clients');
  });

  it.each([
    ['/clients/12/etape/2', '/clients/12/etape/2'],
    ['/clients?etat=brouillon&q=a%20b', '/clients?etat=brouillon&q=a%20b'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('%p stays on the site', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
