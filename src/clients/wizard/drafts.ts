// Where « Reprendre la saisie » takes a draft: the first step it reached that still has a problem,
// as the wizard's own « Reprendre le brouillon en cours » does, or else the step it reached.
import type { AllAnswers } from '../fields/types';
import { steps } from '../fields/steps';
import { validateStep } from '../fields/validation';

export function resumeStepOf(answers: AllAnswers, reachedStep: number): number {
  // Step by step, stopping at the first problem: checking a step costs a fraction of a millisecond.
  for (const step of steps) {
    if (step.number > reachedStep) break;
    if (validateStep(step, answers[step.number] ?? {}, answers).errors.length) return step.number;
  }
  return reachedStep;
}

export const resumeHrefOf = (client: { id: number; answers?: AllAnswers; reachedStep: number }): string =>
  `/clients/${client.id}/etape/${resumeStepOf(client.answers ?? {}, client.reachedStep)}`;
