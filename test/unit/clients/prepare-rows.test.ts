// A large preview's rows checked on two threads give exactly what the main thread alone gives, in
// the file's order, and still do when the helper thread is lost halfway.
import { importColumns } from '../../../src/clients/import/columns';
import type { FileRow } from '../../../src/clients/import/file-error';
import {
  prepareRows,
  rowsCheckedByHelper,
  stopPrepareHelper,
} from '../../../src/clients/import/prepare-rows';
import { exampleCells } from '../../../src/clients/import/template';

jest.setTimeout(60_000);

const columns = importColumns();
const headers = columns.map((c) => c.header);
const mapping = columns.map((c) => c.key);
const at = (key: string) => mapping.indexOf(key);

/** Valid rows, drafts (a wrong phone, a postal code with several communes), and skipped ones. */
function mixedRows(count: number): FileRow[] {
  return Array.from({ length: count }, (_, i) => {
    const cells = [...exampleCells()];
    cells[at('1.reference')] = i % 97 === 0 ? '' : `REF-${i}`;
    cells[at('1.raisonSociale')] = `Client ${i}`;
    if (i % 5 === 1) cells[at('2.phone')] = '02 47';
    if (i % 7 === 2) [cells[at('2.postalCode')], cells[at('2.city')]] = ['01400', ''];
    return { line: i + 2, cells };
  });
}

afterAll(() => stopPrepareHelper());

test('the helper thread changes nothing in what each row becomes', async () => {
  const rows = mixedRows(1200);
  const alone = await prepareRows(rows, headers, mapping, 0);
  const shared = await prepareRows(rows, headers, mapping, 1);
  expect(rowsCheckedByHelper()).toBeGreaterThan(0);
  expect(shared).toEqual(alone);
  expect(new Set(alone.map((r) => r.outcome))).toEqual(new Set(['create', 'skipped']));
  expect(alone.some((r) => r.outcome === 'create' && r.state === 'draft')).toBe(true);
  expect(alone.some((r) => r.outcome === 'create' && r.state === 'active')).toBe(true);
});

test('rows the helper held when it stopped are checked on the main thread', async () => {
  const rows = mixedRows(1500);
  const alone = await prepareRows(rows, headers, mapping, 0);
  const sharing = prepareRows(rows, headers, mapping, 1);
  // Stopped while it holds chunks: they come back to the main thread.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await stopPrepareHelper();
  expect(await sharing).toEqual(alone);
});
