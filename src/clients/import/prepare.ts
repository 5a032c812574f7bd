// What each row of the file will become, by exactly the rules of the four steps (validateStep, the
// wizard's own typed columns and search text): « Activé(e) » when all four steps are valid, a
// « Brouillon » keeping what was typed otherwise, or skipped when its Référence client cannot
// identify it (missing, invalid, repeated in the file, or already one of the partner's customers).
import { steps } from '../fields/steps';
import type { AllAnswers, Step } from '../fields/types';
import { MAX_ANSWER_LENGTH, validateStep } from '../fields/validation';
import { columnsOf } from '../wizard/service';
import { listKeysOf, mainCityOf } from '../fields/derived';
import type { StepColumns } from '../fields/kinds';
import type { ListColumns } from '../repository';
import { answersOfRow } from './cells';
import { columnByKey, importColumns, shortHeader } from './columns';
import type { FileRow } from './file-error';

export type Problem = { line: number; column: string; message: string };

/** A customer ready to be written: the wizard's write of each step, all at once. */
export type PreparedCustomer = {
  line: number;
  state: 'active' | 'draft';
  reference: string;
  answers: AllAnswers;
  columns: Record<Step['table'], StepColumns>;
  listColumns: ListColumns;
};

export type Prepared =
  | { outcome: 'skipped'; line: number; problems: Problem[] }
  | { outcome: 'create'; customer: PreparedCustomer; problems: Problem[] };

/** The header a problem names: the file's own for that field, or the model's when it has none. */
export function headerFor(headers: string[], mapping: (string | null)[], key: string): string {
  const i = mapping.indexOf(key);
  return i >= 0 && headers[i] ? shortHeader(headers[i]) : (columnByKey(key)?.header ?? key);
}

export function prepareRow(row: FileRow, headers: string[], mapping: (string | null)[]): Prepared {
  const header = (step: number, field: string) => headerFor(headers, mapping, `${step}.${field}`);
  const problem = (step: number, field: string, message: string): Problem => ({
    line: row.line,
    column: header(step, field),
    message,
  });

  // The forms keep at most MAX_ANSWER_LENGTH characters of an answer; a longer cell would be cut.
  const long = mapping.findIndex((key, i) => key && (row.cells[i] ?? '').length > MAX_ANSWER_LENGTH);
  if (long >= 0) {
    const column = columnByKey(mapping[long]!)!;
    return {
      outcome: 'skipped',
      line: row.line,
      problems: [
        problem(
          column.step.number,
          column.field.name,
          `Cellule de ${row.cells[long]!.length.toLocaleString('fr-FR')} caractères : ${MAX_ANSWER_LENGTH.toLocaleString('fr-FR')} au maximum. Ligne ignorée.`,
        ),
      ],
    };
  }

  const typed = answersOfRow(row.cells, mapping);
  const all: AllAnswers = {};
  const problems: Problem[] = [];
  const columns = {} as PreparedCustomer['columns'];
  let reference: unknown = null;
  let referenceError: string | undefined;
  let mainCity: ListColumns['main_city'] = null;
  for (const step of steps) {
    const result = validateStep(step, typed[step.number] ?? {}, { ...typed, ...all });
    all[step.number] = result.answers;
    columns[step.table] = columnsOf(step, result.values);
    for (const e of result.errors) {
      if (step.number === 1 && e.field === 'reference') referenceError = e.message;
      else problems.push(problem(step.number, e.field, e.message));
    }
    if (step.number === 1) reference = result.values.reference;
    mainCity = mainCityOf(step, columns[step.table]).main_city ?? mainCity;
  }
  if (typeof reference !== 'string' || referenceError) {
    return {
      outcome: 'skipped',
      line: row.line,
      problems: [
        problem(
          1,
          'reference',
          `${referenceError ?? 'Référence client invalide'} : elle identifie le client d’un import à l’autre. Ligne ignorée.`,
        ),
      ],
    };
  }
  return {
    outcome: 'create',
    problems,
    customer: {
      line: row.line,
      state: problems.length ? 'draft' : 'active',
      reference,
      answers: all,
      columns,
      listColumns: {
        ...listKeysOf(all),
        main_city: mainCity,
      },
    },
  };
}

/**
 * What the preview keeps of a row: its outcome and problems, and the customer to write as the JSON
 * the imports table holds (made where the row was checked, on either thread: a string crosses to
 * the main thread for a fraction of what the object would).
 */
export type CheckedRow =
  | { outcome: 'skipped'; line: number; problems: Problem[] }
  | {
      outcome: 'create';
      line: number;
      reference: string;
      state: PreparedCustomer['state'];
      problems: Problem[];
      json: string;
    };

export function checkRow(row: FileRow, headers: string[], mapping: (string | null)[]): CheckedRow {
  const prepared = prepareRow(row, headers, mapping);
  if (prepared.outcome === 'skipped') return prepared;
  const { customer, problems } = prepared;
  const { line, reference, state } = customer;
  return { outcome: 'create', line, reference, state, problems, json: JSON.stringify(customer) };
}

/** The first problems shown on the preview. */
export const SHOWN_PROBLEMS = 50;

export type PreviewSummary = {
  active: number;
  draft: number;
  skipped: number;
  problemCount: number;
  problems: Problem[];
  /** The model's columns the file lacks (their defaults apply), by header. */
  missing: string[];
};

/** Every column of the model the mapping leaves out. */
export const missingColumns = (mapping: (string | null)[]): string[] =>
  importColumns()
    .filter((c) => !mapping.includes(c.key))
    .map((c) => c.header);
