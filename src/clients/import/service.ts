// « Importer des clients »: read the file, match its columns, preview what each row will become,
// then, on confirmation, write the customers in batches, each batch one transaction.
import type { User } from '../../auth/users-repository';
import type { FieldError } from '../fields/types';
import type { ClientsRepository } from '../repository';
import { nameOf } from '../model';
import { columnByKey, matchHeaders, RAISON_SOCIALE, REFERENCE, shortHeader, suggestedField } from './columns';
import { FileRow, ImportFileError } from './file-error';
import {
  headerFor,
  missingColumns,
  PreparedCustomer,
  PreviewSummary,
  Problem,
  SHOWN_PROBLEMS,
} from './prepare';
import { prepareRows, warmPrepareHelper } from './prepare-rows';
import { readImportFile } from './read-file';
import type { ImportRecord, ImportsRepository, StoredRow } from './repository';

const RAISON_SOCIALE_HEADER = columnByKey(RAISON_SOCIALE)!.header;
/** The columns a refusal names, so that the person sees which header to rename. */
const NAMED_HEADERS = 12;
const quoted = (header: string) => `« ${shortHeader(header)} »`;

/** The file has no « Raison sociale »: say so, and which headers it has, the one to rename among them. */
function noRaisonSociale(headers: string[]): string {
  const named = headers.filter((h) => h !== '');
  const list = named.slice(0, NAMED_HEADERS).map(quoted);
  const more = named.length > NAMED_HEADERS ? ', …' : '';
  // A header that suggests it (« Société »): named, as the one to rename if it is.
  const likely = named.find((h) => suggestedField(h, new Set()) === RAISON_SOCIALE);
  const read = likely
    ? ` Renommez ${quoted(likely)} en « ${RAISON_SOCIALE_HEADER} » si cette colonne porte le nom de vos clients.`
    : list.length
      ? ` Renommez en « ${RAISON_SOCIALE_HEADER} » la colonne qui porte le nom de vos clients ; celles du fichier : ${list.join(', ')}${more}.`
      : '';
  return `Le fichier n’a pas de colonne « ${RAISON_SOCIALE_HEADER} » : sa première ligne doit porter les en-têtes du modèle (téléchargez-le pour les voir).${read}`;
}
/** Rows written per transaction: short enough never to hold SQLite's one connection for long. */
const BATCH = 500;

/** The file's columns that match no field, by index: the mapping page asks about them. */
export const unmatchedColumns = (headers: string[], mapping: (string | null)[]): number[] =>
  headers.flatMap((h, i) => (mapping[i] === null && h !== '' ? [i] : []));

