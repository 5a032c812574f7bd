// The four sections of a customer as a person reads them: the confirmation page and the customer's
// page show the same thing, derived from the declarations.
import { checkSiren, tvaFromSiren } from '../../domain';
import { kindOf } from './kinds';
import type { AllAnswers } from './types';
import { steps } from './steps';
import { validateStep } from './validation';

export type SummarySection = {
  number: number;
  title: string;
  /** Absent for a reader who may not change the customer (staff, on another partner's). */
  editHref?: string;
  rows: { label: string; value: string }[];
};

export function summaryOf(clientId: number, all: AllAnswers, { editable = true } = {}): SummarySection[] {
  return steps.map((step) => {
    const { values } = validateStep(step, all[step.number] ?? {}, all);
    const rows = step.fields
      .map((field) => ({
        label: field.label,
        value: kindOf(field).display(values[field.name] ?? null, field),
      }))
      .filter((row) => row.value !== '');
    return {
      number: step.number,
      title: step.title,
      editHref: editable ? `/clients/${clientId}/etape/${step.number}` : undefined,
      rows,
    };
  });
}

/** The intra-community VAT number, when the SIREN is known and valid. */
export function tvaOf(all: AllAnswers): string | undefined {
  const siren = all[1]?.siren;
  const checked = checkSiren(typeof siren === 'string' ? siren : '');
  return checked.ok ? tvaFromSiren(checked.value) : undefined;
}
