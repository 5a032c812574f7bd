// CSV as French Excel writes it: UTF-8 with or without BOM, or Windows-1252 (« CSV (séparateur :
// point-virgule) »); « ; » or « , » (or a tab) between cells; quoted cells may hold line breaks.
// csv-parse does the parsing (quotes, doubled quotes, line breaks in cells); iconv-lite the decoding.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { FileRow, ImportFileError, isBlank, LIMITS, TOO_MANY_COLUMNS, TOO_MANY_ROWS } from './file-error';

const UNDECODABLE =
  'Le fichier contient des caractères illisibles : enregistrez-le depuis votre tableur au format « CSV UTF-8 » ou « CSV (séparateur : point-virgule) ».';

/** Any C0 control character but tab, line feed and carriage return, or DEL. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM says so too), otherwise Windows-1252. */
export function decodeCsv(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Windows-1252 gives a character to every byte but five: iconv-lite turns those into U+FFFD.
    text = iconv.decode(bytes, 'win1252');
    if (text.includes('\uFFFD')) throw new ImportFileError(400, UNDECODABLE);
  }
  // TextDecoder drops a leading BOM; a NUL or another control character means it is not text.
  if (hasControlCharacter(text)) throw new ImportFileError(400, UNDECODABLE);
  return text;
}

/** The separator of the header line (outside quotes): whichever of ; , and tab it holds most. */
function separatorOf(text: string): string {
  const counts = new Map([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ';';
}

export function readCsv(bytes: Buffer): FileRow[] {
  let text = decodeCsv(bytes);
  // Excel honours (and some tools write) a first line « sep=; ».
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  const delimiter = sep ? sep[1]! : separatorOf(text);
  const rows: FileRow[] = [];
  let line = 0;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
      // Bounds the work on a hostile file as it is read: a row too wide, or too many rows, stop
      // the parsing there. Empty lines are rows too, as a spreadsheet numbers them.
      on_record: (record: string[]) => {
        line += 1;
        if (record.length > LIMITS.columns) throw new ImportFileError(400, TOO_MANY_COLUMNS);
        if (isBlank(record)) return null;
        rows.push({ line, cells: record });
        if (rows.length > LIMITS.rows + 1) throw new ImportFileError(413, TOO_MANY_ROWS);
        return null;
      },
    });
    return rows;
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof ImportFileError) throw cause;
    throw new ImportFileError(
      400,
      `Le fichier CSV est mal formé (${(err as Error).message.split(':')[0]}) : enregistrez-le à nouveau depuis votre tableur.`,
    );
  }
}
