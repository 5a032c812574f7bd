// The page of one step: the form derived from the declarations, the stepper, the error summary,
// notices and, after a refused save, the two versions side by side.
import type { Request, Response } from 'express';
import { formatParisTime } from '../../web/dates';
import { Notice, takeNotices } from '../../web/notices';
import { kindOf } from '../fields/kinds';
import { AllAnswers, Answers, answerOf, FieldError, Step } from '../fields/types';
import { fieldsets } from '../fields/form-view';
import type { ClientRecord } from '../repository';
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
  conflict?: {
    savedAt: string;
    reloadHref: string;
    differences: { label: string; yours: string; saved: string }[];
  };
  version?: number;
  status?: number;
};

export function renderStep(req: Request, res: Response, o: RenderOptions) {
  const { client, step } = o;
  const all: AllAnswers = { ...(client?.answers ?? {}) };
  // A page that comes back (an error elsewhere, a search) shows the commune its postal code found.
  if (o.answers) all[step.number] = completeAnswers(step, o.answers);
  const isDraft = !client || client.state === 'draft';
  const problems = client ? problemsOf(client.answers) : new Map<number, FieldError[]>();
  const reached = client?.reachedStep ?? 1;
  const stepper = steps.map((s) => ({
    number: s.number,
    title: s.title,
    current: s.number === step.number,
    reached: isDraft ? s.number <= reached : true,
    complete: client !== undefined && client.answers[s.number] !== undefined && !problems.has(s.number),
    href: client && (!isDraft || s.number <= reached) ? `/clients/${client.id}/etape/${s.number}` : undefined,
  }));
  const sets = fieldsets(step, all[step.number], all, o.errors, o.pending);
  const anchors = new Map(sets.flatMap((set) => set.rows.flat()).map((f) => [f.name, f.anchor]));
  const errors = (o.errors ?? []).map((e) => ({ ...e, anchor: anchors.get(e.field) ?? e.field }));
  const stepTitle = `Étape ${step.number} sur 4 : ${step.title}`;
  const pageHeading = isDraft
    ? 'Nouveau client final'
    : `Modifier le client « ${client?.raisonSociale ?? ''} »`;
  const previous = step.number > 1 && client ? `/clients/${client.id}/etape/${step.number - 1}` : '/clients';
  res.status(o.status ?? 200).render('pages/clients/step', {
    title: `${errors.length || o.conflict ? 'Erreur : ' : ''}${stepTitle} — ${pageHeading}`,
    pageHeading,
    step,
    stepper,
    errors,
    notices: [...takeNotices(req), ...(o.notices ?? [])],
    conflict: o.conflict,
    fieldsets: sets,
    version: o.version ?? client?.version ?? 0,
    formAction: client ? `/clients/${client.id}/etape/${step.number}` : '/clients/nouveau',
    isDraft,
    primaryLabel: isDraft ? 'Enregistrer et continuer' : 'Enregistrer',
    hasInlineButtons: step.fields.some((f) => f.kind === 'postalCode'),
    backHref: isDraft ? previous : `/clients/${client.id}`,
    backLabel: isDraft && step.number > 1 ? 'Retour à l’étape précédente' : 'Retour',
    cancelHref: client ? `/clients/${client.id}` : '/clients',
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
