// From a row of the file to the answers of the four steps, as if typed into the forms: a choice
// written as its label (« Chèque », « France », « SARL - Société à responsabilité limitée » or just
// « SARL ») becomes the option the form would post; an empty cell takes the form's default or
// prefill; anything else is kept exactly as written.
import { normaliseName, withLostZero } from '../../domain';
import { needsOf } from '../fields/kinds';
import { steps } from '../fields/steps';
import { AllAnswers, Answers, defaultOf, Field, optionsOf } from '../fields/types';
import { columnByKey } from './columns';

const CHOICE_KINDS = new Set(['select', 'radio', 'yesno', 'country', 'checkboxes']);

/** Every way a cell may name an option: its value, its label, and each side of « SIGLE - Libellé ». */
function optionIndex(field: Field): Map<string, string> {
  const index = new Map<string, string>();
  for (const o of optionsOf(field)) {
    const names = [o.value, o.label, ...o.label.split(' - ')];
    for (const name of names) {
      const key = normaliseName(name);
      if (key && !index.has(key)) index.set(key, o.value);
    }
  }
  return index;
}

const indexes = new WeakMap<Field, Map<string, string>>();
// A column of choices repeats a few cells over thousands of rows (« France », « Chèque »): each cell
// as written is looked up once, rather than folded again on every row (4 % of a preview).
const seen = new WeakMap<Field, Map<string, string | undefined>>();
const SEEN_PER_FIELD = 256;
function optionOf(field: Field, cell: string): string | undefined {
  let cells = seen.get(field);
  if (!cells) seen.set(field, (cells = new Map<string, string | undefined>()));
  if (cells.has(cell)) return cells.get(cell);
  let index = indexes.get(field);
  if (!index) indexes.set(field, (index = optionIndex(field)));
  const option = index.get(normaliseName(cell));
  if (cells.size >= SEEN_PER_FIELD) cells.clear();
  cells.set(cell, option);
  return option;
}

/** One cell as the form would have posted it; an unknown choice stays as written (and is reported). */
export function answerOfCell(field: Field, cell: string): string | string[] {
  if (!CHOICE_KINDS.has(field.kind)) return cell;
  if (field.kind === 'checkboxes') {
    return cell
      .split(/[,;\n]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => optionOf(field, part) ?? part);
  }
  return cell.trim() === '' ? cell : (optionOf(field, cell) ?? cell);
}

/** The step answers of one row: the mapped cells, then the defaults and prefills of empty ones. */
export function answersOfRow(cells: string[], mapping: (string | null)[]): AllAnswers {
  const all: AllAnswers = {};
  mapping.forEach((key, i) => {
    const column = key ? columnByKey(key) : undefined;
    if (!column) return;
    const answers: Answers = (all[column.step.number] ??= {});
    answers[column.field.name] = answerOfCell(column.field, cells[i] ?? '');
  });
  // Step by step, so that a prefill (Titulaire du compte from the Raison sociale) reads the row.
  for (const step of steps) {
    const answers: Answers = (all[step.number] ??= {});
    for (const field of step.fields) {
      if (field.kind === 'fixed') continue;
      const value = answers[field.name];
      const empty = value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
      if (!empty) continue;
      const fallback = defaultOf(field, all);
      answers[field.name] = fallback ?? (field.kind === 'checkboxes' ? [] : (value ?? ''));
    }
    // A spreadsheet saves 01400 as 1400: the 0 is put back when the code then exists in France.
    for (const field of step.fields) {
      const value = answers[field.name];
      if (field.kind !== 'postalCode' || typeof value !== 'string') continue;
      const zero = withLostZero(value, needsOf(field, all).country || 'FR');
      if (zero) answers[field.name] = zero;
    }
  }
  return all;
}