export function importService(deps: {
  imports: ImportsRepository;
  clients: ClientsRepository;
  /** From how many rows a preview also checks them on a helper thread (prepare-rows.ts); 0: never. */
  helperFromRows: number;
}) {
  const { imports, clients, helperFromRows } = deps;

  /** What each row becomes: the preview's counts and problems, and the customers to write. */
  async function preview(companyId: number, headers: string[], mapping: (string | null)[], rows: FileRow[]) {
    const prepared = await prepareRows(rows, headers, mapping, helperFromRows);
    const creates = prepared.flatMap((p) => (p.outcome === 'create' ? [p.reference] : []));
    const used = await imports.referencesInUse(companyId, creates);
    const referenceHeader = headerFor(headers, mapping, REFERENCE);
    const firstLine = new Map<string, number>();
    const problems: Problem[] = [];
    const toWrite: StoredRow[] = [];
    const summary: PreviewSummary = {
      active: 0,
      draft: 0,
      skipped: 0,
      problemCount: 0,
      problems: [],
      missing: [],
    };
    for (const p of prepared) {
      if (p.outcome === 'skipped') {
        summary.skipped += 1;
        problems.push(...p.problems);
        continue;
      }
      const skip = (message: string) => {
        summary.skipped += 1;
        problems.push({ line: p.line, column: referenceHeader, message });
      };
      const owner = used.get(p.reference);
      const earlier = firstLine.get(p.reference);
      if (owner !== undefined) {
        skip(
          `La référence « ${p.reference} » est déjà celle de votre client « ${nameOf({ raisonSociale: owner })} » : ligne ignorée.`,
        );
      } else if (earlier !== undefined) {
        skip(`La référence « ${p.reference} » figure déjà ligne ${earlier} du fichier : ligne ignorée.`);
      } else {
        firstLine.set(p.reference, p.line);
        summary[p.state] += 1;
        problems.push(...p.problems);
        toWrite.push({ line: p.line, json: p.json });
      }
    }
    summary.problemCount = problems.length;
    summary.problems = problems.slice(0, SHOWN_PROBLEMS);
    summary.missing = missingColumns(mapping);
    return { summary, toWrite };
  }

  return {
    /** The upload form is open: its file may be large, so the helper thread starts warming. */
    expectUpload(): void {
      if (helperFromRows > 0) warmPrepareHelper();
    },

    /** The partner's import, or undefined (another partner's, or expired). */
    find: (id: number, companyId: number) => imports.find(id, companyId),

    /** Reads an uploaded file into a new import; throws ImportFileError, writing nothing, if it cannot. */
    async upload(user: User, fileName: string, bytes: Buffer): Promise<number> {
      const file = await readImportFile(fileName, bytes);
      const mapping = matchHeaders(file.headers);
      if (!mapping.includes(RAISON_SOCIALE)) throw new ImportFileError(400, noRaisonSociale(file.headers));
      await imports.dropExpired();
      const base = { companyId: user.companyId, userId: user.id, fileName, headers: file.headers, mapping };
      if (unmatchedColumns(file.headers, mapping).length) {
        const rows = file.rows.map((r) => ({ line: r.line, json: JSON.stringify(r.cells) }));
        return imports.create({ ...base, status: 'mapping', rows });
      }
      const { summary, toWrite } = await preview(user.companyId, file.headers, mapping, file.rows);
      return imports.create({ ...base, status: 'preview', preview: summary, rows: toWrite });
    },

    /**
     * The fields chosen on the mapping page for the columns no header matched (each a field, or
     * '' for « Ignorer »); errors when a field is chosen twice or is not one.
     */
    async applyMapping(record: ImportRecord, chosen: Record<number, string>): Promise<FieldError[]> {
      const mapping = [...record.mapping];
      const errors: FieldError[] = [];
      for (const i of unmatchedColumns(record.headers, record.mapping)) {
        const key = chosen[i] ?? '';
        if (key === '') continue;
        const column = columnByKey(key);
        const taken = mapping.indexOf(key);
        if (!column) {
          errors.push({
            field: `colonne-${i}`,
            message: `Choisissez un champ dans la liste, ou « Ignorer », pour la colonne ${quoted(record.headers[i] ?? '')}`,
          });
        } else if (taken >= 0) {
          errors.push({
            field: `colonne-${i}`,
            message: `« ${column.header} » est déjà lu dans la colonne ${quoted(record.headers[taken] ?? '')} : choisissez un autre champ, ou « Ignorer », pour la colonne ${quoted(record.headers[i] ?? '')}`,
          });
        } else {
          mapping[i] = key;
        }
      }
      if (errors.length) return errors;
      const raw = await imports.rows<string[]>(record.id);
      const rows = raw.map((r) => ({ line: r.line, cells: r.payload }));
      const { summary, toWrite } = await preview(record.companyId, record.headers, mapping, rows);
      await imports.toPreview(record.id, { mapping, preview: summary, rows: toWrite });
      return [];
    },

    /**
     * Writes the previewed customers, a batch per transaction, each batch recording how far it got
     * so that a confirmation cut short resumes there. Only one request runs it (any other finds the
     * import taken and shows its page).
     */
    async confirm(record: ImportRecord, user: User): Promise<void> {
      if (!(await imports.startImport(record.id))) return;
      const summary = record.preview as PreviewSummary;
      const result =
        record.progress > 0 ? { ...record.result } : { active: 0, draft: 0, skipped: summary.skipped };
      let progress = record.progress;
      const input = {
        companyId: record.companyId,
        userId: user.id,
        importId: record.id,
        fileName: record.fileName,
      };
      for (;;) {
        const batch = await imports.rows<PreparedCustomer>(record.id, progress, BATCH);
        if (!batch.length) break;
        const last = batch[batch.length - 1]!.line;
        await clients.importCustomers(
          input,
          batch.map((b) => b.payload),
          // Counted from what the database accepted, in the transaction that wrote it.
          async (trx, created) => {
            for (const c of created) result[c.state] += 1;
            result.skipped += batch.length - created.length;
            await imports.advance(trx, record.id, last, result);
          },
        );
        progress = last;
      }
      await imports.finish(record.id);
    },
  };
}

export type ImportService = ReturnType<typeof importService>;
