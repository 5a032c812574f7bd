// Leaving a step by the back link or the stepper: what was typed is saved as the draft first, but
// only when it differs from what is stored, so that merely looking at a step writes nothing.
import { defaultAnswers } from '../fields/form-view';
import type { AllAnswers, Answers, Step } from '../fields/types';
import { validateStep } from '../fields/validation';

/** Where a navigation button leads: « retour » (the previous step) or « etape-N ». */
export type Destination = { kind: 'list' } | { kind: 'step'; number: number };

export function destinationOf(action: string, step: Step): Destination | undefined {
  if (action === 'retour')
    return step.number > 1 ? { kind: 'step', number: step.number - 1 } : { kind: 'list' };
  const match = /^etape-([1-4])$/.exec(action);
  return match ? { kind: 'step', number: Number(match[1]) } : undefined;
}

const comparable = (value: string | string[] | undefined) =>
  Array.isArray(value) ? [...value].sort().join('\u0000') : (value ?? '').trim();

/**
 * True when the posted step holds nothing new: the same answers as stored or, for a step never
 * saved, as the form showed before any typing (its defaults and prefills, and what `shown` adds).
 */
export function isUnchanged(step: Step, typed: Answers, all: AllAnswers, shown: Answers = {}): boolean {
  const mine = validateStep(step, typed, all).answers;
  const blank = { ...defaultAnswers(step, all), ...shown };
  const stored = all[step.number] ?? validateStep(step, blank, all).answers;
  return step.fields
    .filter((f) => f.kind !== 'fixed')
    .every((f) => comparable(mine[f.name]) === comparable(stored[f.name]));
}
