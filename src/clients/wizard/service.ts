// The rules of « Nouveau client final »: saving a step (as a draft or to continue), references
// unique per partner, the version check, and activation once all four steps are valid.
import type { User } from '../../auth/users-repository';
import { kindOf, type StepColumns } from '../fields/kinds';
import { Answers, FieldError, Step, STEP_NUMBERS } from '../fields/types';
import { NotFoundError } from '../../web/errors';
import { ClientRecord, ClientsRepository, UniqueReferenceError, type ListColumns } from '../repository';
import { validateStep } from '../fields/validation';
import { listKeysOf, mainCityOf, problemsOf } from '../fields/derived';
import { nameOf } from '../model';

export type SaveAction = 'continue' | 'draft';

export type SaveOutcome =
  | { kind: 'invalid'; errors: FieldError[]; answers: Answers }
  | { kind: 'stale'; current: ClientRecord; answers: Answers }
  /** Saved; the notice tells of a suggested reference that had to move on to the next free one. */
  | { kind: 'saved'; clientId: number; notice?: string }
  | { kind: 'incomplete'; clientId: number; step: number }
  | { kind: 'activated'; clientId: number };

/** The typed columns of a step: each field's checked value, or null. */
export function columnsOf(step: Step, values: Record<string, unknown>): StepColumns {
  const columns: StepColumns = {};
  for (const field of step.fields) {
    if (field.kind === 'fixed') continue;
    kindOf(field).writeColumns(values[field.name] ?? null, field, columns);
  }
  return columns;
}

const sameAnswers = (a: Answers | undefined, b: Answers) => JSON.stringify(a ?? {}) === JSON.stringify(b);

/** How many times a clash on an untouched suggested reference moves on to the next free one. */
const REFERENCE_RETRIES = 5;

export function wizardService(clients: ClientsRepository) {
  /** The message of a reference another customer of the partner holds, on the field. */
  async function referenceTaken(companyId: number, reference: string, clientId?: number) {
    const owner = await clients.referenceOwner(companyId, reference, clientId);
    const suggestion = await clients.suggestReference(companyId);
    return {
      field: 'reference',
      message: `Cette référence est déjà utilisée par le client « ${nameOf(owner ?? { raisonSociale: null })} » : choisissez-en une autre, par exemple ${suggestion}`,
    };
  }

  /** Values too long for their column (a web address once normalised): an error on the field. */
  async function overlongErrors(step: Step, columns: StepColumns): Promise<FieldError[]> {
    const overlong = new Set(await clients.overlongColumns(step.table, columns));
    if (!overlong.size) return [];
    const errors: FieldError[] = [];
    for (const field of step.fields) {
      const stored = Object.keys(kindOf(field).toColumns(null, field));
      const names = stored.filter((c) => overlong.has(c));
      if (!names.length) continue;
      for (const c of names) columns[c] = null;
      errors.push({
        field: field.name,
        message: `« ${field.label} » est trop long une fois mis en forme : raccourcissez-le`,
      });
    }
    return errors;
  }

  return {
    /**
     * Saves a step (a draft never blocks), and on the last step of a complete draft activates it
     * in the same transaction. A duplicate of a final form that already activated the customer (a
     * double press, a replay, a re-send after a crash) lands on the same confirmation.
     */
    async save(input: {
      user: User;
      client?: ClientRecord;
      step: Step;
      typed: Answers;
      version: number;
      action: SaveAction;
      /** The reference the new form was offered: when still untouched, the next free one may replace it. */
      suggestedReference?: string;
    }): Promise<SaveOutcome> {
      const { user, step, action } = input;
      let client = input.client;
      let version = input.version;
      const result = validateStep(step, input.typed, client?.answers ?? {});
      const columns = columnsOf(step, result.values);
      const errors = [...result.errors, ...(await overlongErrors(step, columns))];
      const mustBeValid = action === 'continue' || (client !== undefined && client.state !== 'draft');
      if (mustBeValid && errors.length) return { kind: 'invalid', errors, answers: result.answers };

      const companyId = client?.companyId ?? user.companyId;
      const typedReference = step.number === 1 ? columns.reference : undefined;
      const untouched =
        client === undefined &&
        typeof typedReference === 'string' &&
        typedReference === input.suggestedReference;
      let notice: string | undefined;

      for (let attempt = 0; ; attempt++) {
        const answers = { ...(client?.answers ?? {}), [step.number]: result.answers };
        const final = action === 'continue' && step.number === 4 && (!client || client.state === 'draft');
        const problems = final ? problemsOf(answers) : new Map<number, FieldError[]>();
        const firstProblem = STEP_NUMBERS.find((n) => problems.has(n));
        const listColumns: ListColumns = { ...listKeysOf(answers), ...mainCityOf(step, columns) };
        const write = {
          step,
          columns,
          answers,
          reachedStep: Math.max(
            client?.reachedStep ?? 1,
            action === 'continue' ? Math.min(step.number + 1, 4) : step.number,
          ),
          listColumns,
          userId: user.id,
          activate: final && firstProblem === undefined,
        };
        try {
          if (!client) {
            const clientId = await clients.createDraft(user.companyId, write);
            return { kind: 'saved', clientId, notice };
          }
          if (await clients.saveStep(client.id, version, write)) {
            if (write.activate) return { kind: 'activated', clientId: client.id };
            if (firstProblem) return { kind: 'incomplete', clientId: client.id, step: firstProblem };
            return { kind: 'saved', clientId: client.id, notice };
          }
        } catch (err) {
          if (!(err instanceof UniqueReferenceError) || typeof typedReference !== 'string') throw err;
          if (untouched && attempt < REFERENCE_RETRIES) {
            // A colleague took the suggested reference meanwhile: it was never the user's choice.
            const next = await clients.suggestReference(companyId);
            columns.reference = next;
            result.answers.reference = next;
            notice = `La référence ${typedReference} venait d’être attribuée à un autre client : celui-ci a reçu la référence ${next}.`;
            continue;
          }
          if (mustBeValid) {
            const clash = await referenceTaken(companyId, typedReference, client?.id);
            return { kind: 'invalid', errors: [clash], answers: result.answers };
          }
          // A draft keeps the reference as typed in its answers, not in the unique column.
          columns.reference = null;
          continue;
        }
        // Someone saved a newer version in between, or this very form already did.
        const current = await clients.find(client.id, 'all');
        if (!current) throw new NotFoundError();
        const same = sameAnswers(current.answers[step.number], result.answers);
        if (final && current.state !== 'draft' && same) return { kind: 'activated', clientId: current.id };
        if (same && current.state === client.state && attempt < 1) {
          // What is stored for this step is what was typed: saving over it loses nothing. This
          // finishes a final step whose save was kept but whose activation was not.
          client = current;
          version = current.version;
          continue;
        }
        return { kind: 'stale', current, answers: result.answers };
      }
    },

    suggestReference: (companyId: number) => clients.suggestReference(companyId),
  };
}

export type WizardService = ReturnType<typeof wizardService>;
