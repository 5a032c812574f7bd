// One cell of the CSV export, as French Excel reads it.
import { csvCell, csvLine } from '../../../src/clients/list/export';

describe('csvCell', () => {
  it.each([
    ['Boulangerie Martin', 'Boulangerie Martin'],
    ['12 rue « la Paix »', '12 rue « la Paix »'],
    ['Martin; fils', '"Martin; fils"'],
    ['Le "Zénith"', '"Le ""Zénith"""'],
    ['ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['', ''],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['=1+1', '+33 1 23', '-2', '@SUM(A1)', '\tx', '\rx'])(
    'keeps %j as text, never as a formula',
    (value) => {
      expect(
        csvCell(value)
          .replace(/^"/, '')
          .startsWith(`'${value.slice(0, 1)}`),
      ).toBe(true);
    },
  );

  it('neutralises a formula that also needs quotes', () => {
    expect(csvCell('=HYPERLINK("x";"y")')).toBe('"\'=HYPERLINK(""x"";""y"")"');
  });
});

describe('csvLine', () => {
  it('separates cells with « ; » and ends with CRLF', () => {
    expect(csvLine(['a', 'b;c', ''])).toBe('a;"b;c";\r\n');
  });
});
