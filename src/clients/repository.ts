// The only code that reads and writes customers. Rows are snake_case, the app sees camelCase.
import type { Knex } from 'knex';
import { insertedId, type Db } from '../db/connect';
import type { AllAnswers, Step } from './fields/types';

export type ClientState = 'draft' | 'active' | 'inactive';

export type ClientRecord = {
  id: number;
  companyId: number;
  companyName: string;
  state: ClientState;
  version: number;
  reachedStep: number;
  answers: AllAnswers;
  raisonSociale: string | null;
  reference: string | null;
  siren: string | null;
  mainCity: string | null;
  createdAt: Date;
  updatedAt: Date;
  activatedAt: Date | null;
};

export type ClientEvent = { action: string; step: number | null; at: Date; userEmail: string | null };

/** Who may see which customers: a partner its own company's, staff everyone's. */
export type Scope = { companyId: number } | 'all';

type ClientRow = Record<string, unknown> & { id: number; answers: string };

function toRecord(row: ClientRow): ClientRecord {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: row.id,
    companyId: row.company_id as number,
    companyName: row.company_name as string,
    state: row.state as ClientState,
    version: row.version as number,
    reachedStep: row.reached_step as number,
    answers: JSON.parse(row.answers || '{}') as AllAnswers,
    raisonSociale: (row.raison_sociale as string | null) ?? null,
    reference: (row.reference as string | null) ?? null,
    siren: (row.siren as string | null) ?? null,
    mainCity: (row.main_city as string | null) ?? null,
    createdAt: date(row.created_at)!,
    updatedAt: date(row.updated_at)!,
    activatedAt: date(row.activated_at),
  };
}

export type StepWrite = {
  step: Step;
  /** The step table's typed columns. */
  columns: Record<string, unknown>;
  answers: AllAnswers;
  reachedStep: number;
  /** Columns of the clients row kept for the list (main commune, search text). */
  listColumns: Record<string, unknown>;
  userId: number;
};

export class UniqueReferenceError extends Error {}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(e.message ?? ''));
}

