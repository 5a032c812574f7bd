// The rules of « Nouveau client final »: saving a step (as a draft or to continue), references
// unique per partner, the version check, and activation once all four steps are valid.
import type { User } from '../../auth/users-repository';
import { kindOf } from '../fields/kinds';
import { Answers, columnOf, FieldError, Step, STEP_NUMBERS } from '../fields/types';
import { ClientRecord, ClientsRepository, UniqueReferenceError } from '../repository';
import { validateStep } from '../fields/validation';
import { listKeysOf, problemsOf } from '../fields/derived';
import { nameOf } from '../model';

export type SaveAction = 'continue' | 'draft';

export type SaveOutcome =
  | { kind: 'invalid'; errors: FieldError[]; answers: Answers }
  | { kind: 'stale'; current: ClientRecord; answers: Answers }
  | { kind: 'saved'; clientId: number }
  | { kind: 'incomplete'; clientId: number; step: number }
  | { kind: 'activated'; clientId: number };

/** The typed columns of a step: each field's checked value, or null. */
function columnsOf(step: Step, values: Record<string, unknown>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const field of step.fields) {
    if (field.kind === 'fixed') continue;
    const kind = kindOf(field);
    const value = values[field.name] ?? null;
    Object.assign(columns, kind.toColumns ? kind.toColumns(value, field) : { [columnOf(field)]: value });
  }
  return columns;
}

export function wizardService(clients: ClientsRepository) {
  async function referenceErrors(
    step: Step,
    values: Record<string, unknown>,
    companyId: number,
    clientId?: number,
  ) {
    const reference = values.reference;
    if (step.number !== 1 || typeof reference !== 'string') return [];
    const owner = await clients.referenceOwner(companyId, reference, clientId);
    if (!owner) return [];
    const suggestion = await clients.suggestReference(companyId);
    return [
      {
        field: 'reference',
        message: `Cette référence est déjà utilisée par le client « ${nameOf(owner)} » : choisissez-en une autre, par exemple ${suggestion}`,
      },
    ];
  }

  return {
    async save(input: {
      user: User;
      client?: ClientRecord;
      step: Step;
      typed: Answers;
      version: number;
      action: SaveAction;
    }): Promise<SaveOutcome> {
      const { user, client, step, action } = input;
      const all = client?.answers ?? {};
      const result = validateStep(step, input.typed, all);
      const uniqueness = await referenceErrors(
        step,
        result.values,
        client?.companyId ?? user.companyId,
        client?.id,
      );
      const errors = [...result.errors, ...uniqueness];
      if (uniqueness.length) result.values.reference = null;
      const mustBeValid = action === 'continue' || (client !== undefined && client.state !== 'draft');
      if (mustBeValid && errors.length) return { kind: 'invalid', errors, answers: result.answers };

      const answers = { ...all, [step.number]: result.answers };
      const next = Math.min(step.number + 1, 4);
      const listColumns: Record<string, unknown> = { ...listKeysOf(answers) };
      if (step.number === 2)
        listColumns.main_city = (result.values.city as { name?: string } | null)?.name ?? null;
      const write = {
        step,
        columns: columnsOf(step, result.values),
        answers,
        reachedStep: Math.max(client?.reachedStep ?? 1, action === 'continue' ? next : step.number),
        listColumns,
        userId: user.id,
      };
      let clientId: number;
      try {
        if (!client) {
          clientId = await clients.createDraft(user.companyId, write);
        } else {
          if (!(await clients.saveStep(client.id, input.version, write))) {
            const current = await clients.find(client.id, 'all');
            return { kind: 'stale', current: current ?? client, answers: result.answers };
          }
          clientId = client.id;
        }
      } catch (err) {
        // Two people took the same reference at the same moment: the database said no to one.
        if (err instanceof UniqueReferenceError) {
          return {
            kind: 'invalid',
            errors: await referenceErrors(step, result.values, user.companyId, client?.id),
            answers: result.answers,
          };
        }
        throw err;
      }

      if (action === 'continue' && step.number === 4 && (!client || client.state === 'draft')) {
        const problems = problemsOf(answers);
        const first = STEP_NUMBERS.find((n) => problems.has(n));
        if (first) return { kind: 'incomplete', clientId, step: first };
        const version = (client?.version ?? 0) + 1;
        if (!(await clients.activate(clientId, version, user.id))) {
          const current = await clients.find(clientId, 'all');
          if (current?.state === 'active') return { kind: 'activated', clientId };
          return { kind: 'stale', current: current!, answers: result.answers };
        }
        return { kind: 'activated', clientId };
      }
      return { kind: 'saved', clientId };
    },

    suggestReference: (companyId: number) => clients.suggestReference(companyId),
  };
}

export type WizardService = ReturnType<typeof wizardService>;
