// .xlsx through exceljs's streaming reader, first sheet only, after checking what the archive
// inflates to (zip-guard). A cell reads as the text a person sees: a formula as its formula
// (« =A2&B2 », kept as text and never evaluated), a date as 05/01/2024, TRUE as « Oui ».
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FileRow, ImportFileError, isBlank, LIMITS, TOO_MANY_COLUMNS, TOO_MANY_ROWS } from './file-error';
import { checkXlsxArchive } from './zip-guard';

type Cell = { value: unknown; numFmt?: string };

function textOf(cell: Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    // A postal code or SIREN typed as a number, shown with its zeros by a « 00000 » format.
    const zeros = /^0+$/.exec(cell.numFmt ?? '');
    const text = String(v);
    return zeros && Number.isInteger(v) ? text.padStart(zeros[0].length, '0') : text;
  }
  if (typeof v === 'boolean') return v ? 'Oui' : 'Non';
  if (v instanceof Date) return v.toLocaleDateString('fr-FR', { timeZone: 'UTC' });
  if (typeof v === 'object') {
    const o = v as {
      formula?: string;
      sharedFormula?: string;
      richText?: { text: string }[];
      text?: unknown;
      error?: string;
    };
    if (o.formula || o.sharedFormula) return `=${o.formula ?? o.sharedFormula}`;
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return typeof o.text === 'string' ? o.text : textOf({ value: o.text });
    if (o.error) return o.error;
  }
  return String(v);
}

export async function readXlsx(bytes: Buffer): Promise<FileRow[]> {
  await checkXlsxArchive(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: FileRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > LIMITS.columns) throw new ImportFileError(400, TOO_MANY_COLUMNS);
          cells[col - 1] = textOf(cell);
        });
        if (isBlank(cells)) continue;
        // The row's own number, as the spreadsheet shows it, whatever empty rows there were.
        rows.push({ line: row.number, cells: Array.from(cells, (c) => c ?? '') });
        if (rows.length > LIMITS.rows + 1) throw new ImportFileError(413, TOO_MANY_ROWS);
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError(
      400,
      'Ce classeur Excel (.xlsx) est illisible : enregistrez-le à nouveau au format .xlsx ou CSV.',
    );
  }
  return rows;
}