export function clientsRepository(db: Db) {
  const now = () => new Date().toISOString();

  function scoped(query: Knex.QueryBuilder, scope: Scope) {
    return scope === 'all' ? query : query.where('clients.company_id', scope.companyId);
  }

  async function writeStepTable(trx: Knex.Transaction, clientId: number, write: StepWrite, at: string) {
    const { table } = write.step;
    if (table === 'clients') return;
    const key = { client_id: clientId, ...write.step.rowKey };
    const updated = await trx(table)
      .where(key)
      .update({ ...write.columns, updated_at: at });
    if (updated === 0) await trx(table).insert({ ...key, ...write.columns, created_at: at, updated_at: at });
  }

  async function recordEvent(
    trx: Knex.Transaction | Db,
    clientId: number,
    userId: number,
    action: string,
    step: number | null,
  ) {
    await trx('client_events').insert({ client_id: clientId, user_id: userId, action, step, at: now() });
  }

  async function guardUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw new UniqueReferenceError();
      throw err;
    }
  }

  return {
    async find(id: number, scope: Scope): Promise<ClientRecord | undefined> {
      if (!Number.isSafeInteger(id) || id <= 0) return undefined;
      const row = await scoped(
        db('clients')
          .join('companies', 'companies.id', 'clients.company_id')
          .select('clients.*', 'companies.name as company_name')
          .where('clients.id', id),
        scope,
      ).first();
      return row ? toRecord(row) : undefined;
    },

    /** Creates the draft with its first step, in one transaction with its history entry. */
    createDraft(companyId: number, write: StepWrite): Promise<number> {
      return guardUnique(() =>
        db.transaction(async (trx) => {
          const at = now();
          const stepColumns = write.step.table === 'clients' ? write.columns : {};
          const [inserted] = await trx('clients')
            .insert({
              company_id: companyId,
              state: 'draft',
              version: 1,
              reached_step: write.reachedStep,
              answers: JSON.stringify(write.answers),
              ...stepColumns,
              ...write.listColumns,
              created_by: write.userId,
              updated_by: write.userId,
              created_at: at,
              updated_at: at,
            })
            .returning('id');
          const id = insertedId(inserted);
          await writeStepTable(trx, id, write, at);
          await recordEvent(trx, id, write.userId, 'created', write.step.number);
          return id;
        }),
      );
    },

    /**
     * Saves one step over the version the form was read at. Returns false, writing nothing, when
     * someone saved a newer version in between.
     */
    saveStep(clientId: number, expectedVersion: number, write: StepWrite): Promise<boolean> {
      return guardUnique(() =>
        db.transaction(async (trx) => {
          const at = now();
          const stepColumns = write.step.table === 'clients' ? write.columns : {};
          const updated = await trx('clients')
            .where({ id: clientId, version: expectedVersion })
            .update({
              ...stepColumns,
              ...write.listColumns,
              answers: JSON.stringify(write.answers),
              reached_step: write.reachedStep,
              version: expectedVersion + 1,
              updated_by: write.userId,
              updated_at: at,
            });
          if (updated === 0) return false;
          await writeStepTable(trx, clientId, write, at);
          await recordEvent(trx, clientId, write.userId, 'updated', write.step.number);
          return true;
        }),
      );
    },

    /** Promotes a draft to « Activé(e) »; false when it is no longer that version or no draft. */
    activate(clientId: number, expectedVersion: number, userId: number): Promise<boolean> {
      return db.transaction(async (trx) => {
        const at = now();
        const updated = await trx('clients')
          .where({ id: clientId, version: expectedVersion, state: 'draft' })
          .update({
            state: 'active',
            version: expectedVersion + 1,
            activated_at: at,
            updated_at: at,
            updated_by: userId,
          });
        if (updated === 0) return false;
        await recordEvent(trx, clientId, userId, 'activated', null);
        return true;
      });
    },

    async referenceOwner(companyId: number, reference: string, exceptId?: number) {
      const query = db('clients').where({ company_id: companyId, reference }).first('id', 'raison_sociale');
      if (exceptId) query.whereNot('id', exceptId);
      const row = await query;
      return row
        ? { id: row.id as number, raisonSociale: (row.raison_sociale as string | null) ?? '' }
        : undefined;
    },

    /** The next free reference of the form CLI-000124 for this partner. */
    async suggestReference(companyId: number): Promise<string> {
      const row = await db('clients')
        .where('company_id', companyId)
        .andWhere('reference', 'like', 'CLI-______')
        .orderBy('reference', 'desc')
        .first('reference');
      const last = row ? Number(String(row.reference).slice(4)) : 0;
      return `CLI-${String((Number.isFinite(last) ? last : 0) + 1).padStart(6, '0')}`;
    },

    async sameSiren(companyId: number, siren: string, exceptId?: number) {
      const query = db('clients')
        .where({ company_id: companyId, siren })
        .select('id', 'raison_sociale', 'state');
      if (exceptId) query.whereNot('id', exceptId);
      const rows = await query.limit(5);
      return rows.map((r) => ({
        id: r.id as number,
        raisonSociale: (r.raison_sociale as string | null) ?? '',
      }));
    },

    async events(clientId: number): Promise<ClientEvent[]> {
      const rows = await db('client_events')
        .leftJoin('users', 'users.id', 'client_events.user_id')
        .where('client_events.client_id', clientId)
        .orderBy([
          { column: 'client_events.at', order: 'desc' },
          { column: 'client_events.id', order: 'desc' },
        ])
        .select(
          'client_events.action',
          'client_events.step',
          'client_events.at',
          'users.email as user_email',
        );
      return rows.map((r) => ({
        action: r.action,
        step: r.step ?? null,
        at: new Date(r.at),
        userEmail: r.user_email ?? null,
      }));
    },

    /**
     * Moves a customer from one état to another over the version the confirmation was read at, in
     * one transaction with its history entry. False, writing nothing, when it is no longer that
     * version in that état.
     */
    changeState(
      clientId: number,
      change: { expectedVersion: number; from: ClientState; to: ClientState; action: string; userId: number },
    ): Promise<boolean> {
      return db.transaction(async (trx) => {
        const updated = await trx('clients')
          .where({ id: clientId, version: change.expectedVersion, state: change.from })
          .update({
            state: change.to,
            version: change.expectedVersion + 1,
            updated_at: now(),
            updated_by: change.userId,
          });
        if (updated === 0) return false;
        await recordEvent(trx, clientId, change.userId, change.action, null);
        return true;
      });
    },

    /** Deletes a draft with all it is made of (the tables cascade); false when it is no longer one. */
    async deleteDraft(clientId: number, expectedVersion: number): Promise<boolean> {
      const deleted = await db('clients')
        .where({ id: clientId, version: expectedVersion, state: 'draft' })
        .delete();
      return deleted > 0;
    },
  };
}

export type ClientsRepository = ReturnType<typeof clientsRepository>;
