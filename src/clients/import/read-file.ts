// Which reader a file needs, told by its first bytes rather than by its name alone: an .xlsx is a
// zip archive (PK), an old .xls a compound document; anything else named .csv is read as CSV.
import { EMPTY_FILE, FileRow, ImportFileError } from './file-error';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export type ReadFile = { headers: string[]; rows: FileRow[] };

const WRONG_TYPE =
  'Choisissez un fichier CSV (.csv) ou Excel (.xlsx) : les autres formats ne peuvent pas être importés.';
const OLD_EXCEL =
  'Les classeurs Excel 97-2003 (.xls) ne peuvent pas être importés : enregistrez le fichier au format .xlsx ou CSV.';

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readImportFile(fileName: string, bytes: Buffer): Promise<ReadFile> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (bytes.length === 0) throw new ImportFileError(400, EMPTY_FILE);
  const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  const ole = startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]);
  if (ole || extension === 'xls') throw new ImportFileError(415, OLD_EXCEL);
  let rows: FileRow[];
  if (extension === 'xlsx' && zip) rows = await readXlsx(bytes);
  else if ((extension === 'csv' || extension === 'txt') && !zip) rows = readCsv(bytes);
  else throw new ImportFileError(415, WRONG_TYPE);
  const [header, ...data] = rows;
  if (!header || data.length === 0) throw new ImportFileError(400, EMPTY_FILE);
  return { headers: header.cells.map((h) => h.trim()), rows: data };
}
