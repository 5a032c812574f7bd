// A file the import cannot read: what the person is told, with the HTTP status that says why
// (400 unreadable, 413 over the limits, 415 not a spreadsheet).
export class ImportFileError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export const LIMITS = {
  bytes: 5 * 1024 * 1024,
  rows: 10_000,
  /** The model has 55; a spreadsheet with a few notes in extra columns stays far below. */
  columns: 200,
  /** What an .xlsx may inflate to: a 5 MB file of 10,000 rows inflates to about 30 MB. */
  inflatedBytes: 100 * 1024 * 1024,
} as const;

export const TOO_MANY_ROWS = `Le fichier compte plus de ${LIMITS.rows.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers et importez-les l’un après l’autre.`;
export const TOO_MANY_COLUMNS = `Une ligne du fichier compte plus de ${LIMITS.columns} colonnes : gardez les colonnes du modèle et supprimez les autres.`;
export const EMPTY_FILE =
  'Le fichier est vide : il doit contenir une ligne d’en-têtes, puis une ligne par client.';

/** One row of the file, with its number as a spreadsheet shows it (the header row is 1). */
export type FileRow = { line: number; cells: string[] };

export const isBlank = (cells: (string | undefined)[]): boolean => cells.every((c) => !c || c.trim() === '');
