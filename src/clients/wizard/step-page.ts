// The page of one step: the form derived from the declarations, the stepper, the error summary,
// notices and, after a refused save, the two versions side by side.
import type { Request, Response } from 'express';
import { formatParisTime } from '../../web/dates';
import { Notice, takeNotices } from '../../web/notices';
import { kindOf } from '../fields/kinds';
import { AllAnswers, Answers, answerOf, FieldError, Step, StepNumber } from '../fields/types';
import { fieldsets } from '../fields/form-view';
import type { ClientRecord } from '../repository';
import { nameOf } from '../model';
import { steps } from '../fields/steps';
import { completeAnswers, validateStep } from '../fields/validation';
import { problemsOf } from '../fields/derived';

export type RenderOptions = {
  client?: ClientRecord;
  step: Step;
  answers?: Answers;
  errors?: FieldError[];
  pending?: FieldError[];
  notices?: Notice[];
  /** A reopened draft: say what still blocks activation, step by step. */
  draftStatus?: boolean;
  conflict?: {
    savedAt: string;
    reloadHref: string;
    differences: { label: string; yours: string; saved: string }[];
  };
  version?: number;
  status?: number;
};

const points = (n: number) => `${n} point${n > 1 ? 's' : ''}`;

/** Each reached step's problems that still block activation, the other steps as buttons. */
function draftStatusOf(client: ClientRecord, current: Step, problems: Map<number, FieldError[]>) {
  const items = steps
    .filter((s) => client.answers[s.number] !== undefined && problems.has(s.number))
    .map((s) => ({
      title: s.title,
      count: points(problems.get(s.number)!.length),
      action: s.number === current.number ? undefined : `etape-${s.number}`,
    }));
  const total = [...problems.entries()]
    .filter(([n]) => client.answers[n as StepNumber] !== undefined)
    .reduce((sum, [, list]) => sum + list.length, 0);
  return total ? { total: points(total), items } : undefined;
}

export function renderStep(req: Request, res: Response, o: RenderOptions) {
  const { client, step } = o;
  const all: AllAnswers = { ...(client?.answers ?? {}) };
  // A page that comes back (an error elsewhere, a search) shows the commune its postal code found.
  if (o.answers) all[step.number] = completeAnswers(step, o.answers);
  // An existing customer's section is changed, not created: worded as an edit, with no stepper.
  const editing = client !== undefined && client.state !== 'draft';
  const problems = client ? problemsOf(client.answers) : new Map<number, FieldError[]>();
  const reached = client?.reachedStep ?? 1;
  const stepper = steps.map((s) => ({
    number: s.number,
    title: s.title,
    current: s.number === step.number,
    reached: s.number <= reached,
    complete: client !== undefined && client.answers[s.number] !== undefined && !problems.has(s.number),
    // A button of the step's form: leaving by the stepper saves what was typed.
    action: client && s.number <= reached && s.number !== step.number ? `etape-${s.number}` : undefined,
  }));
  const sets = fieldsets(step, all[step.number], all, o.errors, o.pending);
  const anchors = new Map(sets.flatMap((set) => set.rows.flat()).map((f) => [f.name, f.anchor]));
  const errors = (o.errors ?? []).map((e) => ({ ...e, anchor: anchors.get(e.field) ?? e.field }));
  const name = nameOf({ raisonSociale: client?.raisonSociale ?? null });
  const pageHeading = editing ? step.editHeading : 'Nouveau client final';
  const pageTitle = editing
    ? `${step.editHeading} — ${name}`
    : `Étape ${step.number} sur 4 : ${step.title} — ${pageHeading}`;
  res.status(o.status ?? 200).render('pages/clients/step', {
    title: `${errors.length || o.conflict ? 'Erreur : ' : ''}${pageTitle}`,
    pageHeading,
    editing,
    clientName: name,
    step,
    stepper,
    errors,
    notices: [...takeNotices(req), ...(o.notices ?? [])],
    draftStatus: o.draftStatus && client && !editing ? draftStatusOf(client, step, problems) : undefined,
    conflict: o.conflict,
    fieldsets: sets,
    version: o.version ?? client?.version ?? 0,
    formAction: client ? `/clients/${client.id}/etape/${step.number}` : '/clients/nouveau',
    primaryLabel: editing ? 'Enregistrer' : 'Enregistrer et continuer',
    backLabel: step.number > 1 ? 'Retour à l’étape précédente' : 'Retour à Mes clients',
    customerHref: client ? `/clients/${client.id}` : '/clients',
  });
}

/** The differences between what the person typed and the version saved meanwhile. */
export function conflictOf(step: Step, current: ClientRecord, yours: Answers) {
  const saved = validateStep(step, current.answers[step.number] ?? {}, current.answers).values;
  const mine = validateStep(step, yours, { ...current.answers, [step.number]: yours });
  const show = (name: string, values: Record<string, unknown>, typed: Answers | undefined) => {
    const field = step.fields.find((f) => f.name === name)!;
    const value = values[name];
    return value === null || value === undefined
      ? answerOf(typed, name)
      : kindOf(field).display(value, field);
  };
  const differences = step.fields
    .filter((f) => f.kind !== 'fixed')
    .map((f) => ({
      label: f.label,
      yours: show(f.name, mine.values, yours),
      saved: show(f.name, saved, current.answers[step.number]),
    }))
    .filter((d) => d.yours !== d.saved);
  return {
    savedAt: formatParisTime(current.updatedAt),
    reloadHref: `/clients/${current.id}/etape/${step.number}`,
    differences,
  };
}
