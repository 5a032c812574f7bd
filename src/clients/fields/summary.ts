// The four sections of a customer as a person reads them: the confirmation page and the customer's
// page show the same thing, derived from the declarations.
import { checkSiren, tvaFromSiren } from '../../domain';
import { kindOf } from './kinds';
import { answerOf, groupOf, type AllAnswers, type Field } from './types';
import { SIREN, steps } from './steps';
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
    const shown = (field: Field) => kindOf(field).display(values[field.name] ?? null, field);
    const postal = step.fields.find((f) => f.kind === 'postalCode');
    const address = postal?.group;
    const addressLabel = postal ? (groupOf(step, postal)?.legend ?? 'Adresse') : 'Adresse';
    const rows: SummarySection['rows'] = [];
    for (const field of step.fields) {
      if (address && field.group === address) {
        // The address reads as one block, as on an envelope, where its first field stood.
        if (field === step.fields.find((f) => f.group === address)) {
          const block = addressBlock(
            step.fields.filter((f) => f.group === address),
            shown,
          );
          if (block) rows.push({ label: addressLabel, value: block });
        }
        continue;
      }
      const value = shown(field);
      if (value !== '') rows.push({ label: field.label, value });
    }
    return {
      number: step.number,
      title: step.title,
      editHref: editable ? `/clients/${clientId}/etape/${step.number}` : undefined,
      rows,
    };
  });
}

/** « 12 rue de la République / Bâtiment A, Etage 2 / Complément / 37550 Saint-Avertin / France », one per line. */
function addressBlock(fields: Field[], shown: (f: Field) => string): string {
  const value = (name: string) => {
    const field = fields.find((f) => f.name === name);
    return field ? shown(field) : '';
  };
  const join = (parts: string[], separator: string) => parts.filter(Boolean).join(separator);
  const access = fields
    .filter((f) => ['building', 'floor', 'door', 'staircase'].includes(f.name) && shown(f))
    .map((f) => `${f.label} ${shown(f)}`);
  return join(
    [
      join([value('streetNumber'), value('street')], ' '),
      join(access, ', '),
      value('complement'),
      join([value('postalCode'), value('city')], ' '),
      value('country'),
    ],
    '\n',
  );
}

/** The intra-community VAT number, when the SIREN is known and valid. */
export function tvaOf(all: AllAnswers): string | undefined {
  const checked = checkSiren(answerOf(all[SIREN.step], SIREN.field));
  return checked.ok ? tvaFromSiren(checked.value) : undefined;
}
